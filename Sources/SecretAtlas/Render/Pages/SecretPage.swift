/// A secret's page: what it is, everywhere it lies, what it opens, and how to remediate it.
struct SecretPage: Sendable, TemplateFields {
    /// A recommendation that lists this secret.
    struct RecommendationLink: Sendable, TemplateFields {
        let title: String
        let href: String
        let anchor: String

        static let templateFields: FieldTable<Self> = [
            "title": \.title,
            "href": \.href,
            "anchor": \.anchor,
        ]
    }

    let shell: PageShell
    let title: String
    let typeID: String
    let category: String
    let severity: SeverityView
    let fingerprint: String
    let shortFingerprint: String
    let verification: String
    let verificationClass: String
    let description: String
    let impact: String
    let isKnownType: Bool
    let remediationHTML: String
    let occurrences: [OccurrenceView]
    let affectedResources: [ResourceRow]
    let targets: [NodeView]
    let hasTargets: Bool
    let targetCount: Int
    let targetNoun: String
    let withoutTargetHref: String
    let isSSHKey: Bool
    let publicKeyFingerprint: String
    let hasPublicKey: Bool
    let trustedBy: [NodeView]
    let hasTrustedBy: Bool
    let attackPaths: [AttackPathRow]
    let hasAttackPaths: Bool
    let recommendations: [RecommendationLink]
    let hasRecommendations: Bool
    /// Where the secret lies → the secret → what it opens, drawn by ``DiagramRenderer``.
    let unlocksSVG: String
    let hasUnlocksDiagram: Bool
    let holders: [NodeView]
    let attackPathCountText: String
    let morePathsText: String
    let hasMorePaths: Bool

    init(path: String, secret: Secret, context: RenderContext) {
        let model = context.model
        let type = model.catalog.secretType(secret.type)
        let shell = PageShell(
            pageTitle: type.title + " " + secret.shortFingerprint, path: path, section: .secrets,
            context: context, status: context.changes?.status(.secret, secret.siteID))
        let root = shell.root
        self.shell = shell
        title = type.title
        typeID = secret.type
        category = type.category
        severity = SeverityView(type.severity)
        fingerprint = secret.fingerprint
        shortFingerprint = secret.shortFingerprint
        verification = secret.verification.displayName
        verificationClass = secret.verification.rawValue
        description = type.description
        impact = type.impact
        isKnownType = type.isKnown
        remediationHTML = context.secretTypeHTML[secret.type] ?? ""
        occurrences = secret.occurrences.map { OccurrenceView($0, context: context, root: root) }
        let resources = secret.resourceIDs.compactMap { model.resource($0) }
        affectedResources = resources.map { ResourceRow($0, context: context, root: root) }
        targets = secret.targets.map { NodeView(.resource($0), context: context, root: root) }
        hasTargets = !targets.isEmpty
        targetCount = targets.count
        targetNoun = targets.count == 1 ? "resource" : "resources"
        withoutTargetHref = root + SiteRoutes.secretsWithoutTarget
        isSSHKey = secret.type == "ssh-private-key"
        publicKeyFingerprint = secret.publicKeyFingerprint ?? ""
        hasPublicKey = secret.publicKeyFingerprint != nil
        if let key = secret.publicKeyFingerprint {
            trustedBy = (model.trustingMachines[key] ?? [])
                .map { NodeView(.resource($0), context: context, root: root) }
        } else {
            trustedBy = []
        }
        hasTrustedBy = !trustedBy.isEmpty
        let through = model.attackPaths(through: .secret(fingerprint: secret.fingerprint))
        attackPaths = through.prefix(AttackPathRow.tableLimit).map {
            AttackPathRow($0, context: context, root: root)
        }
        hasAttackPaths = !attackPaths.isEmpty
        morePathsText = AttackPathRow.moreText(shown: attackPaths.count, of: through.count)
        hasMorePaths = through.count > attackPaths.count
        var seen = Set<String>()
        recommendations = resources.compactMap { context.recommendationState(for: $0.kind)?.recommendation }
            .filter { seen.insert($0.slug).inserted }
            .map {
                RecommendationLink(
                    title: $0.title, href: root + SiteRoutes.recommendation($0),
                    anchor: "check-" + StableID.slug(secret.type, maxLength: 60))
            }
        hasRecommendations = !recommendations.isEmpty
        unlocksSVG = DiagramRenderer().svg(
            for: DiagramGraph.secret(secret, context: context, root: root), id: "unlocks-diagram")
        hasUnlocksDiagram = !unlocksSVG.isEmpty
        holders = secret.resourceIDs.map { NodeView(.resource($0), context: context, root: root) }
        attackPathCountText = Wording.counted(through.count, "attack path")
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "title": \.title,
        "typeID": \.typeID,
        "category": \.category,
        "severity": \.severity,
        "fingerprint": \.fingerprint,
        "shortFingerprint": \.shortFingerprint,
        "verification": \.verification,
        "verificationClass": \.verificationClass,
        "description": \.description,
        "impact": \.impact,
        "isKnownType": \.isKnownType,
        "remediationHTML": \.remediationHTML,
        "occurrences": \.occurrences,
        "affectedResources": \.affectedResources,
        "targets": \.targets,
        "hasTargets": \.hasTargets,
        "targetCount": \.targetCount,
        "targetNoun": \.targetNoun,
        "withoutTargetHref": \.withoutTargetHref,
        "isSSHKey": \.isSSHKey,
        "publicKeyFingerprint": \.publicKeyFingerprint,
        "hasPublicKey": \.hasPublicKey,
        "trustedBy": \.trustedBy,
        "hasTrustedBy": \.hasTrustedBy,
        "attackPaths": \.attackPaths,
        "hasAttackPaths": \.hasAttackPaths,
        "recommendations": \.recommendations,
        "hasRecommendations": \.hasRecommendations,
        "unlocksSVG": \.unlocksSVG,
        "hasUnlocksDiagram": \.hasUnlocksDiagram,
        "holders": \.holders,
        "attackPathCountText": \.attackPathCountText,
        "morePathsText": \.morePathsText,
        "hasMorePaths": \.hasMorePaths,
    ]
}
