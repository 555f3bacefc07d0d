/// What a build or validation did: the problems found and, for a build, what was written.
public struct BuildReport: Sendable {
    /// Warnings (and, for `validate`, errors) to print.
    public let diagnostics: [Diagnostic]
    /// Pages rendered.
    public let pageCount: Int
    /// Files written, assets included.
    public let fileCount: Int
    /// Bytes written.
    public let totalBytes: Int
    /// The largest page and its size, for page-size budgets.
    public let largestPage: String
    /// The size in bytes of ``largestPage``.
    public let largestPageBytes: Int

    /// The number of errors among the diagnostics.
    public var errorCount: Int {
        diagnostics.filter { $0.severity == .error }.count
    }
}
