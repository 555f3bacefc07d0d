@testable import SecretAtlas

/// Feeds bytes to an importer the way `secret-atlas build FORMAT:PATH` does: the bytes are written
/// to a file and read by ``InputLoader`` (the same dispatch, file reading, JSON parser and line
/// reader as a build), then turned into a model by ``SiteModelBuilder``.
///
/// Asserts besides "no crash, no hang": every diagnostic names the input file (or no file) with a
/// message and a line and column of at least 1, before and after the model is built.
enum ImporterTarget {
    /// Every format `secret-atlas formats` lists.
    static let formats: [String] = InputFormats.names

    /// The file name each format's input is written under: the ending a user's file would have.
    static func fileName(for format: String) -> String {
        switch format {
        case "native-jsonl", "trufflehog", "trufflehog-legacy": "input.jsonl"
        case "sarif": "input.sarif"
        case "gitleaks-csv": "input.csv"
        case "openssh-keys": "authorized_keys"
        default: "input.json"
        }
    }

    static func run(_ bytes: [UInt8], format: String) {
        let path = FuzzSupport.write(bytes, name: fileName(for: format))
        load(format + ":" + path, file: path)
    }

    /// Format recognition: no format named; the first byte picks the file's name (its ending steers
    /// recognition), the rest is the content.
    static func runDetected(_ bytes: [UInt8]) {
        let names = ["input.json", "input.jsonl", "input.sarif", "input.csv", "authorized_keys", "key.pub"]
        let name = bytes.first.map { names[Int($0) % names.count] } ?? names[0]
        let path = FuzzSupport.write(Array(bytes.dropFirst()), name: name)
        load(path, file: path)
    }

    private static func load(_ argument: String, file: String) {
        let input = InputLoader().load([argument])
        checkDiagnostics(input.diagnostics, file: file, stage: "import")
        let (_, diagnostics) = SiteModelBuilder(
            catalog: FuzzSupport.catalog, title: "Fuzz", sourceDateEpoch: 0
        ).build(input)
        checkDiagnostics(diagnostics, file: file, stage: "model")
    }
}
