/// The cloud security explorer's data: `data/explorer/index.js` and shards, so a query loads only
/// what the types it names need.
///
/// - `r<n>.js`: every resource of resource type n (a cloud and kind): `[name, page, flags]`.
/// - `k<n>.js`: every secret of secret type n: `[page, algorithm, digest, flags]`.
/// - `s<n>.js`: rows "a resource of type A contains a secret of type S that can authenticate to a
///   resource of type T" (or to nothing known), flat `[source, secret, target or -1, …]` positions
///   into the `r` and `k` tables.
///
/// Splitting rows by target type is what lets "VM → storage account" skip every SSH key, and
/// keeping names in per-type tables stops them repeating in every row; on a 100,000-finding site
/// each template query stays under ``queryByteLimit``. Pages are written as the part of the page id
/// after the name's slug where the id has that form (the page reassembles it), and fingerprints as
/// the shortened form the pages already show. The model holds no secret value, so none can reach
/// these files.
struct ExplorerData {
    /// The folder, under the site root, that holds the files.
    static let folder = "data/explorer/"
    static let indexKey = "explorer"
    /// Rows per shard file; a larger group is split so no one file grows without bound.
    static let rowsPerShard = 20_000
    /// The most data one query may load; the page refuses (and asks for a narrower query) above it.
    static let queryByteLimit = 2_000_000

    /// Resource flags in `r` tables.
    enum ResourceFlag {
        static let internetExposed = 1
        static let onAttackPath = 2
    }

    /// Secret flags in `k` tables: the verification in the low two bits, then attack-path membership.
    enum SecretFlag {
        static let verified = 1
        static let unverified = 2
        static let onAttackPath = 4
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
        let source: Int
        let secretType: Int
        /// The target's resource type, or -1 for rows without a known target.
        let target: Int

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.source, lhs.secretType, lhs.target) < (rhs.source, rhs.secretType, rhs.target)
        }
    }

    /// Every explorer data file, index last, in a fixed order.
    func files() -> [OutputFile] {
        let resourceTypes = Set(model.resources.map(resourceType)).sorted()
        let typeIndex = Dictionary(uniqueKeysWithValues: resourceTypes.enumerated().map { ($1, $0) })
        let secretTypes = Set(model.secrets.map(\.type)).sorted()
        let secretTypeIndex = Dictionary(uniqueKeysWithValues: secretTypes.enumerated().map { ($1, $0) })

        // Positions within each type's table, in model order.
        var resourceSlot = [Int](repeating: 0, count: model.resources.count)
        var resourcesByType = [[Int]](repeating: [], count: resourceTypes.count)
        for (position, resource) in model.resources.enumerated() {
            let type = typeIndex[resourceType(resource)] ?? 0
            resourceSlot[position] = resourcesByType[type].count
            resourcesByType[type].append(position)
        }
        var secretSlot = [Int](repeating: 0, count: model.secrets.count)
        var secretsByType = [[Int]](repeating: [], count: secretTypes.count)
        for (position, secret) in model.secrets.enumerated() {
            let type = secretTypeIndex[secret.type] ?? 0
            secretSlot[position] = secretsByType[type].count
            secretsByType[type].append(position)
        }

        var groups: [ShardKey: [Int]] = [:]
        for (secretPosition, secret) in model.secrets.enumerated() {
            let secretType = secretTypeIndex[secret.type] ?? 0
            let targets = secret.targets.compactMap { model.resourceIndex[$0] }
            for resourceID in secret.resourceIDs {
                guard let source = model.resourceIndex[resourceID] else { continue }
                let sourceType = typeIndex[resourceType(model.resources[source])] ?? 0
                if targets.isEmpty {
                    groups[ShardKey(source: sourceType, secretType: secretType, target: -1), default: []] += [
                        resourceSlot[source], secretSlot[secretPosition], -1,
                    ]
                }
                for target in targets where target != source {
                    let targetType = typeIndex[resourceType(model.resources[target])] ?? 0
                    groups[
                        ShardKey(source: sourceType, secretType: secretType, target: targetType), default: []] +=
                        [resourceSlot[source], secretSlot[secretPosition], resourceSlot[target]]
                }
            }
        }

        var files: [OutputFile] = []
        func add(_ name: String, _ value: ScriptValue) -> ScriptValue {
            let bytes = ScriptValue.dataFile(key: Self.indexKey + "/" + name, value: value)
            files.append(OutputFile(path: Self.folder + name + ".js", bytes: bytes))
            return .object([("file", .string(name)), ("bytes", .int(bytes.count))])
        }
        let resourceTables = resourcesByType.enumerated().map { type, positions in
            add("r\(type)", .array(positions.map { resourceEntry(model.resources[$0]) }))
        }
        let secretTables = secretsByType.enumerated().map { type, positions in
            add("k\(type)", .array(positions.map { secretEntry(model.secrets[$0], type: secretTypes[type]) }))
        }
        var shards: [ScriptValue] = []
        for key in groups.keys.sorted() {
            let flat = groups[key] ?? []
            var start = 0
            while start < flat.count {
                let part = flat[start..<min(start + Self.rowsPerShard * 3, flat.count)]
                let entry = add("s\(shards.count)", .array(part.map { .int($0) }))
                guard case .object(let members) = entry else { continue }
                shards.append(
                    .object(
                        members + [
                            ("source", .int(key.source)), ("secretType", .int(key.secretType)),
                            ("target", .int(key.target)), ("rows", .int(part.count / 3)),
                        ]))
                start += Self.rowsPerShard * 3
            }
        }
        let index = ScriptValue.object([
            ("byteLimit", .int(Self.queryByteLimit)),
            (
                "resourceTypes",
                .array(
                    resourceTypes.enumerated().map { position, type in
                        .object([
                            ("key", .string(type.cloud.rawValue + ":" + type.kind.rawValue)),
                            ("kind", .string(type.kind.displayName)),
                            ("cloud", .string(type.cloud.displayName)),
                            ("table", resourceTables[position]),
                        ])
                    })
            ),
            (
                "secretTypes",
                .array(
                    secretTypes.enumerated().map { position, id in
                        let type = model.catalog.secretType(id)
                        return .object([
                            ("id", .string(id)), ("title", .string(type.title)),
                            ("pagePrefix", .string(StableID.slug(id))), ("table", secretTables[position]),
                        ])
                    })
            ),
            ("shards", .array(shards)),
        ])
        files.append(
            OutputFile(
                path: Self.folder + "index.js", bytes: ScriptValue.dataFile(key: Self.indexKey, value: index))
        )
        return files
    }

    private func resourceType(_ resource: Resource) -> ResourceType {
        ResourceType(cloud: resource.cloud, kind: resource.kind)
    }

    private func resourceEntry(_ resource: Resource) -> ScriptValue {
        var flags = resource.internetExposed ? ResourceFlag.internetExposed : 0
        if !(model.attackPathsByNode[.resource(resource.id)]?.isEmpty ?? true) {
            flags |= ResourceFlag.onAttackPath
        }
        return .array([
            .string(resource.name), .string(CompactPageID.make(resource.siteID, prefix: resource.name)),
            .int(flags),
        ])
    }

    private func secretEntry(_ secret: Secret, type: String) -> ScriptValue {
        var flags =
            switch secret.verification {
            case .verified: SecretFlag.verified
            case .unverified: SecretFlag.unverified
            case .unknown: 0
            }
        if !(model.attackPathsByNode[.secret(fingerprint: secret.fingerprint)]?.isEmpty ?? true) {
            flags |= SecretFlag.onAttackPath
        }
        let shown = secret.shortFingerprint
        let colon = shown.firstIndex(of: ":")
        return .array([
            .string(CompactPageID.make(secret.siteID, prefix: StableID.slug(type))),
            .string(colon.map { String(shown[..<$0]) } ?? ""),
            .string(colon.map { String(shown[shown.index(after: $0)...]) } ?? shown),
            .int(flags),
        ])
    }
}
