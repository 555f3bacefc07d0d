import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What `build -o` does to the disk, as a user runs it.
///
/// A folder that is not a site is refused and left as it was, a full disk is reported and leaves the previous site whole, and builds into
/// one folder at the same time each leave a complete site. Every process is bounded in time.
@Suite(.serialized)
struct OutputSafetyCLITests: CLISuite {
    /// A started process whose output goes to files (no pipe to fill up while it runs).
    struct Launched {
        let process: Process
        let stdout: URL
        let stderr: URL
    }

    /// Starts `executable` with this checkout's templates and assets and `environment` added.
    func launch(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) throws -> Launched {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var merged = ProcessInfo.processInfo.environment
        merged["SECRET_ATLAS_TEMPLATES"] = CLITests.packageRoot.appendingPathComponent("Templates").path
        merged["SECRET_ATLAS_ASSETS"] = CLITests.packageRoot.appendingPathComponent("Assets").path
        process.environment = merged.merging(environment) { $1 }
        let name = UUID().uuidString
        let stdout = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(name)")
        let stderr = FileManager.default.temporaryDirectory.appendingPathComponent("err-\(name)")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return Launched(process: process, stdout: stdout, stderr: stderr)
    }

    /// Waits at most `seconds` for `launched`; past that it is killed and the test fails.
    func wait(_ launched: Launched, seconds: Double) -> CLITests.Result {
        let deadline = Date().addingTimeInterval(seconds)
        while launched.process.isRunning, Date() < deadline { usleep(20_000) }
        if launched.process.isRunning {
            launched.process.terminate()
            Issue.record("\(launched.process.arguments ?? []) ran longer than \(seconds) s and was stopped")
        }
        launched.process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: launched.stdout)
            try? FileManager.default.removeItem(at: launched.stderr)
        }
        return CLITests.Result(
            status: launched.process.terminationStatus,
            stdout: (try? String(contentsOf: launched.stdout, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: launched.stderr, encoding: .utf8)) ?? "")
    }

    /// Runs `secret-atlas` with `arguments`, bounded to `seconds`.
    func bounded(
        _ arguments: [String], in directory: URL, seconds: Double = 120, environment: [String: String] = [:]
    ) throws -> CLITests.Result {
        wait(
            try launch(CLITests.binary, arguments, in: directory, environment: environment), seconds: seconds)
    }

    /// Every entry under `root` as `lstat` sees it (links not followed), with each file's bytes.
    func snapshot(_ root: URL) throws -> [String: Data] {
        var entries: [String: Data] = [:]
        func walk(_ folder: String, _ prefix: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let path = folder + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    entries[prefix + name + "/"] = Data()
                    try walk(path, prefix + name + "/")
                case S_IFLNK:
                    entries[prefix + name + "@"] = Data(
                        ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "").utf8)
                default:
                    entries[prefix + name] = try Data(contentsOf: URL(fileURLWithPath: path))
                }
            }
        }
        try walk(root.path, "")
        return entries
    }

    // MARK: Folders that are not sites

    @Test func refusesEveryFolderThatIsNotASiteAndChangesNothingInIt() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fileManager = FileManager.default
        let sample = CLITests.packageRoot.appendingPathComponent("site-sample/input").path
        // A home directory: dotfiles, folders, a key.
        let home = folder.appendingPathComponent("home")
        for (path, text) in [
            (".ssh/id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----"), (".bashrc", "alias ll='ls -l'"),
            ("Documents/thesis.tex", "\\documentclass{article}"), ("site/index.html", "<h1>my blog</h1>"),
        ] {
            let url = home.appendingPathComponent(path)
            try fileManager.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let hidden = folder.appendingPathComponent("only-hidden")
        try fileManager.createDirectory(at: hidden, withIntermediateDirectories: true)
        try Data("TOKEN=1".utf8).write(to: hidden.appendingPathComponent(".env"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("plain.txt"))
        let built = try bounded(["build", sample, "-o", "real-site", "--quiet"], in: folder)
        #expect(built.status == 0, "\(built.stderr)")
        try fileManager.createSymbolicLink(
            at: folder.appendingPathComponent("link"),
            withDestinationURL: folder.appendingPathComponent("real-site"))
        let before = try snapshot(folder)
        let cases: [([String], String, String)] = [
            (["-o", "home"], "home", "is not a SecretAtlas site"),
            (["-o", "home/"], "home", "is not a SecretAtlas site"),
            (["-o", "only-hidden"], "only-hidden", "is not a SecretAtlas site"),
            (["-o", "plain.txt"], "plain.txt", "is a file, not a folder"),
            (["-o", "link"], "link", "is a symbolic link"),
        ]
        for (options, named, why) in cases {
            let result = try bounded(["build", sample] + options, in: folder)
            #expect(result.status == 1, "\(options): \(result.stderr)")
            #expect(result.stderr.contains("error: Cannot write '\(named)"), "\(result.stderr)")
            #expect(result.stderr.contains(why), "\(result.stderr)")
        }
        // `-o ~` as a shell expands it, with HOME at the home-like folder.
        let tilde = wait(
            try launch(
                URL(fileURLWithPath: "/bin/sh"),
                ["-c", "exec \"$0\" build \"$1\" -o ~", CLITests.binary.path, sample],
                in: folder, environment: ["HOME": home.path]),
            seconds: 120)
        #expect(tilde.status == 1)
        #expect(
            tilde.stderr.contains("Cannot write '\(home.path)': it exists and is not a SecretAtlas site"),
            "\(tilde.stderr)")
        #expect(try snapshot(folder) == before)
    }

    @Test func refusesTheRootFolderWithoutWritingBesideIt() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = CLITests.packageRoot.appendingPathComponent("site-sample/input").path
        let rootBefore = try FileManager.default.contentsOfDirectory(atPath: "/").sorted()
        for output in ["/", "/tmp/..", "//"] {
            let result = try bounded(["build", sample, "-o", output], in: folder)
            #expect(result.status == 1, "\(output): \(result.stderr)")
            #expect(result.stderr.contains("is not a SecretAtlas site"), "\(result.stderr)")
        }
        let rootAfter = try FileManager.default.contentsOfDirectory(atPath: "/").sorted()
        #expect(rootAfter.filter { $0.contains("building") || $0.hasSuffix(".lock") } == [])
        #expect(Set(rootBefore).symmetricDifference(rootAfter).filter { $0.hasPrefix(".") } == [])
    }

    // MARK: Hostile ids

    @Test func hostileIdsBuildAndExportOnlyInsideTheirOutput() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = [
            "../../../../tmp/pwned-secret-atlas", "/etc/x-secret-atlas", "a\u{0}b", "CON", "-rf", ".hidden",
            "..", String(repeating: "A", count: 1000), String(repeating: "../", count: 200), "a\\b",
        ]
        var resources: [[String: Any]] = []
        var findings: [[String: Any]] = []
        for (index, name) in names.enumerated() {
            resources.append([
                "id": name, "name": name, "kind": "virtualMachine", "cloud": "azure", "internetExposed": true,
            ])
            findings.append([
                "resource": name, "secretType": "ssh-private-key", "filePath": "/" + name,
                "fingerprint": "hmac-sha256:" + String(repeating: "cd", count: 30) + String(1000 + index),
            ])
        }
        let document: [String: Any] = [
            "format": "secret-atlas/v1", "resources": resources, "findings": findings,
        ]
        try JSONSerialization.data(withJSONObject: document).write(
            to: folder.appendingPathComponent("hostile.json"))
        let outsideBefore = ["/tmp/pwned-secret-atlas", "/etc/x-secret-atlas"].map {
            FileManager.default.fileExists(atPath: $0)
        }
        let before = try snapshot(folder)
        let build = try bounded(["build", "hostile.json", "-o", "out", "--quiet"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let export = try bounded(
            ["export", "--resource", names[0], "hostile.json", "-o", "item.html"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        // An export to a folder is refused and leaves it as it was.
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("folder.html"), withIntermediateDirectories: true)
        let toFolder = try bounded(
            ["export", "--resource", names[0], "hostile.json", "-o", "folder.html"], in: folder)
        #expect(toFolder.status == 1)
        #expect(toFolder.stderr.contains("Cannot write 'folder.html': it is a folder"), "\(toFolder.stderr)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("folder.html"))
        let after = try snapshot(folder)
        let added = Set(after.keys).subtracting(before.keys)
        #expect(added.filter { !$0.hasPrefix("out/") }.sorted() == ["item.html"])
        #expect(added.contains("out/") && added.contains("out/index.html"))
        #expect(added.allSatisfy { $0.utf8.count < 130 && !$0.contains("..") && !$0.contains("\\") })
        #expect(
            ["/tmp/pwned-secret-atlas", "/etc/x-secret-atlas"].map {
                FileManager.default.fileExists(atPath: $0)
            }
                == outsideBefore)
        let verify = try bounded(["verify", "out"], in: folder)
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    // MARK: A full disk

    /// A build that runs out of room (here a file-size limit, `EFBIG`, which needs no root) fails
    /// with the reason and the place, and the site from before is exactly as it was.
    @Test func aFileSizeLimitFailsTheBuildAndKeepsThePreviousSite() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = CLITests.packageRoot.appendingPathComponent("site-sample/input").path
        let first = try bounded(["build", sample, "-o", "site", "--quiet"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let synth = try bounded(
            ["synth", "--vms", "50", "--findings", "500", "-o", "big", "--quiet"], in: folder)
        #expect(synth.status == 0, "\(synth.stderr)")
        let before = try snapshot(folder.appendingPathComponent("site"))
        // `ulimit -f 100`: 50 or 100 KB by the shell's unit; findings.json of 500 findings is larger.
        // SIGXFSZ ignored, so the write fails with EFBIG instead of killing the process.
        let limited = wait(
            try launch(
                URL(fileURLWithPath: "/bin/sh"),
                [
                    "-c", "trap '' XFSZ; ulimit -f 100; exec \"$0\" build big -o site --quiet",
                    CLITests.binary.path,
                ],
                in: folder),
            seconds: 120)
        print("file-size limit build: exit \(limited.status): \(limited.stderr)")
        #expect(limited.status == 1)
        #expect(limited.stderr.contains("File too large"), "\(limited.stderr)")
        #expect(limited.stderr.contains(folder.appendingPathComponent("site").path), "\(limited.stderr)")
        #expect(try snapshot(folder.appendingPathComponent("site")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["big", "site"])
        let verify = try bounded(["verify", "site"], in: folder)
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    /// The real thing: a 4 MB tmpfs holds the sample site, not one of 500 findings.
    ///
    /// Needs root (to mount); skipped otherwise, with the file-size-limit test above covering the same path.
    @Test(
        .enabled(if: getuid() == 0, "needs root to mount a tmpfs; the file-size limit test covers it without")
    )
    func aFullDiskFailsTheBuildAndKeepsThePreviousSite() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = wait(
            try launch(
                URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.path],
                in: folder),
            seconds: 30)
        guard mount.status == 0 else {
            print("SKIPPED aFullDiskFailsTheBuildAndKeepsThePreviousSite: mount failed: \(mount.stderr)")
            return
        }
        defer {
            if let umount = try? launch(URL(fileURLWithPath: "/bin/umount"), ["-l", disk.path], in: folder) {
                _ = wait(umount, seconds: 30)
            }
        }
        let sample = CLITests.packageRoot.appendingPathComponent("site-sample/input").path
        let first = try bounded(["build", sample, "-o", "disk/site", "--quiet"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let synth = try bounded(
            ["synth", "--vms", "50", "--findings", "500", "-o", "big", "--quiet"], in: folder)
        #expect(synth.status == 0, "\(synth.stderr)")
        let before = try snapshot(disk)
        let freeBefore = freeBlocks(disk)
        let full = try bounded(["build", "big", "-o", "disk/site"], in: folder)
        print("full-disk build: exit \(full.status): \(full.stderr)")
        #expect(full.status == 1)
        #expect(full.stderr.contains("No space left on device"), "\(full.stderr)")
        #expect(full.stderr.contains(disk.appendingPathComponent("site").path), "\(full.stderr)")
        #expect(try snapshot(disk) == before, "the previous site and nothing else, byte for byte")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["site"])
        let verify = try bounded(["verify", "disk/site"], in: folder)
        #expect(verify.status == 0, "\(verify.stderr)")
        // The room the failed build took is free again, to the block.
        #expect(freeBlocks(disk) == freeBefore, "free blocks before and after the failed build")
    }

    /// Free blocks of the file system holding `folder`.
    func freeBlocks(_ folder: URL) -> UInt64 {
        var status = statvfs()
        guard statvfs(folder.path, &status) == 0 else { return 0 }
        return UInt64(status.f_bfree)
    }

    // MARK: Builds at the same time

    /// Four builds of four inputs into one folder at once, eight times over: each time every build
    /// succeeds and the folder holds exactly one of the four sites, whole, its zip the same build's,
    /// and nothing beside them.
    @Test func concurrentBuildsIntoOneFolderLeaveOneWholeSite() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeds = [1, 2, 3, 4]
        var expected: [Data: Int] = [:]
        for seed in seeds {
            let synth = try bounded(
                [
                    "synth", "--vms", "4", "--findings", "30", "--seed", "\(seed)", "-o", "input-\(seed)",
                    "--quiet",
                ],
                in: folder)
            #expect(synth.status == 0, "\(synth.stderr)")
            let alone = try bounded(["build", "input-\(seed)", "-o", "alone/\(seed)", "--quiet"], in: folder)
            #expect(alone.status == 0, "\(alone.stderr)")
            let sums = try Data(contentsOf: folder.appendingPathComponent("alone/\(seed)/SHA256SUMS"))
            expected[sums] = seed
        }
        #expect(expected.count == seeds.count, "four different sites")
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        let rounds = 8
        var winners: [Int] = []
        for round in 1...rounds {
            let started = try seeds.map { seed in
                try launch(
                    CLITests.binary,
                    [
                        "build", "input-\(seed)", "-o", "shared/site", "--zip", "shared/site.zip", "--quiet",
                        "--force",
                    ], in: folder)
            }
            let results = started.map { wait($0, seconds: 120) }
            for (seed, result) in zip(seeds, results) {
                #expect(result.status == 0, "round \(round), input \(seed): \(result.stderr)")
            }
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: shared.path).sorted() == [
                    "site", "site.zip",
                ],
                "round \(round)")
            let sums = try Data(contentsOf: shared.appendingPathComponent("site/SHA256SUMS"))
            // The zip moves into place with the site, under the same lock: it is the same build's.
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") {
                let unzip = wait(
                    try launch(
                        URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", "shared/site.zip", "SHA256SUMS"],
                        in: folder),
                    seconds: 30)
                #expect(Data(unzip.stdout.utf8) == sums, "round \(round): the zip is another build's")
            }
            guard let winner = expected[sums] else {
                Issue.record("round \(round): the site is none of the four builds")
                continue
            }
            winners.append(winner)
            // Exactly the winner's files, byte for byte (the marker records file times, so it differs).
            var site = try snapshot(shared.appendingPathComponent("site"))
            var alone = try snapshot(folder.appendingPathComponent("alone/\(winner)"))
            site[".secret-atlas"] = nil
            alone[".secret-atlas"] = nil
            #expect(site == alone, "round \(round)")
            let verify = try bounded(["verify", "shared/site"], in: folder)
            #expect(verify.status == 0, "round \(round): \(verify.stderr)")
        }
        print(
            "concurrent builds: \(rounds) rounds of \(seeds.count) builds; the site came from inputs \(winners)"
        )
    }
}
