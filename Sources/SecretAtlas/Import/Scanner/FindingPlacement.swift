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
        if text.contains("%"), let decoded = text.removingPercentEncoding { text = decoded }
        text = text.replacingOccurrences(of: "\\", with: "/")
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
    private let regex: NSRegularExpression

    /// Nil when the pattern has no `{resource}`.
    init?(_ text: String) {
        guard text.components(separatedBy: "{resource}").count == 2 else { return nil }
        var expression = "^"
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("{resource}") {
                expression += "([^/]+)"
                rest = rest.dropFirst(10)
            } else if rest.hasPrefix("/**") {
                expression += "(?:/.*)?"
                rest = rest.dropFirst(3)
            } else if rest.hasPrefix("**") {
                expression += ".*"
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("*") {
                expression += "[^/]*"
                rest = rest.dropFirst()
            } else {
                expression += NSRegularExpression.escapedPattern(for: String(rest.prefix(1)))
                rest = rest.dropFirst()
            }
        }
        guard let regex = try? NSRegularExpression(pattern: expression + "$") else { return nil }
        self.text = text
        self.regex = regex
    }

    /// The resource and the path after its folder (always starting with `/`), or nil.
    func match(_ path: String) -> (resource: String, path: String)? {
        let candidates =
            text.hasPrefix("/") || !path.hasPrefix("/") ? [path] : [path, String(path.dropFirst())]
        for candidate in candidates {
            let range = NSRange(candidate.startIndex..., in: candidate)
            guard let match = regex.firstMatch(in: candidate, range: range),
                let resourceRange = Range(match.range(at: 1), in: candidate)
            else { continue }
            let resource = String(candidate[resourceRange])
            let rest = candidate[resourceRange.upperBound...]
            guard !rest.isEmpty else { continue }
            return (resource, rest.hasPrefix("/") ? String(rest) : "/" + rest)
        }
        return nil
    }
}
