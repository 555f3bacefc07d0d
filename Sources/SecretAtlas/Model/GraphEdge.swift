/// A node of the security graph: a resource, a secret, or the Internet.
enum GraphNode: Sendable, Hashable, Comparable {
    case resource(String)
    case secret(fingerprint: String)
    case internet

    /// Parses the native format's node syntax: a resource id, `secret:<fingerprint>` or `internet`.
    init(reference: String) {
        if reference == "internet" {
            self = .internet
        } else if reference.hasPrefix("secret:") {
            self = .secret(fingerprint: String(reference.dropFirst("secret:".count)))
        } else {
            self = .resource(reference)
        }
    }

    /// The node in the native format's syntax.
    var reference: String {
        switch self {
        case .resource(let id): id
        case .secret(let fingerprint): "secret:" + fingerprint
        case .internet: "internet"
        }
    }

    static func < (lhs: GraphNode, rhs: GraphNode) -> Bool {
        lhs.reference < rhs.reference
    }
}

/// A directed edge of the security graph, as an input asserted it.
struct GraphEdge: Sendable, Equatable {
    /// The relations Defender's cloud security graph draws.
    enum Kind: String, Sendable, CaseIterable {
        case contains
        case canAuthenticateTo
        case exposedTo
        case hasPermissionTo
        case routesTrafficTo
        case memberOf

        /// The edge label, in Defender's words.
        var label: String {
            switch self {
            case .contains: "contains"
            case .canAuthenticateTo: "can authenticate to"
            case .exposedTo: "exposed to"
            case .hasPermissionTo: "has permission to"
            case .routesTrafficTo: "routes traffic to"
            case .memberOf: "member of"
            }
        }
    }

    /// The two nodes an edge joins, for looking edges up by their ends.
    struct Ends: Hashable, Sendable {
        let from: GraphNode
        let to: GraphNode
    }

    let kind: Kind
    let from: GraphNode
    let to: GraphNode
    let source: String?
}
