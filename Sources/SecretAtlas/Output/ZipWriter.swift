import Foundation
internal import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a sealed site folder as one zip file whose bytes depend only on the files: entries in path
/// order, every timestamp 1980-01-01 00:00 UTC (the first time a zip can hold), fixed permissions,
/// deflate.
///
/// The zip is made from the folder once it is complete, reading each file from disk in chunks, so
/// it holds the final bytes (fingerprint filled in) and never the whole site in memory. Entries sit
/// at the root of the archive, so it unpacks into whatever folder is chosen and every relative link
/// keeps working; `secret-atlas verify` checks the unpacked folder.
struct ZipWriter {
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    let destination: String

    init(destination: String) {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL.path
    }

    /// Archives every file under `folder` but those named in `excluded` (relative paths), building
    /// the archive beside the destination and moving it into place.
    func archive(folder: String, excluding excluded: Set<String>) throws {
        let staged = try stage(folder: folder, excluding: excluded)
        do {
            try commit(staged)
        } catch {
            unlink(staged)
            throw error
        }
    }

    /// Archives every file under `folder` but those named in `excluded` into `NAME.building-PID`
    /// beside the destination; ``commit(_:)`` moves it into place (a build does that together with
    /// its site, under the site's lock: ``DirectoryWriter/companion``).
    /// - Returns: the path of the staged archive.
    func stage(folder: String, excluding excluded: Set<String>) throws -> String {
        let staging = destination + ".building-\(ProcessInfo.processInfo.processIdentifier)"
        try SingleFileWriter.requireParentFolder(of: destination)
        removeAbandoned()
        // A file of this name is an earlier process's; a link there is unlinked, never followed,
        // and the archive is then made with `O_EXCL` (ZIPFoundation's `.create`).
        unlink(staging)
        do {
            let archive = try Archive(url: URL(fileURLWithPath: staging), accessMode: .create)
            for path in try Self.files(under: folder).filter({ !excluded.contains($0) }) {
                try SitePath.check(path)
                try Self.add(path, from: folder + "/" + path, to: archive)
            }
            return staging
        } catch let error as SiteError {
            unlink(staging)
            throw error
        } catch {
            unlink(staging)
            throw SiteError.writeFailed(path: destination, underlying: SingleFileWriter.reason(error))
        }
    }

    /// Removes the archives that killed builds left staged beside the destination (their process
    /// is gone); only regular files, never what a link of that name points to.
    private func removeAbandoned() {
        let folder = (destination as NSString).deletingLastPathComponent
        let prefix = (destination as NSString).lastPathComponent + ".building-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else {
                continue
            }
            let path = (folder as NSString).appendingPathComponent(entry)
            var status = stat()
            if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG { unlink(path) }
        }
    }

    /// Moves a staged archive into place with one `rename`: the zip at the destination is always a
    /// whole one, and a link there is replaced, never followed.
    func commit(_ staged: String) throws {
        guard rename(staged, destination) == 0 else {
            throw SiteError.writeFailed(path: destination, underlying: String(cString: strerror(errno)))
        }
    }

    /// Relative paths of the regular files under `folder`, sorted by their bytes.
    private static func files(under folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw SiteError.writeFailed(path: folder, underlying: "the folder cannot be read")
        }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { paths.append(path) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// One entry, its bytes read from `file` as the archive asks for them.
    private static func add(_ path: String, from file: String, to archive: Archive) throws {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SiteError.writeFailed(path: file, underlying: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw SiteError.writeFailed(path: file, underlying: String(cString: strerror(errno)))
        }
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(status.st_size), modificationDate: timestamp,
            permissions: 0o644, compressionMethod: .deflate
        ) { position, size in
            var data = Data(count: size)
            var done = 0
            try data.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                while done < size {
                    let count = pread(descriptor, base + done, size - done, off_t(position) + off_t(done))
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else {
                        throw SiteError.writeFailed(path: file, underlying: "it changed while being archived")
                    }
                    done += count
                }
            }
            return data
        }
    }
}
