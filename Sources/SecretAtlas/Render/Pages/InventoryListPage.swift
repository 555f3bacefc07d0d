/// `inventory/index.html` (and its further pages): every resource with its secret and attack-path counts.
struct InventoryListPage: Sendable, TemplateFields {
    let shell: PageShell
    let resources: [ResourceRow]
    let hasResources: Bool
    let pagination: PaginationView
    let totalCount: Int
    let affectedCount: Int

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
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "resources": \.resources,
        "hasResources": \.hasResources,
        "pagination": \.pagination,
        "totalCount": \.totalCount,
        "affectedCount": \.affectedCount,
    ]
}
