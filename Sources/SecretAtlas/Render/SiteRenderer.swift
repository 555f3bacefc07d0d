/// Renders planned pages to bytes.
///
/// Pure: model and templates in, ``OutputFile`` out; it never touches disk.
struct SiteRenderer: Sendable {
    let context: RenderContext
    let templates: TemplateSet

    /// Renders one page of the plan.
    /// - Throws: ``SiteError`` when a template is missing.
    func render(_ page: SitePlan.Page) throws -> OutputFile {
        let (viewModel, template) = viewModel(for: page)
        return OutputFile(path: page.path, bytes: try templates.render(viewModel, template: template))
    }

    /// The view model of a page and the template that renders it.
    func viewModel(for page: SitePlan.Page) -> (any TemplateFields, template: String) {
        let model = context.model
        let path = page.path
        switch page.content {
        case .overview:
            return (OverviewPage(path: path, context: context), "overview")
        case .recommendationList:
            return (RecommendationListPage(path: path, context: context), "recommendations")
        case .recommendation(let index):
            return (
                RecommendationPage(path: path, state: context.recommendations[index], context: context),
                "recommendation"
            )
        case .secretList(let number):
            return (SecretListPage(path: path, page: number, context: context), "secrets")
        case .secretsWithoutTarget(let number):
            return (SecretListPage(withoutTargetPath: path, page: number, context: context), "secrets")
        case .secret(let index):
            return (SecretPage(path: path, secret: model.secrets[index], context: context), "secret")
        case .inventoryList(let number):
            return (InventoryListPage(path: path, page: number, context: context), "inventory")
        case .resource(let index):
            return (ResourcePage(path: path, resource: model.resources[index], context: context), "resource")
        case .attackPathList(let number):
            return (AttackPathListPage(path: path, page: number, context: context), "attack-paths")
        case .resolved(let index):
            return (ResolvedPage(path: path, index: index, context: context), "resolved")
        case .attackPath(let index):
            return (
                AttackPathPage(path: path, attackPath: model.attackPaths[index], context: context),
                "attack-path"
            )
        case .explorer:
            return (ExplorerPage(path: path, context: context), "explorer")
        }
    }
}
