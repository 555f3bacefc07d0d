/// Sends every file to several writers, such as the site folder and its zip.
final class FanOutWriter: SiteWriter {
    private let writers: [any SiteWriter]

    init(_ writers: [any SiteWriter]) {
        self.writers = writers
    }

    func write(_ file: OutputFile) throws {
        for writer in writers { try writer.write(file) }
    }

    /// Finishes in order; a failure discards the writers not yet finished.
    func finish() throws {
        for (index, writer) in writers.enumerated() {
            do {
                try writer.finish()
            } catch {
                for later in writers[(index + 1)...] { later.discard() }
                throw error
            }
        }
    }

    func discard() {
        for writer in writers { writer.discard() }
    }
}
