/// The validated, linked and sorted model a site is rendered from.
///
/// Every collection is sorted by stable keys, so the same input gives the same pages in any order.
///
/// A class, not a struct: pages reach it through ``RenderContext``, and reading a struct out of a
/// class copies it, retaining each of its fifteen collections, for every row of every page.
final class SiteModel: Sendable {
    let title: String
    /// When the scan ran (the latest `scan.time`, else `SOURCE_DATE_EPOCH`), if known.
    let scanTime: Timestamp?
    /// What produced the inputs, unique and sorted.
    let scanSources: [String]
    /// Sorted by name, then id.
    let resources: [Resource]
    /// Sorted by severity, then type title, then id.
    let secrets: [Secret]
    let edges: [GraphEdge]
    /// Sorted by risk level, then name, then id.
    let attackPaths: [AttackPath]
    let catalog: Catalog

    /// Resource position in ``resources`` by cloud id.
    let resourceIndex: [String: Int]
    /// Positions in ``secrets`` of the secrets found on each resource, by cloud id.
    let secretsByResource: [String: [Int]]
    /// Positions in ``attackPaths`` of the paths through each node.
    let attackPathsByNode: [GraphNode: [Int]]
    /// Computed paths found beyond each entry point's limit and not kept (see ``AttackPathFinder``).
    let attackPathsOmitted: Int
    /// Whether more were found than ``attackPathsOmitted`` counts: a search stopped early.
    let attackPathsOmittedIsLowerBound: Bool
    /// Position in ``secrets`` by fingerprint.
    let secretIndex: [String: Int]
    /// Positions in ``secrets`` of the secrets without an identified target resource.
    let secretsWithoutTarget: [Int]
    /// Cloud ids of the machines whose authorized keys hold each SSH public-key fingerprint.
    let trustingMachines: [String: [String]]

    init(
        title: String, scanTime: Timestamp?, scanSources: [String], resources: [Resource], secrets: [Secret],
        edges: [GraphEdge], attackPaths: [AttackPath], catalog: Catalog, resourceIndex: [String: Int],
        secretsByResource: [String: [Int]], attackPathsByNode: [GraphNode: [Int]], attackPathsOmitted: Int,
        attackPathsOmittedIsLowerBound: Bool, secretIndex: [String: Int], secretsWithoutTarget: [Int],
        trustingMachines: [String: [String]]
    ) {
        self.title = title
        self.scanTime = scanTime
        self.scanSources = scanSources
        self.resources = resources
        self.secrets = secrets
        self.edges = edges
        self.attackPaths = attackPaths
        self.catalog = catalog
        self.resourceIndex = resourceIndex
        self.secretsByResource = secretsByResource
        self.attackPathsByNode = attackPathsByNode
        self.attackPathsOmitted = attackPathsOmitted
        self.attackPathsOmittedIsLowerBound = attackPathsOmittedIsLowerBound
        self.secretIndex = secretIndex
        self.secretsWithoutTarget = secretsWithoutTarget
        self.trustingMachines = trustingMachines
    }

    /// The resource with a cloud id, if it is in the inventory.
    func resource(_ id: String) -> Resource? {
        resourceIndex[id].map { resources[$0] }
    }

    /// The secret with a fingerprint, if any finding has it.
    func secret(fingerprint: String) -> Secret? {
        secretIndex[fingerprint].map { secrets[$0] }
    }

    /// The secrets found on a resource.
    func secrets(on resourceID: String) -> [Secret] {
        (secretsByResource[resourceID] ?? []).map { secrets[$0] }
    }

    /// The attack paths that pass through a node.
    func attackPaths(through node: GraphNode) -> [AttackPath] {
        (attackPathsByNode[node] ?? []).map { attackPaths[$0] }
    }
}
