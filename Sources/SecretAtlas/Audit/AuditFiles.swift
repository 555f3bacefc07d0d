/// The machine-readable files every site carries beside its pages.
///
/// `findings.json`, `findings.csv` and `findings.sarif`; none holds a secret value. They grow with
/// the model (a million findings make a gigabyte of JSON), so each is streamed to the writer a
/// chunk at a time and never held whole.
enum AuditFiles {
    /// Streams the three files one after another.
    /// - Returns: the length of each file written, by path.
    static func write(context: RenderContext, to writer: ManifestWriter) throws -> [(
        path: String, bytes: Int
    )] {
        var written: [(path: String, bytes: Int)] = []
        try writer.write(ReportData.fileName) { buffer in
            var json = PrettyJSONWriter(output: buffer)
            try ReportData.write(context: context, to: &json)
            buffer = json.output
            written.append((ReportData.fileName, buffer.count))
        }
        try writer.write(FindingsCSV.fileName) { buffer in
            try FindingsCSV.write(context: context, to: &buffer)
            written.append((FindingsCSV.fileName, buffer.count))
        }
        try writer.write(FindingsSARIF.fileName) { buffer in
            var json = PrettyJSONWriter(output: buffer)
            try FindingsSARIF.write(context: context, to: &json)
            buffer = json.output
            written.append((FindingsSARIF.fileName, buffer.count))
        }
        return written
    }
}
