/// SecretAtlas's own format (docs/input-format.md) as one JSON document.
enum NativeDocumentFormat: JSONDocumentFormat {
    static let name = "native"
    static let summary = "SecretAtlas native input, one JSON document (\"format\": \"secret-atlas/v1\")"

    static func recognizes(_ document: JSONValue) -> Bool {
        guard case .object(let object) = document else { return false }
        if object["format"] != nil { return true }
        return object.members.contains {
            ["resources", "findings", "edges", "attackPaths", "scan"].contains($0.key)
        }
    }

    static func read(_ document: JSONValue, context: ImportContext) -> ScanInput {
        NativeImporter(file: context.file).importDocument(document)
    }
}

/// SecretAtlas's own format as JSON Lines: one `{"<kind>": {…}}` record per line.
enum NativeLinesFormat: JSONLinesFormat {
    static let name = "native-jsonl"
    static let summary = "SecretAtlas native input, JSON Lines of {\"finding\": {…}}, {\"resource\": {…}}, …"

    static func recognizes(firstRecord: JSONValue) -> Bool {
        guard case .object(let object) = firstRecord, object.members.count == 1,
            let key = object.members.first?.key
        else { return false }
        return ["resource", "finding", "edge", "attackPath", "scan", "format"].contains(key)
    }

    static func read<Lines: Sequence>(_ lines: Lines, context: ImportContext) -> ScanInput
    where Lines.Element == (Int, [UInt8]) {
        NativeImporter(file: context.file).importJSONLines(lines)
    }
}
