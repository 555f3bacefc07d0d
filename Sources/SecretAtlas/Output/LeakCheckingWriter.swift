/// Passes every file to another writer after proving it holds no raw secret value: every value seen
/// during import, and every 12-character piece of one, is searched for in every byte (and path).
///
/// A hit fails the build naming the file and the finding, never the value. Every output goes
/// through a ``SiteWriter``, so wrapping the writer covers pages, assets and any later export.
///
/// What is checked where, so that every final byte is seen: ``write(_:)`` checks each file as it is
/// written, which for a page is its final bytes except where the report fingerprint will go (those
/// slots hold a reserve, see ``ManifestWriter``). ``patch(_:at:with:thenRead:_:)`` checks, after the
/// fingerprint is written, everything from `windowLength - 1` bytes before the first slot to the end
/// of the file: every piece that overlaps a slot lies in it, and every piece that does not was
/// already checked, byte for byte the same, by ``write(_:)``. `REPORT-FINGERPRINT` and `SHA256SUMS`
/// pass through ``write(_:)`` whole. (The fingerprint is the hex of a hash and cannot carry a
/// value; it is checked anyway, so the guarantee does not rest on that argument.) A streamed file
/// (``write(_:streaming:)``) is checked chunk by chunk, each with the last `windowLength - 1`
/// bytes of the one before, so a piece split between two chunks is seen whole.
///
/// Safe from several threads at once: ``SensitiveValues`` is only searched while the site is
/// written, and searches share its lock for reading.
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

    func write(_ path: String, streaming produce: (any ChunkSink) throws -> Void) throws {
        if let owner = values.firstLeak(in: Array(path.utf8)) {
            throw SiteError.secretLeaked(file: path, finding: owner)
        }
        try inner.write(path) { sink in
            try produce(LeakCheckingSink(inner: sink, values: values, path: path))
        }
    }

    func patch(
        _ path: String, at offsets: [Int], with bytes: [UInt8], thenRead start: Int,
        _ consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let overlap = SensitiveValues.windowLength - 1
        let from = max(0, min(start, offsets.min() ?? start) - overlap)
        var position = from
        // The last `overlap` bytes of the previous chunk, so a piece across two chunks is seen.
        var carry: [UInt8] = []
        try inner.patch(path, at: offsets, with: bytes, thenRead: from) { chunk in
            let window = carry + chunk
            if let owner = values.firstLeak(in: window) {
                throw SiteError.secretLeaked(file: path, finding: owner)
            }
            carry = Array(window.suffix(overlap))
            let skip = max(0, min(chunk.count, start - position))
            try consume(UnsafeRawBufferPointer(rebasing: chunk[skip...]))
            position += chunk.count
        }
    }

    func finish() throws {
        try inner.finish()
    }

    func discard() {
        inner.discard()
    }
}

/// Checks each chunk of a streamed file before passing it on.
private final class LeakCheckingSink: ChunkSink {
    private let inner: any ChunkSink
    private let values: SensitiveValues
    private let path: String
    /// The last `windowLength - 1` bytes seen, searched again in front of the next chunk.
    private var carry: [UInt8] = []

    init(inner: any ChunkSink, values: SensitiveValues, path: String) {
        self.inner = inner
        self.values = values
        self.path = path
    }

    func append(_ chunk: UnsafeRawBufferPointer) throws {
        let window = carry + chunk
        if let owner = values.firstLeak(in: window) {
            throw SiteError.secretLeaked(file: path, finding: owner)
        }
        carry = Array(window.suffix(SensitiveValues.windowLength - 1))
        try inner.append(chunk)
    }
}
