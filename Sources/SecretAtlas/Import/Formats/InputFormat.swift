/// An input format whose files are JSON Lines: one JSON value per line, read as a stream so a large
/// file is never held in memory whole.
protocol JSONLinesFormat: Sendable {
    static var name: String { get }
    static var summary: String { get }
    /// Whether the first record (the first non-blank line) has this format's shape.
    static func recognizes(firstRecord: JSONValue) -> Bool
    /// Reads every line: (1-based line number, bytes without the newline).
    static func read<Lines: Sequence>(_ lines: Lines, context: ImportContext) -> ScanInput
    where Lines.Element == (Int, [UInt8])
}

/// An input format whose files are plain text (CSV, OpenSSH public keys).
protocol TextFormat: Sendable {
    static var name: String { get }
    static var summary: String { get }
    /// Whether the text (the file's first 64 KiB) has this format's shape; `fileName` is the last
    /// path component, for formats a name identifies (`authorized_keys`).
    static func recognizes(prefix: String, fileName: String) -> Bool
    static func read(_ text: String, context: ImportContext) -> ScanInput
}

/// Every input format SecretAtlas reads, in the order they are tried.
///
/// Adding a format is one line in one of these lists.
enum InputFormats {
    static let jsonDocuments: [any JSONDocumentFormat.Type] =
        [NativeDocumentFormat.self] + CloudFormats.cloudFormats + [
            SARIFFormat.self,
            GitleaksJSONFormat.self,
            DetectSecretsFormat.self,
            CheckovFormat.self,
        ]

    static let jsonLines: [any JSONLinesFormat.Type] = [
        NativeLinesFormat.self,
        TruffleHogV3Format.self,
        TruffleHogLegacyFormat.self,
    ]

    static let text: [any TextFormat.Type] = [
        GitleaksCSVFormat.self,
        OpenSSHKeysFormat.self,
    ]

    /// Name and summary of every format, for `secret-atlas formats` and error messages.
    static var all: [(name: String, summary: String)] {
        jsonDocuments.map { ($0.name, $0.summary) } + jsonLines.map { ($0.name, $0.summary) }
            + text.map { ($0.name, $0.summary) }
    }

    static var names: [String] { all.map(\.name) }
}
