import Foundation
import Testing

@testable import SecretAtlas

/// Real outputs of detect-secrets, checkov and truffleHog 2 over the fake fleet that
/// `Tests/Fixtures/make-scanner-fixtures.sh` builds, and gitleaks' own report fixtures: exact
/// findings, and no planted value in the built site.
struct ScannerFixtureTests {
    typealias Row = ScannerTestSupport.Row

    @Test func detectSecretsBaseline() throws {
        let (input, _) = ScannerTestSupport.load([ScannerTestSupport.scanners("detect-secrets.json")])
        #expect(input.diagnostics.filter { $0.severity == .error }.isEmpty, "\(input.diagnostics)")
        #expect(
            ScannerTestSupport.rows(input.findings) == [
                Row("general-password", "vm-db-01", "/etc/app/config.ini", 2),
                Row("private-key", "vm-web-01", "/home/deploy/.ssh/id_rsa", 1),
                Row("aws-access-key", "vm-web-01", "/srv/app/.env", 2),
                Row("github-pat", "vm-web-01", "/srv/app/.env", 4),
                Row("stripe-key", "vm-web-01", "/srv/app/.env", 5),
                Row("general-password", "vm-web-01", "/srv/app/.env", 6),
            ])
        #expect(input.findings.allSatisfy { $0.scanner == "detect-secrets" })
    }

    @Test func checkovSecretsJSON() throws {
        let (input, _) = ScannerTestSupport.load([ScannerTestSupport.scanners("checkov.json")])
        #expect(input.diagnostics.filter { $0.severity == .error }.isEmpty, "\(input.diagnostics)")
        #expect(
            ScannerTestSupport.rows(input.findings) == [
                Row("private-key", "vm-web-01", "/home/deploy/.ssh/id_rsa", 1),
                Row("aws-access-key", "vm-web-01", "/srv/app/.env", 2),
                Row("stripe-key", "vm-web-01", "/srv/app/.env", 5),
                Row("general-password", "vm-web-01", "/srv/app/.env", 6),
            ])
    }

    @Test func truffleHog2LegacyJSON() throws {
        let (input, _) = ScannerTestSupport.load([ScannerTestSupport.scanners("trufflehog2.jsonl")])
        #expect(input.diagnostics.filter { $0.severity == .error }.isEmpty, "\(input.diagnostics)")
        #expect(
            ScannerTestSupport.rows(input.findings) == [
                Row("private-key", "vm-web-01", "/home/deploy/.ssh/id_rsa", nil),
                Row("aws-access-key", "vm-web-01", "/srv/app/.env", nil),
                Row("azure-postgresql-connection-string", "vm-web-01", "/srv/app/.env", nil),
            ])
        let connection = input.findings.first { $0.secretType == "azure-postgresql-connection-string" }
        #expect(connection?.targetHosts == ["pg-fleet-prod.postgres.database.azure.com"])
        #expect(input.findings.allSatisfy { $0.commit?.count == 40 })
    }

    @Test func theFleetTreeGivesSSHTrust() throws {
        let (input, _) = ScannerTestSupport.load([ScannerTestSupport.scanners("fleet")])
        let keyFile = ScannerTestSupport.scanners("fleet/vm-web-01/home/deploy/.ssh/id_rsa.pub")
        let expected = try #require(
            ScannerTestSupport.run("/usr/bin/ssh-keygen", ["-l", "-f", keyFile])?.split(separator: " ")
                .dropFirst().first.map(String.init))
        let database = try #require(input.resources.first { $0.id == "vm-db-01" })
        #expect(database.authorizedKeys == [expected])
        #expect(database.cloud == .unknown)
    }

    /// All three scanners and the tree together: one secret per value, the private key found three
    /// times is one SSH key with its public half's fingerprint, and no planted value in the site.
    @Test func allScannersTogetherDeduplicateAndLeakNothing() throws {
        let (input, loader) = ScannerTestSupport.load(
            ["detect-secrets.json", "checkov.json", "trufflehog2.jsonl", "fleet"].map(
                ScannerTestSupport.scanners))
        let keys = input.findings.filter { $0.filePath == "/home/deploy/.ssh/id_rsa" }
        #expect(keys.count == 3)
        #expect(Set(keys.map(\.fingerprint)).count == 1)
        #expect(keys.allSatisfy { $0.secretType == "ssh-private-key" && $0.publicKeyFingerprint != nil })
        // truffleHog 2 gives no line; the others place the same key on line 1: one occurrence.
        #expect(keys.allSatisfy { $0.line == 1 })
        let awsKeys = input.findings.filter { $0.secretType == "aws-access-key" }
        #expect(awsKeys.count == 3 && Set(awsKeys.map(\.fingerprint)).count == 1)
        #expect(awsKeys.allSatisfy { $0.line == 2 })
        #expect(
            input.diagnostics.map(\.message).contains {
                $0.hasPrefix(
                    "2 resource(s) known only from scanner findings were added with no inventory data: vm-db-01, vm-web-01."
                )
            })
        let site = try ScannerTestSupport.buildSite(input, sensitiveValues: loader.sensitiveValues)
        #expect(ScannerTestSupport.leaks(of: try ScannerTestSupport.planted(), in: site).isEmpty)
        let secrets = site.keys.filter { $0.hasPrefix("secrets/") && !$0.hasSuffix("index.html") }
        #expect(secrets.contains { $0.hasPrefix("secrets/ssh-private-key-") })
    }

    @Test func gitleaksReports() throws {
        guard let folder = ScannerTestSupport.sharedGitleaks else { return }
        for name in ["json_simple.json", "csv_simple.csv", "sarif_simple.sarif"] {
            let (input, loader) = ScannerTestSupport.load(["\(folder)/\(name)@app-server"])
            #expect(
                input.diagnostics.filter { $0.severity == .error }.isEmpty, "\(name): \(input.diagnostics)")
            #expect(
                ScannerTestSupport.rows(input.findings) == [Row("test-rule", "app-server", "auth.py", 1)],
                "\(name)")
            #expect(input.findings.first?.commit == "0000000000000000", "\(name)")
            #expect(input.findings.first?.scanner == "gitleaks", "\(name)")
            // The value, "a secret", is too plain to search for whole (page text says "a secret" too);
            // the build passes the leak check.
            let site = try ScannerTestSupport.buildSite(input, sensitiveValues: loader.sensitiveValues)
            #expect(site.keys.contains { $0.hasPrefix("secrets/test-rule-") }, "\(name)")
        }
        // The same value in three reports at one place is one occurrence of one secret.
        let (all, _) = ScannerTestSupport.load(
            ["json_simple.json", "csv_simple.csv", "sarif_simple.sarif"].map { "\(folder)/\($0)@app-server" })
        #expect(Set(all.findings.map(\.fingerprint)).count == 1)

        let (baseline, _) = ScannerTestSupport.load(["\(folder)/baseline.json@gitleaks-repo"])
        #expect(
            ScannerTestSupport.rows(baseline.findings) == [
                Row("pypi-upload-token", "gitleaks-repo", "detect/detect_test.go", 32),
                Row("pypi-upload-token", "gitleaks-repo", "detect/detect_test.go", 33),
            ])
        // Redacted values are no values: two places, two secrets, not one "****" secret.
        #expect(Set(baseline.findings.map(\.fingerprint)).count == 2)

        let (empty, _) = ScannerTestSupport.load(["\(folder)/empty.json"])
        #expect(empty.findings.isEmpty && empty.diagnostics.isEmpty)
    }
}
