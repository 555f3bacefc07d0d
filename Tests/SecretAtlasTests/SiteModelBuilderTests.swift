import Testing

@testable import SecretAtlas

struct SiteModelBuilderTests {
    private let vmA = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-a"
    private let keyFingerprint = "SHA256:uJ0rWm2Q5C0nV7yH3kQ1pX8sLq2Z4bT6cR9dE1fG3hI"

    private func sshDocument(verification: String = "unknown") -> String {
        TestSupport.document(
            resources: """
                [
                  {"id": "vm-a", "name": "vm-a", "kind": "virtualMachine", "cloud": "azure", "internetExposed": true,
                   "authorizedKeys": ["\(keyFingerprint)"]},
                  {"id": "vm-b", "name": "vm-b", "kind": "virtualMachine", "cloud": "azure",
                   "authorizedKeys": ["\(keyFingerprint)"]},
                  {"id": "vm-c", "name": "vm-c", "kind": "virtualMachine", "cloud": "azure"}
                ]
                """,
            findings: """
                [
                  {"resource": "vm-a", "secretType": "ssh-private-key", "fingerprint": "\(keyFingerprint)",
                   "publicKeyFingerprint": "\(keyFingerprint)", "filePath": "/home/a/.ssh/id_rsa", "verification": "\(verification)"},
                  {"resource": "vm-c", "secretType": "ssh-private-key", "fingerprint": "\(keyFingerprint)",
                   "publicKeyFingerprint": "\(keyFingerprint)", "filePath": "/root/.ssh/id_rsa"}
                ]
                """)
    }

    @Test func deduplicatesSecretsByFingerprintAcrossResources() throws {
        let (model, diagnostics) = try TestSupport.model(json: sshDocument())
        #expect(diagnostics.isEmpty)
        #expect(model.secrets.count == 1)
        #expect(model.secrets[0].occurrences.map(\.resourceID) == ["vm-a", "vm-c"])
        #expect(model.secrets[0].resourceIDs == ["vm-a", "vm-c"])
    }

    @Test func anSSHKeyTrustedByAnotherMachineIsVerifiedAndTargetsIt() throws {
        let (model, _) = try TestSupport.model(json: sshDocument())
        // vm-a trusts the key and holds it, but the key also lies on vm-c, from where it opens vm-a.
        #expect(model.secrets[0].targets == ["vm-a", "vm-b"])
        #expect(model.secrets[0].verification == .verified)
    }

    @Test func aKeyThatAlsoLiesOnTheMachineTrustingItStillOpensThatMachineFromElsewhere() throws {
        // The key lies on vm-a and vm-c; both trust it, so each opens from the other.
        let json = sshDocument().replacingOccurrences(
            of: #""name": "vm-c", "kind": "virtualMachine", "cloud": "azure"}"#,
            with: #""name": "vm-c", "kind": "virtualMachine", "cloud": "azure", "authorizedKeys": [""#
                + keyFingerprint + #""]}"#)
        let (model, _) = try TestSupport.model(json: json)
        #expect(model.secrets[0].targets == ["vm-a", "vm-b", "vm-c"])
        #expect(model.secrets[0].verification == .verified)
    }

    @Test func aKeyFoundOnlyOnTheMachineThatTrustsItOpensNothing() throws {
        let json = TestSupport.document(
            resources:
                #"[{"id": "vm-a", "name": "vm-a", "kind": "virtualMachine", "cloud": "azure", "authorizedKeys": [""#
                + keyFingerprint + #""]}]"#,
            findings: #"[{"resource": "vm-a", "secretType": "ssh-private-key", "fingerprint": ""#
                + keyFingerprint
                + #"", "publicKeyFingerprint": ""# + keyFingerprint + #"", "filePath": "/root/.ssh/id_rsa"}]"#
        )
        let (model, _) = try TestSupport.model(json: json)
        #expect(model.secrets[0].targets.isEmpty)
        #expect(model.secrets[0].verification == .unverified)
    }

    @Test func anExposedToInternetEdgeMarksTheResourceExposed() throws {
        let json = sshDocument()
        let exposedByFlag = try TestSupport.model(json: json).0
        #expect(exposedByFlag.resources.map(\.internetExposed) == [true, false, false])
        let withEdge = TestSupport.document(
            resources: #"[{"id": "vm-x", "name": "vm-x", "kind": "ec2Instance", "cloud": "aws"}]"#,
            findings: "[]",
            edges: #"[{"type": "exposedTo", "from": "vm-x", "to": "internet"}]"#)
        #expect(try TestSupport.model(json: withEdge).0.resources.map(\.internetExposed) == [true])
    }

    @Test func anSSHKeyTrustedNowhereIsUnverifiedAndWithoutTarget() throws {
        let json = sshDocument().replacingOccurrences(
            of: "\"authorizedKeys\": [\"\(keyFingerprint)\"]", with: "\"authorizedKeys\": []")
        let (model, _) = try TestSupport.model(json: json)
        #expect(model.secrets[0].targets.isEmpty)
        #expect(model.secrets[0].verification == .unverified)
    }

    @Test func targetsComeFromCanAuthenticateToEdges() throws {
        let storage = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stor"
        let json = TestSupport.document(
            edges: """
                [{"type": "canAuthenticateTo", "from": "secret:hmac-sha256:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                  "to": "\(storage)", "source": "Defender for Cloud"}]
                """)
        let (model, diagnostics) = try TestSupport.model(json: json)
        #expect(diagnostics.isEmpty)
        #expect(model.secrets[0].targets == [storage])
        #expect(model.secrets[0].verification == .unknown)
    }

    @Test func aFindingOnAnUnknownResourceIsAnError() throws {
        let json = TestSupport.document(
            findings: """
                [{"resource": "/subscriptions/s1/vm-gone", "secretType": "aws-access-key",
                  "fingerprint": "hmac-sha256:00112233445566778899", "filePath": "/x"}]
                """)
        let (_, diagnostics) = try TestSupport.model(json: json, file: "data/findings.json")
        #expect(
            diagnostics.map(\.description) == [
                "error: data/findings.json at findings[0].resource: unknown resource \"/subscriptions/s1/vm-gone\"; "
                    + "expected the id of a resource in \"resources\"."
            ])
    }

    @Test func aDuplicateResourceIdIsAnErrorNamingTheFirst() throws {
        let json = TestSupport.document(
            resources: """
                [{"id": "r", "name": "one", "kind": "other", "cloud": "aws"},
                 {"id": "r", "name": "two", "kind": "other", "cloud": "aws"}]
                """, findings: "[]")
        let (model, diagnostics) = try TestSupport.model(json: json, file: "inv.json")
        #expect(
            diagnostics.map(\.description) == [
                "error: inv.json at resources[1].id: duplicate resource id \"r\"; it is already defined in inv.json at resources[0]."
            ])
        #expect(model.resources.map(\.name) == ["one"])
    }

    @Test func unknownSecretTypesAndDanglingEdgesAreWarnings() throws {
        let json = TestSupport.document(
            findings: """
                [{"resource": "\(vmA)", "secretType": "acme-license-key", "fingerprint": "hmac-sha256:00112233445566778899", "filePath": "/x"}]
                """,
            edges: """
                [{"type": "canAuthenticateTo", "from": "secret:hmac-sha256:00112233445566778899", "to": "vm-nowhere"}]
                """)
        let (model, diagnostics) = try TestSupport.model(json: json, file: "in.json")
        #expect(
            diagnostics.map(\.description) == [
                "warning: in.json at findings[0].secretType: unknown secret type \"acme-license-key\"; it is shown as "
                    + "a generic secret with generic remediation.",
                "warning: in.json at edges[0].to: edge to unknown node \"vm-nowhere\" is ignored; expected a resource "
                    + "id, secret:<fingerprint> of a finding, or internet.",
            ])
        #expect(model.catalog.secretType("acme-license-key").title == "Plaintext secret (acme-license-key)")
        #expect(model.catalog.secretType("acme-license-key").isKnown == false)
        #expect(model.secrets[0].targets.isEmpty)
    }

    @Test func theSameSecretReportedTwiceAtOnePlaceIsOneOccurrence() throws {
        let finding = """
            {"resource": "\(vmA)", "secretType": "aws-access-key", "fingerprint": "hmac-sha256:00112233445566778899",
             "filePath": "/home/u/.aws/credentials", "line": 2, "scanner": "%@"}
            """
        let json = TestSupport.document(
            findings: "[" + finding.replacingOccurrences(of: "%@", with: "gitleaks") + ","
                + finding.replacingOccurrences(of: "%@", with: "trufflehog") + "]")
        let (model, _) = try TestSupport.model(json: json)
        #expect(model.secrets.count == 1)
        #expect(model.secrets[0].occurrences.count == 1)
        #expect(model.secrets[0].occurrences[0].scanner == "gitleaks, trufflehog")
        // Whatever order the reports come in, the one occurrence is the same.
        let reversedJSON = TestSupport.document(
            findings: "[" + finding.replacingOccurrences(of: "%@", with: "trufflehog") + ","
                + finding.replacingOccurrences(of: "%@", with: "gitleaks") + "]")
        #expect(try TestSupport.model(json: reversedJSON).0.secrets == model.secrets)
    }

    @Test func reportsOfOneOccurrenceMergeEveryField() throws {
        let first = """
            {"resource": "\(vmA)", "secretType": "general-password", "fingerprint": "hmac-sha256:00112233445566778899",
             "filePath": "/etc/app.conf", "line": 3, "scanner": "trufflehog", "verification": "unverified",
             "firstSeen": "2026-09-01T00:00:00Z", "lastSeen": "2026-11-01T00:00:00Z", "lastAccess": "2026-10-01T00:00:00Z"}
            """
        let second = """
            {"resource": "\(vmA)", "secretType": "aws-access-key", "fingerprint": "hmac-sha256:00112233445566778899",
             "filePath": "/etc/app.conf", "line": 3, "scanner": "gitleaks", "verification": "verified",
             "firstSeen": "2026-10-01T00:00:00Z", "lastSeen": "2026-11-20T00:00:00Z", "expiry": "2027-01-01T00:00:00Z"}
            """
        for order in [[first, second], [second, first]] {
            let (model, _) = try TestSupport.model(
                json: TestSupport.document(findings: "[" + order.joined(separator: ",") + "]"))
            let occurrence = try #require(model.secrets.first?.occurrences.first)
            #expect(model.secrets[0].occurrences.count == 1)
            #expect(occurrence.scanner == "gitleaks, trufflehog")
            // Fields that cannot be combined come from the report whose scanner sorts first.
            #expect(occurrence.secretType == "aws-access-key")
            #expect(occurrence.verification == .verified)
            #expect(occurrence.firstSeen?.text == "2026-09-01T00:00:00Z")
            #expect(occurrence.lastSeen?.text == "2026-11-20T00:00:00Z")
            #expect(occurrence.lastAccess?.text == "2026-10-01T00:00:00Z")
            #expect(occurrence.expiry?.text == "2027-01-01T00:00:00Z")
        }
    }

    @Test func theModelDoesNotDependOnInputOrder() throws {
        let (model, _) = try TestSupport.model(json: sshDocument())
        let input = NativeImporter(file: "x").importJSON(Array(sshDocument().utf8))
        var shuffled = input
        shuffled.resources.reverse()
        shuffled.findings.reverse()
        let builder = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "Test report", sourceDateEpoch: nil)
        let again = builder.build(shuffled).model
        #expect(again.resources == model.resources)
        #expect(again.secrets == model.secrets)
    }

    @Test func sourceDateEpochIsTheReportTimeOnlyWithoutAScanTime() throws {
        let builder = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "T", sourceDateEpoch: 86_400)
        let withScan = builder.build(NativeImporter(file: "x").importJSON(Array(TestSupport.document().utf8)))
            .model
        #expect(withScan.scanTime?.display == "2026-11-20 06:00 UTC")
        let withoutScan = builder.build(ScanInput()).model
        #expect(withoutScan.scanTime?.display == "1970-01-02 00:00 UTC")
    }
}
