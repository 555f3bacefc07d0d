import Foundation

/// Finds the templates and assets folders, in the order DocC uses: the flag, the environment, the
/// installed `share/secret-atlas` beside the executable, then the working directory.
struct SupportFiles {
    let templatesDirectory: String
    let assetsDirectory: String
    private let executableDirectory: String?

    init(configuration: SiteConfiguration) throws {
        templatesDirectory = try Self.locate(
            "Templates", flag: configuration.templatesDirectory, variable: "SECRET_ATLAS_TEMPLATES",
            configuration: configuration, marker: "layout.mustache"
        ) { SiteError.templatesNotFound(searched: $0) }
        assetsDirectory = try Self.locate(
            "Assets", flag: configuration.assetsDirectory, variable: "SECRET_ATLAS_ASSETS",
            configuration: configuration, marker: "site.css"
        ) { SiteError.assetsNotFound(searched: $0) }
        executableDirectory = configuration.executableDirectory
    }

    /// Every byte of the templates and assets folders, joined.
    ///
    /// The text the site writes whatever the input says (``SensitiveValues/publicText``). About
    /// 400 KB; read once a build.
    func publicText() -> [UInt8] {
        var text: [UInt8] = []
        for folder in [templatesDirectory, assetsDirectory] {
            for file in FileTree.files(under: folder, include: { _ in true }).files.sorted() {
                guard let bytes = FileManager.default.contents(atPath: folder + "/" + file) else { continue }
                text += bytes
                text.append(0)
            }
        }
        return text
    }

    /// The bundled sample input, built when no input is named: `site-sample/input` in the working
    /// directory (a checkout), else the installed copy in `share/secret-atlas`.
    /// - Throws: ``SiteError/sampleNotFound(searched:)``.
    func sampleInput() throws -> String {
        var candidates = ["site-sample/input"]
        if let executableDirectory {
            candidates.append(
                URL(fileURLWithPath: executableDirectory)
                    .appendingPathComponent("../share/secret-atlas/site-sample/input").standardizedFileURL
                    .path)
        }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw SiteError.sampleNotFound(searched: candidates)
        }
        return found
    }

    private static func locate(
        _ name: String, flag: String?, variable: String, configuration: SiteConfiguration, marker: String,
        error: ([String]) -> SiteError
    ) throws -> String {
        var candidates: [String] = []
        if let flag {
            candidates.append(flag)
        } else {
            if let fromEnvironment = configuration.environment[variable] {
                candidates.append(fromEnvironment)
            }
            if let executable = configuration.executableDirectory {
                candidates.append(
                    URL(fileURLWithPath: executable).appendingPathComponent("../share/secret-atlas/\(name)")
                        .standardizedFileURL.path)
            }
            candidates.append(name)
        }
        for candidate in candidates
        where FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent(marker)) {
            return candidate
        }
        throw error(candidates)
    }
}
