/// Finds the inventory resources a host or account name refers to.
///
/// Secrets name their targets the way clients address them: a storage connection string names the
/// account (`AccountName=nwlprodlogs`) or its endpoint (`nwlprodlogs.blob.core.windows.net`), an
/// Azure SQL string its server's FQDN (`sql-x.database.windows.net`), a PostgreSQL URL or `.pgpass`
/// line an RDS endpoint, an AWS access key the IAM user it belongs to. Each resource is indexed
/// under every such name:
/// - its `hostnames` (any kind), and its cloud id;
/// - for data stores and identities, its bare name (an account, server, bucket or user name) and the
///   service's well-known endpoints for that name (see ``endpointSuffixes``).
///
/// Machines are matched by their `hostnames` only: a VM's display name is not an address, and a
/// secret that names `web-01` should not be taken to open a VM that happens to be called that.
/// All names compare lowercased; a port, a `tcp:` prefix and a trailing dot are ignored.
struct HostIndex {
    private var index: [String: Set<String>] = [:]

    init(resources: [Resource]) {
        for resource in resources {
            var names = Set(resource.hostnames.map(Self.normalize))
            names.insert(resource.id.lowercased())
            if Self.matchesByName(resource.kind) {
                let name = resource.name.lowercased()
                names.insert(name)
                for suffix in Self.endpointSuffixes(resource.kind) { names.insert(name + suffix) }
            }
            for name in names where !name.isEmpty { index[name, default: []].insert(resource.id) }
        }
    }

    /// The cloud ids of the resources a name refers to, sorted.
    func resources(named host: String) -> [String] {
        (index[Self.normalize(host)] ?? []).sorted()
    }

    /// Lowercases and strips what clients add around a host name: `tcp:`, `:port`, `,port`, a final dot.
    static func normalize(_ host: String) -> String {
        var text = host.lowercased().filter { !$0.isWhitespace }
        if text.hasPrefix("tcp:") { text.removeFirst(4) }
        // A cloud id (ARN, ARM id, URL) contains ':' or '/' by nature and is kept whole.
        if text.hasPrefix("arn:") || text.hasPrefix("/") || text.hasPrefix("https:") { return text }
        if let cut = text.firstIndex(where: { $0 == ":" || $0 == "," }) { text = String(text[..<cut]) }
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Whether a kind is addressed by its own name: accounts, servers, buckets, vaults and identities.
    private static func matchesByName(_ kind: ResourceKind) -> Bool {
        switch kind {
        case .storageAccount, .sqlServer, .sqlDatabase, .postgresqlServer, .mysqlServer, .mariadbServer,
            .cosmosDbAccount, .rdsInstance, .s3Bucket, .gcsBucket, .keyVault, .identity, .iamUser, .iamRole:
            true
        case .virtualMachine, .ec2Instance, .gcpVmInstance, .armDeployment, .cloudFormationStack,
            .kubernetesCluster, .other:
            false
        }
    }

    /// The public endpoint suffixes of a service, appended to the resource's name.
    static func endpointSuffixes(_ kind: ResourceKind) -> [String] {
        switch kind {
        case .storageAccount:
            ["blob", "file", "queue", "table", "dfs", "web"].map { ".\($0).core.windows.net" }
        case .sqlServer: [".database.windows.net"]
        case .postgresqlServer: [".postgres.database.azure.com"]
        case .mysqlServer: [".mysql.database.azure.com"]
        case .mariadbServer: [".mariadb.database.azure.com"]
        case .cosmosDbAccount:
            [".documents.azure.com", ".mongo.cosmos.azure.com", ".table.cosmos.azure.com"]
        case .keyVault: [".vault.azure.net"]
        case .s3Bucket: [".s3.amazonaws.com"]
        case .gcsBucket: [".storage.googleapis.com"]
        default: []
        }
    }
}
