import Foundation
import Testing

/// `build` run again into the same folder, `--jobs`, `--force`, `--quiet`, and the progress line
/// that appears only on a terminal.
@Suite(.serialized)
struct IncrementalCLITests: CLISuite {
    private var sample: String { CLITests.packageRoot.appendingPathComponent("site-sample/input").path }

    private func build(_ arguments: [String]) throws -> CLITests.Result {
        try run(["build", sample] + arguments)
    }

    @Test func aRebuildWithNothingChangedSaysSoAndForceBuildsAgain() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        let first = try build(["-o", output])
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.first?.wholeMatch(of: /Wrote \d+ pages \(\d+ files, \d+ bytes\) to .*/) != nil)
        #expect(lines.contains { $0.wholeMatch(of: /Largest page: [^ ]+\.html \(\d+ bytes\)/) != nil })
        // Standard error is a pipe: warnings only, no progress line.
        #expect(first.stderr.contains("warning: "))
        #expect(!first.stderr.contains("\r"))
        #expect(!first.stderr.contains("rendering pages"))

        let second = try build(["-o", output])
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("Unchanged since the last build: "))
        #expect(second.stdout.contains("; nothing was written\n"))
        #expect(second.stderr == first.stderr, "the warnings are printed again")

        let forced = try build(["-o", output, "--force", "--jobs", "1"])
        #expect(forced.status == 0)
        #expect(forced.stdout.hasPrefix("Wrote "))
        #expect(forced.stdout.contains(/Kept \d+ files with unchanged bytes as they were/))
    }

    @Test func timingsListEachPhaseOnStandardError() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try build(["-o", folder.appendingPathComponent("site").path, "--timings", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let phases = result.stderr.split(separator: "\n").compactMap {
            $0.wholeMatch(of: /([a-z ]+?) +\d+\.\d\d s(?:  (\d+) (?:pages|files))?/)
        }
        #expect(
            phases.map { String($0.1) } == [
                "checking the last build", "reading inputs", "analysing", "rendering pages", "sealing",
            ])
        let pages = try #require(phases.first { $0.1 == "rendering pages" }?.2)
        #expect(Int(pages) ?? 0 > 50, "the pages rendered are counted")
    }

    @Test func jobsBelowOneIsAUsageError() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        let result = try build(["-o", output, "--jobs", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --jobs must be at least 1, got 0.\n"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// On a terminal the line is drawn with `\r` and cleared before the summary; `--quiet` draws nothing.
    ///
    /// `script` (util-linux) runs the build on a pseudo-terminal. The input is 5,000 synthetic
    /// findings, whose debug build takes seconds, well past the 0.3 s before the first line (the
    /// sample alone builds in less).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressIsDrawnOnATerminalAndClearedBeforeTheSummary() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        let input = folder.appendingPathComponent("input").path
        let synth = try run(
            CLITests.binary, ["synth", "--vms", "500", "--findings", "5000", "--seed", "3", "-o", input])
        #expect(synth.status == 0)
        func onTerminal(_ extra: String) throws -> CLITests.Result {
            try run(
                URL(fileURLWithPath: "/usr/bin/script"),
                [
                    "-q", "-e", "-c",
                    "'\(CLITests.binary.path)' build '\(input)' -o '\(output)' --force \(extra)",
                    "/dev/null",
                ])
        }
        let shown = try onTerminal("")
        #expect(shown.status == 0, "\(shown.stdout)")
        // (A terminal turns every "\n" into "\r\n", so a progress line is "\r" and a phase name.)
        let phases = ["reading inputs", "analysing", "rendering pages", "sealing"]
        #expect(phases.contains { shown.stdout.contains("\r" + $0) })
        // Cleared (carriage return, erase to end of line) before the summary is printed.
        let cleared = try #require(shown.stdout.range(of: "\r\u{1B}[K", options: .backwards))
        #expect(shown.stdout[cleared.upperBound...].contains("Wrote "))

        let quiet = try onTerminal("--quiet")
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.contains("\r\u{1B}[K"))
        #expect(!quiet.stdout.contains("rendering pages"))
        #expect(!quiet.stdout.contains("Wrote "))
    }
}
