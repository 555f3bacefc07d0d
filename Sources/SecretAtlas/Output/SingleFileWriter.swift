import Foundation

/// Writes one file (an exported page) to a chosen path, atomically: a failed export leaves any
/// earlier file at that path as it was.
final class SingleFileWriter: SiteWriter {
    let destination: String
    private var bytes: [UInt8]?

    init(destination: String) {
        self.destination = destination
    }

    /// Takes the one file's bytes; its site path is ignored, the destination names it.
    func write(_ file: OutputFile) throws {
        guard bytes == nil else {
            throw SiteError.writeFailed(path: destination, underlying: "an export holds exactly one file")
        }
        bytes = file.bytes
    }

    func patch(
        _ path: String, at offsets: [Int], with bytes: [UInt8], thenRead start: Int,
        _ consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard let file = self.bytes else {
            throw SiteError.writeFailed(path: destination, underlying: "nothing was exported")
        }
        self.bytes = try Self.patched(file, at: offsets, with: bytes, thenRead: start, consume)
    }

    func finish() throws {
        guard let bytes else {
            throw SiteError.writeFailed(path: destination, underlying: "nothing was exported")
        }
        try Self.requireParentFolder(of: destination)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: destination), options: .atomic)
        } catch {
            throw SiteError.writeFailed(path: destination, underlying: Self.reason(error))
        }
    }

    func discard() {
        bytes = nil
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
