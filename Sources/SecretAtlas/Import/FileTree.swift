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
                errors.append(ReadError(path: url.path, reason: (error as NSError).localizedDescription))
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
            if values?.isSymbolicLink == true {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    // A dangling link the caller would have read is a missing input, not nothing.
                    if include(relative) {
                        errors.append(
                            ReadError(path: path, reason: "it is a symbolic link to a missing file"))
                    }
                    continue
                }
                if isDirectory.boolValue {
                    unfollowed.append(relative)
                    continue
                }
            } else if values?.isRegularFile != true {
                continue
            }
            if include(relative) { files.append(relative) }
        }
        return (files.sorted(), errors, unfollowed.sorted())
    }

    /// The whole content of a file.
    /// - Throws: ``ReadError`` with the system's reason (`No such file or directory`, `Permission denied`…).
    static func bytes(at path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
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
