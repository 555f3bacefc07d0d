import Foundation
import Synchronization

/// Writes one file (an exported page) to a chosen path, atomically: a failed export leaves any
/// earlier file at that path as it was.
final class SingleFileWriter: SiteWriter {
    let destination: String
    /// The one file's bytes, once written.
    private let storage = Mutex<[UInt8]?>(nil)

    init(destination: String) {
        self.destination = destination
    }

    /// Takes the one file's bytes; its site path is ignored, the destination names it.
    func write(_ file: OutputFile) throws {
        try store(file.bytes)
    }

    func write(_ path: String, streaming produce: (any ChunkSink) throws -> Void) throws {
        try store(try Self.collected(produce))
    }

    private func store(_ bytes: [UInt8]) throws {
        let stored = storage.withLock { stored in
            guard stored == nil else { return false }
            stored = bytes
            return true
        }
        guard stored else {
            throw SiteError.writeFailed(path: destination, underlying: "an export holds exactly one file")
        }
    }

    func patch(
        _ path: String, at offsets: [Int], with bytes: [UInt8], thenRead start: Int,
        _ consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard let file = storage.withLock({ $0 }) else {
            throw SiteError.writeFailed(path: destination, underlying: "nothing was exported")
        }
        let patched = try Self.patched(file, at: offsets, with: bytes, thenRead: start, consume)
        storage.withLock { $0 = patched }
    }

    func finish() throws {
        guard let bytes = storage.withLock({ $0 }) else {
            throw SiteError.writeFailed(path: destination, underlying: "nothing was exported")
        }
        try Self.requireParentFolder(of: destination)
        // Foundation's own message for a folder here is "NSCocoaErrorDomain error 512".
        var status = stat()
        if lstat(destination, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw SiteError.writeFailed(
                path: destination, underlying: "it is a folder, so it is not replaced; name a file")
        }
        do {
            // Atomic: a temporary file renamed over the destination, so a link there is replaced,
            // never written through.
            try Data(bytes).write(to: URL(fileURLWithPath: destination), options: .atomic)
        } catch {
            throw SiteError.writeFailed(path: destination, underlying: Self.reason(error))
        }
    }

    func discard() {
        storage.withLock { $0 = nil }
    }

    /// - Throws: ``SiteError/writeFailed(path:underlying:)`` naming the missing folder, which the
    ///   system's own message does not.
    static func requireParentFolder(of path: String) throws {
        let folder = (URL(fileURLWithPath: path).standardizedFileURL.path as NSString)
            .deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw SiteError.writeFailed(path: path, underlying: "the folder \(folder) does not exist")
        }
    }

    /// A system error's message without its closing full stop (the caller's sentence adds one).
    static func reason(_ error: any Error) -> String {
        var text = error.localizedDescription
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
