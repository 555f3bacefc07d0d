/// What every page shows around its content: head, navigation and footer.
///
/// A class: templates read `shell.…` some twenty times a page, including from inside every table
/// row, and each read of a struct field copies the whole struct, while a class is only retained.
final class PageShell: Sendable, TemplateFields {
    /// One entry of the main navigation.
    struct NavItem: Sendable, TemplateFields {
        let title: String
        let href: String
        let isCurrent: Bool

        static let templateFields: FieldTable<Self> = [
            "title": \.title,
            "href": \.href,
            "isCurrent": \.isCurrent,
        ]
    }

    let pageTitle: String
    let reportTitle: String
    /// Prefix leading back to the site root from this page.
    let root: String
    let nav: [NavItem]
    let scanTime: String
    let hasScanTime: Bool
    let sources: String
    let hasSources: Bool
    let version: String
    /// Stands for the report fingerprint until the site is sealed (see ``Manifest``).
    let reportFingerprint: String
    /// New or unchanged since the previous report, on item pages of a build with `--previous`.
    let changeBadge: String
    let changeBadgeClass: String
    let changeNote: String
    let hasChangeBadge: Bool
    /// Scripts the page loads, site-relative paths already prefixed with ``root``; the CSP allows
    /// only same-origin script files, so no page has inline script.
    let scripts: [ScriptView]

    /// One `<script src>` of a page.
    struct ScriptView: Sendable, TemplateFields {
        let src: String

        static let templateFields: FieldTable<Self> = ["src": \.src]
    }

    /// The top-level sections, in navigation order.
    enum Section: CaseIterable {
        case overview, recommendations, secrets, attackPaths, inventory, explorer

        var title: String {
            switch self {
            case .overview: "Overview"
            case .recommendations: "Recommendations"
            case .secrets: "Secrets"
            case .attackPaths: "Attack paths"
            case .inventory: "Inventory"
            case .explorer: "Explorer"
            }
        }

        var path: String {
            switch self {
            case .overview: SiteRoutes.overview
            case .recommendations: SiteRoutes.recommendations
            case .secrets: SiteRoutes.secrets
            case .attackPaths: SiteRoutes.attackPaths
            case .inventory: SiteRoutes.inventory
            case .explorer: SiteRoutes.explorer
            }
        }
    }

    /// Creates the shell of one page; `extraScripts` are site-relative scripts loaded after the site script.
    init(
        pageTitle: String, path: String, section: Section, context: RenderContext,
        status: ChangeStatus? = nil,
        extraScripts: [String] = []
    ) {
        let model = context.model
        // Worked out once per page: this runs for every page, and the root took a split of the path.
        let root = SiteRoutes.root(of: path)
        self.pageTitle = pageTitle
        self.reportTitle = model.title
        self.root = root
        self.nav = Section.allCases.map {
            NavItem(title: $0.title, href: root + $0.path, isCurrent: $0 == section)
        }
        self.scanTime = context.scanTimeDisplay
        self.hasScanTime = model.scanTime != nil
        self.sources = context.scanSourcesDisplay
        self.hasSources = !model.scanSources.isEmpty
        self.version = context.version
        self.reportFingerprint = Manifest.placeholder
        self.changeBadge = status?.displayName ?? ""
        self.changeBadgeClass = status?.rawValue ?? ""
        let since = context.changes?.previousReportPhrase ?? ""
        switch status {
        case .new: self.changeNote = "Not in \(since)."
        case .unchanged: self.changeNote = "Also in \(since)."
        case .resolved: self.changeNote = "No longer found."
        case nil: self.changeNote = ""
        }
        self.hasChangeBadge = status != nil
        self.scripts = ([SiteRoutes.siteScript] + extraScripts).map { ScriptView(src: root + $0) }
    }

    static let templateFields: FieldTable<PageShell> = [
        "pageTitle": \.pageTitle,
        "reportTitle": \.reportTitle,
        "root": \.root,
        "nav": \.nav,
        "scanTime": \.scanTime,
        "hasScanTime": \.hasScanTime,
        "sources": \.sources,
        "hasSources": \.hasSources,
        "version": \.version,
        "reportFingerprint": \.reportFingerprint,
        "changeBadge": \.changeBadge,
        "changeBadgeClass": \.changeBadgeClass,
        "changeNote": \.changeNote,
        "hasChangeBadge": \.hasChangeBadge,
        "scripts": \.scripts,
    ]
}
