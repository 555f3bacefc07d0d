/// Every page of the site and its URL, decided before anything renders.
struct SitePlan: Sendable {
    /// What a page shows; positions refer to the model's sorted collections.
    enum Content: Sendable, Equatable {
        case overview
        case recommendationList
        case recommendation(Int)
        case secretList(page: Int)
        case secretsWithoutTarget(page: Int)
        case secret(Int)
        case inventoryList(page: Int)
        case resource(Int)
        case attackPathList(page: Int)
        case attackPath(Int)
        /// An item of an earlier report that is gone: position in ``ChangeSet/resolved``.
        case resolved(Int)
    }

    /// One page to render.
    struct Page: Sendable, Equatable {
        let path: String
        let content: Content
    }

    let pages: [Page]

    /// Plans the pages for a model.
    /// - Throws: ``SiteError/pageCollision(path:)`` when two pages would share a URL.
    init(model: SiteModel, changes: ChangeSet? = nil) throws {
        var pages: [Page] = [
            Page(path: SiteRoutes.overview, content: .overview),
            Page(path: SiteRoutes.recommendations, content: .recommendationList),
        ]
        for number in 1...SiteRoutes.pageCount(model.attackPaths.count) {
            pages.append(
                Page(
                    path: SiteRoutes.listPage(SiteRoutes.attackPaths, number: number),
                    content: .attackPathList(page: number)))
        }
        for (index, recommendation) in model.catalog.recommendations.enumerated() {
            pages.append(
                Page(path: SiteRoutes.recommendation(recommendation), content: .recommendation(index)))
        }
        for number in 1...SiteRoutes.pageCount(model.secrets.count) {
            pages.append(
                Page(
                    path: SiteRoutes.listPage(SiteRoutes.secrets, number: number),
                    content: .secretList(page: number)))
        }
        for number in 1...SiteRoutes.pageCount(model.secretsWithoutTarget.count) {
            pages.append(
                Page(
                    path: SiteRoutes.listPage(SiteRoutes.secretsWithoutTarget, number: number),
                    content: .secretsWithoutTarget(page: number)))
        }
        for number in 1...SiteRoutes.pageCount(model.resources.count) {
            pages.append(
                Page(
                    path: SiteRoutes.listPage(SiteRoutes.inventory, number: number),
                    content: .inventoryList(page: number)))
        }
        pages += model.secrets.indices.map {
            Page(path: SiteRoutes.secret(model.secrets[$0]), content: .secret($0))
        }
        pages += model.resources.indices.map {
            Page(path: SiteRoutes.resource(model.resources[$0]), content: .resource($0))
        }
        pages += model.attackPaths.indices.map {
            Page(path: SiteRoutes.attackPath(model.attackPaths[$0]), content: .attackPath($0))
        }
        // Resolved items keep their page so links into earlier reports still resolve.
        pages += (changes?.resolved ?? []).indices.map {
            Page(path: changes?.resolved[$0].permalink ?? "", content: .resolved($0))
        }
        pages.sort { $0.path < $1.path }
        for (page, next) in zip(pages, pages.dropFirst()) where page.path == next.path {
            throw SiteError.pageCollision(path: page.path)
        }
        self.pages = pages
    }
}
