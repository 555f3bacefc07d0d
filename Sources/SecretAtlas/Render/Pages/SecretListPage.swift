/// `secrets/index.html` (and its further pages), and the list of secrets without an identified target.
struct SecretListPage: Sendable, TemplateFields {
    let shell: PageShell
    let heading: String
    let introduction: String
    let isWithoutTargetList: Bool
    let secrets: [SecretRow]
    let hasSecrets: Bool
    let pagination: PaginationView
    let totalCount: Int
    let withoutTargetCount: Int
    let withoutTargetHref: String
    let allSecretsHref: String
    /// The list's search data (see ``ListData``), for a list longer than one page; else "".
    let listIndex: String
    let hasListIndex: Bool

    /// A page of the full secrets list.
    init(path: String, page: Int, context: RenderContext) {
        let shell = PageShell(
            pageTitle: page > 1 ? "Secrets (page \(page))" : "Secrets", path: path, section: .secrets,
            context: context)
        let model = context.model
        self.init(
            shell: shell, heading: "Secrets",
            introduction: "Every plaintext secret found, deduplicated by fingerprint: one row per secret, "
                + "however many places it was found in.",
            isWithoutTargetList: false,
            rows: PaginationView.slice(model.secrets, page: page).map {
                SecretRow($0, context: context, root: shell.root)
            },
            pagination: PaginationView(
                first: SiteRoutes.secrets, current: page, rowCount: model.secrets.count, root: shell.root),
            context: context)
    }

    /// A page of the secrets without an identified target resource: the triage list.
    init(withoutTargetPath path: String, page: Int, context: RenderContext) {
        let shell = PageShell(
            pageTitle: "Secrets without an identified target resource" + (page > 1 ? " (page \(page))" : ""),
            path: path, section: .secrets, context: context)
        let positions = PaginationView.slice(context.model.secretsWithoutTarget, page: page)
        self.init(
            shell: shell, heading: "Secrets without an identified target resource",
            introduction:
                "Secrets that don't have a known attack path: no resource in the inventory is known to "
                + "accept them. They still need revoking — a target may be outside the scanned scope.",
            isWithoutTargetList: true,
            rows: positions.map { SecretRow(context.model.secrets[$0], context: context, root: shell.root) },
            pagination: PaginationView(
                first: SiteRoutes.secretsWithoutTarget, current: page,
                rowCount: context.model.secretsWithoutTarget.count,
                root: shell.root),
            context: context)
    }

    private init(
        shell: PageShell, heading: String, introduction: String, isWithoutTargetList: Bool, rows: [SecretRow],
        pagination: PaginationView, context: RenderContext
    ) {
        self.shell = shell
        self.heading = heading
        self.introduction = introduction
        self.isWithoutTargetList = isWithoutTargetList
        self.secrets = rows
        self.hasSecrets = !rows.isEmpty
        self.pagination = pagination
        self.totalCount = context.model.secrets.count
        self.withoutTargetCount = context.model.secretsWithoutTarget.count
        self.withoutTargetHref = shell.root + SiteRoutes.secretsWithoutTarget
        self.allSecretsHref = shell.root + SiteRoutes.secrets
        let index = ListData(model: context.model).indexPath(isWithoutTargetList ? .withoutTarget : .secrets)
        self.listIndex = index.map { shell.root + $0 } ?? ""
        self.hasListIndex = index != nil
    }

    static let templateFields: FieldTable<Self> = [
        "shell": \.shell,
        "heading": \.heading,
        "introduction": \.introduction,
        "isWithoutTargetList": \.isWithoutTargetList,
        "secrets": \.secrets,
        "hasSecrets": \.hasSecrets,
        "pagination": \.pagination,
        "totalCount": \.totalCount,
        "withoutTargetCount": \.withoutTargetCount,
        "withoutTargetHref": \.withoutTargetHref,
        "allSecretsHref": \.allSecretsHref,
        "listIndex": \.listIndex,
        "hasListIndex": \.hasListIndex,
    ]
}
