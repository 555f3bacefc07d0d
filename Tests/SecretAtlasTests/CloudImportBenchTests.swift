import Foundation
import Testing

@testable import SecretAtlas

/// Timing for bench/cloud-import.sh; does nothing unless `SECRET_ATLAS_BENCH_ARG` names a file.
struct CloudImportBenchTests {
    @Test func timesReadingAResourceGraphResult() throws {
        guard let path = ProcessInfo.processInfo.environment["SECRET_ATLAS_BENCH_ARG"] else { return }
        let clock = ContinuousClock()
        let start = clock.now
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let document = try JSONParser.parse(bytes)
        let parsed = clock.now
        #expect(AzureResourceGraphFormat.recognizes(document))
        let input = AzureResourceGraphFormat.read(document, context: ImportContext(file: path))
        let read = clock.now
        #expect(input.diagnostics.isEmpty)
        print(
            "cloud-import: parse \(parsed - start), read \(read - parsed); \(input.resources.count) resources "
                + "(\(input.resources.filter(\.internetExposed).count) exposed), \(input.findings.count) findings"
        )
    }
}
