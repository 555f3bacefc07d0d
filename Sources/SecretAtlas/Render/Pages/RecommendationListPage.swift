/// `recommendations/index.html`: recommendations grouped by security control, as Defender lists them.
struct RecommendationListPage: Sendable, TemplateFields {
    /// One security control and its recommendations.
    struct ControlGroup: Sendable, TemplateFields {
        let name: String
        let id: String
        let recommendations: [Row]

        static let templateFields: FieldTable<Self> = [
            "name": \.name,
            "id": \.id,
            "recommendations": \.recommendations,
        ]
    }

    /// One recommendation row.
    struct Row: Sendable, TemplateFields {
        let title: String
        let href: String
        let severity: SeverityView
        let unhealthy: String
        let isHealthy: Bool
        let status: String
        let secretCount: Int

        static let templateFields: FieldTable<Self> = [
            "title": \.title,
            "href": \.href,
            "severity": \.severity,
            "unhealthy": \.unhealthy,
            "isHealthy": \.isHealthy,
            "status": \.status,
            "secretCount": \.secretCount,
        ]
    }

    let shell: PageShell
    let controls: [ControlGroup]

    init(path: String, context: RenderContext) {
        let shell = PageShell(
            pageTitle: "Recommendations", path: path, section: .recommendations, context: context)
        self.shell = shell
        var groups: [String: [Row]] = [:]
        for state in context.recommendations {
            let secretIDs = Set(
                state.unhealthyResources.flatMap {
                    context.model.secretsByResource[context.model.resources[$0].id] ?? []
                })
            groups[state.recommendation.control, default: []].append(
                Row(
                    title: state.recommendation.title,
                    href: shell.root + SiteRoutes.recommendation(state.recommendation),
                    severity: SeverityView(state.recommendation.severity),
                    unhealthy: "\(state.unhealthyResources.count) of \(state.applicableResources.count) "
                        + state.recommendation.resourceLabel,
                    isHealthy: state.unhealthyResources.isEmpty,
                    status: state.unhealthyResources.isEmpty ? "Healthy" : "Unhealthy",
                    secretCount: secretIDs.count))
        }
        controls = groups.keys.sorted().map {
            ControlGroup(name: $0, id: "control-" + StableID.slug($0), recommendations: groups[$0] ?? [])
        }
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "controls": \.controls,
    ]
}
