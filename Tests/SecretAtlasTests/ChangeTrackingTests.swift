import Foundation
import Testing

@testable import SecretAtlas

/// `--previous` across generations of scans whose new and resolved sets are known.
@Suite(.serialized)
struct ChangeTrackingTests {
    static let vm = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/"

    static func resource(_ name: String) -> String {
        #"{"id": "\#(vm + name)", "name": "\#(name)", "kind": "virtualMachine", "cloud": "azure", "internetExposed": true}"#
    }

    static func finding(_ machine: String, _ digit: String) -> String {
        #"{"resource": "\#(vm + machine)", "secretType": "aws-access-key", "fingerprint": "hmac-sha256:\#(String(repeating: digit, count: 64))", "filePath": "/etc/app/\#(machine).env", "line": 3}"#
    }

    static func attackPath(_ id: String, from machine: String, digit: String) -> String {
        #"""
        {"id": "\#(id)", "name": "Path \#(id)", "riskLevel": "high", "entryPoint": "\#(vm + machine)",
         "target": "\#(vm + machine)", "steps": ["\#(vm + machine)", "secret:hmac-sha256:\#(String(repeating: digit, count: 64))", "\#(vm + machine)"]}
        """#
    }

    /// One scan generation as a native document.
    static func generation(time: String, machines: [String], findings: [(String, String)], paths: [String])
        -> String
    {
        TestSupport.document(
            resources: "[" + machines.map(resource).joined(separator: ",") + "]",
            findings: "[" + findings.map { finding($0.0, $0.1) }.joined(separator: ",") + "]",
            attackPaths: "[" + paths.joined(separator: ",") + "]"
        ).replacingOccurrences(of: "2026-11-20T06:00:00Z", with: time)
    }

    private func build(_ document: String, in folder: URL, name: String, previous: String?) throws
        -> ReportData
    {
        let input = folder.appendingPathComponent(name + ".json")
        try Data(document.utf8).write(to: input)
        let site = folder.appendingPathComponent(name).path
        _ = try SiteBuilder.build(
            SiteConfiguration(
                inputs: [input.path], outputDirectory: site, templatesDirectory: TestSupport.templates,
                assetsDirectory: TestSupport.assets, previousDirectory: previous))
        return try ReportData.read(siteDirectory: site)
    }

    private func statuses(_ report: ReportData) -> [String: String] {
        var result: [String: String] = [:]
        for secret in report.secrets { result["secret:" + secret.fingerprint.suffix(1)] = secret.status }
        for resource in report.resources { result["resource:" + resource.name] = resource.status }
        for path in report.attackPaths { result["path:" + path.sourceId] = path.status }
        return result
    }

    @Test func threeGenerationsMarkNewUnchangedAndResolvedAndKeepResolvedPages() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try build(
            Self.generation(
                time: "2026-10-01T06:00:00Z", machines: ["vm-a", "vm-b"],
                findings: [("vm-a", "1"), ("vm-b", "2")],
                paths: [Self.attackPath("ap-1", from: "vm-b", digit: "2")]),
            in: folder, name: "g1", previous: nil)
        #expect(first.comparedWith == nil)
        #expect(first.secrets.allSatisfy { $0.status == nil })

        let second = try build(
            Self.generation(
                time: "2026-11-01T06:00:00Z", machines: ["vm-a", "vm-c"],
                findings: [("vm-a", "1"), ("vm-c", "3")],
                paths: [Self.attackPath("ap-3", from: "vm-c", digit: "3")]),
            in: folder, name: "g2", previous: folder.appendingPathComponent("g1").path)
        #expect(
            statuses(second) == [
                "secret:1": "unchanged", "secret:3": "new", "resource:vm-a": "unchanged",
                "resource:vm-c": "new",
                "path:ap-3": "new",
            ])
        #expect(second.comparedWith?.previousReport == first.reportFingerprint)
        #expect(second.resolved.map(\.kind).sorted() == ["attack-path", "resource", "secret"])
        #expect(
            second.resolved.map(\.title).sorted() == [
                "Path ap-1", "Plaintext AWS access key hmac-sha256:2222222222222222…", "vm-b",
            ])
        #expect(second.resolved.allSatisfy { $0.lastSeenScan == "2026-10-01T06:00:00Z" })
        // Every resolved item keeps its page, at the URL it had, saying when it was last seen.
        let site2 = try TestSupport.readTree(folder.appendingPathComponent("g2").path)
        for entry in second.resolved {
            let old =
                first.secrets.map(\.permalink) + first.resources.map(\.permalink)
                + first.attackPaths.map(\.permalink)
            #expect(old.contains(entry.permalink))
            let page = String(decoding: try #require(site2[entry.permalink]), as: UTF8.self)
            #expect(page.contains("last seen in the scan of 2026-10-01 06:00 UTC"))
        }
        let overview = String(decoding: site2["index.html"] ?? [], as: UTF8.self)
        #expect(overview.contains("What changed since the scan of 2026-10-01 06:00 UTC"))
        #expect(overview.contains("1 new") && overview.contains("1 resolved"))
        let newSecret = try #require(second.secrets.first { $0.status == "new" })
        #expect(
            String(decoding: site2[newSecret.permalink] ?? [], as: UTF8.self).contains("change__badge\">New<")
        )
        // Lists mark new items too: the one new secret, the one new resource, the one new path.
        for list in ["secrets/index.html", "inventory/index.html", "attack-paths/index.html"] {
            let html = String(decoding: site2[list] ?? [], as: UTF8.self)
            #expect(html.components(separatedBy: "change__badge\">New<").count == 2, "\(list)")
        }
        #expect(LinkChecker.brokenLinks(in: site2) == [])

        // A third generation without changes: nothing new, the old resolved items carried forward.
        let third = try build(
            Self.generation(
                time: "2026-12-01T06:00:00Z", machines: ["vm-a", "vm-c"],
                findings: [("vm-c", "3"), ("vm-a", "1")],
                paths: [Self.attackPath("ap-3", from: "vm-c", digit: "3")]),
            in: folder, name: "g3", previous: folder.appendingPathComponent("g2").path)
        #expect(Set(statuses(third).values) == ["unchanged"])
        #expect(third.resolved == second.resolved)
        let site3 = try TestSupport.readTree(folder.appendingPathComponent("g3").path)
        for entry in third.resolved { #expect(site3[entry.permalink] != nil) }
        let overview3 = String(decoding: site3["index.html"] ?? [], as: UTF8.self)
        #expect(overview3.contains("0 resolved"), "items resolved earlier are not resolved again")

        // A fourth in which the resolved secret returns: it is new again, and no longer resolved.
        let fourth = try build(
            Self.generation(
                time: "2027-01-01T06:00:00Z", machines: ["vm-a", "vm-b", "vm-c"],
                findings: [("vm-a", "1"), ("vm-b", "2"), ("vm-c", "3")], paths: []),
            in: folder, name: "g4", previous: folder.appendingPathComponent("g3").path)
        #expect(statuses(fourth)["secret:2"] == "new")
        #expect(statuses(fourth)["resource:vm-b"] == "new")
        #expect(fourth.resolved.map(\.kind) == ["attack-path", "attack-path"])
    }

    @Test func aHostilePreviousReportCannotNameAPageOutsideTheSite() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = Self.generation(
            time: "2026-10-01T06:00:00Z", machines: ["vm-a"], findings: [], paths: [])
        _ = try build(document, in: folder, name: "g1", previous: nil)
        let path = folder.appendingPathComponent("g1/findings.json")
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"resolved\" : [\n\n  ]",
            with: """
                "resolved" : [{"kind": "secret", "id": "../../../escape", "permalink": "../../escape.html",
                  "title": "x", "lastSeenReport": "r"}]
                """)
        #expect(
            text.contains("../../escape.html"),
            "the hostile entry must be in place for the test to mean anything")
        try Data(text.utf8).write(to: path)
        let second = try build(
            document, in: folder, name: "g2", previous: folder.appendingPathComponent("g1").path)
        #expect(second.resolved.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.html").path))
    }

    @Test func aPreviousFolderWithoutAReportIsAClearError() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = Self.generation(
            time: "2026-10-01T06:00:00Z", machines: ["vm-a"], findings: [], paths: [])
        #expect {
            _ = try build(document, in: folder, name: "g1", previous: folder.path)
        } throws: { error in
            (error as? SiteError)?.description.contains("findings.json") == true
        }
        try Data("{\"format\": 1}".utf8).write(to: folder.appendingPathComponent("findings.json"))
        #expect {
            _ = try build(document, in: folder, name: "g1", previous: folder.path)
        } throws: { error in
            (error as? SiteError)?.description.contains("missing member 'generator'") == true
        }
    }
}
