import Foundation
import Testing

@testable import SecretAtlas

/// The output leak check: raw values seen during import, and their 12-character pieces, fail the
/// build when written; the message names the file and finding, never the value.
struct LeakCheckTests {
    @Test func findsAnyTwelveCharacterPieceAnywhere() {
        let values = SensitiveValues()
        values.add("Zq8-Lm3vTr7wPx2Nb5Kd", owner: "r.json at [0]")
        let filler = [UInt8](repeating: UInt8(ascii: "a"), count: 100_000)
        #expect(values.firstLeak(in: filler) == nil)
        #expect(values.firstLeak(in: filler + Array("xx3vTr7wPx2Nb5yy".utf8) + filler) == "r.json at [0]")
        #expect(values.firstLeak(in: Array("Lm3vTr7wPx2".utf8)) == nil)  // 11 characters
    }

    @Test func pemArmourIsNotSearchedButTheBodyIs() {
        let values = SensitiveValues()
        values.add(
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAku4ubYa1Ya\n-----END RSA PRIVATE KEY-----",
            owner: "k")
        #expect(values.firstLeak(in: Array("see -----BEGIN RSA PRIVATE KEY----- in docs".utf8)) == nil)
        #expect(values.firstLeak(in: Array("AAKCAQEAku4ubY".utf8)) == "k")
    }

    @Test func shortValuesAreSearchedWholeWhenTheyLookSecret() {
        let values = SensitiveValues()
        values.add("Pq9xLm2v", owner: "short")
        values.add("a secret", owner: "words")
        #expect(values.firstLeak(in: Array("password is Pq9xLm2v.".utf8)) == "short")
        #expect(values.firstLeak(in: Array("a secret was found".utf8)) == nil)
    }

    /// The sparse index against a brute-force search of every 12-byte piece: random values, outputs
    /// holding pieces of 11, 12 and more bytes at every alignment, and values inside others.
    @Test func sparseIndexFindsExactlyTheTwelveBytePieces() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        func randomText(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        }
        for round in 0..<40 {
            let values = SensitiveValues(seed: generator.next())
            var stored: [[UInt8]] = []
            for finding in 0..<5 {
                let long = randomText(12 + Int(generator.next() % 60))
                // A value inside another of the same finding (TruffleHog's Raw inside RawV2).
                let inner = Array(long.prefix(12 + Int(generator.next() % UInt64(long.count - 11))))
                values.add(
                    [String(decoding: long, as: UTF8.self), String(decoding: inner, as: UTF8.self)],
                    owner: ValueOwner(file: "f\(finding)", location: nil, type: nil, resource: nil, line: nil)
                )
                stored.append(long)
            }
            for _ in 0..<20 {
                let value = stored[Int(generator.next() % UInt64(stored.count))]
                let length = 10 + Int(generator.next() % 6)
                guard length <= value.count else { continue }
                let start = Int(generator.next() % UInt64(value.count - length + 1))
                let output =
                    Array("<p>".utf8) + Array(value[start..<(start + length)]) + Array("</p>".utf8)
                let expected = stored.contains { Self.sharesTwelveBytes($0, output) }
                #expect(
                    (values.firstLeak(in: output) != nil) == expected,
                    "round \(round): piece of \(length) at \(start) of \(value.count)")
            }
        }
    }

    @Test func aValueLongerThanOneRunIsSearchedAcrossTheSeam() {
        let values = SensitiveValues()
        var generator = SeededGenerator(seed: 3)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        let long = (0..<(1 << 20) + 50).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        values.add(String(decoding: long, as: UTF8.self), owner: "big")
        for start in [0, (1 << 20) - 20, (1 << 20) - 6, (1 << 20) + 38] {
            #expect(values.firstLeak(in: Array(long[start..<(start + 12)])) == "big", "at \(start)")
        }
    }

    /// Whether `output` holds any 12 bytes of `value` (the reference the index must agree with).
    private static func sharesTwelveBytes(_ value: [UInt8], _ output: [UInt8]) -> Bool {
        guard value.count >= 12, output.count >= 12 else { return false }
        for start in 0...(value.count - 12) {
            let piece = value[start..<(start + 12)]
            for offset in 0...(output.count - 12) where output[offset..<(offset + 12)] == piece {
                return true
            }
        }
        return false
    }

    /// A secret that reaches a page from outside the input's fields (here the report's `--title`; a
    /// value repeated in the input's own fields is masked, see ``SecretRedactorTests``): the build
    /// must fail, say where, and not print the value.
    @Test func aPlantedValueThatWouldLeakFailsTheBuild() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = "AKIAZXCVBNMASDFGHJKL"
        let report = folder.appendingPathComponent("gitleaks.json")
        try Data(
            """
            [{"RuleID": "aws-access-token", "File": "vm-7/backups/keys.txt", "StartLine": 1, "Secret": "\(secret)", "Match": "\(secret)"}]
            """.utf8
        ).write(to: report)
        let output = folder.appendingPathComponent("site").path
        var caught: SiteError?
        do {
            _ = try SiteBuilder.build(
                SiteConfiguration(
                    inputs: [report.path], outputDirectory: output, title: "Keys: rotate \(secret) first",
                    templatesDirectory: TestSupport.templates, assetsDirectory: TestSupport.assets))
        } catch let error as SiteError {
            caught = error
        }
        guard case .secretLeaked(_, let finding) = caught else {
            Issue.record("expected a leak failure, got \(String(describing: caught))")
            return
        }
        #expect(finding.hasPrefix("\(report.path) at [0] (aws-access-key on vm-7, line 1)"))
        #expect(caught?.exitCode == 1)
        #expect(!(caught?.description.contains(String(secret.prefix(12))) ?? true))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// A connection string's scheme and key names are public words (the remediation text names
    /// `postgresql://`), so a build with one succeeds; its password and account key are still guarded.
    @Test func connectionStringStructureIsNotALeakButItsCredentialsAre() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let password = "Vq7RtLm2Xw9PzK4s"
        let accountKey = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkw"
        let url = "postgresql://app:\(password)@pg-fleet.postgres.database.azure.com:5432/app?sslmode=require"
        let storage =
            "DefaultEndpointsProtocol=https;AccountName=stfleet;AccountKey=\(accountKey);EndpointSuffix=core.windows.net"
        let report = folder.appendingPathComponent("gitleaks.json")
        try Data(
            """
            [{"RuleID": "generic-api-key", "File": "vm-1/etc/app.env", "StartLine": 3, "Secret": "\(url)", "Match": "\(url)"},
             {"RuleID": "azure-storage-account-key", "File": "vm-1/etc/sync.conf", "StartLine": 1, "Secret": "\(storage)", "Match": "\(storage)"}]
            """.utf8
        ).write(to: report)
        let output = folder.appendingPathComponent("site").path
        _ = try SiteBuilder.build(
            SiteConfiguration(
                inputs: [report.path], outputDirectory: output, templatesDirectory: TestSupport.templates,
                assetsDirectory: TestSupport.assets))
        #expect(ImportContext.structure(of: url).contains("postgresql://"))
        #expect(ImportContext.structure(of: storage).contains("endpointsuffix=core.windows.net"))
        #expect(!ImportContext.structure(of: storage).contains { $0.contains(accountKey.lowercased()) })
        let values = SensitiveValues()
        values.add(
            [url, storage].flatMap {
                ImportContext.cutting(ImportContext.structure(of: $0) + ["stfleet"], from: $0)
            }, owner: ValueOwner(file: "conn", location: nil, type: nil, resource: nil, line: nil))
        #expect(
            values.firstLeak(in: Array("see postgresql://app:… and DefaultEndpointsProtocol=https".utf8))
                == nil)
        #expect(values.firstLeak(in: Array("x\(password)x".utf8)) != nil)
        #expect(values.firstLeak(in: Array(accountKey.prefix(12).utf8)) != nil)
    }
}
