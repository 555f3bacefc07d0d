/// The diagrams the pages show, built from the model.
extension DiagramGraph {
    /// An attack path, hop by hop: the Internet (for an exposed entry point), the entry point, each
    /// secret and resource, the target.
    static func attackPath(_ path: AttackPath, context: RenderContext, root: String) -> DiagramGraph {
        let steps = AttackPathPage.displayedSteps(path, model: context.model)
        var nodes: [Node] = []
        var edges: [Edge] = []
        for (offset, step) in steps.enumerated() {
            let role: Role =
                step == .internet
                ? .internet
                : step == path.entryPoint ? .entry : offset == steps.count - 1 ? .target : roleOf(step)
            nodes.append(node(step, id: "n\(offset)", role: role, context: context, root: root))
            if offset > 0 {
                edges.append(
                    Edge(
                        from: "n\(offset - 1)", to: "n\(offset)",
                        label: AttackPathPage.relation(from: steps[offset - 1], to: step, context: context)))
            }
        }
        let summary =
            path.description
            ?? nodes.map { "\($0.subtitle) \($0.title)" }.joined(separator: " → ")
        return DiagramGraph(title: "Attack path: " + path.name, summary: summary, nodes: nodes, edges: edges)
    }

    /// What a secret unlocks: the resources it lies on → the secret → the resources it opens, with
    /// the number of attack paths through each.
    static func secret(_ secret: Secret, context: RenderContext, root: String) -> DiagramGraph {
        let model = context.model
        let secretNode = GraphNode.secret(fingerprint: secret.fingerprint)
        let pathsThroughSecret = model.attackPaths(through: secretNode)
        var nodes: [Node] = []
        var edges: [Edge] = []
        var centre = node(secretNode, id: "secret", role: .secret, context: context, root: root)
        if !pathsThroughSecret.isEmpty {
            centre = centre.adding(badge: Wording.counted(pathsThroughSecret.count, "attack path"))
        }
        if secret.targets.isEmpty { centre = centre.adding(badge: "No identified target") }
        for (offset, id) in secret.resourceIDs.enumerated() {
            var holder = node(.resource(id), id: "h\(offset)", role: .plain, context: context, root: root)
            holder.group = "holders"
            holder.groupHref = "#occurrences"
            nodes.append(holder)
            edges.append(Edge(from: holder.id, to: "secret", label: GraphEdge.Kind.contains.label))
        }
        nodes.append(centre)
        for (offset, id) in secret.targets.enumerated() {
            let through = pathsThroughSecret.filter { $0.steps.contains(.resource(id)) }.count
            var target = node(.resource(id), id: "t\(offset)", role: .target, context: context, root: root)
            if through > 0 { target = target.adding(badge: Wording.counted(through, "attack path")) }
            target.group = "targets"
            target.groupHref = "#targets"
            nodes.append(target)
            edges.append(Edge(from: "secret", to: target.id, label: GraphEdge.Kind.canAuthenticateTo.label))
        }
        let type = model.catalog.secretType(secret.type).title
        let holders = secret.resourceIDs.map { model.resource($0)?.name ?? $0 }
        let targets = secret.targets.map { model.resource($0)?.name ?? $0 }
        var summary = "\(type) \(secret.shortFingerprint) lies on \(holders.joined(separator: ", "))"
        summary +=
            targets.isEmpty
            ? " and has no identified target resource."
            : " and can authenticate to \(targets.joined(separator: ", "))."
        return DiagramGraph(title: "What this secret unlocks", summary: summary, nodes: nodes, edges: edges)
    }

    private static func roleOf(_ step: GraphNode) -> Role {
        if case .secret = step { return .secret }
        return .plain
    }

    /// A node for a graph node, with the insights Defender shows as badges.
    private static func node(_ step: GraphNode, id: String, role: Role, context: RenderContext, root: String)
        -> Node
    {
        let view = NodeView(step, context: context, root: root)
        var badges: [String] = []
        switch step {
        case .resource(let resourceID):
            if let resource = context.model.resource(resourceID) {
                if resource.internetExposed { badges.append("Internet exposed") }
                if let criticality = resource.criticality, criticality <= .high {
                    badges.append(criticality == .critical ? "Critical asset" : "High criticality")
                }
                if role == .target, AttackPathNarrator.holdsData(resource.kind) {
                    badges.append("Sensitive data")
                }
            }
        case .secret(let fingerprint):
            if let secret = context.model.secret(fingerprint: fingerprint), secret.verification != .unknown {
                badges.append(secret.verification.displayName)
            }
        case .internet:
            break
        }
        return Node(
            id: id, title: view.name, subtitle: view.kind,
            icon: view.icon, href: view.href, role: role,
            badges: badges)
    }
}

extension DiagramGraph.Node {
    /// The node with one more badge.
    func adding(badge: String) -> DiagramGraph.Node {
        var node = self
        node = DiagramGraph.Node(
            id: id, title: title, subtitle: subtitle, icon: icon, href: href, role: role,
            badges: badges + [badge],
            group: group, groupHref: groupHref)
        return node
    }
}
