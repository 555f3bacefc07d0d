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
        /// True when an SSH key's public key is trusted by some machine other than where it lies.
        let verifiedByAuthorizedKeys: Bool
    }

    private let edgeTargets: [String: Set<String>]
    private let machinesByAuthorizedKey: [String: [String]]

    /// Indexes the evidence once, so each secret is resolved in time proportional to its own size.
    init(resources: [Resource], edges: [GraphEdge]) {
        var edgeTargets: [String: Set<String>] = [:]
        for edge in edges where edge.kind == .canAuthenticateTo {
            if case .secret(let fingerprint) = edge.from, case .resource(let id) = edge.to {
                edgeTargets[fingerprint, default: []].insert(id)
            }
        }
        var machines: [String: [String]] = [:]
        for resource in resources {
            for key in resource.authorizedKeys {
                machines[key, default: []].append(resource.id)
            }
        }
        self.edgeTargets = edgeTargets
        self.machinesByAuthorizedKey = machines
    }

    /// Resolves one secret's targets, given the resources it lies on and its public key, if any.
    func resolve(fingerprint: String, publicKeyFingerprint: String?, foundOn: Set<String>) -> Resolution {
        var targets = edgeTargets[fingerprint] ?? []
        var verified = false
        if let publicKeyFingerprint {
            // A key trusted by the machine it lies on opens nothing new; only other machines count.
            let trusting = (machinesByAuthorizedKey[publicKeyFingerprint] ?? []).filter {
                !foundOn.contains($0)
            }
            targets.formUnion(trusting)
            verified = !trusting.isEmpty
        }
        return Resolution(targets: targets.sorted(), verifiedByAuthorizedKeys: verified)
    }
}
