import Testing

@testable import SecretAtlas

struct SecretTests {
    private func finding(_ resourceID: String, _ path: String = "f") -> Finding {
        Finding(
            resourceID: resourceID, secretType: "generic", fingerprint: "hmac-sha256:0", filePath: path,
            line: nil,
            lastAccess: nil, expiry: nil, scanner: nil, firstSeen: nil, lastSeen: nil, verification: .unknown,
            publicKeyFingerprint: nil, targetHosts: [])
    }

    private func secret(_ occurrences: [Finding]) -> Secret {
        Secret(
            siteID: "s", fingerprint: "hmac-sha256:0", type: "generic", occurrences: occurrences,
            verification: .unknown, publicKeyFingerprint: nil, targets: [])
    }

    @Test func resourceIDsOfSortedOccurrencesAreTheirRuns() {
        let occurrences = [
            finding("a", "1"), finding("a", "2"), finding("b"), finding("c", "1"), finding("c", "2"),
        ]
        #expect(secret(occurrences).resourceIDs == ["a", "b", "c"])
    }

    /// Occurrences in another order (not as the model builder sorts them) still give sorted, unique ids.
    @Test func resourceIDsOfUnsortedOccurrencesAreSortedAndUnique() {
        let occurrences = [finding("c"), finding("a"), finding("c"), finding("b"), finding("a")]
        #expect(secret(occurrences).resourceIDs == ["a", "b", "c"])
    }

    @Test(arguments: [
        ("hmac-sha256:0123456789abcdef0123", "hmac-sha256:0123456789abcdef…"),
        ("hmac-sha256:0123456789abcdef", "hmac-sha256:0123456789abcdef"),
        ("hmac-sha256:0123456789abcdef0", "hmac-sha256:0123456789abcdef…"),
        ("nocolon0123456789abcdef", "nocolon012345678"),
        ("a:b:0123456789abcdef0", "a:b:0123456789abcd…"),
        // Not ASCII, or with CR LF (one character of two bytes): counted in characters.
        ("algo:é0123456789abcdef0", "algo:é0123456789abcde…"),
        ("a:\r\n0123456789abcdef", "a:\r\n0123456789abcde…"),
        ("a:\r\n0123456789abcde", "a:\r\n0123456789abcde"),
        ("é0123456789abcdef0", "é0123456789abcde"),
    ])
    func shortensToSixteenDigestCharacters(fingerprint: String, shown: String) {
        #expect(Secret.shorten(fingerprint) == shown)
    }

    @Test(arguments: [
        ("config/app.env", "app.env"),
        ("C:\\deploy\\web.config", "web.config"),
        ("mixed/dir\\name.txt", "name.txt"),
        ("plain.txt", "plain.txt"),
        ("trailing/", ""),
        // A separator followed by a combining mark still separates, as it does on disk.
        ("dir/\u{301}x", "\u{301}x"),
        ("répertoire/clé.pem", "clé.pem"),
    ])
    func fileNameIsTheLastPathComponent(path: String, name: String) {
        #expect(finding("r", path).fileName == name)
    }
}

struct ForbiddenKeyTests {
    @Test(arguments: [
        ("value", true), ("private_key", true), ("Client-Secret", true), ("RawV2", true),
        ("CONNECTION_STRING", true), ("pass_word", true), ("__token__", true),
        ("resource", false), ("passwords", false), ("secretType", false), ("", false),
        ("privatekeyprivatekeyprivatekey", false), ("fingerprint", false), ("-", false),
        // Not ASCII: the Kelvin sign lowercases to "k", so this is "privatekey"; "é" does not fold.
        ("private\u{212A}ey", true), ("valué", false), ("t\u{00F6}ken", false),
    ])
    func keysThatWouldHoldASecretAreForbidden(key: String, forbidden: Bool) {
        #expect(RecordReader.isForbidden(key) == forbidden)
    }
}
