import Foundation
internal import Yams

/// Reads the catalog from a templates folder: `remediation/<type>.md` and `recommendations/<slug>.md`,
/// each Markdown with YAML front matter.
struct CatalogLoader {
    let templatesDirectory: String

    /// Loads and checks every catalog file.
    /// - Throws: ``SiteError/catalogInvalid(path:detail:)`` naming the file and the missing or bad key.
    func load() throws -> Catalog {
        var types: [String: Catalog.SecretType] = [:]
        var generic: Catalog.SecretType?
        for (path, slug) in try markdownFiles(in: "remediation") {
            let (fields, body) = try frontMatter(path)
            let type = Catalog.SecretType(
                id: slug, title: try string(fields, "title", path),
                category: try string(fields, "category", path),
                severity: try severity(fields, path), description: try string(fields, "description", path),
                impact: try string(fields, "impact", path), remediationMarkdown: body,
                isKnown: slug != "generic")
            if slug == "generic" { generic = type } else { types[slug] = type }
        }
        guard let generic else {
            throw SiteError.catalogInvalid(
                path: (templatesDirectory as NSString).appendingPathComponent("remediation/generic.md"),
                detail: "the fallback entry for unknown secret types is missing")
        }
        var recommendations: [Catalog.Recommendation] = []
        for (path, slug) in try markdownFiles(in: "recommendations") {
            let (fields, body) = try frontMatter(path)
            let kindNames = fields["appliesTo"] as? [Any] ?? []
            var kinds: [ResourceKind] = []
            for name in kindNames {
                guard let text = name as? String, let kind = ResourceKind(rawValue: text) else {
                    throw SiteError.catalogInvalid(
                        path: path,
                        detail: "appliesTo holds \"\(name)\"; expected resource kinds such as virtualMachine")
                }
                kinds.append(kind)
            }
            guard !kinds.isEmpty else {
                throw SiteError.catalogInvalid(
                    path: path, detail: "missing appliesTo; expected a list of resource kinds")
            }
            recommendations.append(
                Catalog.Recommendation(
                    slug: slug, title: try string(fields, "title", path),
                    control: try string(fields, "control", path),
                    severity: try severity(fields, path), assessmentKey: fields["assessmentKey"] as? String,
                    appliesTo: kinds, resourceLabel: try string(fields, "resourceLabel", path),
                    description: try string(fields, "description", path), remediationMarkdown: body))
        }
        recommendations.sort { ($0.control, $0.title, $0.slug) < ($1.control, $1.title, $1.slug) }
        return Catalog(secretTypes: types, genericType: generic, recommendations: recommendations)
    }

    private func markdownFiles(in folder: String) throws -> [(path: String, slug: String)] {
        let directory = (templatesDirectory as NSString).appendingPathComponent(folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw SiteError.catalogInvalid(path: directory, detail: "the folder is missing")
        }
        let listing = FileTree.files(under: directory) { $0.hasSuffix(".md") && !$0.contains("/") }
        if let error = listing.errors.first {
            throw SiteError.unreadableFile(path: error.path, underlying: error.reason)
        }
        return listing.files.map {
            ((directory as NSString).appendingPathComponent($0), String($0.dropLast(3)))
        }
    }

    /// Largest catalog file read, in bytes.
    static let maximumFileBytes = 1 << 20

    private func frontMatter(_ path: String) throws -> ([String: Any], String) {
        let text: String
        do {
            text = try FileTree.text(at: path)
        } catch let error as FileTree.ReadError {
            throw SiteError.unreadableFile(path: error.path, underlying: error.reason)
        }
        // A page of remediation steps is a few kilobytes; a 20 MB override took 800 MB to render.
        guard text.utf8.count <= Self.maximumFileBytes else {
            throw SiteError.catalogInvalid(
                path: path,
                detail: "the file is \(text.utf8.count) bytes; expected at most \(Self.maximumFileBytes)")
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let closing = lines.dropFirst().firstIndex(of: "---") else {
            throw SiteError.catalogInvalid(
                path: path, detail: "expected YAML front matter between two '---' lines")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        if let problem = FrontMatterGuard.problem(in: yaml) {
            throw SiteError.catalogInvalid(path: path, detail: problem)
        }
        let parsed: Any?
        do {
            parsed = try Yams.load(yaml: yaml)
        } catch {
            throw SiteError.catalogInvalid(path: path, detail: "front matter is not valid YAML: \(error)")
        }
        guard let fields = parsed as? [String: Any] else {
            throw SiteError.catalogInvalid(path: path, detail: "front matter must be a YAML mapping")
        }
        return (fields, body)
    }

    private func string(_ fields: [String: Any], _ key: String, _ path: String) throws -> String {
        guard let value = fields[key] as? String, !value.isEmpty else {
            throw SiteError.catalogInvalid(path: path, detail: "missing \(key); expected a non-empty string")
        }
        return value
    }

    private func severity(_ fields: [String: Any], _ path: String) throws -> Severity {
        guard let text = fields["severity"] as? String, let severity = Severity(rawValue: text.lowercased())
        else {
            throw SiteError.catalogInvalid(
                path: path, detail: "missing or bad severity; expected critical, high, medium or low")
        }
        return severity
    }
}
