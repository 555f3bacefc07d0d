import Foundation

/// The host and account names a raw secret value names.
///
/// They are the server of a connection string, JDBC/ODBC or database URL, the account of an Azure storage connection string or SAS URL, the host of a
/// `.pgpass` line, an RDS endpoint. Lowercased, sorted, without duplicates.
///
/// Target resolution (issue 3) matches these to inventory entries; the value itself is not kept.
enum TargetHosts {
    /// Connection-string keys whose value is a server, possibly `tcp:host,port` or `host:port`.
    private static let serverKeys: Set<String> = [
        "server", "data source", "datasource", "host", "hostname", "address", "addr", "network address",
        "accountendpoint", "blobendpoint", "queueendpoint", "tableendpoint", "fileendpoint", "endpoint",
        "servername",
    ]

    static func parse(_ values: [String]) -> [String] {
        var hosts = Set<String>()
        for value in values where !value.isEmpty {
            hosts.formUnion(fromKeyValuePairs(value))
            hosts.formUnion(fromURLs(value))
            hosts.formUnion(fromPgpass(value))
            hosts.formUnion(fromJSON(value))
            hosts.formUnion(cloudHostnames(in: value))
        }
        return hosts.filter { !$0.isEmpty && $0 != "localhost" && $0 != "*" }.sorted()
    }

    /// `Key=Value;Key=Value` (ADO.NET, ODBC, Azure Storage, Cosmos DB, JDBC SQL Server properties).
    private static func fromKeyValuePairs(_ value: String) -> [String] {
        guard value.contains("="), value.contains(";") else { return [] }
        var hosts: [String] = []
        var accountName: String?
        var suffix: String?
        for pair in value.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            let text = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'{}"))
            if key == "accountname" { accountName = text.lowercased() }
            if key == "endpointsuffix" { suffix = text.lowercased() }
            if serverKeys.contains(key), let host = hostOf(text) { hosts.append(host) }
        }
        if let accountName {
            hosts.append(accountName)
            if let suffix { hosts.append("\(accountName).blob.\(suffix)") }
        }
        return hosts
    }

    /// `tcp:host,1433`, `host:5432`, `https://host:443/` → host.
    private static func hostOf(_ text: String) -> String? {
        var host = Substring(text)
        if let scheme = host.range(of: "://") { host = host[scheme.upperBound...] }
        if host.lowercased().hasPrefix("tcp:") { host = host.dropFirst(4) }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        host = host.prefix { !",:/\\?;".contains($0) }
        let result = host.trimmingCharacters(in: .whitespaces).lowercased()
        return result.isEmpty || result.contains(" ") ? nil : result
    }

    private static let urlPattern = regex(
        pattern: #"(?:jdbc:)?[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^\s/@"'<>]*@)?([A-Za-z0-9._-]+)"#)

    /// A fixed expression; a typo in one fails every test that parses a value.
    private static func regex(pattern: String) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            preconditionFailure("invalid built-in expression: \(error)")
        }
    }

    /// Every `scheme://[user[:password]@]host` in the value (database URLs, JDBC, SAS URLs).
    private static func fromURLs(_ value: String) -> [String] {
        let range = NSRange(value.startIndex..., in: value)
        return urlPattern.matches(in: value, range: range).compactMap { match in
            Range(match.range(at: 1), in: value).map { value[$0].lowercased() }
        }.filter { $0.contains(".") || !$0.isEmpty }
    }

    /// `hostname:port:database:username:password` (a `.pgpass` line).
    private static func fromPgpass(_ value: String) -> [String] {
        value.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count == 5, !line.contains("://"), Int(fields[1]) != nil || fields[1] == "*" else {
                return nil
            }
            return fields[0].lowercased()
        }
    }

    /// TruffleHog's `RawV2` for Azure Storage: `{"accountName": …, "accountKey": …}`.
    private static func fromJSON(_ value: String) -> [String] {
        guard value.hasPrefix("{"), let data = value.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [] }
        return object.compactMap { key, value in
            ["accountname", "account_name", "host", "hostname", "server"].contains(key.lowercased())
                ? (value as? String)?.lowercased() : nil
        }
    }

    private static let cloudHostPattern = regex(
        pattern:
            #"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:database\.windows\.net|(?:blob|queue|table|file|dfs)\.core\.windows\.net|documents\.azure\.com|(?:postgres|mysql|mariadb)\.database\.azure\.com|rds\.amazonaws\.com|vault\.azure\.net)"#
    )

    /// Cloud database and storage host names anywhere in the value (an RDS endpoint in a config line).
    private static func cloudHostnames(in value: String) -> [String] {
        let range = NSRange(value.startIndex..., in: value)
        return cloudHostPattern.matches(in: value, range: range).compactMap { match in
            Range(match.range, in: value).map { value[$0].lowercased() }
        }
    }
}
