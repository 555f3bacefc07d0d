/// Defender for Cloud and Azure inventory rows from Azure Resource Graph
/// (`az graph query -q "…" -o json`; docs/importers-cloud.md).
///
/// One file may mix row kinds, each recognised by its `type`: secrets sub-assessments and
/// `ExposedSecrets` assessments become findings, `microsoft.security/attackpaths` rows attack paths,
/// and resource rows (VMs with their NICs and public IPs, storage, databases, key vaults, AKS,
/// identities) inventory entries.
struct AzureResourceGraphFormat: JSONDocumentFormat {
    static let name = "azure-resource-graph"
    static let summary =
        "Defender for Cloud and Azure inventory from Azure Resource Graph (az graph query -o json)"

    /// The source named on attack paths and in the report's list of scans.
    static let source = "Defender for Cloud (Azure Resource Graph)"

    static func recognizes(_ document: JSONValue) -> Bool {
        guard let (rows, isEnvelope) = rowValues(document) else { return false }
        // An empty envelope is still a Resource Graph answer (no paths, no findings); an empty bare
        // array could be any tool's, so it is left to others.
        guard let first = rows.first else { return isEnvelope }
        return isARMRow(first)
    }

    static func read(_ document: JSONValue, context: ImportContext) -> ScanInput {
        var input = ScanInput()
        var reader = CloudRowReader(file: context.file)
        guard let rows = rowObjects(document, reader: &reader) else {
            input.diagnostics = reader.diagnostics
            return input
        }
        var inventory = AzureInventoryRows()
        var secrets = DefenderSecretRows()
        var paths = DefenderAttackPathRows(source: source)
        var ignoredTypes: [String: (count: Int, firstPath: String)] = [:]
        for (row, path) in rows {
            guard
                let type = reader.string(
                    row, ["type"], path: path, required: true,
                    expected: "an ARM type such as \"microsoft.compute/virtualmachines\"")?.lowercased()
            else { continue }
            if AzureInventoryRows.reads(type) {
                inventory.add(row, type: type, path: path)
            } else if type == "microsoft.security/assessments/subassessments" {
                secrets.readSubAssessment(row, path: path, reader: &reader, into: &input)
            } else if type == "microsoft.security/assessments" {
                if !secrets.readAssessment(row, path: path, reader: &reader, into: &input) {
                    ignoredTypes[type + " (not ExposedSecrets)", default: (0, path)].count += 1
                }
            } else if type == "microsoft.security/attackpaths" {
                paths.readRow(row, path: path, reader: &reader, into: &input)
            } else {
                ignoredTypes[type, default: (0, path)].count += 1
            }
        }
        inventory.emit(reader: &reader, into: &input)
        // The export's time is its newest finding's; inventory and attack-path rows carry none.
        input.scans.append(ScanRecord(time: input.findings.compactMap(\.lastSeen).max(), source: source))
        paths.emitPlaceholders(knownResources: Set(input.resources.map(\.id)), into: &input)
        for (type, seen) in ignoredTypes.sorted(by: { $0.key < $1.key }) {
            reader.warning(
                seen.firstPath,
                "\(seen.count) row\(seen.count == 1 ? "" : "s") of type \(type) \(seen.count == 1 ? "is" : "are") "
                    + "not read; expected secrets sub-assessments, ExposedSecrets assessments, attack paths "
                    + "or resources (VMs, NICs, public IPs, storage, databases, key vaults, AKS, identities)."
            )
        }
        input.diagnostics += reader.diagnostics
        return input
    }

    /// The rows of a Resource Graph answer: `{count, data, skip_token, total_records}`, `{"data": […]}`
    /// or a bare array; with whether an envelope held them.
    static func rowValues(_ document: JSONValue) -> (rows: [JSONValue], isEnvelope: Bool)? {
        switch document {
        case .array(let rows): return (rows, false)
        case .object(let object):
            guard case .array(let rows) = object["data"] else { return nil }
            let envelopeKeys: Set<String> = [
                "count", "data", "skip_token", "total_records", "facets", "resultTruncated", "totalRecords",
            ]
            guard object.members.allSatisfy({ envelopeKeys.contains($0.key) }) else { return nil }
            return (rows, true)
        default: return nil
        }
    }

    /// Whether a row looks like an ARM resource row: an `id` and a `type` like `microsoft.x/y`.
    static func isARMRow(_ value: JSONValue) -> Bool {
        guard case .object(let row) = value, let type = CloudRowReader.text(row, "type"),
            CloudRowReader.text(row, "id") != nil
        else { return false }
        return type.lowercased().hasPrefix("microsoft.") && type.contains("/")
    }

    /// The row objects with their JSON paths (`data[3]` or `[3]`); a non-object row is an error.
    private static func rowObjects(_ document: JSONValue, reader: inout CloudRowReader) -> [(
        JSONObject, String
    )]? {
        guard let (rows, isEnvelope) = rowValues(document) else {
            reader.error(
                "$",
                "expected an az graph query result: an object with a \"data\" array, or an array of rows; found \(document.summary)."
            )
            return nil
        }
        var result: [(JSONObject, String)] = []
        for (offset, row) in rows.enumerated() {
            let path = isEnvelope ? "data[\(offset)]" : "[\(offset)]"
            if case .object(let object) = row {
                result.append((object, path))
            } else {
                reader.error(path, "expected a Resource Graph row object, found \(row.summary).")
            }
        }
        return result
    }
}
