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
    /// Every template compiled for ``TemplateRenderer``; nil when one of them uses something the
    /// compiler does not read (see ``TemplateProgram``), and swift-mustache renders instead.
    private let renderer: TemplateRenderer?
    let directory: String

    /// Loads every `.mustache` file under `directory` (partials in subfolders are named `partials/x`).
    /// - Throws: ``SiteError/templateSyntax(name:line:column:detail:)`` or ``SiteError/templateMissing(name:searched:)``.
    init(directory: String) throws {
        let listing = FileTree.files(under: directory) { $0.hasSuffix(".mustache") }
        if let error = listing.errors.first {
            throw SiteError.unreadableFile(path: error.path, underlying: error.reason)
        }
        var texts: [String: String] = [:]
        for file in listing.files {
            do {
                texts[String(file.dropLast(".mustache".count))] = try FileTree.text(
                    at: directory + "/" + file)
            } catch let error as FileTree.ReadError {
                throw SiteError.unreadableFile(path: error.path, underlying: error.reason)
            }
        }
        try self.init(texts: texts, directory: directory)
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw SiteError.templateMissing(name: name, searched: directory)
        }
    }

    /// Parses templates given as text, by name; `directory` is only named in errors.
    /// - Throws: ``SiteError/templateSyntax(name:line:column:detail:)``, or
    ///   ``SiteError/templateRecursion(chain:)`` when a template includes itself.
    init(texts: [String: String], directory: String) throws {
        self.directory = directory
        var library = MustacheLibrary()
        var programs: [String: TemplateProgram]? = [:]
        var compiled: [String: TemplateProgram] = [:]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let template: MustacheTemplate
            do {
                template = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw SiteError.templateSyntax(
                    name: name, line: error.context.lineNumber, column: error.context.columnNumber,
                    detail: Self.describe(error.error))
            }
            library.register(template, named: name)
            // One template the compiler cannot read sends the whole set to swift-mustache, so that
            // partials and parents are always rendered by the same renderer as their pages.
            let program = try? TemplateProgram(template)
            compiled[name] = program
            programs = programs.flatMap { programs in program.map { programs.merging([name: $0]) { $1 } } }
        }
        if let chain = Self.inclusionCycle(compiled) {
            throw SiteError.templateRecursion(chain: chain)
        }
        self.library = library
        self.renderer = programs.map { TemplateRenderer(programs: $0) }
    }

    /// Whether pages are rendered by the compiled renderer (false: by swift-mustache).
    var isCompiled: Bool { renderer != nil }

    /// Renders a view model with a named template, to UTF-8 bytes.
    /// - Throws: ``SiteError/templateMissing(name:searched:)`` rather than ever producing an empty page.
    func render(_ viewModel: any TemplateFields, template name: String) throws -> [UInt8] {
        if let renderer {
            guard let program = renderer.programs[name] else {
                throw SiteError.templateMissing(name: name, searched: directory)
            }
            return renderer.render(program, root: viewModel)
        }
        return Array(try renderWithMustache(viewModel, template: name).utf8)
    }

    /// Renders with swift-mustache's own renderer: the fallback, and the reference the compiled
    /// renderer is tested against.
    func renderWithMustache(_ viewModel: any TemplateFields, template name: String) throws -> String {
        guard let html = library.render(viewModel, withTemplate: name) else {
            throw SiteError.templateMissing(name: name, searched: directory)
        }
        return html
    }

    /// A template that includes itself through partials or parents (`page → row → page`), which
    /// would render until the stack overflows; nil when there is none.
    ///
    /// Page view models are not trees, so a template can never need to include itself. Only
    /// templates the compiler reads are followed (the others use features the bundled ones do not).
    static func inclusionCycle(_ programs: [String: TemplateProgram]) -> [String]? {
        func included(_ nodes: [TemplateNode], into names: inout [String]) {
            for node in nodes {
                switch node {
                case .text, .variable: break
                case .section(_, _, let body): included(body, into: &names)
                case .block(_, let body, _): included(body, into: &names)
                case .partial(let name, _, let overrides):
                    names.append(name)
                    for (_, body) in (overrides ?? [:]).sorted(by: { $0.key < $1.key }) {
                        included(body, into: &names)
                    }
                }
            }
        }
        var edges: [String: [String]] = [:]
        for (name, program) in programs {
            var names: [String] = []
            included(program.nodes, into: &names)
            edges[name] = names
        }
        // Depth-first from each template in name order; a name met again on the current path closes
        // a cycle.
        var finished = Set<String>()
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            guard !finished.contains(name), let next = edges[name] else { return nil }
            path.append(name)
            for child in next {
                if let cycle = visit(child) { return cycle }
            }
            path.removeLast()
            finished.insert(name)
            return nil
        }
        for name in edges.keys.sorted() {
            if let cycle = visit(name) { return cycle }
        }
        return nil
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
