internal import Crypto

/// Stable, content-derived ids for pages, so a link pasted into a ticket still works next month.
///
/// An id is a readable slug of a name followed by a short SHA-256 of the thing's identity: the name
/// keeps URLs legible, the hash keeps them unique and independent of input order or build machine.
enum StableID {
    /// `<slug of name>-<first `hashLength` hex digits of SHA-256(identity)>`.
    static func make(name: String, identity: String, hashLength: Int = 10) -> String {
        slug(name) + "-" + hexDigest(identity).prefix(hashLength)
    }

    /// Lowercase hex SHA-256 of a string's UTF-8 bytes.
    static func hexDigest(_ text: String) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        // From a table: two `String(radix:)` per byte cost a tenth of building a million secrets.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Windows' device names: no file may be called one there, whatever its extension.
    private static let deviceNames: Set<String> =
        Set(["con", "prn", "aux", "nul"] + (0...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// ``slug(_:maxLength:)`` for a file name with no hash after it: a device name (`con`, `nul`,
    /// `com1`…) gets `-page` added, so the site unpacks on Windows too.
    static func fileSlug(_ text: String, maxLength: Int = 40) -> String {
        let slug = slug(text, maxLength: maxLength)
        return deviceNames.contains(slug) ? slug + "-page" : slug
    }

    /// Lowercase ASCII letters, digits and single dashes; at most 40 characters; never empty.
    ///
    /// Only these characters reach file names, so no id from the input can form `..`, a separator,
    /// a reserved device name with an extension, or an over-long path component.
    static func slug(_ text: String, maxLength: Int = 40) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let isAlphanumeric = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            let isUpper = scalar >= "A" && scalar <= "Z"
            if isAlphanumeric || isUpper {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(isUpper ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar)
                // Only ASCII is appended: UTF-8 count is the character count, without walking the string.
                if result.utf8.count >= maxLength { break }
            } else {
                pendingDash = true
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "item" : result
    }
}
