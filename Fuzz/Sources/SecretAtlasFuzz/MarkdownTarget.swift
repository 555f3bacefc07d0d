@testable import SecretAtlas

/// Renders bytes as remediation Markdown with the site's ``MarkdownRenderer`` (cmark-gfm and its
/// extensions, then the link and image sanitizing).
///
/// Asserts: the same text renders to the same HTML twice (cmark-gfm has process-wide state); every
/// tag is one cmark-gfm makes for Markdown (raw HTML never passes, so no `<script>`, `<img>`,
/// `<iframe>`, `<svg>`, `<style>`); no attribute is an event handler, a style or a source; every
/// `href` is http, https, mailto or relative after its entities are decoded.
enum MarkdownTarget {
    static let renderer = MarkdownRenderer()

    static let allowedTags: Set<String> = [
        "p", "em", "strong", "del", "a", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "input",
    ]
    static let allowedAttributes: Set<String> = [
        "href", "title", "class", "align", "start", "type", "checked", "disabled",
    ]

    static func run(_ bytes: [UInt8]) {
        let markdown = String(decoding: bytes, as: UTF8.self)
        let html = renderer.html(from: markdown)
        require(renderer.html(from: markdown) == html, "the same Markdown rendered two ways")
        for tag in HTMLTags.scan(html) {
            if tag.isComment {
                require(tag.name == "!-- raw HTML omitted --", "unexpected comment <\(tag.name)>")
                continue
            }
            require(allowedTags.contains(tag.name), "tag <\(tag.name)> in \(html.debugDescription)")
            for (name, value) in tag.attributes {
                require(
                    allowedAttributes.contains(name),
                    "attribute \(name) on <\(tag.name)> in \(html.debugDescription)")
                if name == "href" {
                    let target = HTMLTags.decodeEntities(value)
                    require(
                        MarkdownRenderer.isSafeLinkTarget(target) && !HTMLTags.hasDangerousScheme(target),
                        "unsafe href \(target.debugDescription) in \(html.debugDescription)")
                }
            }
        }
    }
}
