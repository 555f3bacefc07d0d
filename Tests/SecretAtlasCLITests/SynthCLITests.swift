import Foundation
import Testing

/// `secret-atlas synth` as a user runs it: what it prints, its exit codes, and that `build --strict`
/// takes its output.
@Suite(.serialized)
struct SynthCLITests: CLISuite {
    @Test func writesInputThatBuildsStrictly() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input").path
        let synth = try run(["synth", "--vms", "30", "--findings", "200", "--seed", "5", "-o", input])
        #expect(synth.status == 0, "\(synth.stderr)")
        #expect(synth.stdout.hasPrefix("Wrote 200 findings of "))
        #expect(synth.stdout.contains(" on 30 machines, "))
        #expect(synth.stderr.isEmpty)
        let again = try run([
            "synth", "--vms", "30", "--findings", "200", "--seed", "5", "-o", input, "--quiet",
        ])
        #expect(again.status == 0 && again.stdout.isEmpty)
        let build = try run([
            "build", input, "-o", folder.appendingPathComponent("site").path, "--strict", "--quiet",
        ])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty)
    }

    @Test(arguments: [
        (
            ["synth", "--vms", "0", "--findings", "5", "-o", "x"],
            "error: --vms 0: expected 1 to 10000000 machines"
        ),
        (
            ["synth", "--vms", "2", "--findings=-3", "-o", "x"],
            "error: --findings -3: expected 0 to 1000000000 findings"
        ),
        (["synth", "--vms", "2", "-o", "x"], "Missing expected argument '--findings <findings>'"),
        (["synth", "--vms", "2", "--findings", "5", "--seed", "-1", "-o", "x"], "--seed"),
        (["synth", "--vms", "two", "--findings", "5", "-o", "x"], "--vms"),
    ])
    func rejectsBadArgumentsAsUsageErrors(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "x/input.jsonl"))
    }

    @Test func failsWhenTheFolderIsAFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        let result = try run(["synth", "--vms", "1", "--findings", "1", "-o", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a file, not a folder"), "\(result.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }
}
