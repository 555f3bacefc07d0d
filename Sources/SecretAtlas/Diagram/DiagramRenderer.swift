/// Lays out and draws a diagram: ``DiagramLayout`` (Graphviz `dot`) for positions, then
/// ``SVGRenderer`` for the picture.
struct DiagramRenderer: Sendable {
    /// No diagram may be larger than this; the hop list beside it always carries the same facts.
    static let maximumBytes = 100_000

    let nodeWidth = 224.0
    let nodeHeight = 52.0

    /// The SVG for a graph, or `""` when Graphviz cannot lay it out.
    /// - Parameters:
    ///   - graph: what to draw; grouped first when it has too many nodes to read.
    ///   - id: a prefix for the ids inside the SVG, unique on its page.
    /// - Returns: the `<svg>` element, at most ``maximumBytes`` long, or `""`.
    func svg(for graph: DiagramGraph, id: String) -> String {
        var graph = graph.grouped()
        var svg = draw(graph, id: id)
        if svg.utf8.count > Self.maximumBytes {
            // Names too long to fit even grouped: group harder rather than ship a huge page.
            graph = graph.grouped(limit: 8)
            svg = draw(graph, id: id)
        }
        return svg.utf8.count > Self.maximumBytes ? "" : svg
    }

    private func draw(_ graph: DiagramGraph, id: String) -> String {
        // Ranks run left to right while a chain fits the page width, top to bottom beyond that.
        let direction: DiagramLayout.Direction = Self.runsLeftToRight(graph) ? .leftToRight : .topToBottom
        let layout = DiagramLayout(
            nodeWidth: nodeWidth, nodeHeight: nodeHeight, direction: direction,
            rankGap: direction == .leftToRight ? 130 : 40, nodeGap: direction == .leftToRight ? 30 : 60)
        guard let positions = layout.positions(for: graph) else { return "" }
        return SVGRenderer(nodeWidth: nodeWidth, nodeHeight: nodeHeight).svg(
            graph, positions: positions, id: id)
    }

    /// Whether a graph is drawn left to right rather than top to bottom.
    ///
    /// A left-to-right diagram is wide, so pages give it the full width; a top-to-bottom one is
    /// narrow, so pages set the hop list beside it. Four ranks of cards fill a page's width.
    static func runsLeftToRight(_ graph: DiagramGraph) -> Bool {
        longestChain(graph.grouped()) <= 4
    }

    /// The number of nodes on the longest edge chain (the number of ranks dot will make), cycles cut.
    static func longestChain(_ graph: DiagramGraph) -> Int {
        var next: [String: [String]] = [:]
        for edge in graph.edges { next[edge.from, default: []].append(edge.to) }
        var memo: [String: Int] = [:]
        func depth(_ id: String, _ visiting: inout Set<String>) -> Int {
            if let known = memo[id] { return known }
            guard visiting.insert(id).inserted else { return 0 }
            var best = 1
            for child in next[id] ?? [] { best = max(best, 1 + depth(child, &visiting)) }
            visiting.remove(id)
            memo[id] = best
            return best
        }
        var visiting = Set<String>()
        return graph.nodes.map { depth($0.id, &visiting) }.max() ?? 0
    }
}
