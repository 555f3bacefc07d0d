/// An attack path's page: risk, factors, description, impact, story, MITRE techniques and its hops.
struct AttackPathPage: Sendable, TemplateFields {
    /// One hop: a node and the relation that leads to the next one.
    struct Hop: Sendable, TemplateFields {
        let node: NodeView
        let role: String
        let hasRole: Bool
        let edgeLabel: String
        let hasEdge: Bool

        static let templateFields: FieldTable<Self> = [
            "node": \.node,
            "role": \.role,
            "hasRole": \.hasRole,
            "edgeLabel": \.edgeLabel,
            "hasEdge": \.hasEdge,
        ]
    }

    /// One remediation step: what to do, the page that says how, and a short note.
    struct Step: Sendable, TemplateFields {
        let title: String
        let href: String
        let note: String

        static let templateFields: FieldTable<Self> = [
            "title": \.title,
            "href": \.href,
            "note": \.note,
        ]
    }

    /// A resource type on the path and how many of it.
    struct ResourceTypeCount: Sendable, TemplateFields {
        let kind: String
        let count: Int

        static let templateFields: FieldTable<Self> = [
            "kind": \.kind,
            "count": \.count,
        ]
    }

    let shell: PageShell
    let name: String
    let risk: SeverityView
    let origin: String
    let source: String
    let hasSource: Bool
    let description: String
    let hasDescription: Bool
    let potentialImpact: String
    let hasPotentialImpact: Bool
    let riskFactors: [String]
    let hasRiskFactors: Bool
    let attackStory: [String]
    let hasAttackStory: Bool
    let mitre: [String]
    let hasMitre: Bool
    let hops: [Hop]
    let resourceTypes: [ResourceTypeCount]
    let entryPoint: NodeView
    let target: NodeView
    let remediation: [Step]
    let hasRemediation: Bool
    let additionalRemediation: [Step]
    let hasAdditionalRemediation: Bool
    /// The path drawn by ``DiagramRenderer``; empty when it could not be laid out.
    let diagramSVG: String
    let hasDiagram: Bool
    /// A left-to-right diagram takes the page's width, with the hop list below it.
    let isWideDiagram: Bool
    let isComputed: Bool

    init(path: String, attackPath: AttackPath, context: RenderContext) {
        let model = context.model
        let shell = PageShell(
            pageTitle: attackPath.name, path: path, section: .attackPaths, context: context,
            status: context.changes?.status(.attackPath, attackPath.siteID))
        let root = shell.root
        self.shell = shell
        name = attackPath.name
        risk = SeverityView(attackPath.riskLevel)
        switch attackPath.origin {
        case .imported:
            origin =
                attackPath.alsoComputed
                ? "Imported from the input; SecretAtlas found the same path" : "Imported from the input"
        case .computed:
            origin = "Computed by SecretAtlas from the graph"
        }
        isComputed = attackPath.origin == .computed
        source = attackPath.source ?? ""
        hasSource = attackPath.source != nil
        description = attackPath.description ?? ""
        hasDescription = attackPath.description != nil
        potentialImpact = attackPath.potentialImpact ?? ""
        hasPotentialImpact = attackPath.potentialImpact != nil
        riskFactors = attackPath.riskFactors
        hasRiskFactors = !riskFactors.isEmpty
        attackStory = attackPath.attackStory
        hasAttackStory = !attackStory.isEmpty
        mitre = attackPath.mitre
        hasMitre = !mitre.isEmpty
        entryPoint = NodeView(attackPath.entryPoint, context: context, root: root)
        target = NodeView(attackPath.target, context: context, root: root)
        let steps = Self.displayedSteps(attackPath, model: model)
        var hops: [Hop] = []
        for (offset, node) in steps.enumerated() {
            let next = offset + 1 < steps.count ? steps[offset + 1] : nil
            let role = node == attackPath.entryPoint ? "Entry point" : next == nil ? "Target" : ""
            hops.append(
                Hop(
                    node: NodeView(node, context: context, root: root), role: role, hasRole: !role.isEmpty,
                    edgeLabel: next.map { Self.relation(from: node, to: $0, context: context) } ?? "",
                    hasEdge: next != nil))
        }
        self.hops = hops
        var counts: [String: Int] = [:]
        for case .resource(let id) in attackPath.steps {
            counts[model.resource(id)?.kind.displayName ?? "Resource", default: 0] += 1
        }
        resourceTypes = counts.keys.sorted().map { ResourceTypeCount(kind: $0, count: counts[$0] ?? 0) }
        (remediation, additionalRemediation) = Self.remediation(for: attackPath, context: context, root: root)
        hasRemediation = !remediation.isEmpty
        hasAdditionalRemediation = !additionalRemediation.isEmpty
        let diagram = DiagramGraph.attackPath(attackPath, context: context, root: root)
        diagramSVG = DiagramRenderer().svg(for: diagram, id: "path-diagram")
        hasDiagram = !diagramSVG.isEmpty
        isWideDiagram = DiagramRenderer.runsLeftToRight(diagram)
    }

    /// The path's nodes as drawn: like Defender's graph, an exposed entry point is reached from the Internet.
    static func displayedSteps(_ attackPath: AttackPath, model: SiteModel) -> [GraphNode] {
        var steps = attackPath.steps
        if case .resource(let id) = attackPath.entryPoint, model.resource(id)?.internetExposed == true,
            steps.first != .internet
        {
            steps.insert(.internet, at: 0)
        }
        return steps
    }

    /// Defender's two buckets of remediation.
    ///
    /// *Recommendations* break the path: revoke each secret on it, and resolve
    /// the recommendation covering each resource on the path that holds one. *Additional
    /// recommendations* lower the risk without breaking it: the same secrets' other locations, closing
    /// the entry point's Internet exposure, and removing a key's trust from the machines it opens.
    private static func remediation(for attackPath: AttackPath, context: RenderContext, root: String)
        -> (primary: [Step], additional: [Step])
    {
        let model = context.model
        var primary: [Step] = []
        var additional: [Step] = []
        var seen = Set<String>()
        let onPath = Set(attackPath.steps)
        for case .secret(let fingerprint) in attackPath.steps {
            guard let secret = model.secret(fingerprint: fingerprint), seen.insert(fingerprint).inserted
            else {
                continue
            }
            primary.append(
                Step(
                    title: "Revoke and rotate: " + model.catalog.secretType(secret.type).title,
                    href: root + SiteRoutes.secret(secret) + "#remediation",
                    note: secret.shortFingerprint))
            for resourceID in secret.resourceIDs {
                guard let resource = model.resource(resourceID),
                    let state = context.recommendationState(for: resource.kind),
                    seen.insert(state.recommendation.slug).inserted
                else { continue }
                let step = Step(
                    title: state.recommendation.title,
                    href: root + SiteRoutes.recommendation(state.recommendation),
                    note: state.recommendation.control)
                if onPath.contains(.resource(resourceID)) {
                    primary.append(step)
                } else {
                    additional.append(step)
                }
            }
            if secret.type == "ssh-private-key", let key = secret.publicKeyFingerprint {
                for case .resource(let id) in attackPath.steps
                where (model.trustingMachines[key] ?? []).contains(id) {
                    guard let resource = model.resource(id) else { continue }
                    additional.append(
                        Step(
                            title: "Remove the public key from the authorized_keys of \(resource.name)",
                            href: root + SiteRoutes.resource(resource), note: key))
                }
            }
        }
        if case .resource(let id) = attackPath.entryPoint, let entry = model.resource(id),
            entry.internetExposed
        {
            additional.append(
                Step(
                    title:
                        "Restrict Internet exposure of \(entry.name) (network security group, firewall, just-in-time access)",
                    href: root + SiteRoutes.resource(entry), note: "Entry point"))
        }
        return (primary, additional)
    }

    /// The label of the edge between two hops: an edge given in the input, else the implied relation.
    static func relation(from: GraphNode, to: GraphNode, context: RenderContext) -> String {
        if let kind = context.edgeKinds[GraphEdge.Ends(from: from, to: to)] {
            return kind.label
        }
        switch (from, to) {
        case (.resource, .secret): return GraphEdge.Kind.contains.label
        case (.secret, .resource): return GraphEdge.Kind.canAuthenticateTo.label
        case (.internet, _): return "reaches"
        default: return "leads to"
        }
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "name": \.name,
        "risk": \.risk,
        "origin": \.origin,
        "source": \.source,
        "hasSource": \.hasSource,
        "description": \.description,
        "hasDescription": \.hasDescription,
        "potentialImpact": \.potentialImpact,
        "hasPotentialImpact": \.hasPotentialImpact,
        "riskFactors": \.riskFactors,
        "hasRiskFactors": \.hasRiskFactors,
        "attackStory": \.attackStory,
        "hasAttackStory": \.hasAttackStory,
        "mitre": \.mitre,
        "hasMitre": \.hasMitre,
        "hops": \.hops,
        "resourceTypes": \.resourceTypes,
        "entryPoint": \.entryPoint,
        "target": \.target,
        "remediation": \.remediation,
        "hasRemediation": \.hasRemediation,
        "additionalRemediation": \.additionalRemediation,
        "hasAdditionalRemediation": \.hasAdditionalRemediation,
        "diagramSVG": \.diagramSVG,
        "hasDiagram": \.hasDiagram,
        "isWideDiagram": \.isWideDiagram,
        "isComputed": \.isComputed,
    ]
}
