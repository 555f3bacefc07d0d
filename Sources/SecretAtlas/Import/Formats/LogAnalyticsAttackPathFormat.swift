/// Attack paths continuously exported to the Log Analytics table `SecurityAttackPathData`
/// (defender-views.md §6.5), as `az monitor log-analytics query -o json` prints them (an array of
/// rows keyed by column) or as the Log Analytics query API returns them (`tables[].columns/rows`).
///
/// `dynamic` columns (`Path`, `RiskFactors`) arrive as JSON text from the CLI and as JSON from the
/// API; both are read. Continuous export writes a row per path per export, so only the latest row
/// (by `TimeGenerated`) of each `AttackPathId` is kept.
struct LogAnalyticsAttackPathFormat: JSONDocumentFormat {
    static let name = "log-analytics-attack-paths"
    static let summary =
        "Defender attack paths exported to Log Analytics (SecurityAttackPathData rows, az monitor log-analytics query -o json)"

    /// The source named on attack paths and in the report's list of scans.
    static let source = "Defender for Cloud (Log Analytics SecurityAttackPathData)"

    /// Columns of type `dynamic`: JSON text in them must parse.
    private static let dynamicColumns: Set<String> = ["Path", "RiskFactors", "Assessments"]
    /// String columns some exports fill with JSON arrays; text that does not parse stays text.
    private static let maybeJSONColumns: Set<String> = ["Mitre", "AttackStory"]

    static func recognizes(_ document: JSONValue) -> Bool {
        switch document {
        case .array(let rows):
            guard case .object(let first)? = rows.first else { return false }
            return isAttackPathRow(first)
        case .object(let object):
            guard case .array(let tables) = object["tables"], case .object(let table)? = tables.first,
                case .array(let columns) = table["columns"]
            else { return false }
            return columns.contains {
                if case .object(let column) = $0, case .string("AttackPathId") = column["name"] {
                    true
                } else {
                    false
                }
            }
        default:
            return false
        }
    }

    private static func isAttackPathRow(_ row: JSONObject) -> Bool {
        if case .string("SecurityAttackPathData") = row["Type"] { return true }
        return row["AttackPathId"] != nil && row["RiskLevel"] != nil
    }

    static func read(_ document: JSONValue, context: ImportContext) -> ScanInput {
        var input = ScanInput()
        var reader = CloudRowReader(file: context.file)
        var latest: [String: (row: JSONObject, path: String, time: Int64)] = [:]
        var order: [String] = []
        for (row, path) in rows(document, reader: &reader) {
            guard
                let id = reader.string(
                    row, ["AttackPathId"], path: path, required: true, expected: "the attack path's id")
            else { continue }
            let time = reader.timestamp(row, ["TimeGenerated"], path: path)?.secondsSince1970 ?? Int64.min
            if let kept = latest[id] {
                if time >= kept.time { latest[id] = (row, path, time) }
            } else {
                latest[id] = (row, path, time)
                order.append(id)
            }
        }
        var paths = DefenderAttackPathRows(
            source: "Defender for Cloud (Log Analytics SecurityAttackPathData)")
        for id in order {
            guard let (rawRow, path, _) = latest[id] else { continue }
            let row = expandingDynamicColumns(rawRow, path: path, reader: &reader)
            guard
                let name = reader.string(
                    row, ["DisplayName"], path: path, required: true,
                    expected: "the attack path's display name")
            else { continue }
            var graph = DefenderAttackPathRows.Graph()
            if let (value, place) = CloudRowReader.first(row, ["Path"], path: path) {
                if case .object(let pathObject) = value {
                    let component = CloudRowReader.object(pathObject, "graphComponent") ?? pathObject
                    let componentPath =
                        CloudRowReader.object(pathObject, "graphComponent") == nil
                        ? place : place + ".graphComponent"
                    paths.readGraph(
                        component, path: componentPath, graph: &graph, reader: &reader, into: &input)
                } else {
                    reader.error(
                        place,
                        "expected the path's nodes and edges as an object (or its JSON text), found \(value.summary)."
                    )
                }
            }
            let entry = paths.endpoint(
                row, idNames: ["EntrypointId"], objectNames: [], path: path, graph: &graph, reader: &reader,
                expected: "the entry point's id")
            let target = paths.endpoint(
                row, idNames: ["TargetId"], objectNames: [], path: path, graph: &graph, reader: &reader,
                expected: "the target's id")
            guard let entry, let target else { continue }
            paths.append(
                id: id, name: name, entry: entry, target: target, steps: graph.route(from: entry, to: target),
                fields: row,
                names: .logAnalytics, fieldsPath: path, path: path, reader: &reader, into: &input)
        }
        paths.emitPlaceholders(knownResources: [], into: &input)
        let newest = latest.values.map(\.time).max().flatMap { $0 == Int64.min ? nil : $0 }
        input.scans.append(ScanRecord(time: newest.map(Timestamp.init(secondsSince1970:)), source: source))
        input.diagnostics += reader.diagnostics
        return input
    }

    /// Row objects with their paths; API tables are turned into objects keyed by column name.
    private static func rows(_ document: JSONValue, reader: inout CloudRowReader) -> [(JSONObject, String)] {
        var result: [(JSONObject, String)] = []
        switch document {
        case .array(let rows):
            for (offset, row) in rows.enumerated() {
                if case .object(let object) = row {
                    result.append((object, "[\(offset)]"))
                } else {
                    reader.error(
                        "[\(offset)]", "expected a SecurityAttackPathData row object, found \(row.summary).")
                }
            }
        case .object(let object):
            guard case .array(let tables) = object["tables"] else {
                reader.error(
                    "tables",
                    "expected the query API's \"tables\" array, found \(object["tables"]?.summary ?? "nothing")."
                )
                return []
            }
            for (tableOffset, tableValue) in tables.enumerated() {
                let tablePath = "tables[\(tableOffset)]"
                guard case .object(let table) = tableValue, case .array(let columns) = table["columns"],
                    case .array(let rows) = table["rows"]
                else {
                    reader.error(tablePath, "expected a table with \"columns\" and \"rows\" arrays.")
                    continue
                }
                let names: [String?] = columns.map {
                    if case .object(let column) = $0, case .string(let name) = column["name"] {
                        name
                    } else {
                        nil
                    }
                }
                for (rowOffset, rowValue) in rows.enumerated() {
                    let rowPath = "\(tablePath).rows[\(rowOffset)]"
                    guard case .array(let cells) = rowValue, cells.count == names.count else {
                        reader.error(
                            rowPath,
                            "expected an array of \(names.count) cells, one per column, found \(rowValue.summary)."
                        )
                        continue
                    }
                    let members = zip(names, cells).compactMap { name, cell in
                        name.map { (key: $0, value: cell) }
                    }
                    result.append((JSONObject(members: members, line: 0), rowPath))
                }
            }
        default:
            reader.error(
                "$",
                "expected an array of SecurityAttackPathData rows or a query API result, found \(document.summary)."
            )
        }
        return result
    }

    /// The row with its `dynamic` columns parsed when they hold JSON text.
    private static func expandingDynamicColumns(_ row: JSONObject, path: String, reader: inout CloudRowReader)
        -> JSONObject
    {
        let members = row.members.map { member -> (key: String, value: JSONValue) in
            let isDynamic = dynamicColumns.contains(member.key)
            guard isDynamic || maybeJSONColumns.contains(member.key), case .string(let text) = member.value
            else {
                return member
            }
            // The CLI prints an empty dynamic value as "".
            guard let first = text.first(where: { !$0.isWhitespace }) else { return (member.key, .null) }
            guard first == "[" || first == "{" else { return member }
            guard isDynamic else {
                return (try? JSONParser.parse(Array(text.utf8))).map { (member.key, $0) } ?? member
            }
            do {
                return (member.key, try JSONParser.parse(Array(text.utf8)))
            } catch let error as JSONParser.SyntaxError {
                reader.error(
                    CloudRowReader.join(path, member.key),
                    "expected JSON text in this dynamic column; at its line \(error.line), column \(error.column): \(error.detail)."
                )
            } catch {
                reader.error(
                    CloudRowReader.join(path, member.key), "expected JSON text in this dynamic column.")
            }
            return (member.key, .null)
        }
        return JSONObject(members: members, line: row.line)
    }
}
