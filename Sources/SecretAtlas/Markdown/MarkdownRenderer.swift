internal import CCmarkGFM
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Renders GitHub-flavoured Markdown to HTML that is safe to place in a page.
///
/// Remediation text may come from a user's `--templates` folder or, later, from scanner rule
/// descriptions, so it is treated as untrusted: raw HTML never passes (`CMARK_OPT_UNSAFE` is never
/// set and `tagfilter` is attached), links keep only http, https, mailto and relative targets, and
/// images are reduced to their text so a page never loads anything from another origin.
/// A link to any other target keeps its text and loses its target.
struct MarkdownRenderer: Sendable {
    /// Registers cmark-gfm's extensions exactly once, before any rendering (a static `let` is lazily
    /// and thread-safely initialised).
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Serializes every use of cmark-gfm.
    ///
    /// cmark-gfm is not safe to use from two threads at once: attaching and freeing a parser with the
    /// strikethrough extension adds and removes `~` in a process-wide table of special characters, so a
    /// parser freed on one thread makes another miss `~~text~~` (seen in parallel tests). Every parse
    /// holds this lock; the site renders its Markdown once per catalog entry, so it is never contended.
    private static let cmarkLock = Mutex(())

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    init() {
        _ = Self.registered
    }

    /// Renders Markdown to an HTML fragment.
    /// - Parameter markdown: GitHub-flavoured Markdown.
    /// - Returns: HTML with raw HTML omitted and unsafe link targets dropped.
    func html(from markdown: String) -> String {
        Self.cmarkLock.withLock { _ in render(markdown) }
    }

    private func render(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        sanitize(document)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        else {
            return ""
        }
        defer { free(rendered) }
        // Hidden characters in an override's text are shown as what they are, as in every other
        // text of a page: a bidi override in a command to copy would otherwise change what it says.
        return HTMLEscaping.revealingHidden(in: String(cString: rendered))
    }

    /// Unwraps links with unsafe targets and turns images into their alt text.
    private func sanitize(_ document: OpaquePointer) {
        var links: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK: links.append(node)
            case CMARK_NODE_IMAGE: images.append(node)
            default: break
            }
        }
        // Nodes are changed after the walk, since unlinking during iteration would confuse the iterator.
        for link in links {
            let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
            if !Self.isSafeLinkTarget(url) { replaceWithChildren(link) }
        }
        images.forEach(replaceWithChildren)
    }

    /// Puts a node's children where the node was and frees the node: a link keeps its text without
    /// its target, an image becomes its alt text.
    private func replaceWithChildren(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_free(node)
    }

    /// Whether a link target is http(s), mailto, a fragment or a relative path (no scheme at all).
    static func isSafeLinkTarget(_ url: String) -> Bool {
        let trimmed = url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        let lowered = trimmed.lowercased()
        for scheme in ["http:", "https:", "mailto:"] where lowered.hasPrefix(scheme) {
            return true
        }
        // Without a scheme the target is relative; a scheme is letters before the first ':' that
        // comes before any '/', '?' or '#'.
        guard let colon = lowered.firstIndex(of: ":") else { return true }
        let head = lowered[..<colon]
        return head.contains { $0 == "/" || $0 == "?" || $0 == "#" }
    }
}
