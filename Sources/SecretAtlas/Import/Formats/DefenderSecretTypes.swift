/// Defender for Cloud's secret type names → SecretAtlas's secret type ids (`Templates/remediation/<id>.md`).
///
/// Defender names types in prose ("Plaintext Azure SQL connection string", "Insecure SSH private
/// key", defender-views.md §2.1) and exports spell them in several ways, so names are compared as
/// lowercase letters and digits only, by the words they contain, most specific rule first.
enum DefenderSecretTypes {
    /// (words the squeezed name must all contain, type id); the first matching rule wins.
    static let rules: [(words: [String], type: String)] = [
        (["ssh"], "ssh-private-key"),
        (["rds"], "aws-rds-connection-string"),
        (["aurora"], "aws-rds-connection-string"),
        (["cosmos"], "azure-cosmosdb-connection-string"),
        (["postgres"], "azure-postgresql-connection-string"),
        (["mariadb"], "azure-mariadb-connection-string"),
        (["mysql"], "azure-mysql-connection-string"),
        (["storage", "sas"], "azure-storage-sas-token"),
        (["storage", "connectionstring"], "azure-storage-connection-string"),
        (["sql", "connectionstring"], "azure-sql-connection-string"),
        (["s3", "presigned"], "aws-s3-presigned-url"),
        (["awsaccesskey"], "aws-access-key"),
        (["clientsecret"], "entra-client-secret"),
        (["github"], "github-pat"),
        (["npm"], "npm-token"),
        (["slack"], "slack-token"),
        (["generalpassword"], "general-password"),
        (["privatekey"], "private-key"),
    ]

    /// The type id for a Defender name, or nil when no rule knows it (the caller keeps the name,
    /// and the model shows it as a generic secret with a warning).
    static func typeID(for defenderName: String) -> String? {
        let squeezed = String(defenderName.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        return rules.first { rule in rule.words.allSatisfy { squeezed.contains($0) } }?.type
    }
}
