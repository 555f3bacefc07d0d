/// A resource's page with Defender's tabs: Overview · Secrets · Attack paths · Recommendations.
struct ResourcePage: Sendable, TemplateFields {
    /// One secret occurrence on this resource (a row of the Secrets tab).
    struct SecretOccurrenceRow: Sendable, TemplateFields {
        let secret: SecretRow
        let occurrence: OccurrenceView
        let targets: [NodeView]

        static let templateFields: FieldTable<Self> = [
            "secret": \.secret,
            "occurrence": \.occurrence,
            "targets": \.targets,
        ]
    }

    /// A recommendation this resource is unhealthy for.
    struct RecommendationRow: Sendable, TemplateFields {
        let title: String
        let href: String
        let severity: SeverityView
        let secretCount: Int

        static let templateFields: FieldTable<Self> = [
            "title": \.title,
            "href": \.href,
            "severity": \.severity,
            "secretCount": \.secretCount,
        ]
    }

    let shell: PageShell
    let name: String
    let kind: String
    let icon: String
    let cloud: String
    let facts: [FactView]
    let tags: [FactView]
    let hasTags: Bool
    let internetExposed: Bool
    let criticality: String
    let hasCriticality: Bool
    let secrets: [SecretOccurrenceRow]
    let secretCountText: String
    let hasSecrets: Bool
    let incomingSecrets: [SecretRow]
    let hasIncomingSecrets: Bool
    let moreIncomingText: String
    let hasMoreIncoming: Bool
    let attackPaths: [AttackPathRow]
    let hasAttackPaths: Bool
    let attackPathCount: Int
    let attackPathCountText: String
    let morePathsText: String
    let hasMorePaths: Bool
    let secretOccurrenceCount: Int
    let recommendationCount: Int
    /// What the Recommendations tab says when it lists nothing: healthy, or not applicable.
    let noRecommendationText: String
    let recommendations: [RecommendationRow]
    let hasRecommendations: Bool

    init(path: String, resource: Resource, context: RenderContext) {
        let model = context.model
        let shell = PageShell(
            pageTitle: resource.name, path: path, section: .inventory, context: context,
            status: context.changes?.status(.resource, resource.siteID))
        let root = shell.root
        self.shell = shell
        name = resource.name
        kind = resource.kind.displayName
        icon = resource.kind.iconName
        cloud = resource.cloud.displayName
        var facts: [FactView] = [
            FactView(label: "Resource id", value: resource.id, href: ""),
            FactView(label: "Type", value: resource.kind.displayName, href: ""),
            FactView(label: "Cloud", value: resource.cloud.displayName, href: ""),
        ]
        let optional: [(String, String?)] = [
            (
                resource.cloud == .aws ? "Account" : resource.cloud == .gcp ? "Project" : "Subscription",
                resource.subscription
            ),
            ("Resource group", resource.resourceGroup), ("Region", resource.region),
            ("Operating system", resource.os),
        ]
        for (label, value) in optional {
            if let value { facts.append(FactView(label: label, value: value, href: "")) }
        }
        facts.append(
            FactView(
                label: "Internet exposure",
                value: resource.internetExposed ? "Exposed to the Internet" : "None reported in the input",
                href: ""))
        if !resource.hostnames.isEmpty {
            facts.append(
                FactView(label: "Endpoints", value: resource.hostnames.joined(separator: ", "), href: ""))
        }
        if !resource.authorizedKeys.isEmpty {
            facts.append(
                FactView(
                    label: "Authorized SSH keys", value: resource.authorizedKeys.joined(separator: ", "),
                    href: ""))
        }
        self.facts = facts
        tags = resource.tags.map { FactView(label: $0.key, value: $0.value, href: "") }
        hasTags = !tags.isEmpty
        internetExposed = resource.internetExposed
        criticality = resource.criticality?.displayName ?? ""
        hasCriticality = resource.criticality != nil

        var rows: [SecretOccurrenceRow] = []
        let resourceSecrets = model.secrets(on: resource.id)
        for secret in resourceSecrets {
            let row = SecretRow(secret, context: context, root: root)
            let targets = secret.targets.map { NodeView(.resource($0), context: context, root: root) }
            for finding in secret.occurrences where finding.resourceID == resource.id {
                rows.append(
                    SecretOccurrenceRow(
                        secret: row, occurrence: OccurrenceView(finding, context: context, root: root),
                        targets: targets))
            }
        }
        secrets = rows
        // A secret found in two files of one machine is one secret in two places; say both.
        secretCountText =
            Wording.counted(resourceSecrets.count, "secret")
            + (rows.count != resourceSecrets.count ? " in \(rows.count) places" : "")
        hasSecrets = !rows.isEmpty
        // A storage account shared by a whole fleet is opened by thousands of secrets; the table
        // keeps a page's size bounded, and every secret stays on the paginated Secrets list.
        let incoming = context.secretsByTarget[resource.id] ?? []
        incomingSecrets = incoming.prefix(Self.incomingLimit)
            .map { SecretRow(model.secrets[$0], context: context, root: root) }
        hasIncomingSecrets = !incomingSecrets.isEmpty
        hasMoreIncoming = incoming.count > incomingSecrets.count
        moreIncomingText =
            "Showing \(incomingSecrets.count) of \(Wording.counted(incoming.count, "secret")) that can "
            + "authenticate to it, in the order of the Secrets list, which has every one."
        let through = model.attackPaths(through: .resource(resource.id))
        attackPaths = through.prefix(AttackPathRow.tableLimit).map {
            AttackPathRow($0, context: context, root: root)
        }
        hasAttackPaths = !attackPaths.isEmpty
        attackPathCount = through.count
        attackPathCountText = Wording.counted(through.count, "attack path")
        morePathsText = AttackPathRow.moreText(shown: attackPaths.count, of: through.count)
        hasMorePaths = through.count > attackPaths.count
        secretOccurrenceCount = rows.count
        let state = context.recommendationState(for: resource.kind)
        if state == nil {
            noRecommendationText = "No secrets recommendation applies to this type of resource."
        } else {
            noRecommendationText = "Healthy: no plaintext secrets were found on this resource."
        }
        if let state, !resourceSecrets.isEmpty {
            recommendations = [
                RecommendationRow(
                    title: state.recommendation.title,
                    href: root + SiteRoutes.recommendation(state.recommendation),
                    severity: SeverityView(state.recommendation.severity), secretCount: resourceSecrets.count)
            ]
        } else {
            recommendations = []
        }
        hasRecommendations = !recommendations.isEmpty
        recommendationCount = recommendations.count
    }

    /// How many secrets that open this resource its overview lists.
    static let incomingLimit = 100

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "name": \.name,
        "kind": \.kind,
        "icon": \.icon,
        "cloud": \.cloud,
        "facts": \.facts,
        "tags": \.tags,
        "hasTags": \.hasTags,
        "internetExposed": \.internetExposed,
        "criticality": \.criticality,
        "hasCriticality": \.hasCriticality,
        "secrets": \.secrets,
        "secretCountText": \.secretCountText,
        "hasSecrets": \.hasSecrets,
        "incomingSecrets": \.incomingSecrets,
        "hasIncomingSecrets": \.hasIncomingSecrets,
        "moreIncomingText": \.moreIncomingText,
        "hasMoreIncoming": \.hasMoreIncoming,
        "attackPaths": \.attackPaths,
        "hasAttackPaths": \.hasAttackPaths,
        "attackPathCount": \.attackPathCount,
        "attackPathCountText": \.attackPathCountText,
        "morePathsText": \.morePathsText,
        "hasMorePaths": \.hasMorePaths,
        "secretOccurrenceCount": \.secretOccurrenceCount,
        "recommendationCount": \.recommendationCount,
        "noRecommendationText": \.noRecommendationText,
        "recommendations": \.recommendations,
        "hasRecommendations": \.hasRecommendations,
    ]
}
