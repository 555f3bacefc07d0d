internal import Crypto

/// Deterministic names for synthetic things: fingerprints, instance ids, GUIDs, timestamps.
///
/// Every one is a SHA-256 of the seed, a label and an index, so it is the same on every run and
/// machine, and distinct seeds give distinct estates. No secret value exists to hash: a synthetic
/// secret *is* its fingerprint.
struct SynthIdentifiers {
    let seed: UInt64

    /// The SHA-256 of `secret-atlas-synth:<seed>:<label>:<index>`.
    func digest(_ label: String, _ index: Int) -> [UInt8] {
        Array(SHA256.hash(data: Array("secret-atlas-synth:\(seed):\(label):\(index)".utf8)))
    }

    /// A keyed-hash fingerprint like the ones SecretAtlas's importers make: `hmac-sha256:<64 hex>`.
    func hmacFingerprint(secret index: Int) -> String {
        "hmac-sha256:" + Self.hex(digest("secret", index))
    }

    /// An SSH public-key fingerprint as `ssh-keygen -l` prints it: `SHA256:` and 43 characters of
    /// unpadded base64.
    func sshFingerprint(_ label: String, _ index: Int) -> String {
        "SHA256:" + Self.base64(digest(label, index))
    }

    /// The first `length` hex digits of a digest, for instance ids and RDS endpoint parts.
    func hexID(_ label: String, _ index: Int, length: Int) -> String {
        String(Self.hex(digest(label, index)).prefix(length))
    }

    /// A version-4-shaped GUID, for Azure subscription ids.
    func guid(_ label: String, _ index: Int) -> String {
        let hex = Array(Self.hex(digest(label, index)))
        let part = { (range: Range<Int>) in String(hex[range]) }
        return part(0..<8) + "-" + part(8..<12) + "-4" + part(13..<16) + "-8" + part(17..<20) + "-"
            + part(20..<32)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Standard base64 without `=` padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value: UInt32 = 0
            for byte in chunk { value = value << 8 | UInt32(byte) }
            value <<= 8 * UInt32(3 - chunk.count)
            for position in 0...chunk.count {
                out.append(alphabet[Int((value >> (18 - 6 * UInt32(position))) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `seconds` since 1970 as RFC 3339 UTC (`2026-11-20T06:00:00Z`), without Foundation's
    /// formatters (civil-from-days, after Howard Hinnant's date algorithms).
    static func rfc3339(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard (0...9999).contains(year) else { return String(year) + "-01-01T00:00:00Z" }
        // Written digit by digit: string interpolation here showed in `synth` profiles.
        let fields: [(Int64, Int, UInt8)] = [
            (year, 4, UInt8(ascii: "-")), (month, 2, UInt8(ascii: "-")), (day, 2, UInt8(ascii: "T")),
            (secondOfDay / 3600, 2, UInt8(ascii: ":")), (secondOfDay / 60 % 60, 2, UInt8(ascii: ":")),
            (secondOfDay % 60, 2, UInt8(ascii: "Z")),
        ]
        return String(unsafeUninitializedCapacity: 20) { buffer in
            var position = 0
            for (value, width, separator) in fields {
                var rest = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[position + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                buffer[position + width] = separator
                position += width + 1
            }
            return position
        }
    }
}
