/// Data for searching a paginated list across all its pages: `data/lists/<list>/index.js` and one
/// shard per value of the list's main facet (a secret type, a resource type), split when large.
///
/// Only lists longer than one page get data; a one-page list is searched in the page itself. A page
/// loads the shards its filter needs, and only while they total less than
/// ``ExplorerData/queryByteLimit``; otherwise it searches the page shown and asks for a narrower
/// facet. Rows hold what the list's cells show, never a secret value.
struct ListData {
    static let folder = "data/lists/"
    static let rowsPerShard = 5_000

    /// A list that can have data: its folder name under ``folder``.
    enum List: String, CaseIterable {
        case secrets
        case withoutTarget = "without-target"
        case inventory
    }

    let model: SiteModel

    /// The index script of a list, when the list is long enough to have one.
    func indexPath(_ list: List) -> String? {
        rowCount(list) > SiteRoutes.pageSize ? Self.folder + list.rawValue + "/index.js" : nil
    }

    private func rowCount(_ list: List) -> Int {
        switch list {
        case .secrets: model.secrets.count
        case .withoutTarget: model.secretsWithoutTarget.count
        case .inventory: model.resources.count
        }
    }

    /// Every list data file, in a fixed order.
    func files() -> [OutputFile] {
        List.allCases.flatMap { list -> [OutputFile] in
            guard indexPath(list) != nil else { return [] }
            switch list {
            case .secrets: return secretFiles(list, positions: Array(model.secrets.indices))
            case .withoutTarget: return secretFiles(list, positions: model.secretsWithoutTarget)
            case .inventory: return inventoryFiles()
            }
        }
    }

    /// Groups rows by a facet value (in first-seen order) and writes the shards and the index.
    private func write(
        _ list: List, groups: [(value: String, info: [(String, ScriptValue)], rows: [ScriptValue])]
    ) -> [OutputFile] {
        var files: [OutputFile] = []
        var entries: [ScriptValue] = []
        for group in groups {
            var shardEntries: [ScriptValue] = []
            var start = 0
            while start < group.rows.count {
                let part = Array(group.rows[start..<min(start + Self.rowsPerShard, group.rows.count)])
                let name = "\(files.count)"
                let bytes = ScriptValue.dataFile(key: "list/\(list.rawValue)/\(name)", value: .array(part))
                files.append(OutputFile(path: Self.folder + list.rawValue + "/" + name + ".js", bytes: bytes))
                shardEntries.append(
                    .object([
                        ("file", .string(name)), ("bytes", .int(bytes.count)), ("rows", .int(part.count)),
                    ]))
                start += Self.rowsPerShard
            }
            entries.append(
                .object([("value", .string(group.value))] + group.info + [("shards", .array(shardEntries))]))
        }
        let index = ScriptValue.object([
            ("list", .string(list.rawValue)), ("total", .int(rowCount(list))),
            ("byteLimit", .int(ExplorerData.queryByteLimit)), ("groups", .array(entries)),
        ])
        files.append(
            OutputFile(
                path: Self.folder + list.rawValue + "/index.js",
                bytes: ScriptValue.dataFile(key: "list/\(list.rawValue)", value: index)))
        return files
    }

    /// Secrets by type: `[page, found on, fingerprint, verification, occurrences, resources, targets]`.
    private func secretFiles(_ list: List, positions: [Int]) -> [OutputFile] {
        var order: [String] = []
        var rows: [String: [ScriptValue]] = [:]
        for position in positions {
            let secret = model.secrets[position]
            if rows[secret.type] == nil { order.append(secret.type) }
            let names = secret.resourceIDs.map { model.resource($0)?.name ?? $0 }.sorted()
            let prefix = StableID.slug(secret.type)
            let suffix = secret.siteID.dropFirst(prefix.count + 1)
            let page =
                secret.siteID.hasPrefix(prefix + "-") && !suffix.contains("-")
                ? String(suffix) : secret.siteID
            rows[secret.type, default: []].append(
                .array([
                    .string(page),
                    .string((names.first ?? "") + (names.count > 1 ? " +\(names.count - 1) more" : "")),
                    .string(secret.shortFingerprint), .string(secret.verification.rawValue),
                    .int(secret.occurrences.count), .int(secret.resourceIDs.count),
                    .int(secret.targets.count),
                ]))
        }
        return write(
            list,
            groups: order.map { id in
                let type = model.catalog.secretType(id)
                return (
                    type.title,
                    [
                        ("category", .string(type.category)), ("severity", .string(type.severity.rawValue)),
                        ("severityText", .string(type.severity.displayName)),
                        ("pagePrefix", .string(StableID.slug(id))),
                    ],
                    rows[id] ?? []
                )
            })
    }

    /// Resources by type: `[name, page, cloud, subscription, region, exposed, secrets, attack paths]`.
    private func inventoryFiles() -> [OutputFile] {
        var order: [ResourceKind] = []
        var rows: [ResourceKind: [ScriptValue]] = [:]
        for resource in model.resources {
            if rows[resource.kind] == nil { order.append(resource.kind) }
            rows[resource.kind, default: []].append(
                .array([
                    .string(resource.name), .string(resource.siteID), .string(resource.cloud.displayName),
                    .string(resource.subscription ?? ""), .string(resource.region ?? ""),
                    .int(resource.internetExposed ? 1 : 0),
                    .int(model.secretsByResource[resource.id]?.count ?? 0),
                    .int(model.attackPathsByNode[.resource(resource.id)]?.count ?? 0),
                ]))
        }
        return write(
            .inventory,
            groups: order.sorted { $0.displayName < $1.displayName }.map { kind in
                (kind.displayName, [("icon", .string(kind.iconName))], rows[kind] ?? [])
            })
    }
}
