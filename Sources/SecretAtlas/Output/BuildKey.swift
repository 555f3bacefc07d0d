internal import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A SHA-256 over everything that decides a build's output, so a build whose key matches the one
/// recorded in the site at `-o` (and whose files are untouched, see ``SiteRecord``) can be skipped.
///
/// What goes in: the SecretAtlas version and the bytes of the running executable (a new build of
/// the tool may render differently under the same version); every input file's path as named and
/// bytes, folders expanded exactly as ``InputLoader`` expands them; every file of the templates and
/// assets folders; and every option that reaches the output — title, resource patterns, the
/// fingerprint key's bytes, `--strict`, the `findings.json` of `--previous`, `SOURCE_DATE_EPOCH`,
/// and the `--zip` path. Not in it: `--jobs` and `--quiet`, which
/// never change a byte of the site, and the output folder itself.
///
/// Each file is hashed on its own and its digest goes into the key with its path, every field
/// length-prefixed, so no two different sets of inputs share a key by running together.
struct BuildKey {
    private var hasher = SHA256()

    /// Computes the key of a build.
    /// - Returns: the key as hex, or nil when some input cannot be read (the full build then reports it).
    static func compute(_ configuration: SiteConfiguration, support: SupportFiles) -> String? {
        var key = BuildKey()
        key.add("version", SiteBuilder.version)
        guard let executable = runningExecutable(), key.addFile("executable", executable) else { return nil }
        let inputs: [String?] =
            configuration.inputs.isEmpty ? [try? support.sampleInput()] : configuration.inputs.map { $0 }
        for argument in inputs {
            guard let argument, key.addInput(argument) else { return nil }
        }
        guard key.addFolder("templates", support.templatesDirectory),
            key.addFolder("assets", support.assetsDirectory)
        else { return nil }
        key.add("title", configuration.title)
        for pattern in configuration.resourcePatterns { key.add("resource-pattern", pattern) }
        if let path = configuration.fingerprintKeyFile {
            guard key.addFile("fingerprint-key", path) else { return nil }
        }
        key.add("strict", configuration.strict ? "yes" : "no")
        if let previous = configuration.previousDirectory {
            guard key.addFile("previous", (previous as NSString).appendingPathComponent(ReportData.fileName))
            else { return nil }
        }
        key.add("source-date-epoch", configuration.environment["SOURCE_DATE_EPOCH"] ?? "")
        // Whether the zip still exists, and is as written, is checked with the site's files (its
        // size and time are in the recorded listing): here it would differ between the build that
        // writes it and the next.
        key.add("zip", configuration.zipPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "")
        return Manifest.hex(key.hasher.finalize())
    }

    /// The file of the running program: `/proc/self/exe` on Linux, else the path it was started by.
    private static func runningExecutable() -> String? {
        if FileManager.default.fileExists(atPath: "/proc/self/exe") { return "/proc/self/exe" }
        return Bundle.main.executablePath
    }

    /// A named value, length-prefixed.
    private mutating func add(_ name: String, _ value: String) {
        add(name, bytes: Array(value.utf8))
    }

    private mutating func add(_ name: String, bytes: [UInt8]) {
        for field in [Array(name.utf8), bytes] {
            withUnsafeBytes(of: UInt64(field.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: field)
        }
    }

    /// One input as named on the command line: the argument itself, then its file or the readable
    /// files of its folder, each with its path in the folder.
    private mutating func addInput(_ argument: String) -> Bool {
        add("input", argument)
        let path = InputArgument(argument).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        guard isDirectory.boolValue else { return addFile("input-file", path) }
        let listing = FileTree.files(under: path, include: InputLoader.isInputFile)
        guard listing.errors.isEmpty else { return false }
        // A link to a folder is not read but is warned about, so its name is part of the output.
        for link in listing.unfollowedLinks { add("unfollowed-link", link) }
        return addFiles(listing.files, in: path)
    }

    /// Every file of a support folder (templates, assets), with its path in the folder.
    private mutating func addFolder(_ name: String, _ folder: String) -> Bool {
        let listing = FileTree.files(under: folder)
        guard listing.errors.isEmpty else { return false }
        add(name, "\(listing.files.count)")
        return addFiles(listing.files, in: folder)
    }

    private mutating func addFiles(_ files: [String], in folder: String) -> Bool {
        for file in files {
            guard addFile(file, (folder as NSString).appendingPathComponent(file)) else { return false }
        }
        return true
    }

    /// A file's SHA-256 under `name`.
    private mutating func addFile(_ name: String, _ path: String) -> Bool {
        guard let digest = Self.digest(ofFile: path) else { return false }
        add(name, bytes: Array(digest))
        return true
    }

    /// SHA-256 of a file's bytes, read in chunks; nil when it cannot be read.
    static func digest(ofFile path: String) -> SHA256.Digest? {
        // A FIFO or device is refused here too: the key is computed before the inputs are read.
        guard let descriptor = try? FileTree.openRegularFile(path) else { return nil }
        defer { close(descriptor) }
        var hasher = SHA256()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return hasher.finalize() }
            chunk.withUnsafeBytes {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count]))
            }
        }
    }
}
