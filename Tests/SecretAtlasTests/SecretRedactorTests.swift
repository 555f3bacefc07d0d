import Foundation
import Testing

@testable import SecretAtlas

/// A value the input repeats in a shown field is masked, so the report is still written and holds
/// no value; an attacker who can name a file after a value cannot stop the whole report.
struct SecretRedactorTests {
    private func redactor(_ values: [String]) -> SecretRedactor {
        let sensitive = SensitiveValues()
        sensitive.add(
            values, owner: ValueOwner(file: "scan.json", location: nil, type: nil, resource: nil, line: nil))
        return SecretRedactor(values: sensitive)
    }

    @Test func masksExactlyTheRepeatedBytes() {
        let redactor = redactor(["AKIAQWERTYUIOPASDFGH"])
        #expect(redactor.masked("/srv/AKIAQWERTYUIOPASDFGH/app.env") == "/srv/********************/app.env")
        #expect(
            redactor.masked("two AKIAQWERTYUIOPASDFGH and AKIAQWERTYUIOPASDFGH")
                == "two ******************** and ********************")
        #expect(redactor.masked("nothing here") == nil)
    }

    @Test func masksTwelveCharacterPiecesOfALongerValue() {
        let redactor = redactor(["postgres://app:Pq9xLm2vTr7wZZ@db.example.com/app"])
        #expect(redactor.masked("note: Pq9xLm2vTr7wZZ@db leaked") == "note: ***************** leaked")
    }

    @Test func aValueOfMaskCharactersDoesNotLoop() {
        let redactor = redactor(["****************x"])
        #expect(redactor.masked("a ****************x b") == "a ***************** b")
        #expect(redactor.masked(String(repeating: "*", count: 100)) == String(repeating: "*", count: 100))
    }

    @Test func masksWholeCharacters() throws {
        let redactor = redactor(["é-secret-value-ü"])
        let masked = try #require(redactor.masked("x/é-secret-value-ü/y"))
        #expect(masked.hasPrefix("x/") && masked.hasSuffix("/y"))
        #expect(!masked.contains("secret"))
        #expect(masked.utf8.count == "x/é-secret-value-ü/y".utf8.count)
    }

    /// Text the site itself writes is not a value's: a value holding `image/svg+xml` (which every
    /// page's icon link says) is not found on a page for that.
    @Test func theSitesOwnTextIsNotALeak() {
        let sensitive = SensitiveValues()
        sensitive.add(
            ["data:image/svg+xml,<svg onload=alert(1)>"],
            owner: ValueOwner(file: "scan.json", location: nil, type: nil, resource: nil, line: nil))
        let page = Array(#"<link rel="icon" type="image/svg+xml" href="x.svg">"#.utf8)
        #expect(sensitive.firstLeak(in: page) != nil)
        sensitive.publicText = Array(#"<link rel="icon" type="image/svg+xml" href="{{root}}icon.svg">"#.utf8)
        #expect(sensitive.firstLeak(in: page) == nil)
        // The value's own bytes beyond the public words are still found.
        #expect(sensitive.firstLeak(in: page + Array(" image/svg+xml,<svg onl".utf8)) != nil)
    }

    /// gitleaks output whose value is also its file name, commit message and rule: the site is written
    /// and no file of it holds the value.
    @Test func aReportRepeatingItsValueStillBuildsWithoutIt() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let value = "<script>alert('xss-5f3a9c1e')</script>"
        let record: [String: Any] = [
            "RuleID": value, "Description": value, "StartLine": 3, "EndLine": 3, "StartColumn": 1,
            "EndColumn": 9,
            "Match": "token=" + value, "Secret": value, "File": "vm-web-01/srv/\(value)/.env",
            "SymlinkFile": "",
            "Commit": "", "Entropy": 4.0, "Author": value, "Email": "", "Date": "", "Message": value,
            "Tags": [],
            "Fingerprint": value,
        ]
        let input = folder.appendingPathComponent("gitleaks.json")
        try JSONSerialization.data(withJSONObject: [record]).write(to: input)
        let output = folder.appendingPathComponent("site").path
        let report = try SiteBuilder.build(
            SiteConfiguration(
                inputs: [input.path], outputDirectory: output, templatesDirectory: TestSupport.templates,
                assetsDirectory: TestSupport.assets))
        #expect(report.diagnostics.contains { $0.message.contains("shown as * in the report") })
        #expect(!report.diagnostics.contains { $0.message.contains("xss-5f3a9c1e") })
        let files = try TestSupport.readTree(output)
        #expect(files.count > 10)
        for (path, bytes) in files {
            #expect(
                String(decoding: bytes, as: UTF8.self).range(of: "xss-5f3a9c1e") == nil,
                "\(path) holds the value")
        }
    }
}
