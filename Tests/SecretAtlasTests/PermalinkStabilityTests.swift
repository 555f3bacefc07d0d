import Foundation
import Testing

@testable import SecretAtlas

/// A permalink pasted into a ticket must lead to the same item next month: ids depend on what an
/// item is, not on input order, on what else was found, or on where the build ran.
struct PermalinkStabilityTests {
    /// Every item's permalink, by what the item is (fingerprint, cloud id, source id).
    private func permalinks(_ inputs: [String]) throws -> [String: String] {
        let (model, _) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "t", sourceDateEpoch: nil
        )
        .build(InputLoader().load(inputs))
        var result: [String: String] = [:]
        for secret in model.secrets { result["secret " + secret.fingerprint] = SiteRoutes.secret(secret) }
        for resource in model.resources { result["resource " + resource.id] = SiteRoutes.resource(resource) }
        for path in model.attackPaths { result["path " + path.id] = SiteRoutes.attackPath(path) }
        return result
    }

    @Test func addingUnrelatedFindingsAndResourcesChangesNoExistingPermalink() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try permalinks([TestSupport.sampleInput])
        // Unrelated additions that sort before and between the existing items.
        let extra = folder.appendingPathComponent("extra.json")
        try Data(
            TestSupport.document(
                resources: """
                    [{"id": "/subscriptions/s9/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/aaa-first",
                      "name": "aaa-first", "kind": "virtualMachine", "cloud": "azure"},
                     {"id": "/subscriptions/s9/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-nwl-jump-01",
                      "name": "vm-nwl-jump-01", "kind": "virtualMachine", "cloud": "azure"}]
                    """,
                findings: """
                    [{"resource": "/subscriptions/s9/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/aaa-first",
                      "secretType": "ssh-private-key", "fingerprint": "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                      "filePath": "/root/.ssh/id_rsa", "line": 1},
                     {"resource": "/subscriptions/s9/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-nwl-jump-01",
                      "secretType": "aws-access-key", "fingerprint": "hmac-sha256:\(String(repeating: "f", count: 64))",
                      "filePath": "/etc/x", "line": 2}]
                    """
            ).utf8
        ).write(to: extra)
        let after = try permalinks([TestSupport.sampleInput, extra.path])
        #expect(after.count == before.count + 4)
        for (item, permalink) in before { #expect(after[item] == permalink, "\(item)") }
        // A second machine with the same name as a sample machine gets its own, different page.
        let namesakes = after.filter { $0.key.hasSuffix("/vm-nwl-jump-01") }.map(\.value)
        #expect(Set(namesakes).count == 2)
    }

    @Test func permalinksDoNotDependOnInputOrder() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.sampleInput).sorted()
        let forward = try permalinks(files.map { TestSupport.sampleInput + "/" + $0 })
        let backward = try permalinks(files.reversed().map { TestSupport.sampleInput + "/" + $0 })
        #expect(forward == backward)
    }

    /// The ids of the committed sample site are fixed: a change here breaks every ticket link into
    /// earlier reports, so it must be deliberate.
    @Test func theSampleKeepsItsPublishedPermalinks() throws {
        let links = Set(try permalinks([TestSupport.sampleInput]).values)
        let committed = try TestSupport.readTree(TestSupport.sampleSite).keys.filter {
            ($0.hasPrefix("secrets/") || $0.hasPrefix("inventory/") || $0.hasPrefix("attack-paths/"))
                && !$0.hasSuffix("index.html") && !$0.contains("without-target")
        }
        #expect(links == Set(committed))
    }
}
