import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the site into a temporary folder beside the destination and moves it into place only when
/// complete, so a failed build never leaves a half-written site and the previous one survives.
///
/// Safe to call from several threads at once for different paths: the only state shared between
/// writes is the set of folders made, under a lock.
final class DirectoryWriter: SiteWriter {
    /// The file every site carries so a later build knows the folder is one it may replace.
    static let markerName = ".secret-atlas"
    static let markerText = "This folder is a site written by SecretAtlas; each build replaces it whole.\n"

    let destination: String
    /// The folder the site and its staging folder sit in, and the site's name in it.
    private let parent: String
    private let name: String
    private let staging: String
    /// Folders above the destination that this build created, innermost first.
    private let createdParents: [String]
    /// Folders of the staging folder made so far; a folder is made under the lock, so two pages of
    /// one new folder never race to make it.
    private let createdDirectories = Mutex<Set<String>>([])

    /// Prepares a staging folder beside `destination`.
    /// - Throws: ``SiteError/writeFailed(path:underlying:)`` when the destination is a file, a
    ///   symbolic link or a non-empty folder that is not a SecretAtlas site (a typo in `-o` must never
    ///   replace someone's home directory), or when the staging folder cannot be made.
    init(destination: String) throws {
        let fileManager = FileManager.default
        let absolute = URL(fileURLWithPath: destination).standardizedFileURL.path
        self.destination = absolute
        try Self.requireReplaceable(absolute, named: destination)
        parent = (absolute as NSString).deletingLastPathComponent
        name = (absolute as NSString).lastPathComponent
        // Folders of `-o` that do not exist yet are made for the build; a failed build removes them again.
        var missing: [String] = []
        var ancestor = parent
        while !fileManager.fileExists(atPath: ancestor), ancestor != "/" {
            missing.append(ancestor)
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        createdParents = missing
        staging = Self.sibling(parent, name, "building")
        do {
            do {
                try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw SiteError.writeFailed(path: parent, underlying: SingleFileWriter.reason(error))
            }
            // Under the lock: a build that is swapping its site in must not see its folders cleaned
            // up. When another build holds it, the cleanup is left to a later build: a start never waits.
            if let lock = try SiteLock.ifFree(parent: parent, name: name) {
                defer { lock.release() }
                Self.recoverAbandonedFolders(in: parent, site: name, destination: absolute)
            }
            try Self.makeOwnFolder(staging)
        } catch {
            // The staging folder is not this build's (it could not be made): only folders made above go.
            removeCreatedParents()
            throw error
        }
        do {
            try write(OutputFile(path: Self.markerName, bytes: Array(Self.markerText.utf8)))
        } catch {
            discard()
            throw error
        }
    }

    /// `.NAME.<kind>-PID` in `parent`: this process's staging folder or the previous site set aside.
    private static func sibling(_ parent: String, _ name: String, _ kind: String) -> String {
        (parent == "/" ? "" : parent) + "/.\(name).\(kind)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Whether a build may replace what is at `path`: nothing, an empty folder, or a SecretAtlas site.
    ///
    /// By `lstat`, so a link at `-o` is never followed: the site replaces the link itself, never
    /// what it points to.
    /// - Throws: ``SiteError/writeFailed(path:underlying:)`` saying why it may not, naming `shown`.
    static func requireReplaceable(_ path: String, named shown: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        func refuse(_ why: String) -> SiteError {
            SiteError.writeFailed(path: shown, underlying: why)
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            guard let contents = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw refuse("it is a folder that cannot be listed, so it is not replaced; choose another -o")
            }
            guard contents.isEmpty || isSite(path) else {
                throw refuse(
                    "it exists and is not a SecretAtlas site (no \(markerName) file), so it is not "
                        + "replaced; choose another -o, or delete it if an older SecretAtlas wrote it")
            }
        case S_IFLNK:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw refuse(
                "it is a symbolic link (to \(target)); a build replaces the folder at -o whole and never "
                    + "follows a link there, so pass the folder itself")
        default:
            throw refuse("it is a file, not a folder, so it is not replaced; choose another -o")
        }
    }

    /// A folder holds a site when its marker is a regular file that starts with ``markerText``.
    private static func isSite(_ folder: String) -> Bool {
        let marker = open(folder + "/" + markerName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard marker >= 0 else { return false }
        defer { close(marker) }
        let expected = Array(markerText.utf8)
        var bytes = [UInt8](repeating: 0, count: expected.count)
        var status = stat()
        guard fstat(marker, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        let count = bytes.withUnsafeMutableBytes { read(marker, $0.baseAddress, $0.count) }
        return count == expected.count && bytes == expected
    }

    /// Makes a new folder at `path`, this process's own name: whatever an earlier process of the
    /// same id left there goes first (a folder with what is in it, but a link is only unlinked, never
    /// followed), and `mkdir` then fails rather than reuse anything someone put there meanwhile.
    private static func makeOwnFolder(_ path: String) throws {
        removeLeftover(path)
        guard mkdir(path, 0o755) == 0 else {
            let reason =
                errno == EEXIST
                ? "it already exists and cannot be removed; remove it, or build into another folder"
                : String(cString: strerror(errno))
            throw SiteError.writeFailed(path: path, underlying: reason)
        }
    }

    /// Removes a folder with what is in it, or unlinks anything else, never following a link.
    private static func removeLeftover(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if status.st_mode & S_IFMT == S_IFDIR {
            try? FileManager.default.removeItem(atPath: path)
        } else {
            unlink(path)
        }
    }

    /// Cleans up after builds that were killed (their process is gone).
    ///
    /// A half-written staging folder is removed; a previous site that was moved aside but never
    /// replaced is moved back, since it is then the only copy of the site. Only real folders are touched: an entry of that name that
    /// is a link or a file was not made by a build, and is left alone.
    private static func recoverAbandonedFolders(in parent: String, site name: String, destination: String) {
        let fileManager = FileManager.default
        for entry in ((try? fileManager.contentsOfDirectory(atPath: parent)) ?? []).sorted() {
            for kind in [".building-", ".previous-"] where entry.hasPrefix("." + name + kind) {
                guard let pid = Int32(entry.dropFirst(name.count + 1 + kind.count)),
                    kill(pid, 0) != 0, errno == ESRCH
                else { continue }
                let path = (parent == "/" ? "" : parent) + "/" + entry
                var status = stat()
                guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
                if kind == ".previous-", lstat(destination, &status) != 0 {
                    rename(path, destination)
                } else {
                    try? fileManager.removeItem(atPath: path)
                }
            }
        }
    }

    func write(_ file: OutputFile) throws {
        let descriptor = try create(file.path)
        try closing(descriptor, file.path) {
            try file.bytes.withUnsafeBytes { try Self.writeAll($0, to: descriptor, path: shown(file.path)) }
        }
    }

    /// Writes each chunk as it comes: the producer gathers chunks (``ChunkBuffer``), so the
    /// descriptor itself needs no buffer.
    func write(_ path: String, streaming produce: (any ChunkSink) throws -> Void) throws {
        let descriptor = try create(path)
        try closing(descriptor, path) {
            try produce(DescriptorSink(descriptor: descriptor, path: shown(path)))
        }
    }

    /// Runs `body`, then closes `descriptor`, reporting a failed `close` too: some file systems (NFS,
    /// quotas) report a full disk only there.
    private func closing(_ descriptor: Int32, _ path: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw Self.failure(shown(path)) }
    }

    /// How a message names a file of the site: where it would be once the site is in place.
    private func shown(_ relative: String) -> String {
        destination + "/" + relative
    }

    /// Opens a new file of the staging folder for writing, making its folder first if needed.
    ///
    /// Plain POSIX calls: Foundation's `Data.write(to:)` calls `fsync` for every file, which made
    /// writing a third of a 7,000-page build; the staging folder is moved into place only once
    /// everything is written, so per-file durability buys nothing here.
    private func create(_ relative: String) throws -> Int32 {
        try SitePath.check(relative)
        let path = staging + "/" + relative
        // The folder by the last `/`, not `NSString.deletingLastPathComponent`: that bridges to
        // Foundation and cost 1 % of a build, for paths the site makes without `//` or a final `/`.
        let directory =
            relative.utf8.lastIndex(of: UInt8(ascii: "/")).map { staging + "/" + relative[..<$0] } ?? staging
        do {
            try createdDirectories.withLock { created in
                if !created.contains(directory) {
                    try FileManager.default.createDirectory(
                        atPath: directory, withIntermediateDirectories: true)
                    created.insert(directory)
                }
            }
        } catch {
            throw SiteError.writeFailed(path: shown(relative), underlying: SingleFileWriter.reason(error))
        }
        // `O_NOFOLLOW`: only this build writes in its staging folder, so a link there is never followed.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(shown(relative)) }
        return descriptor
    }

    fileprivate static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String)
        throws
    {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            offset += written
        }
    }

    /// Patches with `pwrite` and reads back with `pread` through one descriptor: a page is opened
    /// once more, and its bytes before `start` are neither read nor copied.
    func patch(
        _ path: String, at offsets: [Int], with bytes: [UInt8], thenRead start: Int,
        _ consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try SitePath.check(path)
        let full = staging + "/" + path
        let descriptor = open(full, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure(shown(path)) }
        defer { close(descriptor) }
        for offset in offsets {
            var done = 0
            while done < bytes.count {
                let written = bytes.withUnsafeBytes { buffer in
                    buffer.baseAddress.map {
                        pwrite(descriptor, $0 + done, buffer.count - done, off_t(offset + done))
                    }
                        ?? 0
                }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw Self.failure(shown(path)) }
                done += written
            }
        }
        // The tails read back are mostly a page footer; a buffer per call, as calls run at once.
        try withUnsafeTemporaryAllocation(byteCount: 1 << 16, alignment: 16) { buffer in
            var position = start
            while true {
                let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(position))
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { throw Self.failure(shown(path)) }
                if count == 0 { break }
                try consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                position += count
            }
        }
    }

    private static func failure(_ path: String) -> SiteError {
        SiteError.writeFailed(path: path, underlying: String(cString: strerror(errno)))
    }

    /// The folder being written, complete once the site is sealed; a zip is built from it
    /// (``ZipWriter``) before ``finish()`` moves it into place.
    var stagingFolder: String { staging }

    /// What ``finish()`` works with, set by the build before it; behind a lock only because pages
    /// are written from several threads and the writer must be `Sendable`.
    private struct FinishSettings {
        var record: SiteRecord?
        var jobs = 1
        var progress: BuildProgress?
        var keptFileCount = 0
        var companion: (zip: ZipWriter, staged: String)?
    }
    private let settings = Mutex(FinishSettings())

    /// What the build records in the marker (``SiteRecord``); ``finish()`` adds the listing.
    var record: SiteRecord? {
        get { settings.withLock { $0.record } }
        set { settings.withLock { $0.record = newValue } }
    }
    /// How many threads compare files with the previous site in ``finish()``.
    var jobs: Int {
        get { settings.withLock { $0.jobs } }
        set { settings.withLock { $0.jobs = newValue } }
    }
    var progress: BuildProgress? {
        get { settings.withLock { $0.progress } }
        set { settings.withLock { $0.progress = newValue } }
    }
    /// An archive of the site staged beside its destination (`--zip`), moved into place by
    /// ``finish()`` under the same lock as the site, so builds at once leave a zip and a site of the
    /// same build; ``discard()`` removes it.
    var companion: (zip: ZipWriter, staged: String)? {
        get { settings.withLock { $0.companion } }
        set { settings.withLock { $0.companion = newValue } }
    }
    /// How many files ``finish()`` kept from the previous site because their bytes were the same.
    private(set) var keptFileCount: Int {
        get { settings.withLock { $0.keptFileCount } }
        set { settings.withLock { $0.keptFileCount = newValue } }
    }

    /// Moves the staged site into place, under the lock that keeps builds of one site apart
    /// (``SiteLock``): a second build finishing at the same time waits here, then replaces this one.
    func finish() throws {
        do {
            let lock = try SiteLock(parent: parent, name: name) { [progress] in
                progress?.begin(.waitingForOtherBuild)
            }
            defer { lock.release() }
            // Again, under the lock: the folder may have been made, filled or linked while this build ran.
            try Self.requireReplaceable(destination, named: destination)
            var status = stat()
            let hadPrevious = lstat(destination, &status) == 0
            // The zip first: the marker's record covers it.
            if let companion {
                try companion.zip.commit(companion.staged)
                self.companion = nil
            }
            try keepUnchangedFilesAndRecord(previousSite: hadPrevious ? destination : nil)
            if hadPrevious { progress?.begin(.replacingSite) }
            try swapIntoPlace(hadPrevious: hadPrevious)
        } catch {
            discard()
            throw error
        }
    }

    /// Puts the staging folder at the destination.
    ///
    /// The two are exchanged in one step where the
    /// system can (Linux `renameat2`), so the site is never missing, even for a moment; otherwise
    /// the previous site is set aside as `.NAME.previous-PID` first, and put back if the new one
    /// cannot take its place.
    private func swapIntoPlace(hadPrevious: Bool) throws {
        guard hadPrevious else {
            guard rename(staging, destination) == 0 else { throw Self.failure(destination) }
            return
        }
        if Self.exchange(staging, destination) {
            // The staging folder's name now holds the previous site.
            Self.removeLeftover(staging)
            return
        }
        let previous = Self.sibling(parent, name, "previous")
        Self.removeLeftover(previous)
        guard rename(destination, previous) == 0 else { throw Self.failure(destination) }
        guard rename(staging, destination) == 0 else {
            let error = Self.failure(destination)
            rename(previous, destination)
            throw error
        }
        Self.removeLeftover(previous)
    }

    /// Exchanges two paths with `renameat2(…, RENAME_EXCHANGE)`.
    ///
    /// Looked up at run time: Swift's Glibc module does not declare it. False where it is missing or the file system cannot exchange.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(nil, "renameat2") else { return false }
            let function = unsafeBitCast(symbol, to: RenameAt2.self)
            // RENAME_EXCHANGE from <linux/fs.h>, which Swift does not import either.
            let renameExchange: UInt32 = 2
            return function(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
            return false
        #endif
    }

    /// Before the swap: files with the same bytes as the previous site's become that site's files
    /// (``UnchangedFiles``), then the marker gets the record with the final listing.
    private func keepUnchangedFilesAndRecord(previousSite: String?) throws {
        guard previousSite != nil || record != nil else { return }
        let excluded: Set<String> = [Self.markerName]
        if let previousSite {
            keptFileCount = UnchangedFiles.keep(
                try SiteListing(folder: staging, excluding: excluded).entries, staging: staging,
                previous: previousSite, jobs: jobs, progress: progress)
        }
        guard var record else { return }
        // Listed after the files were kept: their times are now the previous site's.
        record.listing = try SiteListing(folder: staging, excluding: excluded).digest(
            alsoOf: record.zipPath.map { [$0] } ?? [])
        try write(OutputFile(path: Self.markerName, bytes: try record.markerBytes))
    }

    func discard() {
        if let companion { unlink(companion.staged) }
        Self.removeLeftover(staging)
        removeCreatedParents()
    }

    /// Removes the folders made above the destination, innermost first, and only while empty:
    /// nothing but this build ever wrote into them.
    private func removeCreatedParents() {
        for folder in createdParents {
            guard (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true else {
                break
            }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}

/// Where ``DirectoryWriter/write(_:streaming:)`` sends each chunk: straight to the file.
private final class DescriptorSink: ChunkSink {
    let descriptor: Int32
    let path: String

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    func append(_ chunk: UnsafeRawBufferPointer) throws {
        try DirectoryWriter.writeAll(chunk, to: descriptor, path: path)
    }
}

/// `write(2)`, under a name the writer's own `write(_:)` method does not shadow.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
