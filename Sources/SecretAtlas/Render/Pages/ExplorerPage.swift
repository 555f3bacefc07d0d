/// `explorer/index.html`: Defender's cloud security explorer as a query builder over the site's data.
///
/// The controls are rendered here, from the model, so they exist (labelled, in order) before any
/// script runs; `assets/explorer.js` reads them, loads the data shards a query needs and fills the
/// results table. A query is a URL fragment (`#src=…&types=…`), so a built-in template is just a
/// link and any query can be shared.
struct ExplorerPage: Sendable, TemplateFields {
    /// One checkbox.
    struct Option: Sendable, TemplateFields {
        let value: String
        let label: String
        let id: String

        static let templateFields: FieldTable<Self> = ["value": \.value, "label": \.label, "id": \.id]
    }

    /// Checkboxes under one legend: a cloud's resource types, or a category of secret types.
    struct OptionGroup: Sendable, TemplateFields {
        let legend: String
        let id: String
        let options: [Option]

        static let templateFields: FieldTable<Self> = ["legend": \.legend, "id": \.id, "options": \.options]
    }

    /// A built-in query.
    struct QueryTemplate: Sendable, TemplateFields {
        let title: String
        let fragment: String

        static let templateFields: FieldTable<Self> = ["title": \.title, "fragment": \.fragment]
    }

    /// Kinds Defender's explorer calls virtual machines, in every cloud.
    static let machineKinds: [ResourceKind] = [.virtualMachine, .ec2Instance, .gcpVmInstance]
    static let storageKinds: [ResourceKind] = [.storageAccount, .s3Bucket, .gcsBucket]
    static let sqlKinds: [ResourceKind] = [
        .sqlServer, .sqlDatabase, .postgresqlServer, .mysqlServer, .mariadbServer, .rdsInstance,
    ]
    static let deploymentKinds: [ResourceKind] = [.armDeployment, .cloudFormationStack]

    let shell: PageShell
    let sourceGroups: [OptionGroup]
    let secretGroups: [OptionGroup]
    let targetGroups: [OptionGroup]
    let templates: [QueryTemplate]
    let dataIndex: String

    init(path: String, context: RenderContext) {
        let model = context.model
        let shell = PageShell(
            pageTitle: "Cloud security explorer", path: path, section: .explorer, context: context,
            extraScripts: [ExplorerData.folder + "index.js", SiteRoutes.explorerScript])
        self.shell = shell
        dataIndex = shell.root + ExplorerData.folder + "index.js"
        var typesByCloud: [Cloud: Set<ResourceKind>] = [:]
        for resource in model.resources { typesByCloud[resource.cloud, default: []].insert(resource.kind) }
        func groups(prefix: String) -> [OptionGroup] {
            Cloud.allCases.compactMap { cloud in
                guard let kinds = typesByCloud[cloud] else { return nil }
                return OptionGroup(
                    legend: cloud.displayName, id: "\(prefix)-\(cloud.rawValue)",
                    options: kinds.sorted { $0.displayName < $1.displayName }.map {
                        Option(
                            value: "\(cloud.rawValue):\($0.rawValue)", label: $0.displayName,
                            id: "\(prefix)-\(cloud.rawValue)-\($0.rawValue)")
                    })
            }
        }
        sourceGroups = groups(prefix: "src")
        targetGroups = groups(prefix: "tgt")
        var byCategory: [String: [Catalog.SecretType]] = [:]
        for id in Set(model.secrets.map(\.type)) {
            let type = model.catalog.secretType(id)
            byCategory[type.category, default: []].append(type)
        }
        secretGroups = byCategory.keys.sorted().map { category in
            OptionGroup(
                legend: category, id: "types-" + StableID.slug(category),
                options: (byCategory[category] ?? []).sorted { ($0.title, $0.id) < ($1.title, $1.id) }.map {
                    Option(value: $0.id, label: $0.title, id: "type-" + StableID.slug($0.id, maxLength: 60))
                })
        }
        func present(_ kinds: [ResourceKind]) -> String {
            Cloud.allCases.flatMap { cloud in
                kinds.filter { typesByCloud[cloud]?.contains($0) ?? false }.map {
                    "\(cloud.rawValue):\($0.rawValue)"
                }
            }.joined(separator: ",")
        }
        let machines = present(Self.machineKinds)
        templates = [
            QueryTemplate(
                title: "VM with plaintext secret that can authenticate to another VM",
                fragment: "src=\(machines)&auth=1&tgt=\(machines)"),
            QueryTemplate(
                title: "VM with plaintext secret that can authenticate to a storage account",
                fragment: "src=\(machines)&auth=1&tgt=\(present(Self.storageKinds))"),
            QueryTemplate(
                title: "VM with plaintext secret that can authenticate to an SQL database",
                fragment: "src=\(machines)&auth=1&tgt=\(present(Self.sqlKinds))"),
            QueryTemplate(
                title: "Cloud deployment with plaintext secret",
                fragment: "src=\(present(Self.deploymentKinds))"),
        ]
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "sourceGroups": \.sourceGroups,
        "secretGroups": \.secretGroups,
        "targetGroups": \.targetGroups,
        "templates": \.templates,
        "dataIndex": \.dataIndex,
    ]
}
