import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the input files named on the command line, recognises each one's format from its content
/// (or takes `FORMAT:PATH`), reads it with that format's importer, and matches scanner findings to
/// the inventory once everything is read.
struct InputLoader {
    /// File endings read when a folder is given.
    static let fileExtensions: Set<String> = ["json", "jsonl", "ndjson", "sarif", "csv", "pub"]
    /// File names read when a folder is given, whatever their ending.
    static let fileNames: Set<String> = ["authorized_keys", "authorized_keys2"]

    /// Whether a file found in an input folder is read, from its path in the folder.
    static func isInputFile(_ relativePath: String) -> Bool {
        fileExtensions.contains((relativePath as NSString).pathExtension.lowercased())
            || fileNames.contains((relativePath as NSString).lastPathComponent)
    }

    var fingerprinter = SecretFingerprinter()
    var patterns: [ResourcePattern] = FindingPlacement.defaultPatterns
    /// Receives every raw value importers see, for the output leak check.
    var sensitiveValues = SensitiveValues()

    /// Reads every input; folders are read recursively in sorted order so the result never depends on
    /// the order the file system lists them in.
    func load(_ arguments: [String]) -> ScanInput {
        var input = ScanInput()
        for argument in arguments {
            let named = InputArgument(argument)
            if let format = named.format, !InputFormats.names.contains(format) {
                input.diagnostics.append(
                    Diagnostic(
                        .error, file: named.path,
                        message: "unknown format \"\(format)\"; expected one of "
                            + InputFormats.names.joined(separator: ", ") + "."))
                continue
            }
            for (file, treePath, fromFolder) in expand(named.path, into: &input.diagnostics) {
                var placement = FindingPlacement(patterns: patterns, resource: named.resource)
                if named.resource != nil { placement.patterns = [] }
                let context = ImportContext(
                    file: file, fingerprinter: fingerprinter, placement: placement,
                    sensitiveValues: sensitiveValues,
                    treePath: treePath)
                input.merge(Self.capped(read(context, format: named.format, fromFolder: fromFolder), file))
            }
        }
        // Attack-path entities stand in for resources until the inventory, from any file, defines them.
        input = CloudFormats.mergingAttackPathPlaceholders(input)
        ResourceMatcher(fingerprinter: fingerprinter).resolve(&input)
        // Last, when every value is known and every finding is on its resource: a value one input
        // repeats in a shown field may come from another input.
        SecretRedactor(values: sensitiveValues).redact(&input)
        return input
    }

    /// Problems reported for one file at most; a binary file read as JSON Lines would otherwise give
    /// one per line, hundreds of thousands of lines on the terminal.
    static let maximumDiagnosticsPerFile = 100

    /// `input` with its diagnostics cut to ``maximumDiagnosticsPerFile``, saying how many were left out.
    private static func capped(_ input: ScanInput, _ file: String) -> ScanInput {
        guard input.diagnostics.count > maximumDiagnosticsPerFile else { return input }
        var input = input
        let left = input.diagnostics[maximumDiagnosticsPerFile...]
        let errors = left.filter { $0.severity == .error }.count
        input.diagnostics.removeLast(left.count)
        input.diagnostics.append(
            Diagnostic(
                errors > 0 ? .error : .warning, file: file,
                message: "\(left.count) more problem(s) in this file (\(errors) error(s)) are not shown; "
                    + "fix the ones above first."))
        return input
    }

    /// Files of a path: the file itself, or a folder's readable files with their path in the folder.
    private func expand(_ path: String, into diagnostics: inout [Diagnostic]) -> [(String, String?, Bool)] {
        switch FileTree.kind(of: path) {
        case .folder:
            break
        case .regularFile:
            return [(path, nil, false)]
        case .unreadable(let reason) where reason == String(cString: strerror(ENOENT)):
            diagnostics.append(Diagnostic(.error, file: path, message: "no such file or folder."))
            return []
        case .unreadable(let reason), .other(let reason):
            diagnostics.append(Diagnostic(.error, file: path, message: "cannot read: \(reason)."))
            return []
        }
        let listing = FileTree.files(under: path, include: Self.isInputFile)
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
                Diagnostic(
                    .warning, file: path,
                    message:
                        "the folder holds no .json, .jsonl, .ndjson, .sarif, .csv, .pub or authorized_keys files."
                ))
        }
        return listing.files.map { ((path as NSString).appendingPathComponent($0), $0, true) }
    }

    /// Reads one file with the forced format or the first that recognises it.
    private func read(_ context: ImportContext, format forced: String?, fromFolder: Bool) -> ScanInput {
        let file = context.file
        if let forced {
            if let format = InputFormats.jsonDocuments.first(where: { $0.name == forced }) {
                return readDocument(context) { _ in DocumentFormatReader(format: format) }
            }
            if let format = InputFormats.jsonLines.first(where: { $0.name == forced }) {
                return readLines(context, format)
            }
            if let format = InputFormats.text.first(where: { $0.name == forced }) {
                return readText(context) { _ in format }
            }
        }
        let prefix: [UInt8]
        do {
            prefix = try FileTree.prefix(of: file, count: 1 << 16)
        } catch {
            return failure(file, (error as? FileTree.ReadError)?.reason ?? "\(error)")
        }
        let fileName = (file as NSString).lastPathComponent
        let isLinesFile = ["jsonl", "ndjson"].contains((file as NSString).pathExtension.lowercased())
        let first = prefix.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        // An empty JSON Lines file is a report of nothing (TruffleHog writes one when it finds
        // nothing); any other empty file, a binary or a UTF-16 file is named as such, with a place.
        if first == nil, !isLinesFile {
            return notText(
                context, fromFolder: fromFolder, line: 1, column: 1,
                detail: prefix.isEmpty
                    ? "the file is empty; expected JSON, JSON Lines, CSV or an OpenSSH public key"
                    : "the file holds only white space; expected JSON, JSON Lines, CSV or an OpenSSH public key"
            )
        }
        if isLinesFile || first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            if isLinesFile || Self.looksLikeJSONLines(file) {
                let records = firstRecords(file)
                guard !records.isEmpty else { return readLines(context, NativeLinesFormat.self) }
                guard
                    let format = InputFormats.jsonLines.first(where: { format in
                        records.contains { format.recognizes(firstRecord: $0) }
                    })
                else {
                    return unknownFormat(context, fromFolder: fromFolder, kind: "JSON Lines")
                }
                return readLines(context, format)
            }
            return readDocument(context) { document in
                if let format = InputFormats.jsonDocuments.first(where: { $0.recognizes(document) }) {
                    return DocumentFormatReader(format: format)
                }
                // A report of one line (TruffleHog with one finding) is JSON Lines of one record.
                if let format = InputFormats.jsonLines.first(where: { $0.recognizes(firstRecord: document) })
                {
                    return SingleLineDocument(format: format)
                }
                return nil
            } unknown: {
                unknownFormat(context, fromFolder: fromFolder, kind: "JSON")
            }
        }
        // Not JSON (whose parser names a bad byte in its place, line by line in JSON Lines): a
        // binary or UTF-16 file is said to be one rather than "in no known format".
        if let problem = TextCheck.firstProblem(in: prefix, truncated: true) {
            return notText(
                context, fromFolder: fromFolder, line: problem.line, column: problem.column,
                detail: problem.detail)
        }
        let text = String(decoding: prefix, as: UTF8.self)
        guard let format = InputFormats.text.first(where: { $0.recognizes(prefix: text, fileName: fileName) })
        else {
            return unknownFormat(context, fromFolder: fromFolder, kind: "text")
        }
        return readText(context) { _ in format }
    }

    /// A file that is not UTF-8 text of any format: an error when named, skipped with a warning in a
    /// folder (as a file in no known format is).
    private func notText(
        _ context: ImportContext, fromFolder: Bool, line: Int, column: Int, detail: String
    ) -> ScanInput {
        var input = ScanInput()
        input.diagnostics.append(
            Diagnostic(
                fromFolder ? .warning : .error, file: context.file, location: .lineColumn(line, column),
                message: detail + (fromFolder ? ". The file is skipped." : ".")))
        return input
    }

    private func unknownFormat(_ context: ImportContext, fromFolder: Bool, kind: String) -> ScanInput {
        var input = ScanInput()
        input.diagnostics.append(
            Diagnostic(
                fromFolder ? .warning : .error, file: context.file,
                location: kind == "JSON" ? .path("$") : .line(1, path: nil),
                message: "\(kind) in no known format; expected one of "
                    + InputFormats.names.joined(separator: ", ")
                    + (fromFolder
                        ? ". The file is skipped."
                        : ". Force one with FORMAT:PATH (see secret-atlas formats).")))
        return input
    }

    /// Whether the file's first line is a whole JSON value and more follows: JSON Lines, not a
    /// pretty-printed document.
    private static func looksLikeJSONLines(_ file: String) -> Bool {
        guard let descriptor = try? FileTree.openRegularFile(file) else { return false }
        defer { close(descriptor) }
        let lines = LineReader(descriptor: descriptor)
        guard let (_, firstLine) = lines.next(), (try? JSONParser.parse(firstLine)) != nil else {
            return false
        }
        while let (_, line) = lines.next() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return line.first { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: "{")
        }
        return false
    }

    /// The first records of a JSON Lines file (up to 20 non-blank lines), to recognise its format even
    /// when it starts with a scanner's log lines.
    private func firstRecords(_ file: String) -> [JSONValue] {
        guard let descriptor = try? FileTree.openRegularFile(file) else { return [] }
        defer { close(descriptor) }
        var records: [JSONValue] = []
        var lines = 0
        for (_, line) in LineReader(descriptor: descriptor)
        where !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            if let value = try? JSONParser.parse(line) { records.append(value) }
            lines += 1
            if lines == 20 { break }
        }
        return records
    }

    private func readDocument(
        _ context: ImportContext, choose: (JSONValue) -> (any DocumentReader)?,
        unknown: () -> ScanInput = { ScanInput() }
    ) -> ScanInput {
        let file = context.file
        let bytes: [UInt8]
        do {
            bytes = try FileTree.bytes(at: file)
        } catch {
            return failure(file, (error as? FileTree.ReadError)?.reason ?? "\(error)")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch let error as JSONParser.SyntaxError {
            var input = ScanInput()
            input.diagnostics.append(
                Diagnostic(
                    .error, file: file, location: .lineColumn(error.line, error.column),
                    message: "malformed JSON: \(error.detail)."))
            return input
        } catch {
            return failure(file, "\(error)")
        }
        guard let reader = choose(document) else { return unknown() }
        return reader.readDocument(document, context: context)
    }

    private func readLines(_ context: ImportContext, _ format: any JSONLinesFormat.Type) -> ScanInput {
        let file = context.file
        let descriptor: Int32
        do {
            descriptor = try FileTree.openRegularFile(file)
        } catch {
            return failure(file, (error as? FileTree.ReadError)?.reason ?? "\(error)")
        }
        defer { close(descriptor) }
        let lines = LineReader(descriptor: descriptor)
        var input = format.read(lines, context: context)
        if let reason = lines.failure {
            input.diagnostics.append(
                Diagnostic(
                    .error, file: file, location: .line(lines.lineNumber + 1, path: nil),
                    message: "cannot read further: \(reason)."))
        }
        return input
    }

    private func readText(_ context: ImportContext, choose: (String) -> any TextFormat.Type) -> ScanInput {
        do {
            let bytes = try FileTree.bytes(at: context.file)
            // Checked whole, not only the prefix recognition saw: a bad byte may come late.
            if let problem = TextCheck.firstProblem(in: bytes) {
                var input = ScanInput()
                input.diagnostics.append(
                    Diagnostic(
                        .error, file: context.file, location: .lineColumn(problem.line, problem.column),
                        message: problem.detail + "."))
                return input
            }
            let text = String(decoding: bytes, as: UTF8.self)
            return choose(text).read(text, context: context)
        } catch {
            return failure(context.file, (error as? FileTree.ReadError)?.reason ?? "\(error)")
        }
    }

    private func failure(_ file: String, _ reason: String) -> ScanInput {
        var input = ScanInput()
        input.diagnostics.append(Diagnostic(.error, file: file, message: "cannot read the file: \(reason)."))
        return input
    }
}

/// Something that reads a parsed JSON document: a document format, or a JSON Lines format given a
/// file of one line.
private protocol DocumentReader {
    func readDocument(_ document: JSONValue, context: ImportContext) -> ScanInput
}

private struct DocumentFormatReader: DocumentReader {
    let format: any JSONDocumentFormat.Type
    func readDocument(_ document: JSONValue, context: ImportContext) -> ScanInput {
        format.read(document, context: context)
    }
}

private struct SingleLineDocument: DocumentReader {
    let format: any JSONLinesFormat.Type
    func readDocument(_ document: JSONValue, context: ImportContext) -> ScanInput {
        guard let bytes = try? FileTree.bytes(at: context.file) else { return ScanInput() }
        let line = Array(bytes.prefix { $0 != 0x0A })
        return format.read([(1, line)], context: context)
    }
}

/// `FORMAT:PATH@RESOURCE`, each part optional.
struct InputArgument: Equatable {
    let format: String?
    let path: String
    let resource: String?

    init(_ argument: String) {
        var rest = Substring(argument)
        // A prefix is a format only when it looks like a format name; `C:\…` and `./a:b` stay paths.
        if let colon = rest.firstIndex(of: ":"), !FileManager.default.fileExists(atPath: argument) {
            let name = rest[..<colon]
            if name.count > 1, name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
                format = String(name)
                rest = rest[rest.index(after: colon)...]
            } else {
                format = nil
            }
        } else {
            format = nil
        }
        if let at = rest.lastIndex(of: "@"), !FileManager.default.fileExists(atPath: String(rest)) {
            let resource = rest[rest.index(after: at)...]
            if !resource.isEmpty, !resource.contains("/") {
                self.resource = String(resource)
                rest = rest[..<at]
            } else {
                self.resource = nil
            }
        } else {
            resource = nil
        }
        path = String(rest)
    }
}

/// The lines of a file, read in chunks so a large JSON Lines file is never held in memory whole.
///
/// A class so that a read error met while iterating is still visible (``failure``) after the loop.
final class LineReader: Sequence, IteratorProtocol {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    /// Where the search for the next newline resumes (never before `position`): the bytes between
    /// hold none, so a long line is scanned once, not again after every chunk (quadratic on 50 MB).
    private var searchFrom = 0
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
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                searchFrom = position
                lineNumber += 1
                return (lineNumber, line)
            }
            searchFrom = buffer.count
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                lineNumber += 1
                return (lineNumber, line)
            }
            buffer.removeFirst(position)
            searchFrom -= position
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
