import Dispatch
import Synchronization

/// Finds attack paths in the security graph: from an Internet-exposed resource, through the plaintext
/// secrets it holds, to the resources those secrets open, and on from there (lateral movement).
///
/// The graph searched has three kinds of hop:
/// - resource → secret: the secret lies on the resource (a finding, or a `contains` edge);
/// - secret → resource: the secret can authenticate to it (``Secret/targets``);
/// - resource → resource: a `canAuthenticateTo` or `hasPermissionTo` edge in the input (an IAM user
///   that may read a bucket), so a key that opens an identity leads on to what the identity can reach.
///
/// From each exposed entry point a breadth-first search finds the shortest route to every resource it
/// can reach within ``maxSecretHops`` secrets; each reached resource is the target of one path. So a
/// path is identified by its entry point and target (the same pair is never reported twice), a cycle
/// (A's key opens B, B's key opens A) ends where it would revisit a node, and the number of paths is
/// at most entry points × reachable resources. Ties between routes of equal length go to the one
/// whose nodes sort first, so the result does not depend on input order. A route with no secret on
/// it (pure permissions) is not a secrets path and is left out.
///
/// Every resource reached is a target, machines included, so lateral movement between machines
/// shows as paths of its own (A → B → C). In a fleet where keys open many machines the count grows
/// with entry points × reachable resources, so each entry point keeps its ``maxPathsPerEntryPoint``
/// most severe paths (risk level, then fewest hops, then target id) and the rest are counted in
/// ``Result/omitted``; risk ranks data stores, critical resources and lateral movement first.
struct AttackPathFinder {
    /// The computed paths and how many more were found than kept.
    struct Result {
        let paths: [AttackPath]
        let omitted: Int
    }

    /// How many secrets a path may pass through; Defender's own paths are rarely longer than three.
    var maxSecretHops = 4
    /// How many paths one entry point keeps.
    var maxPathsPerEntryPoint = Self.defaultMaxPathsPerEntryPoint
    static let defaultMaxPathsPerEntryPoint = 20

    let resources: [Resource]
    let secrets: [Secret]
    let edges: [GraphEdge]
    let catalog: Catalog

    /// Every computed path, in entry-point then priority order (the model sorts them by risk later).
    func paths() -> Result {
        // Paths start at exposed resources: with none there is nothing to index.
        guard resources.contains(where: \.internetExposed) else { return Result(paths: [], omitted: 0) }
        let graph = Graph(resources: resources, secrets: secrets, edges: edges)
        let narrator = AttackPathNarrator(graph: graph, catalog: catalog)
        let entries = resources.filter(\.internetExposed)
        let maxSecretHops = self.maxSecretHops
        let maxPaths = maxPathsPerEntryPoint
        // Entry points are independent: each is searched on any core, into its own slot. Routes
        // are ranked by what is cheap to know (risk level, hops, target) and only the kept ones
        // are worded; an entry point in a dense fleet reaches thousands of resources.
        let found = Mutex([(paths: [AttackPath], omitted: Int)?](repeating: nil, count: entries.count))
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            let ranked = graph.routes(from: entries[index].id, maxSecretHops: maxSecretHops)
                .map { route in
                    (
                        route: route, rank: AttackPathNarrator.riskLevel(narrator.riskFactors(route)).rank,
                        hops: route.hops.count, target: route.hops.last?.resource ?? route.entry
                    )
                }
                .sorted { ($0.rank, $0.hops, $0.target) < ($1.rank, $1.hops, $1.target) }
            let kept = ranked.prefix(maxPaths).map { narrator.path(for: $0.route) }
            found.withLock { $0[index] = (kept, max(0, ranked.count - maxPaths)) }
        }
        var result: [AttackPath] = []
        var omitted = 0
        for slot in found.withLock({ $0 }) {
            guard let slot else { continue }
            result += slot.paths
            omitted += slot.omitted
        }
        return Result(paths: result, omitted: omitted)
    }
}

extension AttackPathFinder {
    /// The adjacency of the security graph, indexed once.
    struct Graph {
        let resourcesByID: [String: Resource]
        let secretsByFingerprint: SecretsByFingerprint
        /// Fingerprints of the secrets each resource holds, sorted.
        let held: [String: [String]]
        /// Resources each resource leads to directly, with the relation, sorted by id.
        let direct: [String: [(id: String, kind: GraphEdge.Kind)]]

        init(resources: [Resource], secrets: [Secret], edges: [GraphEdge]) {
            resourcesByID = Dictionary(resources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            secretsByFingerprint = SecretsByFingerprint(secrets)
            var held: [String: Set<String>] = [:]
            for secret in secrets {
                for id in secret.resourceIDs { held[id, default: []].insert(secret.fingerprint) }
            }
            var direct: [String: [String: GraphEdge.Kind]] = [:]
            for edge in edges {
                switch (edge.kind, edge.from, edge.to) {
                case (.contains, .resource(let id), .secret(let fingerprint)):
                    held[id, default: []].insert(fingerprint)
                case (.canAuthenticateTo, .resource(let from), .resource(let to)),
                    (.hasPermissionTo, .resource(let from), .resource(let to)):
                    if from != to, direct[from]?[to] == nil { direct[from, default: [:]][to] = edge.kind }
                default:
                    break
                }
            }
            self.held = held.mapValues { $0.sorted() }
            self.direct = direct.mapValues {
                $0.sorted { $0.key < $1.key }.map { (id: $0.key, kind: $0.value) }
            }
        }

        /// Secrets by fingerprint, as positions in the list: a million secrets are not copied into a
        /// table.
        struct SecretsByFingerprint {
            private let secrets: [Secret]
            private let positions: [String: Int]

            init(_ secrets: [Secret]) {
                self.secrets = secrets
                var positions: [String: Int] = [:]
                positions.reserveCapacity(secrets.count)
                for (position, secret) in secrets.enumerated() where positions[secret.fingerprint] == nil {
                    positions[secret.fingerprint] = position
                }
                self.positions = positions
            }

            subscript(fingerprint: String) -> Secret? {
                positions[fingerprint].map { secrets[$0] }
            }
        }

        /// One hop of a route: the resource reached and how (through a secret, or an edge).
        struct Hop: Equatable {
            let secret: String?
            let relation: GraphEdge.Kind
            let resource: String
        }

        /// A route from an entry point; `hops` is never empty and holds at least one secret.
        struct Route: Equatable {
            let entry: String
            let hops: [Hop]
        }

        /// The shortest route to every resource reachable from `entry`, in the order they are reached.
        func routes(from entry: String, maxSecretHops: Int) -> [Route] {
            var reached: [String: [Hop]] = [entry: []]
            var frontier = [entry]
            var order: [String] = []
            var depth = 0
            while !frontier.isEmpty, depth < maxSecretHops * 2 {
                depth += 1
                var next: [String] = []
                for id in frontier {
                    guard let sofar = reached[id] else { continue }
                    for hop in neighbours(of: id) where reached[hop.resource] == nil {
                        let secretCount =
                            sofar.filter { $0.secret != nil }.count + (hop.secret == nil ? 0 : 1)
                        guard secretCount <= maxSecretHops else { continue }
                        reached[hop.resource] = sofar + [hop]
                        next.append(hop.resource)
                        order.append(hop.resource)
                    }
                }
                frontier = next
            }
            return order.compactMap { id in
                guard let hops = reached[id], hops.contains(where: { $0.secret != nil }) else { return nil }
                return Route(entry: entry, hops: hops)
            }
        }

        /// The hops out of a resource, secrets first (sorted by fingerprint, then target id), then edges.
        private func neighbours(of id: String) -> [Hop] {
            var hops: [Hop] = []
            for fingerprint in held[id] ?? [] {
                guard let secret = secretsByFingerprint[fingerprint] else { continue }
                for target in secret.targets where target != id && resourcesByID[target] != nil {
                    hops.append(Hop(secret: fingerprint, relation: .canAuthenticateTo, resource: target))
                }
            }
            for (target, kind) in direct[id] ?? [] where resourcesByID[target] != nil {
                hops.append(Hop(secret: nil, relation: kind, resource: target))
            }
            return hops
        }
    }
}
