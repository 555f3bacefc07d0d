/// What a diagram shows, before layout: labelled nodes with icons and links, and labelled edges.
///
/// Pages build one from the model (``DiagramGraph/attackPath(_:context:root:)``,
/// ``DiagramGraph/secret(_:context:root:)``); ``DiagramLayout`` places it and ``SVGRenderer`` draws it.
struct DiagramGraph: Sendable, Equatable {
    /// How a node is marked.
    enum Role: String, Sendable {
        case internet
        case entry
        case target
        case secret
        case plain
    }

    struct Node: Sendable, Equatable {
        /// Unique within the graph; also the Graphviz node name.
        let id: String
        let title: String
        /// The kind, shown under the title ("Virtual machine").
        let subtitle: String
        /// `Assets/icons/<icon>.svg`, drawn from ``DiagramIcons``.
        let icon: String
        /// The page the node links to; empty for none.
        let href: String
        let role: Role
        /// Insights shown as small badges ("Internet exposed", "Verified").
        let badges: [String]
        /// Nodes of one group and subtitle merge into one ("12 Virtual machines") when the graph is
        /// too big to read; `nil` never merges.
        var group: String? = nil
        /// Where a merged group links to (a list on the same page).
        var groupHref: String = ""
    }

    struct Edge: Sendable, Equatable {
        let from: String
        let to: String
        let label: String
    }

    /// The SVG's `<title>`.
    let title: String
    /// The SVG's `<desc>`: the whole graph in one sentence or two.
    let summary: String
    var nodes: [Node]
    var edges: [Edge]

    /// Beyond this many nodes a diagram stops being readable and groups repeated nodes.
    static let readableNodeLimit = 30

    /// The graph with each group's nodes of one kind merged into a single counted node, when it has
    /// more than `limit` nodes; otherwise unchanged.
    func grouped(limit: Int = readableNodeLimit) -> DiagramGraph {
        guard nodes.count > limit else { return self }
        var buckets: [String: [Int]] = [:]
        for (position, node) in nodes.enumerated() {
            guard let group = node.group else { continue }
            buckets[group + "\u{0}" + node.subtitle, default: []].append(position)
        }
        var replacement: [String: String] = [:]
        var merged: [String: Node] = [:]
        for (key, positions) in buckets where positions.count > 1 {
            let first = nodes[positions[0]]
            let id = "group-" + StableID.hexDigest(key).prefix(12)
            merged[id] = Node(
                id: id, title: "\(positions.count) \(Self.plural(first.subtitle))", subtitle: first.subtitle,
                icon: first.icon, href: first.groupHref, role: first.role,
                badges: Array(Set(positions.flatMap { nodes[$0].badges })).sorted(), group: first.group,
                groupHref: first.groupHref)
            for position in positions { replacement[nodes[position].id] = id }
        }
        var result = self
        var placed = Set<String>()
        result.nodes = []
        for node in nodes {
            let id = replacement[node.id] ?? node.id
            guard placed.insert(id).inserted else { continue }
            result.nodes.append(merged[id] ?? node)
        }
        var seenEdges = Set<String>()
        result.edges = edges.compactMap { edge in
            let from = replacement[edge.from] ?? edge.from
            let to = replacement[edge.to] ?? edge.to
            guard seenEdges.insert(from + "\u{0}" + to).inserted else { return nil }
            return Edge(from: from, to: to, label: edge.label)
        }
        return result
    }

    /// "Virtual machine" → "Virtual machines", "Identity" → "Identities".
    static func plural(_ noun: String) -> String {
        if noun.hasSuffix("y"), !noun.hasSuffix("ey") { return noun.dropLast() + "ies" }
        if noun.hasSuffix("s") { return noun + "es" }
        return noun + "s"
    }
}
