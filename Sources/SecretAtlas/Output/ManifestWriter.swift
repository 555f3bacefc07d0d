/// Seals a site: fills in the report fingerprint and adds `SHA256SUMS` (see ``Manifest``).
///
/// Files are held until ``seal()`` because the fingerprint printed on every page depends on every
/// file; they are then handed to the inner writer in path order, so any writer behind it (a folder,
/// a zip, a leak check) sees the final bytes and a deterministic order.
final class ManifestWriter: SiteWriter {
    private let inner: any SiteWriter
    private var files: [String: [UInt8]] = [:]
    /// The fingerprint, once sealed.
    private(set) var fingerprint: String?

    init(inner: any SiteWriter) {
        self.inner = inner
    }

    func write(_ file: OutputFile) throws {
        files[file.path] = file.bytes
    }

    /// Computes the fingerprint, writes every file with it filled in, then the fingerprint file and
    /// the manifest.
    /// - Returns: the report fingerprint.
    @discardableResult
    func seal() throws -> String {
        let content = files.filter { $0.key != Manifest.fileName && $0.key != Manifest.fingerprintFileName }
        let contentManifest = Manifest.text(of: content.map { ($0.key, Manifest.digest($0.value)) })
        let fingerprint = Manifest.digest(Array(contentManifest.utf8))
        self.fingerprint = fingerprint
        let placeholder = Array(Manifest.placeholder.utf8)
        var final: [(path: String, digest: String)] = []
        for path in content.keys.sorted() {
            let bytes = Manifest.replacing(
                placeholder, with: Array(fingerprint.utf8), in: content[path] ?? [])
            try inner.write(OutputFile(path: path, bytes: bytes))
            final.append((path, Manifest.digest(bytes)))
        }
        let fingerprintFile = Array((fingerprint + "\n").utf8)
        try inner.write(OutputFile(path: Manifest.fingerprintFileName, bytes: fingerprintFile))
        final.append((Manifest.fingerprintFileName, Manifest.digest(fingerprintFile)))
        try inner.write(OutputFile(path: Manifest.fileName, bytes: Array(Manifest.text(of: final).utf8)))
        files = [:]
        return fingerprint
    }

    func finish() throws {
        if fingerprint == nil { try seal() }
        try inner.finish()
    }

    func discard() {
        files = [:]
        inner.discard()
    }
}
