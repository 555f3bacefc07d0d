import ArgumentParser
import Foundation
import SecretAtlas

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a site, or an unpacked zip of one, against its SHA256SUMS manifest.",
        discussion:
            "Lists added, changed and missing files; exits 1 if there is any, 0 when the site is intact.")

    @Argument(help: "The site folder.")
    var directory: String

    func run() throws {
        try runReportingErrors {
            let report = try SiteVerifier.verify(directory: directory)
            // Names come from the folder and its manifest, which anyone may have altered.
            for path in report.added { print("added: \(Diagnostic.printable(path))") }
            for path in report.changed { print("changed: \(Diagnostic.printable(path))") }
            for path in report.missing { print("missing: \(Diagnostic.printable(path))") }
            if report.fingerprintMatches == false {
                print(
                    "fingerprint: the files do not give the stated report fingerprint \(report.fingerprint ?? "")"
                )
            }
            guard report.isClean else {
                print(
                    "FAILED: \(report.added.count) added, \(report.changed.count) changed, "
                        + "\(report.missing.count) missing.")
                throw ExitCode(1)
            }
            print(
                "OK: every file matches SHA256SUMS"
                    + (report.fingerprint.map { "; report fingerprint \($0)" } ?? "") + ".")
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one secret, resource, recommendation or attack path as a single file for a ticket.",
        discussion: """
            -o FILE.html gives one self-contained page (styles and icons inline, its own CSP, no reference \
            to any other file); -o FILE.md gives Markdown. Both carry the report fingerprint and the item's \
            permalink in the published site.
            """)

    @Flag(exclusivity: .exclusive, help: "The kind of item ID names.")
    var kind: ItemKind

    @Argument(help: "The item: its page name (stable id) or the id the input gives it.")
    var id: String

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .customLong("output")], help: "The file to write: .html or .md.")
    var output: String

    @Option(
        help: "Where the site is published (e.g. https://reports.example.com/2026-11/), for the permalink.")
    var baseURL: String?

    @Option(help: "Report title, as given to build (it is part of the report fingerprint).")
    var title = "SecretAtlas report"

    @Option(help: "An earlier site, so the export says whether the item is new.")
    var previous: String?

    enum ItemKind: String, EnumerableFlag {
        case secret, resource, recommendation, attackPath

        var requestKind: ExportRequest.Kind {
            switch self {
            case .secret: .secret
            case .resource: .resource
            case .recommendation: .recommendation
            case .attackPath: .attackPath
            }
        }
    }

    func run() throws {
        try runReportingErrors {
            let result = try SiteBuilder.export(
                input.configuration(output: "", title: title, previous: previous),
                ExportRequest(kind: kind.requestKind, id: id, outputPath: output, baseURL: baseURL))
            print("Wrote \(output) (report fingerprint \(result.fingerprint); permalink \(result.permalink))")
        }
    }
}
