import Foundation
import Testing

@testable import SecretAtlas

/// Helpers for importer tests: load inputs as the build does, summarise findings, build into memory
/// through the leak check.
enum ScannerTestSupport {
    /// `../shared/fixtures/gitleaks` beside the repository, when this machine has it.
    static var sharedGitleaks: String? {
        let path = TestSupport.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures/gitleaks").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func scanners(_ name: String) -> String {
        TestSupport.fixture("scanners/" + name)
    }

    /// One finding as the tests compare it: type, resource, path, line.
    struct Row: Hashable, CustomStringConvertible {
        let type: String
        let resource: String
        let path: String
        let line: Int?

        init(_ type: String, _ resource: String, _ path: String, _ line: Int?) {
            self.type = type
            self.resource = resource
            self.path = path
            self.line = line
        }

        var description: String { "\(type) \(resource):\(path):\(line.map(String.init) ?? "-")" }
    }

    static func rows(_ findings: [FindingRecord]) -> Set<Row> {
        Set(findings.map { Row($0.secretType, $0.resource, $0.filePath, $0.line) })
    }

    static func load(_ inputs: [String], patterns: [String] = []) -> (ScanInput, InputLoader) {
        var loader = InputLoader()
        if !patterns.isEmpty { loader.patterns = patterns.compactMap(ResourcePattern.init) }
        return (loader.load(inputs), loader)
    }

    /// Builds the site into memory through the leak check, as `build` does.
    static func buildSite(_ input: ScanInput, sensitiveValues: SensitiveValues) throws -> [String: [UInt8]] {
        let (model, diagnostics) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "Test report", sourceDateEpoch: 0
        ).build(input)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let memory = InMemoryWriter()
        _ = try SiteBuilder.write(
            model: model, templates: try TemplateSet(directory: TestSupport.templates),
            assetsDirectory: TestSupport.assets, to: LeakCheckingWriter(memory, values: sensitiveValues))
        return memory.files
    }

    /// Values from `planted`, and every 12-character piece of each, found in any output byte: an
    /// independent check of the writer's (plain substring search, no hashing).
    static func leaks(of planted: [String], in files: [String: [UInt8]]) -> [String] {
        var found: [String] = []
        let pages = files.mapValues { String(decoding: $0, as: UTF8.self) }
        for value in planted where value.count >= 12 {
            let characters = Array(value)
            for start in 0...(characters.count - 12) {
                let piece = String(characters[start..<(start + 12)])
                for (path, text) in pages where text.contains(piece) {
                    found.append(
                        "\(path) holds a piece of planted value #\(planted.firstIndex(of: value) ?? -1)")
                }
            }
        }
        return found
    }

    static func planted() throws -> [String] {
        try String(contentsOfFile: scanners("planted.txt"), encoding: .utf8).split(separator: "\n").map(
            String.init)
    }

    /// Runs a program, returning its standard output; nil when it cannot run.
    static func run(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
