/// Turns the records read from all inputs into a validated, linked and sorted ``SiteModel``.
///
/// Cross-record problems are found here: duplicate ids, findings on unknown resources (errors),
/// edges to unknown nodes and unknown secret types (warnings).
struct SiteModelBuilder {
    let catalog: Catalog
    let title: String
    /// `SOURCE_DATE_EPOCH`, used as the report time when no input gives a scan time.
    let sourceDateEpoch: Int64?

    /// Builds the model and returns it with every problem found.
    ///
    /// The input is consumed: its finding records are released once the findings are made from them,
    /// so a million records and the model are not held at once.
    func build(_ input: consuming ScanInput) -> (model: SiteModel, diagnostics: [Diagnostic]) {
        var diagnostics = input.diagnostics
        // Exposure comes from the resource's own flag or from an `exposedTo` edge to the Internet.
        var exposedByEdge = Set<String>()
        for edge in input.edges where edge.kind == .exposedTo && edge.to == .internet {
            if case .resource(let id) = edge.from { exposedByEdge.insert(id) }
        }
        let resources = buildResources(input.resources, exposedByEdge: exposedByEdge, &diagnostics)
        let resourceIndex = Dictionary(uniqueKeysWithValues: resources.enumerated().map { ($1.id, $0) })
        var records: [FindingRecord] = []
        swap(&records, &input.findings)
        let findings = checkFindings(&records, resourceIndex, &diagnostics)
        let knownFingerprints = Set(findings.map(\.fingerprint))
        let edges = checkEdges(input.edges, resourceIndex, knownFingerprints, &diagnostics)
        var trustingMachines: [String: [String]] = [:]
        for resource in resources {
            for key in resource.authorizedKeys { trustingMachines[key, default: []].append(resource.id) }
        }
        let secrets = buildSecrets(
            findings, edges: edges, trustingMachines: trustingMachines, resources: resources)
        var secretIndex: [String: Int] = [:]
        secretIndex.reserveCapacity(secrets.count)
        for (position, secret) in secrets.enumerated() { secretIndex[secret.fingerprint] = position }
        var secretsByResource: [String: [Int]] = [:]
        for (position, secret) in secrets.enumerated() {
            for resourceID in secret.resourceIDs {
                secretsByResource[resourceID, default: []].append(position)
            }
        }
        let imported = buildAttackPaths(input.attackPaths, resourceIndex, knownFingerprints, &diagnostics)
        let computed = AttackPathFinder(
            resources: resources, secrets: secrets, edges: edges, catalog: catalog
        )
        .paths()
        let paths = Self.merge(imported: imported, computed: computed.paths)
        var pathsByNode: [GraphNode: [Int]] = [:]
        for (position, path) in paths.enumerated() {
            for node in Set([path.entryPoint, path.target] + path.steps).sorted() {
                pathsByNode[node, default: []].append(position)
            }
        }
        let scanTime =
            input.scans.compactMap(\.time).max() ?? sourceDateEpoch.map(Timestamp.init(secondsSince1970:))
        let model = SiteModel(
            title: title, scanTime: scanTime,
            scanSources: Array(Set(input.scans.compactMap(\.source))).sorted(),
            resources: resources, secrets: secrets, edges: edges, attackPaths: paths, catalog: catalog,
            resourceIndex: resourceIndex, secretsByResource: secretsByResource,
            attackPathsByNode: pathsByNode, attackPathsOmitted: computed.omitted,
            attackPathsOmittedIsLowerBound: computed.omittedIsLowerBound, secretIndex: secretIndex,
            secretsWithoutTarget: secrets.indices.filter { secrets[$0].targets.isEmpty },
            trustingMachines: trustingMachines)
        return (model, diagnostics)
    }

    private func buildResources(
        _ records: [ResourceRecord], exposedByEdge: Set<String>, _ diagnostics: inout [Diagnostic]
    ) -> [Resource] {
        var firstOrigin: [String: RecordOrigin] = [:]
        var resources: [Resource] = []
        for record in records {
            if let first = firstOrigin[record.id] {
                diagnostics.append(
                    Diagnostic(
                        .error, file: record.origin.file, location: record.origin.member("id"),
                        message: "duplicate resource id \"\(record.id)\"; it is already defined in "
                            + "\(Diagnostic(.error, file: first.file, location: first.location, message: "").placeText)."
                    ))
                continue
            }
            firstOrigin[record.id] = record.origin
            resources.append(
                Resource(
                    id: record.id, siteID: StableID.make(name: record.name, identity: record.id),
                    name: record.name,
                    kind: record.kind, cloud: record.cloud, subscription: record.subscription,
                    resourceGroup: record.resourceGroup, region: record.region, os: record.os,
                    tags: record.tags,
                    internetExposed: record.internetExposed || exposedByEdge.contains(record.id),
                    criticality: record.criticality,
                    hostnames: record.hostnames, authorizedKeys: record.authorizedKeys))
        }
        return resources.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// Checks the records and makes one finding per place; releases `records`.
    ///
    /// The same secret reported twice at the same place (two scanners, two files) is one occurrence.
    /// Findings come in the order of fingerprint, resource, path and line, so a secret's occurrences
    /// are neighbours.
    ///
    /// Places are grouped by sorting indexes, not by a dictionary of keys: a million findings need no
    /// million-entry table, and a report alone at its place is taken as it is, not copied.
    private func checkFindings(
        _ records: inout [FindingRecord], _ resourceIndex: [String: Int], _ diagnostics: inout [Diagnostic]
    ) -> [Finding] {
        var warnedTypes = Set<String>()
        var kept: [Int] = []
        kept.reserveCapacity(records.count)
        for index in records.indices {
            let record = records[index]
            guard resourceIndex[record.resource] != nil else {
                diagnostics.append(
                    Diagnostic(
                        .error, file: record.origin.file, location: record.origin.member("resource"),
                        message:
                            "unknown resource \"\(record.resource)\"; expected the id of a resource in \"resources\"."
                    ))
                continue
            }
            if catalog.secretTypes[record.secretType] == nil, warnedTypes.insert(record.secretType).inserted {
                diagnostics.append(
                    Diagnostic(
                        .warning, file: record.origin.file, location: record.origin.member("secretType"),
                        message:
                            "unknown secret type \"\(record.secretType)\"; it is shown as a generic secret "
                            + "with generic remediation."))
            }
            kept.append(index)
        }
        // Reports of one place keep their input order (the index breaks ties), which ``merge(_:)`` relies
        // on for reports that sort the same.
        kept.sort { left, right in
            let a = records[left].finding
            let b = records[right].finding
            if a.fingerprint != b.fingerprint { return a.fingerprint < b.fingerprint }
            if a.resourceID != b.resourceID { return a.resourceID < b.resourceID }
            if a.filePath != b.filePath { return a.filePath < b.filePath }
            if a.line != b.line { return (a.line ?? -1) < (b.line ?? -1) }
            return left < right
        }
        var findings: [Finding] = []
        findings.reserveCapacity(kept.count)
        var start = 0
        while start < kept.count {
            let first = records[kept[start]].finding
            var end = start + 1
            while end < kept.count, Self.samePlace(first, records[kept[end]].finding) { end += 1 }
            if end - start == 1, Self.isSortedAndUnique(first.targetHosts) {
                findings.append(first)
            } else if let finding = merge(kept[start..<end].map { records[$0] }) {
                findings.append(finding)
            }
            start = end
        }
        records = []
        return findings
    }

    private static func samePlace(_ left: Finding, _ right: Finding) -> Bool {
        left.fingerprint == right.fingerprint && left.resourceID == right.resourceID
            && left.filePath == right.filePath && left.line == right.line
    }

    private static func isSortedAndUnique(_ texts: [String]) -> Bool {
        zip(texts, texts.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// The texts sorted and without repeats; as given when they already are (every finding's
    /// hosts are, once ``checkFindings(_:_:_:)`` has made it).
    private static func sortedUnique(_ texts: [String]) -> [String] {
        isSortedAndUnique(texts) ? texts : Array(Set(texts)).sorted()
    }

    /// One occurrence from the reports of the same secret at the same place, whatever their order:
    /// scanners are all named, times span every report, and the other fields come from the report
    /// that sorts first.
    private func merge(_ reports: [FindingRecord]) -> Finding? {
        let sorted = reports.sorted {
            ($0.scanner ?? "", $0.secretType, $0.origin.file) < (
                $1.scanner ?? "", $1.secretType, $1.origin.file
            )
        }
        guard let first = sorted.first else { return nil }
        let scanners = Array(Set(sorted.compactMap(\.scanner))).sorted()
        return Finding(
            resourceID: first.resource, secretType: first.secretType, fingerprint: first.fingerprint,
            filePath: first.filePath, line: first.line, lastAccess: sorted.compactMap(\.lastAccess).max(),
            expiry: sorted.compactMap(\.expiry).min(),
            scanner: scanners.isEmpty ? nil : scanners.joined(separator: ", "),
            firstSeen: sorted.compactMap(\.firstSeen).min(), lastSeen: sorted.compactMap(\.lastSeen).max(),
            verification: sorted.contains { $0.verification == .verified }
                ? .verified : sorted.contains { $0.verification == .unverified } ? .unverified : .unknown,
            publicKeyFingerprint: sorted.compactMap(\.publicKeyFingerprint).sorted().first,
            targetHosts: Array(Set(sorted.flatMap(\.targetHosts))).sorted(),
            repository: sorted.compactMap(\.repository).first,
            commit: sorted.compactMap(\.commit).sorted().first)
    }

    private func checkEdges(
        _ records: [EdgeRecord], _ resourceIndex: [String: Int], _ fingerprints: Set<String>,
        _ diagnostics: inout [Diagnostic]
    ) -> [GraphEdge] {
        var edges: [GraphEdge] = []
        for record in records {
            var nodes: [GraphNode] = []
            for (key, node) in [("from", record.from), ("to", record.to)] {
                if let canonical = canonical(node, resourceIndex, fingerprints) {
                    nodes.append(canonical)
                    continue
                }
                diagnostics.append(
                    Diagnostic(
                        .warning, file: record.origin.file, location: record.origin.member(key),
                        message:
                            "edge to unknown node \"\(node.reference)\" is ignored; expected a resource id, "
                            + "secret:<fingerprint> of a finding, or internet."))
            }
            if nodes.count == 2 {
                edges.append(
                    GraphEdge(kind: record.kind, from: nodes[0], to: nodes[1], source: record.source))
            }
        }
        // Keys made once per edge, not twice per comparison; indexes sorted, as for secrets.
        let keys = edges.map { ($0.kind.rawValue, $0.from.reference, $0.to.reference, $0.source ?? "") }
        return edges.indices.sorted { keys[$0] < keys[$1] }.map { edges[$0] }
    }

    /// The node with the model's own copy of its id, or nil when the model has no such resource or
    /// secret: an edge read from another file than the resource shares the resource's string, so
    /// looking it up compares by identity.
    private func canonical(_ node: GraphNode, _ resourceIndex: [String: Int], _ fingerprints: Set<String>)
        -> GraphNode?
    {
        switch node {
        case .internet: .internet
        case .resource(let id): resourceIndex.index(forKey: id).map { .resource(resourceIndex[$0].key) }
        case .secret(let fingerprint):
            fingerprints.firstIndex(of: fingerprint).map { .secret(fingerprint: fingerprints[$0]) }
        }
    }

    private func buildSecrets(
        _ findings: [Finding], edges: [GraphEdge], trustingMachines: [String: [String]], resources: [Resource]
    ) -> [Secret] {
        let resolver = TargetResolver(edges: edges, trustingMachines: trustingMachines, resources: resources)
        // Findings come sorted by fingerprint (``checkFindings``): a secret's occurrences are a run.
        var groups: [Range<Int>] = []
        var start = 0
        while start < findings.count {
            var end = start + 1
            while end < findings.count, findings[end].fingerprint == findings[start].fingerprint { end += 1 }
            groups.append(start..<end)
            start = end
        }
        var secrets: [Secret] = []
        secrets.reserveCapacity(groups.count)
        for group in groups {
            let fingerprint = findings[group.lowerBound].fingerprint
            let occurrences: [Finding]
            let type: String
            let targetHosts: [String]
            if group.count == 1 {
                // Most secrets lie in one place: nothing to sort, count or merge.
                occurrences = [findings[group.lowerBound]]
                type = occurrences[0].secretType
                targetHosts = Self.sortedUnique(occurrences[0].targetHosts)
            } else {
                occurrences = findings[group].sorted {
                    ($0.resourceID, $0.filePath, $0.line ?? 0) < ($1.resourceID, $1.filePath, $1.line ?? 0)
                }
                // The type most occurrences agree on names the secret; ties go to the alphabetically first.
                let typeCounts = Dictionary(occurrences.map { ($0.secretType, 1) }, uniquingKeysWith: +)
                type = typeCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key ?? "generic"
                targetHosts = Array(Set(occurrences.flatMap(\.targetHosts))).sorted()
            }
            let publicKey = occurrences.compactMap(\.publicKeyFingerprint).sorted().first
            let resolution = resolver.resolve(
                fingerprint: fingerprint, publicKeyFingerprint: publicKey,
                foundOn: Set(occurrences.map(\.resourceID)), targetHosts: targetHosts)
            let verification: Verification
            if resolution.verifiedByAuthorizedKeys
                || occurrences.contains(where: { $0.verification == .verified })
            {
                verification = .verified
            } else if occurrences.contains(where: { $0.verification == .unverified }) || publicKey != nil {
                verification = .unverified
            } else {
                verification = .unknown
            }
            secrets.append(
                Secret(
                    siteID: StableID.make(name: type, identity: fingerprint, hashLength: 12),
                    fingerprint: fingerprint,
                    type: type, occurrences: occurrences, verification: verification,
                    publicKeyFingerprint: publicKey, targets: resolution.targets))
        }
        // Sort keys are computed once per secret (not per comparison) and indexes sorted, not the
        // secrets themselves: a million secrets sort in a second instead of twenty.
        var types: [String: (rank: Int, title: String)] = [:]
        let keys = secrets.map { secret in
            let type =
                types[secret.type]
                ?? {
                    let entry = catalog.secretType(secret.type)
                    types[secret.type] = (entry.severity.rank, entry.title)
                    return (entry.severity.rank, entry.title)
                }()
            return (type.rank, type.title, secret.siteID)
        }
        let order = secrets.indices.sorted { keys[$0] < keys[$1] }
        Self.permute(&secrets, by: order)
        return secrets
    }

    /// Puts `elements[order[i]]` at `i` in place, cycle by cycle: a sorted copy of a million secrets
    /// would be held beside the originals.
    private static func permute<Element>(_ elements: inout [Element], by order: [Int]) {
        var placed = [Bool](repeating: false, count: elements.count)
        for start in elements.indices where !placed[start] {
            let first = elements[start]
            var current = start
            while true {
                placed[current] = true
                let next = order[current]
                if next == start {
                    elements[current] = first
                    break
                }
                elements[current] = elements[next]
                current = next
            }
        }
    }

    private func buildAttackPaths(
        _ records: [AttackPathRecord], _ resourceIndex: [String: Int], _ fingerprints: Set<String>,
        _ diagnostics: inout [Diagnostic]
    ) -> [AttackPath] {
        // Defender exports one path through several channels (Resource Graph, Log Analytics): the same
        // id from another file is that path again and is read once; within one file it is a mistake.
        var seen: [String: String] = [:]
        var paths: [AttackPath] = []
        for record in records {
            if let firstFile = seen[record.id] {
                let sameFile = firstFile == record.origin.file
                diagnostics.append(
                    Diagnostic(
                        sameFile ? .error : .warning, file: record.origin.file,
                        location: record.origin.member("id"),
                        message: sameFile
                            ? "duplicate attack path id \"\(record.id)\"."
                            : "attack path \"\(record.id)\" is also in \(firstFile); the one read first is kept."
                    ))
                continue
            }
            seen[record.id] = record.origin.file
            var steps = record.steps
            if steps.first != record.entryPoint { steps.insert(record.entryPoint, at: 0) }
            if steps.last != record.target { steps.append(record.target) }
            for node in Set(steps).sorted() where canonical(node, resourceIndex, fingerprints) == nil {
                diagnostics.append(
                    Diagnostic(
                        .warning, file: record.origin.file, location: record.origin.location,
                        message: "attack path \"\(record.id)\" names unknown node \"\(node.reference)\"; "
                            + "it is shown without a link."))
            }
            paths.append(
                AttackPath(
                    id: record.id,
                    siteID: StableID.make(name: record.name, identity: record.id, hashLength: 8),
                    name: record.name, riskLevel: record.riskLevel, entryPoint: record.entryPoint,
                    target: record.target, steps: steps, riskFactors: record.riskFactors,
                    description: record.description, potentialImpact: record.potentialImpact,
                    attackStory: record.attackStory, mitre: record.mitre, source: record.source,
                    origin: .imported))
        }
        return paths
    }

    /// Imported and computed paths together, sorted by risk, name and id.
    ///
    /// A computed path whose entry
    /// point and target an imported path already joins is the same path: the imported one is kept as
    /// given and marked as also computed.
    static func merge(imported: [AttackPath], computed: [AttackPath]) -> [AttackPath] {
        var importedEnds: [GraphEdge.Ends: [Int]] = [:]
        for (position, path) in imported.enumerated() {
            importedEnds[GraphEdge.Ends(from: path.entryPoint, to: path.target), default: []].append(position)
        }
        var paths = imported
        for path in computed {
            if let positions = importedEnds[GraphEdge.Ends(from: path.entryPoint, to: path.target)] {
                for position in positions { paths[position].alsoComputed = true }
            } else {
                paths.append(path)
            }
        }
        return paths.sorted { ($0.riskLevel.rank, $0.name, $0.id) < ($1.riskLevel.rank, $1.name, $1.id) }
    }
}
