import Foundation
import Testing

@testable import SecretAtlas

/// The HTML of each kind of page for a small fixture, compared with golden files, so any change to
/// what a page says or how it is marked up is seen in review.
struct PageGoldenTests {
    private func site() throws -> [String: [UInt8]] {
        let input = InputLoader().load([TestSupport.fixture("small/input.json")])
        let (model, diagnostics) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "Golden report", sourceDateEpoch: nil
        ).build(input)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try TestSupport.site(for: model)
    }

    @Test func pagesMatchTheirGoldenFiles() throws {
        let files = try site()
        let attackPathPage = try #require(
            files.keys.first { $0.hasPrefix("attack-paths/") && $0 != SiteRoutes.attackPaths })
        #expect(attackPathPage.hasSuffix("-" + StableID.hexDigest("ap-golden-1").prefix(8) + ".html"))
        let pages = [
            ("index.html", "overview.html"),
            (
                "inventory/bastion-"
                    + StableID.hexDigest(
                        "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/bastion"
                    ).prefix(10) + ".html", "resource.html"
            ),
            (
                "secrets/ssh-private-key-"
                    + StableID.hexDigest("SHA256:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo")
                    .prefix(12) + ".html", "secret.html"
            ),
            (attackPathPage, "attack-path.html"),
            ("recommendations/machines-should-have-secrets-findings-resolved.html", "recommendation.html"),
        ]
        for (path, golden) in pages {
            let bytes = try #require(files[path], "no page \(path); pages: \(files.keys.sorted())")
            assertGolden(String(decoding: bytes, as: UTF8.self), named: golden, case: "small")
        }
        #expect(LinkChecker.brokenLinks(in: files) == [])
    }
}
