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
    private let staging: String
    /// Folders above the destination that this build created, innermost first.
    private let createdParents: [String]
    /// Folders of the staging folder made so far; a folder is made under the lock, so two pages of
    /// one new folder never race to make it.
    private let createdDirectories = Mutex<Set<String>>([])

    /// Prepares a staging folder beside `destination`.
    /// - Throws: ``SiteError/writeFailed(path:underlying:)`` when the destination is a non-empty folder that
    ///   is not a SecretAtlas site (a typo in `-o` must never replace someone's home directory), or when
    ///   the staging folder cannot be made.
    init(destination: String) throws {
        let fileManager = FileManager.default
        let absolute = URL(fileURLWithPath: destination).standardizedFileURL.path
        self.destination = absolute
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: absolute, isDirectory: &isDirectory) {
            let contents =
                isDirectory.boolValue ? (try? fileManager.contentsOfDirectory(atPath: absolute)) ?? [] : ["?"]
            let isSite = fileManager.fileExists(atPath: absolute + "/" + Self.markerName)
            guard contents.isEmpty || isSite else {
                throw SiteError.writeFailed(
                    path: destination,
                    underlying:
                        "it exists and is not a SecretAtlas site (no \(Self.markerName) file), so it is not "
                        + "replaced; choose another -o, or delete it if an older SecretAtlas wrote it")
            }
        }
        let parent = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        // Folders of `-o` that do not exist yet are made for the build; a failed build removes them again.
        var missing: [String] = []
        var ancestor = parent
        while !fileManager.fileExists(atPath: ancestor), ancestor != "/" {
            missing.append(ancestor)
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        createdParents = missing
        staging = (parent as NSString).appendingPathComponent(
            ".\(name).building-\(ProcessInfo.processInfo.processIdentifier)")
        Self.recoverAbandonedFolders(in: parent, site: name, destination: absolute)
        do {
            try? fileManager.removeItem(atPath: staging)
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw SiteError.writeFailed(path: staging, underlying: error.localizedDescription)
        }
        do {
            try write(OutputFile(path: Self.markerName, bytes: Array(Self.markerText.utf8)))
        } catch {
            discard()
            throw error
        }
    }

    /// Cleans up after builds that were killed (their process is gone): a half-written staging folder
    /// is removed; a previous site that was moved aside but never replaced is moved back, since it
    /// is then the only copy of the site.
    private static func recoverAbandonedFolders(in parent: String, site name: String, destination: String) {
        let fileManager = FileManager.default
        for entry in ((try? fileManager.contentsOfDirectory(atPath: parent)) ?? []).sorted() {
            for kind in [".building-", ".previous-"] where entry.hasPrefix("." + name + kind) {
                guard let pid = Int32(entry.dropFirst(name.count + 1 + kind.count)),
                    kill(pid, 0) != 0, errno == ESRCH
                else { continue }
                let path = (parent as NSString).appendingPathComponent(entry)
                if kind == ".previous-", !fileManager.fileExists(atPath: destination) {
                    try? fileManager.moveItem(atPath: path, toPath: destination)
                } else {
                    try? fileManager.removeItem(atPath: path)
                }
            }
        }
    }

    func write(_ file: OutputFile) throws {
        let descriptor = try create(file.path)
        defer { close(descriptor) }
        try file.bytes.withUnsafeBytes { try Self.writeAll($0, to: descriptor, path: file.path) }
    }

    /// Writes each chunk as it comes: the producer gathers chunks (``ChunkBuffer``), so the
    /// descriptor itself needs no buffer.
    func write(_ path: String, streaming produce: (any ChunkSink) throws -> Void) throws {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try produce(DescriptorSink(descriptor: descriptor, path: path))
    }

    /// Opens a new file of the staging folder for writing, making its folder first if needed.
    ///
    /// Plain POSIX calls: Foundation's `Data.write(to:)` calls `fsync` for every file, which made
    /// writing a third of a 7,000-page build; the staging folder is moved into place only once
    /// everything is written, so per-file durability buys nothing here.
    private func create(_ relative: String) throws -> Int32 {
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
            throw SiteError.writeFailed(path: relative, underlying: error.localizedDescription)
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path) }
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
        let full = staging + "/" + path
        let descriptor = open(full, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure(path) }
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
                guard written > 0 else { throw Self.failure(path) }
                done += written
            }
        }
        // The tails read back are mostly a page footer; a buffer per call, as calls run at once.
        try withUnsafeTemporaryAllocation(byteCount: 1 << 16, alignment: 16) { buffer in
            var position = start
            while true {
                let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(position))
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { throw Self.failure(path) }
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
    /// How many files ``finish()`` kept from the previous site because their bytes were the same.
    private(set) var keptFileCount: Int {
        get { settings.withLock { $0.keptFileCount } }
        set { settings.withLock { $0.keptFileCount = newValue } }
    }

    func finish() throws {
        let fileManager = FileManager.default
        let previous = staging.replacingOccurrences(of: ".building-", with: ".previous-")
        let hadPrevious = fileManager.fileExists(atPath: destination)
        do {
            try keepUnchangedFilesAndRecord(previousSite: hadPrevious ? destination : nil)
        } catch {
            discard()
            throw error
        }
        if hadPrevious { progress?.begin(.replacingSite) }
        do {
            if hadPrevious {
                try fileManager.moveItem(atPath: destination, toPath: previous)
            }
            do {
                try fileManager.moveItem(atPath: staging, toPath: destination)
            } catch {
                if hadPrevious { try? fileManager.moveItem(atPath: previous, toPath: destination) }
                throw error
            }
            if hadPrevious { try? fileManager.removeItem(atPath: previous) }
        } catch {
            discard()
            throw SiteError.writeFailed(path: destination, underlying: error.localizedDescription)
        }
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
        try? FileManager.default.removeItem(atPath: staging)
        // Innermost first, and only while empty: nothing but this build ever wrote into them.
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
