internal import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything in a site folder as the file system describes it — path, kind, size, modification
/// time — without reading a byte of content.
///
/// Two uses: the staged files a build compares with the previous site (``UnchangedFiles``), and
/// the digest recorded in the site's marker (``SiteRecord``) that tells a later build, by `lstat`
/// alone, whether the site is exactly as that build left it.
struct SiteListing {
    /// One thing in the folder.
    struct Entry {
        enum Kind: UInt8 {
            case file = 0x66  // "f"
            case folder = 0x64  // "d"
            case other = 0x6F  // "o": a link, socket or device, which SecretAtlas never writes
        }

        /// The path relative to the folder, with `/`.
        let path: String
        let kind: Kind
        let size: Int
        /// Modification time in nanoseconds since 1970.
        let modified: Int64
    }

    /// Every entry below the folder except the `excluded` top-level names, sorted by path bytes.
    let entries: [Entry]

    /// Lists `folder`.
    /// - Throws: ``SiteError/writeFailed(path:underlying:)`` when a folder cannot be read.
    init(folder: String, excluding excluded: Set<String> = []) throws {
        var entries: [Entry] = []
        try Self.walk(folder, prefix: "", excluding: excluded, into: &entries)
        entries.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.entries = entries
    }

    /// SHA-256 over every entry and over each of `others` (absolute paths of files outside the
    /// folder, such as the zip, with their size and time, or their absence): what the marker records.
    func digest(alsoOf others: [String] = []) -> String {
        var hasher = SHA256()
        for entry in entries {
            hasher.update(
                data: Array("\(entry.kind.rawValue) \(entry.size) \(entry.modified) \(entry.path)\n".utf8))
        }
        for path in others {
            var status = stat()
            let described =
                lstat(path, &status) == 0
                ? "\(status.st_size) \(Self.nanoseconds(status.st_mtim))" : "missing"
            hasher.update(data: Array("outside \(described) \(path)\n".utf8))
        }
        return Manifest.hex(hasher.finalize())
    }

    /// A time as nanoseconds since 1970.
    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Reads one folder with `readdir` and `fstatat` (FileManager's enumerator costs several times
    /// as much on a site of 100,000 files), then its subfolders.
    private static func walk(
        _ folder: String, prefix: String, excluding excluded: Set<String>, into entries: inout [Entry]
    ) throws {
        guard let directory = opendir(folder) else {
            throw SiteError.writeFailed(path: folder, underlying: String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var subfolders: [String] = []
        while let item = readdir(directory) {
            var entryName = item.pointee.d_name
            let capacity = MemoryLayout.size(ofValue: entryName)
            let name = withUnsafePointer(to: &entryName) {
                $0.withMemoryRebound(to: CChar.self, capacity: capacity) { String(cString: $0) }
            }
            if name == "." || name == ".." || (prefix.isEmpty && excluded.contains(name)) { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
                throw SiteError.writeFailed(
                    path: folder + "/" + name, underlying: String(cString: strerror(errno)))
            }
            let kind: Entry.Kind
            switch status.st_mode & S_IFMT {
            case S_IFREG: kind = .file
            case S_IFDIR: kind = .folder
            default: kind = .other
            }
            let path = prefix + name
            entries.append(
                Entry(
                    path: path, kind: kind, size: kind == .folder ? 0 : Int(status.st_size),
                    // A folder's time changes whenever a file in it is added, so it is not compared.
                    modified: kind == .folder ? 0 : nanoseconds(status.st_mtim)))
            if kind == .folder { subfolders.append(name) }
        }
        for name in subfolders {
            try walk(folder + "/" + name, prefix: prefix + name + "/", excluding: [], into: &entries)
        }
    }
}
