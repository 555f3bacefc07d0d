import Foundation
import Synchronization
import Testing

@testable import SecretAtlas

#if canImport(Glibc)
    import Glibc
#endif

/// Nothing is written outside `-o`, whatever the ids and names of the input, whatever someone left
/// beside or inside the site; a folder that is not a site is never replaced.
struct OutputSafetyTests {
    /// Ids and names an attacker could put in an input: path tricks, device names, long names.
    static let hostileNames: [String] = [
        "../../../../tmp/pwned", "/etc/x", "a\u{0}b", "CON", "nul.txt", "COM1", "-rf", ".hidden", "..", ".",
        "a\\..\\..\\b", "~", "a/b/c/../../..", "\u{202E}lmth.exe", "line\nbreak",
        String(repeating: "A", count: 1000), String(repeating: "é", count: 600),
        String(repeating: "../", count: 300),
    ]

    // MARK: The writer's own check

    @Test func unsafeRelativePathsAreNamedAndRefused() {
        let refused: [(String, String)] = [
            ("", "empty"), ("/etc/passwd", "absolute"), ("../x.html", "`..`"), ("a/../../b", "`..`"),
            ("a/..", "`..`"), ("./a", "`.`"), ("a/./b", "`.`"), ("a//b", "empty component"),
            ("a/", "empty component"), ("a\\..\\b", "backslash"), ("a\u{0}b", "NUL"),
            ("a\nb", "control character"), (String(repeating: "x", count: 256), "longer than 255"),
            (Array(repeating: String(repeating: "x", count: 200), count: 6).joined(separator: "/"), "1024"),
        ]
        for (path, reason) in refused {
            let problem = SitePath.problem(path)
            #expect(problem?.contains(reason) == true, "\(path.debugDescription): \(problem ?? "accepted")")
        }
        for path in [
            "index.html", "secrets/azure-sql-1234abcd.html", ".secret-atlas", "a..b/c.html", "...",
            String(repeating: "x", count: 255), "assets/icons/vm.svg",
        ] {
            #expect(SitePath.problem(path) == nil, "\(path)")
        }
    }

    @Test func theDirectoryWriterRefusesToWriteOutsideItsFolder() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("victim"), withIntermediateDirectories: true)
        let before = try Tree(folder.path)
        let writer = try DirectoryWriter(destination: folder.appendingPathComponent("site").path)
        for path in [
            "../victim/pwned.html", "../../pwned.html", "/tmp/pwned.html", "a/../../victim/x", "a\u{0}b",
            "a\\b", String(repeating: "x", count: 300) + ".html", "secrets//x.html",
        ] {
            #expect(throws: SiteError.self) { try writer.write(OutputFile(path: path, bytes: [1])) }
            #expect(throws: SiteError.self) {
                try writer.write(path) { try $0.append(UnsafeRawBufferPointer(start: nil, count: 0)) }
            }
            #expect(throws: SiteError.self) {
                try writer.patch(path, at: [0], with: [1], thenRead: 0) { _ in }
            }
        }
        writer.discard()
        #expect(try Tree(folder.path) == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pwned.html"))
    }

    @Test func theMessageShowsAnUnsafePathEscapedAndShort() {
        let error = SiteError.unsafeOutputPath(
            path: SitePath.shown("a\u{0}b" + String(repeating: "x", count: 500)),
            reason: "the path contains a NUL byte")
        #expect(error.exitCode == 1)
        #expect(error.description.hasPrefix("Refusing to write 'a\\u{0}bxxx"))
        #expect(error.description.count < 400)
        #expect(!error.description.contains("\u{0}"))
    }

    // MARK: Names made from ids

    @Test func slugsOfHostileNamesAreShortASCIIFileNames() {
        for name in Self.hostileNames {
            for slug in [StableID.slug(name), StableID.fileSlug(name, maxLength: 80)] {
                #expect(slug.utf8.count <= 80)
                #expect(
                    slug.utf8.allSatisfy {
                        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
                    })
                #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.isEmpty)
            }
            let id = StableID.make(name: name, identity: name)
            #expect(id.utf8.count <= 51 && SitePath.problem("secrets/\(id).html") == nil)
        }
    }

    @Test func aFileNameWithoutAHashIsNeverAWindowsDeviceName() {
        #expect(StableID.fileSlug("CON") == "con-page")
        #expect(StableID.fileSlug("nul") == "nul-page")
        #expect(StableID.fileSlug("Com1") == "com1-page")
        #expect(StableID.fileSlug("LPT9") == "lpt9-page")
        #expect(StableID.fileSlug("console") == "console")
        #expect(StableID.fileSlug("com10") == "com10")
    }

    /// A native input whose every id and name is one of ``hostileNames``.
    static func hostileInput() throws -> Data {
        var resources: [[String: Any]] = []
        var findings: [[String: Any]] = []
        var paths: [[String: Any]] = []
        for (index, name) in hostileNames.enumerated() {
            resources.append([
                "id": name, "name": name, "kind": index % 2 == 0 ? "virtualMachine" : "storageAccount",
                "cloud": "azure", "internetExposed": index % 2 == 0, "tags": [name: name],
                "hostnames": [name.lowercased()],
            ])
            findings.append([
                "resource": name, "secretType": index % 3 == 0 ? name : "azure-storage-connection-string",
                "fingerprint": "hmac-sha256:" + String(repeating: "ab", count: 30) + String(1000 + index),
                "filePath": "/" + name,
                "line": 1, "targetHosts": [hostileNames[(index + 1) % hostileNames.count].lowercased()],
            ])
            paths.append([
                "id": name, "name": name, "riskLevel": "high", "entryPoint": name,
                "target": hostileNames[(index + 1) % hostileNames.count],
            ])
        }
        let document: [String: Any] = [
            "format": "secret-atlas/v1", "resources": resources, "findings": findings, "attackPaths": paths,
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    }

    @Test func aSiteOfHostileIdsWritesOnlyShortSafeNamesInsideTheOutputFolder() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("hostile.json")
        try Self.hostileInput().write(to: input)
        let outside = ["/tmp/pwned", "/etc/x", "/tmp/pwned.html"].filter {
            FileManager.default.fileExists(atPath: $0)
        }
        let before = try Tree(folder.path)
        let configuration = SiteConfiguration(
            inputs: [input.path], outputDirectory: folder.appendingPathComponent("out").path,
            templatesDirectory: TestSupport.templates, assetsDirectory: TestSupport.assets)
        let report = try SiteBuilder.build(configuration)
        #expect(report.pageCount > 3 * Self.hostileNames.count)
        let after = try Tree(folder.path)
        // The parent folder gained exactly the site: no staging folder, lock or stray file beside it.
        #expect(
            after.entries.keys.filter { !$0.hasPrefix("out/") && $0 != "out" }.sorted()
                == before.entries.keys.sorted())
        #expect(
            ["/tmp/pwned", "/etc/x", "/tmp/pwned.html"].filter { FileManager.default.fileExists(atPath: $0) }
                == outside)
        let site = try Tree(folder.appendingPathComponent("out").path)
        #expect(site.entries.values.allSatisfy { $0.hasPrefix("f ") || $0 == "d" }, "only files and folders")
        for path in site.entries.keys {
            #expect(SitePath.problem(path) == nil, "\(path)")
            #expect(path.utf8.count <= 120, "\(path)")
            for component in path.split(separator: "/") {
                #expect(component.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "\(path)")
                #expect(!component.hasPrefix("-"), "\(path)")
                let stem = component.split(separator: ".").first.map { String($0).lowercased() } ?? ""
                #expect(!["con", "prn", "aux", "nul", "com1", "lpt1"].contains(stem), "\(path)")
            }
        }
        // Every page named after an id is a slug and a hash.
        let pages = site.entries.keys.filter {
            $0.hasPrefix("secrets/") || $0.hasPrefix("inventory/") || $0.hasPrefix("attack-paths/")
        }
        #expect(pages.count >= 3 * Self.hostileNames.count)
        for page in pages {
            let name = page.split(separator: "/").last.map(String.init) ?? ""
            #expect(name.wholeMatch(of: /[a-z0-9][a-z0-9-]{0,60}\.html/) != nil, "\(page)")
        }
    }

    // MARK: What was there before

    @Test func foldersThatAreNotSitesAreRefusedAndLeftAsTheyWere() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fileManager = FileManager.default
        // A home-like folder, a folder of only hidden files, a file, a link to a site, a link to an empty folder.
        let home = folder.appendingPathComponent("home")
        try fileManager.createDirectory(
            at: home.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
        try fileManager.createDirectory(
            at: home.appendingPathComponent("Documents"), withIntermediateDirectories: true)
        try Data("key".utf8).write(to: home.appendingPathComponent(".ssh/id_ed25519"))
        try Data("notes".utf8).write(to: home.appendingPathComponent("Documents/notes.txt"))
        try Data("export PATH".utf8).write(to: home.appendingPathComponent(".profile"))
        let hidden = folder.appendingPathComponent("hidden")
        try fileManager.createDirectory(at: hidden, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: hidden.appendingPathComponent(".env"))
        try Data("y".utf8).write(to: hidden.appendingPathComponent(".gitignore"))
        let file = folder.appendingPathComponent("file.txt")
        try Data("a file".utf8).write(to: file)
        // A folder with a `.secret-atlas` that SecretAtlas did not write (other text) is not a site either.
        let impostor = folder.appendingPathComponent("impostor")
        try fileManager.createDirectory(at: impostor, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: impostor.appendingPathComponent(".secret-atlas"))
        try Data("data".utf8).write(to: impostor.appendingPathComponent("data.csv"))
        let site = folder.appendingPathComponent("site")
        let writer = try DirectoryWriter(destination: site.path)
        try writer.write(OutputFile(path: "index.html", bytes: Array("site".utf8)))
        try writer.finish()
        try fileManager.createDirectory(
            at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(
            at: folder.appendingPathComponent("link-to-site"), withDestinationURL: site)
        try fileManager.createSymbolicLink(
            at: folder.appendingPathComponent("link-to-empty"),
            withDestinationURL: folder.appendingPathComponent("empty"))
        try fileManager.createSymbolicLink(
            at: folder.appendingPathComponent("dangling"),
            withDestinationURL: folder.appendingPathComponent("nowhere"))
        let before = try Tree(folder.path)
        let cases: [(String, String)] = [
            ("home", "is not a SecretAtlas site"), ("hidden", "is not a SecretAtlas site"),
            ("impostor", "is not a SecretAtlas site"), ("file.txt", "is a file, not a folder"),
            ("link-to-site", "is a symbolic link"), ("link-to-empty", "is a symbolic link"),
            ("dangling", "is a symbolic link"),
        ]
        for (name, why) in cases {
            let path = folder.appendingPathComponent(name).path
            do {
                _ = try DirectoryWriter(destination: path)
                Issue.record("\(name) was accepted")
            } catch let error as SiteError {
                #expect(error.exitCode == 1)
                #expect(error.description.contains(why), "\(name): \(error)")
                #expect(error.description.contains(path))
            }
        }
        // The file system's root: refused, and nothing is made beside it.
        #expect(throws: SiteError.self) { try DirectoryWriter(destination: "/") }
        #expect(throws: SiteError.self) { try DirectoryWriter(destination: "/tmp/..") }
        #expect(!fileManager.fileExists(atPath: "/.lock") && !fileManager.fileExists(atPath: "/..lock"))
        #expect(try Tree(folder.path) == before)
    }

    @Test func aFolderFilledWhileTheBuildRanIsNotReplaced() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out")
        let writer = try DirectoryWriter(destination: destination.path)
        try writer.write(OutputFile(path: "index.html", bytes: []))
        // Between the start of the build and its end someone made the folder and put a file in it.
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: destination.appendingPathComponent("thesis.tex"))
        #expect(throws: SiteError.self) { try writer.finish() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path) == ["thesis.tex"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    }

    // MARK: Links planted beside and inside the site

    @Test func aLinkPlantedAtTheStagingFolderNameIsNotFollowed() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: victim.appendingPathComponent("keep.txt"))
        let pid = ProcessInfo.processInfo.processIdentifier
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent(".out.building-\(pid)"), withDestinationURL: victim)
        let before = try Tree(victim.path)
        let writer = try DirectoryWriter(destination: folder.appendingPathComponent("out").path)
        try writer.write(OutputFile(path: "index.html", bytes: Array("site".utf8)))
        try writer.finish()
        #expect(try Tree(victim.path) == before)
        #expect(
            try TestSupport.readTree(folder.appendingPathComponent("out").path)["index.html"]
                == Array("site".utf8))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out", "victim"])
    }

    @Test func recoveryNeverDeletesOrMovesThroughLinks() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fileManager = FileManager.default
        let victim = folder.appendingPathComponent("victim")
        try fileManager.createDirectory(
            at: victim.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: victim.appendingPathComponent("sub/keep.txt"))
        // Named like the folders of a killed build (PID 2^22 + 1: no process has it), but links.
        try fileManager.createSymbolicLink(
            at: folder.appendingPathComponent(".out.building-4194305"), withDestinationURL: victim)
        try fileManager.createSymbolicLink(
            at: folder.appendingPathComponent(".out.previous-4194305"), withDestinationURL: victim)
        // A real abandoned staging folder that holds a link to the victim: removed, the link not followed.
        let abandoned = folder.appendingPathComponent(".out.building-4194306")
        try fileManager.createDirectory(at: abandoned, withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(
            at: abandoned.appendingPathComponent("evil"), withDestinationURL: victim)
        let before = try Tree(victim.path)
        let writer = try DirectoryWriter(destination: folder.appendingPathComponent("out").path)
        try writer.write(OutputFile(path: "index.html", bytes: []))
        try writer.finish()
        #expect(try Tree(victim.path) == before)
        #expect(!fileManager.fileExists(atPath: abandoned.path))
        #expect(
            try fileManager.contentsOfDirectory(atPath: folder.path).sorted() == [
                ".out.building-4194305", ".out.previous-4194305", "out", "victim",
            ])
        var status = stat()
        #expect(
            lstat(folder.appendingPathComponent("out").path, &status) == 0
                && status.st_mode & S_IFMT == S_IFDIR)
    }

    @Test func linksPlantedInThePreviousSiteAreReplacedNotWrittenThrough() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fileManager = FileManager.default
        let victim = folder.appendingPathComponent("victim")
        try fileManager.createDirectory(at: victim, withIntermediateDirectories: true)
        try Data("victim page".utf8).write(to: victim.appendingPathComponent("index.html"))
        let site = folder.appendingPathComponent("site")
        let first = try DirectoryWriter(destination: site.path)
        try first.write(OutputFile(path: "index.html", bytes: Array("one".utf8)))
        try first.write(OutputFile(path: "secrets/a.html", bytes: Array("a".utf8)))
        try first.finish()
        // Someone replaces a page and a folder of the site by links to files outside it.
        try fileManager.removeItem(at: site.appendingPathComponent("index.html"))
        try fileManager.createSymbolicLink(
            at: site.appendingPathComponent("index.html"),
            withDestinationURL: victim.appendingPathComponent("index.html"))
        try fileManager.removeItem(at: site.appendingPathComponent("secrets"))
        try fileManager.createSymbolicLink(
            at: site.appendingPathComponent("secrets"), withDestinationURL: victim)
        let before = try Tree(victim.path)
        let second = try DirectoryWriter(destination: site.path)
        try second.write(OutputFile(path: "index.html", bytes: Array("two".utf8)))
        try second.write(OutputFile(path: "secrets/index.html", bytes: Array("victim page".utf8)))
        try second.finish()
        #expect(try Tree(victim.path) == before)
        let after = try Tree(site.path)
        #expect(after.entries["index.html"]?.hasPrefix("f 3 ") == true)
        #expect(after.entries["secrets"] == "d")
        // Not even a hard link to the file outside: the page is the site's own.
        var status = stat()
        #expect(
            lstat(site.appendingPathComponent("secrets/index.html").path, &status) == 0
                && status.st_nlink == 1)
        #expect(try TestSupport.readTree(site.path)["index.html"] == Array("two".utf8))
    }

    // MARK: Failures while writing

    /// Passes every call to a directory writer, but fails the `failAt`-th file written, or the seal.
    final class FailingWriter: SiteWriter {
        let inner: DirectoryWriter
        let failAt: Int?
        let failSeal: Bool
        let failPath: String?
        private let count = Mutex(0)

        init(_ inner: DirectoryWriter, failAt: Int? = nil, failSeal: Bool = false, failPath: String? = nil) {
            self.inner = inner
            self.failAt = failAt
            self.failSeal = failSeal
            self.failPath = failPath
        }

        private func countOne(_ path: String) throws {
            let number = count.withLock {
                $0 += 1
                return $0
            }
            if number == failAt || path == failPath {
                throw SiteError.writeFailed(
                    path: inner.destination + "/x", underlying: "No space left on device")
            }
        }

        func write(_ file: OutputFile) throws {
            try countOne(file.path)
            try inner.write(file)
        }

        func write(_ path: String, streaming produce: (any ChunkSink) throws -> Void) throws {
            try countOne(path)
            try inner.write(path, streaming: produce)
        }

        func patch(
            _ path: String, at offsets: [Int], with bytes: [UInt8], thenRead start: Int,
            _ consume: (UnsafeRawBufferPointer) throws -> Void
        ) throws {
            if failSeal { throw SiteError.writeFailed(path: path, underlying: "Input/output error") }
            try inner.patch(path, at: offsets, with: bytes, thenRead: start, consume)
        }

        func finish() throws { try inner.finish() }
        func discard() { inner.discard() }
    }

    /// The first, tenth and 25th file, the seal (the fingerprint written into pages), and the
    /// manifest files written last.
    @Test(
        arguments: [
            (1, false, nil), (10, false, nil), (25, false, nil), (nil, true, nil), (nil, false, "SHA256SUMS"),
            (nil, false, "REPORT-FINGERPRINT"),
        ] as [(Int?, Bool, String?)])
    func aFailureAnywhereInWritingLeavesThePreviousSiteIntact(failAt: Int?, failSeal: Bool, failPath: String?)
        throws
    {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site").path
        _ = try SiteBuilder.build(
            SiteConfiguration(
                inputs: [TestSupport.sampleInput], outputDirectory: output,
                templatesDirectory: TestSupport.templates, assetsDirectory: TestSupport.assets))
        let before = try Tree(folder.path)
        let (model, _) = try TestSupport.model(json: TestSupport.document())
        let writer = FailingWriter(
            try DirectoryWriter(destination: output), failAt: failAt, failSeal: failSeal, failPath: failPath)
        // What `SiteBuilder.build` does with its writer: write and seal, then finish, or discard on failure.
        #expect(throws: SiteError.self) {
            do {
                _ = try SiteBuilder.write(
                    model: model, templates: try TemplateSet(directory: TestSupport.templates),
                    assetsDirectory: TestSupport.assets, jobs: 2, to: writer)
                try writer.finish()
            } catch {
                writer.discard()
                throw error
            }
        }
        #expect(try Tree(folder.path) == before)
    }

    // MARK: The lock

    /// A flag set on one thread and read on another.
    final class Flag: Sendable {
        private let value = Mutex(false)
        var isSet: Bool { value.withLock { $0 } }
        func set() { value.withLock { $0 = true } }
    }

    @Test func aSecondBuildWaitsForTheLockAndNoLockFileIsLeft() async throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try SiteLock(parent: folder.path, name: "site")
        let waited = Flag()
        let acquired = Flag()
        // `flock` locks belong to an open file, so a second open in the same process waits too.
        let second = Thread {
            guard
                let lock = try? SiteLock(
                    parent: folder.path, name: "site", waiting: { waited.set() })
            else { return }
            acquired.set()
            lock.release()
        }
        second.start()
        try await Task.sleep(for: .milliseconds(300))
        #expect(waited.isSet)
        #expect(!acquired.isSet)
        // A build starting now does not wait: it leaves the cleanup of old folders for later.
        #expect(try SiteLock.ifFree(parent: folder.path, name: "site") == nil)
        let starting = try DirectoryWriter(destination: folder.appendingPathComponent("site").path)
        starting.discard()
        first.release()
        let deadline = ContinuousClock.now + .seconds(10)
        while !acquired.isSet, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(acquired.isSet)
        try await Task.sleep(for: .milliseconds(50))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func aLinkAtTheLockFileIsRefusedNotFollowed() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("keep".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent(".site.lock"), withDestinationURL: victim)
        #expect(
            throws: SiteError.writeFailed(
                path: folder.path + "/.site.lock",
                underlying: "cannot take the lock that keeps two builds of one site apart: it is a symbolic "
                    + "link, which a build never follows; remove it")
        ) { try SiteLock(parent: folder.path, name: "site") }
        #expect(throws: SiteError.self) {
            try DirectoryWriter(destination: folder.appendingPathComponent("site").path)
        }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                ".site.lock", "victim.txt",
            ])
    }

    // MARK: The zip

    @Test func theZipRefusesAFileWhoseNameCouldLeaveTheFolderItUnpacksInto() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("ok".utf8).write(to: site.appendingPathComponent("index.html"))
        // A backslash is a folder separator to Windows' unzip: `..\..\evil.bat` would land above.
        try Data("evil".utf8).write(to: site.appendingPathComponent("..\\..\\evil.bat"))
        let zip = folder.appendingPathComponent("site.zip").path
        #expect(throws: SiteError.self) {
            try ZipWriter(destination: zip).archive(folder: site.path, excluding: [])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
    }

    @Test func theZipReplacesALinkAtItsPathNeverWhatItPointsTo() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("ok".utf8).write(to: site.appendingPathComponent("index.html"))
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("keep".utf8).write(to: victim)
        let zip = folder.appendingPathComponent("site.zip")
        try FileManager.default.createSymbolicLink(at: zip, withDestinationURL: victim)
        // And a link planted at the name the zip is built under.
        let pid = ProcessInfo.processInfo.processIdentifier
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("site.zip.building-\(pid)"), withDestinationURL: victim)
        // What killed builds left: a staged archive (removed) and a link of that form (left alone).
        try Data("half a zip".utf8).write(to: folder.appendingPathComponent("site.zip.building-4194305"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("site.zip.building-4194306"), withDestinationURL: victim)
        try ZipWriter(destination: zip.path).archive(folder: site.path, excluding: [])
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("site.zip.building-4194306"))
        var status = stat()
        #expect(lstat(zip.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "site", "site.zip", "victim.txt",
            ])
    }
}

/// Everything under a folder as `lstat` sees it, links not followed: a folder is `d`, a link
/// `l <target>`, a file `f <size> <SHA-256 of its bytes>`.
struct Tree: Equatable, CustomStringConvertible {
    var entries: [String: String] = [:]

    init(_ root: String) throws {
        try walk(root, prefix: "")
    }

    private mutating func walk(_ folder: String, prefix: String) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                entries[prefix + name] = "d"
                try walk(path, prefix: prefix + name + "/")
            case S_IFLNK:
                entries[prefix + name] =
                    "l " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "")
            default:
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                entries[prefix + name] =
                    "f \(bytes.count) \(StableID.hexDigest(String(decoding: bytes, as: UTF8.self)))"
            }
        }
    }

    var description: String {
        entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
    }
}
