/// The machine-readable files every site carries beside its pages.
///
/// `findings.json`, `findings.csv` and `findings.sarif`; none holds a secret value.
enum AuditFiles {
    static func files(context: RenderContext) throws -> [OutputFile] {
        let report = ReportData(context: context)
        return [
            OutputFile(path: ReportData.fileName, bytes: try report.encoded()),
            OutputFile(path: FindingsCSV.fileName, bytes: FindingsCSV.bytes(report)),
            OutputFile(
                path: FindingsSARIF.fileName,
                bytes: try FindingsSARIF(report: report, catalog: context.model.catalog).encoded()),
        ]
    }
}
