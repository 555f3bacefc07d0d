import Foundation

/// Reads the assets folder (stylesheet, icons, scripts) so the writer can place it under `assets/`.
struct AssetCopier {
    let directory: String

    /// Every regular file under the folder, sorted by path, as output files under `assets/`.
    func files() throws -> [OutputFile] {
        let relativePaths = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { !($0 as NSString).lastPathComponent.hasPrefix(".") }.sorted()
        var files: [OutputFile] = []
        for relative in relativePaths {
            let path = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else {
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SiteError.writeFailed(path: path, underlying: "cannot read the asset")
            }
            files.append(OutputFile(path: "assets/" + relative, bytes: [UInt8](data)))
        }
        return files
    }
}
