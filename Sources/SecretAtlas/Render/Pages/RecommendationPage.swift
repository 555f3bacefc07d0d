/// A recommendation page: Defender's recommendation, findings table and finding panels in one page.
struct RecommendationPage: Sendable, TemplateFields {
    /// One row of the Findings table: a security check (secret type) and how many resources it applies to.
    struct FindingRow: Sendable, TemplateFields {
        let id: String
        let title: String
        let anchor: String
        let category: String
        let severity: SeverityView
        let appliesTo: String

        static let templateFields: FieldTable<Self> = [
            "id": \.id,
            "title": \.title,
            "anchor": \.anchor,
            "category": \.category,
            "severity": \.severity,
            "appliesTo": \.appliesTo,
        ]
    }

    /// A finding's panel: what the check is, its remediation and where it was found.
    struct CheckSection: Sendable, TemplateFields {
        /// A resource and how many secrets of this type it holds.
        struct AffectedResource: Sendable, TemplateFields {
            let name: String
            let href: String
            let secretCount: Int

            static let templateFields: FieldTable<Self> = [
                "name": \.name,
                "href": \.href,
                "secretCount": \.secretCount,
            ]
        }

        let id: String
        let anchor: String
        let title: String
        let category: String
        let severity: SeverityView
        let description: String
        let impact: String
        let remediationHTML: String
        let affectedResources: [AffectedResource]
        let secrets: [SecretRow]
        /// "And N more …" when a list was cut at ``RecommendationPage/panelRowLimit``; empty otherwise.
        let moreResources: String
        let hasMoreResources: Bool
        let moreSecrets: String
        let hasMoreSecrets: Bool
        let isKnownType: Bool

        static let templateFields: FieldTable<Self> = [
            "id": \.id,
            "anchor": \.anchor,
            "title": \.title,
            "category": \.category,
            "severity": \.severity,
            "description": \.description,
            "impact": \.impact,
            "remediationHTML": \.remediationHTML,
            "affectedResources": \.affectedResources,
            "secrets": \.secrets,
            "moreResources": \.moreResources,
            "hasMoreResources": \.hasMoreResources,
            "moreSecrets": \.moreSecrets,
            "hasMoreSecrets": \.hasMoreSecrets,
            "isKnownType": \.isKnownType,
        ]
    }

    /// Rows shown in the Affected resources list; a page stays readable (and small) for the largest
    /// tenants, and the full lists live in the paginated Secrets and Inventory pages.
    static let rowLimit = 100
    /// Rows shown per list in each finding's panel: there is a panel per secret type, so these lists
    /// are shorter (measured: with 100 rows a 10,000-finding site had a 1.3 MB recommendation page).
    static let panelRowLimit = 25

    let shell: PageShell
    let title: String
    let control: String
    let severity: SeverityView
    let assessmentKey: String
    let hasAssessmentKey: Bool
    let description: String
    let remediationHTML: String
    let status: String
    let isHealthy: Bool
    let unhealthy: String
    let resourceLabel: String
    let affectedResources: [ResourceRow]
    let moreAffectedResources: String
    let hasMoreAffectedResources: Bool
    let findings: [FindingRow]
    let checks: [CheckSection]

    init(path: String, state: RenderContext.RecommendationState, context: RenderContext) {
        let model = context.model
        let recommendation = state.recommendation
        let shell = PageShell(
            pageTitle: recommendation.title, path: path, section: .recommendations, context: context)
        let root = shell.root
        self.shell = shell
        title = recommendation.title
        control = recommendation.control
        severity = SeverityView(recommendation.severity)
        assessmentKey = recommendation.assessmentKey ?? ""
        hasAssessmentKey = recommendation.assessmentKey != nil
        description = recommendation.description
        remediationHTML = context.recommendationHTML[recommendation.slug] ?? ""
        isHealthy = state.unhealthyResources.isEmpty
        status = isHealthy ? "Healthy" : "Unhealthy"
        resourceLabel = recommendation.resourceLabel
        unhealthy =
            "\(state.unhealthyResources.count) of \(state.applicableResources.count) \(recommendation.resourceLabel)"
        let unhealthyResources = state.unhealthyResources.map { model.resources[$0] }
        affectedResources = unhealthyResources.prefix(Self.rowLimit).map {
            ResourceRow($0, context: context, root: root)
        }
        moreAffectedResources = Self.more(unhealthyResources.count, "resource", shown: Self.rowLimit)
        hasMoreAffectedResources = unhealthyResources.count > Self.rowLimit
        var findings: [FindingRow] = []
        var checks: [CheckSection] = []
        for typeID in state.secretTypes {
            let type = model.catalog.secretType(typeID)
            let anchor = "check-" + StableID.slug(typeID, maxLength: 60)
            var perResource: [CheckSection.AffectedResource] = []
            var secretPositions = Set<Int>()
            for resource in unhealthyResources {
                let positions = (model.secretsByResource[resource.id] ?? []).filter {
                    model.secrets[$0].type == typeID
                }
                guard !positions.isEmpty else { continue }
                secretPositions.formUnion(positions)
                perResource.append(
                    .init(
                        name: resource.name, href: root + SiteRoutes.resource(resource),
                        secretCount: positions.count))
            }
            findings.append(
                FindingRow(
                    id: typeID, title: type.title, anchor: anchor, category: type.category,
                    severity: SeverityView(type.severity),
                    // As in Defender's findings table ("10 of 11 resources"): of the resources this
                    // recommendation finds unhealthy, how many have this security check's finding.
                    appliesTo: "\(perResource.count) of "
                        + Wording.counted(state.unhealthyResources.count, "resource")))
            checks.append(
                CheckSection(
                    id: typeID, anchor: anchor, title: type.title, category: type.category,
                    severity: SeverityView(type.severity), description: type.description, impact: type.impact,
                    remediationHTML: context.secretTypeHTML[typeID] ?? "",
                    affectedResources: Array(perResource.prefix(Self.panelRowLimit)),
                    secrets: secretPositions.sorted().prefix(Self.panelRowLimit).map {
                        SecretRow(model.secrets[$0], context: context, root: root)
                    },
                    moreResources: Self.more(perResource.count, "resource", shown: Self.panelRowLimit),
                    hasMoreResources: perResource.count > Self.panelRowLimit,
                    moreSecrets: Self.more(secretPositions.count, "secret", shown: Self.panelRowLimit),
                    hasMoreSecrets: secretPositions.count > Self.panelRowLimit,
                    isKnownType: type.isKnown))
        }
        self.findings = findings
        self.checks = checks
    }

    /// "And 12 more resources." when `count` exceeds the rows `shown`, else "".
    private static func more(_ count: Int, _ noun: String, shown: Int) -> String {
        count > shown
            ? "And " + Wording.counted(count - shown, "more " + noun, plural: "more \(noun)s") + "." : ""
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "title": \.title,
        "control": \.control,
        "severity": \.severity,
        "assessmentKey": \.assessmentKey,
        "hasAssessmentKey": \.hasAssessmentKey,
        "description": \.description,
        "remediationHTML": \.remediationHTML,
        "status": \.status,
        "isHealthy": \.isHealthy,
        "unhealthy": \.unhealthy,
        "resourceLabel": \.resourceLabel,
        "affectedResources": \.affectedResources,
        "moreAffectedResources": \.moreAffectedResources,
        "hasMoreAffectedResources": \.hasMoreAffectedResources,
        "findings": \.findings,
        "checks": \.checks,
    ]
}
