/// `index.html`: totals, risk levels, top secret types and resources, and what needs attention first.
struct OverviewPage: Sendable, TemplateFields {
    /// One secret type with how widespread it is.
    struct TypeRow: Sendable, TemplateFields {
        let title: String
        let category: String
        let severity: SeverityView
        let secretCount: Int
        let occurrenceCount: Int
        let resourceCount: Int

        static let templateFields: FieldTable<Self> = [
            "title": \.title,
            "category": \.category,
            "severity": \.severity,
            "secretCount": \.secretCount,
            "occurrenceCount": \.occurrenceCount,
            "resourceCount": \.resourceCount,
        ]
    }

    /// One recommendation with its unhealthy-resource count.
    struct RecommendationRow: Sendable, TemplateFields {
        let title: String
        let href: String
        let severity: SeverityView
        let unhealthy: String

        static let templateFields: FieldTable<Self> = [
            "title": \.title,
            "href": \.href,
            "severity": \.severity,
            "unhealthy": \.unhealthy,
        ]
    }

    let shell: PageShell
    let secretCount: Int
    let occurrenceCount: Int
    let affectedResourceCount: Int
    let resourceCount: Int
    let attackPathCount: Int
    let withoutTargetCount: Int
    let withoutTargetHref: String
    let exposedAffectedCount: Int
    let riskCounts: [RiskCountView]
    let recommendations: [RecommendationRow]
    let hasRecommendations: Bool
    let topTypes: [TypeRow]
    let topResources: [ResourceRow]
    let topAttackPaths: [AttackPathRow]
    let hasAttackPaths: Bool
    /// "What changed since …", in a build with `--previous`; an empty list otherwise.
    let changes: [ChangeSummaryView]
    let hasChanges: Bool

    init(path: String, context: RenderContext) {
        let model = context.model
        let shell = PageShell(pageTitle: "Overview", path: path, section: .overview, context: context)
        let root = shell.root
        self.shell = shell
        secretCount = model.secrets.count
        occurrenceCount = model.secrets.reduce(0) { $0 + $1.occurrences.count }
        affectedResourceCount = model.secretsByResource.count
        resourceCount = model.resources.count
        exposedAffectedCount =
            model.resources.filter { $0.internetExposed && model.secretsByResource[$0.id] != nil }.count
        attackPathCount = model.attackPaths.count
        withoutTargetCount = context.model.secretsWithoutTarget.count
        withoutTargetHref = root + SiteRoutes.secretsWithoutTarget
        riskCounts = RiskCountView.counts(context.attackPathTotals)
        recommendations = context.recommendations.filter { !$0.unhealthyResources.isEmpty }.map {
            RecommendationRow(
                title: $0.recommendation.title, href: root + SiteRoutes.recommendation($0.recommendation),
                severity: SeverityView($0.recommendation.severity),
                unhealthy:
                    "\($0.unhealthyResources.count) of \($0.applicableResources.count) \($0.recommendation.resourceLabel)"
            )
        }
        hasRecommendations = !recommendations.isEmpty
        var byType: [String: (secrets: Int, occurrences: Int, resources: Set<String>)] = [:]
        for secret in model.secrets {
            // Changed in place: a copy taken out and put back copies its set of resources every
            // time, which at a million findings took minutes.
            byType[secret.type, default: (0, 0, [])].secrets += 1
            byType[secret.type, default: (0, 0, [])].occurrences += secret.occurrences.count
            byType[secret.type, default: (0, 0, [])].resources.formUnion(secret.resourceIDs)
        }
        // Every sort here ends on a unique key, so equal counts never fall back to dictionary order.
        topTypes = byType.map { id, entry in (id: id, title: model.catalog.secretType(id).title, entry: entry)
        }
        .sorted { ($1.entry.occurrences, $0.title, $0.id) < ($0.entry.occurrences, $1.title, $1.id) }
        .prefix(10)
        .map { id, _, entry in
            let type = model.catalog.secretType(id)
            return TypeRow(
                title: type.title, category: type.category, severity: SeverityView(type.severity),
                secretCount: entry.secrets, occurrenceCount: entry.occurrences,
                resourceCount: entry.resources.count)
        }
        topResources = model.resources.filter { model.secretsByResource[$0.id] != nil }
            .map { ResourceRow($0, context: context, root: root) }
            .sorted { ($1.secretCount, $0.name, $0.href) < ($0.secretCount, $1.name, $1.href) }
            .prefix(10).map { $0 }
        topAttackPaths = model.attackPaths.prefix(5).map { AttackPathRow($0, context: context, root: root) }
        hasAttackPaths = !model.attackPaths.isEmpty
        changes = context.changes.map { [ChangeSummaryView(changes: $0, context: context, root: root)] } ?? []
        hasChanges = !changes.isEmpty
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "secretCount": \.secretCount,
        "occurrenceCount": \.occurrenceCount,
        "affectedResourceCount": \.affectedResourceCount,
        "resourceCount": \.resourceCount,
        "attackPathCount": \.attackPathCount,
        "withoutTargetCount": \.withoutTargetCount,
        "withoutTargetHref": \.withoutTargetHref,
        "exposedAffectedCount": \.exposedAffectedCount,
        "riskCounts": \.riskCounts,
        "recommendations": \.recommendations,
        "hasRecommendations": \.hasRecommendations,
        "topTypes": \.topTypes,
        "topResources": \.topResources,
        "topAttackPaths": \.topAttackPaths,
        "hasAttackPaths": \.hasAttackPaths,
        "changes": \.changes,
        "hasChanges": \.hasChanges,
    ]
}
