import Foundation
import Testing

@testable import SecretAtlas

/// The Site stage: URLs, pagination and page limits, on an input larger than one page of every list.
struct SitePlanTests {
    /// 260 VMs, each with one secret of its own (no target) and a shared storage key, so every list
    /// runs over several pages and every recommendation list over its row limit.
    private func largeModel() throws -> SiteModel {
        var resources: [String] = []
        var findings: [String] = []
        for index in 0..<260 {
            resources.append(
                #"{"id": "vm-\#(index)", "name": "vm-\#(index)", "kind": "virtualMachine", "cloud": "azure"}"#
            )
            let fingerprint = "hmac-sha256:" + StableID.hexDigest("secret \(index)")
            findings.append(
                #"{"resource": "vm-\#(index)", "secretType": "general-password", "fingerprint": "\#(fingerprint)", "filePath": "/etc/app.conf"}"#
            )
            findings.append(
                #"{"resource": "vm-\#(index)", "secretType": "azure-storage-connection-string", "fingerprint": "hmac-sha256:\#(StableID.hexDigest("shared"))", "filePath": "/opt/app/.env"}"#
            )
        }
        let json = TestSupport.document(
            resources: "[" + resources.joined(separator: ",") + "]",
            findings: "[" + findings.joined(separator: ",") + "]")
        let (model, diagnostics) = try TestSupport.model(json: json)
        #expect(diagnostics.isEmpty)
        return model
    }

    @Test(arguments: [
        ("secrets/index.html", 1, "secrets/index.html"), ("secrets/index.html", 2, "secrets/page-2.html"),
        ("secrets/without-target.html", 3, "secrets/without-target-page-3.html"),
        ("inventory/index.html", 2, "inventory/page-2.html"),
    ])
    func listPagesHaveStableURLs(first: String, number: Int, expected: String) {
        #expect(SiteRoutes.listPage(first, number: number) == expected)
    }

    @Test func longListsArePaginatedAndEveryLinkResolves() throws {
        let model = try largeModel()
        #expect(model.secrets.count == 261)
        let paths = try SitePlan(model: model).pages.map(\.path)
        for expected in [
            "secrets/index.html", "secrets/page-2.html", "secrets/without-target.html",
            "secrets/without-target-page-2.html", "inventory/index.html", "inventory/page-2.html",
        ] {
            #expect(paths.contains(expected), "\(expected)")
        }
        #expect(!paths.contains("secrets/page-3.html"))
        let files = try TestSupport.site(for: model)
        #expect(LinkChecker.brokenLinks(in: files) == [])
        let second = String(decoding: files["secrets/page-2.html"] ?? [], as: UTF8.self)
        #expect(second.contains("Showing 201–261 of 261"))
        #expect(second.components(separatedBy: "<tr>").count - 2 == 61)
    }

    @Test func recommendationPagesCapTheirListsAndSaySoHonestly() throws {
        let files = try TestSupport.site(for: try largeModel())
        let page = String(
            decoding: files["recommendations/machines-should-have-secrets-findings-resolved.html"] ?? [],
            as: UTF8.self)
        #expect(page.contains("260 of 260 virtual machines"))
        // The Findings table counts against the unhealthy resources, as Defender's "10 of 11 resources".
        #expect(page.contains("<td>260 of 260 resources</td>"))
        #expect(page.contains("And 160 more resources. Every resource is in the"))
        #expect(page.contains("And 235 more resources.</p>"))
        #expect(page.contains("And 235 more secrets. Every secret is in the"))
        #expect(page.utf8.count < 400_000)
    }

    @Test func aRecommendationPageStaysSmallWithEveryKnownSecretType() throws {
        // 19 types × 60 machines: one panel per type, each over its row limit.
        let types = CatalogTests.requiredTypes
        var resources: [String] = []
        var findings: [String] = []
        for index in 0..<60 {
            resources.append(
                #"{"id": "vm-\#(index)", "name": "vm-\#(index)", "kind": "virtualMachine", "cloud": "azure"}"#
            )
            for type in types {
                findings.append(
                    #"{"resource": "vm-\#(index)", "secretType": "\#(type)", "fingerprint": "hmac-sha256:\#(StableID.hexDigest(type + "\(index)"))", "filePath": "/srv/\#(type)"}"#
                )
            }
        }
        let (model, _) = try TestSupport.model(
            json: TestSupport.document(
                resources: "[" + resources.joined(separator: ",") + "]",
                findings: "[" + findings.joined(separator: ",") + "]"))
        let files = try TestSupport.site(for: model)
        let page = files["recommendations/machines-should-have-secrets-findings-resolved.html"] ?? []
        #expect(
            String(decoding: page, as: UTF8.self).components(separatedBy: "And 35 more secrets.").count - 1
                == 19)
        #expect(page.count < 600_000, "\(page.count) bytes")
    }

    @Test func twoPagesAtOneURLAreRefused() throws {
        let model = try TestSupport.model(json: TestSupport.document()).0
        let index = Catalog.Recommendation(
            slug: "index", title: "Clash", control: "Remediate vulnerabilities", severity: .high,
            assessmentKey: nil,
            appliesTo: [.other], resourceLabel: "resources", description: "d", remediationMarkdown: "")
        let catalog = Catalog(
            secretTypes: model.catalog.secretTypes, genericType: model.catalog.genericType,
            recommendations: model.catalog.recommendations + [index])
        let clashing = SiteModelBuilder(catalog: catalog, title: "T", sourceDateEpoch: nil)
            .build(NativeImporter(file: "x").importJSON(Array(TestSupport.document().utf8))).model
        #expect(throws: SiteError.pageCollision(path: "recommendations/index.html")) {
            try SitePlan(model: clashing)
        }
    }
}
