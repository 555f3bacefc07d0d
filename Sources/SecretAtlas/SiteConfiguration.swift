import Foundation

/// Everything a build needs to know, gathered by the command line.
public struct SiteConfiguration: Sendable {
    /// Input files and folders; empty means the bundled sample.
    public var inputs: [String]
    /// Where the site goes.
    public var outputDirectory: String
    /// The report title shown on every page.
    public var title: String
    /// `--templates`, if given.
    public var templatesDirectory: String?
    /// `--assets`, if given.
    public var assetsDirectory: String?
    /// Whether warnings fail the build.
    public var strict: Bool
    /// The process environment, for `SECRET_ATLAS_TEMPLATES`, `SECRET_ATLAS_ASSETS` and
    /// `SOURCE_DATE_EPOCH` (the report time when no input gives a scan time).
    public var environment: [String: String]
    /// `--resource-pattern` values, tried in order; empty means `{resource}/**`.
    public var resourcePatterns: [String] = []
    /// `--fingerprint-key-file`: the key of our secret fingerprints; nil means the documented default.
    public var fingerprintKeyFile: String?
    /// The folder of the running executable, for the installed `share/secret-atlas` layout.
    public var executableDirectory: String?
    /// `--zip`: also write the whole site as one deterministic zip file here.
    public var zipPath: String?
    /// `--previous`: an earlier site to compare with (its `findings.json` is read).
    public var previousDirectory: String?
    /// `--jobs`: how many threads render pages and compare files with the previous site (at least 1).
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Whether a build with nothing changed is skipped (`--force` turns this off).
    ///
    /// Nothing changed: the inputs, options, templates, assets and executable are those the site at
    /// ``outputDirectory`` was built from, and its files are as that build left them. Either way, files whose bytes did not change keep their
    /// modification time.
    public var skipsUnchangedBuild = true
    /// Where the build records its phase and count, for a progress display; nil records nothing.
    public var progress: BuildProgress?

    /// Creates a configuration; only inputs and output are required.
    public init(
        inputs: [String], outputDirectory: String, title: String = "SecretAtlas report",
        templatesDirectory: String? = nil, assetsDirectory: String? = nil, strict: Bool = false,
        environment: [String: String] = [:], executableDirectory: String? = nil, zipPath: String? = nil,
        previousDirectory: String? = nil
    ) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.title = title
        self.templatesDirectory = templatesDirectory
        self.assetsDirectory = assetsDirectory
        self.strict = strict
        self.environment = environment
        self.executableDirectory = executableDirectory
        self.zipPath = zipPath
        self.previousDirectory = previousDirectory
    }
}
