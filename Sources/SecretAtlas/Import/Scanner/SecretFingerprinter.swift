internal import Crypto
import Foundation

/// Our own fingerprint of a secret: HMAC-SHA-256 keyed by `--fingerprint-key-file` (or the documented
/// default key), so findings deduplicate across scanners without any scanner's hash reaching output.
///
/// The message is the hex SHA-1 of the raw value: detect-secrets and checkov report exactly that
/// (unkeyed, brute-forceable) hash instead of the value, so keying it makes their findings meet those
/// of scanners that saw the raw value. The SHA-1 is an intermediate only and is never written.
struct SecretFingerprinter: Sendable {
    /// The key used when no `--fingerprint-key-file` is given (docs/importers.md).
    ///
    /// With it, anyone can test a guessed value against a fingerprint, so give your own key for real
    /// reports.
    static let defaultKey = Array("SecretAtlas default fingerprint key v1".utf8)

    /// The HMAC already keyed: copied for each message (its state is copy-on-write), so the key is
    /// not padded and hashed again for each of a million findings.
    private let keyed: KeyedHMAC

    init(key: [UInt8] = Self.defaultKey) {
        keyed = KeyedHMAC(hmac: HMAC<SHA256>(key: SymmetricKey(data: key)))
    }

    /// HMAC is not marked Sendable; this one is never mutated, only copied.
    private struct KeyedHMAC: @unchecked Sendable {
        let hmac: HMAC<SHA256>
    }

    /// The fingerprint of a raw value the importer saw.
    func fingerprint(rawValue: String) -> String {
        fingerprint(sha1Hex: Self.sha1Hex(rawValue))
    }

    /// The fingerprint of a value known only by a scanner's hex SHA-1 of it (detect-secrets, checkov).
    func fingerprint(sha1Hex: String) -> String {
        hmac(Array(("sha1:" + sha1Hex.lowercased()).utf8), prefix: "hmac-sha256:")
    }

    /// The fingerprint of an SSH key pair, from its public-key fingerprint, so a private key found by
    /// several scanners (each capturing a different span of the PEM text) is one secret.
    func fingerprint(publicKey: String) -> String {
        hmac(Array(("ssh-public-key:" + publicKey).utf8), prefix: "hmac-sha256:")
    }

    /// A fingerprint for a finding whose value is unknown and whose scanner hash is not specific to
    /// the value (detect-secrets hashes every private key's header the same way): the place stands in.
    func fingerprint(place: String) -> String {
        hmac(Array(("place:" + place).utf8), prefix: "hmac-sha256-place:")
    }

    /// `prefix` and the hex HMAC, made in one allocation of the exact size (a million fingerprints are
    /// held until the site is written).
    private func hmac(_ message: [UInt8], prefix: String) -> String {
        var hmac = keyed.hmac
        hmac.update(data: message)
        return Self.hex(hmac.finalize(), prefix: prefix)
    }

    static func sha1Hex(_ text: String) -> String {
        hex(Insecure.SHA1.hash(data: Array(text.utf8)))
    }

    /// Lower-case hex; `String(format:)` per byte cost a third of importing a million findings.
    private static func hex<Bytes: Sequence>(_ bytes: Bytes, prefix: String = "") -> String
    where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text = Array(prefix.utf8)
        text.reserveCapacity(text.count + 64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether a fingerprint stands for a place rather than a value (see ``fingerprint(place:)``).
    static func isPlaceFingerprint(_ fingerprint: String) -> Bool {
        fingerprint.hasPrefix("hmac-sha256-place:")
    }
}
