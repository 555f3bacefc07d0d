import Foundation
import Testing

@testable import SecretAtlas

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package root, found from this file's location so tests run from any working directory.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var templates: String { packageRoot.appendingPathComponent("Templates").path }
    static var assets: String { packageRoot.appendingPathComponent("Assets").path }
    static var sampleInput: String { packageRoot.appendingPathComponent("site-sample/input").path }
    static var sampleSite: String { packageRoot.appendingPathComponent("site-sample/site").path }

    /// A fixture file or folder under `Tests/SecretAtlasTests/Fixtures/`.
    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/SecretAtlasTests/Fixtures").appendingPathComponent(name)
            .path
    }

    /// The catalog in the repository's `Templates/`.
    static func catalog() throws -> Catalog {
        try CatalogLoader(templatesDirectory: templates).load()
    }

    /// Builds a model from native JSON text, as if read from `file`.
    static func model(json: String, file: String = "input.json") throws -> (SiteModel, [Diagnostic]) {
        let input = NativeImporter(file: file).importJSON(Array(json.utf8))
        return SiteModelBuilder(catalog: try catalog(), title: "Test report", sourceDateEpoch: nil).build(
            input)
    }

    /// Renders a whole site for a model into memory.
    static func site(for model: SiteModel) throws -> [String: [UInt8]] {
        let writer = InMemoryWriter()
        _ = try SiteBuilder.write(
            model: model, templates: try TemplateSet(directory: templates), assetsDirectory: assets,
            to: writer)
        return writer.files
    }

    /// A fresh temporary folder, removed by the caller with `removeItem`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("secret-atlas-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under a folder, by path relative to it.
    static func readTree(_ root: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            let path = (root as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                files[relative] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            }
        }
        return files
    }

    /// A minimal valid native document with one VM, one storage account and one finding, to vary in tests.
    static func document(
        resources: String? = nil, findings: String? = nil, edges: String = "[]", attackPaths: String = "[]"
    ) -> String {
        """
        {
          "format": "secret-atlas/v1",
          "scan": {"time": "2026-11-20T06:00:00Z", "source": "unit test"},
          "resources": \(resources ?? """
            [
              {"id": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-a", "name": "vm-a",
               "kind": "virtualMachine", "cloud": "azure", "internetExposed": true},
              {"id": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stor", "name": "stor",
               "kind": "storageAccount", "cloud": "azure"}
            ]
            """),
          "findings": \(findings ?? """
            [
              {"resource": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-a",
               "secretType": "azure-storage-connection-string",
               "fingerprint": "hmac-sha256:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
               "filePath": "/opt/app/appsettings.json", "line": 4}
            ]
            """),
          "edges": \(edges),
          "attackPaths": \(attackPaths)
        }
        """
    }
}

/// Compares text with a golden file under `Golden/<case>/<name>`; records it when missing or when
/// `RECORD_GOLDEN=1`, and fails in that case so a recording is never mistaken for a pass.
func assertGolden(
    _ actual: String, named name: String, case caseName: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = TestSupport.packageRoot.appendingPathComponent("Tests/SecretAtlasTests/Golden")
        .appendingPathComponent(caseName).appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    guard !record, let data = FileManager.default.contents(atPath: url.path) else {
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: url)
        Issue.record(
            "Recorded golden file \(caseName)/\(name); run the tests again.", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) where diff.count < 20 {
        let left = index < expectedLines.count ? String(expectedLines[index]) : "<missing>"
        let right = index < actualLines.count ? String(actualLines[index]) : "<missing>"
        if left != right { diff.append("line \(index + 1):\n- \(left)\n+ \(right)") }
    }
    Issue.record(
        "Golden file \(caseName)/\(name) differs (RECORD_GOLDEN=1 to update):\n\(diff.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
}
