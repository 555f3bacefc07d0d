import Foundation
import Testing

/// Runs the built `secret-atlas` binary as a user would: exit codes, stderr text, and what is left on disk.
@Suite(.serialized)
struct CLITests: CLISuite {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle (SwiftPM puts products and tests in one folder).
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("secret-atlas")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/secret-atlas")
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @Test func buildsTheSampleWithNoArguments() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("site-sample"),
            to: folder.appendingPathComponent("site-sample"))
        let result = try run(["build"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/index.html").path))
        #expect(result.stdout.contains("Open file://"))
        #expect(result.stderr.contains("warning: site-sample/input/findings.json at findings[52].secretType"))
    }

    private func tree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            let url = root.appendingPathComponent(relative)
            // The marker records the build's file times, so it differs between builds; it is not content.
            if relative != ".secret-atlas",
                (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            {
                files[relative] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func buildsAreByteIdenticalAcrossProcessesFoldersAndInputOrder() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = Self.packageRoot.appendingPathComponent("site-sample/input")
        let first = try run(["build", sample.path, "-o", folder.appendingPathComponent("a/site").path])
        #expect(first.status == 0, "\(first.stderr)")
        // Another process (another hash seed), another folder, the files named in another order.
        let copy = folder.appendingPathComponent("elsewhere/scan")
        try FileManager.default.createDirectory(
            at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sample, to: copy)
        let second = try run(
            ["build", "scan/graph.json", "scan/inventory.json", "scan/findings.json", "-o", "out/site"],
            in: copy.deletingLastPathComponent())
        #expect(second.status == 0, "\(second.stderr)")
        let a = try tree(folder.appendingPathComponent("a/site"))
        let b = try tree(copy.deletingLastPathComponent().appendingPathComponent("out/site"))
        #expect(a.count > 50)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.filter { b[$0.key] != $0.value }.keys.sorted() == [])
    }

    @Test func malformedJSONExits65NamingTheFileAndPlaceAndWritesNoSite() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\n  \"format\": \"secret-atlas/v1\",\n  \"resources\": [,]\n}\n".utf8)
            .write(to: folder.appendingPathComponent("broken.json"))
        let result = try run(["build", "broken.json", "-o", "out"], in: folder)
        #expect(result.status == 65)
        #expect(
            result.stderr == """
                error: broken.json:3:17: malformed JSON: expected a JSON value, found ','.
                error: Input is invalid: 1 error(s); no site was written.

                """)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["broken.json"])
    }

    @Test func validateListsEveryProblemAndWritesNothing() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            #"""
            {"format": "secret-atlas/v1",
             "resources": [{"id": "r1", "name": "r1", "kind": "ec2Instance", "cloud": "amazon"}],
             "findings": [{"resource": "r9", "secretType": "aws-access-key", "fingerprint": "hmac-sha256:0011223344556677", "filePath": "/x", "line": -1}]}
            """#.utf8
        ).write(to: folder.appendingPathComponent("a.json"))
        let result = try run(["validate", "a.json", "missing.json"], in: folder)
        #expect(result.status == 65)
        #expect(
            result.stderr == """
                error: a.json at resources[0].cloud: expected one of azure, aws, gcp, found "amazon".
                error: a.json at findings[0].line: expected an integer ≥ 1, found -1.
                error: missing.json: no such file or folder.

                """)
        #expect(result.stdout == "3 error(s), 0 warning(s).\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.json"])
    }

    #if os(Linux)
        @Test func anUnreadableFileExits65WithTheSystemsReason() throws {
            // Running as root, permissions cannot make a file unreadable; reading /proc/self/mem from
            // offset 0 fails with EIO on Linux, a real read error on a file that opens.
            let result = try run(["build", "/proc/self/mem", "-o", "/nonexistent-dir-never-written/site"])
            #expect(result.status == 65)
            #expect(
                result.stderr == """
                    error: /proc/self/mem: cannot read the file: Input/output error.
                    error: Input is invalid: 1 error(s); no site was written.

                    """)
        }
    #endif

    @Test func aFindingOnAnUnknownResourceExits65() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            #"""
            {"format": "secret-atlas/v1",
             "findings": [{"resource": "vm-x", "secretType": "aws-access-key", "fingerprint": "hmac-sha256:0011223344556677", "filePath": "/x"}]}
            """#.utf8
        ).write(to: folder.appendingPathComponent("f.json"))
        let result = try run(["build", "f.json", "-o", "out"], in: folder)
        #expect(result.status == 65)
        #expect(
            result.stderr.hasPrefix(
                "error: f.json at findings[0].resource: unknown resource \"vm-x\"; expected the id of a resource in \"resources\".\n"
            ))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let result = try run(["build", "--strict", "-o", "/nonexistent-dir-never-written/site"])
        #expect(result.status == 65)
        #expect(
            result.stderr == """
                warning: site-sample/input/findings.json at findings[52].secretType: unknown secret type \
                "acme-license-key"; it is shown as a generic secret with generic remediation.
                error: 1 warning(s) with --strict; no site was written.

                """)
    }

    @Test func anUnknownOptionIsAUsageError() throws {
        let result = try run(["build", "--colour", "blue"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--colour'"))
    }

    /// Defender, Azure, AWS and GCP exports given together are recognised from their content and
    /// built into one site; a path Defender exported both to Resource Graph and Log Analytics is read once.
    @Test func cloudExportsBuildTogetherByDetection() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cloud-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/Fixtures")
        let result = try run(
            ["build", "-o", output.path]
                + ["defender", "aws", "gcp"].map { fixtures.appendingPathComponent($0).path })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("is also in"))
        #expect(!result.stderr.contains("error:"))
        let inventory = try String(
            contentsOf: output.appendingPathComponent("inventory/index.html"), encoding: .utf8)
        #expect(inventory.contains("Internet exposed"))
    }

    /// Real detect-secrets, checkov and truffleHog 2 outputs over a two-machine fleet, the fleet's
    /// `.pub` and `authorized_keys` files, and a Resource Graph inventory in which only vm-web-01 has a
    /// public IP: the deploy key on vm-web-01 is one SSH private key, verified against vm-db-01's
    /// authorized keys, and the lateral path vm-web-01 → vm-db-01 is computed and named.
    @Test func fleetScanFindsTheLateralPathBetweenMachines() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fleet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let scanners = Self.packageRoot.appendingPathComponent("Tests/SecretAtlasTests/Fixtures/scanners")
        let inputs =
            [Self.packageRoot.appendingPathComponent("Tests/Fixtures/fleet/arg-inventory.json").path]
            + ["detect-secrets.json", "checkov.json", "trufflehog2.jsonl", "fleet"].map {
                scanners.appendingPathComponent($0).path
            }
        let result = try run(["build", "-o", output.path, "--resource-pattern", "{resource}/**"] + inputs)
        #expect(result.status == 0, "\(result.stderr)")
        let paths = try FileManager.default.contentsOfDirectory(
            atPath: output.appendingPathComponent("attack-paths").path)
        let lateral = try #require(paths.first { $0.hasPrefix("vm-web-01-to-vm-db-01-") })
        let page = try String(
            contentsOf: output.appendingPathComponent("attack-paths/\(lateral)"), encoding: .utf8)
        #expect(page.contains("Internet exposed VM has an insecure SSH private key"))
        #expect(page.contains("SHA256:aN1C2lfJnvxMsF1qbOylS1QWCVzOFI1KtaZNav0XTR8"))
        let secrets = try FileManager.default.contentsOfDirectory(
            atPath: output.appendingPathComponent("secrets").path)
        #expect(secrets.filter { $0.contains("private-key") }.count == 1)
        #expect(secrets.contains { $0.hasPrefix("ssh-private-key-") })
    }

    @Test func formatsListsEveryInputFormat() throws {
        let result = try run(["formats"])
        #expect(result.status == 0)
        let names = result.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first }
        #expect(
            names == [
                "native", "azure-resource-graph", "log-analytics-attack-paths", "aws-ec2-instances",
                "gcp-compute-instances", "sarif", "gitleaks", "detect-secrets", "checkov", "native-jsonl",
                "trufflehog",
                "trufflehog-legacy", "gitleaks-csv", "openssh-keys",
            ])
    }

    @Test func aPatternWithoutResourceIsAUsageError() throws {
        let result = try run(["validate", "--resource-pattern", "/mnt/**"])
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "error: --resource-pattern '/mnt/**': expected one {resource} placeholder, such as "
                + "'{resource}/**' or '/mnt/snapshots/{resource}/**'.\n")
    }

    /// A secret in the report's title would reach the site: exit 1, the finding named, the value not
    /// printed, the previous site kept. (A secret the input repeats in a file name is masked instead:
    /// the next test.)
    @Test func aLeakingValueExits1AndKeepsThePreviousSite() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        #expect(try run(["build", "-o", output, "--quiet"]).status == 0)
        let report = folder.appendingPathComponent("gitleaks.json")
        try Data(
            #"[{"RuleID": "aws-access-token", "File": "vm-7/keys.txt", "StartLine": 1, "Secret": "AKIAZXCVBNMASDFGHJKL"}]"#
                .utf8
        ).write(to: report)
        let result = try run(["build", "-o", output, report.path, "--title", "Rotate AKIAZXCVBNMASDFGHJKL"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("of the finding at \(report.path) at [0] (aws-access-key on vm-7, line 1)")
        )
        #expect(!result.stderr.contains("AKIAZXCVBNMA"))
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
    }

    /// A secret the input repeats in a file name is masked: the site is written without it, and the
    /// warning names the record, not the value.
    @Test func aValueRepeatedInAPathIsMaskedAndTheSiteWritten() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        let report = folder.appendingPathComponent("gitleaks.json")
        try Data(
            #"[{"RuleID": "aws-access-token", "File": "vm-7/AKIAZXCVBNMASDFGHJKL.txt", "StartLine": 1, "Secret": "AKIAZXCVBNMASDFGHJKL"}]"#
                .utf8
        ).write(to: report)
        let result = try run(["build", "-o", output, report.path])
        #expect(result.status == 0)
        #expect(
            result.stderr.contains("\(report.path) at [0]: this record's filePath repeats a secret value"))
        #expect(!result.stderr.contains("AKIAZXCVBNMA"))
        let grep = try run(URL(fileURLWithPath: "/bin/grep"), ["-rl", "ZXCVBNMASDFG", output])
        #expect(grep.status == 1, "files holding the value: \(grep.stdout)")
        #expect(
            try String(contentsOfFile: output + "/findings.csv", encoding: .utf8).contains(
                "/********************.txt"))
    }

    @Test func aTemplateSyntaxErrorExits1() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("Templates"), to: templates)
        try Data("{{#shell}}".utf8).write(to: templates.appendingPathComponent("overview.mustache"))
        let result = try run([
            "build", "--templates", templates.path, "-o", folder.appendingPathComponent("out").path,
        ])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: Template syntax error in 'overview.mustache' at 1:11: a section is opened but never closed.\n"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
