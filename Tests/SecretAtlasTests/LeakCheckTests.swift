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

    /// A secret in a file name reaches the site through the finding's path: the build must fail, say
    /// where, and not print the value.
    @Test func aPlantedValueThatWouldLeakFailsTheBuild() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = "AKIAZXCVBNMASDFGHJKL"
        let report = folder.appendingPathComponent("gitleaks.json")
        try Data(
            """
            [{"RuleID": "aws-access-token", "File": "vm-7/backups/\(secret).txt", "StartLine": 1, "Secret": "\(secret)", "Match": "\(secret)"}]
            """.utf8
        ).write(to: report)
        let output = folder.appendingPathComponent("site").path
        var caught: SiteError?
        do {
            _ = try SiteBuilder.build(
                SiteConfiguration(
                    inputs: [report.path], outputDirectory: output, templatesDirectory: TestSupport.templates,
                    assetsDirectory: TestSupport.assets))
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
}
