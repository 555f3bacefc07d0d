/// A problem found in the input or the templates, with where it was found.
///
/// Errors stop the build (exit 65); warnings are printed and, with `--strict`, fail it too.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    /// Where in a file a problem is.
    public enum Location: Sendable, Equatable {
        /// A JSON path such as `findings[3].line`.
        case path(String)
        /// A 1-based line and column, for syntax errors.
        case lineColumn(Int, Int)
        /// A line of a JSON Lines file, with the JSON path inside that line's record.
        case line(Int, path: String?)
    }

    /// Whether the problem stops the build.
    public let severity: Severity
    /// The input file as the user named it, or nil for a problem of the whole input.
    public let file: String?
    /// Where in the file, when known.
    public let location: Location?
    /// What was wrong and what was expected, ending with a full stop.
    public let message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, file: String?, location: Location? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
    }

    /// The diagnostic as printed.
    ///
    /// For example `error: data/findings.json at findings[3].line: expected an integer ≥ 1, found "x".`
    public var description: String {
        "\(severity.rawValue): " + place + message
    }

    fileprivate var place: String {
        guard let file else { return "" }
        switch location {
        case nil: return "\(file): "
        case .path(let path): return "\(file) at \(path): "
        case .lineColumn(let line, let column): return "\(file):\(line):\(column): "
        case .line(let line, nil): return "\(file):\(line): "
        case .line(let line, .some(let path)): return "\(file):\(line) at \(path): "
        }
    }
}

extension Diagnostic {
    /// The place alone, `file at path`, for messages that point at another record.
    var placeText: String {
        var text = place
        if text.hasSuffix(": ") { text.removeLast(2) }
        return text
    }
}
