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
        guard value.utf8.contains(UInt8(ascii: "=")), value.utf8.contains(UInt8(ascii: ";")) else {
            return []
        }
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

    /// Every `scheme://[user[:password]@]host` in the value (database URLs, JDBC, SAS URLs).
    private static func fromURLs(_ value: String) -> [String] {
        let bytes = Array(value.utf8)
        var hosts: [String] = []
        var index = 1
        while index + 2 < bytes.count {
            guard bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"),
                bytes[index + 2] == UInt8(ascii: "/"), isSchemeByte(bytes[index - 1])
            else {
                index += 1
                continue
            }
            var end = index + 3
            while end < bytes.count, !isAuthorityEnd(bytes[end]) { end += 1 }
            var authority = bytes[(index + 3)..<end]
            if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
            let host = authority.prefix { isHostByte($0) }
            if !host.isEmpty { hosts.append(String(decoding: host, as: UTF8.self).lowercased()) }
            index = end
        }
        return hosts
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "-")
    }

    private static let authorityEnds = Set("/?#\"'<> \t\r\n".utf8)

    private static func isAuthorityEnd(_ byte: UInt8) -> Bool {
        authorityEnds.contains(byte)
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// `hostname:port:database:username:password` (a `.pgpass` line).
    private static func fromPgpass(_ value: String) -> [String] {
        // Four colons at least, or no line can have five fields.
        guard value.utf8.lazy.filter({ $0 == UInt8(ascii: ":") }).count >= 4 else { return [] }
        return value.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count == 5, !line.contains("://"), Int(fields[1]) != nil || fields[1] == "*" else {
                return nil
            }
            return fields[0].lowercased()
        }
    }

    /// TruffleHog's `RawV2` for Azure Storage: `{"accountName": …, "accountKey": …}`.
    private static func fromJSON(_ value: String) -> [String] {
        guard value.utf8.first == UInt8(ascii: "{"), let data = value.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [] }
        return object.compactMap { key, value in
            ["accountname", "account_name", "host", "hostname", "server"].contains(key.lowercased())
                ? (value as? String)?.lowercased() : nil
        }
    }

    /// Host name endings of cloud databases, storage and vaults.
    private static let cloudSuffixes = [
        ".database.windows.net", ".blob.core.windows.net", ".queue.core.windows.net",
        ".table.core.windows.net",
        ".file.core.windows.net", ".dfs.core.windows.net", ".documents.azure.com",
        ".postgres.database.azure.com",
        ".mysql.database.azure.com", ".mariadb.database.azure.com", ".rds.amazonaws.com", ".vault.azure.net",
    ].map { Array($0.utf8) }

    /// Cloud database and storage host names anywhere in the value (an RDS endpoint in a config line).
    private static func cloudHostnames(in value: String) -> [String] {
        // Every suffix starts with a dot and holds ".com"/".net"-like endings: no dot, no host.
        guard value.utf8.contains(UInt8(ascii: ".")) else { return [] }
        let bytes = Array(value.lowercased().utf8)
        var hosts: [String] = []
        for suffix in cloudSuffixes {
            var index = 0
            while index + suffix.count <= bytes.count {
                guard bytes[index..<(index + suffix.count)].elementsEqual(suffix) else {
                    index += 1
                    continue
                }
                var start = index
                while start > 0, isHostByte(bytes[start - 1]), bytes[start - 1] != UInt8(ascii: "_") {
                    start -= 1
                }
                let end = index + suffix.count
                if start < index, end == bytes.count || !isHostByte(bytes[end]) {
                    hosts.append(String(decoding: bytes[start..<end], as: UTF8.self))
                }
                index = end
            }
        }
        return hosts
    }
}
