import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the input files named on the command line and reads each with the importer for its format.
struct InputLoader {
    /// File endings read when a folder is given.
    static let fileExtensions: Set<String> = ["json", "jsonl", "ndjson"]

    /// Reads every input; folders are read recursively in sorted order so the result never depends on
    /// the order the file system lists them in.
    func load(_ paths: [String]) -> ScanInput {
        var input = ScanInput()
        for path in paths {
            for file in expand(path, into: &input.diagnostics) {
                input.merge(read(file))
            }
        }
        return input
    }

    private func expand(_ path: String, into diagnostics: inout [Diagnostic]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.append(Diagnostic(.error, file: path, message: "no such file or folder."))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        let listing = FileTree.files(under: path) {
            Self.fileExtensions.contains(($0 as NSString).pathExtension.lowercased())
        }
        for error in listing.errors {
            diagnostics.append(Diagnostic(.error, file: error.path, message: "cannot read: \(error.reason)."))
        }
        for link in listing.unfollowedLinks {
            diagnostics.append(
                Diagnostic(
                    .warning, file: (path as NSString).appendingPathComponent(link),
                    message: "a symbolic link to a folder is not followed; name the folder itself to read it."
                ))
        }
        if listing.files.isEmpty, listing.errors.isEmpty {
            diagnostics.append(
                Diagnostic(.warning, file: path, message: "the folder holds no .json or .jsonl files."))
        }
        return listing.files.map { (path as NSString).appendingPathComponent($0) }
    }

    private func read(_ file: String) -> ScanInput {
        let importer = NativeImporter(file: file)
        if ["jsonl", "ndjson"].contains((file as NSString).pathExtension.lowercased()) {
            let descriptor = open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return failure(file, String(cString: strerror(errno))) }
            defer { close(descriptor) }
            let lines = LineReader(descriptor: descriptor)
            var input = importer.importJSONLines(lines)
            if let reason = lines.failure {
                input.diagnostics.append(
                    Diagnostic(
                        .error, file: file, location: .line(lines.lineNumber + 1, path: nil),
                        message: "cannot read further: \(reason)."))
            }
            return input
        }
        do {
            return importer.importJSON(try FileTree.bytes(at: file))
        } catch let error as FileTree.ReadError {
            return failure(file, error.reason)
        } catch {
            return failure(file, "\(error)")
        }
    }

    private func failure(_ file: String, _ reason: String) -> ScanInput {
        var input = ScanInput()
        input.diagnostics.append(Diagnostic(.error, file: file, message: "cannot read the file: \(reason)."))
        return input
    }
}

/// The lines of a file, read in chunks so a large JSON Lines file is never held in memory whole.
///
/// A class so that a read error met while iterating is still visible (``failure``) after the loop.
final class LineReader: Sequence, IteratorProtocol {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The number of the last line returned.
    private(set) var lineNumber = 0
    /// Why reading stopped early, if it did.
    private(set) var failure: String?

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next (1-based line number, bytes without the newline), or nil at the end or on a read error.
    func next() -> (Int, [UInt8])? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                lineNumber += 1
                return (lineNumber, line)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                lineNumber += 1
                return (lineNumber, line)
            }
            buffer.removeFirst(position)
            position = 0
            fill()
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                failure = String(cString: strerror(errno))
                atEnd = true
            } else if count == 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
            return
        }
    }
}
