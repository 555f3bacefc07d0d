import Testing

@testable import SecretAtlas

struct LogAnalyticsAttackPathFormatTests {
    private typealias Format = LogAnalyticsAttackPathFormat
    private let vmWeb = CloudFixtures.azureID("rg-web", "Microsoft.Compute/virtualMachines", "vm-web-01")
    private let vmJump = CloudFixtures.azureID("rg-batch", "Microsoft.Compute/virtualMachines", "vm-jump-03")
    private let sqlServer = CloudFixtures.azureID("rg-data", "Microsoft.Sql/servers", "contoso-sql-prod")
    private let secret = GraphNode.secret(
        fingerprint: CloudIDs.fingerprint(ofIdentifier: "52411-sql-0b4f7a3e-appsettings"))

    private func read(_ fixture: String) throws -> ScanInput {
        Format.read(try CloudFixtures.document("defender/" + fixture), context: ImportContext(file: fixture))
    }

    @Test func keepsTheLatestExportOfEachPathWithItsGraphFromTheDynamicPathColumn() throws {
        let input = try read("la-attackpaths.json")
        #expect(input.diagnostics.isEmpty)
        #expect(
            input.attackPaths.map(\.id) == [
                "6a3f0c2e-8d41-4b7a-9e15-3c2d1b0a9f8e", "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091",
            ])
        #expect(
            input.scans.map(\.time?.secondsSince1970) == [
                Timestamp(rfc3339: "2026-11-20T06:00:09Z")?.secondsSince1970
            ])
        let path = input.attackPaths[0]
        // Two exports of the path: the later one (Critical) wins.
        #expect(path.riskLevel == .critical)
        #expect(path.origin == RecordOrigin(file: "la-attackpaths.json", location: .path("[1]")))
        #expect(path.entryPoint == .resource(vmWeb) && path.target == .resource(sqlServer))
        #expect(path.steps == [.resource(vmWeb), secret, .resource(sqlServer)])
        #expect(path.riskFactors == ["Internet exposure", "Lateral movement"])
        #expect(
            path.attackStory == [
                "Attacker can reach vm-web-01 from the internet.",
                "Attacker can read the connection string on vm-web-01.",
                "Attacker can sign in to contoso-sql-prod.",
            ])
        #expect(path.mitre == ["Initial Access, Credential Access, Lateral Movement"])
        #expect(
            path.potentialImpact
                == "An attacker who controls the VM can read and change the data in the SQL server.")
        #expect(path.source == "Defender for Cloud (Log Analytics SecurityAttackPathData)")
        #expect(
            input.edges.map { "\($0.kind.rawValue) \($0.from.reference) → \($0.to.reference)" } == [
                "contains \(vmWeb) → \(secret.reference)",
                "canAuthenticateTo \(secret.reference) → \(sqlServer)",
            ])
    }

    @Test func readsAPathGivenOnlyByResourceIDs() throws {
        let path = try read("la-attackpaths.json").attackPaths[1]
        #expect(path.riskLevel == .medium)
        #expect(path.steps == [.resource(vmWeb), .resource(vmJump)])
        #expect(path.description == nil && path.attackStory.isEmpty && path.mitre.isEmpty)
        #expect(path.riskFactors == ["Internet exposure"])
    }

    @Test func readsTheQueryAPITablesShapeLikeTheCLIRows() throws {
        let api = try read("la-attackpaths-api.json")
        let cli = try read("la-attackpaths.json")
        #expect(api.diagnostics.isEmpty)
        #expect(api.attackPaths.count == 1)
        #expect(api.attackPaths[0].steps == cli.attackPaths[0].steps)
        #expect(api.attackPaths[0].attackStory == cli.attackPaths[0].attackStory)
        #expect(
            api.attackPaths[0].origin
                == RecordOrigin(file: "la-attackpaths-api.json", location: .path("tables[0].rows[0]")))
    }

    @Test func recognisesOnlySecurityAttackPathDataRows() throws {
        #expect(Format.recognizes(try CloudFixtures.document("defender/la-attackpaths.json")))
        #expect(Format.recognizes(try CloudFixtures.document("defender/la-attackpaths-api.json")))
        for other in [
            "defender/arg-attackpaths.json", "defender/arg-secrets.json", "aws/describe-instances.json",
            "gcp/instances.json",
        ] {
            #expect(!Format.recognizes(try CloudFixtures.document(other)), "claimed \(other)")
        }
        #expect(!Format.recognizes(try CloudFixtures.parse(#"[{"RuleID": "x", "File": "a"}]"#)))
        #expect(!Format.recognizes(try CloudFixtures.parse(#"[]"#)))
        #expect(
            !AzureResourceGraphFormat.recognizes(try CloudFixtures.document("defender/la-attackpaths.json")))
    }

    @Test func namesTheRowAndColumnOfBadContent() throws {
        let document = try CloudFixtures.parse(
            """
            [{"AttackPathId": "p1", "RiskLevel": "Severe", "DisplayName": "x", "EntrypointId": "/subscriptions/s/a",
              "TargetId": "/subscriptions/s/b", "Path": "{not json", "RiskFactors": 5, "AttackStory": "[Attacker] reads a key"},
             {"AttackPathId": "p2", "RiskLevel": "High", "TargetId": "t"},
             3]
            """)
        let input = Format.read(document, context: ImportContext(file: "la.json"))
        // p1's RiskFactors are wrong: a record with an error is not kept.
        #expect(input.attackPaths.isEmpty)
        #expect(
            CloudFixtures.messages(input) == [
                "error: la.json at [2]: expected a SecurityAttackPathData row object, found 3.",
                "error: la.json at [0].Path: expected JSON text in this dynamic column; at its line 1, column 2: "
                    + "expected a member name in double quotes, found 'n'.",
                "warning: la.json at [0].RiskLevel: expected Critical, High, Medium or Low, found \"Severe\"; shown as Medium.",
                "error: la.json at [0].RiskFactors: expected an array of strings, found 5.",
                "error: la.json at [1].DisplayName: missing required member; expected the attack path's display name.",
            ])
    }

    @Test func readsMitreGivenAsJSONTextAndKeepsStoryTextThatOnlyLooksLikeJSON() throws {
        let document = try CloudFixtures.parse(
            """
            [{"AttackPathId": "p", "RiskLevel": "Low", "DisplayName": "x", "EntrypointId": "internet",
              "TargetId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
              "Mitre": "[\\"Initial Access\\", \\"Credential Access\\"]", "AttackStory": "[Attacker] reads a key"}]
            """)
        let input = Format.read(document, context: ImportContext(file: "la.json"))
        #expect(CloudFixtures.messages(input).isEmpty)
        let path = try #require(input.attackPaths.first)
        #expect(path.mitre == ["Initial Access", "Credential Access"])
        #expect(path.attackStory == ["[Attacker] reads a key"])
        #expect(path.entryPoint == .internet)
        #expect(input.resources.map(\.kind) == [.keyVault])
        #expect(input.resources.map(\.name) == ["kv"])
    }
}
