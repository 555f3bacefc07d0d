/// TruffleHog v3 `--json`: one finding per line (filesystem, git, github … sources).
///
/// `Raw`, `RawV2`, `SecretParts` and `Redacted` (the first 64 characters of a private key) are raw
/// values: used for the fingerprint, SSH derivation and host names, and never copied.
enum TruffleHogV3Format: JSONLinesFormat {
    static let name = "trufflehog"
    static let summary = "TruffleHog v3 JSON lines (trufflehog filesystem|git … --json)"

    static func recognizes(firstRecord: JSONValue) -> Bool {
        let node = ReportNode(firstRecord)
        return node["SourceMetadata"].exists && node["DetectorName"].exists
            || (node["DetectorType"].exists && node["Raw"].exists)
    }

    static func read<Lines: Sequence>(_ lines: Lines, context: ImportContext) -> ScanInput
    where Lines.Element == (Int, [UInt8]) {
        var input = ScanInput()
        for (number, bytes) in lines {
            guard let node = JSONLinesReading.parse(bytes, line: number, context: context, into: &input)
            else {
                continue
            }
            read(node, line: number, context: context, into: &input)
        }
        return input
    }

    static func read(
        _ node: ReportNode, line number: Int, context: ImportContext, into input: inout ScanInput
    ) {
        guard node["SourceMetadata"].exists else {
            // TruffleHog's own log lines (JSON too with --json) when stderr was captured with stdout.
            if node["level"].exists || node["msg"].exists { return }
            input.diagnostics.append(
                .report(
                    context.file, .line(number, path: "SourceMetadata"),
                    "expected a TruffleHog finding's SourceMetadata."))
            return
        }
        guard let detector = node["DetectorName"].text else {
            input.diagnostics.append(
                .report(
                    context.file, .line(number, path: "DetectorName"),
                    "expected the detector's name (a string)."))
            return
        }
        guard let (kind, source) = node["SourceMetadata"]["Data"].members.first,
            let file = source["file"].text ?? source["path"].text
        else {
            input.diagnostics.append(
                .report(
                    context.file, .line(number, path: "SourceMetadata.Data"),
                    "expected a source with a \"file\" (Filesystem, Git, Github, …)."))
            return
        }
        let verification: Verification =
            node["Verified"].bool == true
            ? .verified : node["VerificationError"].exists ? .unknown : .unverified
        let isGit = kind != "Filesystem"
        context.add(
            ScannerFinding(
                scanner: "trufflehog",
                secretType: SecretTypes.type(for: detector, in: SecretTypes.truffleHog),
                path: file, line: source["line"].int, location: .line(number, path: nil),
                rawValues: [node["Raw"].string ?? "", node["RawV2"].string ?? ""]
                    + node["SecretParts"].stringValues
                    + [node["Redacted"].string ?? ""],
                verification: verification,
                repository: isGit ? (source["repository"].text ?? source["repository_local_path"].text) : nil,
                commit: isGit ? source["commit"].text : nil),
            to: &input)
    }
}

/// truffleHog 2.x `--json` (also TruffleHog v3 `--json-legacy`): one finding per line with
/// `stringsFound` (raw), `path`, `commitHash`, `reason`; no line numbers.
enum TruffleHogLegacyFormat: JSONLinesFormat {
    static let name = "trufflehog-legacy"
    static let summary = "truffleHog 2 JSON lines (truffleHog --json REPO), also trufflehog v3 --json-legacy"

    static func recognizes(firstRecord: JSONValue) -> Bool {
        let node = ReportNode(firstRecord)
        return node["stringsFound"].exists && node["path"].exists
    }

    static func read<Lines: Sequence>(_ lines: Lines, context: ImportContext) -> ScanInput
    where Lines.Element == (Int, [UInt8]) {
        var input = ScanInput()
        for (number, bytes) in lines {
            guard let node = JSONLinesReading.parse(bytes, line: number, context: context, into: &input)
            else {
                continue
            }
            guard let path = node["path"].text, let strings = node["stringsFound"].array else {
                input.diagnostics.append(
                    .report(
                        context.file, .line(number, path: nil),
                        "expected a truffleHog finding with \"path\" and \"stringsFound\"."))
                continue
            }
            let reason = node["reason"].string ?? "High Entropy"
            for value in strings {
                context.add(
                    ScannerFinding(
                        scanner: "truffleHog",
                        secretType: SecretTypes.type(for: reason, in: SecretTypes.truffleHogLegacy),
                        path: path, line: nil, location: .line(number, path: nil),
                        rawValues: [value.string ?? ""],
                        commit: node["commitHash"].text),
                    to: &input)
            }
        }
        return input
    }
}

/// Shared line handling for scanner JSON Lines formats.
enum JSONLinesReading {
    /// The line's JSON value, or nil for a blank line or (with an error) a malformed one.
    static func parse(_ bytes: [UInt8], line: Int, context: ImportContext, into input: inout ScanInput)
        -> ReportNode?
    {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        do {
            return ReportNode(try JSONParser.parse(bytes, firstLine: line))
        } catch let error as JSONParser.SyntaxError {
            input.diagnostics.append(
                .report(
                    context.file, .lineColumn(error.line, error.column), "malformed JSON: \(error.detail)."))
        } catch {
            input.diagnostics.append(
                .report(context.file, .line(line, path: nil), "malformed JSON: \(error)."))
        }
        return nil
    }
}
