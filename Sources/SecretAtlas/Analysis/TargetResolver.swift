/// Works out what each secret can authenticate to.
///
/// Two kinds of evidence count: a `canAuthenticateTo` edge from the secret in the input, and, for an
/// SSH private key, a machine whose authorized keys hold the key's public-key fingerprint (Defender's
/// "related public keys"). A match of the second kind verifies the key.
struct TargetResolver {
    /// What was resolved for one secret.
    struct Resolution: Equatable {
        /// Cloud ids of target resources, sorted and unique.
        let targets: [String]
        /// True when an SSH key's public key is trusted by a machine it can be carried to from elsewhere.
        let verifiedByAuthorizedKeys: Bool
    }

    private let edgeTargets: [String: Set<String>]
    private let trustingMachines: [String: [String]]

    /// Indexes the evidence once, so each secret is resolved in time proportional to its own size.
    /// - Parameters:
    ///   - edges: the graph edges; `canAuthenticateTo` edges from secrets are read.
    ///   - trustingMachines: cloud ids of the machines that trust each public-key fingerprint.
    init(edges: [GraphEdge], trustingMachines: [String: [String]]) {
        var edgeTargets: [String: Set<String>] = [:]
        for edge in edges where edge.kind == .canAuthenticateTo {
            if case .secret(let fingerprint) = edge.from, case .resource(let id) = edge.to {
                edgeTargets[fingerprint, default: []].insert(id)
            }
        }
        self.edgeTargets = edgeTargets
        self.trustingMachines = trustingMachines
    }

    /// Resolves one secret's targets, given the resources it lies on and its public key, if any.
    func resolve(fingerprint: String, publicKeyFingerprint: String?, foundOn: Set<String>) -> Resolution {
        var targets = edgeTargets[fingerprint] ?? []
        var verified = false
        if let publicKeyFingerprint {
            // A machine is a target when the key also lies somewhere else: from there an attacker can
            // carry it over. A key found only on the machine that trusts it opens nothing new.
            let trusting = (trustingMachines[publicKeyFingerprint] ?? []).filter { machine in
                foundOn.contains { $0 != machine }
            }
            targets.formUnion(trusting)
            verified = !trusting.isEmpty
        }
        return Resolution(targets: targets.sorted(), verifiedByAuthorizedKeys: verified)
    }
}
