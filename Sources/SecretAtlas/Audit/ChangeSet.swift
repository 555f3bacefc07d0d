/// Whether an item is new since the previous report, was in it too, or has gone.
enum ChangeStatus: String, Sendable {
    case new
    case unchanged
    case resolved

    var displayName: String {
        switch self {
        case .new: "New"
        case .unchanged: "Unchanged"
        case .resolved: "Resolved"
        }
    }
}

/// What changed between the previous report (`--previous`) and this build's model.
///
/// Items are matched by their stable id, which is also their permalink. Resolved items carry
/// forward: an item resolved in an earlier build stays listed (with the time it was last seen) in
/// every later build, so its page, and any ticket linking to it, keeps resolving.
struct ChangeSet: Sendable {
    /// The kinds of item tracked.
    enum Kind: String, Sendable, CaseIterable {
        case secret
        case resource
        case attackPath = "attack-path"

        var plural: String {
            switch self {
            case .secret: "Secrets"
            case .resource: "Resources"
            case .attackPath: "Attack paths"
            }
        }

        /// The page of an item of this kind with a stable id.
        func route(_ id: String) -> String {
            switch self {
            case .secret: "secrets/\(id).html"
            case .resource: "inventory/\(id).html"
            case .attackPath: "attack-paths/\(id).html"
            }
        }
    }

    struct Key: Hashable, Sendable {
        let kind: Kind
        let id: String
    }

    let previousScanTime: String?
    let previousFingerprint: String
    /// New or unchanged, for every item of the current model.
    let statuses: [Key: ChangeStatus]
    /// Items no longer present, sorted by kind, then id; each with a page route that is safe.
    let resolved: [ReportData.ResolvedEntry]

    func status(_ kind: Kind, _ id: String) -> ChangeStatus? {
        statuses[Key(kind: kind, id: id)]
    }

    /// Ids of the current items of a kind with a status, sorted.
    func ids(_ kind: Kind, _ status: ChangeStatus) -> [String] {
        statuses.filter { $0.key.kind == kind && $0.value == status }.map(\.key.id).sorted()
    }

    /// Items of a kind that the previous report had and this one has not (not those resolved earlier).
    func resolvedSincePrevious(_ kind: Kind) -> [ReportData.ResolvedEntry] {
        resolved.filter { $0.kind == kind.rawValue && $0.lastSeenReport == previousFingerprint }
    }

    /// "the scan of <time>" for the previous report, or "the previous report" when it had no scan time.
    var previousReportPhrase: String {
        previousScanTime.flatMap { Timestamp(rfc3339: $0)?.display }.map { "the scan of " + $0 }
            ?? "the previous report"
    }

    init(previous: ReportData, model: SiteModel) {
        previousScanTime = previous.scan.time
        previousFingerprint = previous.reportFingerprint
        var before: [Key: ReportData.ResolvedEntry] = [:]
        // Items resolved earlier first, so an item present in the previous report overrides them.
        for entry in previous.resolved {
            guard let kind = Kind(rawValue: entry.kind), Self.isSafeID(entry.id) else { continue }
            before[Key(kind: kind, id: entry.id)] = entry
        }
        func seen(_ kind: Kind, _ id: String, _ title: String) {
            guard Self.isSafeID(id) else { return }
            before[Key(kind: kind, id: id)] = ReportData.ResolvedEntry(
                kind: kind.rawValue, id: id, permalink: kind.route(id), title: title,
                lastSeenScan: previous.scan.time, lastSeenReport: previous.reportFingerprint)
        }
        for secret in previous.secrets {
            seen(.secret, secret.id, secret.title + " " + Secret.shorten(secret.fingerprint))
        }
        for resource in previous.resources { seen(.resource, resource.id, resource.name) }
        for path in previous.attackPaths { seen(.attackPath, path.id, path.name) }
        let previouslyPresent = Set(
            previous.secrets.map { Key(kind: .secret, id: $0.id) }
                + previous.resources.map { Key(kind: .resource, id: $0.id) }
                + previous.attackPaths.map { Key(kind: .attackPath, id: $0.id) })

        var current: [Key: ChangeStatus] = [:]
        let keys =
            model.secrets.map { Key(kind: .secret, id: $0.siteID) }
            + model.resources.map { Key(kind: .resource, id: $0.siteID) }
            + model.attackPaths.map { Key(kind: .attackPath, id: $0.siteID) }
        for key in keys {
            current[key] = previouslyPresent.contains(key) ? .unchanged : .new
        }
        statuses = current
        resolved = before.filter { current[$0.key] == nil }.values.map {
            // The route is recomputed from the kind and a checked id, never taken from the file.
            ReportData.ResolvedEntry(
                kind: $0.kind, id: $0.id, permalink: Kind(rawValue: $0.kind)?.route($0.id) ?? "",
                title: $0.title, lastSeenScan: $0.lastSeenScan, lastSeenReport: $0.lastSeenReport)
        }
        .sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
    }

    /// Whether an id read from a previous report may name a page: the characters ``StableID`` makes.
    static func isSafeID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 120
            && id.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-"
            }
    }
}
