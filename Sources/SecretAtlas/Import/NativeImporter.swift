/// Reads SecretAtlas's native input format (docs/input-format.md), as JSON or JSON Lines.
struct NativeImporter {
    /// The `format` value this importer reads.
    static let formatVersion = "secret-atlas/v1"

    private static let topLevelKeys: Set<String> = [
        "format", "scan", "resources", "findings", "edges", "attackPaths",
    ]
    private static let resourceKeys: Set<String> = [
        "id", "name", "kind", "cloud", "subscription", "resourceGroup", "region", "os", "tags",
        "internetExposed",
        "criticality", "hostnames", "authorizedKeys",
    ]
    private static let findingKeys: Set<String> = [
        "resource", "secretType", "fingerprint", "filePath", "line", "lastAccess", "expiry", "scanner",
        "firstSeen",
        "lastSeen", "verification", "publicKeyFingerprint", "targetHosts",
    ]
    private static let edgeKeys: Set<String> = ["type", "from", "to", "source"]
    private static let attackPathKeys: Set<String> = [
        "id", "name", "riskLevel", "entryPoint", "target", "steps", "riskFactors", "description",
        "potentialImpact",
        "attackStory", "mitre", "source",
    ]
    private static let scanKeys: Set<String> = ["time", "source"]

    /// The file name used in diagnostics, as the user named it.
    let file: String
    /// Shares equal resource ids, paths and types among the file's findings.
    private let strings = StringInterner()

    init(file: String) {
        self.file = file
    }

    /// Reads a whole JSON document.
    func importJSON(_ bytes: [UInt8]) -> ScanInput {
        var input = ScanInput()
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch let error as JSONParser.SyntaxError {
            input.diagnostics.append(
                Diagnostic(
                    .error, file: file, location: .lineColumn(error.line, error.column),
                    message: "malformed JSON: \(error.detail)."))
            return input
        } catch {
            input.diagnostics.append(Diagnostic(.error, file: file, message: "malformed JSON: \(error)."))
            return input
        }
        return importDocument(root)
    }

    /// Reads a parsed JSON document.
    func importDocument(_ root: JSONValue) -> ScanInput {
        var input = ScanInput()
        guard case .object(let object) = root else {
            input.diagnostics.append(
                Diagnostic(
                    .error, file: file, location: .path("$"),
                    message:
                        "expected an object with \"format\": \"\(Self.formatVersion)\", found \(root.summary)."
                ))
            return input
        }
        readDocument(object, into: &input)
        return input
    }

    private func readDocument(_ object: JSONObject, into input: inout ScanInput) {
        switch object["format"] {
        case .string(Self.formatVersion):
            break
        case nil:
            input.diagnostics.append(
                Diagnostic(
                    .error, file: file, location: .path("format"),
                    message: "missing required member; expected \"\(Self.formatVersion)\"."))
        case .some(let other):
            input.diagnostics.append(
                Diagnostic(
                    .error, file: file, location: .path("format"),
                    message: "expected \"\(Self.formatVersion)\", found \(other.quotedSummary)."))
        }
        for member in object.members where !Self.topLevelKeys.contains(member.key) {
            let secretKey = RecordReader.isForbidden(member.key)
            input.diagnostics.append(
                Diagnostic(
                    secretKey ? .error : .warning, file: file, location: .path(member.key),
                    message: secretKey
                        ? "native input never carries secret values; remove \"\(member.key)\"."
                        : "unknown member is ignored."))
        }
        if let scan = object["scan"] {
            readRecord(scan, path: "scan", location: .path("scan"), into: &input, read: readScan)
        }
        readArray(object, "resources", into: &input, read: readResource)
        readArray(object, "findings", into: &input, read: readFinding)
        readArray(object, "edges", into: &input, read: readEdge)
        readArray(object, "attackPaths", into: &input, read: readAttackPath)
    }

    /// Reads a JSON Lines document: one `{"<kind>": {…}}` wrapper per line.
    func importJSONLines<Lines: Sequence>(_ lines: Lines) -> ScanInput where Lines.Element == (Int, [UInt8]) {
        var input = ScanInput()
        for (lineNumber, bytes) in lines {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let value: JSONValue
            do {
                value = try JSONParser.parse(bytes, firstLine: lineNumber)
            } catch let error as JSONParser.SyntaxError {
                input.diagnostics.append(
                    Diagnostic(
                        .error, file: file, location: .lineColumn(error.line, error.column),
                        message: "malformed JSON: \(error.detail)."))
                continue
            } catch {
                input.diagnostics.append(
                    Diagnostic(
                        .error, file: file, location: .line(lineNumber, path: nil), message: "\(error)."))
                continue
            }
            guard case .object(let wrapper) = value, wrapper.members.count == 1,
                let member = wrapper.members.first
            else {
                input.diagnostics.append(
                    Diagnostic(
                        .error, file: file, location: .line(lineNumber, path: nil),
                        message:
                            "expected one record object such as {\"finding\": {…}}, found \(value.summary)."))
                continue
            }
            let location = Diagnostic.Location.line(lineNumber, path: member.key)
            switch member.key {
            case "resource":
                readRecord(
                    member.value, path: member.key, location: location, into: &input, read: readResource)
            case "finding":
                readRecord(
                    member.value, path: member.key, location: location, into: &input, read: readFinding)
            case "edge":
                readRecord(member.value, path: member.key, location: location, into: &input, read: readEdge)
            case "attackPath":
                readRecord(
                    member.value, path: member.key, location: location, into: &input, read: readAttackPath)
            case "format":
                // Optional in JSON Lines (a stream may be split anywhere), but checked when present.
                if member.value != .string(Self.formatVersion) {
                    input.diagnostics.append(
                        Diagnostic(
                            .error, file: file, location: location,
                            message:
                                "expected \"\(Self.formatVersion)\", found \(member.value.quotedSummary)."))
                }
            case "scan":
                readRecord(member.value, path: member.key, location: location, into: &input, read: readScan)
            default:
                input.diagnostics.append(
                    Diagnostic(
                        .error, file: file, location: .line(lineNumber, path: nil),
                        message:
                            "unknown record \"\(member.key)\"; expected resource, finding, edge, attackPath, scan or format."
                    ))
            }
        }
        return input
    }

    private func readArray(
        _ object: JSONObject, _ key: String, into input: inout ScanInput,
        read: (inout RecordReader, RecordOrigin, inout ScanInput) -> Void
    ) {
        guard let value = object[key], value != .null else { return }
        guard case .array(let elements) = value else {
            input.diagnostics.append(
                Diagnostic(
                    .error, file: file, location: .path(key),
                    message: "expected an array, found \(value.summary)."))
            return
        }
        for (offset, element) in elements.enumerated() {
            let path = "\(key)[\(offset)]"
            readRecord(element, path: path, location: .path(path), into: &input, read: read)
        }
    }

    private func readRecord(
        _ value: JSONValue, path: String, location: Diagnostic.Location, into input: inout ScanInput,
        read: (inout RecordReader, RecordOrigin, inout ScanInput) -> Void
    ) {
        guard case .object(let object) = value else {
            input.diagnostics.append(
                Diagnostic(
                    .error, file: file, location: location,
                    message: "expected an object, found \(value.summary)."))
            return
        }
        // In JSON Lines the line number already places the record, so member paths start inside it.
        let lineNumber: Int?
        if case .line(let number, _) = location { lineNumber = number } else { lineNumber = nil }
        var reader = RecordReader(object, path: path)
        read(&reader, RecordOrigin(file: file, location: location), &input)
        for problem in reader.problems {
            let place: Diagnostic.Location =
                lineNumber.map { .line($0, path: problem.path) } ?? .path(problem.path)
            input.diagnostics.append(
                Diagnostic(problem.severity, file: file, location: place, message: problem.message))
        }
    }

    private func readScan(_ reader: inout RecordReader, _ origin: RecordOrigin, _ input: inout ScanInput) {
        reader.warnAboutUnknownKeys(known: Self.scanKeys)
        input.scans.append(
            ScanRecord(time: reader.optionalTimestamp("time"), source: reader.optionalString("source")))
    }

    private func readResource(_ reader: inout RecordReader, _ origin: RecordOrigin, _ input: inout ScanInput)
    {
        reader.warnAboutUnknownKeys(known: Self.resourceKeys)
        let id = reader.requiredString("id")
        let name = reader.requiredString("name")
        let kind = reader.requiredEnum("kind", ResourceKind.self)
        let cloud = reader.requiredEnum("cloud", Cloud.self)
        let record = (
            subscription: reader.optionalString("subscription"),
            resourceGroup: reader.optionalString("resourceGroup"),
            region: reader.optionalString("region"), os: reader.optionalString("os"),
            tags: reader.stringMap("tags"),
            exposed: reader.bool("internetExposed", default: false),
            criticality: reader.optionalEnum("criticality", Severity.self),
            hostnames: reader.stringArray("hostnames"),
            authorizedKeys: reader.fingerprintArray("authorizedKeys")
        )
        guard let id, let name, let kind, let cloud, reader.problems.allSatisfy({ $0.severity != .error })
        else { return }
        input.resources.append(
            ResourceRecord(
                origin: origin, id: id, name: name, kind: kind, cloud: cloud,
                subscription: record.subscription,
                resourceGroup: record.resourceGroup, region: record.region, os: record.os, tags: record.tags,
                internetExposed: record.exposed, criticality: record.criticality,
                hostnames: record.hostnames.map { $0.lowercased() }, authorizedKeys: record.authorizedKeys))
    }

    private func readFinding(_ reader: inout RecordReader, _ origin: RecordOrigin, _ input: inout ScanInput) {
        reader.warnAboutUnknownKeys(known: Self.findingKeys)
        let resource = reader.requiredString("resource")
        let secretType = reader.requiredString("secretType")
        let fingerprint = reader.requiredFingerprint("fingerprint")
        let filePath = reader.requiredString("filePath")
        let line = reader.optionalInt("line", minimum: 1)
        let times = (
            lastAccess: reader.optionalTimestamp("lastAccess"), expiry: reader.optionalTimestamp("expiry"),
            firstSeen: reader.optionalTimestamp("firstSeen"), lastSeen: reader.optionalTimestamp("lastSeen")
        )
        let scanner = reader.optionalString("scanner")
        let verification = reader.optionalEnum("verification", Verification.self) ?? .unknown
        let publicKey = reader.optionalFingerprint("publicKeyFingerprint")
        let targetHosts = reader.stringArray("targetHosts").map { $0.lowercased() }
        guard let resource, let secretType, let fingerprint, let filePath,
            reader.problems.allSatisfy({ $0.severity != .error })
        else { return }
        input.findings.append(
            FindingRecord(
                origin: origin, resource: strings(resource), secretType: strings(secretType),
                fingerprint: fingerprint, filePath: strings(filePath), line: line,
                lastAccess: times.lastAccess, expiry: times.expiry, scanner: strings(scanner),
                firstSeen: times.firstSeen, lastSeen: times.lastSeen, verification: verification,
                publicKeyFingerprint: publicKey, targetHosts: strings(targetHosts)))
    }

    private func readEdge(_ reader: inout RecordReader, _ origin: RecordOrigin, _ input: inout ScanInput) {
        reader.warnAboutUnknownKeys(known: Self.edgeKeys)
        let kind = reader.requiredEnum("type", GraphEdge.Kind.self)
        let from = reader.requiredNode("from")
        let to = reader.requiredNode("to")
        let source = reader.optionalString("source")
        guard let kind, let from, let to, reader.problems.allSatisfy({ $0.severity != .error }) else {
            return
        }
        input.edges.append(EdgeRecord(origin: origin, kind: kind, from: from, to: to, source: source))
    }

    private func readAttackPath(
        _ reader: inout RecordReader, _ origin: RecordOrigin, _ input: inout ScanInput
    ) {
        reader.warnAboutUnknownKeys(known: Self.attackPathKeys)
        let id = reader.requiredString("id")
        let name = reader.requiredString("name")
        let risk = reader.requiredEnum("riskLevel", Severity.self)
        let entryPoint = reader.requiredNode("entryPoint")
        let target = reader.requiredNode("target")
        let text = (
            steps: reader.nodeArray("steps"),
            riskFactors: reader.stringArray("riskFactors"), description: reader.optionalString("description"),
            impact: reader.optionalString("potentialImpact"), story: reader.stringArray("attackStory"),
            mitre: reader.stringArray("mitre"), source: reader.optionalString("source")
        )
        guard let id, let name, let risk, let entryPoint, let target,
            reader.problems.allSatisfy({ $0.severity != .error })
        else { return }
        input.attackPaths.append(
            AttackPathRecord(
                origin: origin, id: id, name: name, riskLevel: risk, entryPoint: entryPoint, target: target,
                steps: text.steps, riskFactors: text.riskFactors, description: text.description,
                potentialImpact: text.impact, attackStory: text.story, mitre: text.mitre, source: text.source)
        )
    }
}
