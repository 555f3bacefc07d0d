import Foundation

/// One finding as a scanner importer sees it, raw values included; ``ImportContext/add(_:to:)``
/// turns it into a ``FindingRecord`` that holds none of them.
struct ScannerFinding {
    /// The scanner's name, shown on pages (`gitleaks`, `trufflehog`).
    var scanner: String
    /// Our secret type (``SecretTypes``).
    var secretType: String
    /// The path as the scanner reported it.
    var path: String
    var line: Int?
    /// Where the finding is in the report, for diagnostics.
    var location: Diagnostic.Location
    /// The secret as the scanner captured it (gitleaks `Secret`, TruffleHog `Raw`), first the most
    /// specific; used for the fingerprint, SSH derivation and host names, then dropped.
    var rawValues: [String] = []
    /// Text around the secret that may name its host (gitleaks `Match`); searched for host names only.
    var hostContext: [String] = []
    /// A scanner's hex SHA-1 of the value, when it gives no value (detect-secrets, checkov).
    var sha1: String?
    var verification: Verification = .unknown
    var repository: String?
    var commit: String?
}

extension ImportContext {
    /// Adds a scanner finding to `input.scannerFindings`, or a diagnostic when its path names no resource.
    ///
    /// Raw values go only into the fingerprint, the SSH key derivation, the host names
    /// and the leak check's hashed windows.
    func add(_ finding: ScannerFinding, to input: inout ScanInput) {
        let place: (resource: String, path: String)
        if placement.usesDefaultPatterns, let repository = finding.repository,
            let name = Self.repositoryName(repository)
        {
            // Git history: the repository is the resource unless a pattern or PATH@RESOURCE says otherwise.
            place = (name, FindingPlacement.normalize(finding.path))
        } else if let placed = placement.place(finding.path) {
            place = placed
        } else {
            input.diagnostics.append(
                Diagnostic(
                    .error, file: file, location: finding.location,
                    message: "cannot tell which resource \"\(finding.path)\" is on: "
                        + placement.unmatchedAdvice))
            return
        }
        // Names the finding without its path: a secret in a file name would be printed with it.
        let owner = ValueOwner(
            file: file, location: finding.location, type: finding.secretType, resource: place.resource,
            line: finding.line)
        // A value the scanner already masked (`--redact`, `****`) is no value: it would make every
        // redacted secret one.
        let rawValues = finding.rawValues.filter { !$0.isEmpty && !Self.isMasked($0) }
        let hosts = TargetHosts.parse(rawValues + finding.hostContext)
        // The host a connection string names is shown on pages (it is how targets are found), so it
        // is cut out of the value before the value's pieces are searched for.
        sensitiveValues.add(
            rawValues.flatMap { Self.cutting(hosts + Self.structure(of: $0), from: $0) }, owner: owner)
        var secretType = SecretTypes.refine(finding.secretType, rawValues: rawValues, hosts: hosts)
        var publicKey: String?
        for value in rawValues where UTF8Search.contains(value, "PRIVATE KEY") {
            guard let derived = SSHKeyFingerprint.fromPrivateKey(value) else { continue }
            publicKey = derived
            if secretType == SecretTypes.privateKey,
                UTF8Search.contains(value, "OPENSSH PRIVATE KEY") || Self.looksLikeSSHKeyPath(place.path)
            {
                secretType = SecretTypes.sshPrivateKey
            }
            break
        }
        let fingerprint: String
        if let publicKey {
            fingerprint = fingerprinter.fingerprint(publicKey: publicKey)
        } else if let raw = rawValues.first,
            !SecretTypes.isPrivateKey(secretType) || PEMBlock.first(in: raw) != nil
        {
            // A private key is fingerprinted by its value only when the scanner gave the whole block:
            // truffleHog 2 reports just the `BEGIN … PRIVATE KEY` line, the same for every key.
            fingerprint = fingerprinter.fingerprint(rawValue: raw)
        } else if let sha1 = finding.sha1, !SecretTypes.isPrivateKey(secretType) {
            fingerprint = fingerprinter.fingerprint(sha1Hex: sha1)
        } else {
            // detect-secrets hashes a private key's header, the same for every key: the place stands in.
            fingerprint = fingerprinter.fingerprint(
                place: [place.resource, place.path, finding.line.map(String.init) ?? ""].joined(
                    separator: "\u{0}"))
        }
        input.scannerFindings.append(
            FindingRecord(
                origin: RecordOrigin(file: file, location: finding.location),
                resource: strings(place.resource),
                secretType: secretType, fingerprint: fingerprint, filePath: strings(place.path),
                line: finding.line,
                lastAccess: nil, expiry: nil, scanner: finding.scanner, firstSeen: nil, lastSeen: nil,
                verification: finding.verification, publicKeyFingerprint: publicKey,
                targetHosts: strings(hosts),
                repository: strings(finding.repository), commit: finding.commit))
    }

    /// The parts of a value between the host names it contains.
    static func cutting(_ hosts: [String], from value: String) -> [String] {
        guard !hosts.isEmpty else { return [value] }
        var pieces = [value]
        for host in hosts.sorted(by: { $0.count > $1.count }) where host.count >= 4 {
            pieces = pieces.flatMap { piece -> [String] in
                if host.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) {
                    return cuttingASCII(host, from: piece)
                }
                var parts: [String] = []
                var rest = Substring(piece)
                while let range = rest.range(of: host, options: .caseInsensitive) {
                    parts.append(String(rest[..<range.lowerBound]))
                    rest = rest[range.upperBound...]
                }
                parts.append(String(rest))
                return parts
            }
        }
        return pieces.filter { !$0.isEmpty }
    }

    /// Connection-string keys whose values are public too.
    ///
    /// A protocol, an account or server name, an endpoint suffix: pages and remediation text name
    /// them. Keys whose values are credentials
    /// (`AccountKey`, `Password`, `SharedAccessSignature`, `User ID` …) are not listed.
    static let publicConnectionStringKeys: Set<String> = [
        "defaultendpointsprotocol", "accountname", "endpointsuffix", "blobendpoint", "queueendpoint",
        "tableendpoint", "fileendpoint", "endpoint", "accountendpoint", "server", "data source", "database",
        "initial catalog", "port", "sslmode", "encrypt", "trustservercertificate", "connection timeout",
        "authentication", "sharedaccesskeyname",
    ]

    /// Connection-string key names, lower-cased with their `=`: public words even where the value is not.
    static let connectionStringKeyNames =
        publicConnectionStringKeys.map { $0 + "=" } + [
            "accountkey=", "sharedaccesskey=", "sharedaccesssignature=", "password=", "pwd=", "user id=",
            "uid=",
        ]

    /// The public structure inside a raw value, lower-cased.
    ///
    /// URL schemes with their `://` (such as
    /// `postgresql://` or `jdbc:mysql://`, which remediation text names), connection-string key names,
    /// and whole `Key=value` fields whose values are public (``publicConnectionStringKeys``).
    /// They are cut out of the value like host names, so the leak check searches only the parts
    /// between them, which hold the credentials.
    static func structure(of value: String) -> [String] {
        let bytes = Array(value.utf8.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
        var tokens: [String] = []
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0x3A, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F {
                var start = index
                while start > 0, Self.isSchemeByte(bytes[start - 1]) { start -= 1 }
                if start < index {
                    tokens.append(String(decoding: bytes[start..<(index + 3)], as: UTF8.self))
                }
                index += 3
            } else {
                index += 1
            }
        }
        guard bytes.contains(0x3D) else { return tokens }
        for field in bytes.split(separator: 0x3B) {
            guard let equals = field.firstIndex(of: 0x3D) else { continue }
            let key = String(decoding: field[field.startIndex..<equals], as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
            if Self.publicConnectionStringKeys.contains(key) {
                tokens.append(String(decoding: field, as: UTF8.self))
            }
        }
        let lowered = String(decoding: bytes, as: UTF8.self)
        tokens += connectionStringKeyNames.filter { UTF8Search.contains(lowered, $0) }
        return tokens
    }

    /// Letters, digits, `+ . - :` (`jdbc:postgresql`, `mongodb+srv`), lower-cased already.
    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2E
            || byte == 0x2D || byte == 0x3A
    }

    /// The parts of `value` around each occurrence of `host` (lower-case ASCII), ignoring ASCII case:
    /// byte for byte, as Foundation's case-insensitive search would find them, without bridging.
    private static func cuttingASCII(_ host: String, from value: String) -> [String] {
        var value = value
        let pattern = Array(host.utf8)
        return value.withUTF8 { bytes in
            var parts: [String] = []
            var start = 0
            while let found = UTF8Search.firstOffsetIgnoringASCIICase(of: pattern, in: bytes, from: start) {
                parts.append(
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<found]), as: UTF8.self))
                start = found + pattern.count
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return parts
        }
    }

    /// Whether a scanner masked the value: gitleaks `REDACTED` or `abc...`, asterisks.
    static func isMasked(_ value: String) -> Bool {
        value == "REDACTED" || UTF8Search.contains(value, "*****") || value.utf8.allSatisfy { $0 == 0x2A }
            || (value.utf8.last == 0x2E && value.hasSuffix("...") && !value.utf8.contains(0x0A))
    }

    /// `https://github.com/org/app.git` → `app`.
    static func repositoryName(_ repository: String) -> String? {
        var name = Substring(repository)
        while name.hasSuffix("/") { name = name.dropLast() }
        if name.hasSuffix(".git") { name = name.dropLast(4) }
        let last = name.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init)
        return last?.isEmpty == false ? last : nil
    }

    static func looksLikeSSHKeyPath(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return path.contains("/.ssh/") || name.hasPrefix("id_") || name.hasSuffix("_key")
            || name.hasPrefix("ssh_host_")
    }
}
