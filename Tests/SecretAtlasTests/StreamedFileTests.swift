import Foundation
import Testing

@testable import SecretAtlas

/// Files streamed through the writer stack a chunk at a time (``SiteWriter/write(_:streaming:)``):
/// every layer sees every byte, whatever the chunk boundaries.
struct StreamedFileTests {
    private static let placeholder = Manifest.placeholder

    /// Hands `bytes` to the sink in chunks of `size`.
    private static func produce(_ bytes: [UInt8], size: Int) -> (any ChunkSink) throws -> Void {
        { sink in
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + size)
                try bytes[start..<end].withUnsafeBytes { try sink.append($0) }
                start = end
            }
        }
    }

    /// Placeholders at the start, split across chunks, back to back and at the very end: at every
    /// chunk size, the same bytes and fingerprint as the whole file written at once.
    @Test(arguments: [1, 5, 37, 38, 39, 64, 1_000, 100_000])
    func aStreamedFileIsSealedLikeAWholeOne(chunk: Int) throws {
        let placeholder = Self.placeholder
        let text =
            placeholder + "{\"a\" : \"" + String(repeating: "x", count: 50) + placeholder + placeholder
            + String(repeating: "0123456789", count: 300) + "SECRETATLAS-REPORT" + placeholder
        let bytes = Array(text.utf8)
        let whole = InMemoryWriter()
        let wholeManifest = ManifestWriter(inner: whole)
        try wholeManifest.write(OutputFile(path: "findings.json", bytes: bytes))
        let expectedFingerprint = try wholeManifest.seal()

        let streamed = InMemoryWriter()
        let manifest = ManifestWriter(inner: streamed)
        try manifest.write("findings.json", streaming: Self.produce(bytes, size: chunk))
        #expect(try manifest.seal() == expectedFingerprint)
        #expect(streamed.files == whole.files)
    }

    @Test func aFileWithoutThePlaceholderPassesUnchanged() throws {
        let bytes = Array(String(repeating: "SECRETATLAS-REPORT-FINGERPRINT-PENDIN\n", count: 100).utf8)
        let memory = InMemoryWriter()
        let manifest = ManifestWriter(inner: memory)
        try manifest.write("findings.csv", streaming: Self.produce(bytes, size: 37))
        try manifest.seal()
        #expect(memory.files["findings.csv"] == bytes)
        let sums = String(decoding: memory.files[Manifest.fileName] ?? [], as: UTF8.self)
        #expect(sums.hasSuffix("\(Manifest.digest(bytes))  findings.csv\n"))
    }

    /// A value split across two chunks at every place is still found.
    @Test func theLeakCheckSeesAValueSplitBetweenChunks() throws {
        let value = "k9Qz7Lm2Xp4Rt8Wv"
        let values = SensitiveValues()
        values.add(value, owner: "planted")
        for split in 1..<value.utf8.count {
            let bytes = Array(("aaaa" + value + "bbbb").utf8)
            let writer = LeakCheckingWriter(InMemoryWriter(), values: values)
            #expect(throws: SiteError.self) {
                try writer.write("findings.json") { sink in
                    try bytes[..<(4 + split)].withUnsafeBytes { try sink.append($0) }
                    try bytes[(4 + split)...].withUnsafeBytes { try sink.append($0) }
                }
            }
        }
        let memory = InMemoryWriter()
        let clean = Array(String(repeating: "k9Qz7Lm2Xp4-", count: 1_000).utf8)
        try LeakCheckingWriter(memory, values: values).write(
            "clean.txt", streaming: Self.produce(clean, size: 7))
        #expect(memory.files["clean.txt"] == clean)
    }

    /// Streamed into a folder: the file holds exactly the bytes, and the manifest verifies.
    @Test func aFolderGetsEveryChunk() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("site").path
        let directory = try DirectoryWriter(destination: destination)
        let manifest = ManifestWriter(inner: directory)
        var expected: [UInt8] = []
        try manifest.write("data/big.json") { (buffer: inout ChunkBuffer) in
            for index in 0..<200_000 {
                let line = "{\"n\" : \(index), \"f\" : \"\(Self.placeholder)\"},\n"
                buffer.append(line)
                expected += Array(line.utf8)
                try buffer.flushIfFull()
            }
        }
        let fingerprint = try manifest.seal()
        try directory.finish()
        let written = try TestSupport.readTree(destination)
        #expect(
            written["data/big.json"]
                == Manifest.replacing(
                    Array(Self.placeholder.utf8), with: Array(fingerprint.utf8), in: expected))
        #expect(try SiteVerifier.verify(directory: destination).isClean)
    }
}
