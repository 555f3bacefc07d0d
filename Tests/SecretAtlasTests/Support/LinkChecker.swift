import Foundation

/// Checks that every relative `href` and `src` in every HTML page points at a file of the site, and
/// that every `#fragment` names an element id in the target page.
enum LinkChecker {
    /// The broken links, as `page: link (reason)`; empty when all resolve.
    static func brokenLinks(in files: [String: [UInt8]]) -> [String] {
        let pages = files.filter { $0.key.hasSuffix(".html") }.mapValues {
            String(decoding: $0, as: UTF8.self)
        }
        var idsByPage: [String: Set<String>] = [:]
        for (path, html) in pages {
            idsByPage[path] = Set(captures(of: #"\sid="([^"]*)""#, in: html))
        }
        var problems: [String] = []
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            let directory = (path as NSString).deletingLastPathComponent
            for link in captures(of: #"\s(?:href|src)="([^"]*)""#, in: html) {
                let decoded = link.replacingOccurrences(of: "&amp;", with: "&")
                if decoded.hasPrefix("http://") || decoded.hasPrefix("https://")
                    || decoded.hasPrefix("mailto:")
                {
                    continue
                }
                guard !decoded.isEmpty else {
                    problems.append("\(path): empty link target")
                    continue
                }
                let parts = decoded.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target: String
                if parts[0].isEmpty {
                    target = path
                } else {
                    target = normalize(directory.isEmpty ? String(parts[0]) : directory + "/" + parts[0])
                }
                guard files[target] != nil else {
                    problems.append("\(path): \(link) (no file \(target))")
                    continue
                }
                // A fragment with `=` is a query a page's script reads (the explorer's), not an id.
                if parts.count == 2, !parts[1].isEmpty, !parts[1].contains("="),
                    !(idsByPage[target]?.contains(String(parts[1])) ?? false)
                {
                    problems.append("\(path): \(link) (no id \"\(parts[1])\" in \(target))")
                }
            }
        }
        return problems
    }

    private static func normalize(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") {
            if component == ".." {
                if !components.isEmpty { components.removeLast() } else { return "../" + path }
            } else if component != "." {
                components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    private static func captures(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
