/// Reads the members of one JSON object, checking each type and collecting every problem
/// instead of stopping at the first, so `validate` can list them all.
struct RecordReader {
    /// One problem: the JSON path of the member (relative to the file or line) and what was expected.
    struct Problem: Equatable {
        let severity: Diagnostic.Severity
        let path: String
        let message: String
    }

    /// Member names that would hold a secret value, compared without case.
    ///
    /// Native input never carries one.
    static let forbiddenKeys: Set<String> = [
        "value", "secret", "secrets", "raw", "rawv2", "rawvalue", "secretvalue", "plaintext", "match",
        "snippet",
        "password", "passphrase", "token", "accesstoken", "privatekey", "connectionstring", "apikey",
        "accesskey",
        "secretkey", "clientsecret", "credential", "credentials",
    ]

    /// Whether a member name would hold a secret value: compared without case, `_` or `-`, so
    /// `private_key`, `Client-Secret` and TruffleHog's `RawV2` are all caught.
    ///
    /// Every member of every record is checked, so an ASCII key (all of them, in practice) is
    /// compared byte by byte without making a string; lowercasing and filtering characters cost a
    /// quarter of reading. Other keys take the general path, where a non-ASCII letter may still
    /// lowercase to ASCII (the Kelvin sign to `k`).
    static func isForbidden(_ key: String) -> Bool {
        var key = key
        if let forbidden = key.withUTF8(isForbiddenASCII) { return forbidden }
        return forbiddenKeys.contains(String(key.lowercased().filter { $0 != "_" && $0 != "-" }))
    }

    private static let forbiddenKeyBytes = forbiddenKeys.map { Array($0.utf8) }
    private static let longestForbiddenKey = forbiddenKeyBytes.map(\.count).max() ?? 0

    /// ``isForbidden(_:)`` for a key of ASCII bytes; nil for any other key.
    private static func isForbiddenASCII(_ key: UnsafeBufferPointer<UInt8>) -> Bool? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestForbiddenKey) { normalized in
            var count = 0
            var tooLong = false
            for byte in key {
                guard byte < 0x80 else { return nil }
                if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") { continue }
                guard count < normalized.count else {
                    tooLong = true
                    continue
                }
                let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                normalized[count] = isUpper ? byte + 32 : byte
                count += 1
            }
            guard !tooLong else { return false }
            let name = UnsafeBufferPointer(rebasing: normalized[0..<count])
            return forbiddenKeyBytes.contains { $0.count == count && $0.elementsEqual(name) }
        }
    }

    let object: JSONObject
    let path: String
    private(set) var problems: [Problem] = []

    init(_ object: JSONObject, path: String) {
        self.object = object
        self.path = path
        checkForbiddenKeys(in: .object(object), path: path)
    }

    private func memberPath(_ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    private mutating func fail(_ key: String, _ message: String) {
        problems.append(Problem(severity: .error, path: memberPath(key), message: message))
    }

    /// Warns about members this record does not define (a likely typo).
    mutating func warnAboutUnknownKeys(known: Set<String>) {
        for member in object.members
        where !known.contains(member.key) && !Self.isForbidden(member.key) {
            problems.append(
                Problem(
                    severity: .warning, path: memberPath(member.key), message: "unknown member is ignored."))
        }
    }

    private mutating func checkForbiddenKeys(in value: JSONValue, path: String) {
        // Paths are only spelled out for a member that is reported or looked into: most members of
        // most records are plain values, and joining a path for each was most of this check's time.
        switch value {
        case .object(let object):
            for member in object.members {
                if Self.isForbidden(member.key) {
                    problems.append(
                        Problem(
                            severity: .error, path: path.isEmpty ? member.key : path + "." + member.key,
                            message: "native input never carries secret values; remove \"\(member.key)\" "
                                + "and give the secret's fingerprint instead."))
                } else if member.value.isContainer {
                    checkForbiddenKeys(
                        in: member.value, path: path.isEmpty ? member.key : path + "." + member.key)
                }
            }
        case .array(let elements):
            for (offset, element) in elements.enumerated() where element.isContainer {
                checkForbiddenKeys(in: element, path: "\(path)[\(offset)]")
            }
        default:
            break
        }
    }

    /// A required non-empty string.
    mutating func requiredString(_ key: String) -> String? {
        guard let value = object[key] else {
            fail(key, "missing required member; expected a non-empty string.")
            return nil
        }
        return string(key, value)
    }

    /// An optional string; absent or null gives nil.
    mutating func optionalString(_ key: String) -> String? {
        guard let value = object[key], value != .null else { return nil }
        return string(key, value)
    }

    private mutating func string(_ key: String, _ value: JSONValue) -> String? {
        guard case .string(let text) = value, !text.isEmpty else {
            fail(key, "expected a non-empty string, found \(value.summary).")
            return nil
        }
        return text
    }

    /// An optional boolean with a default.
    mutating func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let value = object[key], value != .null else { return defaultValue }
        guard case .bool(let flag) = value else {
            fail(key, "expected true or false, found \(value.summary).")
            return defaultValue
        }
        return flag
    }

    /// An optional whole number no smaller than `minimum`.
    mutating func optionalInt(_ key: String, minimum: Int) -> Int? {
        guard let value = object[key], value != .null else { return nil }
        guard case .number(let number, true) = value, number >= Double(minimum), number <= 1e15 else {
            fail(key, "expected an integer ≥ \(minimum), found \(value.summary).")
            return nil
        }
        return Int(number)
    }

    /// An optional RFC 3339 timestamp.
    mutating func optionalTimestamp(_ key: String) -> Timestamp? {
        guard let text = optionalString(key) else { return nil }
        guard let timestamp = Timestamp(rfc3339: text) else {
            fail(key, "expected an RFC 3339 timestamp such as \"2026-11-20T06:00:00Z\".")
            return nil
        }
        return timestamp
    }

    /// A required value from a fixed set of strings.
    mutating func requiredEnum<Value: RawRepresentable & CaseIterable>(_ key: String, _ type: Value.Type)
        -> Value?
    where Value.RawValue == String {
        guard object[key] != nil else {
            fail(key, "missing required member; expected one of \(Self.choices(type)).")
            return nil
        }
        return optionalEnum(key, type)
    }

    /// An optional value from a fixed set of strings.
    mutating func optionalEnum<Value: RawRepresentable & CaseIterable>(_ key: String, _ type: Value.Type)
        -> Value?
    where Value.RawValue == String {
        guard let value = object[key], value != .null else { return nil }
        // Only listed cases are accepted: a case kept out of `allCases` (Cloud.unknown) is internal.
        guard case .string(let text) = value, let parsed = Value(rawValue: text),
            Value.allCases.contains(where: { $0.rawValue == text })
        else {
            fail(key, "expected one of \(Self.choices(type)), found \(value.quotedSummary).")
            return nil
        }
        return parsed
    }

    private static func choices<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) -> String
    where Value.RawValue == String {
        type.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// An optional array of non-empty strings; absent gives an empty array.
    mutating func stringArray(_ key: String) -> [String] {
        indexedStrings(key).map(\.text)
    }

    /// The non-empty strings of an optional array with their positions in it, so a later check
    /// can name the right element after a bad one was dropped.
    private mutating func indexedStrings(_ key: String) -> [(offset: Int, text: String)] {
        guard let value = object[key], value != .null else { return [] }
        guard case .array(let elements) = value else {
            fail(key, "expected an array of strings, found \(value.summary).")
            return []
        }
        var result: [(offset: Int, text: String)] = []
        for (offset, element) in elements.enumerated() {
            if case .string(let text) = element, !text.isEmpty {
                result.append((offset, text))
            } else {
                fail("\(key)[\(offset)]", "expected a non-empty string, found \(element.summary).")
            }
        }
        return result
    }

    /// An optional object whose values are strings; absent gives an empty list.
    ///
    /// Sorted by key.
    mutating func stringMap(_ key: String) -> [Resource.Tag] {
        guard let value = object[key], value != .null else { return [] }
        guard case .object(let map) = value else {
            fail(key, "expected an object of string values, found \(value.summary).")
            return []
        }
        var result: [Resource.Tag] = []
        for member in map.members {
            if case .string(let text) = member.value {
                result.append(Resource.Tag(key: member.key, value: text))
            } else {
                fail("\(key).\(member.key)", "expected a string, found \(member.value.summary).")
            }
        }
        return result.sorted { $0.key < $1.key }
    }

    /// A required graph node reference: a resource id, `secret:<fingerprint>` or `internet`.
    mutating func requiredNode(_ key: String) -> GraphNode? {
        requiredString(key).flatMap { node(key, $0) }
    }

    /// An optional array of graph node references, each checked like ``requiredNode(_:)``.
    mutating func nodeArray(_ key: String) -> [GraphNode] {
        var result: [GraphNode] = []
        for (offset, text) in indexedStrings(key) {
            if let checked = node("\(key)[\(offset)]", text) { result.append(checked) }
        }
        return result
    }

    /// A node reference; a `secret:` one must carry a fingerprint, so a raw value pasted there is
    /// refused rather than shown on a page.
    private mutating func node(_ key: String, _ text: String) -> GraphNode? {
        let node = GraphNode(reference: text)
        if case .secret(let fingerprint) = node, self.fingerprint(key, fingerprint) == nil { return nil }
        return node
    }

    /// A required fingerprint: `algorithm:digest` with at least 16 digest characters.
    ///
    /// The shape check is a guard against a raw value pasted where a hash belongs; such a value is
    /// never repeated in the message.
    mutating func requiredFingerprint(_ key: String) -> String? {
        requiredString(key).flatMap { fingerprint(key, $0) }
    }

    /// An optional fingerprint, checked like ``requiredFingerprint(_:)``.
    mutating func optionalFingerprint(_ key: String) -> String? {
        optionalString(key).flatMap { fingerprint(key, $0) }
    }

    /// An optional array of fingerprints, each checked like ``requiredFingerprint(_:)``.
    mutating func fingerprintArray(_ key: String) -> [String] {
        var result: [String] = []
        for (offset, text) in indexedStrings(key) {
            if let checked = fingerprint("\(key)[\(offset)]", text) { result.append(checked) }
        }
        return result
    }

    private mutating func fingerprint(_ key: String, _ text: String) -> String? {
        guard Self.isFingerprint(text) else {
            fail(
                key,
                "expected a fingerprint such as \"hmac-sha256:<hex>\" or \"SHA256:<base64>\" "
                    + "(algorithm, colon, at least 16 digest characters); the value is not shown.")
            return nil
        }
        return text
    }

    /// Whether a string has the shape `algorithm:digest`.
    static func isFingerprint(_ text: String) -> Bool {
        // On UTF-8 bytes: Character properties cost a Unicode lookup each, and this runs per finding.
        let bytes = text.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let algorithm = bytes[..<colon]
        let digest = bytes[bytes.index(after: colon)...]
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        let algorithmOK =
            !algorithm.isEmpty && algorithm.count <= 32
            && algorithm.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        let digestOK =
            digest.count >= 16 && digest.count <= 512
            && digest.allSatisfy { isAlphanumeric($0) || Array("+/=_.-".utf8).contains($0) }
        return algorithmOK && digestOK
    }
}
