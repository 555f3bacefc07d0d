internal import Crypto
import Foundation

/// Turns one rendered page of a site into a single self-contained HTML file for a ticket.
///
/// The stylesheet goes into one `<style>` element allowed by its SHA-256 in the page's own CSP;
/// icons and other images become `data:` URIs; scripts are dropped (every page works without
/// them); the main navigation is dropped; links to other pages point into the published site when
/// a base URL is given and become plain text otherwise. Nothing in the result names another file.
struct StandalonePage {
    /// The page's path in the site, such as `secrets/x.html`.
    let pagePath: String
    /// Every file of the sealed site, by path.
    let files: [String: [UInt8]]
    /// Where the site is published, ending in `/`, if known.
    let baseURL: String?
    let reportFingerprint: String

    /// Styles only exports need: the note that says where the page comes from.
    static let exportCSS = """

        .export-note { margin: 0 0 1rem; padding: 0.6rem 0.8rem; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface-2); font-size: 0.9rem; }
        .export-note code { overflow-wrap: anywhere; }
        a:not([href]) { color: inherit; text-decoration: none; }

        """

    /// The permalink: absolute with a base URL, else the path relative to the published site's root.
    var permalink: String {
        (baseURL ?? "") + pagePath
    }

    func html(from page: String) -> [UInt8] {
        var html = page
        var css = ""
        html = Self.replace(#"<link rel="stylesheet" href="([^"]*)">\n?"#, in: html) { groups in
            let path = Self.resolve(groups[1], from: pagePath)
            css += inlineURLs(in: String(decoding: files[path] ?? [], as: UTF8.self), cssPath: path)
            return ""
        }
        css += Self.exportCSS
        // The page icon is a file of the site; a ticket attachment has none, and the browser's default is fine.
        html = Self.replace(#"<link rel="icon"[^>]*>\n?"#, in: html) { _ in "" }
        html = Self.replace(#"<script\b[^>]*>[\s\S]*?</script>\n?"#, in: html) { _ in "" }
        html = Self.replace(#"<nav class="site-nav"[\s\S]*?</nav>\n?"#, in: html) { _ in "" }
        html = Self.replace(#"\s(src|href)="([^"]*)""#, in: html) { groups in
            rewrite(attribute: groups[1], value: Self.unescape(groups[2]))
        }
        let link =
            baseURL == nil
            ? "<code>\(Self.escape(permalink))</code> (relative to the root of the published report)"
            : "<a href=\"\(Self.escape(permalink))\">\(Self.escape(permalink))</a>"
        let note =
            "<p class=\"export-note\">Exported from report <code>\(reportFingerprint)</code>. Permalink: \(link).</p>\n"
        html = html.replacingOccurrences(
            of: "<main id=\"main\" class=\"page\">\n", with: "<main id=\"main\" class=\"page\">\n" + note)
        let hash = Data(SHA256.hash(data: Array(css.utf8))).base64EncodedString()
        html = html.replacingOccurrences(of: "</head>", with: "<style>\(css)</style>\n</head>")
        let policy =
            "default-src 'none'; style-src 'sha256-\(hash)'; img-src data:; base-uri 'none'; form-action 'none'"
        html = Self.replace(#"<meta http-equiv="Content-Security-Policy" content="[^"]*">"#, in: html) { _ in
            "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"
        }
        return Array(html.utf8)
    }

    /// A `src` becomes a `data:` URI; an `href` to another page an absolute link or nothing.
    private func rewrite(attribute: String, value: String) -> String {
        if value.hasPrefix("#") || value.hasPrefix("data:") || value.contains("://")
            || value.hasPrefix("mailto:")
        {
            return " \(attribute)=\"\(Self.escape(value))\""
        }
        let (target, fragment) = Self.splitFragment(value)
        let path = Self.resolve(target, from: pagePath)
        if attribute == "src" {
            guard let bytes = files[path] else { return "" }
            return " src=\"\(Self.dataURI(bytes, path: path))\""
        }
        if path == pagePath { return " href=\"#\(Self.escape(fragment.isEmpty ? "main" : fragment))\"" }
        guard let baseURL else { return "" }
        return " href=\"\(Self.escape(baseURL + path + (fragment.isEmpty ? "" : "#" + fragment)))\""
    }

    /// `url(...)` in a stylesheet pointing at a site file, inlined as a `data:` URI.
    private func inlineURLs(in css: String, cssPath: String) -> String {
        Self.replace(#"url\((['"]?)([^)'"]+)(['"]?)\)"#, in: css) { groups in
            let value = groups[2]
            if value.hasPrefix("data:") || value.hasPrefix("#") { return groups[0] }
            let path = Self.resolve(Self.splitFragment(value).0, from: cssPath)
            guard let bytes = files[path] else { return "none" }
            return "url(\"\(Self.dataURI(bytes, path: path))\")"
        }
    }

    static func dataURI(_ bytes: [UInt8], path: String) -> String {
        let type =
            switch (path as NSString).pathExtension.lowercased() {
            case "svg": "image/svg+xml"
            case "png": "image/png"
            case "jpg", "jpeg": "image/jpeg"
            case "gif": "image/gif"
            case "woff2": "font/woff2"
            default: "application/octet-stream"
            }
        return "data:\(type);base64," + Data(bytes).base64EncodedString()
    }

    /// A relative reference resolved against a site path: `../assets/x.svg` from `secrets/a.html`.
    static func resolve(_ relative: String, from base: String) -> String {
        var parts = base.split(separator: "/").dropLast().map(String.init)
        for component in relative.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".", "": continue
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    static func splitFragment(_ value: String) -> (String, String) {
        guard let hash = value.firstIndex(of: "#") else { return (value, "") }
        return (String(value[..<hash]), String(value[value.index(after: hash)...]))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every match of `pattern` replaced by what `transform` makes of its groups (0 is the whole match).
    static func replace(_ pattern: String, in text: String, transform: ([String]) -> String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        let source = text as NSString
        var result = ""
        var last = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let groups = (0..<match.numberOfRanges).map {
                match.range(at: $0).location == NSNotFound ? "" : source.substring(with: match.range(at: $0))
            }
            result += transform(groups)
            last = match.range.location + match.range.length
        }
        result += source.substring(from: last)
        return result
    }
}
