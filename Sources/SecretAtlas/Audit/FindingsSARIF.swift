import Foundation

/// `findings.sarif`: the findings as SARIF 2.1.0, for code-scanning dashboards.
///
/// One rule per secret type, one result per occurrence; the location is the file path and line on
/// the resource (a logical location). Secrets are identified by fingerprint only. Written result by
/// result (``PrettyJSONWriter``), as `JSONEncoder` would write it with sorted keys, so only a chunk
/// of it is ever in memory.
enum FindingsSARIF {
    static let fileName = "findings.sarif"
    static let version = "2.1.0"
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    /// Writes `findings.sarif` for a build, result by result, flushing between secrets.
    static func write(context: RenderContext, to json: inout PrettyJSONWriter) throws {
        let model = context.model
        let types = Array(Set(model.secrets.map(\.type))).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        json.beginObject()
        json.member("$schema", schema)
        json.key("runs")
        json.beginArray()
        json.beginObject()
        json.key("automationDetails")
        json.beginObject()
        json.member("id", "secret-atlas/" + Manifest.placeholder)
        json.endObject()
        json.key("results")
        json.beginArray()
        for secret in model.secrets {
            let entry = ReportData.SecretEntry(secret, model: model, changes: context.changes)
            for occurrence in entry.occurrences {
                writeResult(entry, occurrence, ruleIndex: ruleIndex[entry.type] ?? 0, to: &json)
            }
            try json.output.flushIfFull()
        }
        json.endArray()
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.member("name", "SecretAtlas")
        json.key("rules")
        json.beginArray()
        for id in types { writeRule(id, catalog: model.catalog, to: &json) }
        json.endArray()
        json.member("version", context.version)
        json.endObject()
        json.endObject()
        json.endObject()
        json.endArray()
        json.member("version", version)
        json.endObject()
        json.finishDocument()
    }

    /// One rule per secret type.
    private static func writeRule(_ id: String, catalog: Catalog, to json: inout PrettyJSONWriter) {
        let type = catalog.secretType(id)
        json.beginObject()
        json.member("fullDescription", message: type.description.isEmpty ? type.title : type.description)
        json.member("help", message: type.impact.isEmpty ? type.title : type.impact)
        json.member("id", id)
        json.member("name", type.title)
        json.key("properties")
        json.beginObject()
        json.member("category", type.category)
        json.member("severity", type.severity.rawValue)
        json.endObject()
        json.member("shortDescription", message: type.title)
        json.endObject()
    }

    /// One result per occurrence: the file path and line as a physical location, the resource as a
    /// logical one.
    private static func writeResult(
        _ secret: ReportData.SecretEntry, _ occurrence: ReportData.Occurrence, ruleIndex: Int,
        to json: inout PrettyJSONWriter
    ) {
        let resourceName = occurrence.resourceName ?? occurrence.resource
        json.beginObject()
        json.member("level", level(secret.severity))
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("logicalLocations")
        json.beginArray()
        json.beginObject()
        json.member("fullyQualifiedName", occurrence.resource)
        json.member("kind", "resource")
        json.member("name", resourceName)
        json.endObject()
        json.endArray()
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation")
        json.beginObject()
        json.member("uri", uri(occurrence.filePath))
        json.endObject()
        if let line = occurrence.line {
            json.key("region")
            json.beginObject()
            json.member("startLine", max(1, line))
            json.endObject()
        }
        json.endObject()
        json.endObject()
        json.endArray()
        json.member(
            "message",
            message:
                "\(secret.title) (\(Secret.shorten(secret.fingerprint))) in \(occurrence.filePath) on \(resourceName)"
        )
        json.key("partialFingerprints")
        json.beginObject()
        json.member("secretFingerprint/v1", secret.fingerprint)
        json.endObject()
        json.key("properties")
        json.beginObject()
        json.member("permalink", secret.permalink)
        json.member("secretId", secret.id)
        json.member("verification", secret.verification)
        json.endObject()
        json.member("ruleId", secret.type)
        json.member("ruleIndex", ruleIndex)
        json.endObject()
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
    ///
    /// Byte by byte against a table made once from Foundation's URL-path set (less `?#[]`): the
    /// same result as `addingPercentEncoding(withAllowedCharacters:)`, which made a character set
    /// and two copies of the path for every finding.
    static func uri(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + 8)
        for original in path.utf8 {
            let byte = original == UInt8(ascii: "\\") ? UInt8(ascii: "/") : original
            if byte < 0x80, uriAllowed[Int(byte)] {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Which ASCII bytes ``uri(_:)`` keeps as they are.
    private static let uriAllowed: [Bool] = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]")
        return (0..<0x80).map { allowed.contains(Unicode.Scalar(UInt8($0))) }
    }()
}
