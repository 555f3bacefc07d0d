// Small view-model values shared by several pages. Every property is stored (swift-mustache reads
// values through Mirror, which cannot see computed properties) and every string is plain text that
// templates escape; only fields whose names end in HTML hold markup, made by our own renderers.

/// A label and a value, for fact lists.
struct FactView: Sendable, TemplateFields {
    let label: String
    let value: String
    let href: String

    static let templateFields: FieldTable<Self> = [
        "label": \.label,
        "value": \.value,
        "href": \.href,
    ]
}

/// A severity or risk level: the word and a CSS class, so colour is never the only signal.
struct SeverityView: Sendable, TemplateFields {
    let text: String
    let level: String

    init(_ severity: Severity) {
        text = severity.displayName
        level = severity.rawValue
    }

    static let templateFields: FieldTable<Self> = [
        "text": \.text,
        "level": \.level,
    ]
}

/// A node of the security graph as shown in a link: a resource, a secret or the Internet.
struct NodeView: Sendable, TemplateFields {
    let name: String
    let kind: String
    let icon: String
    let href: String
    let isLinked: Bool

    init(_ node: GraphNode, context: RenderContext, root: String) {
        let model = context.model
        switch node {
        case .internet:
            self.init(name: "Internet", kind: "Public network", icon: "internet", href: "")
        case .resource(let id):
            if let resource = model.resource(id) {
                self.init(
                    name: resource.name, kind: resource.kind.displayName, icon: resource.kind.iconName,
                    href: root + SiteRoutes.resource(resource))
            } else {
                self.init(name: id, kind: "Resource not in the inventory", icon: "resource", href: "")
            }
        case .secret(let fingerprint):
            if let secret = model.secret(fingerprint: fingerprint) {
                self.init(
                    name: model.catalog.secretType(secret.type).title, kind: secret.shortFingerprint,
                    icon: "key",
                    href: root + SiteRoutes.secret(secret))
            } else {
                self.init(name: Secret.shorten(fingerprint), kind: "Secret", icon: "key", href: "")
            }
        }
    }

    private init(name: String, kind: String, icon: String, href: String) {
        self.name = name
        self.kind = kind
        self.icon = icon
        self.href = href
        self.isLinked = !href.isEmpty
    }

    static let templateFields: FieldTable<Self> = [
        "name": \.name,
        "kind": \.kind,
        "icon": \.icon,
        "href": \.href,
        "isLinked": \.isLinked,
    ]
}

/// One row of a resource table.
struct ResourceRow: Sendable, TemplateFields {
    let name: String
    let href: String
    let kind: String
    let icon: String
    let cloud: String
    let subscription: String
    let region: String
    let internetExposed: Bool
    let secretCount: Int
    let attackPathCount: Int
    /// New since the previous report (`--previous`); lists mark it with a badge.
    let isNew: Bool

    init(_ resource: Resource, context: RenderContext, root: String) {
        name = resource.name
        href = root + SiteRoutes.resource(resource)
        kind = resource.kind.displayName
        icon = resource.kind.iconName
        cloud = resource.cloud.displayName
        subscription = resource.subscription ?? ""
        region = resource.region ?? ""
        internetExposed = resource.internetExposed
        secretCount = context.model.secretsByResource[resource.id]?.count ?? 0
        attackPathCount = context.model.attackPathsByNode[.resource(resource.id)]?.count ?? 0
        isNew = context.changes?.status(.resource, resource.siteID) == .new
    }

    static let templateFields: FieldTable<Self> = [
        "name": \.name,
        "href": \.href,
        "kind": \.kind,
        "icon": \.icon,
        "cloud": \.cloud,
        "subscription": \.subscription,
        "region": \.region,
        "internetExposed": \.internetExposed,
        "secretCount": \.secretCount,
        "attackPathCount": \.attackPathCount,
        "isNew": \.isNew,
    ]
}

/// One row of a secrets table.
struct SecretRow: Sendable, TemplateFields {
    let title: String
    let href: String
    let typeID: String
    let category: String
    let severity: SeverityView
    let fingerprint: String
    let verification: String
    let verificationClass: String
    let occurrenceCount: Int
    let resourceCount: Int
    /// Where the secret lies, for telling apart secrets of one type: the first resource by name,
    /// and "+N more" when it lies on several.
    let foundOn: String
    let targetCount: Int
    let hasTargets: Bool
    /// New since the previous report (`--previous`); lists mark it with a badge.
    let isNew: Bool

    init(_ secret: Secret, context: RenderContext, root: String) {
        let type = context.model.catalog.secretType(secret.type)
        title = type.title
        href = root + SiteRoutes.secret(secret)
        typeID = secret.type
        category = type.category
        severity = SeverityView(type.severity)
        fingerprint = secret.shortFingerprint
        verification = secret.verification.displayName
        verificationClass = secret.verification.rawValue
        occurrenceCount = secret.occurrences.count
        resourceCount = secret.resourceIDs.count
        let names = secret.resourceIDs.map { context.model.resource($0)?.name ?? $0 }.sorted()
        foundOn = (names.first ?? "") + (names.count > 1 ? " +\(names.count - 1) more" : "")
        targetCount = secret.targets.count
        hasTargets = !secret.targets.isEmpty
        isNew = context.changes?.status(.secret, secret.siteID) == .new
    }

    static let templateFields: FieldTable<Self> = [
        "title": \.title,
        "href": \.href,
        "typeID": \.typeID,
        "category": \.category,
        "severity": \.severity,
        "fingerprint": \.fingerprint,
        "verification": \.verification,
        "verificationClass": \.verificationClass,
        "occurrenceCount": \.occurrenceCount,
        "resourceCount": \.resourceCount,
        "foundOn": \.foundOn,
        "targetCount": \.targetCount,
        "hasTargets": \.hasTargets,
        "isNew": \.isNew,
    ]
}

/// One row of an attack-path table.
struct AttackPathRow: Sendable, TemplateFields {
    /// Rows a resource's or secret's attack-path table shows; the list pages show them all.
    static let tableLimit = 50

    /// "Showing 50 of 312, most severe first; …" for a table cut at ``tableLimit``.
    static func moreText(shown: Int, of total: Int) -> String {
        "Showing \(shown) of \(total), most severe first; the attack paths list has every one."
    }

    let name: String
    let href: String
    let risk: SeverityView
    let entryPoint: NodeView
    let target: NodeView
    /// "entry → target", naming one instance of a scenario.
    let instanceName: String
    /// "Computed" or "Imported", as the list shows where a path came from.
    let origin: String
    /// New since the previous report (`--previous`); lists mark it with a badge.
    let isNew: Bool

    init(_ path: AttackPath, context: RenderContext, root: String) {
        name = path.name
        href = root + SiteRoutes.attackPath(path)
        risk = SeverityView(path.riskLevel)
        entryPoint = NodeView(path.entryPoint, context: context, root: root)
        target = NodeView(path.target, context: context, root: root)
        instanceName = entryPoint.name + " → " + target.name
        origin =
            path.origin == .computed ? "Computed" : path.alsoComputed ? "Imported, also computed" : "Imported"
        isNew = context.changes?.status(.attackPath, path.siteID) == .new
    }

    static let templateFields: FieldTable<Self> = [
        "name": \.name,
        "href": \.href,
        "risk": \.risk,
        "entryPoint": \.entryPoint,
        "target": \.target,
        "instanceName": \.instanceName,
        "origin": \.origin,
        "isNew": \.isNew,
    ]
}

/// Links to the pages of a paginated list.
struct PaginationView: Sendable, TemplateFields {
    /// One page link.
    struct PageLink: Sendable, TemplateFields {
        let number: Int
        let href: String
        let isCurrent: Bool

        static let templateFields: FieldTable<Self> = [
            "number": \.number,
            "href": \.href,
            "isCurrent": \.isCurrent,
        ]
    }

    let isNeeded: Bool
    let pages: [PageLink]
    let summary: String

    init(first: String, current: Int, rowCount: Int, root: String) {
        let pageCount = SiteRoutes.pageCount(rowCount)
        isNeeded = pageCount > 1
        pages = (1...pageCount).map {
            PageLink(
                number: $0, href: root + SiteRoutes.listPage(first, number: $0), isCurrent: $0 == current)
        }
        let start = rowCount == 0 ? 0 : (current - 1) * SiteRoutes.pageSize + 1
        let end = min(current * SiteRoutes.pageSize, rowCount)
        summary = rowCount == 0 ? "None" : "Showing \(start)–\(end) of \(rowCount)"
    }

    /// The rows of `items` on page `current`.
    static func slice<T>(_ items: [T], page current: Int) -> ArraySlice<T> {
        let start = min((current - 1) * SiteRoutes.pageSize, items.count)
        return items[start..<min(start + SiteRoutes.pageSize, items.count)]
    }

    static let templateFields: FieldTable<Self> = [
        "isNeeded": \.isNeeded,
        "pages": \.pages,
        "summary": \.summary,
    ]
}

/// One place a secret was found: Defender's Secrets-tab metadata for one occurrence.
struct OccurrenceView: Sendable, TemplateFields {
    let resourceName: String
    let resourceHref: String
    let resourceKind: String
    let filePath: String
    let fileName: String
    let line: String
    let lastAccess: String
    let expiry: String
    /// Whether the token had expired at scan time; without a scan time nothing is called expired.
    let isExpired: Bool
    let scanner: String
    let firstSeen: String
    let lastSeen: String

    init(_ finding: Finding, context: RenderContext, root: String) {
        let resource = context.model.resource(finding.resourceID)
        resourceName = resource?.name ?? finding.resourceID
        resourceHref = resource.map { root + SiteRoutes.resource($0) } ?? ""
        resourceKind = resource?.kind.displayName ?? ""
        filePath = finding.filePath
        fileName = finding.fileName
        line = finding.line.map(String.init) ?? ""
        lastAccess = finding.lastAccess?.compact ?? ""
        expiry = finding.expiry?.compact ?? ""
        let scanTime = context.model.scanTime
        isExpired = finding.expiry.map { expiry in scanTime.map { expiry < $0 } ?? false } ?? false
        scanner = finding.scanner ?? ""
        firstSeen = finding.firstSeen?.compact ?? ""
        lastSeen = finding.lastSeen?.compact ?? ""
    }

    static let templateFields: FieldTable<Self> = [
        "resourceName": \.resourceName,
        "resourceHref": \.resourceHref,
        "resourceKind": \.resourceKind,
        "filePath": \.filePath,
        "fileName": \.fileName,
        "line": \.line,
        "lastAccess": \.lastAccess,
        "expiry": \.expiry,
        "isExpired": \.isExpired,
        "scanner": \.scanner,
        "firstSeen": \.firstSeen,
        "lastSeen": \.lastSeen,
    ]
}

/// A risk level and how many attack paths have it, for the risk-level bar.
struct RiskCountView: Sendable, TemplateFields {
    let risk: SeverityView
    let count: Int

    /// One entry per risk level, most severe first, zeros included so the bar always has four parts.
    static func counts(_ totals: RenderContext.AttackPathTotals) -> [RiskCountView] {
        Severity.allCases.map { level in
            RiskCountView(risk: SeverityView(level), count: totals.byRisk[level] ?? 0)
        }
    }

    static let templateFields: FieldTable<Self> = [
        "risk": \.risk,
        "count": \.count,
    ]
}
