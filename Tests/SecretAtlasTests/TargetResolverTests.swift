import Testing

@testable import SecretAtlas

struct TargetResolverTests {
    private let key = "SHA256:uJ0rWm2Q5C0nV7yH3kQ1pX8sLq2Z4bT6cR9dE1fG3hI"

    @Test func edgesFromTheSecretNameItsTargets() {
        let resolver = TargetResolver(
            edges: [
                GraphEdge(
                    kind: .canAuthenticateTo, from: .secret(fingerprint: "fp"), to: .resource("sql"),
                    source: nil),
                GraphEdge(
                    kind: .canAuthenticateTo, from: .secret(fingerprint: "fp"), to: .resource("blob"),
                    source: nil),
                GraphEdge(
                    kind: .contains, from: .resource("vm"), to: .secret(fingerprint: "fp"), source: nil),
                GraphEdge(
                    kind: .canAuthenticateTo, from: .secret(fingerprint: "other"), to: .resource("x"),
                    source: nil),
            ], trustingMachines: [:])
        #expect(
            resolver.resolve(fingerprint: "fp", publicKeyFingerprint: nil, foundOn: ["vm"])
                == .init(targets: ["blob", "sql"], verifiedByAuthorizedKeys: false))
    }

    @Test(arguments: [
        (["vm-a"], ["vm-b", "vm-c"], ["vm-b", "vm-c"], true),
        (["vm-b"], ["vm-b"], [String](), false),
        (["vm-a", "vm-b"], ["vm-b"], ["vm-b"], true),
        (["vm-a"], [String](), [String](), false),
    ])
    func anSSHKeyOpensTheMachinesThatTrustItFromWhereverElseItLies(
        foundOn: [String], trusting: [String], targets: [String], verified: Bool
    ) {
        let resolver = TargetResolver(edges: [], trustingMachines: [key: trusting])
        #expect(
            resolver.resolve(fingerprint: key, publicKeyFingerprint: key, foundOn: Set(foundOn))
                == .init(targets: targets, verifiedByAuthorizedKeys: verified))
    }
}

struct HostIndexTests {
    private func resource(_ id: String, _ kind: ResourceKind, hostnames: [String] = []) -> Resource {
        Resource(
            id: id, siteID: id, name: id.split(separator: "/").last.map(String.init) ?? id, kind: kind,
            cloud: .azure,
            subscription: nil, resourceGroup: nil, region: nil, os: nil, tags: [], internetExposed: false,
            criticality: nil, hostnames: hostnames, authorizedKeys: [])
    }

    @Test(arguments: [
        ("nwlprodlogs", "/s/storageAccounts/nwlprodlogs"),
        ("NWLPRODLOGS.blob.core.windows.net", "/s/storageAccounts/nwlprodlogs"),
        ("nwlprodlogs.dfs.core.windows.net", "/s/storageAccounts/nwlprodlogs"),
        ("tcp:sql-prod.database.windows.net,1433", "/s/servers/sql-prod"),
        ("db.abc123.eu-west-1.rds.amazonaws.com:5432", "arn:aws:rds:eu-west-1:1:db:orders"),
        ("cosmos-x.documents.azure.com", "/s/databaseAccounts/cosmos-x"),
        ("svc-uploader", "arn:aws:iam::1:user/svc-uploader"),
        ("arn:aws:iam::1:user/svc-uploader", "arn:aws:iam::1:user/svc-uploader"),
        ("web.example.com", "/s/virtualMachines/vm-web"),
    ])
    func findsTheResourceAHostNames(host: String, expected: String) {
        let index = HostIndex(resources: [
            resource("/s/storageAccounts/nwlprodlogs", .storageAccount),
            resource("/s/servers/sql-prod", .sqlServer),
            resource(
                "arn:aws:rds:eu-west-1:1:db:orders", .rdsInstance,
                hostnames: ["db.abc123.eu-west-1.rds.amazonaws.com"]),
            resource("/s/databaseAccounts/cosmos-x", .cosmosDbAccount),
            resource("arn:aws:iam::1:user/svc-uploader", .iamUser),
            resource("/s/virtualMachines/vm-web", .virtualMachine, hostnames: ["web.example.com"]),
        ])
        #expect(index.resources(named: host) == [expected])
    }

    @Test func aMachineIsNotMatchedByItsDisplayName() {
        let index = HostIndex(resources: [resource("/s/virtualMachines/vm-web", .virtualMachine)])
        #expect(index.resources(named: "vm-web").isEmpty)
        #expect(index.resources(named: "other.blob.core.windows.net").isEmpty)
    }
}
