/// The cloud security explorer's data: `data/explorer/index.js` and one shard per resource type
/// (cloud and kind) and secret type, so a query loads only the shards of the types it names.
///
/// A row is "this resource contains this secret, which can authenticate to that resource" (or to
/// nothing known). Shards hold their own small tables of resources and secrets and rows point into
/// them, which keeps a 100,000-finding site's VM-to-storage query well under 2 MB. No secret value
/// exists in the model, so none can reach these files: secrets appear as page ids and the shortened
/// fingerprints the pages already show.
struct ExplorerData {
    /// The folder, under the site root, that holds the files.
    static let folder = "data/explorer/"
    static let indexKey = "explorer"
    /// Rows per shard file; a larger group is split so no one file grows without bound.
    static let rowsPerShard = 10_000
    /// The most data one query may load; the page refuses (and asks for a narrower query) above it.
    static let queryByteLimit = 2_000_000

    /// The resource and secret bit flags used in shards.
    enum Flag {
        static let internetExposed = 1
        static let onAttackPath = 2
    }

    let model: SiteModel

    private struct ResourceType: Hashable, Comparable {
        let cloud: Cloud
        let kind: ResourceKind

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.cloud.rawValue, lhs.kind.rawValue) < (rhs.cloud.rawValue, rhs.kind.rawValue)
        }
    }

    private struct ShardKey: Hashable, Comparable {
        let source: ResourceType
        let secretType: String

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.source, lhs.secretType) < (rhs.source, rhs.secretType)
        }
    }

    private struct Row {
        let source: Int
        let secret: Int
        let target: Int?
    }

    /// Every explorer data file, index last, in a fixed order.
    func files() -> [OutputFile] {
        let types = Set(model.resources.map { ResourceType(cloud: $0.cloud, kind: $0.kind) }).sorted()
        let typeIndex = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        var groups: [ShardKey: [Row]] = [:]
        for (secretPosition, secret) in model.secrets.enumerated() {
            let targets = secret.targets.compactMap { model.resourceIndex[$0] }
            for resourceID in secret.resourceIDs {
                guard let sourcePosition = model.resourceIndex[resourceID] else { continue }
                let source = model.resources[sourcePosition]
                let key = ShardKey(
                    source: ResourceType(cloud: source.cloud, kind: source.kind), secretType: secret.type)
                if targets.isEmpty {
                    groups[key, default: []].append(
                        Row(source: sourcePosition, secret: secretPosition, target: nil))
                }
                for target in targets where target != sourcePosition {
                    groups[key, default: []].append(
                        Row(source: sourcePosition, secret: secretPosition, target: target))
                }
            }
        }
        var files: [OutputFile] = []
        var shardEntries: [ScriptValue] = []
        for key in groups.keys.sorted() {
            let rows = groups[key] ?? []
            var start = 0
            while start < rows.count {
                let part = Array(rows[start..<min(start + Self.rowsPerShard, rows.count)])
                let name = "s\(files.count)"
                let bytes = ScriptValue.dataFile(
                    key: Self.indexKey + "/" + name, value: shard(part, typeIndex: typeIndex))
                files.append(OutputFile(path: Self.folder + name + ".js", bytes: bytes))
                let targetTypes = Set(
                    part.compactMap { row in
                        row.target.map { typeIndex[resourceType(of: $0)] ?? 0 }
                    }
                ).sorted()
                shardEntries.append(
                    .object([
                        ("file", .string(name)),
                        ("source", .int(typeIndex[key.source] ?? 0)),
                        ("secretType", .string(key.secretType)),
                        ("targets", .array(targetTypes.map { .int($0) })),
                        ("rows", .int(part.count)),
                        ("bytes", .int(bytes.count)),
                    ]))
                start += Self.rowsPerShard
            }
        }
        let index = ScriptValue.object([
            ("byteLimit", .int(Self.queryByteLimit)),
            (
                "resourceTypes",
                .array(
                    types.map {
                        .array([
                            .string($0.cloud.rawValue), .string($0.kind.rawValue),
                            .string($0.kind.displayName),
                            .string($0.cloud.displayName),
                        ])
                    })
            ),
            (
                "secretTypes",
                .array(
                    Set(model.secrets.map(\.type)).sorted().map {
                        let type = model.catalog.secretType($0)
                        return .array([.string($0), .string(type.title), .string(type.category)])
                    })
            ),
            ("shards", .array(shardEntries)),
        ])
        files.append(
            OutputFile(
                path: Self.folder + "index.js", bytes: ScriptValue.dataFile(key: Self.indexKey, value: index))
        )
        return files
    }

    private func resourceType(of position: Int) -> ResourceType {
        let resource = model.resources[position]
        return ResourceType(cloud: resource.cloud, kind: resource.kind)
    }

    /// One shard: `resources` ([name, page id, flags, resource type]), `secrets` ([page id, shown
    /// fingerprint, verification, on an attack path]) and `rows` ([source, secret, target or -1]).
    private func shard(_ rows: [Row], typeIndex: [ResourceType: Int]) -> ScriptValue {
        var resourceSlots: [Int: Int] = [:]
        var resources: [ScriptValue] = []
        var secretSlots: [Int: Int] = [:]
        var secrets: [ScriptValue] = []
        func resourceSlot(_ position: Int) -> Int {
            if let slot = resourceSlots[position] { return slot }
            let resource = model.resources[position]
            var flags = resource.internetExposed ? Flag.internetExposed : 0
            if !(model.attackPathsByNode[.resource(resource.id)]?.isEmpty ?? true) {
                flags |= Flag.onAttackPath
            }
            resources.append(
                .array([
                    .string(resource.name), .string(resource.siteID), .int(flags),
                    .int(typeIndex[resourceType(of: position)] ?? 0),
                ]))
            resourceSlots[position] = resources.count - 1
            return resources.count - 1
        }
        func secretSlot(_ position: Int) -> Int {
            if let slot = secretSlots[position] { return slot }
            let secret = model.secrets[position]
            let onPath = !(model.attackPathsByNode[.secret(fingerprint: secret.fingerprint)]?.isEmpty ?? true)
            secrets.append(
                .array([
                    .string(secret.siteID), .string(secret.shortFingerprint),
                    .string(secret.verification.rawValue), .int(onPath ? 1 : 0),
                ]))
            secretSlots[position] = secrets.count - 1
            return secrets.count - 1
        }
        var encodedRows: [ScriptValue] = []
        encodedRows.reserveCapacity(rows.count)
        for row in rows {
            let source = resourceSlot(row.source)
            let secret = secretSlot(row.secret)
            let target = row.target.map(resourceSlot) ?? -1
            encodedRows.append(.array([.int(source), .int(secret), .int(target)]))
        }
        return .object([
            ("resources", .array(resources)), ("secrets", .array(secrets)), ("rows", .array(encodedRows)),
        ])
    }
}
