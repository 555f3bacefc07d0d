import Foundation

/// What `secret-atlas verify` found.
public struct VerifyReport: Sendable, Equatable {
    /// Files in the folder the manifest does not list.
    public let added: [String]
    /// Files whose bytes differ from the manifest.
    public let changed: [String]
    /// Files the manifest lists that are not in the folder.
    public let missing: [String]
    /// The report fingerprint the site states (`REPORT-FINGERPRINT`), if any.
    public let fingerprint: String?
    /// Whether recomputing the fingerprint from the files gives the stated one; nil when the files
    /// already differ from the manifest (or no fingerprint is stated), so it was not recomputed.
    public let fingerprintMatches: Bool?

    /// True when nothing was added, changed or removed and the fingerprint, if recomputed, matches.
    public var isClean: Bool {
        added.isEmpty && changed.isEmpty && missing.isEmpty && fingerprintMatches != false
    }
}

/// Checks a site folder, or an unpacked zip of one, against its `SHA256SUMS`.
public enum SiteVerifier {
    /// Files that are never part of the manifest: the manifest itself and the marker the folder
    /// writer leaves so a later build knows it may replace the folder.
    static let unlisted: Set<String> = [Manifest.fileName, DirectoryWriter.markerName]

    /// - Throws: ``SiteError/manifestUnreadable(path:detail:)`` when there is no readable manifest.
    public static func verify(directory: String) throws -> VerifyReport {
        let manifestPath = (directory as NSString).appendingPathComponent(Manifest.fileName)
        // Every file is read as inputs are: the folder may come from anyone, and a FIFO or a link to
        // /dev/zero in it must not hang the check or fill memory.
        let data: [UInt8]
        do {
            data = try FileTree.bytes(at: manifestPath)
        } catch let error as FileTree.ReadError where error.reason == String(cString: strerror(ENOENT)) {
            throw SiteError.manifestUnreadable(
                path: manifestPath, detail: "no such file; verify checks a folder SecretAtlas built")
        } catch {
            throw SiteError.manifestUnreadable(
                path: manifestPath, detail: (error as? FileTree.ReadError)?.reason ?? "\(error)")
        }
        guard let entries = Manifest.parse(String(decoding: data, as: UTF8.self)) else {
            throw SiteError.manifestUnreadable(
                path: manifestPath, detail: "a line is not '<64 hex digits>  <path>' as sha256sum writes")
        }
        let expected = Dictionary(
            entries.map { ($0.path, $0.digest) }, uniquingKeysWith: { first, _ in first })
        let present = try files(under: directory)
        let fingerprint =
            present.contains(Manifest.fingerprintFileName)
            ? (try? FileTree.bytes(at: directory + "/" + Manifest.fingerprintFileName))
                .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            : nil
        let pattern = fingerprint.map { Array($0.utf8) } ?? []
        let placeholder = Array(Manifest.placeholder.utf8)
        var changed: [String] = []
        var content: [(path: String, digest: String)] = []
        for path in present.sorted() where expected[path] != nil {
            // A file that cannot be read (a FIFO, a device) is not the file the manifest lists.
            guard let bytes = try? FileTree.bytes(at: directory + "/" + path) else {
                changed.append(path)
                continue
            }
            if Manifest.digest(bytes) != expected[path] { changed.append(path) }
            if path != Manifest.fingerprintFileName, !pattern.isEmpty {
                content.append(
                    (path, Manifest.digest(Manifest.replacing(pattern, with: placeholder, in: bytes))))
            }
        }
        let added = present.filter { expected[$0] == nil }.sorted()
        let missing = expected.keys.filter { !present.contains($0) }.sorted()
        var matches: Bool?
        if let fingerprint, added.isEmpty, changed.isEmpty, missing.isEmpty {
            matches = Manifest.digest(Array(Manifest.text(of: content).utf8)) == fingerprint
        }
        return VerifyReport(
            added: added, changed: changed, missing: missing, fingerprint: fingerprint,
            fingerprintMatches: matches)
    }

    /// Every regular file below the folder, hidden ones included (an added `.htaccess` counts), by
    /// relative path, except the unlisted ones at the root.
    private static func files(under directory: String) throws -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw SiteError.manifestUnreadable(path: directory, detail: "the folder cannot be listed")
        }
        var result = Set<String>()
        while let relative = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { continue }
            if unlisted.contains(relative) { continue }
            result.insert(relative)
        }
        return result
    }
}
