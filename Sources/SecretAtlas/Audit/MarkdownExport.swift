/// One item as Markdown, for ticket systems that take text.
///
/// The same facts and remediation as its page, the report fingerprint and the permalink. Every value from the input is escaped, so a
/// resource name cannot inject links or formatting into the ticket.
struct MarkdownExport {
    let context: RenderContext
    let reportFingerprint: String
    /// Absolute (with a base URL) or relative to the published site's root.
    let permalink: String
    let baseURL: String?

    func markdown(_ kind: ExportRequest.Kind, index: Int) -> [UInt8] {
        var lines: [String]
        switch kind {
        case .secret: lines = secret(context.model.secrets[index])
        case .resource: lines = resource(context.model.resources[index])
        case .recommendation: lines = recommendation(context.recommendations[index])
        case .attackPath: lines = attackPath(context.model.attackPaths[index])
        }
        lines += [
            "", "---", "",
            "Report fingerprint `\(reportFingerprint)` · \(inputs()) · SecretAtlas \(context.version).",
            "No secret values are stored in this report: secrets are identified only by fingerprints.",
        ]
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    private func header(_ title: String, kind: String, status: ChangeStatus?) -> [String] {
        var lines = ["# \(Self.escape(title))", "", "*\(kind)* · Permalink: \(link(permalink))"]
        if let status, let changes = context.changes {
            lines += ["", "**\(status.displayName)** since \(changes.previousReportPhrase)."]
        }
        return lines
    }

    private func secret(_ secret: Secret) -> [String] {
        let model = context.model
        let type = model.catalog.secretType(secret.type)
        var lines = header(
            type.title + " " + secret.shortFingerprint, kind: "Secret",
            status: context.changes?.status(.secret, secret.siteID))
        lines += [
            "", "- Severity: **\(type.severity.displayName)**",
            "- Type: \(Self.escape(type.title)) (`\(Self.code(secret.type))`)",
            "- Category: \(Self.escape(type.category))", "- Verification: \(secret.verification.displayName)",
            "- Fingerprint: `\(Self.code(secret.fingerprint))`",
        ]
        if !type.description.isEmpty { lines += ["", Self.escape(type.description)] }
        if !type.impact.isEmpty { lines += ["", "**Impact.** " + Self.escape(type.impact)] }
        lines += [
            "", "## Where it was found", "", "| Resource | File | Line | Last seen |", "|---|---|---|---|",
        ]
        for finding in secret.occurrences {
            let name = model.resource(finding.resourceID)?.name ?? finding.resourceID
            lines.append(
                "| \(Self.cell(name)) | \(Self.cell(finding.filePath)) | \(finding.line.map(String.init) ?? "") | "
                    + "\(finding.lastSeen?.display ?? "") |")
        }
        lines += ["", "## What it can authenticate to", ""]
        lines +=
            secret.targets.isEmpty
            ? ["No target resource was identified."]
            : secret.targets.map { id in
                let resource = model.resource(id)
                return "- " + Self.escape(resource?.name ?? id)
                    + (resource.map { " (\($0.kind.displayName))" } ?? "")
            }
        let paths = model.attackPaths(through: .secret(fingerprint: secret.fingerprint))
        if !paths.isEmpty {
            lines += ["", "## Attack paths", ""]
            lines += paths.map { "- \(Self.escape($0.name)) (risk \($0.riskLevel.displayName))" }
        }
        lines += ["", "## Remediation", "", Self.demote(type.remediationMarkdown)]
        return lines
    }

    private func resource(_ resource: Resource) -> [String] {
        let model = context.model
        var lines = header(
            resource.name, kind: resource.kind.displayName,
            status: context.changes?.status(.resource, resource.siteID))
        lines += [
            "", "- Resource id: `\(Self.code(resource.id))`", "- Cloud: \(resource.cloud.displayName)",
            "- Internet exposure: "
                + (resource.internetExposed ? "exposed to the Internet" : "none reported"),
        ]
        if let group = resource.resourceGroup { lines.append("- Resource group: \(Self.escape(group))") }
        if let region = resource.region { lines.append("- Region: \(Self.escape(region))") }
        let secrets = model.secrets(on: resource.id)
        lines += ["", "## Secrets found on it", ""]
        if secrets.isEmpty {
            lines.append("None.")
        } else {
            lines += ["| Secret | Severity | File | Line |", "|---|---|---|---|"]
            for secret in secrets {
                let type = model.catalog.secretType(secret.type)
                for finding in secret.occurrences where finding.resourceID == resource.id {
                    lines.append(
                        "| \(Self.cell(type.title)) `\(Self.code(secret.shortFingerprint))` | "
                            + "\(type.severity.displayName) | \(Self.cell(finding.filePath)) | "
                            + "\(finding.line.map(String.init) ?? "") |")
                }
            }
        }
        let openedBy = context.secretsByTarget[resource.id] ?? []
        if !openedBy.isEmpty {
            lines += ["", "## Secrets that can authenticate to it", ""]
            lines += openedBy.map {
                let secret = model.secrets[$0]
                return "- " + Self.escape(model.catalog.secretType(secret.type).title)
                    + " `\(Self.code(secret.shortFingerprint))`"
            }
        }
        let paths = model.attackPaths(through: .resource(resource.id))
        if !paths.isEmpty {
            lines += ["", "## Attack paths", ""]
            lines += paths.map { "- \(Self.escape($0.name)) (risk \($0.riskLevel.displayName))" }
        }
        if let state = context.recommendationState(for: resource.kind), !secrets.isEmpty {
            lines += [
                "", "## Remediation: \(Self.escape(state.recommendation.title))", "",
                Self.demote(state.recommendation.remediationMarkdown),
            ]
            for type in Set(secrets.map(\.type)).sorted() {
                let entry = model.catalog.secretType(type)
                lines += [
                    "", "### \(Self.escape(entry.title))", "",
                    Self.demote(entry.remediationMarkdown),
                ]
            }
        }
        return lines
    }

    private func recommendation(_ state: RenderContext.RecommendationState) -> [String] {
        let model = context.model
        let recommendation = state.recommendation
        var lines = header(recommendation.title, kind: "Recommendation", status: nil)
        lines += [
            "", "- Security control: \(Self.escape(recommendation.control))",
            "- Severity: **\(recommendation.severity.displayName)**",
            "- Unhealthy: \(state.unhealthyResources.count) of \(state.applicableResources.count) "
                + recommendation.resourceLabel,
        ]
        if let key = recommendation.assessmentKey { lines.append("- Assessment key: `\(Self.code(key))`") }
        if !recommendation.description.isEmpty { lines += ["", Self.escape(recommendation.description)] }
        if !state.unhealthyResources.isEmpty {
            lines += ["", "## Unhealthy resources", "", "| Resource | Type | Secrets |", "|---|---|---|"]
            for position in state.unhealthyResources {
                let resource = model.resources[position]
                lines.append(
                    "| \(Self.cell(resource.name)) | \(resource.kind.displayName) | "
                        + "\(model.secretsByResource[resource.id]?.count ?? 0) |")
            }
        }
        lines += [
            "", "## Remediation", "", Self.demote(recommendation.remediationMarkdown),
        ]
        return lines
    }

    private func attackPath(_ path: AttackPath) -> [String] {
        var lines = header(
            path.name, kind: "Attack path", status: context.changes?.status(.attackPath, path.siteID))
        lines += ["", "- Risk level: **\(path.riskLevel.displayName)**"]
        if let source = path.source { lines.append("- Source: \(Self.escape(source))") }
        if let description = path.description { lines += ["", Self.escape(description)] }
        if let impact = path.potentialImpact {
            lines += ["", "**Potential impact.** " + Self.escape(impact)]
        }
        if !path.riskFactors.isEmpty {
            lines += ["", "## Risk factors", ""] + path.riskFactors.map { "- " + Self.escape($0) }
        }
        lines += ["", "## Hops", ""]
        for (offset, node) in path.steps.enumerated() {
            lines.append("\(offset + 1). " + describe(node))
        }
        if !path.attackStory.isEmpty {
            lines += ["", "## Attack story", ""] + path.attackStory.map { "- " + Self.escape($0) }
        }
        if !path.mitre.isEmpty {
            lines += ["", "## MITRE ATT&CK", ""] + path.mitre.map { "- " + Self.escape($0) }
        }
        var seen = Set<String>()
        var remediation: [String] = []
        for case .secret(let fingerprint) in path.steps {
            guard let secret = context.model.secret(fingerprint: fingerprint),
                seen.insert(secret.type).inserted
            else { continue }
            let type = context.model.catalog.secretType(secret.type)
            remediation += [
                "", "### Revoke and rotate: \(Self.escape(type.title))", "",
                Self.demote(type.remediationMarkdown),
            ]
        }
        if !remediation.isEmpty { lines += ["", "## Remediation"] + remediation }
        return lines
    }

    private func describe(_ node: GraphNode) -> String {
        let model = context.model
        switch node {
        case .internet:
            return "Internet"
        case .resource(let id):
            guard let resource = model.resource(id) else {
                return "`\(Self.code(id))` (not in the inventory)"
            }
            return Self.escape(resource.name) + " (\(resource.kind.displayName))"
        case .secret(let fingerprint):
            guard let secret = model.secret(fingerprint: fingerprint) else {
                return "Secret `\(Self.code(Secret.shorten(fingerprint)))`"
            }
            return Self.escape(model.catalog.secretType(secret.type).title)
                + " `\(Self.code(secret.shortFingerprint))`"
        }
    }

    private func inputs() -> String {
        let model = context.model
        let sources =
            model.scanSources.isEmpty ? "no scan source named" : model.scanSources.joined(separator: "; ")
        return "inputs: " + Self.escape(sources) + " · "
            + (model.scanTime.map { "scan of " + $0.display } ?? "no scan time given")
    }

    private func link(_ url: String) -> String {
        baseURL == nil ? "`\(Self.code(url))` (relative to the published report)" : "<\(url)>"
    }

    /// Backslash before every ASCII punctuation mark Markdown may read as syntax.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\n" || character == "\r" {
                out.append(" ")
            } else if "\\`*_[]<>#|~".contains(character) {
                out.append("\\")
                out.append(character)
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Catalog Markdown placed under a second-level heading: its headings one level deeper.
    static func demote(_ markdown: String) -> String {
        markdown.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { $0.hasPrefix("#") ? "#" + $0 : String($0) }.joined(separator: "\n")
    }

    /// Text for a table cell: escaped, so `|` cannot end the cell.
    static func cell(_ text: String) -> String {
        escape(text)
    }

    /// Text inside a code span: a backtick would end it, so it becomes a quote.
    static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }
}
