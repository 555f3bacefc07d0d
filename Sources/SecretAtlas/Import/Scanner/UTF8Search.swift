#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring tests on UTF-8 bytes for the importers' per-finding hot paths.
///
/// With Foundation imported, `String.contains(String)` and `range(of:)` go through NSString and
/// UTF-16; on a million findings that was a seventh of the import time.
enum UTF8Search {
    /// Whether `text` contains `needle`, byte for byte.
    static func contains(_ text: String, _ needle: String) -> Bool {
        firstOffset(of: needle, in: text) != nil
    }

    /// The byte offset of the first `needle` in `text`, or nil.
    static func firstOffset(of needle: String, in text: String, from start: Int = 0) -> Int? {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in firstOffset(of: pattern, in: haystack, from: start) }
        }
    }

    /// The offset of the first `pattern` in `haystack` at or after `start`, or nil (memchr and memcmp).
    static func firstOffset(
        of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) -> Int? {
        guard !pattern.isEmpty else { return start <= haystack.count ? start : nil }
        guard start >= 0, haystack.count - start >= pattern.count, let base = haystack.baseAddress,
            let needle = pattern.baseAddress
        else { return nil }
        // memchr for the first byte, memcmp for the rest (Glibc's memmem is not exported to Swift).
        let first = Int32(pattern[0])
        let last = haystack.count - pattern.count
        var position = start
        while position <= last {
            guard let found = memchr(base + position, first, last - position + 1) else { return nil }
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, needle, pattern.count) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }

    /// Whether `text` contains `needle` ignoring ASCII case (`needle` given in lower case).
    static func containsIgnoringASCIICase(_ text: String, lowercased needle: String) -> Bool {
        var text = text
        let pattern = Array(needle.utf8)
        return text.withUTF8 { bytes in firstOffsetIgnoringASCIICase(of: pattern, in: bytes, from: 0) != nil }
    }

    /// The offset of the first `pattern` (lower case) in `bytes` ignoring ASCII case, or nil.
    static func firstOffsetIgnoringASCIICase(
        of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            var matched = true
            for offset in 0..<pattern.count where lower(bytes[index + offset]) != pattern[offset] {
                matched = false
                break
            }
            if matched { return index }
            index += 1
        }
        return nil
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }
}
