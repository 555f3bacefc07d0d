import Foundation

/// Writes one large file as a stream of chunks, atomically.
///
/// The chunks go to a hidden temporary file
/// beside the destination (`.NAME.writing-PID`), which is renamed over the destination only by
/// ``commit()``. A failed or interrupted write leaves any earlier file at the destination as it was;
/// the file is never held in memory whole.
final class StreamingFileWriter {
    let destination: String
    private let temporary: String
    private var descriptor: Int32

    /// Opens the temporary file, creating the destination's folder (and its parents) when missing.
    /// - Throws: ``SiteError/writeFailed(path:underlying:)`` when the folder or file cannot be made.
    init(destination: String) throws {
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SiteError.writeFailed(
                    path: destination, underlying: "\(folder) is a file, not a folder")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw SiteError.writeFailed(path: folder, underlying: SingleFileWriter.reason(error))
            }
        }
        self.destination = url.path
        temporary = (folder as NSString).appendingPathComponent(
            ".\(url.lastPathComponent).writing-\(ProcessInfo.processInfo.processIdentifier)")
        // An earlier process's file of this name goes first; `O_EXCL` then refuses anything put
        // there since, a link included, instead of writing through it.
        unlink(temporary)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SiteError.writeFailed(path: temporary, underlying: String(cString: strerror(errno)))
        }
    }

    deinit {
        if descriptor >= 0 { discard() }
    }

    /// Appends `bytes` to the file.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(
                    descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SiteError.writeFailed(
                        path: destination, underlying: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    /// Closes the file and renames it over the destination.
    func commit() throws {
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0, rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SiteError.writeFailed(path: destination, underlying: reason)
        }
    }

    /// Closes and removes the temporary file; the destination is untouched.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }
}
