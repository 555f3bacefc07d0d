/// `attack-paths/index.html`: tiles, a risk-level bar and every path, grouped by scenario.
struct AttackPathListPage: Sendable, TemplateFields {
    /// Paths that share a name: one scenario and its instances, as Defender's list groups them.
    struct Scenario: Sendable, TemplateFields {
        let name: String
        /// The highest risk level among the instances.
        let risk: SeverityView
        let countText: String
        let instances: [AttackPathRow]

        static let templateFields: FieldTable<Self> = [
            "name": \.name,
            "risk": \.risk,
            "countText": \.countText,
            "instances": \.instances,
        ]
    }

    let shell: PageShell
    let scenarios: [Scenario]
    let hasPaths: Bool
    let totalCount: Int
    let scenarioCount: Int
    let affectedResourceCount: Int
    let computedCount: Int
    let importedCount: Int
    let riskCounts: [RiskCountView]
    let pagination: PaginationView
    /// Computed paths beyond each entry point's limit, which no page lists.
    let omittedText: String
    let hasOmitted: Bool

    init(path: String, page: Int, context: RenderContext) {
        let model = context.model
        let shell = PageShell(pageTitle: "Attack paths", path: path, section: .attackPaths, context: context)
        self.shell = shell
        // The model sorts paths by risk, then name: a scenario's first path carries its highest risk,
        // and scenarios keep the order in which they first appear. A long list is cut into pages of
        // rows; a scenario that spans two pages is headed on both.
        var order: [String] = []
        var byName: [String: [AttackPath]] = [:]
        for attackPath in PaginationView.slice(model.attackPaths, page: page) {
            if byName[attackPath.name] == nil { order.append(attackPath.name) }
            byName[attackPath.name, default: []].append(attackPath)
        }
        scenarios = order.map { name in
            let paths = byName[name] ?? []
            return Scenario(
                name: name, risk: SeverityView(paths.map(\.riskLevel).min() ?? .low),
                countText: Wording.counted(paths.count, "instance"),
                instances: paths.map { AttackPathRow($0, context: context, root: shell.root) })
        }
        hasPaths = !model.attackPaths.isEmpty
        totalCount = model.attackPaths.count
        scenarioCount = scenarios.count
        affectedResourceCount = context.attackPathTotals.affectedResources
        computedCount = context.attackPathTotals.computed
        importedCount = totalCount - computedCount
        riskCounts = RiskCountView.counts(context.attackPathTotals)
        pagination = PaginationView(
            first: SiteRoutes.attackPaths, current: page, rowCount: model.attackPaths.count, root: shell.root)
        let omitted =
            (model.attackPathsOmittedIsLowerBound ? "at least " : "")
            + Wording.counted(model.attackPathsOmitted, "more computed path")
        let limit = AttackPathFinder.defaultMaxPathsPerEntryPoint
        omittedText =
            "SecretAtlas also found \(omitted) beyond its limit of \(limit) per entry point (the most "
            + "severe are kept). Revoking the secrets on the listed paths breaks most of them too."
        hasOmitted = model.attackPathsOmitted > 0
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "scenarios": \.scenarios,
        "hasPaths": \.hasPaths,
        "totalCount": \.totalCount,
        "scenarioCount": \.scenarioCount,
        "affectedResourceCount": \.affectedResourceCount,
        "computedCount": \.computedCount,
        "importedCount": \.importedCount,
        "riskCounts": \.riskCounts,
        "pagination": \.pagination,
        "omittedText": \.omittedText,
        "hasOmitted": \.hasOmitted,
    ]
}
