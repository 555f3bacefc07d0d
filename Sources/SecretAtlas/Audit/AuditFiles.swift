/// The machine-readable files every site carries beside its pages.
///
/// `findings.json`, `findings.csv` and `findings.sarif`; none holds a secret value.
enum AuditFiles {
    /// Makes the three files one after another, handing each to `write` before making the next,
    /// so only one of them is in memory at a time.
    static func write(context: RenderContext, to write: (OutputFile) throws -> Void) throws {
        let report = ReportData(context: context)
        try write(OutputFile(path: ReportData.fileName, bytes: try report.encoded()))
        try write(OutputFile(path: FindingsCSV.fileName, bytes: FindingsCSV.bytes(report)))
        try write(
            OutputFile(
                path: FindingsSARIF.fileName,
                bytes: try FindingsSARIF(report: report, catalog: context.model.catalog).encoded()))
    }
}
