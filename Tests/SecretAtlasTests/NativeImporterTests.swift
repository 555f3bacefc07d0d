import Testing

@testable import SecretAtlas

struct NativeImporterTests {
    private func messages(_ json: String, file: String = "scan/findings.json") -> [String] {
        NativeImporter(file: file).importJSON(Array(json.utf8)).diagnostics.map(\.description)
    }

    @Test func readsAValidDocument() throws {
        let input = NativeImporter(file: "a.json").importJSON(Array(TestSupport.document().utf8))
        #expect(input.diagnostics.isEmpty)
        #expect(input.resources.map(\.name) == ["vm-a", "stor"])
        #expect(input.resources[0].internetExposed)
        #expect(input.findings.count == 1)
        #expect(input.findings[0].line == 4)
        #expect(input.findings[0].origin == RecordOrigin(file: "a.json", location: .path("findings[0]")))
        #expect(
            input.scans == [ScanRecord(time: Timestamp(rfc3339: "2026-11-20T06:00:00Z"), source: "unit test")]
        )
    }

    @Test func reportsMalformedJSONWithLineAndColumn() {
        #expect(
            messages("{\n  \"format\": \"secret-atlas/v1\",\n  \"findings\": [}\n}")
                == ["error: scan/findings.json:3:16: malformed JSON: expected a JSON value, found '}'."])
    }

    @Test func reportsWrongTypesMissingFieldsAndBadEnumsAllAtOnce() {
        let json = TestSupport.document(
            resources: """
                [{"id": "r1", "kind": "mainframe", "cloud": "azure", "internetExposed": "yes"}]
                """,
            findings: """
                [{"resource": "r1", "secretType": "aws-access-key", "fingerprint": "hmac-sha256:00112233445566778899",
                  "filePath": "/x", "line": "twelve", "lastAccess": "yesterday"}]
                """)
        #expect(
            messages(json) == [
                "error: scan/findings.json at resources[0].name: missing required member; expected a non-empty string.",
                "error: scan/findings.json at resources[0].kind: expected one of virtualMachine, ec2Instance, "
                    + "gcpVmInstance, storageAccount, sqlServer, sqlDatabase, postgresqlServer, mysqlServer, "
                    + "mariadbServer, cosmosDbAccount, rdsInstance, s3Bucket, gcsBucket, keyVault, armDeployment, "
                    + "cloudFormationStack, identity, iamUser, iamRole, kubernetesCluster, other, found \"mainframe\".",
                "error: scan/findings.json at resources[0].internetExposed: expected true or false, found a string.",
                "error: scan/findings.json at findings[0].line: expected an integer ≥ 1, found a string.",
                "error: scan/findings.json at findings[0].lastAccess: expected an RFC 3339 timestamp such as "
                    + "\"2026-11-20T06:00:00Z\".",
            ])
    }

    @Test func rejectsSecretValuesAtAnyDepthWithoutEchoingThem() {
        let json = TestSupport.document(
            findings: """
                [{"resource": "r", "secretType": "aws-access-key", "value": "AKIAEXAMPLEVALUE0001",
                  "fingerprint": "hmac-sha256:00112233445566778899aabb", "filePath": "/x",
                  "extra": {"nested": [{"snippet": "aws_secret=abc"}]}}]
                """)
        let found = messages(json)
        #expect(
            found.contains(
                "error: scan/findings.json at findings[0].value: native input never carries secret values; "
                    + "remove \"value\" and give the secret's fingerprint instead."))
        #expect(
            found.contains(
                "error: scan/findings.json at findings[0].extra.nested[0].snippet: native input never carries "
                    + "secret values; remove \"snippet\" and give the secret's fingerprint instead."))
        #expect(!found.joined().contains("AKIAEXAMPLEVALUE0001"))
        #expect(!found.joined().contains("aws_secret=abc"))
    }

    @Test func rejectsSecretLikeMemberNamesWhateverTheirCase() {
        let json = TestSupport.document(
            findings: """
                [{"resource": "r", "secretType": "aws-access-key", "Secret": "x", "privateKey": "y",
                  "fingerprint": "hmac-sha256:00112233445566778899aabb", "filePath": "/x"}]
                """)
        #expect(
            messages(json).map { $0.components(separatedBy: ":").prefix(2).joined(separator: ":") } == [
                "error: scan/findings.json at findings[0].Secret",
                "error: scan/findings.json at findings[0].privateKey",
            ])
    }

    @Test func neverRepeatsTextFromAFieldOfTheWrongType() {
        let json = TestSupport.document(
            findings: """
                [{"resource": "r", "secretType": "aws-access-key", "fingerprint": "hmac-sha256:00112233445566778899aabb",
                  "filePath": "/x", "line": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}]
                """)
        #expect(
            messages(json) == [
                "error: scan/findings.json at findings[0].line: expected an integer ≥ 1, found a string."
            ])
    }

    @Test func checksPublicKeyAndAuthorizedKeyFingerprints() {
        let json = TestSupport.document(
            resources: """
                [{"id": "vm", "name": "vm", "kind": "virtualMachine", "cloud": "azure",
                  "authorizedKeys": [7, "SHA256:uJ0rWm2Q5C0nV7yH3kQ1pX8sLq2Z4bT6cR9dE1fG3hI", "ssh-ed25519 AAAAC3Nz me@host"]}]
                """,
            findings: """
                [{"resource": "vm", "secretType": "ssh-private-key", "fingerprint": "SHA256:uJ0rWm2Q5C0nV7yH3kQ1pX8sLq2Z4bT6cR9dE1fG3hI",
                  "publicKeyFingerprint": "-----BEGIN OPENSSH PRIVATE KEY-----", "filePath": "/root/.ssh/id_ed25519"}]
                """)
        let shape =
            "expected a fingerprint such as \"hmac-sha256:<hex>\" or \"SHA256:<base64>\" (algorithm, colon, "
            + "at least 16 digest characters); the value is not shown."
        #expect(
            messages(json) == [
                "error: scan/findings.json at resources[0].authorizedKeys[0]: expected a non-empty string, found 7.",
                "error: scan/findings.json at resources[0].authorizedKeys[2]: " + shape,
                "error: scan/findings.json at findings[0].publicKeyFingerprint: " + shape,
            ])
    }

    @Test func aSecretNodeMustCarryAFingerprintNotAValue() {
        let json = TestSupport.document(
            edges: #"[{"type": "canAuthenticateTo", "from": "secret:AKIAIOSFODNN7EXAMPLE", "to": "x"}]"#,
            attackPaths:
                #"[{"id": "p", "name": "p", "riskLevel": "low", "entryPoint": "x", "target": "y", "steps": ["x", "secret:hunter2", "y"]}]"#
        )
        let found = messages(json)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.hasSuffix("the value is not shown.") })
        #expect(!found.joined().contains("AKIA") && !found.joined().contains("hunter2"))
    }

    @Test func rejectsAFingerprintThatLooksLikeARawValue() {
        let json = TestSupport.document(
            findings: """
                [{"resource": "r", "secretType": "github-pat", "fingerprint": "ghp_notAHashButAToken1234567890", "filePath": "/x"}]
                """)
        #expect(
            messages(json) == [
                "error: scan/findings.json at findings[0].fingerprint: expected a fingerprint such as "
                    + "\"hmac-sha256:<hex>\" or \"SHA256:<base64>\" (algorithm, colon, at least 16 digest "
                    + "characters); the value is not shown."
            ])
    }

    @Test func requiresTheFormatVersion() {
        #expect(
            messages(#"{"format": "secret-atlas/v2"}"#)
                == [
                    "error: scan/findings.json at format: expected \"secret-atlas/v1\", found \"secret-atlas/v2\"."
                ])
        #expect(
            messages("[]") == [
                "error: scan/findings.json at $: expected an object with \"format\": \"secret-atlas/v1\", found an array."
            ])
    }

    @Test func warnsAboutUnknownMembers() {
        let json = TestSupport.document(
            resources: """
                [{"id": "r1", "name": "r1", "kind": "other", "cloud": "gcp", "colour": "blue"}]
                """, findings: "[]")
        #expect(
            messages(json) == [
                "warning: scan/findings.json at resources[0].colour: unknown member is ignored."
            ])
    }

    @Test func readsJSONLinesAndPlacesProblemsByLine() {
        let lines: [(Int, [UInt8])] = [
            #"{"resource": {"id": "r1", "name": "r1", "kind": "ec2Instance", "cloud": "aws"}}"#,
            "",
            #"{"finding": {"resource": "r1", "secretType": "aws-access-key", "fingerprint": "hmac-sha256:0011223344556677", "filePath": "/x", "line": 0}}"#,
            #"{"finding": {"resource": "r1""#,
            #"{"alert": {}}"#,
            #"{"edge": {"type": "canAuthenticateTo", "from": "secret:hmac-sha256:0011223344556677", "to": "r1"}}"#,
            #"{"format": "secret-atlas/v1"}"#,
            #"{"format": "secret-atlas/v0"}"#,
        ].enumerated().map { ($0.offset + 1, Array($0.element.utf8)) }
        let input = NativeImporter(file: "big.jsonl").importJSONLines(lines)
        #expect(input.resources.count == 1)
        #expect(input.edges.count == 1)
        #expect(input.edges.first?.from == .secret(fingerprint: "hmac-sha256:0011223344556677"))
        #expect(
            input.diagnostics.map(\.description) == [
                "error: big.jsonl:3 at finding.line: expected an integer ≥ 1, found 0.",
                "error: big.jsonl:4:30: malformed JSON: expected ',' or '}', found the end of the file.",
                "error: big.jsonl:5: unknown record \"alert\"; expected resource, finding, edge, attackPath, scan or format.",
                "error: big.jsonl:8 at format: expected \"secret-atlas/v1\", found \"secret-atlas/v0\".",
            ])
    }
}
