import Foundation

/// Writes one file (an exported page) to a chosen path, atomically: a failed export leaves any
/// earlier file at that path as it was.
final class SingleFileWriter: SiteWriter {
    let destination: String
    private var bytes: [UInt8]?

    init(destination: String) {
        self.destination = destination
    }

    /// Takes the one file's bytes; its site path is ignored, the destination names it.
    func write(_ file: OutputFile) throws {
        guard bytes == nil else {
            throw SiteError.writeFailed(path: destination, underlying: "an export holds exactly one file")
        }
        bytes = file.bytes
    }

    func finish() throws {
        guard let bytes else {
            throw SiteError.writeFailed(path: destination, underlying: "nothing was exported")
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: destination), options: .atomic)
        } catch {
            throw SiteError.writeFailed(path: destination, underlying: error.localizedDescription)
        }
    }

    func discard() {
        bytes = nil
    }
}
