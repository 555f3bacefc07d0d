/// The page an item keeps after it is gone from the scans: what it was and when it was last seen,
/// so a link pasted into a ticket months ago still leads somewhere that says so.
struct ResolvedPage: Sendable, TemplateFields {
    let shell: PageShell
    let title: String
    let kindName: String
    let lastSeen: String
    let lastSeenReport: String
    let currentScan: String
    let listHref: String

    init(path: String, index: Int, context: RenderContext) {
        let entry = context.changes?.resolved[index]
        let kind = entry.flatMap { ChangeSet.Kind(rawValue: $0.kind) } ?? .secret
        let section: PageShell.Section =
            switch kind {
            case .secret: .secrets
            case .resource: .inventory
            case .attackPath: .attackPaths
            }
        let shell = PageShell(
            pageTitle: "Resolved: " + (entry?.title ?? ""), path: path, section: section, context: context,
            status: .resolved)
        self.shell = shell
        title = entry?.title ?? ""
        kindName =
            switch kind {
            case .secret: "Secret"
            case .resource: "Resource"
            case .attackPath: "Attack path"
            }
        lastSeen =
            entry?.lastSeenScan.flatMap { Timestamp(rfc3339: $0)?.display }.map { "the scan of " + $0 }
            ?? "an earlier report"
        lastSeenReport = entry?.lastSeenReport ?? ""
        currentScan = context.model.scanTime.map { "the scan of " + $0.display } ?? "this report"
        listHref = shell.root + section.path
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "title": \.title,
        "kindName": \.kindName,
        "lastSeen": \.lastSeen,
        "lastSeenReport": \.lastSeenReport,
        "currentScan": \.currentScan,
        "listHref": \.listHref,
    ]
}
