/// Works out what each secret can authenticate to.
///
/// Three kinds of evidence count:
/// - a `canAuthenticateTo` edge from the secret in the input;
/// - for an SSH private key, a machine whose authorized keys hold the key's public-key fingerprint
///   (Defender's "related public keys"); a match of this kind verifies the key;
/// - the host or account names the secret names (``Finding/targetHosts``: a connection string's
///   server, a storage account, an RDS endpoint, an IAM user), matched against the inventory by
///   ``HostIndex``.
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
    private let hosts: HostIndex

    /// Indexes the evidence once, so each secret is resolved in time proportional to its own size.
    /// - Parameters:
    ///   - edges: the graph edges; `canAuthenticateTo` edges from secrets are read.
    ///   - trustingMachines: cloud ids of the machines that trust each public-key fingerprint.
    ///   - resources: the inventory, whose names and endpoints host names are matched against.
    init(edges: [GraphEdge], trustingMachines: [String: [String]], resources: [Resource] = []) {
        var edgeTargets: [String: Set<String>] = [:]
        for edge in edges where edge.kind == .canAuthenticateTo {
            if case .secret(let fingerprint) = edge.from, case .resource(let id) = edge.to {
                edgeTargets[fingerprint, default: []].insert(id)
            }
        }
        self.edgeTargets = edgeTargets
        self.trustingMachines = trustingMachines
        self.hosts = HostIndex(resources: resources)
    }

    /// Resolves one secret's targets, given the resources it lies on, its public key and the hosts
    /// it names.
    func resolve(
        fingerprint: String, publicKeyFingerprint: String?, foundOn: Set<String>, targetHosts: [String] = []
    ) -> Resolution {
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
        for host in targetHosts {
            targets.formUnion(hosts.resources(named: host))
        }
        return Resolution(targets: targets.sorted(), verifiedByAuthorizedKeys: verified)
    }
}
