import Foundation

/// `findings.json`: the machine-readable report.
///
/// A later build reads it back through `--previous` to say what changed. Its schema is
/// `docs/findings.schema.json`.
///
/// Holds no secret value: secrets appear only as fingerprints, with types, resources, paths and lines.
struct ReportData: Codable, Sendable, Equatable {
    static let fileName = "findings.json"
    static let currentFormat = 1

    struct Generator: Codable, Sendable, Equatable {
        let name: String
        let version: String
    }

    struct Scan: Codable, Sendable, Equatable {
        /// RFC 3339 time of the scan (the latest input `scan.time`, else `SOURCE_DATE_EPOCH`).
        let time: String?
        let sources: [String]
    }

    struct Occurrence: Codable, Sendable, Equatable {
        let resource: String
        let resourceName: String?
        let filePath: String
        let line: Int?
        let scanner: String?
        let firstSeen: String?
        let lastSeen: String?
    }

    struct SecretEntry: Codable, Sendable, Equatable {
        /// The stable id, also the page name.
        let id: String
        /// The page, relative to the site root.
        let permalink: String
        let fingerprint: String
        let type: String
        let title: String
        let severity: String
        let verification: String
        let status: String?
        let targets: [String]
        let occurrences: [Occurrence]
    }

    struct ResourceEntry: Codable, Sendable, Equatable {
        let id: String
        let permalink: String
        /// The cloud's own id (ARM id, ARN, self link).
        let cloudId: String
        let name: String
        let kind: String
        let status: String?
        let secretCount: Int
    }

    struct AttackPathEntry: Codable, Sendable, Equatable {
        let id: String
        let permalink: String
        /// The id the source gave.
        let sourceId: String
        let name: String
        let riskLevel: String
        let status: String?
    }

    /// An item of an earlier report that this one no longer has; its page stays, saying so.
    struct ResolvedEntry: Codable, Sendable, Equatable {
        /// `secret`, `resource` or `attack-path`.
        let kind: String
        let id: String
        let permalink: String
        let title: String
        /// Scan time of the last report that had the item, if that report had a scan time.
        let lastSeenScan: String?
        /// Fingerprint of the last report that had the item.
        let lastSeenReport: String
    }

    /// The report this one was compared with (`--previous`).
    struct Comparison: Codable, Sendable, Equatable {
        let previousScan: String?
        let previousReport: String
    }

    let format: Int
    let generator: Generator
    /// The report fingerprint (see `SHA256SUMS` and docs/audit.md).
    let reportFingerprint: String
    let title: String
    let scan: Scan
    let comparedWith: Comparison?
    let secrets: [SecretEntry]
    let resources: [ResourceEntry]
    let attackPaths: [AttackPathEntry]
    let resolved: [ResolvedEntry]

    /// The report of a build, with the fingerprint placeholder that ``ManifestWriter`` fills in.
    init(context: RenderContext) {
        let model = context.model
        let changes = context.changes
        format = Self.currentFormat
        generator = Generator(name: "SecretAtlas", version: context.version)
        reportFingerprint = Manifest.placeholder
        title = model.title
        scan = Scan(time: model.scanTime?.text, sources: model.scanSources)
        comparedWith = changes.map {
            Comparison(previousScan: $0.previousScanTime, previousReport: $0.previousFingerprint)
        }
        secrets = model.secrets.map { SecretEntry($0, model: model, changes: changes) }
        resources = model.resources.map { ResourceEntry($0, model: model, changes: changes) }
        attackPaths = model.attackPaths.map { AttackPathEntry($0, changes: changes) }
        resolved = changes?.resolved ?? []
    }

    /// Pretty, key-sorted JSON: the same report always gives the same bytes.
    ///
    /// A build streams the same bytes instead (``write(context:to:)``); this is their definition.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [10]
    }

    /// Reads `findings.json` from an earlier site.
    /// - Throws: ``SiteError/previousUnreadable(path:detail:)``.
    static func read(siteDirectory: String) throws -> ReportData {
        let path = (siteDirectory as NSString).appendingPathComponent(fileName)
        // Read as inputs are: a FIFO or a link to /dev/zero in a folder someone handed over is
        // refused rather than waited on or read without end.
        let bytes: [UInt8]
        do {
            bytes = try FileTree.bytes(at: path)
        } catch let error as FileTree.ReadError where error.reason == String(cString: strerror(ENOENT)) {
            throw SiteError.previousUnreadable(
                path: path, detail: "no such file; --previous names the folder of a site SecretAtlas built")
        } catch {
            throw SiteError.previousUnreadable(
                path: path, detail: (error as? FileTree.ReadError)?.reason ?? "\(error)")
        }
        do {
            let report = try JSONDecoder().decode(ReportData.self, from: Data(bytes))
            guard report.format == currentFormat else {
                throw SiteError.previousUnreadable(
                    path: path,
                    detail: "format \(report.format); this SecretAtlas reads format \(currentFormat)")
            }
            return report
        } catch let error as SiteError {
            throw error
        } catch let error as DecodingError {
            // Foundation says only "not valid JSON"; SecretAtlas's own parser says where and why.
            if case .dataCorrupted = error {
                do {
                    _ = try JSONParser.parse(bytes)
                } catch let syntax as JSONParser.SyntaxError {
                    throw SiteError.previousUnreadable(
                        path: path,
                        detail: "malformed JSON at \(syntax.line):\(syntax.column): \(syntax.detail)")
                } catch {}
            }
            throw SiteError.previousUnreadable(path: path, detail: Self.describe(error))
        } catch {
            throw SiteError.previousUnreadable(path: path, detail: "\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            "$" + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        // Foundation's own text ends with a full stop; the message adds one.
        func detail(_ context: DecodingError.Context) -> String {
            context.debugDescription.hasSuffix(".")
                ? String(context.debugDescription.dropLast()) : context.debugDescription
        }
        switch error {
        case .keyNotFound(let key, let context):
            return
                "missing member '\(key.stringValue)' at \(place(context.codingPath)); expected a findings.json"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected value at \(place(context.codingPath)): \(detail(context))"
        case .dataCorrupted(let context):
            return "not valid JSON at \(place(context.codingPath)): \(detail(context))"
        @unknown default:
            return "\(error)"
        }
    }
}

// The entries of one model item each, shared by ``ReportData/init(context:)`` and the streamed
// file (``ReportData/write(context:to:)``), which makes them one at a time.

extension ReportData.SecretEntry {
    init(_ secret: Secret, model: SiteModel, changes: ChangeSet?) {
        let type = model.catalog.secretType(secret.type)
        self.init(
            id: secret.siteID, permalink: SiteRoutes.secret(secret), fingerprint: secret.fingerprint,
            type: secret.type, title: type.title, severity: type.severity.rawValue,
            verification: secret.verification.rawValue,
            status: changes?.status(.secret, secret.siteID)?.rawValue, targets: secret.targets,
            occurrences: secret.occurrences.map {
                ReportData.Occurrence(
                    resource: $0.resourceID, resourceName: model.resource($0.resourceID)?.name,
                    filePath: $0.filePath, line: $0.line, scanner: $0.scanner,
                    firstSeen: $0.firstSeen?.text, lastSeen: $0.lastSeen?.text)
            })
    }
}

extension ReportData.ResourceEntry {
    init(_ resource: Resource, model: SiteModel, changes: ChangeSet?) {
        self.init(
            id: resource.siteID, permalink: SiteRoutes.resource(resource), cloudId: resource.id,
            name: resource.name, kind: resource.kind.displayName,
            status: changes?.status(.resource, resource.siteID)?.rawValue,
            secretCount: model.secretsByResource[resource.id]?.count ?? 0)
    }
}

extension ReportData.AttackPathEntry {
    init(_ path: AttackPath, changes: ChangeSet?) {
        self.init(
            id: path.siteID, permalink: SiteRoutes.attackPath(path), sourceId: path.id, name: path.name,
            riskLevel: path.riskLevel.rawValue, status: changes?.status(.attackPath, path.siteID)?.rawValue)
    }
}
