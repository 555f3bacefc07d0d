import Foundation

@testable import SecretAtlas

/// Reading the hand-written cloud fixtures in `Tests/Fixtures/` (defender/, aws/, gcp/).
enum CloudFixtures {
    static let subscription = "0b4f7a3e-5c1d-4e8a-9f21-6d3c2b1a0e9f"

    /// The lowercased ARM id of a resource in the fixture subscription.
    static func azureID(_ group: String, _ provider: String, _ name: String) -> String {
        "/subscriptions/\(subscription)/resourcegroups/\(group)/providers/\(provider)/\(name)".lowercased()
    }

    /// The parsed document of `Tests/Fixtures/<name>`.
    static func document(_ name: String) throws -> JSONValue {
        let url = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(
            name)
        return try JSONParser.parse([UInt8](try Data(contentsOf: url)))
    }

    /// A document from JSON text.
    static func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    /// The diagnostics as printed.
    static func messages(_ input: ScanInput) -> [String] {
        input.diagnostics.map(\.description)
    }
}
