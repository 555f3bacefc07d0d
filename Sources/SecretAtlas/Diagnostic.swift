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

    /// The diagnostic as printed: one line, safe on a terminal.
    ///
    /// For example `error: data/findings.json at findings[3].line: expected an integer ≥ 1, found "x".`
    /// The file, the path and the message are each shortened and their control, bidi and zero-width
    /// characters escaped (see ``printable(_:)``), since all three may carry text from the input.
    public var description: String {
        "\(severity.rawValue): " + place + TerminalText.printable(message, limit: 2_000)
    }

    /// Text from the input made safe to print on a terminal: control characters (ESC, BEL, CR, LF…),
    /// bidi overrides and zero-width characters are written as `\u{1B}`, so an id cannot drive the
    /// terminal, forge a line or disguise itself.
    public static func printable(_ text: String) -> String {
        TerminalText.escaped(text)
    }

    fileprivate var place: String {
        guard let rawFile = self.file else { return "" }
        let file = TerminalText.printable(rawFile, limit: 1_000)
        func shown(_ path: String) -> String { TerminalText.printable(path, limit: 1_000) }
        switch location {
        case nil: return "\(file): "
        case .path(let path): return "\(file) at \(shown(path)): "
        case .lineColumn(let line, let column): return "\(file):\(line):\(column): "
        case .line(let line, nil): return "\(file):\(line): "
        case .line(let line, .some(let path)): return "\(file):\(line) at \(shown(path)): "
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
