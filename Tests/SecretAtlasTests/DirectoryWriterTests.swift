import Foundation
import Testing

@testable import SecretAtlas

#if canImport(Glibc)
    import Glibc
#endif

struct DirectoryWriterTests {
    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        var configuration = SiteConfiguration(
            inputs: [TestSupport.sampleInput], outputDirectory: output,
            templatesDirectory: TestSupport.templates,
            assetsDirectory: TestSupport.assets)
        _ = try SiteBuilder.build(configuration)
        let before = try TestSupport.readTree(output)
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"format": "secret-atlas/v1", "findings": [{"resource": 1}]}"#.utf8).write(to: bad)
        configuration.inputs = [bad.path]
        #expect(throws: SiteError.self) { try SiteBuilder.build(configuration) }
        #expect(try TestSupport.readTree(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix(".")
        }
        #expect(leftovers == [])
    }

    @Test func aFailedBuildRemovesTheFoldersItCreatedForTheOutput() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try DirectoryWriter(destination: folder.appendingPathComponent("new/deeper/site").path)
        try writer.write(OutputFile(path: "index.html", bytes: []))
        writer.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func aNonEmptyFolderThatIsNotASiteIsNeverReplaced() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("my notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(
            throws: SiteError.writeFailed(
                path: folder.path,
                underlying:
                    "it exists and is not a SecretAtlas site (no .secret-atlas file), so it is not replaced; "
                    + "choose another -o, or delete it if an older SecretAtlas wrote it")
        ) {
            try DirectoryWriter(destination: folder.path)
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
    }

    @Test func aStaticSiteThatSecretAtlasDidNotWriteIsNeverReplaced() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("<h1>my blog</h1>".utf8).write(to: folder.appendingPathComponent("index.html"))
        try Data().write(to: folder.appendingPathComponent("assets/site.css"))
        #expect(throws: SiteError.self) { try DirectoryWriter(destination: folder.path) }
    }

    @Test func foldersLeftByAKilledBuildAreRemoved() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // PID 2^22 + 1 is above Linux's largest PID, so no process has it.
        let abandoned = folder.appendingPathComponent(".out.building-4194305")
        // A folder of a build that is still running (here the parent process, which is alive) is left alone.
        let live = folder.appendingPathComponent(".out.building-\(getppid())")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        let writer = try DirectoryWriter(destination: folder.appendingPathComponent("out").path)
        try writer.finish()
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                live.lastPathComponent, "out",
            ])
    }

    @Test func aPreviousSiteLeftAsideByAKilledBuildIsRestoredNotDeleted() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Killed after moving the old site aside and before moving the new one in.
        let aside = folder.appendingPathComponent(".out.previous-4194305")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        try Data(DirectoryWriter.markerText.utf8).write(
            to: aside.appendingPathComponent(DirectoryWriter.markerName))
        try Data("old".utf8).write(to: aside.appendingPathComponent("index.html"))
        let writer = try DirectoryWriter(destination: folder.appendingPathComponent("out").path)
        // The build fails: the old site must be back in place.
        writer.discard()
        let restored = try TestSupport.readTree(folder.appendingPathComponent("out").path)
        #expect(restored["index.html"] == Array("old".utf8))
    }

    @Test func finishMovesTheStagedSiteIntoPlaceAndReplacesTheOldOne() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out").path
        for version in ["one", "two"] {
            let writer = try DirectoryWriter(destination: destination)
            try writer.write(OutputFile(path: "index.html", bytes: Array(version.utf8)))
            try writer.write(OutputFile(path: SiteRoutes.stylesheet, bytes: []))
            if version == "one" { try writer.write(OutputFile(path: "old/only-in-one.html", bytes: [])) }
            try writer.finish()
        }
        #expect(
            try TestSupport.readTree(destination) == [
                "index.html": Array("two".utf8), "assets/site.css": [],
                DirectoryWriter.markerName: Array(DirectoryWriter.markerText.utf8),
            ])
    }
}
