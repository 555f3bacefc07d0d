import Foundation
internal import ZIPFoundation

/// Writes the site as one zip file whose bytes depend only on the files: entries in path order,
/// every timestamp 1980-01-01 00:00 UTC (the first time a zip can hold), fixed permissions, deflate.
///
/// Entries sit at the root of the archive, so it unpacks into whatever folder is chosen and every
/// relative link keeps working; `secret-atlas verify` checks the unpacked folder.
final class ZipWriter: SiteWriter {
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    let destination: String
    private var files: [String: [UInt8]] = [:]

    init(destination: String) {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL.path
    }

    func write(_ file: OutputFile) throws {
        files[file.path] = file.bytes
    }

    /// Builds the archive beside the destination and moves it into place.
    func finish() throws {
        let staging = destination + ".building-\(ProcessInfo.processInfo.processIdentifier)"
        let fileManager = FileManager.default
        try SingleFileWriter.requireParentFolder(of: destination)
        try? fileManager.removeItem(atPath: staging)
        do {
            let archive = try Archive(url: URL(fileURLWithPath: staging), accessMode: .create)
            for path in files.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                let data = Data(files[path] ?? [])
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: Self.timestamp,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            if fileManager.fileExists(atPath: destination) {
                try fileManager.removeItem(atPath: destination)
            }
            try fileManager.moveItem(atPath: staging, toPath: destination)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw SiteError.writeFailed(path: destination, underlying: SingleFileWriter.reason(error))
        }
        files = [:]
    }

    func discard() {
        files = [:]
    }
}
