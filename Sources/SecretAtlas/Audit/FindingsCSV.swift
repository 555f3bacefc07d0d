/// `findings.csv`: one row per occurrence of a secret, for spreadsheets.
///
/// No secret values: fingerprints, types, resources, paths and lines.
enum FindingsCSV {
    static let fileName = "findings.csv"
    static let header = [
        "secret_id", "permalink", "fingerprint", "type", "title", "severity", "verification", "status",
        "resource_id", "resource_name", "file_path", "line", "scanner", "first_seen", "last_seen",
    ]

    static func bytes(_ report: ReportData) -> [UInt8] {
        var rows = [header]
        for secret in report.secrets {
            for occurrence in secret.occurrences {
                rows.append([
                    secret.id, secret.permalink, secret.fingerprint, secret.type, secret.title,
                    secret.severity,
                    secret.verification, secret.status ?? "", occurrence.resource,
                    occurrence.resourceName ?? "",
                    occurrence.filePath, occurrence.line.map(String.init) ?? "", occurrence.scanner ?? "",
                    occurrence.firstSeen ?? "", occurrence.lastSeen ?? "",
                ])
            }
        }
        return Array(rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined().utf8)
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
