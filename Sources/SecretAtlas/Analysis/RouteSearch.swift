/// The breadth-first search behind ``AttackPathFinder``, over the graph by index.
///
/// From an entry point it finds the shortest route to every resource it can reach through at most
/// `maxSecretHops` secrets (first reached wins, in the order ``AttackPathFinder/Graph/hopsOut``
/// lists hops, so ties go the same way on every run) and keeps the `keep` best by risk, then hops,
/// then target id. It stops after a level once it holds `keep` routes of the highest risk: every
/// route still to come has more hops, so none could displace them. In a fleet where keys open most
/// machines this is what keeps the search from visiting the whole fleet from every entry point.
struct RouteSearch: Sendable {
    /// What one entry point gives: the kept routes, best first, and how many more were found.
    struct Found {
        let routes: [AttackPathFinder.Graph.Route]
        let omitted: Int
        /// The search stopped before it had reached everything (see the type's summary).
        let stoppedEarly: Bool
    }

    /// Per-worker space reused from one entry point to the next: a node was reached in this search
    /// when its stamp equals the search's.
    struct Scratch {
        var stamp: [UInt32]
        var current: UInt32 = 0
        var depth: [UInt8]
        var secrets: [UInt8]
        var parent: [Int32]
        /// The position, among its parent's hops out, of the hop that reached each node.
        var via: [Int32]

        init(nodeCount: Int) {
            stamp = Array(repeating: 0, count: nodeCount)
            depth = Array(repeating: 0, count: nodeCount)
            secrets = Array(repeating: 0, count: nodeCount)
            parent = Array(repeating: -1, count: nodeCount)
            via = Array(repeating: -1, count: nodeCount)
        }
    }

    let graph: AttackPathFinder.Graph
    let maxSecretHops: Int
    let keep: Int
    /// The risk rank (0 = critical) of a route to each node: one hop, and more than one.
    private let directRank: [UInt8]
    private let lateralRank: [UInt8]

    /// - Parameters:
    ///   - graph: the indexed graph.
    ///   - maxSecretHops: how many secrets a route may pass through.
    ///   - keep: how many routes an entry point keeps.
    ///   - rank: the risk rank of a route of so many hops to a resource id.
    init(
        graph: AttackPathFinder.Graph, maxSecretHops: Int, keep: Int, rank: (Int, String) -> Int
    ) {
        self.graph = graph
        self.maxSecretHops = maxSecretHops
        self.keep = keep
        directRank = graph.ids.map { UInt8(rank(1, $0)) }
        lateralRank = graph.ids.map { UInt8(rank(2, $0)) }
    }

    func best(from entry: Int32, scratch: inout Scratch) -> Found {
        scratch.current &+= 1
        if scratch.current == 0 {
            // After 2^32 searches the stamps wrap: start them again.
            scratch.stamp = Array(repeating: 0, count: scratch.stamp.count)
            scratch.current = 1
        }
        let stamp = scratch.current
        let start = Int(entry)
        scratch.stamp[start] = stamp
        scratch.depth[start] = 0
        scratch.secrets[start] = 0
        var frontier = [entry]
        var reached: [Int32] = []
        var level = 0
        var critical = 0
        var stoppedEarly = false
        while !frontier.isEmpty, level < maxSecretHops * 2 {
            level += 1
            var next: [Int32] = []
            for node in frontier {
                let from = Int(node)
                let secretsSoFar = Int(scratch.secrets[from])
                for (position, hop) in graph.hopsOut[from].enumerated() {
                    let to = Int(hop.resource)
                    guard scratch.stamp[to] != stamp else { continue }
                    let secretCount = secretsSoFar + (hop.secret >= 0 ? 1 : 0)
                    guard secretCount <= maxSecretHops else { continue }
                    scratch.stamp[to] = stamp
                    scratch.depth[to] = UInt8(level)
                    scratch.secrets[to] = UInt8(secretCount)
                    scratch.parent[to] = node
                    scratch.via[to] = Int32(position)
                    next.append(hop.resource)
                    if secretCount > 0 {
                        reached.append(hop.resource)
                        if rank(to, level) == 0 { critical += 1 }
                    }
                }
            }
            frontier = next
            if critical >= keep, !frontier.isEmpty {
                stoppedEarly = true
                break
            }
        }
        let ranked = reached.sorted { a, b in
            let left = (rank(Int(a), Int(scratch.depth[Int(a)])), scratch.depth[Int(a)], a)
            let right = (rank(Int(b), Int(scratch.depth[Int(b)])), scratch.depth[Int(b)], b)
            return left < right
        }
        let routes = ranked.prefix(keep).map { route(to: Int($0), from: start, scratch: scratch) }
        return Found(routes: routes, omitted: max(0, ranked.count - keep), stoppedEarly: stoppedEarly)
    }

    private func rank(_ node: Int, _ hops: Int) -> Int {
        Int(hops > 1 ? lateralRank[node] : directRank[node])
    }

    /// The route to `node`, read back along the parents the search recorded.
    private func route(to node: Int, from entry: Int, scratch: Scratch) -> AttackPathFinder.Graph.Route {
        var hops: [AttackPathFinder.Graph.Hop] = []
        var current = node
        while current != entry {
            let parent = Int(scratch.parent[current])
            let hop = graph.hopsOut[parent][Int(scratch.via[current])]
            hops.append(
                AttackPathFinder.Graph.Hop(
                    secret: hop.secret >= 0 ? graph.fingerprints[Int(hop.secret)] : nil,
                    relation: hop.relation,
                    resource: graph.ids[current]))
            current = parent
        }
        return AttackPathFinder.Graph.Route(entry: graph.ids[entry], hops: hops.reversed())
    }
}
