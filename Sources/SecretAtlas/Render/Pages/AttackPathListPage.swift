/// `attack-paths/index.html`: tiles, a risk-level bar and every path by risk.
struct AttackPathListPage: Sendable, TemplateFields {
    let shell: PageShell
    let paths: [AttackPathRow]
    let hasPaths: Bool
    let totalCount: Int
    let affectedResourceCount: Int
    let riskCounts: [RiskCountView]

    init(path: String, context: RenderContext) {
        let model = context.model
        let shell = PageShell(pageTitle: "Attack paths", path: path, section: .attackPaths, context: context)
        self.shell = shell
        paths = model.attackPaths.map { AttackPathRow($0, context: context, root: shell.root) }
        hasPaths = !paths.isEmpty
        totalCount = paths.count
        var affected = Set<String>()
        for attackPath in model.attackPaths {
            for case .resource(let id) in attackPath.steps { affected.insert(id) }
        }
        affectedResourceCount = affected.count
        riskCounts = RiskCountView.counts(of: model.attackPaths)
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "paths": \.paths,
        "hasPaths": \.hasPaths,
        "totalCount": \.totalCount,
        "affectedResourceCount": \.affectedResourceCount,
        "riskCounts": \.riskCounts,
    ]
}
