/// What `secret-atlas export` is asked for.
public struct ExportRequest: Sendable {
    /// The kinds of item that can be exported.
    public enum Kind: String, Sendable, CaseIterable {
        case secret
        case resource
        case recommendation
        case attackPath = "attack-path"
    }

    /// The file written: one self-contained HTML page, or Markdown.
    public enum Format: Sendable {
        case html
        case markdown
    }

    /// What kind of item ``id`` names.
    public var kind: Kind
    /// The item's stable id (its page name), or the id the input gave it (a fingerprint, a cloud id,
    /// a recommendation file name, an attack path's source id).
    public var id: String
    /// The file to write; `.html` or `.md`.
    public var outputPath: String
    /// Where the site is published, such as `https://reports.example.com/2026-11/`.
    ///
    /// The permalink and every link of the page point there. Without it the permalink is given relative to the site root
    /// and links to other pages are left as plain text.
    public var baseURL: String?

    /// Creates a request; without a base URL the permalink is relative to the site root.
    public init(kind: Kind, id: String, outputPath: String, baseURL: String? = nil) {
        self.kind = kind
        self.id = id
        self.outputPath = outputPath
        self.baseURL = baseURL
    }

    /// The format the output file's extension names.
    /// - Throws: ``SiteError/unknownExportFormat(path:)``.
    public func format() throws -> Format {
        let lower = outputPath.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        throw SiteError.unknownExportFormat(path: outputPath)
    }

    /// The base URL with exactly one trailing slash, if given.
    var normalizedBaseURL: String? {
        guard var base = baseURL, !base.isEmpty else { return nil }
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/"
    }
}
