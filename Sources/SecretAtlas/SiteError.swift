/// A failure that stops a build.
///
/// Each case carries the place and what to do about it.
public enum SiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input file or folder could not be read.
    case unreadableInput(path: String, underlying: String)
    /// The input has problems; every one, errors and warnings, is carried for the caller to print.
    case invalidInput(diagnostics: [Diagnostic])
    /// Warnings were found and `--strict` was given.
    case warningsWithStrict(count: Int)
    /// No templates folder was found.
    case templatesNotFound(searched: [String])
    /// No assets folder was found.
    case assetsNotFound(searched: [String])
    /// A required template is missing from the templates folder.
    case templateMissing(name: String, searched: String)
    /// A template does not parse.
    case templateSyntax(name: String, line: Int, column: Int, detail: String)
    /// A catalog file (remediation or recommendation Markdown) is malformed.
    case catalogInvalid(path: String, detail: String)
    /// Writing the site failed.
    case writeFailed(path: String, underlying: String)

    /// The process exit code for this failure: 65 for bad input, 1 for a failed build.
    public var exitCode: Int32 {
        switch self {
        case .invalidInput, .warningsWithStrict: 65
        default: 1
        }
    }

    /// The message: what failed, where, and what to do, in at most two lines.
    public var description: String {
        switch self {
        case .unreadableInput(let path, let underlying):
            "Cannot read input '\(path)': \(underlying)."
        case .invalidInput(let diagnostics):
            "Input is invalid: \(diagnostics.filter { $0.severity == .error }.count) error(s); no site was written."
        case .warningsWithStrict(let count):
            "\(count) warning(s) with --strict; no site was written."
        case .templatesNotFound(let searched):
            "No templates folder found. Searched: \(searched.joined(separator: ", ")). Pass --templates DIR."
        case .assetsNotFound(let searched):
            "No assets folder found. Searched: \(searched.joined(separator: ", ")). Pass --assets DIR."
        case .templateMissing(let name, let searched):
            "Template '\(name).mustache' is missing from '\(searched)'; copy it from the bundled Templates/."
        case .templateSyntax(let name, let line, let column, let detail):
            "Template syntax error in '\(name).mustache' at \(line):\(column): \(detail)."
        case .catalogInvalid(let path, let detail):
            "Malformed catalog file '\(path)': \(detail)."
        case .writeFailed(let path, let underlying):
            "Cannot write '\(path)': \(underlying). The previous site, if any, is untouched."
        }
    }
}
