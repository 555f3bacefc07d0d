import Foundation
import Testing

@testable import SecretAtlas

/// `SHA256:…` fingerprints derived from private keys and public key lines, against what
/// `ssh-keygen -l` prints for keys it generated.
struct SSHKeyFingerprintTests {
    /// (name, ssh-keygen arguments) for every private key layout the importers read.
    static let layouts: [(String, [String])] = [
        ("ed25519-openssh", ["-t", "ed25519"]),
        ("rsa-openssh", ["-t", "rsa", "-b", "2048"]),
        ("rsa-pem-pkcs1", ["-t", "rsa", "-b", "2048", "-m", "PEM"]),
        ("rsa-pkcs8", ["-t", "rsa", "-b", "2048", "-m", "PKCS8"]),
        ("ecdsa256-pem-sec1", ["-t", "ecdsa", "-b", "256", "-m", "PEM"]),
        ("ecdsa384-pkcs8", ["-t", "ecdsa", "-b", "384", "-m", "PKCS8"]),
        ("ecdsa521-openssh", ["-t", "ecdsa", "-b", "521"]),
        ("ed25519-openssh-with-passphrase", ["-t", "ed25519", "-N", "correct horse"]),
    ]

    @Test(arguments: layouts.map(\.0))
    func privateKeyGivesTheFingerprintSSHKeygenPrints(layout: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen") else { return }
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("id").path
        let arguments = try #require(Self.layouts.first { $0.0 == layout }?.1)
        let passphrase = arguments.contains("-N") ? [] : ["-N", ""]
        _ = try #require(
            ScannerTestSupport.run(
                "/usr/bin/ssh-keygen", ["-q", "-f", key, "-C", "t"] + passphrase + arguments))
        let printed = try #require(ScannerTestSupport.run("/usr/bin/ssh-keygen", ["-l", "-f", key + ".pub"]))
        let expected = String(printed.split(separator: " ")[1])
        let privateText = try String(contentsOfFile: key, encoding: .utf8)
        #expect(SSHKeyFingerprint.fromPrivateKey(privateText) == expected)
        // Scanners report keys with escaped newlines (JSON strings of JSON) too.
        #expect(
            SSHKeyFingerprint.fromPrivateKey(privateText.replacingOccurrences(of: "\n", with: "\\n"))
                == expected)
        let publicLine = try String(contentsOfFile: key + ".pub", encoding: .utf8)
        #expect(SSHKeyFingerprint.fromPublicKeyLine(Substring(publicLine)) == expected)
        #expect(
            SSHKeyFingerprint.fromPublicKeyLine(Substring("no-pty,command=\"echo a b\" " + publicLine))
                == expected)
    }

    @Test func anEncryptedPEMKeyGivesNothing() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen") else { return }
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("id").path
        _ = try #require(
            ScannerTestSupport.run(
                "/usr/bin/ssh-keygen",
                ["-q", "-f", key, "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "pass phrase"]))
        let text = try String(contentsOfFile: key, encoding: .utf8)
        #expect(text.contains("ENCRYPTED"))
        #expect(SSHKeyFingerprint.fromPrivateKey(text) == nil)
    }

    @Test func cutOrBrokenKeysGiveNothing() {
        #expect(SSHKeyFingerprint.fromPrivateKey("-----BEGIN RSA PRIVATE KEY-----") == nil)
        #expect(
            SSHKeyFingerprint.fromPrivateKey(
                "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----")
                == nil)
        #expect(SSHKeyFingerprint.fromPublicKeyLine("ssh-ed25519 not-base64 x") == nil)
        #expect(SSHKeyFingerprint.fromPublicKeyLine("# a comment") == nil)
    }
}
