/// The machine-readable files every site carries beside its pages.
///
/// `findings.json`, `findings.csv` and `findings.sarif`; none holds a secret value. They grow with
/// the model (a million findings make a gigabyte of JSON), so each is streamed to the writer a
/// chunk at a time and never held whole.
enum AuditFiles {
    /// The three files as jobs that may run at once, each streaming its file and then passing its
    /// length to `written`.
    static func jobs(
        context: RenderContext, to writer: ManifestWriter, written: @escaping @Sendable (Int) -> Void
    ) -> [@Sendable () throws -> Void] {
        [
            {
                try writer.write(ReportData.fileName) { buffer in
                    var json = PrettyJSONWriter(output: buffer)
                    try ReportData.write(context: context, to: &json)
                    buffer = json.output
                    written(buffer.count)
                }
            },
            {
                try writer.write(FindingsSARIF.fileName) { buffer in
                    var json = PrettyJSONWriter(output: buffer)
                    try FindingsSARIF.write(context: context, to: &json)
                    buffer = json.output
                    written(buffer.count)
                }
            },
            {
                try writer.write(FindingsCSV.fileName) { buffer in
                    try FindingsCSV.write(context: context, to: &buffer)
                    written(buffer.count)
                }
            },
        ]
    }
}
