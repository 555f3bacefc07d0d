import Foundation
import Testing

@testable import SecretAtlas

/// Resource patterns, host names from raw values, the type tables and our fingerprints.
struct ImporterUnitTests {
    @Test func resourcePatterns() throws {
        let tree = try #require(ResourcePattern("{resource}/**"))
        #expect(tree.match("vm-web-01/srv/app/.env")! == ("vm-web-01", "/srv/app/.env"))
        // checkov's paths start with /.
        #expect(tree.match("/vm-web-01/srv/app/.env")! == ("vm-web-01", "/srv/app/.env"))
        #expect(tree.match("auth.py") == nil)
        let snapshots = try #require(ResourcePattern("/mnt/snapshots/{resource}/**"))
        #expect(snapshots.match("/mnt/snapshots/db-1/etc/pgpass")! == ("db-1", "/etc/pgpass"))
        #expect(snapshots.match("/mnt/other/db-1/etc/pgpass") == nil)
        let nested = try #require(ResourcePattern("scans/*/{resource}/**"))
        #expect(nested.match("scans/2026-11-01/web-2/a/b")! == ("web-2", "/a/b"))
        #expect(ResourcePattern("/mnt/**") == nil)
        #expect(FindingPlacement.normalize("file://./vm%201/a\\b") == "vm 1/a/b")
    }

    @Test func targetHostsFromConnectionStringsAndURLs() {
        let cases: [(String, [String])] = [
            (
                "DefaultEndpointsProtocol=https;AccountName=StFleet;AccountKey=abc==;EndpointSuffix=core.windows.net",
                ["stfleet", "stfleet.blob.core.windows.net"]
            ),
            (
                "Server=tcp:Sql-Prod.database.windows.net,1433;Initial Catalog=app;User ID=a;Password=b;",
                ["sql-prod.database.windows.net"]
            ),
            (
                "jdbc:postgresql://pg1.postgres.database.azure.com:5432/app?user=a&password=b",
                ["pg1.postgres.database.azure.com"]
            ),
            ("jdbc:sqlserver://db.example.com:1433;databaseName=x;password=y", ["db.example.com"]),
            ("Driver={ODBC Driver 18};Server=odbc-host.example.net;Uid=a;Pwd=b;", ["odbc-host.example.net"]),
            (
                "postgres://u:p@orders.abc.eu-west-1.rds.amazonaws.com/orders",
                ["orders.abc.eu-west-1.rds.amazonaws.com"]
            ),
            ("pgbox.internal:5432:app:appuser:s3cret", ["pgbox.internal"]),
            (
                "https://stdata.blob.core.windows.net/c/f.txt?sv=2022-11-02&sig=abc%3D",
                ["stdata.blob.core.windows.net"]
            ),
            (
                "AccountEndpoint=https://cosmo.documents.azure.com:443/;AccountKey=k==;",
                ["cosmo.documents.azure.com"]
            ),
            (#"{"accountName":"stlogs","accountKey":"k=="}"#, ["stlogs"]),
            ("ghp_abcdefghijklmnopqrstuvwxyz0123456789", []),
        ]
        for (value, hosts) in cases {
            #expect(TargetHosts.parse([value]) == hosts, "\(value)")
        }
    }

    @Test func everyMappedTypeHasRemediation() throws {
        let catalog = try TestSupport.catalog()
        let tables = [
            SecretTypes.gitleaks, SecretTypes.truffleHog, SecretTypes.truffleHogLegacy,
            SecretTypes.detectSecrets,
            SecretTypes.checkov,
        ]
        for type in Set(tables.flatMap(\.values) + SecretTypes.keywords.map(\.type)) {
            #expect(catalog.secretTypes[type] != nil, "\(type) has no Templates/remediation/\(type).md")
        }
        #expect(SecretTypes.type(for: "sidekiq-secret", in: SecretTypes.gitleaks) == "sidekiq-secret")
        #expect(SecretTypes.typeByKeywords(rule: "kingfisher.slack.2", description: nil) == "slack-token")
        #expect(SecretTypes.typeByKeywords(rule: "x.1", description: "Thing") == "x.1")
        #expect(
            SecretTypes.refine(
                "general-password", rawValues: ["postgres://a:b@h"], hosts: ["h.mysql.database.azure.com"])
                == "azure-mysql-connection-string")
        #expect(
            SecretTypes.refine("github-pat", rawValues: [], hosts: ["x.rds.amazonaws.com"]) == "github-pat")
    }

    /// An unknown rule keeps its name and the model warns once, showing it as a generic secret.
    @Test func anUnknownRuleIsAGenericSecretWithAWarning() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("g.json")
        try Data(
            #"[{"RuleID": "sidekiq-secret", "File": "vm-1/app/.env", "StartLine": 2, "Secret": "Zq8Lm3vTr7wPx2Nb5Kd"}]"#
                .utf8
        )
        .write(to: file)
        let input = InputLoader().load([file.path])
        let (model, diagnostics) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "t", sourceDateEpoch: 0
        )
        .build(input)
        #expect(model.secrets.map(\.type) == ["sidekiq-secret"])
        #expect(diagnostics.contains { $0.message.hasPrefix("unknown secret type \"sidekiq-secret\"") })
    }

    @Test func fingerprintsAreKeyedAndMeetAcrossScanners() {
        let ours = SecretFingerprinter()
        let other = SecretFingerprinter(key: Array("another key of at least sixteen bytes".utf8))
        let value = "AKIAQWERTYUIOPASDFGH"
        // detect-secrets and checkov give SHA-1 of the value: the same fingerprint as the value itself.
        #expect(
            ours.fingerprint(rawValue: value) == ours.fingerprint(sha1Hex: SecretFingerprinter.sha1Hex(value))
        )
        #expect(ours.fingerprint(rawValue: value) != other.fingerprint(rawValue: value))
        #expect(!ours.fingerprint(rawValue: value).contains(SecretFingerprinter.sha1Hex(value)))
        #expect(RecordReader.isFingerprint(ours.fingerprint(rawValue: value)))
        #expect(RecordReader.isFingerprint(ours.fingerprint(place: "a")))
    }

    /// Same value at two places: one secret, two occurrences; the same place twice: one occurrence.
    @Test func oneSecretManyPlaces() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gitleaks = folder.appendingPathComponent("g.json")
        try Data(
            #"""
            [{"RuleID": "github-pat", "File": "vm-1/a/.env", "StartLine": 2, "Secret": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"},
             {"RuleID": "github-pat", "File": "vm-2/b/.env", "StartLine": 9, "Secret": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"}]
            """#.utf8
        ).write(to: gitleaks)
        let sha1 = SecretFingerprinter.sha1Hex("ghp_abcdefghijklmnopqrstuvwxyz0123456789")
        let baseline = folder.appendingPathComponent("b.json")
        try Data(
            #"{"version":"1.5.0","plugins_used":[],"results":{"vm-1/a/.env":[{"type":"GitHub Token","filename":"vm-1/a/.env","hashed_secret":"\#(sha1)","is_verified":false,"line_number":2}]}}"#
                .utf8
        ).write(to: baseline)
        let input = InputLoader().load([gitleaks.path, baseline.path])
        let (model, _) = SiteModelBuilder(catalog: try TestSupport.catalog(), title: "t", sourceDateEpoch: 0)
            .build(input)
        #expect(model.secrets.count == 1)
        #expect(model.secrets.first?.occurrences.count == 2)
        #expect(model.secrets.first?.occurrences.first?.scanner == "detect-secrets, gitleaks")
    }
}
