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
        append(row: header, to: &output)
        let model = context.model
        for secret in model.secrets {
            let entry = ReportData.SecretEntry(secret, model: model, changes: context.changes)
            for occurrence in entry.occurrences {
                append(
                    row: [
                        entry.id, entry.permalink, entry.fingerprint, entry.type, entry.title, entry.severity,
                        entry.verification, entry.status ?? "", occurrence.resource,
                        occurrence.resourceName ?? "", occurrence.filePath,
                        occurrence.line.map(String.init) ?? "", occurrence.scanner ?? "",
                        occurrence.firstSeen ?? "", occurrence.lastSeen ?? "",
                    ], to: &output)
            }
            try output.flushIfFull()
        }
    }

    private static func append(row cells: [String], to output: inout ChunkBuffer) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(field: cell, to: &bytes)
        }
        bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        output.append(contentsOf: bytes)
    }

    /// One cell as ``append(field:to:)`` writes it.
    static func field(_ value: String) -> String {
        var bytes: [UInt8] = []
        append(field: value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 4180 quoting; a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR)
    /// gets a leading apostrophe, the OWASP advice against CSV injection.
    ///
    /// On UTF-8 bytes, not characters: every byte looked for is ASCII, which never occurs inside a
    /// multi-byte sequence, and a character comparison would miss a comma, quote or line break
    /// that a combining mark follows, or a CR LF pair, which is one character.
    private static func append(field value: String, to bytes: inout [UInt8]) {
        let utf8 = value.utf8
        let formulaStart = utf8.first.map { Self.formulaStarts.contains($0) } ?? false
        let quoted = utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
        }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if formulaStart { bytes.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            bytes.append(byte)
            if quoted, byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
    }

    private static let formulaStarts = Set("=+-@\t\r".utf8)
}
