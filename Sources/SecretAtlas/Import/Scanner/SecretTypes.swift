/// Each scanner's rule and detector names mapped to our secret types (the names of
/// `Templates/remediation/*.md`), one table per scanner, all here.
///
/// A rule in no table keeps its own name as its type; the model shows it as a generic secret
/// ("Plaintext secret (generic-api-key)") and warns once per name. Rules that name no particular
/// kind of secret (entropy, `generic-api-key`, JWTs) are left out on purpose, so their names stay.
enum SecretTypes {
    static let privateKey = "private-key"
    static let sshPrivateKey = "ssh-private-key"
    static let generic = "generic"
    static let password = "general-password"

    /// gitleaks v8 rule ids (`config/gitleaks.toml`), for its JSON, CSV and SARIF reports.
    static let gitleaks: [String: String] = [
        "aws-access-token": "aws-access-key",
        "aws-access-key": "aws-access-key",
        "aws-secret-access-key": "aws-access-key",
        "aws-amazon-bedrock-api-key-long-lived": "aws-access-key",
        "github-pat": "github-pat",
        "github-fine-grained-pat": "github-pat",
        "github-oauth": "github-pat",
        "github-app-token": "github-pat",
        "github-refresh-token": "github-pat",
        "private-key": privateKey,
        "slack-bot-token": "slack-token",
        "slack-user-token": "slack-token",
        "slack-app-token": "slack-token",
        "slack-config-access-token": "slack-token",
        "slack-config-refresh-token": "slack-token",
        "slack-legacy-token": "slack-token",
        "slack-legacy-bot-token": "slack-token",
        "slack-legacy-workspace-token": "slack-token",
        "slack-webhook-url": "slack-token",
        "slack-access-token": "slack-token",
        "stripe-access-token": "stripe-key",
        "npm-access-token": "npm-token",
        "azure-ad-client-secret": "entra-client-secret",
        "kubernetes-secret-yaml": "kubernetes-service-account-token",
    ]

    /// TruffleHog v3 `DetectorName`s (`proto/detector_type.proto`), also its SARIF rule ids.
    static let truffleHog: [String: String] = [
        "AWS": "aws-access-key",
        "AWSSessionKey": "aws-access-key",
        "Github": "github-pat",
        "GitHubOauth2": "github-pat",
        "GithubApp": "github-pat",
        "PrivateKey": privateKey,
        "Slack": "slack-token",
        "SlackWebhook": "slack-token",
        "Stripe": "stripe-key",
        "NpmToken": "npm-token",
        "NpmTokenV2": "npm-token",
        "AzureStorage": "azure-storage-connection-string",
        "AzureSAS": "azure-storage-sas-token",
        "Azure": "entra-client-secret",
        "AzureEntraClientSecret": "entra-client-secret",
        "AzureCosmosDBKeyIdentifiable": "azure-cosmosdb-connection-string",
        "SQLServer": "azure-sql-connection-string",
        "Postgres": password,
        "JDBC": password,
        "URI": password,
        "MongoDB": password,
        "Redis": password,
        "FTP": password,
        "LDAP": password,
    ]

    /// truffleHog 2.x (legacy JSON) `reason`s: its regex names, plus `High Entropy`.
    static let truffleHogLegacy: [String: String] = [
        "AWS API Key": "aws-access-key",
        "RSA private key": privateKey,
        "SSH (DSA) private key": sshPrivateKey,
        "SSH (EC) private key": sshPrivateKey,
        "SSH (OPENSSH) private key": sshPrivateKey,
        "PGP private key block": privateKey,
        "GitHub": "github-pat",
        "Slack Token": "slack-token",
        "Slack Webhook": "slack-token",
        "Stripe API Key": "stripe-key",
        "Password in URL": password,
    ]

    /// detect-secrets plugin `secret_type`s; checkov's secrets framework reports the same names as
    /// `check_name`.
    static let detectSecrets: [String: String] = [
        "AWS Access Key": "aws-access-key",
        "Azure Storage Account access key": "azure-storage-connection-string",
        "Basic Auth Credentials": password,
        "GitHub Token": "github-pat",
        "NPM tokens": "npm-token",
        "Private Key": privateKey,
        "Secret Keyword": password,
        "Slack Token": "slack-token",
        "Stripe Access Key": "stripe-key",
    ]

    /// checkov `check_id`s, for records without a `check_name` and for its SARIF rule ids.
    static let checkov: [String: String] = [
        "CKV_SECRET_2": "aws-access-key",
        "CKV_SECRET_3": "azure-storage-connection-string",
        "CKV_SECRET_4": password,
        "CKV_SECRET_10": password,
        "CKV_SECRET_12": "npm-token",
        "CKV_SECRET_13": privateKey,
        "CKV_SECRET_14": "slack-token",
        "CKV_SECRET_17": "stripe-key",
    ]

    /// Words in the rule ids of SARIF tools with no table of their own (kingfisher, a CI's own
    /// scanner), tried in order on the rule id and its description.
    static let keywords: [(words: [String], type: String)] = [
        (["openssh", "ssh"], sshPrivateKey),
        (["private-key", "private_key", "privatekey", "private key", "rsa", "pem"], privateKey),
        (["aws", "amazon"], "aws-access-key"),
        (["github", "ghp_"], "github-pat"),
        (["slack"], "slack-token"),
        (["stripe"], "stripe-key"),
        (["npm"], "npm-token"),
        (["sas"], "azure-storage-sas-token"),
        (["storage", "azure-storage"], "azure-storage-connection-string"),
        (["client-secret", "client_secret", "clientsecret", "entra", "azure-ad"], "entra-client-secret"),
        (["password", "passwd", "pwd", "credential", "basic-auth", "basic auth"], password),
    ]

    /// Our type for a rule: the table's entry, else the rule's own name (a generic secret).
    static func type(for rule: String, in table: [String: String]) -> String {
        table[rule] ?? rule
    }

    /// Our type for a rule of a SARIF tool without a table: keyword match, else the rule's name.
    static func typeByKeywords(rule: String, description: String?) -> String {
        let text = (rule + " " + (description ?? "")).lowercased()
        for entry in keywords where entry.words.contains(where: { text.contains($0) }) {
            return entry.type
        }
        return rule
    }

    static func isPrivateKey(_ type: String) -> Bool {
        type == privateKey || type == sshPrivateKey
    }

    /// A more specific type from what the value and its hosts show: a password in a URL to an Azure
    /// PostgreSQL server is that server's connection string; a URL signed with `sig=` is a SAS token.
    static func refine(_ type: String, rawValues: [String], hosts: [String]) -> String {
        guard [generic, password, "azure-storage-connection-string"].contains(type) || !isKnown(type) else {
            return type
        }
        let text = rawValues.joined(separator: "\n")
        let lower = text.lowercased()
        // Byte searches: Foundation's `contains` bridges to NSString for every finding.
        func has(_ word: String) -> Bool { UTF8Search.contains(lower, word) }
        if has(".core.windows.net"), has("sig=") { return "azure-storage-sas-token" }
        if has("x-amz-signature=") { return "aws-s3-presigned-url" }
        if has("accountkey="), has("accountname=") {
            return "azure-storage-connection-string"
        }
        if has("accountendpoint="), has("documents.azure.com") {
            return "azure-cosmosdb-connection-string"
        }
        for host in hosts {
            if host.hasSuffix(".database.windows.net") { return "azure-sql-connection-string" }
            if host.hasSuffix(".postgres.database.azure.com") { return "azure-postgresql-connection-string" }
            if host.hasSuffix(".mysql.database.azure.com") { return "azure-mysql-connection-string" }
            if host.hasSuffix(".mariadb.database.azure.com") { return "azure-mariadb-connection-string" }
            if host.hasSuffix(".rds.amazonaws.com") { return "aws-rds-connection-string" }
            if host.hasSuffix(".documents.azure.com") { return "azure-cosmosdb-connection-string" }
        }
        return type
    }

    private static let knownTypes: Set<String> = Set(
        [gitleaks, truffleHog, truffleHogLegacy, detectSecrets, checkov].flatMap(\.values))

    static func isKnown(_ type: String) -> Bool { knownTypes.contains(type) }
}
