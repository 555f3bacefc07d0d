import Foundation
import Testing

/// `verify`, `export`, `--zip` and `--previous` from the command line: exit codes and messages.
@Suite(.serialized)
struct AuditCLITests: CLISuite {
    @Test func verifyExits0OnASiteAnd1ListingEveryDifference() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        let zip = folder.appendingPathComponent("site.zip")
        let build = try run(["build", "site-sample/input", "-o", site.path, "--zip", zip.path, "-q"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: zip.path))
        let clean = try run(["verify", site.path])
        #expect(clean.status == 0)
        #expect(clean.stdout.hasPrefix("OK: every file matches SHA256SUMS; report fingerprint "))

        try Data("<p>planted</p>".utf8).write(to: site.appendingPathComponent("secrets/planted.html"))
        try FileManager.default.removeItem(at: site.appendingPathComponent("findings.sarif"))
        let tampered = try run(["verify", site.path])
        #expect(tampered.status == 1)
        #expect(
            tampered.stdout == """
                added: secrets/planted.html
                missing: findings.sarif
                FAILED: 1 added, 0 changed, 1 missing.

                """)
        let none = try run(["verify", folder.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("SHA256SUMS': no such file"))
    }

    @Test func exportWritesOneFileAndNamesAMissingItem() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("ticket.md")
        let missing = try run(["export", "--secret", "nope", "site-sample/input", "-o", output.path])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("No secret 'nope' in this report."))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let both = try run(["export", "--secret", "--resource", "x", "-o", output.path])
        #expect(both.status == 64)
        let pdf = try run(["export", "--secret", "x", "-o", folder.appendingPathComponent("x.pdf").path])
        #expect(pdf.status == 64)
        #expect(pdf.stderr.contains("name a file ending in .html or .md"))
    }

    @Test func aZipIntoAMissingFolderFailsAndLeavesNoSite() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        let missing = folder.appendingPathComponent("no/such")
        let result = try run([
            "build", "site-sample/input", "-o", site.path, "--zip", missing.path + "/x.zip",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the folder \(missing.path) does not exist"))
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }

    @Test func previousMustNameASite() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run([
            "build", "site-sample/input", "-o", folder.appendingPathComponent("site").path, "--previous",
            folder.path,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Cannot read the previous report"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }
}
