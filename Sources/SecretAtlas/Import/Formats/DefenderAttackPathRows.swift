import Foundation

/// Defender attack paths → attack paths, graph edges and placeholder resources.
///
/// Reads both Resource Graph shapes of `microsoft.security/attackpaths` (defender-views.md §6.3):
/// the documented one (`graphComponent` entities/connections, `entryPointEntityInternalID`,
/// `targetEntityInternalID`) and the Exposure Management one (`entryPoint`/`target` entity objects,
/// `attackPathSteps`); Log Analytics `SecurityAttackPathData` rows reuse the graph reading.
struct DefenderAttackPathRows {
    let source: String
    /// Resources known only as attack-path entities, by id, first occurrence kept.
    private var placeholders: [String: ResourceRecord] = [:]
    private var placeholderOrder: [String] = []
    private var edgeKeys = Set<String>()

    init(source: String) {
        self.source = source
    }

    /// Reads one `microsoft.security/attackpaths` row.
    mutating func readRow(
        _ row: JSONObject, path: String, reader: inout CloudRowReader, into input: inout ScanInput
    ) {
        let propertiesPath = CloudRowReader.join(path, "properties")
        guard let properties = CloudRowReader.object(row, "properties") else {
            reader.error(
                propertiesPath, "missing required member; expected the attack path's properties object.")
            return
        }
        let id =
            reader.string(row, ["id"], path: path)
            ?? reader.string(
                properties, ["AttackPathID", "attackPathId"], path: propertiesPath, required: true,
                expected: "the attack path's id")
        let name = reader.string(
            properties, ["displayName", "attackPathDisplayName"], path: propertiesPath, required: true,
            expected: "the attack path's display name")
        var graph = Graph()
        if let component = CloudRowReader.object(properties, "graphComponent") {
            readGraph(
                component, path: propertiesPath + ".graphComponent", graph: &graph, reader: &reader,
                into: &input)
        }
        // Documented shape: internal ids into the entities; Exposure Management: entity objects.
        let entry = endpoint(
            properties, idNames: ["entryPointEntityInternalID", "entryPointEntityInternalId"],
            objectNames: ["entryPoint"], path: propertiesPath, graph: &graph, reader: &reader,
            expected:
                "entryPointEntityInternalID naming a graphComponent entity, or an entryPoint entity object")
        let target = endpoint(
            properties, idNames: ["targetEntityInternalID", "targetEntityInternalId"],
            objectNames: ["target"], path: propertiesPath, graph: &graph, reader: &reader,
            expected: "targetEntityInternalID naming a graphComponent entity, or a target entity object")
        var steps = explicitSteps(properties, path: propertiesPath, graph: &graph, reader: &reader)
        guard let id, let name, let entry, let target else { return }
        if steps.isEmpty { steps = graph.route(from: entry, to: target) }
        append(
            id: id, name: name, entry: entry, target: target, steps: steps, fields: properties,
            names: .resourceGraph, fieldsPath: propertiesPath, path: path, reader: &reader, into: &input)
    }

    /// Member names of the descriptive fields, which differ between Resource Graph and Log Analytics.
    struct FieldNames {
        let risk: [String]
        let riskFactors: [String]
        let description: [String]
        let impact: [String]
        let story: [String]
        let mitre: [String]

        static let resourceGraph = FieldNames(
            risk: ["riskLevel"], riskFactors: ["riskFactors", "riskCategories"], description: ["description"],
            impact: ["potentialImpact"], story: ["attackStory"],
            mitre: ["mITRETacticsAndTechniques", "mitreTacticsAndTechniques"])
        static let logAnalytics = FieldNames(
            risk: ["RiskLevel"], riskFactors: ["RiskFactors"], description: ["Description"],
            impact: ["PotentialImpact"],
            story: ["AttackStory"], mitre: ["Mitre"])
    }

    /// Appends the attack path record with its descriptive fields.
    mutating func append(
        id: String, name: String, entry: GraphNode, target: GraphNode, steps: [GraphNode], fields: JSONObject,
        names: FieldNames, fieldsPath: String, path: String, reader: inout CloudRowReader,
        into input: inout ScanInput
    ) {
        let errorsBefore = reader.errorCount
        var risk: Severity?
        if let text = reader.string(fields, names.risk, path: fieldsPath)
            ?? CloudRowReader.object(fields, "risk").flatMap({
                reader.string($0, ["level"], path: fieldsPath + ".risk")
            })
        {
            risk = Severity(rawValue: text.lowercased())
            if risk == nil {
                reader.warning(
                    CloudRowReader.join(fieldsPath, names.risk[0]),
                    "expected Critical, High, Medium or Low, found \(JSONValue.string(text).quotedSummary); shown as Medium."
                )
            }
        } else {
            reader.warning(
                CloudRowReader.join(fieldsPath, names.risk[0]),
                "missing risk level (the documented shape has none); expected Critical, High, Medium or Low; shown as Medium."
            )
        }
        let record = AttackPathRecord(
            origin: RecordOrigin(file: reader.file, location: .path(path)), id: id, name: name,
            riskLevel: risk ?? .medium, entryPoint: entry, target: target, steps: steps,
            riskFactors: reader.strings(fields, names.riskFactors, path: fieldsPath),
            description: reader.string(fields, names.description, path: fieldsPath),
            potentialImpact: reader.string(fields, names.impact, path: fieldsPath),
            attackStory: story(fields, names.story, path: fieldsPath, reader: &reader),
            mitre: mitre(fields, names.mitre, path: fieldsPath, reader: &reader), source: source)
        if reader.errorCount == errorsBefore { input.attackPaths.append(record) }
    }

    /// Appends the placeholder resources whose ids no inventory row in the same file defined.
    func emitPlaceholders(knownResources: Set<String>, into input: inout ScanInput) {
        for id in placeholderOrder where !knownResources.contains(id) {
            if let record = placeholders[id] { input.resources.append(record) }
        }
    }

    // MARK: - Graph

    /// Entities by internal id, and the connections between them, for routing entry → target.
    struct Graph {
        var nodes: [String: GraphNode] = [:]
        var next: [GraphNode: [GraphNode]] = [:]

        /// The shortest chain of connections from entry to target, or just the two ends.
        func route(from entry: GraphNode, to target: GraphNode) -> [GraphNode] {
            var previous: [GraphNode: GraphNode] = [:]
            var queue = [entry]
            var seen: Set<GraphNode> = [entry]
            var index = 0
            while index < queue.count {
                let node = queue[index]
                index += 1
                if node == target { break }
                for neighbour in next[node] ?? [] where seen.insert(neighbour).inserted {
                    previous[neighbour] = node
                    queue.append(neighbour)
                }
            }
            guard seen.contains(target), entry != target else { return [entry, target] }
            var chain = [target]
            while let step = previous[chain[0]] { chain.insert(step, at: 0) }
            return chain
        }
    }

    /// Reads `entities` and `connections` of a graph component (or a Log Analytics `Path`).
    mutating func readGraph(
        _ component: JSONObject, path: String, graph: inout Graph, reader: inout CloudRowReader,
        into input: inout ScanInput
    ) {
        for (entity, entityPath) in reader.objects(component, ["entities", "nodes"], path: path) {
            guard
                let internalID = reader.string(
                    entity, ["entityInternalId", "id", "nodeId"], path: entityPath, required: true,
                    expected: "the entity's internal id")
            else { continue }
            graph.nodes[internalID] = node(entity, internalID: internalID, path: entityPath, reader: &reader)
        }
        for (connection, connectionPath) in reader.objects(component, ["connections", "edges"], path: path) {
            let from = reader.string(
                connection, ["sourceEntityInternalId", "sourceId", "source"], path: connectionPath,
                required: true,
                expected: "the internal id of an entity")
            let to = reader.string(
                connection, ["targetEntityInternalId", "targetId", "target"], path: connectionPath,
                required: true,
                expected: "the internal id of an entity")
            guard let from, let to else { continue }
            guard let fromNode = graph.nodes[from], let toNode = graph.nodes[to] else {
                reader.warning(
                    connectionPath, "connection names an entity missing from the entities; it is ignored.")
                continue
            }
            graph.next[fromNode, default: []].append(toNode)
            let label =
                reader.string(
                    connection, ["description", "label", "edgeLabel", "connectionType"], path: connectionPath)
                ?? ""
            guard var kind = Self.edgeKind(label) else {
                if !label.isEmpty {
                    reader.warning(
                        CloudRowReader.join(connectionPath, "description"),
                        "connection \(JSONValue.string(label).quotedSummary) has no matching edge type; it is drawn in the path but not added to the graph."
                    )
                }
                continue
            }
            var ends = (fromNode, toNode)
            if kind == .exposedTo || fromNode == .internet {
                // "Exposed to the Internet" is stored machine → Internet, however the export points it.
                kind = .exposedTo
                ends = fromNode == .internet ? (toNode, .internet) : (fromNode, toNode)
            }
            let key = "\(kind.rawValue) \(ends.0.reference) \(ends.1.reference)"
            guard edgeKeys.insert(key).inserted else { continue }
            input.edges.append(
                EdgeRecord(
                    origin: RecordOrigin(file: reader.file, location: .path(connectionPath)), kind: kind,
                    from: ends.0, to: ends.1, source: source))
        }
    }

    /// Defender's connection label → edge type (defender-views.md §3.3, §3.5).
    static func edgeKind(_ label: String) -> GraphEdge.Kind? {
        let squeezed = label.lowercased().filter { $0.isLetter }
        if squeezed.contains("contains") { return .contains }
        if squeezed.contains("authenticate") || squeezed.contains("logonto") { return .canAuthenticateTo }
        if squeezed.contains("exposed") { return .exposedTo }
        if squeezed.contains("permission") || squeezed.contains("roleon") { return .hasPermissionTo }
        if squeezed.contains("routestraffic") { return .routesTrafficTo }
        if squeezed.contains("memberof") { return .memberOf }
        return nil
    }

    /// An end of the path: an internal id into the graph, or an entity object given inline.
    ///
    /// A missing end is an error saying `expected`.
    mutating func endpoint(
        _ properties: JSONObject, idNames: [String], objectNames: [String], path: String, graph: inout Graph,
        reader: inout CloudRowReader, expected: String
    ) -> GraphNode? {
        guard let (value, place) = CloudRowReader.first(properties, idNames + objectNames, path: path) else {
            reader.error(
                CloudRowReader.join(path, idNames[0]), "missing required member; expected \(expected).")
            return nil
        }
        switch value {
        case .string(let id): return graph.nodes[id] ?? bareNode(id, path: place, reader: &reader)
        case .object(let entity):
            let internalID =
                CloudRowReader.text(entity, "entityInternalId") ?? CloudRowReader.text(entity, "id") ?? place
            let node = node(entity, internalID: internalID, path: place, reader: &reader)
            graph.nodes[internalID] = node
            return node
        default:
            reader.error(place, "expected an entity internal id or an entity object, found \(value.summary).")
            return nil
        }
    }

    /// Exposure Management's `attackPathSteps`: entity objects or internal ids, in order.
    private mutating func explicitSteps(
        _ properties: JSONObject, path: String, graph: inout Graph, reader: inout CloudRowReader
    ) -> [GraphNode] {
        guard let (value, place) = CloudRowReader.first(properties, ["attackPathSteps"], path: path) else {
            return []
        }
        guard case .array(let elements) = value else {
            reader.error(place, "expected an array of entities, found \(value.summary).")
            return []
        }
        var steps: [GraphNode] = []
        for (offset, element) in elements.enumerated() {
            let stepPath = "\(place)[\(offset)]"
            switch element {
            case .string(let id):
                steps.append(graph.nodes[id] ?? bareNode(id, path: stepPath, reader: &reader))
            case .object(let object):
                let entity = CloudRowReader.object(object, "entity") ?? object
                let internalID =
                    CloudRowReader.text(entity, "entityInternalId") ?? CloudRowReader.text(entity, "id")
                    ?? stepPath
                let node =
                    graph.nodes[internalID]
                    ?? node(entity, internalID: internalID, path: stepPath, reader: &reader)
                graph.nodes[internalID] = node
                if steps.last != node { steps.append(node) }
            default:
                reader.error(stepPath, "expected an entity object or id, found \(element.summary).")
            }
        }
        return steps
    }

    // MARK: - Entities

    /// The node for an entity: the Internet, a secret, or a resource (a placeholder when its id is
    /// not an inventory id this importer can know).
    mutating func node(_ entity: JSONObject, internalID: String, path: String, reader: inout CloudRowReader)
        -> GraphNode
    {
        let type = reader.string(entity, ["entityType", "type", "nodeLabel"], path: path) ?? ""
        let name = reader.string(entity, ["entityName", "name", "nodeName"], path: path)
        let squeezedType = type.lowercased().filter { $0.isLetter || $0.isNumber }
        if squeezedType.contains("internet") || name?.lowercased() == "internet" { return .internet }
        let identifiers = CloudRowReader.object(entity, "entityIdentifiers") ?? entity
        let identifiersPath =
            CloudRowReader.object(entity, "entityIdentifiers") == nil ? path : path + ".entityIdentifiers"
        if ["secret", "privatekey", "sshkey", "connectionstring", "sastoken", "accesskey"].contains(where: {
            squeezedType.contains($0)
        }) {
            let identifier =
                reader.string(
                    identifiers,
                    ["secretId", "secretIdentifier", "sshKeyIdentifier", "entityStoreUniqueIdentifier"],
                    path: identifiersPath) ?? internalID
            return .secret(fingerprint: CloudIDs.fingerprint(ofIdentifier: identifier))
        }
        let cloudID = reader.string(
            identifiers, ["azureResourceId", "awsResourceId", "gcpResourceId", "resourceId"],
            path: identifiersPath)
        let id = cloudID.map { CloudIDs.normalized($0) } ?? internalID
        addPlaceholder(
            id: id, name: name ?? CloudIDs.lastComponent(id), type: type, path: path, reader: reader)
        return .resource(id)
    }

    /// A node known only by an id (Log Analytics' EntrypointId, a step given as a string).
    mutating func bareNode(_ id: String, path: String, reader: inout CloudRowReader) -> GraphNode {
        if id.lowercased() == "internet" { return .internet }
        let resourceID = CloudIDs.normalized(id)
        addPlaceholder(
            id: resourceID, name: CloudIDs.lastComponent(id), type: Self.armType(of: resourceID) ?? "",
            path: path, reader: reader)
        return .resource(resourceID)
    }

    private mutating func addPlaceholder(
        id: String, name: String, type: String, path: String, reader: CloudRowReader
    ) {
        guard placeholders[id] == nil else { return }
        let cloud: Cloud = id.hasPrefix("arn:aws:") ? .aws : id.contains("googleapis.com") ? .gcp : .azure
        placeholders[id] = ResourceRecord(
            origin: RecordOrigin(file: reader.file, location: .path(path)), id: id, name: name,
            kind: Self.kind(entityType: type.isEmpty ? Self.armType(of: id) ?? "" : type, cloud: cloud),
            cloud: cloud,
            subscription: Self.subscription(of: id), resourceGroup: nil, region: nil, os: nil, tags: [],
            internetExposed: false, criticality: nil, hostnames: [], authorizedKeys: [])
        placeholderOrder.append(id)
    }

    /// `microsoft.compute/virtualmachines` from an ARM id's last provider segment.
    static func armType(of id: String) -> String? {
        let parts = id.lowercased().split(separator: "/")
        guard let providers = parts.lastIndex(of: "providers"), providers + 2 < parts.count else {
            return nil
        }
        return parts[providers + 1] + "/" + parts[providers + 2]
    }

    private static func subscription(of id: String) -> String? {
        let parts = id.split(separator: "/")
        guard let index = parts.firstIndex(where: { $0.lowercased() == "subscriptions" }),
            index + 1 < parts.count
        else {
            return nil
        }
        return String(parts[index + 1])
    }

    /// A resource kind from an entity type (an ARM type or Defender's words for it).
    static func kind(entityType: String, cloud: Cloud) -> ResourceKind {
        if let known = AzureInventoryRows.kinds[entityType.lowercased()] { return known }
        let squeezed = entityType.lowercased().filter { $0.isLetter || $0.isNumber }
        let rules: [(String, ResourceKind)] = [
            ("ec2", .ec2Instance),
            (
                "virtualmachine",
                cloud == .gcp ? .gcpVmInstance : cloud == .aws ? .ec2Instance : .virtualMachine
            ),
            ("vminstance", .gcpVmInstance), ("storageaccount", .storageAccount), ("s3", .s3Bucket),
            ("bucket", .gcsBucket),
            ("rds", .rdsInstance), ("sqldatabase", .sqlDatabase), ("sql", .sqlServer),
            ("postgres", .postgresqlServer),
            ("mysql", .mysqlServer), ("mariadb", .mariadbServer), ("cosmos", .cosmosDbAccount),
            ("documentdb", .cosmosDbAccount),
            ("keyvault", .keyVault), ("vaults", .keyVault), ("managedcluster", .kubernetesCluster),
            ("kubernetes", .kubernetesCluster),
            ("serviceprincipal", .identity), ("managedidentity", .identity), ("identit", .identity),
            ("iamrole", .iamRole),
            ("iamuser", .iamUser), ("deployment", .armDeployment), ("cloudformation", .cloudFormationStack),
        ]
        return rules.first { squeezed.contains($0.0) }?.1 ?? .other
    }

    // MARK: - Text fields

    /// The attack story as steps without their numbers.
    ///
    /// Exports give an array, or one text with a step per line or "1. … 2. …" on one line.
    private func story(_ fields: JSONObject, _ names: [String], path: String, reader: inout CloudRowReader)
        -> [String]
    {
        let parts = reader.strings(fields, names, path: path)
        guard parts.count == 1, let text = parts.first else { return parts.map(Self.withoutNumber) }
        var pieces = text.split(whereSeparator: \.isNewline).map(String.init)
        if pieces.count == 1 {
            // "1. Attacker … 2. Attacker …" on one line: split before each step number.
            pieces = Self.splitNumbered(text)
        }
        return pieces.map(Self.withoutNumber).filter { !$0.isEmpty }
    }

    static func splitNumbered(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var expected = 2
        var index = text.startIndex
        while index < text.endIndex {
            let marker = " \(expected). "
            if text[index...].hasPrefix(marker) {
                result.append(current)
                current = ""
                expected += 1
                index = text.index(index, offsetBy: 1)
                continue
            }
            current.append(text[index])
            index = text.index(after: index)
        }
        result.append(current)
        return result
    }

    static func withoutNumber(_ step: String) -> String {
        var text = Substring(step.trimmingCharacters(in: .whitespaces))
        let digits = text.prefix { $0.isNumber }
        if !digits.isEmpty, text.dropFirst(digits.count).first == "." {
            text = text.dropFirst(digits.count + 1)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// MITRE tactics and techniques: strings, or objects `{tactic, techniques: [...]}` flattened to
    /// "Tactic: technique, technique".
    private func mitre(_ fields: JSONObject, _ names: [String], path: String, reader: inout CloudRowReader)
        -> [String]
    {
        guard let (value, place) = CloudRowReader.first(fields, names, path: path) else { return [] }
        guard case .array(let elements) = value else { return reader.strings(fields, names, path: path) }
        var result: [String] = []
        for (offset, element) in elements.enumerated() {
            switch element {
            case .string(let text) where !text.isEmpty: result.append(text)
            case .object(let object):
                let tactic = CloudRowReader.text(object, "tactic") ?? CloudRowReader.text(object, "name")
                var techniques: [String] = []
                if case .array(let list) = CloudRowReader.member(object, "techniques") {
                    for technique in list {
                        switch technique {
                        case .string(let text): techniques.append(text)
                        case .object(let detail):
                            techniques += [
                                CloudRowReader.text(detail, "name") ?? CloudRowReader.text(detail, "id")
                            ].compactMap { $0 }
                        default: break
                        }
                    }
                }
                guard let tactic else {
                    reader.error("\(place)[\(offset)]", "expected a tactic name (\"tactic\"), found none.")
                    continue
                }
                result.append(
                    techniques.isEmpty ? tactic : tactic + ": " + techniques.joined(separator: ", "))
            default:
                reader.error(
                    "\(place)[\(offset)]",
                    "expected a string or a {tactic, techniques} object, found \(element.summary).")
            }
        }
        return result
    }
}
