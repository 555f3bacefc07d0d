import ArgumentParser
import Foundation
import SecretAtlas

/// The `secret-atlas` command line.
///
/// It parses flags, calls ``SiteBuilder``, prints diagnostics and maps failures to exit codes
/// (0 ok, 1 build failure, 64 usage, 65 invalid input). No logic lives here.
@main
struct SecretAtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret-atlas",
        abstract: "Turn secrets-scanning findings and a cloud security graph into a static HTML site.",
        version: SiteBuilder.version,
        subcommands: [Build.self, Validate.self, Verify.self, Export.self, Synth.self, Formats.self])
}

/// Options shared by `build` and `validate`.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Input files or folders (read recursively). Default: the bundled sample.",
            discussion: "Each may be FORMAT:PATH to force a format (see 'secret-atlas formats') and "
                + "PATH@RESOURCE to put every finding of the file on one resource."))
    var inputs: [String] = []

    @Option(
        name: .customLong("resource-pattern"),
        help: ArgumentHelp(
            "Which resource a finding path is on, e.g. '{resource}/**' (the default) or "
                + "'/mnt/snapshots/{resource}/**'; repeat to try several in order."))
    var resourcePatterns: [String] = []

    @Option(
        name: .customLong("fingerprint-key-file"),
        help: "File whose bytes key the HMAC-SHA-256 fingerprints of secrets (default: a documented key).")
    var fingerprintKeyFile: String?

    @Option(help: "Folder of Mustache templates and catalog Markdown (default: the bundled Templates/).")
    var templates: String?

    @Option(help: "Folder of CSS, scripts and icons (default: the bundled Assets/).")
    var assets: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func configuration(
        output: String, title: String, zip: String? = nil, previous: String? = nil
    ) -> SiteConfiguration {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var configuration = SiteConfiguration(
            inputs: inputs, outputDirectory: output, title: title, templatesDirectory: templates,
            assetsDirectory: assets, strict: strict, environment: ProcessInfo.processInfo.environment,
            executableDirectory: executable.deletingLastPathComponent().path, zipPath: zip,
            previousDirectory: previous)
        configuration.resourcePatterns = resourcePatterns
        configuration.fingerprintKeyFile = fingerprintKeyFile
        return configuration
    }
}

/// Prints diagnostics to standard error.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// Runs a step, turning a ``SiteError`` into its diagnostics and message on stderr and its exit code.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as SiteError {
        switch error {
        case .invalidInput(let diagnostics), .warningsWithStrict(let diagnostics):
            printDiagnostics(diagnostics)
        default:
            break
        }
        FileHandle.standardError.write(Data(("error: " + error.description + "\n").utf8))
        throw ExitCode(error.exitCode)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site.")

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .customLong("output")], help: "Where to write the site.")
    var output = "site"

    @Option(help: "Report title shown on every page.")
    var title = "SecretAtlas report"

    @Flag(name: [.short, .long], help: "Print no summary; warnings and errors still go to standard error.")
    var quiet = false

    @Option(help: "Also write the whole site as one deterministic zip file here.")
    var zip: String?

    @Option(help: "An earlier site to compare with: marks items new, unchanged or resolved.")
    var previous: String?

    @Option(help: "Threads that render pages and compare files (default: the number of cores).")
    var jobs: Int?

    @Flag(
        help: ArgumentHelp(
            "Build even when nothing changed since the site in -o was built.",
            discussion: "Without it, a build whose inputs, options, templates, assets and program are "
                + "those the site was built from, and whose files are untouched, is skipped."))
    var force = false

    @Flag(help: "Print how long each phase of the build took, on standard error.")
    var timings = false

    func validate() throws {
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1, got \(jobs).")
        }
    }

    func run() throws {
        try runReportingErrors {
            var configuration = input.configuration(
                output: output, title: title, zip: zip, previous: previous)
            if let jobs { configuration.jobs = jobs }
            configuration.skipsUnchangedBuild = !force
            let display = quiet ? nil : ProgressDisplay()
            configuration.progress = display?.progress ?? (timings ? BuildProgress() : nil)
            let report: BuildReport
            do {
                defer { display?.stop() }
                report = try SiteBuilder.build(configuration)
            }
            if timings, let progress = configuration.progress { printTimings(progress.timings()) }
            printDiagnostics(report.diagnostics)
            if !quiet { printSummary(report) }
        }
    }

    /// One line per phase on standard error, such as `rendering pages  12.41 s  85613 pages`.
    private func printTimings(_ timings: [BuildProgress.PhaseTime]) {
        let width = timings.map(\.phase.rawValue.count).max() ?? 0
        var lines = ""
        for timing in timings {
            let name = timing.phase.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            lines += "\(name)  \(String(format: "%7.2f", timing.seconds)) s"
            if timing.done > 0 { lines += "  \(timing.done) \(timing.phase.unit)" }
            lines += "\n"
        }
        FileHandle.standardError.write(Data(lines.utf8))
    }

    /// What was built: the first line is parsed by bench/run.sh, so its shape stays.
    private func printSummary(_ report: BuildReport) {
        let site = URL(fileURLWithPath: output).standardizedFileURL
        let figures = "\(report.pageCount) pages (\(report.fileCount) files, \(report.totalBytes) bytes)"
        if report.isUnchanged {
            print("Unchanged since the last build: \(figures) in \(site.path); nothing was written")
        } else {
            print("Wrote \(figures) to \(site.path)")
            if report.keptFileCount > 0 {
                print("Kept \(report.keptFileCount) files with unchanged bytes as they were")
            }
        }
        if !report.largestPage.isEmpty {
            print("Largest page: \(report.largestPage) (\(report.largestPageBytes) bytes)")
        }
        print("Open \(site.appendingPathComponent("index.html").absoluteString)")
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check inputs and print every problem; write nothing.")

    @OptionGroup var input: InputOptions

    func run() throws {
        try runReportingErrors {
            let report = try SiteBuilder.validate(input.configuration(output: "", title: ""))
            printDiagnostics(report.diagnostics)
            print(
                "\(report.errorCount) error(s), \(report.diagnostics.count - report.errorCount) warning(s).")
            do {
                try SiteBuilder.check(report.diagnostics, strict: input.strict)
            } catch let error as SiteError {
                throw ExitCode(error.exitCode)
            }
        }
    }
}

struct Formats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the input formats, recognised from content or forced with FORMAT:PATH.")

    func run() {
        let width = SiteBuilder.inputFormats.map(\.name.count).max() ?? 0
        for format in SiteBuilder.inputFormats {
            print(format.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + format.summary)
        }
    }
}
