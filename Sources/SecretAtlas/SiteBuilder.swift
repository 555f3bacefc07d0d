import Foundation

/// Builds a SecretAtlas site: inputs → importers → model → plan → renderer → writer.
public enum SiteBuilder {
    /// The SecretAtlas version shown in page footers.
    public static let version = "0.1.0"

    /// Reads and checks the inputs without writing anything.
    /// - Returns: every problem found, errors and warnings.
    /// - Throws: ``SiteError`` when the templates or catalog cannot be loaded.
    public static func validate(_ configuration: SiteConfiguration) throws -> BuildReport {
        let support = try SupportFiles(configuration: configuration)
        let (_, diagnostics) = try loadModel(configuration, support: support)
        return BuildReport(
            diagnostics: diagnostics, pageCount: 0, fileCount: 0, totalBytes: 0, largestPage: "",
            largestPageBytes: 0)
    }

    /// Builds the site into `configuration.outputDirectory`.
    /// - Returns: the warnings and what was written.
    /// - Throws: ``SiteError``; on any failure nothing is left at the destination but the previous site.
    public static func build(_ configuration: SiteConfiguration) throws -> BuildReport {
        let support = try SupportFiles(configuration: configuration)
        let templates = try TemplateSet(directory: support.templatesDirectory)
        let (model, diagnostics) = try loadModel(configuration, support: support)
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw SiteError.invalidInput(diagnostics: diagnostics)
        }
        if configuration.strict, !diagnostics.isEmpty {
            throw SiteError.warningsWithStrict(count: diagnostics.count)
        }
        let writer = try DirectoryWriter(destination: configuration.outputDirectory)
        do {
            let report = try write(
                model: model, templates: templates, assetsDirectory: support.assetsDirectory, to: writer)
            try writer.finish()
            return BuildReport(
                diagnostics: diagnostics, pageCount: report.pageCount, fileCount: report.fileCount,
                totalBytes: report.totalBytes, largestPage: report.largestPage,
                largestPageBytes: report.largestPageBytes)
        } catch {
            writer.discard()
            throw error
        }
    }

    static func loadModel(_ configuration: SiteConfiguration, support: SupportFiles) throws -> (
        SiteModel, [Diagnostic]
    ) {
        let catalog = try CatalogLoader(templatesDirectory: support.templatesDirectory).load()
        let input = InputLoader().load(configuration.inputs)
        let builder = SiteModelBuilder(
            catalog: catalog, title: configuration.title, sourceDateEpoch: configuration.sourceDateEpoch)
        return builder.build(input)
    }

    /// Renders every planned page and copies the assets into a writer.
    static func write(
        model: SiteModel, templates: TemplateSet, assetsDirectory: String, to writer: any SiteWriter
    ) throws -> BuildReport {
        let context = RenderContext(model: model, version: version, markdown: MarkdownRenderer())
        let renderer = SiteRenderer(context: context, templates: templates)
        let plan = SitePlan(model: model)
        var totalBytes = 0
        var largest = ("", 0)
        for file in try PageRenderQueue(renderer: renderer).render(
            plan.pages, batchSize: 64, consume: writer.write)
        {
            totalBytes += file.count
            if file.count > largest.1 { largest = (file.path, file.count) }
        }
        let assets = try AssetCopier(directory: assetsDirectory).files()
        for asset in assets {
            try writer.write(asset)
            totalBytes += asset.bytes.count
        }
        return BuildReport(
            diagnostics: [], pageCount: plan.pages.count, fileCount: plan.pages.count + assets.count,
            totalBytes: totalBytes, largestPage: largest.0, largestPageBytes: largest.1)
    }
}
