import Dispatch
import Foundation
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
        /// The search of some entry point stopped once it had enough paths of the highest risk, so
        /// `omitted` counts what was found, and more exist.
        var omittedIsLowerBound = false
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
        let search = RouteSearch(graph: graph, maxSecretHops: maxSecretHops, keep: maxPathsPerEntryPoint) {
            AttackPathNarrator.riskLevel(narrator.riskFactors(hopCount: $0, target: $1)).rank
        }
        let entries = resources.filter(\.internetExposed).compactMap { graph.index[$0.id] }
        // Entry points are independent: workers take them in turn, each with its own scratch space,
        // and put each one's kept routes in its slot, so the result does not depend on timing.
        // Only the kept routes are worded; an entry point in a dense fleet reaches thousands.
        let found = Mutex([RouteSearch.Found?](repeating: nil, count: entries.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in
            var scratch = RouteSearch.Scratch(nodeCount: graph.ids.count)
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < entries.count else { break }
                let routes = search.best(from: entries[index], scratch: &scratch)
                found.withLock { $0[index] = routes }
            }
        }
        var result: [AttackPath] = []
        var omitted = 0
        var omittedIsLowerBound = false
        for slot in found.withLock({ $0 }) {
            guard let slot else { continue }
            result += slot.routes.map { narrator.path(for: $0) }
            omitted += slot.omitted
            omittedIsLowerBound = omittedIsLowerBound || slot.stoppedEarly
        }
        return Result(paths: result, omitted: omitted, omittedIsLowerBound: omittedIsLowerBound)
    }
}

extension AttackPathFinder {
    /// The adjacency of the security graph, indexed once.
    struct Graph {
        let resourcesByID: [String: Resource]
        let secretsByFingerprint: SecretsByFingerprint
        /// Resource ids by index, and the graph by index for the search: for each resource, its hops
        /// out, secrets first (by fingerprint, then target id), then direct edges (by target id).
        let ids: [String]
        let index: [String: Int32]
        let hopsOut: [[IndexedHop]]
        /// Fingerprints by position in the secrets list.
        let fingerprints: [String]

        /// A hop by index: `secret` is a position in the secrets list, or -1 for a direct edge.
        struct IndexedHop {
            let secret: Int32
            let relation: GraphEdge.Kind
            let resource: Int32
        }

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
            ids = Array(resourcesByID.keys).sorted()
            let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Int32($0)) })
            self.index = index
            fingerprints = secrets.map(\.fingerprint)
            let secretsByFingerprint = self.secretsByFingerprint
            hopsOut = ids.map { id in
                var hops: [IndexedHop] = []
                for fingerprint in (held[id] ?? []).sorted() {
                    guard let position = secretsByFingerprint.position(of: fingerprint) else { continue }
                    for target in secrets[position].targets where target != id {
                        guard let to = index[target] else { continue }
                        hops.append(
                            IndexedHop(secret: Int32(position), relation: .canAuthenticateTo, resource: to))
                    }
                }
                for (target, kind) in (direct[id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    guard let to = index[target] else { continue }
                    hops.append(IndexedHop(secret: -1, relation: kind, resource: to))
                }
                return hops
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

            /// The position of the first secret with this fingerprint in the list.
            func position(of fingerprint: String) -> Int? {
                positions[fingerprint]
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
    }
}
