import Foundation

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
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            diagnostics.append(Diagnostic(.error, file: path, message: "cannot list the folder."))
            return []
        }
        var files: [String] = []
        for case let relative as String in enumerator {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix("."),
                Self.fileExtensions.contains((name as NSString).pathExtension.lowercased())
            else { continue }
            let full = (path as NSString).appendingPathComponent(relative)
            var childIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory),
                !childIsDirectory.boolValue
            {
                files.append(full)
            }
        }
        if files.isEmpty {
            diagnostics.append(
                Diagnostic(.warning, file: path, message: "the folder holds no .json or .jsonl files."))
        }
        return files.sorted()
    }

    private func read(_ file: String) -> ScanInput {
        let importer = NativeImporter(file: file)
        let isLines = ["jsonl", "ndjson"].contains((file as NSString).pathExtension.lowercased())
        guard let handle = FileHandle(forReadingAtPath: file) else {
            var input = ScanInput()
            input.diagnostics.append(
                Diagnostic(
                    .error, file: file,
                    message: "cannot read the file (check that it exists and is readable)."))
            return input
        }
        defer { try? handle.close() }
        if isLines {
            return importer.importJSONLines(LineSequence(handle: handle))
        }
        do {
            let data = try handle.readToEnd() ?? Data()
            return importer.importJSON([UInt8](data))
        } catch {
            var input = ScanInput()
            input.diagnostics.append(
                Diagnostic(.error, file: file, message: "cannot read the file: \(error)."))
            return input
        }
    }
}

/// The lines of a file, read in chunks so a large JSON Lines file is never held in memory whole.
struct LineSequence: Sequence {
    let handle: FileHandle

    func makeIterator() -> Iterator {
        Iterator(handle: handle)
    }

    /// Yields (1-based line number, bytes without the newline).
    struct Iterator: IteratorProtocol {
        let handle: FileHandle
        private var buffer: [UInt8] = []
        private var position = 0
        private var lineNumber = 0
        private var atEnd = false

        init(handle: FileHandle) {
            self.handle = handle
        }

        mutating func next() -> (Int, [UInt8])? {
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
                let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
                if let chunk, !chunk.isEmpty {
                    buffer.append(contentsOf: chunk)
                } else {
                    atEnd = true
                }
            }
        }
    }
}
