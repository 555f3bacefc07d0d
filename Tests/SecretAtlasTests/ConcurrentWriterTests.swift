import Dispatch
import Foundation
import Testing

@testable import SecretAtlas

/// The writer stack (folder ← leak check ← manifest) called from many threads at once, as pages are
/// written while they are rendered: the same files, `SHA256SUMS` and fingerprint as one thread
/// writing them in order.
struct ConcurrentWriterTests {
    /// Pages in many folders, most carrying the placeholder (some twice), a few without, and a
    /// streamed file; enough that threads meet on new folders and on the manifest's lock.
    private static func files() -> [OutputFile] {
        (0..<1_500).map { index in
            let folder = ["secrets", "inventory", "attack-paths", "data/lists/\(index % 23)"][index % 4]
            let footer = index % 5 == 0 ? "" : "<footer>\(Manifest.placeholder)</footer>"
            let twice = index % 7 == 0 ? "<p>\(Manifest.placeholder)</p>" : ""
            let body = String(repeating: "<p>row \(index)</p>", count: index % 50 + 1)
            return OutputFile(
                path: "\(folder)/page-\(index).html", bytes: Array((body + twice + footer).utf8))
        }
    }

    private static let streamed = Array(
        ("{\"reportFingerprint\" : \"\(Manifest.placeholder)\",\n"
            + String(repeating: "\"row\" : \"a/b\\\\c\",\n", count: 80_000) + "}\n").utf8)

    /// Writes every file through the whole stack into a folder, serially or from every core.
    private func build(concurrently: Bool) throws -> (files: [String: [UInt8]], fingerprint: String) {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("site").path
        let directory = try DirectoryWriter(destination: destination)
        let values = SensitiveValues()
        values.add("k9Qz7Lm2Xp4Rt8Wv", owner: "planted")
        let writer = ManifestWriter(inner: LeakCheckingWriter(directory, values: values))
        let files = Self.files()
        if concurrently {
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: files.count + 1) { index in
                do {
                    if index == files.count {
                        try Self.stream(Self.streamed, to: writer, chunk: 4_096)
                    } else {
                        try writer.write(files[files.count - 1 - index])
                    }
                } catch {
                    failures.add(error)
                }
            }
            #expect(failures.count == 0)
        } else {
            try Self.stream(Self.streamed, to: writer, chunk: 4_096)
            for file in files { try writer.write(file) }
        }
        let fingerprint = try writer.seal()
        try directory.finish()
        var written = try TestSupport.readTree(destination)
        written[DirectoryWriter.markerName] = nil
        #expect(try SiteVerifier.verify(directory: destination).isClean)
        return (written, fingerprint)
    }

    private static func stream(_ bytes: [UInt8], to writer: ManifestWriter, chunk: Int) throws {
        try writer.write("findings.json") { (sink: any ChunkSink) in
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + chunk)
                try bytes[start..<end].withUnsafeBytes { try sink.append($0) }
                start = end
            }
        }
    }

    @Test func manyThreadsWriteTheSameSiteAsOne() throws {
        let serial = try build(concurrently: false)
        let parallel = try build(concurrently: true)
        #expect(parallel.fingerprint == serial.fingerprint)
        #expect(parallel.files[Manifest.fileName] == serial.files[Manifest.fileName])
        #expect(parallel.files.count == serial.files.count)
        #expect(parallel.files == serial.files)
        // Every page is final: no placeholder and no reserve left.
        let fingerprint = Array(serial.fingerprint.utf8)
        let page = try #require(serial.files["secrets/page-4.html"])
        #expect(String(decoding: page, as: UTF8.self).hasSuffix("<footer>\(serial.fingerprint)</footer>"))
        #expect(
            Manifest.replacing(fingerprint, with: [], in: try #require(serial.files["findings.json"])).count
                == Self.streamed.count - Manifest.placeholder.utf8.count)
    }
}

/// Errors gathered from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    func add(_ error: any Error) {
        lock.withLock { errors.append(error) }
    }

    var count: Int { lock.withLock { errors.count } }
}
