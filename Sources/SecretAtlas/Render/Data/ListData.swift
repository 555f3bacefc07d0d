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
        var files: [OutputFile] = []
        write { files.append($0) }
        return files
    }

    /// Every list data file, in a fixed order, each handed to `emit` as soon as it is made: the rows
    /// of one facet value are made, written and let go before the next, so a million secrets'
    /// rows are never held at once.
    func write(to emit: (OutputFile) throws -> Void) rethrows {
        for list in List.allCases where indexPath(list) != nil {
            switch list {
            case .secrets: try secretFiles(list, positions: Array(model.secrets.indices), emit)
            case .withoutTarget: try secretFiles(list, positions: model.secretsWithoutTarget, emit)
            case .inventory: try inventoryFiles(emit)
            }
        }
    }

    /// One facet value of a list: its name, what the index says of it, and its rows, made on demand.
    private typealias Group = (value: String, info: [(String, ScriptValue)], rows: () -> [ScriptValue])

    /// Writes the shards of each group, then the index.
    private func write(_ list: List, groups: [Group], _ emit: (OutputFile) throws -> Void) rethrows {
        var fileCount = 0
        var entries: [ScriptValue] = []
        for group in groups {
            let rows = group.rows()
            var shardEntries: [ScriptValue] = []
            var start = 0
            while start < rows.count {
                let part = Array(rows[start..<min(start + Self.rowsPerShard, rows.count)])
                let name = "\(fileCount)"
                let bytes = ScriptValue.dataFile(key: "list/\(list.rawValue)/\(name)", value: .array(part))
                try emit(OutputFile(path: Self.folder + list.rawValue + "/" + name + ".js", bytes: bytes))
                fileCount += 1
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
        try emit(
            OutputFile(
                path: Self.folder + list.rawValue + "/index.js",
                bytes: ScriptValue.dataFile(key: "list/\(list.rawValue)", value: index)))
    }

    /// Secrets by type: `[page, found on, fingerprint, verification, occurrences, resources, targets]`.
    private func secretFiles(_ list: List, positions: [Int], _ emit: (OutputFile) throws -> Void) rethrows {
        var order: [String] = []
        var byType: [String: [Int]] = [:]
        for position in positions {
            let type = model.secrets[position].type
            if byType[type] == nil { order.append(type) }
            byType[type, default: []].append(position)
        }
        try write(
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
                    { (byType[id] ?? []).map(secretRow) }
                )
            }, emit)
    }

    private func secretRow(_ position: Int) -> ScriptValue {
        let secret = model.secrets[position]
        let names = secret.resourceIDs.map { model.resource($0)?.name ?? $0 }.sorted()
        let page = CompactPageID.make(secret.siteID, prefix: StableID.slug(secret.type))
        return .array([
            .string(page),
            .string((names.first ?? "") + (names.count > 1 ? " +\(names.count - 1) more" : "")),
            .string(secret.shortFingerprint), .string(secret.verification.rawValue),
            .int(secret.occurrences.count), .int(secret.resourceIDs.count),
            .int(secret.targets.count),
        ])
    }

    /// Resources by type: `[name, page, cloud, subscription, region, exposed, secrets, attack paths]`.
    private func inventoryFiles(_ emit: (OutputFile) throws -> Void) rethrows {
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
        try write(
            .inventory,
            groups: order.sorted { $0.displayName < $1.displayName }.map { kind in
                (kind.displayName, [("icon", .string(kind.iconName))], { rows[kind] ?? [] })
            }, emit)
    }
}
