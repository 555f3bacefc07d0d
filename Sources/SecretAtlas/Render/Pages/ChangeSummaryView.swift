/// The overview's "What changed since …" section: per kind of item, counts and the first new and
/// resolved items as links.
struct ChangeSummaryView: Sendable, TemplateFields {
    /// An item in the lists.
    struct Item: Sendable, TemplateFields {
        let title: String
        let href: String

        static let templateFields: FieldTable<Self> = [
            "title": \.title,
            "href": \.href,
        ]
    }

    /// One kind: secrets, resources or attack paths.
    struct Group: Sendable, TemplateFields {
        let title: String
        let newCount: Int
        let resolvedCount: Int
        let unchangedCount: Int
        let newItems: [Item]
        let hasNewItems: Bool
        let moreNew: Int
        let hasMoreNew: Bool
        let resolvedItems: [Item]
        let hasResolvedItems: Bool
        let moreResolved: Int
        let hasMoreResolved: Bool

        static let templateFields: FieldTable<Self> = [
            "title": \.title,
            "newCount": \.newCount,
            "resolvedCount": \.resolvedCount,
            "unchangedCount": \.unchangedCount,
            "newItems": \.newItems,
            "hasNewItems": \.hasNewItems,
            "moreNew": \.moreNew,
            "hasMoreNew": \.hasMoreNew,
            "resolvedItems": \.resolvedItems,
            "hasResolvedItems": \.hasResolvedItems,
            "moreResolved": \.moreResolved,
            "hasMoreResolved": \.hasMoreResolved,
        ]
    }

    /// Items listed per kind and status; the rest are counted.
    static let listLimit = 10

    let since: String
    let previousReport: String
    let groups: [Group]

    init(changes: ChangeSet, context: RenderContext, root: String) {
        let model = context.model
        since = changes.previousReportPhrase
        previousReport = changes.previousFingerprint
        var titles: [ChangeSet.Key: String] = [:]
        for secret in model.secrets {
            titles[ChangeSet.Key(kind: .secret, id: secret.siteID)] =
                model.catalog.secretType(secret.type).title + " " + secret.shortFingerprint
        }
        for resource in model.resources {
            titles[ChangeSet.Key(kind: .resource, id: resource.siteID)] = resource.name
        }
        for path in model.attackPaths {
            titles[ChangeSet.Key(kind: .attackPath, id: path.siteID)] = path.name
        }
        groups = ChangeSet.Kind.allCases.map { kind in
            let new = changes.ids(kind, .new).map {
                Item(title: titles[ChangeSet.Key(kind: kind, id: $0)] ?? $0, href: root + kind.route($0))
            }
            .sorted { ($0.title, $0.href) < ($1.title, $1.href) }
            let resolved = changes.resolvedSincePrevious(kind).map {
                Item(title: $0.title, href: root + $0.permalink)
            }
            .sorted { ($0.title, $0.href) < ($1.title, $1.href) }
            return Group(
                title: kind.plural, newCount: new.count, resolvedCount: resolved.count,
                unchangedCount: changes.ids(kind, .unchanged).count,
                newItems: Array(new.prefix(Self.listLimit)), hasNewItems: !new.isEmpty,
                moreNew: max(0, new.count - Self.listLimit), hasMoreNew: new.count > Self.listLimit,
                resolvedItems: Array(resolved.prefix(Self.listLimit)), hasResolvedItems: !resolved.isEmpty,
                moreResolved: max(0, resolved.count - Self.listLimit),
                hasMoreResolved: resolved.count > Self.listLimit)
        }
    }

    static let templateFields: FieldTable<Self> = [
        "since": \.since,
        "previousReport": \.previousReport,
        "groups": \.groups,
    ]
}
