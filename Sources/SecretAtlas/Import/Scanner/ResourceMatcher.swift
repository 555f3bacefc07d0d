/// Matches the resource names of scanner findings and SSH key files to inventory entries (by id,
/// name, name without case, or host name) once every input is read; a name in no inventory becomes
/// a minimal entry, and the build says so.
///
/// Also where SSH trust is tied up: `authorized_keys` files give their resource's `authorizedKeys`,
/// and a `<key>.pub` beside a private key gives that finding its public-key fingerprint. Finally a
/// finding known only by its place (detect-secrets' private keys) is dropped when another scanner
/// reported the value at the same place.
struct ResourceMatcher {
    let fingerprinter: SecretFingerprinter

    func resolve(_ input: inout ScanInput) {
        guard !input.scannerFindings.isEmpty || !input.sshKeyFiles.isEmpty else { return }
        var byID: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        var byLowerName: [String: [Int]] = [:]
        for (index, resource) in input.resources.enumerated() {
            byID[resource.id] = byID[resource.id] ?? index
            byName[resource.name, default: []].append(index)
            byLowerName[resource.name.lowercased(), default: []].append(index)
            for host in resource.hostnames { byLowerName[host, default: []].append(index) }
        }
        var minimal: [String] = []
        func resourceID(_ name: String, origin: RecordOrigin) -> String {
            if let index = byID[name] ?? byName[name]?.first ?? byLowerName[name.lowercased()]?.first {
                return input.resources[index].id
            }
            byID[name] = input.resources.count
            input.resources.append(
                ResourceRecord(
                    origin: origin, id: name, name: name, kind: .other, cloud: .unknown, subscription: nil,
                    resourceGroup: nil, region: nil, os: nil, tags: [], internetExposed: false,
                    criticality: nil,
                    hostnames: [], authorizedKeys: []))
            minimal.append(name)
            return name
        }

        var publicKeys: [String: String] = [:]
        var trusted: [String: [String]] = [:]
        for file in input.sshKeyFiles {
            let id = resourceID(file.resource, origin: file.origin)
            if file.isAuthorizedKeys {
                trusted[id, default: []] += file.fingerprints
            } else if let fingerprint = file.fingerprints.first, file.path.hasSuffix(".pub") {
                publicKeys[id + "\u{0}" + String(file.path.dropLast(4))] = fingerprint
            }
        }
        for (id, keys) in trusted {
            guard let index = byID[id] else { continue }
            let resource = input.resources[index]
            input.resources[index] = ResourceRecord(
                origin: resource.origin, id: resource.id, name: resource.name, kind: resource.kind,
                cloud: resource.cloud, subscription: resource.subscription,
                resourceGroup: resource.resourceGroup,
                region: resource.region, os: resource.os, tags: resource.tags,
                internetExposed: resource.internetExposed, criticality: resource.criticality,
                hostnames: resource.hostnames,
                authorizedKeys: Array(Set(resource.authorizedKeys + keys)).sorted())
        }

        // In place, one record at a time: a million findings are never held twice.
        var findings: [FindingRecord] = []
        swap(&findings, &input.scannerFindings)
        for index in findings.indices {
            let finding = findings[index]
            let id = resourceID(finding.resource, origin: finding.origin)
            let publicKey =
                SecretTypes.isPrivateKey(finding.secretType)
                ? finding.publicKeyFingerprint ?? publicKeys[id + "\u{0}" + finding.filePath]
                : finding.publicKeyFingerprint
            var fingerprint = finding.fingerprint
            if let publicKey, SecretFingerprinter.isPlaceFingerprint(fingerprint) {
                fingerprint = fingerprinter.fingerprint(publicKey: publicKey)
            }
            let type =
                publicKey != nil && finding.secretType == SecretTypes.privateKey
                ? SecretTypes.sshPrivateKey : finding.secretType
            guard
                id != finding.resource || fingerprint != finding.fingerprint || type != finding.secretType
                    || publicKey != finding.publicKeyFingerprint
            else { continue }
            findings[index] = FindingRecord(
                origin: finding.origin,
                finding: finding.finding.with(
                    resourceID: id, secretType: type, fingerprint: fingerprint,
                    publicKeyFingerprint: .some(publicKey)))
        }
        // A place-only fingerprint at a place where another report saw the value is the same secret.
        if findings.contains(where: { SecretFingerprinter.isPlaceFingerprint($0.fingerprint) }) {
            let valuePlaces = Set(
                findings.filter { !SecretFingerprinter.isPlaceFingerprint($0.fingerprint) }.map(Self.place))
            findings.removeAll {
                SecretFingerprinter.isPlaceFingerprint($0.fingerprint) && valuePlaces.contains(Self.place($0))
            }
        }
        // Several types for one value at one place (detect-secrets' keyword and entropy plugins on one
        // line) are one occurrence, of the most specific type.
        // Only a place reported more than once can disagree: places are first told apart by hash, so
        // the table of types holds the few repeated places, not a million.
        var seenHashes = Set<Int>()
        var repeatedHashes = Set<Int>()
        for finding in findings {
            let hash = PlaceKey(finding).hashValue
            if !seenHashes.insert(hash).inserted { repeatedHashes.insert(hash) }
        }
        seenHashes = []
        var best: [PlaceKey: String] = [:]
        var conflicting = false
        for finding in findings {
            let key = PlaceKey(finding)
            guard repeatedHashes.contains(key.hashValue) else { continue }
            if let current = best[key] {
                if current != finding.secretType { conflicting = true }
                if Self.rank(current) <= Self.rank(finding.secretType) { continue }
            }
            best[key] = finding.secretType
        }
        if conflicting {
            for index in findings.indices {
                let finding = findings[index]
                let key = PlaceKey(finding)
                guard repeatedHashes.contains(key.hashValue) else { continue }
                if let type = best[key], type != finding.secretType {
                    findings[index] = Self.retyped(finding, as: type)
                }
            }
        }
        best = [:]
        // A scanner without line numbers (truffleHog 2) reporting a secret another placed on a line of
        // the same file: one occurrence, on that line.
        if findings.contains(where: { $0.line == nil }) {
            var lines: [PlaceKey: Int] = [:]
            for finding in findings {
                guard let line = finding.line else { continue }
                let key = PlaceKey(
                    fingerprint: finding.fingerprint, resource: finding.resource, filePath: finding.filePath)
                lines[key] = min(lines[key] ?? line, line)
            }
            for index in findings.indices where findings[index].line == nil {
                let finding = findings[index]
                let key = PlaceKey(
                    fingerprint: finding.fingerprint, resource: finding.resource, filePath: finding.filePath)
                if let line = lines[key] {
                    findings[index] = Self.retyped(finding, as: finding.secretType, line: line)
                }
            }
        }
        ScanInput.appendFindings(&findings, to: &input)
        input.sshKeyFiles = []
        if !minimal.isEmpty {
            let listed = minimal.prefix(10).joined(separator: ", ") + (minimal.count > 10 ? ", …" : "")
            input.diagnostics.append(
                Diagnostic(
                    .warning, file: nil,
                    message:
                        "\(minimal.count) resource(s) known only from scanner findings were added with no "
                        + "inventory data: \(listed). Add an inventory (az graph query, aws ec2 "
                        + "describe-instances, …) to see their cloud, exposure and details."))
        }
    }

    /// A finding's value and place, hashed without building a joined string per finding.
    private struct PlaceKey: Hashable {
        let fingerprint: String
        let resource: String
        let filePath: String
        let line: Int?

        init(_ finding: FindingRecord) {
            fingerprint = finding.fingerprint
            resource = finding.resource
            filePath = finding.filePath
            line = finding.line
        }

        init(fingerprint: String, resource: String, filePath: String) {
            self.fingerprint = fingerprint
            self.resource = resource
            self.filePath = filePath
            line = nil
        }
    }

    private static func place(_ finding: FindingRecord) -> String {
        [finding.resource, finding.filePath, finding.line.map(String.init) ?? ""].joined(separator: "\u{0}")
    }

    /// Lower is more specific: a named type beats a password, which beats a generic or unknown one.
    private static func rank(_ type: String) -> Int {
        type == SecretTypes.generic || !SecretTypes.isKnown(type) ? 2 : type == SecretTypes.password ? 1 : 0
    }

    private static func retyped(_ finding: FindingRecord, as type: String, line: Int? = nil) -> FindingRecord
    {
        FindingRecord(
            origin: finding.origin,
            finding: finding.finding.with(secretType: type, line: line.map { .some($0) }))
    }
}
