/// Where rendered files go.
///
/// The only seam between the pure stages and the disk. Every method may be called from several
/// threads at once for different paths: pages are rendered and written on every core.
protocol SiteWriter: Sendable {
    /// Writes one file; paths are relative to the site root and use `/`.
    func write(_ file: OutputFile) throws
    /// Writes one file whose bytes `produce` hands to the sink it is given, in order, a chunk at a
    /// time, so a file that grows with the model (`findings.json`) is never whole in memory.
    ///
    /// Every layer sees every byte, as with ``write(_:)``. The sink is valid only until `produce`
    /// returns; use ``write(_:chunked:)`` to produce text into a buffer of ``ChunkBuffer/capacity``.
    func write(_ path: String, streaming produce: (any ChunkSink) throws -> Void) throws
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

/// Receives the bytes of one streamed file, in order (see ``SiteWriter/write(_:streaming:)``).
///
/// Used by one thread at a time: a sink belongs to the one file being streamed.
protocol ChunkSink: AnyObject {
    func append(_ chunk: UnsafeRawBufferPointer) throws
}

extension SiteWriter {
    /// Streams a file produced as text into a ``ChunkBuffer``, which hands the sink a chunk each
    /// time it holds ``ChunkBuffer/capacity`` bytes.
    func write(_ path: String, chunked produce: (inout ChunkBuffer) throws -> Void) throws {
        try write(path) { sink in
            var buffer = ChunkBuffer(sink: sink)
            try produce(&buffer)
            try buffer.flush()
        }
    }

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

    /// A streamed file's bytes gathered whole, for writers that hold their files in memory.
    static func collected(_ produce: (any ChunkSink) throws -> Void) rethrows -> [UInt8] {
        let sink = CollectingSink()
        try produce(sink)
        return sink.bytes
    }
}

/// A sink that keeps every byte.
final class CollectingSink: ChunkSink {
    private(set) var bytes: [UInt8] = []

    func append(_ chunk: UnsafeRawBufferPointer) throws {
        bytes.append(contentsOf: chunk)
    }
}

/// Text of a streamed file gathered into chunks of about ``capacity`` bytes before it goes to a
/// ``ChunkSink``.
///
/// Appending never throws; the producer calls ``flushIfFull()`` between items (a row, an entry), so
/// a chunk ends at most one item past ``capacity`` and the memory a file costs is one chunk.
struct ChunkBuffer {
    static let capacity = 1 << 20

    private let sink: any ChunkSink
    private var bytes: [UInt8] = []
    /// Bytes handed to the sink so far.
    private var handed = 0

    /// The file's length so far.
    var count: Int { handed + bytes.count }

    init(sink: any ChunkSink) {
        self.sink = sink
        bytes.reserveCapacity(Self.capacity + Self.capacity / 8)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// A JSON string's contents, escaped (see ``JSONEscaping``).
    mutating func appendEscapedJSON(_ text: String) {
        JSONEscaping.append(text, to: &bytes)
    }

    mutating func append(contentsOf other: some Sequence<UInt8>) {
        bytes.append(contentsOf: other)
    }

    /// Hands the bytes gathered so far to the sink when they reach ``capacity``.
    mutating func flushIfFull() throws {
        if bytes.count >= Self.capacity { try flush() }
    }

    /// Hands every byte gathered so far to the sink.
    mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { try sink.append($0) }
        handed += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }
}
