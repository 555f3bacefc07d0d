internal import Crypto

/// `SHA256SUMS` and the report fingerprint.
///
/// The manifest lists every file of the site but itself in the format `sha256sum -c` reads
/// (`<64 hex digits><two spaces><path>`, one per line, sorted by path bytes).
///
/// The report fingerprint must appear on pages whose bytes the manifest covers, so it cannot be a
/// hash of those final bytes. It is defined instead as the SHA-256 of the *content manifest*: the
/// manifest of every file except ``fileName`` and ``fingerprintFileName``, taken while each page
/// still holds ``placeholder`` where the fingerprint goes. Anyone can recompute it from a published
/// site: put the placeholder back where the fingerprint stands, hash, compare (`secret-atlas verify`
/// does exactly that).
enum Manifest {
    static let fileName = "SHA256SUMS"
    /// A one-line file holding the report fingerprint, so tools need not parse HTML to find it.
    static let fingerprintFileName = "REPORT-FINGERPRINT"
    /// What templates and data files carry where the fingerprint goes until it is known.
    static let placeholder = "SECRETATLAS-REPORT-FINGERPRINT-PENDING"

    /// One manifest line per file, sorted by path (byte order, as `LC_ALL=C sort` would).
    static func text(of digests: [(path: String, digest: String)]) -> String {
        digests.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
            .map { "\($0.digest)  \($0.path)\n" }.joined()
    }

    /// Lowercase hex SHA-256 of bytes.
    static func digest(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses `SHA256SUMS`; returns nil for a line that is not `<64 hex>  <path>` (or `<64 hex> *<path>`).
    static func parse(_ text: String) -> [(path: String, digest: String)]? {
        var entries: [(path: String, digest: String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let characters = Array(line)
            guard characters.count > 66, characters[64] == " ", characters[65] == " " || characters[65] == "*"
            else { return nil }
            let digest = String(characters[0..<64])
            guard digest.allSatisfy({ $0.isHexDigit }) else { return nil }
            entries.append((String(characters[66...]), digest.lowercased()))
        }
        return entries
    }

    /// Every occurrence of `pattern` in `bytes` replaced by `replacement`.
    static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        let first = pattern[0]
        while index < bytes.count {
            if bytes[index] == first, index + pattern.count <= bytes.count,
                bytes[index..<index + pattern.count].elementsEqual(pattern)
            {
                result += replacement
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
