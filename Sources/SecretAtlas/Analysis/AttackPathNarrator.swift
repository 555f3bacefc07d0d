/// Words a computed route the way Defender words its attack paths: a scenario name, a description
/// with the real names, risk factors and level, potential impact, an attack story and MITRE ATT&CK
/// techniques.
///
/// Names follow the published secrets scenarios (defender-views.md §3.4), "Internet exposed VM has an
/// insecure SSH private key that is used to authenticate to a VM"; a route through more than one
/// secret uses the newer "… allows lateral movement to …" form. A name holds no instance names, so
/// paths group by it into scenarios; the description names the instance.
struct AttackPathNarrator {
    let graph: AttackPathFinder.Graph
    let catalog: Catalog

    /// The risk factor strings, as Defender's SDK spells them.
    enum Factor {
        static let internet = "Internet exposure"
        static let lateral = "Lateral movement"
        static let sensitive = "Sensitive data"
        static let critical = "Critical resource"
    }

    func path(for route: AttackPathFinder.Graph.Route) -> AttackPath {
        let entry = graph.resourcesByID[route.entry]
        let targetID = route.hops.last?.resource ?? route.entry
        let target = graph.resourcesByID[targetID]
        let secretHops = route.hops.filter { $0.secret != nil }
        let firstSecret = secretHops.first?.secret.flatMap { graph.secretsByFingerprint[$0] }
        let usesSSHKey = firstSecret.map { Self.isSSHKey($0.type) } ?? false
        let lateral = route.hops.count > 1

        let secretPhrase = usesSSHKey ? "has an insecure SSH private key" : "has insecure secrets"
        let verb =
            lateral
            ? "that allows lateral movement to"
            : usesSSHKey ? "that is used to authenticate to" : "that are used to authenticate to"
        let name =
            "Internet exposed \(Self.entryNoun(entry?.kind)) \(secretPhrase) \(verb) \(Self.targetNoun(target?.kind))"

        let factors = riskFactors(route)
        let risk = Self.riskLevel(factors)

        var steps: [GraphNode] = [.resource(route.entry)]
        for hop in route.hops {
            if let secret = hop.secret { steps.append(.secret(fingerprint: secret)) }
            steps.append(.resource(hop.resource))
        }
        let id = "computed:" + route.entry + " -> " + targetID
        return AttackPath(
            id: id,
            siteID: StableID.make(
                name: (entry?.name ?? "entry") + " to " + (target?.name ?? "target"), identity: id,
                hashLength: 8),
            name: name, riskLevel: risk, entryPoint: .resource(route.entry), target: .resource(targetID),
            steps: steps, riskFactors: factors, description: description(route),
            potentialImpact: Self.impact(target), attackStory: story(route), mitre: mitre(route), source: nil,
            origin: .computed)
    }

    /// The risk factors of a route: cheap, so routes can be ranked before any is worded.
    func riskFactors(_ route: AttackPathFinder.Graph.Route) -> [String] {
        riskFactors(hopCount: route.hops.count, target: route.hops.last?.resource ?? route.entry)
    }

    /// The risk factors of a route of `hopCount` hops to `targetID`.
    func riskFactors(hopCount: Int, target targetID: String) -> [String] {
        let target = graph.resourcesByID[targetID]
        var factors = [Factor.internet]
        if hopCount > 1 { factors.append(Factor.lateral) }
        if let kind = target?.kind, Self.holdsData(kind) { factors.append(Factor.sensitive) }
        if let criticality = target?.criticality, criticality <= .high { factors.append(Factor.critical) }
        return factors
    }

    /// Exposure plus a working secret is Medium; each further factor raises the level one step.
    static func riskLevel(_ factors: [String]) -> Severity {
        let levels: [Severity] = [.medium, .high, .critical]
        return levels[min(factors.count - 1, levels.count - 1)]
    }

    // MARK: - Text

    private func description(_ route: AttackPathFinder.Graph.Route) -> String {
        var text = "\(label(route.entry, capitalised: true)) is reachable from the Internet"
        var from = route.entry
        for (offset, hop) in route.hops.enumerated() {
            let subject = offset == 0 ? " and" : "; \(label(from, capitalised: false))"
            if let fingerprint = hop.secret, let secret = graph.secretsByFingerprint[fingerprint] {
                let title = catalog.secretType(secret.type).title
                let place =
                    secret.occurrences.first { $0.resourceID == from }.map { " in \($0.filePath)" } ?? ""
                text +=
                    "\(subject) holds \(Self.article(title)) \(title.lowercasedFirst) (\(secret.shortFingerprint))"
                    + "\(place) that can authenticate to \(label(hop.resource, capitalised: false))"
            } else {
                text += "\(subject) \(hop.relation.label) \(label(hop.resource, capitalised: false))"
            }
            from = hop.resource
        }
        return text + "."
    }

    private func story(_ route: AttackPathFinder.Graph.Route) -> [String] {
        var lines = ["An attacker reaches \(label(route.entry, capitalised: false)) from the Internet."]
        var from = route.entry
        for hop in route.hops {
            let fromName = graph.resourcesByID[from]?.name ?? from
            if let fingerprint = hop.secret, let secret = graph.secretsByFingerprint[fingerprint] {
                let title = catalog.secretType(secret.type).title.lowercasedFirst
                let place =
                    secret.occurrences.first { $0.resourceID == from }.map { " from \($0.filePath)" } ?? ""
                lines.append("The attacker gains access to '\(fromName)' and reads the \(title)\(place).")
                let over =
                    Self.isSSHKey(secret.type) && Self.isMachine(graph.resourcesByID[hop.resource]?.kind)
                    ? " over SSH" : ""
                lines.append(
                    "The attacker uses it to authenticate to \(label(hop.resource, capitalised: false))\(over)."
                )
            } else {
                lines.append(
                    "From '\(fromName)' the attacker uses its \(hop.relation.label) relation to reach "
                        + "\(label(hop.resource, capitalised: false)).")
            }
            from = hop.resource
        }
        if let impact = Self.impact(graph.resourcesByID[from]) {
            lines.append("The attacker can " + impact.lowercasedFirst)
        }
        return lines
    }

    /// Techniques the route shows evidence of; nothing is claimed about how the entry point is breached.
    private func mitre(_ route: AttackPathFinder.Graph.Route) -> [String] {
        var techniques: [String] = []
        func add(_ technique: String) { if !techniques.contains(technique) { techniques.append(technique) } }
        for hop in route.hops {
            guard let fingerprint = hop.secret, let secret = graph.secretsByFingerprint[fingerprint] else {
                add(Self.cloudAccounts)
                continue
            }
            let kind = graph.resourcesByID[hop.resource]?.kind
            if Self.isSSHKey(secret.type) || secret.type == "private-key" {
                add("Credential Access – Unsecured Credentials: Private Keys (T1552.004)")
            } else {
                add("Credential Access – Unsecured Credentials: Credentials In Files (T1552.001)")
            }
            if Self.isSSHKey(secret.type), Self.isMachine(kind) {
                add("Lateral Movement – Remote Services: SSH (T1021.004)")
            } else if let kind, Self.holdsData(kind),
                ![.storageAccount, .s3Bucket, .gcsBucket, .keyVault].contains(kind)
            {
                // Database credentials are accounts of the database, not of the cloud.
                add("Initial Access – Valid Accounts (T1078)")
            } else {
                add(Self.cloudAccounts)
            }
            if let kind, [.storageAccount, .s3Bucket, .gcsBucket].contains(kind) {
                add("Collection – Data from Cloud Storage (T1530)")
            }
        }
        return techniques
    }

    private static let cloudAccounts = "Initial Access – Valid Accounts: Cloud Accounts (T1078.004)"

    /// `virtual machine 'vm-a'`, the way descriptions name a resource.
    private func label(_ id: String, capitalised: Bool) -> String {
        guard let resource = graph.resourcesByID[id] else { return "'\(id)'" }
        let noun = String(Self.nounPhrase(resource.kind).split(separator: " ", maxSplits: 1).last ?? "")
        return "\(capitalised ? noun.capitalisedFirst : noun) '\(resource.name)'"
    }

    // MARK: - Vocabulary

    static func isSSHKey(_ type: String) -> Bool { type == "ssh-private-key" }

    static func isMachine(_ kind: ResourceKind?) -> Bool {
        kind == .virtualMachine || kind == .ec2Instance || kind == .gcpVmInstance
    }

    /// Whether a kind stores data, Defender's "Sensitive data" factor.
    static func holdsData(_ kind: ResourceKind) -> Bool {
        switch kind {
        case .storageAccount, .sqlServer, .sqlDatabase, .postgresqlServer, .mysqlServer, .mariadbServer,
            .cosmosDbAccount, .rdsInstance, .s3Bucket, .gcsBucket, .keyVault:
            true
        default: false
        }
    }

    /// The entry point as Defender's scenario names say it ("VM", "EC2 instance").
    static func entryNoun(_ kind: ResourceKind?) -> String {
        switch kind {
        case .virtualMachine: "VM"
        case .gcpVmInstance: "GCP VM instance"
        case .some(let kind): String(nounPhrase(kind).split(separator: " ", maxSplits: 1).last ?? "")
        case nil: "resource"
        }
    }

    /// The target with its article, as the scenario names say it ("a VM", "an SQL server").
    static func targetNoun(_ kind: ResourceKind?) -> String {
        kind.map(nounPhrase) ?? "a resource"
    }

    /// Every kind with its article, spelled out: acronyms and product names decide both.
    static func nounPhrase(_ kind: ResourceKind) -> String {
        switch kind {
        case .virtualMachine: "a VM"
        case .ec2Instance: "an EC2 instance"
        case .gcpVmInstance: "a GCP VM instance"
        case .storageAccount: "a storage account"
        case .sqlServer: "an SQL server"
        case .sqlDatabase: "an SQL database"
        case .postgresqlServer: "a PostgreSQL server"
        case .mysqlServer: "a MySQL server"
        case .mariadbServer: "a MariaDB server"
        case .cosmosDbAccount: "a Cosmos DB account"
        case .rdsInstance: "an AWS RDS server"
        case .s3Bucket: "an S3 bucket"
        case .gcsBucket: "a Cloud Storage bucket"
        case .keyVault: "a key vault"
        case .armDeployment: "an ARM deployment"
        case .cloudFormationStack: "a CloudFormation stack"
        case .identity: "an identity"
        case .iamUser: "an IAM user"
        case .iamRole: "an IAM role"
        case .kubernetesCluster: "a Kubernetes cluster"
        case .other: "a resource"
        }
    }

    static func impact(_ target: Resource?) -> String? {
        guard let target else { return nil }
        let label =
            "\(nounPhrase(target.kind).split(separator: " ", maxSplits: 1).last ?? "") '\(target.name)'"
        if holdsData(target.kind) {
            return "Read, change or delete the data in \(label)."
        }
        switch target.kind {
        case .virtualMachine, .ec2Instance, .gcpVmInstance, .kubernetesCluster:
            return "Run commands on \(label), read the secrets it holds and move on to what they open."
        case .identity, .iamUser, .iamRole:
            return "Act as \(label) with every permission it has been granted."
        default:
            return "Use \(label) with the permissions the secret grants."
        }
    }

    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}

extension String {
    /// The string with its first letter lowercased ("Storage account" → "storage account").
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }

    /// The string with its first letter uppercased ("storage account" → "Storage account").
    var capitalisedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
