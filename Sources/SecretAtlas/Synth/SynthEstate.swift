/// A synthetic machine: what its resource record says, and what secret paths on it look like.
struct SynthMachine {
    let id: String
    let name: String
    let cloud: SynthCloud
    let subscription: String
    let resourceGroup: String?
    let region: String
    let os: String
    /// Tags in output order.
    let tags: [(String, String)]
    let exposed: Bool
    let criticality: String?
    let windows: Bool
    let home: String
    let app: String
    /// Indexes of the admin keys (people and tools that legitimately log in) it trusts.
    let adminKeys: [Int]
}

/// A synthetic store (storage account, database server, bucket) that secrets open.
struct SynthStore {
    let id: String
    let name: String
    let kind: SynthStoreKind
    let cloud: SynthCloud
    let subscription: String
    let resourceGroup: String?
    let region: String
    let tags: [(String, String)]
    let criticality: String
    let hostnames: [String]
}

/// A synthetic AWS IAM user: AWS access keys belong to one, and it may read some S3 buckets.
struct SynthIAMUser {
    let id: String
    let name: String
    let account: String
    /// Positions in ``SynthEstate/stores`` of the buckets it has permission to.
    let buckets: [Int]
}

/// The estate a synthetic scan covers: machines, the stores secrets open and IAM users, made from
/// one random stream so it depends only on the seed and the machine count.
struct SynthEstate {
    let machines: [SynthMachine]
    let stores: [SynthStore]
    /// Positions in ``stores`` of each kind's stores, in rank order (the first is the busiest).
    let storesByKind: [[Int]]
    let iamUsers: [SynthIAMUser]
    /// Machines by how many secrets they hold (build servers and jump boxes hold more).
    let machineTable: WeightedTable<Int>
    /// Each kind's stores by use: rank r has weight 1/(r+1), so the main production database is used
    /// by far more secrets than the rest.
    let storeTables: [WeightedTable<Int>]
    let adminKeyCount: Int

    init(machineCount: Int, identifiers: SynthIdentifiers, random: inout SynthRandom) {
        let accounts = SynthAccounts(identifiers: identifiers)
        let adminKeyCount = max(4, machineCount / 25)
        self.adminKeyCount = adminKeyCount

        let draw = MachineDraw(
            identifiers: identifiers, accounts: accounts, numberWidth: max(4, String(machineCount).count),
            adminKeyCount: adminKeyCount)
        var machines: [SynthMachine] = []
        machines.reserveCapacity(machineCount)
        var weights: [(Int, Double)] = []
        weights.reserveCapacity(machineCount)
        for index in 0..<machineCount {
            machines.append(draw.machine(index, &random))
            weights.append((index, random.element(of: SynthCatalog.machineWeights)))
        }
        self.machines = machines
        machineTable = WeightedTable(weights)

        // Stores: one per 20 machines, at least one of each kind.
        let kinds = WeightedTable(SynthCatalog.storeKinds)
        let environments = WeightedTable(SynthCatalog.environments)
        let storeCount = max(
            SynthStoreKind.allCases.count,
            (machineCount + SynthCatalog.machinesPerStore - 1) / SynthCatalog.machinesPerStore)
        var stores: [SynthStore] = []
        var storesByKind = Array(repeating: [Int](), count: SynthStoreKind.allCases.count)
        for index in 0..<storeCount {
            let kind =
                index < SynthStoreKind.allCases.count
                ? SynthStoreKind.allCases[index] : kinds.pick(using: &random)
            storesByKind[kind.rawValue].append(stores.count)
            stores.append(
                Self.store(
                    kind, index: index, identifiers: identifiers, accounts: accounts,
                    environments: environments, random: &random))
        }
        self.stores = stores
        self.storesByKind = storesByKind
        storeTables = storesByKind.map { positions in
            WeightedTable(positions.enumerated().map { rank, position in (position, 1.0 / Double(rank + 1)) })
        }

        // IAM users, each allowed into one to three buckets.
        let buckets = storesByKind[SynthStoreKind.s3Bucket.rawValue]
        let userCount = max(2, machineCount / SynthCatalog.machinesPerIAMUser)
        iamUsers = (0..<userCount).map { index in
            let account = random.element(of: accounts.aws)
            let name = "svc-\(random.element(of: SynthCatalog.apps))-\(String(index + 1).leftPadded(to: 3))"
            var allowed: [Int] = []
            for _ in 0..<random.int(in: 1...3) {
                let bucket = random.element(of: buckets)
                if !allowed.contains(bucket) { allowed.append(bucket) }
            }
            return SynthIAMUser(
                id: "arn:aws:iam::\(account):user/\(name)", name: name, account: account, buckets: allowed)
        }
    }

    private static func store(
        _ kind: SynthStoreKind, index: Int, identifiers: SynthIdentifiers, accounts: SynthAccounts,
        environments: WeightedTable<String>, random: inout SynthRandom
    ) -> SynthStore {
        let (team, owner, costCenter) = random.element(of: SynthCatalog.teams)
        let environment = environments.pick(using: &random)
        var tags = [
            ("env", environment), ("owner", "\(owner)@\(SynthCatalog.domain)"), ("cost-center", costCenter),
        ]
        let number = String(index + 1).leftPadded(to: 3)
        let criticality = environment == "prod" && random.chance(0.5) ? "critical" : "high"
        switch kind {
        case .rdsInstance, .s3Bucket:
            let account = random.element(of: accounts.aws)
            let region = random.element(of: SynthCatalog.regions[.aws] ?? [])
            if kind == .rdsInstance {
                let name = "nwl-\(team)-\(environment)-\(number)"
                tags.append(("engine", random.element(of: SynthCatalog.rdsEngines)))
                let endpoint =
                    "\(name).\(identifiers.hexID("rds", index, length: 12)).\(region).rds.amazonaws.com"
                return SynthStore(
                    id: "arn:aws:rds:\(region):\(account):db:\(name)", name: name, kind: kind, cloud: .aws,
                    subscription: account, resourceGroup: nil, region: region, tags: tags,
                    criticality: criticality, hostnames: [endpoint])
            }
            let name =
                "nwl-\(team)-\(environment)-\(random.element(of: SynthCatalog.bucketPurposes))-\(number)"
            return SynthStore(
                id: "arn:aws:s3:::\(name)", name: name, kind: kind, cloud: .aws, subscription: account,
                resourceGroup: nil, region: region, tags: tags, criticality: criticality,
                hostnames: ["\(name).s3.amazonaws.com", "\(name).s3.\(region).amazonaws.com"])
        default:
            let subscription = random.element(of: accounts.azure)
            let region = random.element(of: SynthCatalog.regions[.azure] ?? [])
            let group = "rg-nwl-\(team)-\(environment)"
            let (provider, short, suffix): (String, String, String) =
                switch kind {
                case .sqlServer: ("Microsoft.Sql/servers", "sql", "database.windows.net")
                case .postgresqlServer:
                    ("Microsoft.DBforPostgreSQL/flexibleServers", "psql", "postgres.database.azure.com")
                case .mysqlServer:
                    ("Microsoft.DBforMySQL/flexibleServers", "mysql", "mysql.database.azure.com")
                case .mariadbServer: ("Microsoft.DBforMariaDB/servers", "maria", "mariadb.database.azure.com")
                case .cosmosDbAccount:
                    ("Microsoft.DocumentDB/databaseAccounts", "cosmos", "documents.azure.com")
                default: ("Microsoft.Storage/storageAccounts", "", "")
                }
            let name: String
            let hostnames: [String]
            if kind == .storageAccount {
                name = String("nwl\(team)\(environment)\(number)".prefix(24))
                hostnames = ["\(name).blob.core.windows.net", "\(name).queue.core.windows.net"]
            } else {
                name = "\(short)-nwl-\(team)-\(environment)-\(number)"
                hostnames = ["\(name).\(suffix)"]
            }
            return SynthStore(
                id: "/subscriptions/\(subscription)/resourceGroups/\(group)/providers/\(provider)/\(name)",
                name: name,
                kind: kind, cloud: .azure, subscription: subscription, resourceGroup: group, region: region,
                tags: tags, criticality: criticality, hostnames: hostnames)
        }
    }

    /// `count` distinct machines drawn by weight (fewer when the estate is smaller).
    func pickMachines(_ count: Int, using random: inout SynthRandom) -> [Int] {
        let wanted = min(count, machines.count)
        var chosen: [Int] = []
        chosen.reserveCapacity(wanted)
        while chosen.count < wanted {
            let machine = machineTable.pick(using: &random)
            if !chosen.contains(machine) { chosen.append(machine) }
        }
        return chosen
    }
}

/// The subscriptions, accounts and projects an estate spans.
struct SynthAccounts {
    let azure: [String]
    let aws: [String]
    let gcp = ["nwl-routing-prod", "nwl-ml-dev", "nwl-shared-prod"]

    init(identifiers: SynthIdentifiers) {
        azure = (0..<4).map { identifiers.guid("subscription", $0) }
        aws = (0..<3).map { index in
            let value = UInt64(identifiers.hexID("account", index, length: 10), radix: 16) ?? 0
            return String(100_000_000_000 + value % 899_999_999_999)
        }
    }
}

/// Draws one machine: cloud, team, role, OS, id in its cloud's shape, exposure and admin keys.
private struct MachineDraw {
    let identifiers: SynthIdentifiers
    let accounts: SynthAccounts
    /// Digits in machine numbers (`0042`), enough for the largest.
    let numberWidth: Int
    let adminKeyCount: Int
    let clouds = WeightedTable(SynthCatalog.clouds)
    let environments = WeightedTable(SynthCatalog.environments)
    let criticality = WeightedTable(SynthCatalog.criticality)

    func machine(_ index: Int, _ random: inout SynthRandom) -> SynthMachine {
        let cloud = clouds.pick(using: &random)
        let (team, owner, costCenter) = random.element(of: SynthCatalog.teams)
        let environment = environments.pick(using: &random)
        let role = random.element(of: SynthCatalog.roles)
        let region = random.element(of: SynthCatalog.regions[cloud] ?? [])
        let windows = random.chance(SynthCatalog.windowsShare[cloud] ?? 0)
        let os = random.element(of: windows ? SynthCatalog.windows : SynthCatalog.linux[cloud] ?? [])
        let name =
            (cloud == .azure ? "vm-" : "")
            + "nwl-\(team)-\(role)-\(String(index + 1).leftPadded(to: numberWidth))"
        var tags = [
            ("env", environment), ("owner", "\(owner)@\(SynthCatalog.domain)"), ("cost-center", costCenter),
        ]
        let id: String
        let subscription: String
        var resourceGroup: String?
        let user: String
        switch cloud {
        case .azure:
            subscription = random.element(of: accounts.azure)
            let group = "rg-nwl-\(team)-\(environment)"
            resourceGroup = group
            id =
                "/subscriptions/\(subscription)/resourceGroups/\(group)"
                + "/providers/Microsoft.Compute/virtualMachines/\(name)"
            user = windows ? "nwladmin" : "azureuser"
        case .aws:
            subscription = random.element(of: accounts.aws)
            let instance = identifiers.hexID("instance", index, length: 17)
            id = "arn:aws:ec2:\(region):\(subscription):instance/i-\(instance)"
            tags.append(("Name", name))
            user = windows ? "Administrator" : (os.hasPrefix("Ubuntu") ? "ubuntu" : "ec2-user")
        case .gcp:
            subscription = random.element(of: accounts.gcp)
            let zone = "\(region)-\(random.element(of: ["a", "b", "c"]))"
            id =
                "https://www.googleapis.com/compute/v1/projects/\(subscription)/zones/\(zone)/instances/\(name)"
            user = windows ? "nwladmin" : "nwl_deploy"
        }
        let exposed = random.chance(SynthCatalog.exposedProbability)
        let level = criticality.pick(using: &random)
        let adminKeys = (0..<random.element(of: [0, 1, 1, 2])).map { _ in random.int(below: adminKeyCount) }
        return SynthMachine(
            id: id, name: name, cloud: cloud, subscription: subscription, resourceGroup: resourceGroup,
            region: region, os: os, tags: tags, exposed: exposed, criticality: level, windows: windows,
            home: windows ? "C:\\Users\\\(user)" : "/home/\(user)",
            app: random.element(of: SynthCatalog.apps),
            adminKeys: adminKeys)
    }
}

extension String {
    /// The string with zeros in front up to `width` characters (`"7"` → `"0007"`).
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
