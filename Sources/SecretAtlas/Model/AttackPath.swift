/// An attack path: from an entry point, through secrets and resources, to a target.
struct AttackPath: Sendable, Equatable {
    /// Where the path came from.
    enum Origin: String, Sendable {
        /// Given in the input (for example a Defender export), shown as given.
        case imported
        /// Found by ``AttackPathFinder`` in the graph.
        case computed
    }

    /// The id given by the source.
    let id: String
    /// The site's stable id, derived from ``id``.
    let siteID: String
    let name: String
    let riskLevel: Severity
    let entryPoint: GraphNode
    let target: GraphNode
    /// Nodes from entry point to target; at least the entry point and the target.
    let steps: [GraphNode]
    let riskFactors: [String]
    let description: String?
    let potentialImpact: String?
    let attackStory: [String]
    let mitre: [String]
    let source: String?
    let origin: Origin
    /// For an imported path: SecretAtlas found the same entry point and target on its own.
    var alsoComputed = false
}
