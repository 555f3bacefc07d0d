import ArgumentParser
import Foundation
import SecretAtlas

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Write realistic synthetic input (DIR/input.jsonl) at any scale, the same bytes for a seed.",
        discussion: "Only DIR/input.jsonl is written (through a temporary file, renamed when complete); "
            + "anything else in DIR is left as it is.")

    @Option(help: "Number of machines (1 to 10,000,000).")
    var vms: Int

    @Option(help: "Number of findings (0 to 1,000,000,000).")
    var findings: Int

    @Option(help: "Seed of the random estate: the same arguments always give the same bytes.")
    var seed: UInt64 = 1

    @Option(
        name: [.short, .customLong("output")], help: "Folder to write input.jsonl into (created if missing).")
    var output: String

    @Flag(name: [.short, .long], help: "Print no summary.")
    var quiet = false

    func run() throws {
        try runReportingErrors {
            let summary = try SyntheticInput.write(machines: vms, findings: findings, seed: seed, to: output)
            if !quiet {
                print(
                    "Wrote \(summary.findings) findings of \(summary.secrets) secrets on \(summary.machines) machines, "
                        + "\(summary.resources) resources and \(summary.edges) edges (\(summary.bytes) bytes) "
                        + "to \(summary.path)")
            }
        }
    }
}
