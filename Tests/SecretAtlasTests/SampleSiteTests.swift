import Foundation
import Testing

@testable import SecretAtlas

/// The bundled sample, built end to end through the real writer, against the committed `site-sample/site`.
@Suite(.serialized)
struct SampleSiteTests {
    private func buildSample(into folder: URL) throws -> BuildReport {
        try SiteBuilder.build(
            SiteConfiguration(
                inputs: [TestSupport.sampleInput],
                outputDirectory: folder.appendingPathComponent("site").path,
                templatesDirectory: TestSupport.templates,
                assetsDirectory: TestSupport.assets))
    }

    @Test func theCommittedSampleSiteIsCurrent() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try buildSample(into: folder)
        // The marker records the build's file times (``SiteRecord``), which no checkout keeps.
        let marker = DirectoryWriter.markerName
        let fresh = try TestSupport.readTree(folder.appendingPathComponent("site").path).filter {
            $0.key != marker
        }
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: TestSupport.sampleSite)
            try FileManager.default.copyItem(
                atPath: folder.appendingPathComponent("site").path, toPath: TestSupport.sampleSite)
            Issue.record("Recorded site-sample/site; run the tests again.")
            return
        }
        let committed = try TestSupport.readTree(TestSupport.sampleSite)
        let missing = Set(fresh.keys).subtracting(committed.keys).sorted()
        let extra = Set(committed.keys).subtracting(fresh.keys).subtracting([marker]).sorted()
        let changed = fresh.keys.filter { committed[$0] != nil && committed[$0] != fresh[$0] }.sorted()
        #expect(
            missing.isEmpty && extra.isEmpty && changed.isEmpty,
            """
            site-sample/site is stale (regenerate with RECORD_GOLDEN=1 swift test --filter SampleSiteTests):
            missing: \(missing.prefix(10)) extra: \(extra.prefix(10)) changed: \(changed.prefix(10))
            """)
    }

    @Test func everyLinkAndFragmentResolves() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try buildSample(into: folder)
        let files = try TestSupport.readTree(folder.appendingPathComponent("site").path)
        #expect(report.pageCount == files.keys.filter { $0.hasSuffix(".html") }.count)
        #expect(LinkChecker.brokenLinks(in: files) == [])
    }

    @Test func theSampleExercisesEveryPageKind() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try buildSample(into: folder)
        let files = try TestSupport.readTree(folder.appendingPathComponent("site").path)
        let html = { (path: String) in String(decoding: files[path] ?? [], as: UTF8.self) }
        #expect(report.diagnostics.map(\.message).contains { $0.contains("acme-license-key") })
        for prefix in ["recommendations/", "secrets/", "inventory/", "attack-paths/"] {
            #expect(
                files.keys.filter { $0.hasPrefix(prefix) && !$0.hasSuffix("index.html") }.count >= 3,
                "\(prefix)")
        }
        let overview = html("index.html")
        #expect(overview.contains("Without an identified target"))
        #expect(overview.contains("risk-bar__item--critical"))
        let unknownSecret = try #require(files.keys.first { $0.hasPrefix("secrets/acme-license-key-") })
        #expect(html(unknownSecret).contains("does not know the type"))
        let withoutTarget = html(SiteRoutes.secretsWithoutTarget)
        #expect(withoutTarget.contains("Plaintext Slack access token"))
        let resourcePages = files.keys.filter { $0.hasPrefix("inventory/") && $0 != SiteRoutes.inventory }
        #expect(
            resourcePages.allSatisfy {
                html($0).contains("id=\"secrets\"") && html($0).contains("id=\"attack-paths\"")
            })
        let verifiedKeys = files.keys.filter { $0.hasPrefix("secrets/ssh-private-key-") }.filter {
            html($0).contains("verification--verified") && html($0).contains("authorized_keys</code> of")
        }
        #expect(verifiedKeys.count >= 2)
    }
}
