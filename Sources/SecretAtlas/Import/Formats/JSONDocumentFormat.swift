/// An input format whose files are one JSON document (a scanner report, an `az graph query` result).
///
/// Each format recognises itself from the document's shape, so users need not say what a file is;
/// `FORMAT:PATH` on the command line forces one by ``name``. Every format is listed in
/// ``InputFormats``.
protocol JSONDocumentFormat: Sendable {
    /// The name used in `FORMAT:PATH` and listed by `secret-atlas formats`, such as `sarif`.
    static var name: String { get }
    /// One line naming the tool and the command whose output this is.
    static var summary: String { get }
    /// Whether the document has this format's shape; cheap, looks only at the top levels.
    static func recognizes(_ document: JSONValue) -> Bool
    /// Reads the document's records; problems go to `ScanInput.diagnostics` with the file and JSON path.
    static func read(_ document: JSONValue, context: ImportContext) -> ScanInput
}

/// What an importer is told besides the document.
struct ImportContext: Sendable {
    /// The file as the user named it, for diagnostics and record origins.
    let file: String
    /// Keys our own fingerprints of raw values (`--fingerprint-key-file`).
    var fingerprinter = SecretFingerprinter()
    /// Which resource a finding path belongs to (`--resource-pattern`, `PATH@RESOURCE`).
    var placement = FindingPlacement()
    /// Collects every raw value seen, for the output leak check; shared by all files of a build.
    var sensitiveValues = SensitiveValues()
    /// Shares equal resource names, paths and host lists among this file's findings.
    var strings = StringInterner()
    /// The path of the file relative to the folder named on the command line, when it was found by
    /// reading a folder (a machine tree's `authorized_keys`), else the path as given.
    var treePath: String?
}
