/// Passes every file to another writer after proving it holds no raw secret value: every value seen
/// during import, and every 12-character piece of one, is searched for in every byte (and path).
///
/// A hit fails the build naming the file and the finding, never the value. Every output goes
/// through a ``SiteWriter``, so wrapping the writer covers pages, assets and any later export.
final class LeakCheckingWriter: SiteWriter {
    private let inner: any SiteWriter
    private let values: SensitiveValues

    init(_ inner: any SiteWriter, values: SensitiveValues) {
        self.inner = inner
        self.values = values
    }

    func write(_ file: OutputFile) throws {
        if let owner = values.firstLeak(in: file.bytes) ?? values.firstLeak(in: Array(file.path.utf8)) {
            throw SiteError.secretLeaked(file: file.path, finding: owner)
        }
        try inner.write(file)
    }

    func finish() throws {
        try inner.finish()
    }

    func discard() {
        inner.discard()
    }
}
