/// The URL of every page, relative to the site root.
///
/// Decided here and nowhere else, so links and
/// the files written always agree.
enum SiteRoutes {
    /// Rows per page of a long list.
    ///
    /// Pages after the first are `page-2.html`, `page-3.html` and so on.
    static let pageSize = 200

    static let overview = "index.html"
    static let recommendations = "recommendations/index.html"
    static let secrets = "secrets/index.html"
    static let secretsWithoutTarget = "secrets/without-target.html"
    static let inventory = "inventory/index.html"
    static let attackPaths = "attack-paths/index.html"
    static let explorer = "explorer/index.html"
    static let stylesheet = "assets/site.css"
    /// Progressive enhancement for every page: list filters and keyboard tabs.
    static let siteScript = "assets/site.js"
    /// The explorer's query builder.
    static let explorerScript = "assets/explorer.js"
    /// Folders of secret and resource pages; pages are `<folder><site id>.html`.
    static let secretFolder = "secrets/"
    static let resourceFolder = "inventory/"

    static func recommendation(_ recommendation: Catalog.Recommendation) -> String {
        "recommendations/\(StableID.fileSlug(recommendation.slug, maxLength: 80)).html"
    }

    static func secret(_ secret: Secret) -> String {
        secretFolder + secret.siteID + ".html"
    }

    static func resource(_ resource: Resource) -> String {
        resourceFolder + resource.siteID + ".html"
    }

    static func attackPath(_ path: AttackPath) -> String {
        "attack-paths/\(path.siteID).html"
    }

    /// Page `number` (1-based) of a paginated list whose first page is `first`.
    static func listPage(_ first: String, number: Int) -> String {
        guard number > 1 else { return first }
        let stem = first.hasSuffix(".html") ? String(first.dropLast(".html".count)) : first
        // `secrets/index.html` continues as `secrets/page-2.html`; any other list as `<name>-page-2.html`.
        if stem.hasSuffix("/index") {
            return String(stem.dropLast("index".count)) + "page-\(number).html"
        }
        return stem + "-page-\(number).html"
    }

    /// How many pages a list of `count` rows takes (at least one, so an empty list still has a page).
    static func pageCount(_ count: Int) -> Int {
        max(1, (count + pageSize - 1) / pageSize)
    }

    /// The prefix that leads from a page back to the site root (`""` or `"../"`).
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
