import Foundation
import Testing

@testable import SecretAtlas

#if canImport(Glibc)
    import Glibc
#endif

/// Building again into the same folder: unchanged files keep their inode and time, files that no
/// longer belong go, and a build with nothing changed is skipped — unless the site was touched.
struct IncrementalBuildTests {
    /// Inode and modification time (ns) of every regular file under `root` but the marker (which
    /// each build rewrites), by relative path.
    private struct Identity: Equatable {
        let inode: UInt64
        let modified: Int64
    }

    private func identities(_ root: String) throws -> [String: Identity] {
        var result: [String: Identity] = [:]
        for entry in try SiteListing(folder: root, excluding: [DirectoryWriter.markerName]).entries
        where entry.kind == .file {
            var status = stat()
            #expect(lstat(root + "/" + entry.path, &status) == 0)
            result[entry.path] = Identity(inode: UInt64(status.st_ino), modified: entry.modified)
        }
        return result
    }

    /// The site's files but the marker, whose listing records the times.
    private func siteFiles(_ root: String) throws -> [String: [UInt8]] {
        try TestSupport.readTree(root).filter { $0.key != DirectoryWriter.markerName }
    }

    private func configuration(_ inputs: [String], _ output: String) -> SiteConfiguration {
        var configuration = SiteConfiguration(
            inputs: inputs, outputDirectory: output, templatesDirectory: TestSupport.templates,
            assetsDirectory: TestSupport.assets)
        configuration.jobs = 2
        return configuration
    }

    @Test func aBuildWithNothingChangedIsSkippedAndReportsTheRecordedFiguresAndWarnings() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        let first = try SiteBuilder.build(configuration([TestSupport.sampleInput], output))
        #expect(!first.isUnchanged)
        #expect(!first.diagnostics.isEmpty, "the sample has a deliberate warning")
        let before = try identities(output)
        let marker = try FileTree.bytes(at: output + "/" + DirectoryWriter.markerName)

        let second = try SiteBuilder.build(configuration([TestSupport.sampleInput], output))
        #expect(second.isUnchanged)
        #expect(second.diagnostics == first.diagnostics)
        let figures: (BuildReport) -> [Int] = {
            [$0.pageCount, $0.fileCount, $0.totalBytes, $0.largestPageBytes]
        }
        #expect(figures(second) == figures(first))
        #expect(second.largestPage == first.largestPage)
        let after = try identities(output)
        #expect(after.count == before.count)
        #expect(after.filter { before[$0.key] != $0.value }.keys.sorted() == [])
        #expect(try FileTree.bytes(at: output + "/" + DirectoryWriter.markerName) == marker)
    }

    @Test func forceBuildsAgainAndKeepsEveryFileWhoseBytesAreTheSame() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        var settings = configuration([TestSupport.sampleInput], output)
        let first = try SiteBuilder.build(settings)
        let before = try identities(output)
        settings.skipsUnchangedBuild = false
        let progress = BuildProgress()
        settings.progress = progress
        let second = try SiteBuilder.build(settings)
        #expect(!second.isUnchanged)
        #expect(second.keptFileCount == first.fileCount)
        let after = try identities(output)
        #expect(Set(after.keys) == Set(before.keys))
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.filter { before[$0.key] != $0.value }.keys.sorted() == [], "same inodes and times")
        #expect(progress.snapshot().phase == .replacingSite)
    }

    @Test func aChangedInputRewritesOnlyChangedFilesAndRemovesThoseThatNoLongerBelong() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestSupport.sampleInput), to: input)
        let output = folder.appendingPathComponent("site").path
        _ = try SiteBuilder.build(configuration([input.path], output))
        let oldTree = try TestSupport.readTree(output)
        let before = try identities(output)

        // Drop the last finding: its secret's pages go, the footers' fingerprint changes.
        let findingsFile = input.appendingPathComponent("findings.json")
        var findings = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: findingsFile)) as? [String: Any])
        findings["findings"] = Array(try #require(findings["findings"] as? [Any]).dropLast())
        try JSONSerialization.data(withJSONObject: findings).write(to: findingsFile)
        let report = try SiteBuilder.build(configuration([input.path], output))
        #expect(!report.isUnchanged)
        #expect(report.keptFileCount > 0)

        // The result is exactly what a build into an empty folder gives.
        let fresh = folder.appendingPathComponent("fresh").path
        _ = try SiteBuilder.build(configuration([input.path], fresh))
        let newTree = try TestSupport.readTree(output)
        let freshTree = try TestSupport.readTree(fresh)
        #expect(
            newTree.keys.filter { $0 != DirectoryWriter.markerName }.sorted()
                == freshTree.keys.filter { $0 != DirectoryWriter.markerName }.sorted())
        #expect(
            newTree.filter { $0.key != DirectoryWriter.markerName && freshTree[$0.key] != $0.value }.isEmpty)
        #expect(oldTree.keys.contains { newTree[$0] == nil }, "some page no longer belongs")

        let after = try identities(output)
        var kept = 0
        for (path, bytes) in newTree where path != DirectoryWriter.markerName {
            let same = oldTree[path] == bytes
            let keptInode = after[path]?.inode == before[path]?.inode
            #expect(keptInode == same, "\(path)")
            if same { kept += 1 }
        }
        #expect(kept == report.keptFileCount)
    }

    @Test func aSiteChangedByHandIsRebuilt() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        let settings = configuration([TestSupport.sampleInput], output)
        _ = try SiteBuilder.build(settings)
        let built = try siteFiles(output)

        try Data("edited".utf8).write(to: URL(fileURLWithPath: output + "/index.html"))
        #expect(!(try SiteBuilder.build(settings)).isUnchanged)
        #expect(try siteFiles(output) == built)

        try Data("extra".utf8).write(to: URL(fileURLWithPath: output + "/notes.txt"))
        #expect(!(try SiteBuilder.build(settings)).isUnchanged)
        #expect(try siteFiles(output) == built)

        try FileManager.default.removeItem(atPath: output + "/assets/site.css")
        #expect(!(try SiteBuilder.build(settings)).isUnchanged)
        #expect(try siteFiles(output) == built)

        // Same size, same bytes, only the time changed: the time is what a sync tool compares.
        let page = output + "/index.html"
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: page)
        #expect(!(try SiteBuilder.build(settings)).isUnchanged)
        #expect(try SiteBuilder.build(settings).isUnchanged)
    }

    @Test func strictAfterAWarningBuildFailsInsteadOfReplayingIt() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        var settings = configuration([TestSupport.sampleInput], output)
        _ = try SiteBuilder.build(settings)
        let built = try TestSupport.readTree(output)
        settings.strict = true
        #expect(throws: SiteError.self) { try SiteBuilder.build(settings) }
        #expect(try TestSupport.readTree(output) == built)
    }

    @Test func anOptionTheZipOrThePreviousSiteChangingMeansABuild() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        var settings = configuration([TestSupport.sampleInput], output)
        _ = try SiteBuilder.build(settings)
        settings.title = "Another title"
        #expect(!(try SiteBuilder.build(settings)).isUnchanged)
        #expect(try SiteBuilder.build(settings).isUnchanged)

        settings.zipPath = folder.appendingPathComponent("site.zip").path
        #expect(!(try SiteBuilder.build(settings)).isUnchanged)
        #expect(try SiteBuilder.build(settings).isUnchanged)
        try FileManager.default.removeItem(atPath: folder.appendingPathComponent("site.zip").path)
        #expect(!(try SiteBuilder.build(settings)).isUnchanged)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site.zip").path))

        let previous = folder.appendingPathComponent("previous").path
        _ = try SiteBuilder.build(configuration([TestSupport.sampleInput], previous))
        settings.previousDirectory = previous
        #expect(!(try SiteBuilder.build(settings)).isUnchanged)
        #expect(try SiteBuilder.build(settings).isUnchanged)
        // A different earlier site to compare with is a different report.
        let findings = previous + "/" + ReportData.fileName
        var data = try FileTree.bytes(at: findings)
        data.append(0x0A)
        try Data(data).write(to: URL(fileURLWithPath: findings))
        #expect(!(try SiteBuilder.build(settings)).isUnchanged)
    }

    @Test func onlyFilesWithTheSameBytesAreLinkedAndEveryFileIsCounted() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = folder.appendingPathComponent("previous").path
        let staging = folder.appendingPathComponent("staging").path
        let files: [(String, old: String?, new: String)] = [
            ("same.txt", "hello", "hello"), ("sub/same-size.txt", "hello", "hellO"),
            ("other-size.txt", "hello", "hello!"), ("new.txt", nil, "new"),
        ]
        for (path, old, new) in files {
            for (root, text) in [(previous, old), (staging, new)] {
                guard let text else { continue }
                let url = URL(fileURLWithPath: root + "/" + path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
        let progress = BuildProgress()
        let kept = UnchangedFiles.keep(
            try SiteListing(folder: staging).entries, staging: staging, previous: previous, jobs: 2,
            progress: progress)
        #expect(kept == 1)
        #expect(progress.snapshot().phase == .keepingUnchangedFiles)
        #expect(progress.snapshot().done == 4)
        #expect(progress.snapshot().total == 4)
        let identities = try identities(staging)
        let old = try self.identities(previous)
        #expect(identities["same.txt"] == old["same.txt"])
        #expect(identities["sub/same-size.txt"]?.inode != old["sub/same-size.txt"]?.inode)
        #expect(try FileTree.text(at: staging + "/sub/same-size.txt") == "hellO")
        #expect(try FileTree.text(at: staging + "/other-size.txt") == "hello!")
        #expect(
            try SiteListing(folder: staging).entries.map(\.path) == [
                "new.txt", "other-size.txt", "same.txt", "sub", "sub/same-size.txt",
            ])
    }

    @Test func filesAreComparedTailFirstAndWhole() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
        let size = 200_000
        let base = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var head = base
        head[10] ^= 1
        var middle = base
        middle[150_000] ^= 1
        var tail = base
        tail[size - 1] ^= 1
        var buffers = ([UInt8](repeating: 0, count: 1 << 16), [UInt8](repeating: 0, count: 1 << 16))
        let original = try file("a", base)
        #expect(UnchangedFiles.sameBytes(original, try file("b", base), size: size, buffers: &buffers))
        for (name, changed) in [("head", head), ("middle", middle), ("tail", tail)] {
            #expect(
                !UnchangedFiles.sameBytes(original, try file(name, changed), size: size, buffers: &buffers),
                "\(name)")
        }
        #expect(UnchangedFiles.sameBytes(try file("e1", []), try file("e2", []), size: 0, buffers: &buffers))
    }
}
