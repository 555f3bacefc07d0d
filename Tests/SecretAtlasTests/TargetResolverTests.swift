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
