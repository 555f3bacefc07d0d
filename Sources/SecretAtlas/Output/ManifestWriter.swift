internal import Crypto

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
final class ManifestWriter {
    /// The length of the hex fingerprint, and so of each reserve.
    static let fingerprintLength = 2 * SHA256.byteCount
    /// What stands where the fingerprint goes until ``seal()``; never in a finished site.
    private static let reserve = [UInt8](repeating: UInt8(ascii: "0"), count: fingerprintLength)
    private static let placeholder = Array(Manifest.placeholder.utf8)

    private enum Digest {
        /// A file without the placeholder: its bytes are final as written.
        case final(SHA256.Digest)
        /// A file with reserves at `slots`; `prefix` has hashed the bytes before the first.
        case pending(slots: [Int], prefix: SHA256)
    }

    private struct Entry {
        let path: String
        /// SHA-256 of the placeholder form, for the content manifest.
        let content: SHA256.Digest
        var digest: Digest
    }

    private let inner: any SiteWriter
    private var entries: [Entry] = []
    /// The fingerprint, once sealed.
    private(set) var fingerprint: String?

    init(inner: any SiteWriter) {
        self.inner = inner
    }

    func write(_ file: OutputFile) throws {
        guard file.path != Manifest.fileName, file.path != Manifest.fingerprintFileName else {
            throw SiteError.writeFailed(path: file.path, underlying: "this name is reserved for the manifest")
        }
        let bytes = file.bytes
        let found = Self.placeholders(in: bytes)
        guard let first = found.first else {
            let digest = SHA256.hash(data: bytes)
            entries.append(Entry(path: file.path, content: digest, digest: .final(digest)))
            try inner.write(file)
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
        entries.append(
            Entry(
                path: file.path, content: hasher.finalize(), digest: .pending(slots: slots, prefix: prefix)))
        try inner.write(OutputFile(path: file.path, bytes: written))
    }

    /// Computes the fingerprint, fills it in everywhere, then writes the fingerprint file and the
    /// manifest.
    /// - Returns: the report fingerprint.
    @discardableResult
    func seal() throws -> String {
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
        self.fingerprint = fingerprint
        let fingerprintBytes = Array(fingerprint.utf8)

        let fingerprintFile = Array((fingerprint + "\n").utf8)
        try inner.write(OutputFile(path: Manifest.fingerprintFileName, bytes: fingerprintFile))
        var sums: [UInt8] = []
        var fingerprintListed = false
        for entry in entries {
            if !fingerprintListed,
                Manifest.fingerprintFileName.utf8.lexicographicallyPrecedes(entry.path.utf8)
            {
                sums += Self.line(SHA256.hash(data: fingerprintFile), Manifest.fingerprintFileName)
                fingerprintListed = true
            }
            switch entry.digest {
            case .final(let digest):
                sums += Self.line(digest, entry.path)
            case .pending(let slots, var hasher):
                try inner.patch(entry.path, at: slots, with: fingerprintBytes, thenRead: slots[0]) {
                    hasher.update(bufferPointer: $0)
                }
                sums += Self.line(hasher.finalize(), entry.path)
            }
        }
        if !fingerprintListed {
            sums += Self.line(SHA256.hash(data: fingerprintFile), Manifest.fingerprintFileName)
        }
        entries = []
        try inner.write(OutputFile(path: Manifest.fileName, bytes: sums))
        return fingerprint
    }

    /// One `SHA256SUMS` line.
    private static func line(_ digest: SHA256.Digest, _ path: String) -> [UInt8] {
        Array("\(Manifest.hex(digest))  \(path)\n".utf8)
    }

    /// Offsets of every placeholder, left to right, not overlapping.
    ///
    /// The same matches as ``Manifest/replacing(_:with:in:)``; `memchr` finds each candidate first byte, so a page costs little more than one pass.
    private static func placeholders(in bytes: [UInt8]) -> [Int] {
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
