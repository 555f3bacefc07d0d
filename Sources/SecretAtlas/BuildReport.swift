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

    /// Whether the build was skipped because nothing changed since the site at the output folder
    /// was built (see ``SiteConfiguration/skipsUnchangedBuild``); the figures are that build's.
    public var isUnchanged = false
    /// Files whose bytes were the same as the previous site's, kept as they were (same modification
    /// time) instead of being rewritten.
    public var keptFileCount = 0

    /// The number of errors among the diagnostics.
    public var errorCount: Int {
        diagnostics.filter { $0.severity == .error }.count
    }
}
