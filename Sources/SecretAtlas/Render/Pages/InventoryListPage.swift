/// `inventory/index.html` (and its further pages): every resource with its secret and attack-path counts.
struct InventoryListPage: Sendable, TemplateFields {
    let shell: PageShell
    let resources: [ResourceRow]
    let hasResources: Bool
    let pagination: PaginationView
    let totalCount: Int
    let affectedCount: Int
    /// The list's search data (see ``ListData``), for a list longer than one page; else "".
    let listIndex: String
    let hasListIndex: Bool

    init(path: String, page: Int, context: RenderContext) {
        let model = context.model
        let shell = PageShell(
            pageTitle: page > 1 ? "Inventory (page \(page))" : "Inventory", path: path, section: .inventory,
            context: context)
        self.shell = shell
        resources = PaginationView.slice(model.resources, page: page).map {
            ResourceRow($0, context: context, root: shell.root)
        }
        hasResources = !resources.isEmpty
        pagination = PaginationView(
            first: SiteRoutes.inventory, current: page, rowCount: model.resources.count, root: shell.root)
        totalCount = model.resources.count
        affectedCount = model.secretsByResource.count
        let index = ListData(model: model).indexPath(.inventory)
        listIndex = index.map { shell.root + $0 } ?? ""
        hasListIndex = index != nil
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "resources": \.resources,
        "hasResources": \.hasResources,
        "pagination": \.pagination,
        "totalCount": \.totalCount,
        "affectedCount": \.affectedCount,
        "listIndex": \.listIndex,
        "hasListIndex": \.hasListIndex,
    ]
}
