internal import Crypto
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Seals a site: fills in the report fingerprint and adds `REPORT-FINGERPRINT` and `SHA256SUMS`
/// (see ``Manifest``), without holding the site in memory.
///
/// Each file goes to the inner writer as it comes, with a reserve of the fingerprint's length
/// wherever it holds ``Manifest/placeholder``, and is hashed as it passes: its *placeholder form*
/// (the bytes as rendered) for the content manifest, and the bytes before its first placeholder,
/// which are already final. ``seal()`` then hashes the content manifest into the fingerprint, and
/// for each file writes the fingerprint into its reserves and reads back only the rest of it (for a
/// page, its footer) to finish its final digest. What stays in memory is one path, two digests and
/// a few offsets a file.
///
/// The placeholder (38 bytes) is shorter than the fingerprint (64), so the reserve is not the
/// placeholder: the placeholder stays as the definition and in the hash of the content manifest,
/// and the files carry a same-length reserve the fingerprint overwrites in place.
///
/// Files may be written from several threads at once: each is hashed and searched on its own
/// thread, and only the appending of its entry takes the lock. The manifest does not depend on the
/// order files arrive in, since ``seal()`` sorts the entries by path.
final class ManifestWriter: Sendable {
    /// The length of the hex fingerprint, and so of each reserve.
    static let fingerprintLength = 2 * SHA256.byteCount
    /// What stands where the fingerprint goes until ``seal()``; never in a finished site.
    private static let reserve = [UInt8](repeating: UInt8(ascii: "0"), count: fingerprintLength)
    private static let placeholder = Array(Manifest.placeholder.utf8)

    /// `@unchecked`: swift-crypto's hash types are plain values but not marked `Sendable`; an entry
    /// is made on one thread and only read after it is appended.
    fileprivate enum Digest: @unchecked Sendable {
        /// A file without the placeholder: its bytes are final as written.
        case final(SHA256.Digest)
        /// A file with reserves at `slots`; `prefix` has hashed the bytes before the first.
        case pending(slots: [Int], prefix: SHA256)
    }

    fileprivate struct Entry: @unchecked Sendable {
        let path: String
        /// SHA-256 of the placeholder form, for the content manifest.
        let content: SHA256.Digest
        var digest: Digest
    }

    private let inner: any SiteWriter
    private let entries = Mutex<[Entry]>([])

    init(inner: any SiteWriter) {
        self.inner = inner
    }

    func write(_ file: OutputFile) throws {
        try Self.requireUnreserved(file.path)
        let bytes = file.bytes
        let found = Self.placeholders(in: bytes)
        guard let first = found.first else {
            let digest = SHA256.hash(data: bytes)
            try inner.write(file)
            append(Entry(path: file.path, content: digest, digest: .final(digest)))
            return
        }
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<first])) }
        let prefix = hasher
        bytes.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[first...])) }
        var written: [UInt8] = []
        written.reserveCapacity(bytes.count + found.count * (Self.reserve.count - Self.placeholder.count))
        var slots: [Int] = []
        var copied = 0
        for offset in found {
            written += bytes[copied..<offset]
            slots.append(written.count)
            written += Self.reserve
            copied = offset + Self.placeholder.count
        }
        written += bytes[copied...]
        try inner.write(OutputFile(path: file.path, bytes: written))
        append(
            Entry(
                path: file.path, content: hasher.finalize(), digest: .pending(slots: slots, prefix: prefix)))
    }

    /// Streams a file (see ``SiteWriter/write(_:streaming:)``), hashing it and putting reserves for
    /// the placeholder as it passes, even where a placeholder is split between two chunks.
    func write(_ path: String, streaming produce: (any ChunkSink) throws -> Void) throws {
        try Self.requireUnreserved(path)
        var entry: Entry?
        try inner.write(path) { sink in
            let reserving = ReservingSink(inner: sink)
            try produce(reserving)
            try reserving.finish()
            entry = reserving.entry(path)
        }
        if let entry { append(entry) }
    }

    /// ``write(_:chunked:)`` of ``SiteWriter``, for files the manifest covers.
    func write(_ path: String, chunked produce: (inout ChunkBuffer) throws -> Void) throws {
        try write(path) { sink in
            var buffer = ChunkBuffer(sink: sink)
            try produce(&buffer)
            try buffer.flush()
        }
    }

    private func append(_ entry: Entry) {
        entries.withLock { $0.append(entry) }
    }

    private static func requireUnreserved(_ path: String) throws {
        guard path != Manifest.fileName, path != Manifest.fingerprintFileName else {
            throw SiteError.writeFailed(path: path, underlying: "this name is reserved for the manifest")
        }
    }

    /// Computes the fingerprint, fills it in everywhere, then writes the fingerprint file and the
    /// manifest.
    ///
    /// Files are patched on every core at once: each is patched and read back on its own, and
    /// its final digest lands in its own slot; the manifest is then listed in path order.
    /// - Returns: the report fingerprint.
    @discardableResult
    func seal() throws -> String {
        var entries = self.entries.withLock { entries in
            defer { entries = [] }
            return entries
        }
        entries.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var contentManifest = SHA256()
        for (index, entry) in entries.enumerated() {
            // A file written twice would be one file in the folder but two lines in the manifest.
            guard index == 0 || entries[index - 1].path != entry.path else {
                throw SiteError.writeFailed(path: entry.path, underlying: "it was written twice")
            }
            contentManifest.update(data: Self.line(entry.content, entry.path))
        }
        let fingerprint = Manifest.hex(contentManifest.finalize())
        let fingerprintBytes = Array(fingerprint.utf8)

        let fingerprintFile = Array((fingerprint + "\n").utf8)
        try inner.write(OutputFile(path: Manifest.fingerprintFileName, bytes: fingerprintFile))
        let digests = try finalDigests(of: entries, fingerprint: fingerprintBytes)
        let fingerprintLine = Self.line(SHA256.hash(data: fingerprintFile), Manifest.fingerprintFileName)
        // Streamed: at a million findings the manifest is over 100 MB.
        try inner.write(Manifest.fileName) { (sums: inout ChunkBuffer) in
            var fingerprintListed = false
            for (index, entry) in entries.enumerated() {
                if !fingerprintListed,
                    Manifest.fingerprintFileName.utf8.lexicographicallyPrecedes(entry.path.utf8)
                {
                    sums.append(contentsOf: fingerprintLine)
                    fingerprintListed = true
                }
                let start = index * SHA256.byteCount
                sums.append(Manifest.hex(digests[start..<start + SHA256.byteCount]))
                sums.append("  " + entry.path + "\n")
                try sums.flushIfFull()
            }
            if !fingerprintListed { sums.append(contentsOf: fingerprintLine) }
        }
        return fingerprint
    }

    /// Each entry's final digest, in entry order, `SHA256.byteCount` bytes each: the fingerprint
    /// written into its reserves and the rest of it read back, in stripes across every core.
    private func finalDigests(of entries: [Entry], fingerprint: [UInt8]) throws -> [UInt8] {
        var digests = [UInt8](repeating: 0, count: entries.count * SHA256.byteCount)
        var waiting: [Int] = []
        for (index, entry) in entries.enumerated() {
            switch entry.digest {
            case .final(let digest):
                let start = index * SHA256.byteCount
                digests.replaceSubrange(start..<start + SHA256.byteCount, with: Array(digest))
            case .pending: waiting.append(index)
            }
        }
        let pending = waiting
        let failures = Mutex<[Int: any Error]>([:])
        let failed = Atomic<Bool>(false)
        let stripes = min(pending.count, 4 * ProcessInfo.processInfo.activeProcessorCount)
        digests.withUnsafeMutableBytes { buffer in
            let output = DigestSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
                for position in stride(from: stripe, to: pending.count, by: stripes) {
                    guard !failed.load(ordering: .relaxed) else { break }
                    let index = pending[position]
                    let entry = entries[index]
                    guard case .pending(let slots, var hasher) = entry.digest else { continue }
                    do {
                        try inner.patch(entry.path, at: slots, with: fingerprint, thenRead: slots[0]) {
                            hasher.update(bufferPointer: $0)
                        }
                        output.store(hasher.finalize(), at: index)
                    } catch {
                        failures.withLock { $0[index] = error }
                        failed.store(true, ordering: .relaxed)
                    }
                }
            }
        }
        // Of the failures found before the others stopped, the first in path order.
        if let failure = failures.withLock({ $0.min { $0.key < $1.key } }) { throw failure.value }
        return digests
    }

    /// One `SHA256SUMS` line.
    private static func line(_ digest: SHA256.Digest, _ path: String) -> [UInt8] {
        Array("\(Manifest.hex(digest))  \(path)\n".utf8)
    }

    /// Offsets of every placeholder, left to right, not overlapping.
    ///
    /// The same matches as ``Manifest/replacing(_:with:in:)``; `memchr` finds each candidate first byte, so a page costs little more than one pass.
    fileprivate static func placeholders(in bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBytes { buffer -> [Int] in
            placeholder.withUnsafeBytes { pattern -> [Int] in
                guard let base = buffer.baseAddress, let needle = pattern.baseAddress,
                    let first = pattern.first
                else { return [] }
                var found: [Int] = []
                var start = 0
                while start + pattern.count <= buffer.count,
                    let hit = memchr(base + start, Int32(first), buffer.count - pattern.count + 1 - start)
                {
                    let offset = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, needle, pattern.count) == 0 {
                        found.append(offset)
                        start = offset + pattern.count
                    } else {
                        start = offset + 1
                    }
                }
                return found
            }
        }
    }
}

/// The digests of ``ManifestWriter/seal()``, written from several threads: each entry's
/// `SHA256.byteCount` bytes are written by the one thread that patched it, so no two threads touch
/// the same bytes, and the buffer is read only after every thread is done.
private struct DigestSlots: @unchecked Sendable {
    let buffer: UnsafeMutableRawBufferPointer

    func store(_ digest: SHA256.Digest, at index: Int) {
        digest.withUnsafeBytes { bytes in
            UnsafeMutableRawBufferPointer(
                rebasing: buffer[index * SHA256.byteCount..<(index + 1) * SHA256.byteCount]
            )
            .copyMemory(from: bytes)
        }
    }
}

/// Passes a streamed file on with a reserve where each placeholder stands, hashing it as it goes
/// (the same two digests as ``ManifestWriter/write(_:)`` takes of a whole file).
///
/// A chunk's last `placeholder.count - 1` bytes are held back until the next chunk shows whether
/// they begin a placeholder.
private final class ReservingSink: ChunkSink {
    private static let placeholder = Array(Manifest.placeholder.utf8)
    private static let reserve = [UInt8](
        repeating: UInt8(ascii: "0"), count: ManifestWriter.fingerprintLength)

    private let inner: any ChunkSink
    /// The placeholder form, for the content manifest; until the first placeholder these are also
    /// the final bytes, so one hasher serves both until then.
    private var content = SHA256()
    /// The final bytes before the first reserve, once one is found.
    private var prefix: SHA256?
    /// Offsets of the reserves in the bytes passed on.
    private var slots: [Int] = []
    private var passed = 0
    private var held: [UInt8] = []

    init(inner: any ChunkSink) {
        self.inner = inner
    }

    func append(_ chunk: UnsafeRawBufferPointer) throws {
        let bytes = held + chunk
        let found = ManifestWriter.placeholders(in: bytes)
        // Everything up to where a placeholder could still begin, and every placeholder found.
        let end = max(
            bytes.count - (Self.placeholder.count - 1), found.last.map { $0 + Self.placeholder.count } ?? 0)
        try pass(bytes[..<end], placeholders: found)
        held = Array(bytes[end...])
    }

    /// Passes on what is held (too short to hold a placeholder).
    func finish() throws {
        try pass(held[...], placeholders: [])
        held = []
    }

    /// The file's entry, once ``finish()`` has passed on its last bytes.
    fileprivate func entry(_ path: String) -> ManifestWriter.Entry {
        let content = self.content.finalize()
        guard let prefix else { return .init(path: path, content: content, digest: .final(content)) }
        return .init(path: path, content: content, digest: .pending(slots: slots, prefix: prefix))
    }

    private func pass(_ bytes: ArraySlice<UInt8>, placeholders: [Int]) throws {
        var copied = bytes.startIndex
        for offset in placeholders {
            try emit(bytes[copied..<offset])
            if prefix == nil { prefix = content }
            content.update(data: Self.placeholder)
            slots.append(passed)
            try Self.reserve.withUnsafeBytes { try inner.append($0) }
            passed += Self.reserve.count
            copied = offset + Self.placeholder.count
        }
        try emit(bytes[copied...])
    }

    /// Passes on bytes that are the same in both forms.
    private func emit(_ bytes: ArraySlice<UInt8>) throws {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { content.update(bufferPointer: $0) }
        try bytes.withUnsafeBytes { try inner.append($0) }
        passed += bytes.count
    }
}
