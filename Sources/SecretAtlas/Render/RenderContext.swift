/// What every page renderer shares: the model, derived aggregates computed once, and rendered
/// Markdown cached per catalog entry (each is rendered once, not once per page).
///
/// A class, so handing it to each view of each page shares it rather than copying a dozen fields.
final class RenderContext: Sendable {
    /// A recommendation with the resources and secrets it covers.
    struct RecommendationState: Sendable {
        let recommendation: Catalog.Recommendation
        /// Resources of the kinds it applies to, in model order.
        let applicableResources: [Int]
        /// Applicable resources that hold at least one secret.
        let unhealthyResources: [Int]
        /// Secret type ids found on unhealthy resources, by catalog title.
        let secretTypes: [String]
    }

    let model: SiteModel
    let version: String
    /// What changed since the previous report, when `--previous` was given.
    let changes: ChangeSet?
    let recommendations: [RecommendationState]
    let secretTypeHTML: [String: String]
    let recommendationHTML: [String: String]
    /// The relation between two nodes, for labelling attack-path hops without scanning every edge.
    ///
    /// Where the input gives several, the first in the model's sorted order wins.
    let edgeKinds: [GraphEdge.Ends: GraphEdge.Kind]
    /// Positions of the secrets that can authenticate to each resource, by cloud id.
    let secretsByTarget: [String: [Int]]
    /// Totals over every attack path, which each page of the paginated list shows: counted once
    /// here, since counting them per page made the list quadratic (minutes at 200,000 paths).
    let attackPathTotals: AttackPathTotals
    /// The scan time and the scan's sources as every page footer shows them, formatted once.
    let scanTimeDisplay: String
    let scanSourcesDisplay: String

    struct AttackPathTotals: Sendable {
        var byRisk: [Severity: Int] = [:]
        var computed = 0
        var affectedResources = 0

        init(_ paths: [AttackPath]) {
            var affected = Set<String>()
            for path in paths {
                byRisk[path.riskLevel, default: 0] += 1
                if path.origin == .computed { computed += 1 }
                for case .resource(let id) in path.steps { affected.insert(id) }
            }
            affectedResources = affected.count
        }
    }

    init(model: SiteModel, version: String, markdown: MarkdownRenderer, changes: ChangeSet? = nil) {
        self.model = model
        self.version = version
        self.changes = changes
        var states: [RecommendationState] = []
        for recommendation in model.catalog.recommendations {
            let applicable = model.resources.indices.filter {
                recommendation.appliesTo.contains(model.resources[$0].kind)
            }
            let unhealthy = applicable.filter {
                !(model.secretsByResource[model.resources[$0].id]?.isEmpty ?? true)
            }
            var types = Set<String>()
            for position in unhealthy {
                for secret in model.secrets(on: model.resources[position].id) { types.insert(secret.type) }
            }
            states.append(
                RecommendationState(
                    recommendation: recommendation, applicableResources: applicable,
                    unhealthyResources: unhealthy,
                    secretTypes: types.sorted {
                        let left = model.catalog.secretType($0)
                        let right = model.catalog.secretType($1)
                        return (left.severity.rank, left.title, $0) < (right.severity.rank, right.title, $1)
                    }))
        }
        self.recommendations = states
        var typeHTML: [String: String] = [:]
        for type in Set(model.secrets.map(\.type)) {
            typeHTML[type] = markdown.html(from: model.catalog.secretType(type).remediationMarkdown)
        }
        self.secretTypeHTML = typeHTML
        self.recommendationHTML = Dictionary(
            uniqueKeysWithValues: model.catalog.recommendations.map {
                ($0.slug, markdown.html(from: $0.remediationMarkdown))
            })
        var edgeKinds: [GraphEdge.Ends: GraphEdge.Kind] = [:]
        for edge in model.edges where edgeKinds[GraphEdge.Ends(from: edge.from, to: edge.to)] == nil {
            edgeKinds[GraphEdge.Ends(from: edge.from, to: edge.to)] = edge.kind
        }
        self.edgeKinds = edgeKinds
        var byTarget: [String: [Int]] = [:]
        for (position, secret) in model.secrets.enumerated() {
            for target in secret.targets { byTarget[target, default: []].append(position) }
        }
        self.secretsByTarget = byTarget
        attackPathTotals = AttackPathTotals(model.attackPaths)
        scanTimeDisplay = model.scanTime?.display ?? ""
        scanSourcesDisplay = model.scanSources.joined(separator: "; ")
    }

    /// The recommendation state covering a resource kind, if any.
    func recommendationState(for kind: ResourceKind) -> RecommendationState? {
        guard let recommendation = model.catalog.recommendation(for: kind) else { return nil }
        return recommendations.first { $0.recommendation.slug == recommendation.slug }
    }
}
