/// Collects the site in memory, for tests and exports.
final class InMemoryWriter: SiteWriter {
    private(set) var files: [String: [UInt8]] = [:]

    func write(_ file: OutputFile) throws {
        files[file.path] = file.bytes
    }

    func patch(
        _ path: String, at offsets: [Int], with bytes: [UInt8], thenRead start: Int,
        _ consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard let file = files[path] else {
            throw SiteError.writeFailed(path: path, underlying: "it was never written")
        }
        files[path] = try Self.patched(file, at: offsets, with: bytes, thenRead: start, consume)
    }

    func finish() throws {}

    func discard() {
        files = [:]
    }
}
