import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps the previous site's copy of every file whose bytes did not change, so a rebuild into the
/// same folder leaves those files' modification times (and inodes) as they were and a sync to a
/// web host (`rsync`, `aws s3 sync`) moves only what changed.
///
/// Runs on the complete staging folder just before it replaces the site: each staged file that has
/// a regular file of the same size at the same path in the previous site is compared byte for byte
/// and, when identical, replaced by a hard link to the previous file (a new link and a `rename`
/// over the staged file, so the staged file is never missing). Where linking is not possible (the
/// previous site on another file system, too many links) the staged file gets the previous
/// file's modification time instead. Files of the previous site that the build did not write are
/// simply not in the staging folder, so the swap removes them.
///
/// Everything here is an optimisation: a file that cannot be compared or linked stays as the
/// build wrote it, which is always correct.
enum UnchangedFiles {
    /// How much of a file's end is compared first: pages differ mostly in their footer (the report
    /// fingerprint and scan time), so most changed pages are told apart after one small read each.
    static let tailLength = 4096
    private static let chunkLength = 1 << 16
    /// `UTIME_OMIT` (a macro Swift does not import): leave the access time as it is.
    private static let utimeOmit = (1 << 30) - 2

    /// Replaces every staged file that has the same bytes as the previous site's by that file.
    /// - Parameters:
    ///   - staged: the staged files, relative to `staging` (folders and others are skipped).
    ///   - staging: the complete staging folder.
    ///   - previous: the site it replaces.
    ///   - jobs: how many threads compare files at once.
    ///   - progress: where each file compared is counted.
    /// - Returns: how many files were kept from the previous site.
    static func keep(
        _ staged: [SiteListing.Entry], staging: String, previous: String, jobs: Int,
        progress: BuildProgress?
    ) -> Int {
        // Only files whose folders are real folders of the previous site: through a link planted
        // there, a file outside the site could become one of its pages.
        let folders = realFolders(of: staged, in: previous)
        let files = staged.filter { entry in
            entry.kind == .file
                && folders.contains(
                    entry.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(entry.path[..<$0]) } ?? "")
        }
        progress?.begin(.keepingUnchangedFiles, total: files.count)
        let kept = Atomic<Int>(0)
        let workers = max(1, min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var buffers = (
                [UInt8](repeating: 0, count: chunkLength), [UInt8](repeating: 0, count: chunkLength)
            )
            var count = 0
            for index in stride(from: worker, to: files.count, by: workers) {
                let file = files[index]
                if keepPrevious(
                    file, staged: staging + "/" + file.path, previous: previous + "/" + file.path,
                    buffers: &buffers)
                {
                    count += 1
                }
                progress?.advance()
            }
            kept.add(count, ordering: .relaxed)
        }
        return kept.load(ordering: .relaxed)
    }

    /// The staged folders (and `""`, the root) that are folders in `previous` too, by `lstat` of
    /// each, so none of them is reached through a link; a folder under one that is not counts not.
    private static func realFolders(of staged: [SiteListing.Entry], in previous: String) -> Set<String> {
        var real: Set<String> = [""]
        // Sorted by path, so a folder comes before what is in it.
        for entry in staged where entry.kind == .folder {
            let parent =
                entry.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(entry.path[..<$0]) } ?? ""
            var status = stat()
            if real.contains(parent), lstat(previous + "/" + entry.path, &status) == 0,
                status.st_mode & S_IFMT == S_IFDIR
            {
                real.insert(entry.path)
            }
        }
        return real
    }

    /// Compares one file and, when the bytes are the same, puts the previous file in its place.
    private static func keepPrevious(
        _ file: SiteListing.Entry, staged: String, previous: String, buffers: inout ([UInt8], [UInt8])
    ) -> Bool {
        var old = stat()
        guard lstat(previous, &old) == 0, old.st_mode & S_IFMT == S_IFREG, Int(old.st_size) == file.size,
            sameBytes(staged, previous, size: file.size, buffers: &buffers)
        else { return false }
        let temporary = staged + ".secret-atlas-kept"
        unlink(temporary)
        if link(previous, temporary) == 0 {
            if rename(temporary, staged) == 0 { return true }
            unlink(temporary)
        }
        // No link: the new file stays, with the old time, which is what a sync tool compares.
        var times = [timespec(tv_sec: 0, tv_nsec: utimeOmit), old.st_mtim]
        return utimensat(AT_FDCWD, staged, &times, 0) == 0
    }

    /// Whether two files of `size` bytes hold the same bytes: the tail first, then the rest from the
    /// start, in chunks, stopping at the first difference.
    static func sameBytes(_ a: String, _ b: String, size: Int, buffers: inout ([UInt8], [UInt8])) -> Bool {
        let first = open(a, O_RDONLY | O_CLOEXEC)
        guard first >= 0 else { return false }
        defer { close(first) }
        let second = open(b, O_RDONLY | O_CLOEXEC)
        guard second >= 0 else { return false }
        defer { close(second) }
        let tail = min(size, tailLength)
        var ranges = [(size - tail, tail)]
        var offset = 0
        while offset < size - tail {
            let length = min(chunkLength, size - tail - offset)
            ranges.append((offset, length))
            offset += length
        }
        for (start, length) in ranges {
            guard readFully(first, into: &buffers.0, count: length, at: start),
                readFully(second, into: &buffers.1, count: length, at: start)
            else { return false }
            let equal = buffers.0.withUnsafeBytes { x in
                buffers.1.withUnsafeBytes { y in
                    guard let x = x.baseAddress, let y = y.baseAddress else { return length == 0 }
                    return memcmp(x, y, length) == 0
                }
            }
            guard equal else { return false }
        }
        return true
    }

    /// Reads exactly `count` bytes at `offset`; false when the file is shorter or unreadable.
    private static func readFully(_ descriptor: Int32, into buffer: inout [UInt8], count: Int, at offset: Int)
        -> Bool
    {
        var done = 0
        while done < count {
            let got = buffer.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            done += got
        }
        return true
    }
}
