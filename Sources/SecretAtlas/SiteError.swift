/// A failure that stops a build.
///
/// Each case carries the place and what to do about it.
public enum SiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input has problems; every one, errors and warnings, is carried for the caller to print.
    case invalidInput(diagnostics: [Diagnostic])
    /// Warnings were found and `--strict` was given; they are carried for the caller to print.
    case warningsWithStrict(diagnostics: [Diagnostic])
    /// No input was given and the bundled sample was not found.
    case sampleNotFound(searched: [String])
    /// `SOURCE_DATE_EPOCH` is set but is not a whole number of seconds.
    case invalidSourceDateEpoch(value: String)
    /// No templates folder was found.
    case templatesNotFound(searched: [String])
    /// No assets folder was found.
    case assetsNotFound(searched: [String])
    /// A required template is missing from the templates folder.
    case templateMissing(name: String, searched: String)
    /// A template does not parse.
    case templateSyntax(name: String, line: Int, column: Int, detail: String)
    /// A template includes itself through its partials or parents (`chain` starts and ends with it).
    case templateRecursion(chain: [String])
    /// A template, catalog or asset file could not be read.
    case unreadableFile(path: String, underlying: String)
    /// A catalog file (remediation or recommendation Markdown) is malformed.
    case catalogInvalid(path: String, detail: String)
    /// Two pages were planned at one URL (for example a recommendation file named `index.md`).
    case pageCollision(path: String)
    /// Writing the site failed.
    case writeFailed(path: String, underlying: String)
    /// A file of the output would be written outside its folder or under a name no file system
    /// takes (see `SitePath`); nothing is written.
    case unsafeOutputPath(path: String, reason: String)
    /// `--previous` names no readable SecretAtlas site.
    case previousUnreadable(path: String, detail: String)
    /// `verify` found no readable manifest.
    case manifestUnreadable(path: String, detail: String)
    /// `export` names an item the report does not have.
    case itemNotFound(kind: String, id: String, suggestion: String)
    /// `export -o` names a file that is neither `.html` nor `.md`.
    case unknownExportFormat(path: String)
    /// An output file holds a raw secret value (or a 12-character piece of one) seen during import.
    case secretLeaked(file: String, finding: String)
    /// A command-line option's value is malformed.
    case invalidOption(name: String, detail: String)

    /// The process exit code: 65 for bad input, 64 for a usage problem, 1 for a failed build.
    public var exitCode: Int32 {
        switch self {
        case .invalidInput, .warningsWithStrict: 65
        case .sampleNotFound, .invalidSourceDateEpoch, .unknownExportFormat, .invalidOption: 64
        case .itemNotFound, .previousUnreadable: 65
        default: 1
        }
    }

    /// The message: what failed, where, and what to do, in at most two lines, safe on a terminal
    /// (paths and ids in it are escaped as in ``Diagnostic/description``).
    public var description: String {
        TerminalText.printable(text, limit: 4_000)
    }

    private var text: String {
        switch self {
        case .invalidInput(let diagnostics):
            "Input is invalid: \(diagnostics.filter { $0.severity == .error }.count) error(s); no site was written."
        case .warningsWithStrict(let diagnostics):
            "\(diagnostics.count) warning(s) with --strict; no site was written."
        case .sampleNotFound(let searched):
            "No input given and the bundled sample was not found. Searched: \(searched.joined(separator: ", ")). "
                + "Name input files or folders."
        case .invalidSourceDateEpoch(let value):
            "SOURCE_DATE_EPOCH is \"\(value)\"; expected a whole number of seconds since 1970."
        case .templatesNotFound(let searched):
            "No templates folder found. Searched: \(searched.joined(separator: ", ")). Pass --templates DIR."
        case .assetsNotFound(let searched):
            "No assets folder found. Searched: \(searched.joined(separator: ", ")). Pass --assets DIR."
        case .templateMissing(let name, let searched):
            "Template '\(name).mustache' is missing from '\(searched)'; copy it from the bundled Templates/."
        case .templateSyntax(let name, let line, let column, let detail):
            "Template syntax error in '\(name).mustache' at \(line):\(column): \(detail)."
        case .templateRecursion(let chain):
            "Template '\(chain[0]).mustache' includes itself (\(chain.joined(separator: " → "))), which would "
                + "never end; a partial or parent may not include a template that includes it."
        case .unreadableFile(let path, let underlying):
            "Cannot read '\(path)': \(underlying)."
        case .catalogInvalid(let path, let detail):
            "Malformed catalog file '\(path)': \(detail)."
        case .pageCollision(let path):
            "Two pages would be written to '\(path)'; rename the catalog file that produces one of them."
        case .writeFailed(let path, let underlying):
            "Cannot write '\(path)': \(underlying). The previous site, if any, is untouched."
        case .unsafeOutputPath(let path, let reason):
            "Refusing to write '\(path)': \(reason); every file must stay inside the output folder under a "
                + "name any file system takes. No site was written; the previous one is untouched. "
                + "Report this as a bug."
        case .previousUnreadable(let path, let detail):
            "Cannot read the previous report '\(path)': \(detail)."
        case .manifestUnreadable(let path, let detail):
            "Cannot read the manifest '\(path)': \(detail)."
        case .itemNotFound(let kind, let id, let suggestion):
            "No \(kind) '\(id)' in this report. \(suggestion)"
        case .unknownExportFormat(let path):
            "Cannot tell the export format of '\(path)': name a file ending in .html or .md."
        case .secretLeaked(let file, let finding):
            "'\(file)' would contain a secret value (or a 12-character piece of one) of the finding at "
                + "\(finding); no site was written. The value is not shown. Report this as a bug."
        case .invalidOption(let name, let detail):
            "\(name): \(detail)."
        }
    }
}
