import Foundation

/// `findings.sarif`: the findings as SARIF 2.1.0, for code-scanning dashboards.
///
/// One rule per secret type, one result per occurrence; the location is the file path and line on
/// the resource (a logical location). Secrets are identified by fingerprint only.
struct FindingsSARIF: Encodable {
    static let fileName = "findings.sarif"

    struct Message: Encodable { let text: String }
    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let properties: [String: String]
    }
    struct Driver: Encodable {
        let name: String
        let version: String
        let rules: [Rule]
    }
    struct Tool: Encodable { let driver: Driver }
    struct ArtifactLocation: Encodable { let uri: String }
    struct Region: Encodable { let startLine: Int }
    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }
    struct LogicalLocation: Encodable {
        let name: String
        let fullyQualifiedName: String
        let kind: String
    }
    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
        let logicalLocations: [LogicalLocation]
    }
    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: [String: String]
    }
    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
        let automationDetails: [String: String]
    }

    let version = "2.1.0"
    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let runs: [Run]

    enum CodingKeys: String, CodingKey {
        case version
        case schema = "$schema"
        case runs
    }

    init(report: ReportData, catalog: Catalog) {
        let types = Array(Set(report.secrets.map(\.type))).sorted()
        let rules = types.map { id in
            let type = catalog.secretType(id)
            return Rule(
                id: id, name: type.title, shortDescription: Message(text: type.title),
                fullDescription: Message(text: type.description.isEmpty ? type.title : type.description),
                help: Message(text: type.impact.isEmpty ? type.title : type.impact),
                properties: ["category": type.category, "severity": type.severity.rawValue])
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        var results: [Result] = []
        for secret in report.secrets {
            for occurrence in secret.occurrences {
                let resourceName = occurrence.resourceName ?? occurrence.resource
                results.append(
                    Result(
                        ruleId: secret.type, ruleIndex: ruleIndex[secret.type] ?? 0,
                        level: Self.level(secret.severity),
                        message: Message(
                            text: "\(secret.title) (\(Secret.shorten(secret.fingerprint))) in "
                                + "\(occurrence.filePath) on \(resourceName)"),
                        locations: [
                            Location(
                                physicalLocation: PhysicalLocation(
                                    artifactLocation: ArtifactLocation(uri: Self.uri(occurrence.filePath)),
                                    region: occurrence.line.map { Region(startLine: max(1, $0)) }),
                                logicalLocations: [
                                    LogicalLocation(
                                        name: resourceName, fullyQualifiedName: occurrence.resource,
                                        kind: "resource")
                                ])
                        ],
                        partialFingerprints: ["secretFingerprint/v1": secret.fingerprint],
                        properties: [
                            "secretId": secret.id, "permalink": secret.permalink,
                            "verification": secret.verification,
                        ]))
            }
        }
        runs = [
            Run(
                tool: Tool(
                    driver: Driver(
                        name: "SecretAtlas", version: report.generator.version, rules: rules)),
                results: results, automationDetails: ["id": "secret-atlas/" + report.reportFingerprint])
        ]
    }

    /// SARIF levels: error for critical and high, warning for medium, note for low.
    static func level(_ severity: String) -> String {
        switch severity {
        case "critical", "high": "error"
        case "medium": "warning"
        default: "note"
        }
    }

    /// A file path as a relative URI reference (backslashes to slashes, percent-encoded).
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]")
        let slashed = path.replacingOccurrences(of: "\\", with: "/")
        return slashed.addingPercentEncoding(withAllowedCharacters: allowed) ?? slashed
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [10]
    }
}
