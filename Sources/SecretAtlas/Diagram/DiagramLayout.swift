internal import CGraphviz
import Synchronization

/// Places a ``DiagramGraph`` with Graphviz's `dot` layout, through libgvc in this process.
///
/// This is the only file that calls Graphviz. Only positions are taken from it (node centres and edge
/// splines); ``SVGRenderer`` draws the picture in the site's own style.
///
/// Graphviz keeps global state (the context's plugin tables, cgraph's string pool and error buffer)
/// and is not safe to call from two threads at once, while pages render in parallel. Every layout
/// therefore holds ``lock``, which also owns the one context, made once per process: making a context
/// loads the plugin configuration, far dearer than laying out a small graph.
///
/// What Graphviz is given is only the graph's *shape* (how many nodes, which index links to which,
/// and the sizes and gaps), never a name or label, so the same shape always gets the same positions.
/// Most secrets' diagrams share a handful of shapes (a machine and the secret; a machine, the secret
/// and its target), so layouts are kept by shape (``ShapeCache``) and Graphviz, and its lock, are
/// met only once per shape: at 100,000 findings that is a few hundred layouts instead of 60,000.
struct DiagramLayout: Sendable {
    /// A point in SVG user units (1 unit = 1 Graphviz point), y growing downwards.
    struct Point: Sendable, Equatable {
        let x: Double
        let y: Double
    }

    /// Where everything goes.
    struct Positions: Sendable, Equatable {
        let width: Double
        let height: Double
        /// Node centres by node id.
        let nodes: [String: Point]
        /// Per edge of the graph, in order: the cubic Bézier points (1 + 3n), then the arrow tip if any.
        let edges: [(points: [Point], tip: Point?)]

        static func == (lhs: Positions, rhs: Positions) -> Bool {
            lhs.width == rhs.width && lhs.height == rhs.height && lhs.nodes == rhs.nodes
                && lhs.edges.map(\.points) == rhs.edges.map(\.points)
                && lhs.edges.map(\.tip) == rhs.edges.map(\.tip)
        }
    }

    /// Which way ranks run: left to right for short chains, top to bottom for long ones.
    enum Direction: String, Sendable {
        case leftToRight = "LR"
        case topToBottom = "TB"
    }

    let nodeWidth: Double
    let nodeHeight: Double
    let direction: Direction
    /// Space between ranks, in points; enough for an edge label in left-to-right layouts.
    let rankGap: Double
    /// Space between nodes of one rank, in points; enough for a node's badges.
    let nodeGap: Double

    /// A wrapper so the context pointer can live in a `Mutex`; only ever used under the lock.
    private struct Context: @unchecked Sendable {
        let gvc: OpaquePointer?
    }

    private static let lock = Mutex(Context(gvc: gvContext()))

    /// Lays the graph out.
    /// - Returns: positions, or `nil` when Graphviz fails (it then reports nothing useful to add).
    func positions(for graph: DiagramGraph) -> Positions? {
        let shape = Shape(of: graph, layout: self)
        if let known = ShapeCache.shared.positions(of: shape) {
            return known.map { $0.positions(for: shape.ids) }
        }
        let laidOut = Self.lock.withLock { context -> Positions? in
            guard let gvc = context.gvc else { return nil }
            return layOut(graph, gvc: gvc)
        }
        ShapeCache.shared.store(laidOut.map { ShapePositions($0, ids: shape.ids) }, for: shape)
        return laidOut
    }

    private func layOut(_ graph: DiagramGraph, gvc: OpaquePointer) -> Positions? {
        let strings = CStrings()
        defer { strings.free() }
        func mutable(_ text: String) -> UnsafeMutablePointer<CChar> { strings.copy(text) }
        func set(_ g: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
            _ = agattr(g, AGRAPH, mutable(name), mutable(value))
        }
        guard let g = agopen(mutable("diagram"), sa_directed(), nil) else { return nil }
        defer { agclose(g) }
        set(g, "rankdir", direction.rawValue)
        set(g, "nodesep", inches(nodeGap))
        set(g, "ranksep", inches(rankGap))
        set(g, "splines", "spline")
        let nodeDefaults: [(String, String)] = [
            ("shape", "box"), ("fixedsize", "true"), ("width", inches(nodeWidth)),
            ("height", inches(nodeHeight)), ("label", ""),
        ]
        for (name, value) in nodeDefaults {
            _ = agattr(g, AGNODE, mutable(name), mutable(value))
        }
        var handles: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        for node in graph.nodes {
            handles[node.id] = agnode(g, mutable(node.id), 1)
        }
        var edgeHandles: [UnsafeMutablePointer<Agedge_t>?] = []
        for edge in graph.edges {
            guard let from = handles[edge.from], let to = handles[edge.to] else {
                edgeHandles.append(nil)
                continue
            }
            edgeHandles.append(agedge(g, from, to, nil, 1))
        }
        guard gvLayout(gvc, g, "dot") == 0 else { return nil }
        defer { gvFreeLayout(gvc, g) }
        let left = sa_graph_left(g)
        let bottom = sa_graph_bottom(g)
        let height = sa_graph_height(g)
        func point(_ x: Double, _ y: Double) -> Point {
            // Graphviz's y grows upwards from the bottom left; SVG's grows downwards.
            Point(x: x - left, y: height - (y - bottom))
        }
        var centres: [String: Point] = [:]
        for (id, handle) in handles {
            centres[id] = point(sa_node_x(handle), sa_node_y(handle))
        }
        var splines: [(points: [Point], tip: Point?)] = []
        for handle in edgeHandles {
            guard let handle else {
                splines.append(([], nil))
                continue
            }
            let count = sa_edge_point_count(handle)
            let points = (0..<count).map { point(sa_edge_point_x(handle, $0), sa_edge_point_y(handle, $0)) }
            let tip =
                count > 0 && sa_edge_has_end(handle) != 0
                ? point(sa_edge_end_x(handle), sa_edge_end_y(handle)) : nil
            splines.append((points, tip))
        }
        return Positions(width: sa_graph_width(g), height: height, nodes: centres, edges: splines)
    }

    private func inches(_ points: Double) -> String {
        let hundredths = Int((points / 72 * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

}

extension DiagramLayout {
    /// Everything a layout depends on.
    ///
    /// The options, the number of distinct nodes, and the edges as pairs of node indices in order
    /// (-1 for an end that is not a node, which Graphviz never sees). Node ids stand only for their index of first appearance, the order cgraph keeps them in.
    fileprivate struct Shape: Hashable, Sendable {
        let direction: Direction
        let sizes: [Double]
        let nodeCount: Int
        let edges: [Int32]
        /// The distinct node ids, by index; not part of the key.
        let ids: [String]

        init(of graph: DiagramGraph, layout: DiagramLayout) {
            direction = layout.direction
            sizes = [layout.nodeWidth, layout.nodeHeight, layout.rankGap, layout.nodeGap]
            var index: [String: Int32] = [:]
            var ids: [String] = []
            for node in graph.nodes where index[node.id] == nil {
                index[node.id] = Int32(ids.count)
                ids.append(node.id)
            }
            self.ids = ids
            nodeCount = ids.count
            edges = graph.edges.flatMap { edge -> [Int32] in
                guard let from = index[edge.from], let to = index[edge.to] else { return [-1, -1] }
                return [from, to]
            }
        }

        static func == (lhs: Shape, rhs: Shape) -> Bool {
            lhs.direction == rhs.direction && lhs.sizes == rhs.sizes && lhs.nodeCount == rhs.nodeCount
                && lhs.edges == rhs.edges
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(direction)
            hasher.combine(sizes)
            hasher.combine(nodeCount)
            hasher.combine(edges)
        }
    }

    /// ``Positions`` with node centres by index instead of by id, so they fit any graph of the shape.
    fileprivate struct ShapePositions: Sendable {
        let width: Double
        let height: Double
        let nodes: [Point?]
        let edges: [(points: [Point], tip: Point?)]

        init(_ positions: Positions, ids: [String]) {
            width = positions.width
            height = positions.height
            nodes = ids.map { positions.nodes[$0] }
            edges = positions.edges
        }

        func positions(for ids: [String]) -> Positions {
            var centres: [String: Point] = [:]
            centres.reserveCapacity(ids.count)
            for (index, id) in ids.enumerated() {
                if let centre = nodes[index] { centres[id] = centre }
            }
            return Positions(width: width, height: height, nodes: centres, edges: edges)
        }
    }

    /// Layouts by shape, for the whole process; `nil` stands for a shape Graphviz failed on.
    ///
    /// Bounded: past ``capacity`` shapes, new ones are laid out every time rather than kept, so a
    /// site of many unusual diagrams cannot grow it without end.
    fileprivate final class ShapeCache: Sendable {
        static let shared = ShapeCache()
        static let capacity = 4_096

        private let entries = Mutex<[Shape: ShapePositions?]>([:])

        /// The layout of a shape seen before: `.some(nil)` when Graphviz failed on it; `nil` when unseen.
        func positions(of shape: Shape) -> ShapePositions?? {
            entries.withLock { $0[shape] }
        }

        func store(_ positions: ShapePositions?, for shape: Shape) {
            entries.withLock { entries in
                guard entries.count < Self.capacity else { return }
                entries[shape] = .some(positions)
            }
        }
    }
}

/// C copies of Swift strings for cgraph, whose API takes `char *` although it copies what it keeps
/// (into its own string pool); freed together once the layout is read.
private final class CStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    func copy(_ text: String) -> UnsafeMutablePointer<CChar> {
        let bytes = Array(text.utf8CString)
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        pointer.initialize(from: bytes, count: bytes.count)
        pointers.append(pointer)
        return pointer
    }

    func free() {
        for pointer in pointers { pointer.deallocate() }
        pointers = []
    }
}
