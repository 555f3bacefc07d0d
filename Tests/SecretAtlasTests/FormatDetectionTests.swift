import Foundation
import Testing

@testable import SecretAtlas

/// Formats recognised from content, `FORMAT:PATH@RESOURCE`, and the errors for unknown formats and
/// bad content.
struct FormatDetectionTests {
    private func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func argumentsParseFormatPathAndResource() {
        let forced = InputArgument("sarif:out/r.sarif@vm-1")
        #expect(forced.format == "sarif" && forced.path == "out/r.sarif" && forced.resource == "vm-1")
        let plain = InputArgument("r.json")
        #expect(plain.format == nil && plain.path == "r.json" && plain.resource == nil)
        let keys = InputArgument("keys/authorized_keys@db")
        #expect(keys.format == nil && keys.path == "keys/authorized_keys" && keys.resource == "db")
        #expect(InputArgument("C:/x.json").format == nil)
    }

    @Test func aFileInNoKnownFormatNamesTheFormatsTried() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try write(#"{"hello": "world"}"#, "odd.json", in: folder)
        let input = InputLoader().load([file])
        #expect(
            input.diagnostics.map(\.description) == [
                "error: \(file) at $: JSON in no known format; expected one of "
                    + InputFormats.names.joined(separator: ", ")
                    + ". Force one with FORMAT:PATH (see secret-atlas formats)."
            ])
        // In a folder such a file is skipped with a warning: a scanned tree holds other JSON.
        let fromFolder = InputLoader().load([folder.path])
        #expect(fromFolder.diagnostics.map(\.severity) == [.warning])
        #expect(
            InputLoader().load(["nonsense:\(file)"]).diagnostics.first?.message.hasPrefix(
                "unknown format \"nonsense\"") == true)
    }

    @Test func aForcedFormatReportsBadContentWithItsPath() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try write(#"[{"RuleID": "aws-access-token", "StartLine": 3}, 7]"#, "g.json", in: folder)
        let input = InputLoader().load(["gitleaks:\(file)@vm"])
        #expect(
            input.diagnostics.map(\.description) == [
                "error: \(file) at [0].File: expected the path of the file (a string).",
                "error: \(file) at [1]: expected a gitleaks finding object.",
            ])
        let sarif = try write(
            #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r", "locations": []}]}]}"#,
            "s.sarif", in: folder)
        #expect(
            InputLoader().load([sarif]).diagnostics.map(\.description) == [
                "error: \(sarif) at runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri: "
                    + "expected the URI of the file the secret is in."
            ])
    }

    @Test func truffleHogV3LinesFromFilesystemAndGit() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Shapes of TruffleHog v3's --json output (docs/importers.md), values made up.
        let lines = [
            #"{"level":"info-0","msg":"running source"}"#,
            #"{"SourceMetadata":{"Data":{"Filesystem":{"file":"web-1/etc/app.conf","line":4}}},"SourceID":1,"SourceType":15,"SourceName":"trufflehog - filesystem","DetectorType":2,"DetectorName":"AWS","DecoderName":"PLAIN","Verified":true,"Raw":"AKIAQWERTYUIOPASDFGH","RawV2":"AKIAQWERTYUIOPASDFGH:zxcvbnmasdfghjklqwertyuiop1234567890ABCD","Redacted":"AKIAQWERTYUIOPASDFGH","ExtraData":{"account":"123456789012"},"StructuredData":null}"#,
            #"{"SourceMetadata":{"Data":{"Git":{"commit":"fbc14303ffbf8fb1c2c1914e8dda7d0121633aca","file":"config/db.txt","email":"a <a@example.invalid>","repository":"https://github.com/example/infra.git","timestamp":"2022-06-16 10:17:40 -0700 PDT","line":2}}},"SourceType":16,"SourceName":"trufflehog - git","DetectorType":968,"DetectorName":"Postgres","DecoderName":"PLAIN","Verified":false,"VerificationError":"timeout","Raw":"postgresql://admin:Pq9xLm2vTr7w@orders.abc123xyz.eu-west-1.rds.amazonaws.com:5432/orders","Redacted":""}"#,
        ]
        let file = try write(lines.joined(separator: "\n") + "\n", "th.json", in: folder)
        let (input, loader) = ScannerTestSupport.load([file])
        #expect(input.diagnostics.filter { $0.severity == .error }.isEmpty, "\(input.diagnostics)")
        #expect(
            ScannerTestSupport.rows(input.findings) == [
                .init("aws-access-key", "web-1", "/etc/app.conf", 4),
                .init("aws-rds-connection-string", "infra", "config/db.txt", 2),
            ])
        let aws = try #require(input.findings.first { $0.secretType == "aws-access-key" })
        #expect(aws.verification == .verified && aws.commit == nil)
        let rds = try #require(input.findings.first { $0.resource == "infra" })
        #expect(rds.verification == .unknown)
        #expect(rds.repository == "https://github.com/example/infra.git")
        #expect(rds.commit == "fbc14303ffbf8fb1c2c1914e8dda7d0121633aca")
        #expect(rds.targetHosts == ["orders.abc123xyz.eu-west-1.rds.amazonaws.com"])
        let (model, _) = SiteModelBuilder(catalog: try TestSupport.catalog(), title: "t", sourceDateEpoch: 0)
            .build(input)
        let occurrence = model.secrets.flatMap(\.occurrences).first { $0.resourceID == "infra" }
        #expect(occurrence?.commit == "fbc14303ffbf8fb1c2c1914e8dda7d0121633aca")
        let site = try ScannerTestSupport.buildSite(input, sensitiveValues: loader.sensitiveValues)
        #expect(
            ScannerTestSupport.leaks(
                of: ["zxcvbnmasdfghjklqwertyuiop1234567890ABCD", "postgresql://admin:Pq9xLm2vTr7w@"], in: site
            ).isEmpty)
    }

    @Test func genericSARIFWithRuleIndexBaseURIAndKeywordTypes() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sarif = """
            {"version": "2.1.0", "runs": [{
              "tool": {"driver": {"name": "kingfisher", "rules": [
                {"id": "kingfisher.github.1", "shortDescription": {"text": "GitHub Personal Access Token"}},
                {"id": "kingfisher.custom.9", "shortDescription": {"text": "Internal thing"}}]}},
              "originalUriBaseIds": {"ROOT": {"uri": "file:///mnt/snap/"}},
              "results": [
                {"ruleIndex": 0, "message": {"text": "found ghp_abcdefghijklmnopqrstuvwxyz0123456789"},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": "db-2/home/u/.bashrc", "uriBaseId": "ROOT"},
                   "region": {"startLine": 7, "snippet": {"text": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"}}}}]},
                {"ruleId": "kingfisher.custom.9", "ruleIndex": 1, "suppressions": [{"kind": "inSource"}],
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": "db-2/x"}}}]},
                {"rule": {"id": "kingfisher.custom.9"}, "message": {"text": "m"},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": "./db-2/opt/a%20b.txt"}, "region": {"startLine": 1}}}]}
              ]}]}
            """
        let file = try write(sarif, "k.sarif", in: folder)
        let (input, _) = ScannerTestSupport.load(
            [file], patterns: ["/mnt/snap/{resource}/**", "{resource}/**"])
        #expect(input.diagnostics.filter { $0.severity == .error }.isEmpty, "\(input.diagnostics)")
        #expect(
            ScannerTestSupport.rows(input.findings) == [
                .init("github-pat", "db-2", "/home/u/.bashrc", 7),
                .init("kingfisher.custom.9", "db-2", "/opt/a b.txt", 1),
            ])
    }

    @Test func aPathNoPatternMatchesIsAnErrorNamingThePatterns() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try write(
            #"{"version":"1.5.0","plugins_used":[],"results":{"settings.py":[{"type":"Secret Keyword","filename":"settings.py","hashed_secret":"da39a3ee5e6b4b0d3255bfef95601890afd80709","is_verified":false,"line_number":3}]}}"#,
            "baseline.json", in: folder)
        let input = InputLoader().load([file])
        #expect(
            input.diagnostics.map(\.description) == [
                "error: \(file) at results[\"settings.py\"][0]: cannot tell which resource \"settings.py\" is on: "
                    + "it matches no --resource-pattern ('{resource}/**'); give a pattern with {resource}, "
                    + "or name the file as PATH@RESOURCE."
            ])
        let named = InputLoader().load([file + "@app-1"])
        #expect(
            ScannerTestSupport.rows(named.findings) == [.init("general-password", "app-1", "settings.py", 3)])
    }

    @Test func gitleaksCSVWithQuotedFieldsAndABadRow() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = """
            RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine,EndLine,StartColumn,EndColumn,Author,Message,Date,Email,Fingerprint,Tags
            stripe-access-token,,vm-3/app/settings.py,,sk_live_q8Wm2Zx7Lp4Rt6Yn,"key = ""sk_live_q8Wm2Zx7Lp4Rt6Yn"", x",12,12,7,30,,"multi
            line message",,,fp,
            private-key,,vm-3/a,,x,y,notanumber,1,1,1,,,,,fp,
            """
        let file = try write(csv, "report.csv", in: folder)
        let input = InputLoader().load([file])
        #expect(
            ScannerTestSupport.rows(input.findings) == [.init("stripe-key", "vm-3", "/app/settings.py", 12)])
        #expect(
            input.diagnostics.map(\.description).contains(
                "error: \(file):4: expected StartLine to be a whole number."))
    }

    @Test func authorizedKeysFileNamedForAResource() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen") else { return }
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("k").path
        _ = try #require(
            ScannerTestSupport.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]))
        let line = try String(contentsOfFile: key + ".pub", encoding: .utf8)
        let file = try write(
            "# admins\n\n" + "from=\"10.0.0.0/8\" " + line + "garbage line\n", "authorized_keys", in: folder)
        let inventory = try write(
            #"{"format":"secret-atlas/v1","resources":[{"id":"/subscriptions/s/vm/db-9","name":"db-9","kind":"virtualMachine","cloud":"azure"}]}"#,
            "inventory.json", in: folder.appendingPathComponent("inv"))
        let input = InputLoader().load([inventory, file + "@db-9"])
        let expected = try #require(SSHKeyFingerprint.fromPublicKeyLine(Substring(line)))
        #expect(input.resources.map(\.authorizedKeys) == [[expected]])
        #expect(
            input.diagnostics.map(\.description) == [
                "error: \(file):4: expected an OpenSSH public key: [options] type base64 [comment], such as ssh-ed25519 AAAA…."
            ])
    }
}
