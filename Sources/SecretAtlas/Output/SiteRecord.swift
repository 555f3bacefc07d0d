import Foundation

/// What a build records about itself in the site's marker file (``DirectoryWriter/markerName``), so
/// the next build into the same folder can tell that nothing changed and skip all the work.
///
/// The marker keeps its first line (the explanation a person reading it sees) and adds one line of
/// JSON: the ``BuildKey``, the figures of the build report, its warnings (an unchanged rebuild
/// prints them again, and `--strict` is part of the key), and a digest of the site's listing —
/// every path with its size and modification time (``SiteListing``), plus the zip's — so a site
/// edited, added to or pruned by hand is noticed with `lstat` alone and rebuilt.
struct SiteRecord: Codable, Equatable {
    /// A warning as recorded: the fields of a ``Diagnostic``.
    struct Warning: Codable, Equatable {
        let file: String?
        let path: String?
        let line: Int?
        let column: Int?
        let message: String

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.file
            message = diagnostic.message
            switch diagnostic.location {
            case nil: (path, line, column) = (nil, nil, nil)
            case .path(let path): (self.path, line, column) = (path, nil, nil)
            case .lineColumn(let line, let column): (path, self.line, self.column) = (nil, line, column)
            case .line(let line, let path): (self.path, self.line, column) = (path, line, nil)
            }
        }

        var diagnostic: Diagnostic {
            let location: Diagnostic.Location? =
                switch (path, line, column) {
                case (_, .some(let line), .some(let column)): .lineColumn(line, column)
                case (let path, .some(let line), nil): .line(line, path: path)
                case (.some(let path), nil, _): .path(path)
                default: nil
                }
            return Diagnostic(.warning, file: file, location: location, message: message)
        }
    }

    let buildKey: String
    let pageCount: Int
    let fileCount: Int
    let totalBytes: Int
    let largestPage: String
    let largestPageBytes: Int
    let warnings: [Warning]
    /// `--zip`, absolute, whose size and time are part of ``listing``.
    let zipPath: String?
    /// ``SiteListing/digest(alsoOf:)`` of the finished site; empty until ``DirectoryWriter`` fills it in.
    var listing = ""

    /// The record of a finished build.
    init(buildKey: String, report: BuildReport, zipPath: String?) {
        self.buildKey = buildKey
        pageCount = report.pageCount
        fileCount = report.fileCount
        totalBytes = report.totalBytes
        largestPage = report.largestPage
        largestPageBytes = report.largestPageBytes
        warnings = report.diagnostics.filter { $0.severity == .warning }.map(Warning.init)
        self.zipPath = zipPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// The report an unchanged rebuild gives: this build's figures and warnings.
    var report: BuildReport {
        var report = BuildReport(
            diagnostics: warnings.map(\.diagnostic), pageCount: pageCount, fileCount: fileCount,
            totalBytes: totalBytes, largestPage: largestPage, largestPageBytes: largestPageBytes)
        report.isUnchanged = true
        return report
    }

    /// The marker file's bytes: the explanation line, then the record as one line of JSON.
    var markerBytes: [UInt8] {
        get throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Array(DirectoryWriter.markerText.utf8) + Array(try encoder.encode(self)) + [0x0A]
        }
    }

    /// The record in the marker of the site at `site`, if it has one this version can read.
    static func read(site: String) -> SiteRecord? {
        let marker = (site as NSString).appendingPathComponent(DirectoryWriter.markerName)
        guard let bytes = try? FileTree.bytes(at: marker),
            bytes.starts(with: Array(DirectoryWriter.markerText.utf8))
        else { return nil }
        return try? JSONDecoder().decode(
            SiteRecord.self, from: Data(bytes.dropFirst(DirectoryWriter.markerText.utf8.count)))
    }

    /// Whether the site at `site` is exactly as the recorded build left it: the same paths, sizes and
    /// modification times, nothing added or removed, and the zip as it was.
    func isIntact(site: String) -> Bool {
        guard let listing = try? SiteListing(folder: site, excluding: [DirectoryWriter.markerName]) else {
            return false
        }
        return listing.digest(alsoOf: zipPath.map { [$0] } ?? []) == self.listing
    }
}
