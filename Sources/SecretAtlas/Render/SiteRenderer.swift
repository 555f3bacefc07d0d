/// Renders planned pages to bytes.
///
/// Pure: model and templates in, ``OutputFile`` out; it never touches disk.
struct SiteRenderer: Sendable {
    let context: RenderContext
    let templates: TemplateSet

    /// Renders one page of the plan.
    /// - Throws: ``SiteError`` when a template is missing.
    func render(_ page: SitePlan.Page) throws -> OutputFile {
        let model = context.model
        let html: String
        switch page.content {
        case .overview:
            html = try templates.render(OverviewPage(path: page.path, context: context), template: "overview")
        case .recommendationList:
            html = try templates.render(
                RecommendationListPage(path: page.path, context: context), template: "recommendations")
        case .recommendation(let index):
            html = try templates.render(
                RecommendationPage(path: page.path, state: context.recommendations[index], context: context),
                template: "recommendation")
        case .secretList(let number):
            html = try templates.render(
                SecretListPage(path: page.path, page: number, context: context), template: "secrets")
        case .secretsWithoutTarget:
            html = try templates.render(
                SecretListPage(withoutTargetPath: page.path, context: context), template: "secrets")
        case .secret(let index):
            html = try templates.render(
                SecretPage(path: page.path, secret: model.secrets[index], context: context),
                template: "secret")
        case .inventoryList(let number):
            html = try templates.render(
                InventoryListPage(path: page.path, page: number, context: context), template: "inventory")
        case .resource(let index):
            html = try templates.render(
                ResourcePage(path: page.path, resource: model.resources[index], context: context),
                template: "resource")
        case .attackPathList:
            html = try templates.render(
                AttackPathListPage(path: page.path, context: context), template: "attack-paths")
        case .attackPath(let index):
            html = try templates.render(
                AttackPathPage(path: page.path, attackPath: model.attackPaths[index], context: context),
                template: "attack-path")
        }
        return OutputFile(path: page.path, bytes: Array(html.utf8))
    }
}
