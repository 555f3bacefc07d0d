/// Where rendered files go.
///
/// The only seam between the pure stages and the disk.
protocol SiteWriter {
    /// Writes one file; paths are relative to the site root and use `/`.
    func write(_ file: OutputFile) throws
    /// Overwrites a file already written with `bytes` at each of `offsets` (its length stays the
    /// same), then passes its bytes from `start` to its end to `consume`, in chunks.
    ///
    /// How the report fingerprint is filled in once every file is written (``ManifestWriter``), so
    /// the site never has to be held in memory; `consume` lets the caller hash the final bytes in
    /// the same visit.
    func patch(
        _ path: String, at offsets: [Int], with bytes: [UInt8], thenRead start: Int,
        _ consume: (UnsafeRawBufferPointer) throws -> Void) throws
    /// Makes everything written visible at once (for a folder: moves it into place).
    func finish() throws
    /// Throws away everything written, leaving any previous site untouched.
    func discard()
}

extension SiteWriter {
    /// ``patch(_:at:with:thenRead:_:)`` for writers that hold their files in memory.
    static func patched(
        _ file: [UInt8], at offsets: [Int], with bytes: [UInt8], thenRead start: Int,
        _ consume: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows -> [UInt8] {
        var file = file
        for offset in offsets { file.replaceSubrange(offset..<offset + bytes.count, with: bytes) }
        try file[min(start, file.count)...].withUnsafeBytes(consume)
        return file
    }
}
