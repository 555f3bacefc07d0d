import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads folders and files for every stage that takes files in: inputs, templates, catalog, assets.
///
/// One place decides what a folder contains (regular files, sorted, hidden paths skipped, symbolic
/// links to folders not followed, so a link loop cannot hang a build) and how a failed read is worded.
enum FileTree {
    /// A file or folder that could not be read, with the system's reason.
    struct ReadError: Error, Equatable {
        let path: String
        let reason: String
    }

    /// The regular files below `folder` whose relative path passes `include`, sorted.
    ///
    /// Anything whose name starts with a dot (`.git`, `.DS_Store`) is skipped, except `.ssh` folders,
    /// whose `authorized_keys` and `.pub` files a machine tree's SSH trust comes from. A symbolic
    /// link to a file counts as that file; a link to a folder is not followed, and is reported.
    /// - Returns: the files, a read error for each part that could not be listed, and the links to
    ///   folders that were not followed.
    static func files(under folder: String, include: (String) -> Bool = { _ in true }) -> (
        files: [String], errors: [ReadError], unfollowedLinks: [String]
    ) {
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        var errors: [ReadError] = []
        let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
            options: [],
            errorHandler: { url, error in
                errors.append(ReadError(path: url.path, reason: listingFailure(url.path, error)))
                return true
            })
        var files: [String] = []
        var unfollowed: [String] = []
        // The enumerator may report paths through a resolved root (macOS's /private/var for /var).
        let prefixes = [root.standardizedFileURL.path + "/", root.resolvingSymlinksInPath().path + "/"]
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent.hasPrefix("."), url.lastPathComponent != ".ssh" {
                enumerator?.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            let path = url.standardizedFileURL.path
            guard let prefix = prefixes.first(where: { path.hasPrefix($0) }) else {
                errors.append(ReadError(path: path, reason: "the path is not inside \(folder)"))
                continue
            }
            let relative = String(path.dropFirst(prefix.count))
            if values?.isSymbolicLink == true || values?.isRegularFile != true {
                // What the entry is once links are followed: a link loop or a dangling link, a
                // folder, or a FIFO or device that would block or never end if it were read.
                switch kind(of: path) {
                case .regularFile:
                    break
                case .folder where values?.isSymbolicLink == true:
                    unfollowed.append(relative)
                    continue
                case .folder:
                    continue
                case .unreadable(let reason), .other(let reason):
                    // An entry the caller would have read is a missing input, not nothing.
                    if include(relative) { errors.append(ReadError(path: path, reason: reason)) }
                    continue
                }
            }
            if include(relative) { files.append(relative) }
        }
        return (files.sorted(), errors, unfollowed.sorted())
    }

    /// Why a folder could not be listed, in the system's words (`Permission denied`) rather than
    /// Foundation's "The operation could not be completed…".
    private static func listingFailure(_ path: String, _ error: any Error) -> String {
        if let directory = opendir(path) {
            closedir(directory)
        } else {
            return String(cString: strerror(errno))
        }
        var text = (error as NSError).localizedDescription
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// What a path is once symbolic links are followed.
    enum Kind: Equatable {
        case regularFile
        case folder
        /// It cannot be examined: a link loop, a dangling link, no permission; with the reason.
        case unreadable(String)
        /// A FIFO, device or socket, with a reason naming it.
        case other(String)
    }

    /// What `path` is, following symbolic links.
    static func kind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            switch code {
            case ELOOP: return .unreadable("it is a loop of symbolic links")
            case ENOENT where isSymbolicLink(path):
                return .unreadable("it is a symbolic link to a missing file")
            default: return .unreadable(String(cString: strerror(code)))
            }
        }
        return kind(mode: status.st_mode)
    }

    private static func kind(mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .regularFile
        case S_IFDIR: .folder
        case S_IFIFO:
            .other("it is a FIFO (named pipe), not a regular file; save its content to a file first")
        case S_IFCHR, S_IFBLK: .other("it is a device, not a regular file")
        case S_IFSOCK: .other("it is a socket, not a regular file")
        default: .other("it is not a regular file")
        }
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// Opens a regular file for reading.
    ///
    /// Opened without blocking and checked after opening, so a FIFO, a terminal or `/dev/zero` named
    /// as an input (or swapped in after a check) is refused instead of hanging the build or filling
    /// memory without end.
    /// - Throws: ``ReadError`` with the system's reason or what the path is instead.
    static func openRegularFile(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            let reason = code == ELOOP ? "it is a loop of symbolic links" : String(cString: strerror(code))
            throw ReadError(path: path, reason: reason)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ReadError(path: path, reason: reason)
        }
        let kind = kind(mode: status.st_mode)
        guard kind == .regularFile else {
            close(descriptor)
            if kind == .folder { throw ReadError(path: path, reason: "it is a folder, not a file") }
            if case .other(let reason) = kind { throw ReadError(path: path, reason: reason) }
            throw ReadError(path: path, reason: "it is not a regular file")
        }
        return descriptor
    }

    /// The whole content of a file.
    /// - Throws: ``ReadError`` with the system's reason (`No such file or directory`, `Permission denied`…).
    static func bytes(at path: String) throws -> [UInt8] {
        let descriptor = try openRegularFile(path)
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// Up to `count` bytes from the start of a file, to recognise its format without reading it all.
    /// - Throws: ``ReadError`` with the system's reason.
    static func prefix(of path: String, count: Int) throws -> [UInt8] {
        let descriptor = try openRegularFile(path)
        defer { close(descriptor) }
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = result.withUnsafeMutableBytes {
                read(descriptor, $0.baseAddress.map { $0 + filled }, count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            filled += got
        }
        return Array(result[0..<filled])
    }

    /// A file's content as UTF-8 text.
    /// - Throws: ``ReadError`` when it cannot be read or is not valid UTF-8.
    static func text(at path: String) throws -> String {
        let data = try bytes(at: path)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ReadError(path: path, reason: "the file is not valid UTF-8 text")
        }
        return text
    }
}
