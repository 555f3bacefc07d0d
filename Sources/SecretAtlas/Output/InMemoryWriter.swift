/// Collects the site in memory, for tests.
final class InMemoryWriter: SiteWriter {
    private(set) var files: [String: [UInt8]] = [:]
    private(set) var isFinished = false

    func write(_ file: OutputFile) throws {
        files[file.path] = file.bytes
    }

    func finish() throws {
        isFinished = true
    }

    func discard() {
        files = [:]
    }
}
