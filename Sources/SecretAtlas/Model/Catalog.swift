/// What SecretAtlas knows about secret types and recommendations, read from `Templates/`.
///
/// The catalog is data, not code, so a team can edit remediation text and pass `--templates`.
///
/// The catalog and its secret types are classes: every page and export row looks a type up, and
/// a struct would be copied out of the model, retaining each of its strings, at every look-up.
final class Catalog: Sendable {
    /// Everything shown about one secret type: Defender's "security check".
    final class SecretType: Sendable, Equatable {
        /// The type id used in inputs, such as `ssh-private-key`.
        let id: String
        /// The security check name, such as "Insecure SSH private key".
        let title: String
        let category: String
        let severity: Severity
        let description: String
        let impact: String
        /// Remediation steps as Markdown.
        let remediationMarkdown: String
        /// False for the generic entry used for a type the catalog does not know.
        let isKnown: Bool

        init(
            id: String, title: String, category: String, severity: Severity, description: String,
            impact: String,
            remediationMarkdown: String, isKnown: Bool
        ) {
            self.id = id
            self.title = title
            self.category = category
            self.severity = severity
            self.description = description
            self.impact = impact
            self.remediationMarkdown = remediationMarkdown
            self.isKnown = isKnown
        }

        static func == (left: SecretType, right: SecretType) -> Bool {
            left.id == right.id && left.title == right.title && left.category == right.category
                && left.severity == right.severity && left.description == right.description
                && left.impact == right.impact && left.remediationMarkdown == right.remediationMarkdown
                && left.isKnown == right.isKnown
        }
    }

    /// A grouped recommendation such as "Machines should have secrets findings resolved".
    struct Recommendation: Sendable, Equatable {
        /// The file name without `.md`; also the page's file name.
        let slug: String
        let title: String
        /// The security control the recommendation sits under, such as "Remediate vulnerabilities".
        let control: String
        let severity: Severity
        /// Defender's assessment key, where one is known.
        let assessmentKey: String?
        let appliesTo: [ResourceKind]
        /// Plural noun for "n of m …", such as "virtual machines".
        let resourceLabel: String
        let description: String
        let remediationMarkdown: String
    }

    /// Known secret types by id.
    let secretTypes: [String: SecretType]
    /// The entry used, with the unknown id as title, for types the catalog lacks.
    let genericType: SecretType
    /// Recommendations sorted by control, then title.
    let recommendations: [Recommendation]

    init(secretTypes: [String: SecretType], genericType: SecretType, recommendations: [Recommendation]) {
        self.secretTypes = secretTypes
        self.genericType = genericType
        self.recommendations = recommendations
    }

    /// The catalog entry for a type id; the generic one, renamed, when the id is unknown.
    func secretType(_ id: String) -> SecretType {
        if let known = secretTypes[id] { return known }
        return SecretType(
            id: id, title: "Plaintext secret (\(id))", category: genericType.category,
            severity: genericType.severity, description: genericType.description, impact: genericType.impact,
            remediationMarkdown: genericType.remediationMarkdown, isKnown: false)
    }

    /// The recommendation that covers a resource kind, if any.
    func recommendation(for kind: ResourceKind) -> Recommendation? {
        recommendations.first { $0.appliesTo.contains(kind) }
    }
}
