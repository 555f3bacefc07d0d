import Foundation
import Synchronization

/// Builds a SecretAtlas site: inputs → importers → model → plan → renderer → writer.
public enum SiteBuilder {
    /// The SecretAtlas version shown in page footers.
    public static let version = "0.1.0"

    /// Reads and checks the inputs without writing anything.
    /// - Returns: every problem found, errors and warnings.
    /// - Throws: ``SiteError`` when the templates or catalog cannot be loaded.
    public static func validate(_ configuration: SiteConfiguration) throws -> BuildReport {
        let support = try SupportFiles(configuration: configuration)
        _ = try TemplateSet(directory: support.templatesDirectory)
        let (_, diagnostics, _) = try loadModel(configuration, support: support)
        return BuildReport(
            diagnostics: diagnostics, pageCount: 0, fileCount: 0, totalBytes: 0, largestPage: "",
            largestPageBytes: 0)
    }

    /// Builds the site into `configuration.outputDirectory`.
    /// - Returns: the warnings and what was written.
    /// - Throws: ``SiteError``; on any failure nothing is left at the destination but the previous site.
    public static func build(_ configuration: SiteConfiguration) throws -> BuildReport {
        let progress = configuration.progress
        progress?.begin(.checkingLastBuild)
        // Before the unchanged-site shortcut: `-o` naming a link to a site is refused like any other time.
        try DirectoryWriter.requireReplaceable(
            URL(fileURLWithPath: configuration.outputDirectory).standardizedFileURL.path,
            named: configuration.outputDirectory)
        let buildKey = try BuildKey.compute(
            configuration, support: SupportFiles(configuration: configuration))
        if configuration.skipsUnchangedBuild, let buildKey,
            let record = SiteRecord.read(site: configuration.outputDirectory), record.buildKey == buildKey,
            record.isIntact(site: configuration.outputDirectory)
        {
            return record.report
        }
        let (support, templates, loaded, changes) = try prepare(configuration)
        let (model, diagnostics, sensitiveValues) = loaded
        let directory = try DirectoryWriter(destination: configuration.outputDirectory)
        directory.jobs = configuration.jobs
        directory.progress = progress
        // Every byte, final fingerprint included, passes the leak check before the folder holds it
        // (what is checked where: ``LeakCheckingWriter``); the zip is made from that folder.
        let writer = LeakCheckingWriter(directory, values: sensitiveValues)
        do {
            let written = try write(
                model: model, templates: templates, assetsDirectory: support.assetsDirectory,
                changes: changes, progress: progress, jobs: configuration.jobs,
                to: writer)
            // The zip is made first (if it fails, the folder is discarded and the previous site
            // stays), then moves into place with the site.
            try configuration.zipPath.map {
                progress?.begin(.zipping)
                let zip = ZipWriter(destination: $0)
                directory.companion = (
                    zip,
                    try zip.stage(folder: directory.stagingFolder, excluding: [DirectoryWriter.markerName])
                )
            }
            var report = BuildReport(
                diagnostics: diagnostics, pageCount: written.pageCount, fileCount: written.fileCount,
                totalBytes: written.totalBytes, largestPage: written.largestPage,
                largestPageBytes: written.largestPageBytes)
            directory.record = buildKey.map {
                SiteRecord(buildKey: $0, report: report, zipPath: configuration.zipPath)
            }
            try writer.finish()
            report.keptFileCount = directory.keptFileCount
            return report
        } catch {
            writer.discard()
            throw error
        }
    }

    /// What `build` and `export` both start from: support files and templates found, the inputs read
    /// into a model that passed ``check(_:strict:)``, and the comparison with `--previous`.
    static func prepare(_ configuration: SiteConfiguration) throws -> (
        support: SupportFiles, templates: TemplateSet,
        loaded: (model: SiteModel, diagnostics: [Diagnostic], sensitiveValues: SensitiveValues),
        changes: ChangeSet?
    ) {
        let support = try SupportFiles(configuration: configuration)
        let templates = try TemplateSet(directory: support.templatesDirectory)
        let loaded = try loadModel(configuration, support: support, progress: configuration.progress)
        try check(loaded.diagnostics, strict: configuration.strict)
        let changes = try configuration.previousDirectory.map {
            ChangeSet(previous: try ReportData.read(siteDirectory: $0), model: loaded.model)
        }
        return (support, templates, loaded, changes)
    }

    /// Whether a build with these problems may go on.
    /// - Throws: ``SiteError/invalidInput(diagnostics:)`` when there is an error, or
    ///   ``SiteError/warningsWithStrict(diagnostics:)`` when `strict` and there is a warning.
    public static func check(_ diagnostics: [Diagnostic], strict: Bool) throws {
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw SiteError.invalidInput(diagnostics: diagnostics)
        }
        if strict, !diagnostics.isEmpty {
            throw SiteError.warningsWithStrict(diagnostics: diagnostics)
        }
    }

    static func loadModel(
        _ configuration: SiteConfiguration, support: SupportFiles, progress: BuildProgress? = nil
    ) throws -> (
        model: SiteModel, diagnostics: [Diagnostic], sensitiveValues: SensitiveValues
    ) {
        progress?.begin(.readingInputs)
        let catalog = try CatalogLoader(templatesDirectory: support.templatesDirectory).load()
        let inputs = configuration.inputs.isEmpty ? [try support.sampleInput()] : configuration.inputs
        let loader = try inputLoader(configuration)
        loader.sensitiveValues.publicText = support.publicText()
        let builder = SiteModelBuilder(
            catalog: catalog, title: configuration.title, sourceDateEpoch: try sourceDateEpoch(configuration))
        let input = loader.load(inputs)
        progress?.begin(.analysing)
        // The records go straight to the builder, which releases them as the model is made.
        let (model, diagnostics) = builder.build(consume input)
        // Messages quote input (an unknown rule name, a path) and reach the terminal, CI logs and the
        // site's record: a value they quote is masked there as on the pages.
        let redactor = SecretRedactor(values: loader.sensitiveValues)
        return (model, diagnostics.map(redactor.masked), loader.sensitiveValues)
    }

    /// The input loader for `--resource-pattern` and `--fingerprint-key-file`.
    static func inputLoader(_ configuration: SiteConfiguration) throws -> InputLoader {
        var loader = InputLoader()
        if !configuration.resourcePatterns.isEmpty {
            loader.patterns = try configuration.resourcePatterns.map { text in
                guard let pattern = ResourcePattern(text) else {
                    throw SiteError.invalidOption(
                        name: "--resource-pattern '\(text)'",
                        detail: "expected one {resource} placeholder, such as '{resource}/**' or "
                            + "'/mnt/snapshots/{resource}/**'")
                }
                return pattern
            }
        }
        if let path = configuration.fingerprintKeyFile {
            let key: [UInt8]
            do {
                key = try FileTree.bytes(at: path)
            } catch {
                throw SiteError.unreadableFile(
                    path: path, underlying: (error as? FileTree.ReadError)?.reason ?? "\(error)")
            }
            guard key.count >= 16 else {
                throw SiteError.invalidOption(
                    name: "--fingerprint-key-file \(path)",
                    detail: "expected at least 16 bytes of key, found \(key.count)")
            }
            loader.fingerprinter = SecretFingerprinter(key: key)
        }
        return loader
    }

    /// Every input format: name and one line on what produces it, for `secret-atlas formats`.
    public static var inputFormats: [(name: String, summary: String)] {
        InputFormats.all
    }

    /// `SOURCE_DATE_EPOCH` from the environment, the reproducible-builds convention for a build time.
    private static func sourceDateEpoch(_ configuration: SiteConfiguration) throws -> Int64? {
        guard let text = configuration.environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return nil }
        guard let seconds = Int64(text), seconds >= 0 else {
            throw SiteError.invalidSourceDateEpoch(value: text)
        }
        return seconds
    }

    /// Renders every planned page, the machine-readable exports and the assets, hands each file to
    /// `output` as it is produced, then seals the site with its fingerprint and `SHA256SUMS` (see
    /// ``Manifest`` and ``ManifestWriter``).
    static func write(
        model: SiteModel, templates: TemplateSet, assetsDirectory: String, changes: ChangeSet? = nil,
        progress: BuildProgress? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        to output: any SiteWriter
    ) throws -> BuildReport {
        let context = RenderContext(
            model: model, version: version, markdown: MarkdownRenderer(), changes: changes)
        let renderer = SiteRenderer(context: context, templates: templates)
        let writer = ManifestWriter(inner: output)
        // Data files are written as they are made: list shards one facet value at a time, the
        // findings files streamed in chunks, so none of them is held whole. They are jobs of the
        // page queue, the longest first, so they overlap with pages instead of running after them.
        let data = Mutex((files: 0, bytes: 0))
        @Sendable func counted(_ bytes: Int) {
            data.withLock { $0 = ($0.files + 1, $0.bytes + bytes) }
        }
        @Sendable func writeDataFile(_ file: OutputFile) throws {
            try writer.write(file)
            counted(file.bytes.count)
        }
        let dataJobs: [@Sendable () throws -> Void] =
            AuditFiles.jobs(context: context, to: writer, written: counted) + [
                { try ListData(model: model).write(to: writeDataFile) },
                {
                    try AssetCopier(directory: assetsDirectory).files().forEach(writeDataFile)
                    try ExplorerData(model: model).files().forEach(writeDataFile)
                },
            ]
        // The plan (a path per page, 100 MB at a million findings) is let go once pages are written.
        let (pageCount, pages) = try {
            let plan = try SitePlan(model: model, changes: changes)
            progress?.begin(.renderingPages, total: plan.pages.count)
            var queue = PageRenderQueue(renderer: renderer)
            queue.jobs = jobs
            let summary = try queue.render(
                plan.pages, startingWith: dataJobs, consume: writer.write, pageDone: { progress?.advance() })
            return (plan.pages.count, summary)
        }()
        let (dataFiles, dataBytes) = data.withLock { $0 }
        let totalBytes = pages.totalBytes + dataBytes
        let largest = (pages.largestPath, pages.largestBytes)
        progress?.begin(.sealing)
        try writer.seal()
        return BuildReport(
            diagnostics: [], pageCount: pageCount,
            fileCount: pageCount + dataFiles + 2,
            totalBytes: totalBytes, largestPage: largest.0, largestPageBytes: largest.1)
    }
}
