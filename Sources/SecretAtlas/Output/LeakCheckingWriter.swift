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
/// value; it is checked anyway, so the guarantee does not rest on that argument.)
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
