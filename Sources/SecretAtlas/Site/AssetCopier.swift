/// Reads the assets folder (stylesheet, icons, scripts) so the writer can place it under `assets/`.
struct AssetCopier {
    let directory: String

    /// Every regular file under the folder, sorted by path, as output files under `assets/`.
    /// - Throws: ``SiteError/unreadableFile(path:underlying:)``.
    func files() throws -> [OutputFile] {
        let listing = FileTree.files(under: directory)
        if let error = listing.errors.first {
            throw SiteError.unreadableFile(path: error.path, underlying: error.reason)
        }
        return try listing.files.map { relative in
            do {
                return OutputFile(
                    path: "assets/" + relative, bytes: try FileTree.bytes(at: directory + "/" + relative))
            } catch let error as FileTree.ReadError {
                throw SiteError.unreadableFile(path: error.path, underlying: error.reason)
            }
        }
    }
}
