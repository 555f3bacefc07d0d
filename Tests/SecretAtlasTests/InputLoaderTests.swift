import Foundation
import Testing

@testable import SecretAtlas

struct InputLoaderTests {
    @Test func readsFoldersRecursivelyInSortedOrderSkippingHiddenFilesAndFolderLinks() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(
            at: folder.appendingPathComponent("b/nested"), withIntermediateDirectories: true)
        try manager.createDirectory(
            at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        func write(_ path: String, resource name: String) throws {
            try Data(
                #"{"format": "secret-atlas/v1", "resources": [{"id": "\#(name)", "name": "\#(name)", "kind": "other", "cloud": "aws"}]}"#
                    .utf8
            ).write(to: folder.appendingPathComponent(path))
        }
        try write("z.json", resource: "z")
        try write("b/nested/a.json", resource: "nested")
        try write(".hidden.json", resource: "hidden")
        try write(".git/config.json", resource: "git")
        try Data("not input".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try Data(#"{"resource": {"id": "l", "name": "l", "kind": "other", "cloud": "gcp"}}"#.utf8)
            .write(to: folder.appendingPathComponent("b/lines.jsonl"))
        // A link to a file is read as that file; a link to a folder (here, a loop) is not followed.
        try manager.createSymbolicLink(
            at: folder.appendingPathComponent("linked.json"),
            withDestinationURL: folder.appendingPathComponent("z.json"))
        try manager.createSymbolicLink(
            at: folder.appendingPathComponent("b/loop"), withDestinationURL: folder)
        let input = InputLoader().load([folder.path])
        #expect(input.resources.map(\.name) == ["l", "nested", "z", "z"])
        #expect(
            input.diagnostics.map(\.description) == [
                "warning: \(folder.path)/b/loop: a symbolic link to a folder is not followed; name the folder "
                    + "itself to read it."
            ])
    }

    @Test func aLinkToAMissingFileIsAnErrorNotSilence() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("findings.json"),
            withDestinationURL: folder.appendingPathComponent("gone.json"))
        let input = InputLoader().load([folder.path])
        #expect(
            input.diagnostics.map(\.description) == [
                "error: \(folder.path)/findings.json: cannot read: it is a symbolic link to a missing file."
            ])
    }

    @Test func namesAMissingInputAndAnEmptyFolder() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = InputLoader().load([folder.path, folder.appendingPathComponent("gone.json").path])
        #expect(
            input.diagnostics.map(\.description) == [
                "warning: \(folder.path): the folder holds no .json, .jsonl, .ndjson, .sarif, .csv, .pub or authorized_keys files.",
                "error: \(folder.path)/gone.json: no such file or folder.",
            ])
    }
}
