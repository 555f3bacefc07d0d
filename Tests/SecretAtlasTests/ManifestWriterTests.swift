import Foundation
import Testing

@testable import SecretAtlas

/// The streaming ``ManifestWriter``: the same bytes and fingerprint as the definition in
/// docs/audit.md computed on whole files in memory, whether the files go to a folder or to memory.
struct ManifestWriterTests {
    private static let placeholder = Manifest.placeholder

    /// Files that exercise the reserves: none, one at the very start, several, one at the very end,
    /// two back to back, an empty file, and one longer than a read-back chunk with the placeholder
    /// near its start.
    private static let files: [OutputFile] = {
        let long =
            "x" + placeholder + String(repeating: "0123456789abcdef", count: 20_000) + placeholder + "!"
        let texts: [(String, String)] = [
            ("site.css", "body { color: black }\n"),
            ("index.html", "\(placeholder)<p>start</p>"),
            ("secrets/a.html", "<p>\(placeholder)</p><footer>\(placeholder)</footer>\n"),
            ("data/findings.json", "{\"reportFingerprint\":\"\(placeholder)\"}"),
            ("twice.txt", placeholder + placeholder),
            ("empty.txt", ""),
            ("Zeta/UPPER.html", "<b>\(placeholder)</b>"),
            ("long.txt", long),
        ]
        return texts.map { OutputFile(path: $0.0, bytes: Array($0.1.utf8)) }
    }()

    /// The definition, on whole files: hash the content manifest, replace, list the final bytes.
    private static func expected() -> [String: [UInt8]] {
        let contentManifest = Manifest.text(of: files.map { ($0.path, Manifest.digest($0.bytes)) })
        let fingerprint = Manifest.digest(Array(contentManifest.utf8))
        var site: [String: [UInt8]] = [:]
        for file in files {
            site[file.path] = Manifest.replacing(
                Array(placeholder.utf8), with: Array(fingerprint.utf8), in: file.bytes)
        }
        site[Manifest.fingerprintFileName] = Array((fingerprint + "\n").utf8)
        site[Manifest.fileName] = Array(
            Manifest.text(of: site.map { ($0.key, Manifest.digest($0.value)) }).utf8)
        return site
    }

    @Test func aFolderGetsTheDefinedBytesWithoutHoldingTheSite() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("site").path
        let directory = try DirectoryWriter(destination: destination)
        let writer = ManifestWriter(inner: directory)
        for file in Self.files { try writer.write(file) }
        let fingerprint = try writer.seal()
        try directory.finish()
        var written = try TestSupport.readTree(destination)
        written[DirectoryWriter.markerName] = nil
        let expected = Self.expected()
        #expect(written == expected)
        #expect(Array((fingerprint + "\n").utf8) == expected[Manifest.fingerprintFileName])
        #expect(try SiteVerifier.verify(directory: destination).isClean)
    }

    @Test func memoryGetsTheSameBytesAsAFolder() throws {
        let memory = InMemoryWriter()
        let writer = ManifestWriter(inner: memory)
        for file in Self.files { try writer.write(file) }
        try writer.seal()
        #expect(memory.files == Self.expected())
    }

    /// A value completed only by the bytes a patch writes is caught after the patch, even though
    /// the file passed the check when it was written.
    @Test func theLeakCheckSeesTheBytesAroundAPatch() throws {
        let values = SensitiveValues()
        values.add("k9Qz7Lm2Xp4Rt8Wv", owner: "planted")
        let memory = InMemoryWriter()
        let writer = LeakCheckingWriter(memory, values: values)
        let head = Array("<p>k9Qz7Lm2".utf8)
        try writer.write(OutputFile(path: "a.html", bytes: head + Array("00000000</p>".utf8)))
        var seen: [UInt8] = []
        #expect(throws: SiteError.self) {
            try writer.patch("a.html", at: [head.count], with: Array("Xp4Rt8Wv".utf8), thenRead: head.count) {
                seen += $0
            }
        }
        // A harmless patch passes and hands back exactly the bytes from `start` on.
        try writer.write(OutputFile(path: "b.html", bytes: head + Array("00000000</p>".utf8)))
        try writer.patch("b.html", at: [head.count], with: Array("--------".utf8), thenRead: head.count) {
            seen += $0
        }
        #expect(String(decoding: seen, as: UTF8.self) == "--------</p>")
    }
}

extension ManifestWriterTests {
    @Test func aPathWrittenTwiceFailsTheSeal() throws {
        let writer = ManifestWriter(inner: InMemoryWriter())
        try writer.write(OutputFile(path: "a.html", bytes: Array("one".utf8)))
        try writer.write(OutputFile(path: "a.html", bytes: Array("two".utf8)))
        #expect(throws: SiteError.self) { try writer.seal() }
    }
}

extension ManifestWriterTests {
    /// The folder reads a patched file back in 64 KiB chunks: a value the patch completes across a
    /// chunk boundary is still found, and a clean file hands back exactly its bytes from `start`.
    @Test func theLeakCheckSeesAcrossReadBackChunksFromAFolder() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let values = SensitiveValues()
        values.add("k9Qz7Lm2Xp4Rt8Wv", owner: "planted")
        let directory = try DirectoryWriter(destination: folder.appendingPathComponent("site").path)
        defer { directory.discard() }
        let writer = LeakCheckingWriter(directory, values: values)
        let filler = UInt8(ascii: "a")
        var bytes = [UInt8](repeating: filler, count: 70_000)
        // Half the value ends where the first chunk ends, the patch puts the other half at the start of
        // the second: no 12-byte piece lies within one chunk.
        bytes.replaceSubrange(65_528..<65_536, with: Array("k9Qz7Lm2".utf8))
        try writer.write(OutputFile(path: "leaks.html", bytes: bytes))
        #expect(throws: SiteError.self) {
            try writer.patch("leaks.html", at: [0, 65_536], with: Array("Xp4Rt8Wv".utf8), thenRead: 0) { _ in
            }
        }
        try writer.write(OutputFile(path: "clean.html", bytes: bytes))
        var tail: [UInt8] = []
        try writer.patch("clean.html", at: [0, 65_536], with: Array("--------".utf8), thenRead: 100) {
            tail += $0
        }
        var expected = bytes
        expected.replaceSubrange(0..<8, with: Array("--------".utf8))
        expected.replaceSubrange(65_536..<65_544, with: Array("--------".utf8))
        #expect(tail == Array(expected[100...]))
    }
}
