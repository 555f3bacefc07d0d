internal import Mustache

/// The page templates, loaded once from a templates folder and checked to be complete.
struct TemplateSet: Sendable {
    /// Templates every build needs; a missing one is an error before anything renders.
    static let required = [
        "layout", "overview", "recommendations", "recommendation", "secrets", "secret", "inventory",
        "resource",
        "attack-paths", "attack-path", "resolved", "explorer",
    ]

    private let library: MustacheLibrary
    let directory: String

    /// Loads every `.mustache` file under `directory` (partials in subfolders are named `partials/x`).
    /// - Throws: ``SiteError/templateSyntax(name:line:column:detail:)`` or ``SiteError/templateMissing(name:searched:)``.
    init(directory: String) throws {
        self.directory = directory
        var library = MustacheLibrary()
        let listing = FileTree.files(under: directory) { $0.hasSuffix(".mustache") }
        if let error = listing.errors.first {
            throw SiteError.unreadableFile(path: error.path, underlying: error.reason)
        }
        for file in listing.files {
            let name = String(file.dropLast(".mustache".count))
            let text: String
            do {
                text = try FileTree.text(at: directory + "/" + file)
            } catch let error as FileTree.ReadError {
                throw SiteError.unreadableFile(path: error.path, underlying: error.reason)
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw SiteError.templateSyntax(
                    name: name, line: error.context.lineNumber, column: error.context.columnNumber,
                    detail: Self.describe(error.error))
            }
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw SiteError.templateMissing(name: name, searched: directory)
        }
        self.library = library
    }

    /// Renders a view model with a named template.
    /// - Throws: ``SiteError/templateMissing(name:searched:)`` rather than ever producing an empty page.
    func render(_ viewModel: Any, template name: String) throws -> String {
        guard let html = library.render(viewModel, withTemplate: name) else {
            throw SiteError.templateMissing(name: name, searched: directory)
        }
        return html
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            "a section is closed with a different name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is opened but never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "a set-delimiter tag is malformed"
        default: "\(error)"
        }
    }
}
