/// The cloud formats (Defender for Cloud, Azure, AWS and GCP inventories), for registering in one line.
enum CloudFormats {
    /// Every cloud format, most specific first: each recognises only its own documents.
    static let cloudFormats: [any JSONDocumentFormat.Type] = [
        AzureResourceGraphFormat.self,
        LogAnalyticsAttackPathFormat.self,
        AWSInstancesFormat.self,
        GCPInstancesFormat.self,
    ]

    /// Drops resources that Defender attack paths named but that another record defines in full.
    ///
    /// An attack-path importer cannot see the other input files, so it adds a minimal resource for
    /// each entity its own file does not define; once all inputs are merged, a full record of the
    /// same id (from the inventory) replaces it, and two placeholders of one id become one, instead
    /// of being reported as duplicate ids.
    static func mergingAttackPathPlaceholders(_ input: ScanInput) -> ScanInput {
        var defined = Set(input.resources.filter { !isAttackPathPlaceholder($0) }.map(\.id))
        var merged = input
        merged.resources = input.resources.filter { record in
            guard isAttackPathPlaceholder(record) else { return true }
            return defined.insert(record.id).inserted
        }
        return merged
    }

    /// Whether a resource record is a placeholder for an attack-path entity: its origin is the
    /// entity's place inside an attack path, never an inventory row.
    static func isAttackPathPlaceholder(_ record: ResourceRecord) -> Bool {
        guard case .path(let path) = record.origin.location else { return false }
        return [
            "graphComponent.entities[", ".entryPoint", ".target", "attackPathSteps[", ".EntrypointId",
            ".TargetId",
            "Path.entities[", "Path.nodes[", "graphComponent.nodes[",
        ]
        .contains { path.contains($0) }
    }
}
