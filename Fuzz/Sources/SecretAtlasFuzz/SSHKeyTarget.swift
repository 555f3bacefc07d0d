import Foundation

@testable import SecretAtlas

/// Feeds bytes to ``SSHKeyFingerprint``.
///
/// Importers call it on every raw value that looks like a private key or a public key line, so its
/// DER, OpenSSH and PEM readers (swift-asn1, swift-crypto) see attacker-made bytes. Reaching them
/// through an importer would need the fuzzer to write valid base64 inside JSON; here the bytes are
/// armoured directly.
///
/// The first byte picks what the rest is: the body of an `OPENSSH PRIVATE KEY`, `RSA PRIVATE KEY`,
/// `PRIVATE KEY` or `EC PRIVATE KEY` block (base64-encoded into PEM here), or text given as it is
/// both as a private key and as an `authorized_keys` line. Asserts: a fingerprint, when there is
/// one, is `SHA256:` and 43 base64 characters, as `ssh-keygen -l` prints it.
enum SSHKeyTarget {
    static let labels = ["OPENSSH PRIVATE KEY", "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"]

    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let body = Array(bytes.dropFirst())
        let index = Int(selector) % (labels.count + 1)
        if index < labels.count {
            let base64 = Data(body).base64EncodedString(
                options: [.lineLength64Characters, .endLineWithLineFeed])
            let pem = "-----BEGIN \(labels[index])-----\n\(base64)\n-----END \(labels[index])-----\n"
            check(SSHKeyFingerprint.fromPrivateKey(pem))
        } else {
            let text = String(decoding: body, as: UTF8.self)
            check(SSHKeyFingerprint.fromPrivateKey(text))
            for line in text.split(whereSeparator: \.isNewline) {
                check(SSHKeyFingerprint.fromPublicKeyLine(line))
            }
        }
    }

    private static func check(_ fingerprint: String?) {
        guard let fingerprint else { return }
        require(
            fingerprint.hasPrefix("SHA256:") && fingerprint.utf8.count == 7 + 43,
            "malformed fingerprint \(fingerprint)")
    }
}
