/// Collects the site in memory, for tests.
final class InMemoryWriter: SiteWriter {
    private(set) var files: [String: [UInt8]] = [:]

    func write(_ file: OutputFile) throws {
        files[file.path] = file.bytes
    }

    func finish() throws {}

    func discard() {
        files = [:]
    }
}
