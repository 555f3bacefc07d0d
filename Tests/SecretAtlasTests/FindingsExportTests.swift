import Foundation
import Testing

@testable import SecretAtlas

/// `findings.json`, `findings.csv` and `findings.sarif` in every site.
struct FindingsExportTests {
    private func sample() throws -> [String: [UInt8]] {
        let input = InputLoader().load([TestSupport.sampleInput])
        let (model, _) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "Sample", sourceDateEpoch: nil
        )
        .build(input)
        return try TestSupport.site(for: model)
    }

    @Test func csvHasOneRowPerOccurrenceAndJSONAndSARIFAgree() throws {
        let files = try sample()
        let report = try JSONDecoder().decode(ReportData.self, from: Data(files["findings.json"] ?? []))
        let occurrences = report.secrets.reduce(0) { $0 + $1.occurrences.count }
        #expect(occurrences > 10)
        let csv = String(decoding: files["findings.csv"] ?? [], as: UTF8.self)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == FindingsCSV.header.joined(separator: ","))
        #expect(rows.count == occurrences + 1)
        let sarif = try #require(
            try JSONSerialization.jsonObject(with: Data(files["findings.sarif"] ?? [])) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == occurrences)
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String ?? "" } == Set(report.secrets.map(\.type)).sorted())
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
        }
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
        ("a,b", "\"a,b\""), ("line\nbreak", "\"line\nbreak\""), ("/opt/app/.env", "/opt/app/.env"),
        ("crlf\r\nbreak", "\"crlf\r\nbreak\""), ("a,\u{301}b", "\"a,\u{301}b\""), ("\tx", "'\tx"),
    ])
    func csvCellsAreQuotedAndCannotRunAsFormulas(value: String, expected: String) {
        #expect(FindingsCSV.field(value) == expected)
    }

    @Test func sarifURIsAreRelativeReferences() {
        #expect(FindingsSARIF.uri("C:\\app\\my settings.json") == "C:/app/my%20settings.json")
        #expect(FindingsSARIF.uri("/opt/app/#1?.env") == "/opt/app/%231%3F.env")
        // The same as Foundation's percent encoding, for every ASCII character and some others.
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]")
        let samples = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) } + ["é", "日本", "a b%c", "😀/x"]
        for sample in samples {
            let slashed = sample.replacingOccurrences(of: "\\", with: "/")
            #expect(
                FindingsSARIF.uri(sample) == slashed.addingPercentEncoding(withAllowedCharacters: allowed))
        }
    }
}
