/// `findings.csv`: one row per occurrence of a secret, for spreadsheets.
///
/// No secret values: fingerprints, types, resources, paths and lines.
enum FindingsCSV {
    static let fileName = "findings.csv"
    static let header = [
        "secret_id", "permalink", "fingerprint", "type", "title", "severity", "verification", "status",
        "resource_id", "resource_name", "file_path", "line", "scanner", "first_seen", "last_seen",
    ]

    /// Writes the file row by row, flushing between secrets.
    static func write(context: RenderContext, to output: inout ChunkBuffer) throws {
        output.append(row(header))
        let model = context.model
        for secret in model.secrets {
            let entry = ReportData.SecretEntry(secret, model: model, changes: context.changes)
            for occurrence in entry.occurrences {
                output.append(
                    row([
                        entry.id, entry.permalink, entry.fingerprint, entry.type, entry.title, entry.severity,
                        entry.verification, entry.status ?? "", occurrence.resource,
                        occurrence.resourceName ?? "", occurrence.filePath,
                        occurrence.line.map(String.init) ?? "", occurrence.scanner ?? "",
                        occurrence.firstSeen ?? "", occurrence.lastSeen ?? "",
                    ]))
            }
            try output.flushIfFull()
        }
    }

    private static func row(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// RFC 4180 quoting; a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR)
    /// gets a leading apostrophe, the OWASP advice against CSV injection.
    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
