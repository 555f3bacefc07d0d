import Foundation

@testable import SecretAtlas

/// Paths the targets read from and write to.
enum FuzzSupport {
    /// The repository root, from this file's place (Fuzz/Sources/SecretAtlasFuzz/).
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static var templates: String { repositoryRoot + "/Templates" }
    static var assets: String { repositoryRoot + "/Assets" }

    /// The bundled catalog, loaded once.
    static let catalog: Catalog = {
        do {
            return try CatalogLoader(templatesDirectory: templates).load()
        } catch {
            fatalError("cannot load the catalog from \(templates): \(error)")
        }
    }()

    /// A folder of this process's own for input files, in memory when /dev/shm exists.
    static let scratch: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = "\(base)/secret-atlas-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Removed when libFuzzer ends the run normally (after -max_total_time or -runs).
        atexit { try? FileManager.default.removeItem(atPath: FuzzSupport.scratch) }
        return folder
    }()

    /// Writes `bytes` to a file named `name` in the scratch folder and returns its path.
    static func write(_ bytes: [UInt8], name: String) -> String {
        let path = scratch + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        require(descriptor >= 0, "cannot create \(path)")
        defer { close(descriptor) }
        var written = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let count = Glibc.write(descriptor, base + written, buffer.count - written)
                if count <= 0 { break }
                written += count
            }
        }
        require(written == bytes.count, "cannot write \(path)")
        return path
    }
}

/// The diagnostics the engine gives must say where the problem is and read as a sentence.
func checkDiagnostics(_ diagnostics: [Diagnostic], file: String, stage: String) {
    for diagnostic in diagnostics {
        require(
            diagnostic.file == nil || diagnostic.file == file,
            "\(stage): a diagnostic names another file: \(diagnostic)")
        require(!diagnostic.message.isEmpty, "\(stage): a diagnostic without a message: \(diagnostic)")
        switch diagnostic.location {
        case .lineColumn(let line, let column):
            require(line >= 1 && column >= 1, "\(stage): line or column below 1: \(diagnostic)")
        case .line(let line, _):
            require(line >= 1, "\(stage): line below 1: \(diagnostic)")
        case .path, nil:
            break
        }
    }
}
