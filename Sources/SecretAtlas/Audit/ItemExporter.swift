/// `secret-atlas export`: one item of the report as a single file for a ticket.
extension SiteBuilder {
    /// Builds the whole report in memory (so the fingerprint is the one the published site shows for
    /// the same inputs), then writes the item's page as one self-contained HTML file or as Markdown.
    /// - Returns: the report fingerprint and the item's permalink.
    /// - Throws: ``SiteError``, among them ``SiteError/itemNotFound(kind:id:suggestion:)``.
    public static func export(_ configuration: SiteConfiguration, _ request: ExportRequest) throws -> (
        fingerprint: String, permalink: String
    ) {
        let format = try request.format()
        let (support, templates, loaded, changes) = try prepare(configuration)
        let (model, sensitiveValues) = (loaded.model, loaded.sensitiveValues)
        let found = try ItemLocator.find(request.kind, request.id, in: model)
        let site = InMemoryWriter()
        _ = try write(
            model: model, templates: templates, assetsDirectory: support.assetsDirectory, changes: changes,
            to: site)
        let fingerprint = String(decoding: site.files[Manifest.fingerprintFileName] ?? [], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let baseURL = request.normalizedBaseURL
        let permalink = (baseURL ?? "") + found.path
        let bytes: [UInt8]
        switch format {
        case .html:
            let page = StandalonePage(
                pagePath: found.path, files: site.files, baseURL: baseURL, reportFingerprint: fingerprint)
            bytes = page.html(from: String(decoding: site.files[found.path] ?? [], as: UTF8.self))
        case .markdown:
            let context = RenderContext(
                model: model, version: version, markdown: MarkdownRenderer(), changes: changes)
            bytes = MarkdownExport(
                context: context, reportFingerprint: fingerprint, permalink: permalink, baseURL: baseURL
            ).markdown(request.kind, index: found.index)
        }
        // The export passes the same leak check as the site: no raw value seen in the inputs gets out.
        let writer = LeakCheckingWriter(
            SingleFileWriter(destination: request.outputPath), values: sensitiveValues)
        do {
            try writer.write(OutputFile(path: found.path, bytes: bytes))
            try writer.finish()
        } catch {
            writer.discard()
            throw error
        }
        return (fingerprint, permalink)
    }
}
