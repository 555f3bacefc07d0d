import Synchronization

/// Collects the site in memory, for tests and exports.
final class InMemoryWriter: SiteWriter {
    private let storage = Mutex<[String: [UInt8]]>([:])

    /// Every file written so far, by path.
    var files: [String: [UInt8]] { storage.withLock { $0 } }

    func write(_ file: OutputFile) throws {
        storage.withLock { $0[file.path] = file.bytes }
    }

    func write(_ path: String, streaming produce: (any ChunkSink) throws -> Void) throws {
        let bytes = try Self.collected(produce)
        storage.withLock { $0[path] = bytes }
    }

    func patch(
        _ path: String, at offsets: [Int], with bytes: [UInt8], thenRead start: Int,
        _ consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard let file = storage.withLock({ $0[path] }) else {
            throw SiteError.writeFailed(path: path, underlying: "it was never written")
        }
        let patched = try Self.patched(file, at: offsets, with: bytes, thenRead: start, consume)
        storage.withLock { $0[path] = patched }
    }

    func finish() throws {}

    func discard() {
        storage.withLock { $0 = [:] }
    }
}
