/// Finds the item an export names, by stable id or by the id the input gave it.
enum ItemLocator {
    /// The item's position in the model's collections, and its page.
    struct Found {
        let index: Int
        let path: String
    }

    /// - Throws: ``SiteError/itemNotFound(kind:id:suggestion:)``.
    static func find(_ kind: ExportRequest.Kind, _ id: String, in model: SiteModel) throws -> Found {
        let wanted = id.hasSuffix(".html") ? String(id.split(separator: "/").last?.dropLast(5) ?? "") : id
        switch kind {
        case .secret:
            if let index = model.secrets.firstIndex(where: { $0.siteID == wanted || $0.fingerprint == id }) {
                return Found(index: index, path: SiteRoutes.secret(model.secrets[index]))
            }
            throw notFound("secret", id, example: model.secrets.first?.siteID, folder: "secrets/")
        case .resource:
            if let index = model.resources.firstIndex(where: {
                $0.siteID == wanted || $0.id == id || $0.id.lowercased() == id.lowercased()
            }) {
                return Found(index: index, path: SiteRoutes.resource(model.resources[index]))
            }
            throw notFound("resource", id, example: model.resources.first?.siteID, folder: "inventory/")
        case .recommendation:
            let recommendations = model.catalog.recommendations
            if let index = recommendations.firstIndex(where: {
                $0.slug == id || StableID.slug($0.slug, maxLength: 80) == wanted
            }) {
                return Found(index: index, path: SiteRoutes.recommendation(recommendations[index]))
            }
            throw notFound(
                "recommendation", id,
                example: recommendations.first.map { StableID.slug($0.slug, maxLength: 80) },
                folder: "recommendations/")
        case .attackPath:
            if let index = model.attackPaths.firstIndex(where: { $0.siteID == wanted || $0.id == id }) {
                return Found(index: index, path: SiteRoutes.attackPath(model.attackPaths[index]))
            }
            throw notFound(
                "attack path", id, example: model.attackPaths.first?.siteID, folder: "attack-paths/")
        }
    }

    private static func notFound(_ kind: String, _ id: String, example: String?, folder: String) -> SiteError
    {
        SiteError.itemNotFound(
            kind: kind, id: id,
            suggestion: "Give the page name from \(folder) of the site"
                + (example.map { " (such as '\($0)')" } ?? "")
                + " or the id the input gives; findings.json lists every id.")
    }
}
