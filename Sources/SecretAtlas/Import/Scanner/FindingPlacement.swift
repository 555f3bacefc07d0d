import Foundation

/// Which resource a scanner finding's path belongs to, and the path on that resource.
///
/// `--resource-pattern` patterns (default `{resource}/**`: a tree of one folder per machine) are tried
/// in order; `PATH@RESOURCE` on the command line puts every finding of a file on one resource.
struct FindingPlacement: Sendable {
    /// The patterns used when none is given: the first folder of a path names the machine.
    static let defaultPatterns = [ResourcePattern("{resource}/**")].compactMap { $0 }

    var patterns: [ResourcePattern] = Self.defaultPatterns
    /// The resource of `PATH@RESOURCE`.
    var resource: String?

    /// Whether no `--resource-pattern` was given: findings in git history then belong to their
    /// repository, since paths inside a repository do not start with a machine's folder.
    var usesDefaultPatterns: Bool {
        resource == nil && patterns.map(\.text) == Self.defaultPatterns.map(\.text)
    }

    /// The resource and the path on it, or nil when no pattern matches.
    func place(_ rawPath: String) -> (resource: String, path: String)? {
        let path = Self.normalize(rawPath)
        if let resource { return (resource, path) }
        for pattern in patterns {
            if let match = pattern.match(path) { return match }
        }
        return nil
    }

    /// Strips `file://`, percent-encoding (SARIF, checkov), `./` and Windows separators.
    static func normalize(_ path: String) -> String {
        var text = path
        if text.hasPrefix("file://") { text = String(text.dropFirst(7)) }
        if text.utf8.contains(UInt8(ascii: "%")), let decoded = text.removingPercentEncoding {
            text = decoded
        }
        if text.utf8.contains(UInt8(ascii: "\\")) { text = text.replacingOccurrences(of: "\\", with: "/") }
        while text.hasPrefix("./") { text.removeFirst(2) }
        return text
    }

    /// A message for a finding whose path no pattern matched.
    var unmatchedAdvice: String {
        "it matches no --resource-pattern (" + patterns.map { "'\($0.text)'" }.joined(separator: ", ")
            + "); give a pattern with {resource}, or name the file as PATH@RESOURCE."
    }
}

/// A path pattern with a `{resource}` placeholder.
///
/// For example `{resource}/**`, `/mnt/snapshots/{resource}/**`, `scans/*/{resource}/**`: `*` is one
/// path segment, `**` any number.
struct ResourcePattern: Sendable {
    let text: String
    /// The pattern's `/`-separated segments.
    private let segments: [Substring]
    /// The index of the segment holding `{resource}`, and the text around the placeholder in it.
    private let resourceSegment: Int
    private let resourcePrefix: Substring
    private let resourceSuffix: Substring

    /// Nil when the pattern has no `{resource}`, or more than one.
    init?(_ text: String) {
        guard text.components(separatedBy: "{resource}").count == 2 else { return nil }
        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        guard let index = segments.firstIndex(where: { $0.contains("{resource}") }),
            let placeholder = segments[index].range(of: "{resource}")
        else { return nil }
        self.text = text
        self.segments = segments
        resourceSegment = index
        resourcePrefix = segments[index][..<placeholder.lowerBound]
        resourceSuffix = segments[index][placeholder.upperBound...]
    }

    /// The resource and the path after its folder (always starting with `/`), or nil.
    func match(_ path: String) -> (resource: String, path: String)? {
        if isFirstSegment { return Self.matchFirstSegment(path) }
        let candidates =
            text.hasPrefix("/") || !path.hasPrefix("/") ? [path] : [path, String(path.dropFirst())]
        for candidate in candidates {
            let parts = candidate.split(separator: "/", omittingEmptySubsequences: false)
            guard let (resource, next) = match(pattern: 0, path: 0, parts), next < parts.count else {
                continue
            }
            let rest = parts[next...].joined(separator: "/")
            guard !rest.isEmpty else { continue }
            return (resource, "/" + rest)
        }
        return nil
    }

    /// Whether the pattern is `{resource}/**` (the default): the first segment names the resource.
    private var isFirstSegment: Bool {
        segments.count == 2 && resourceSegment == 0 && segments[1] == "**" && resourcePrefix.isEmpty
            && resourceSuffix.isEmpty
    }

    /// ``match(_:)`` for `{resource}/**` without splitting the path into segments: the first
    /// non-empty segment and a non-empty rest (a leading `/` is dropped, as a relative pattern
    /// allows).
    private static func matchFirstSegment(_ path: String) -> (resource: String, path: String)? {
        var text = Substring(path)
        for attempt in 0..<2 {
            if attempt == 1 {
                guard path.utf8.first == UInt8(ascii: "/") else { return nil }
                text = text.dropFirst()
            }
            guard let slash = text.utf8.firstIndex(of: UInt8(ascii: "/")), slash != text.startIndex else {
                continue
            }
            let rest = text[text.utf8.index(after: slash)...]
            guard !rest.isEmpty else { continue }
            return (String(text[..<slash]), "/" + rest)
        }
        return nil
    }

    /// Matches segments from `pattern` and `path` on; returns the resource and the index of the path
    /// segment after the resource's.
    private func match(pattern: Int, path: Int, _ parts: [Substring]) -> (String, Int)? {
        if pattern == segments.count { return path == parts.count ? ("", path) : nil }
        let segment = segments[pattern]
        if segment == "**" {
            for skip in path...parts.count {
                if let found = match(pattern: pattern + 1, path: skip, parts) { return found }
            }
            return nil
        }
        guard path < parts.count else { return nil }
        let part = parts[path]
        if pattern == resourceSegment {
            guard part.count > resourcePrefix.count + resourceSuffix.count, part.hasPrefix(resourcePrefix),
                part.hasSuffix(resourceSuffix)
            else { return nil }
            let name = part.dropFirst(resourcePrefix.count).dropLast(resourceSuffix.count)
            guard match(pattern: pattern + 1, path: path + 1, parts) != nil else { return nil }
            return (String(name), path + 1)
        }
        guard Self.glob(segment, part) else { return nil }
        return match(pattern: pattern + 1, path: path + 1, parts)
    }

    /// `*` matches any run of characters within one segment.
    private static func glob(_ pattern: Substring, _ text: Substring) -> Bool {
        guard let star = pattern.firstIndex(of: "*") else { return pattern == text }
        let head = pattern[..<star]
        guard text.hasPrefix(head) else { return false }
        let tail = pattern[pattern.index(after: star)...]
        var rest = text.dropFirst(head.count)
        while true {
            if glob(tail, rest) { return true }
            if rest.isEmpty { return false }
            rest = rest.dropFirst()
        }
    }
}
