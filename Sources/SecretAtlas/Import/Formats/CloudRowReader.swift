internal import Crypto
import Foundation

/// Reads members of cloud-export rows (Azure Resource Graph, Log Analytics, AWS and gcloud output),
/// collecting a diagnostic with the file and JSON path for every member of the wrong type.
///
/// Cloud exports spell the same member in different cases (`resourceDetails.Id` and `.id`,
/// `Source` and `source`), so names are matched exactly first and then without case.
/// Unlike ``RecordReader`` this does not refuse secret-like member names: these are other tools'
/// documents, which never hold secret values in the members read here.
struct CloudRowReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    // MARK: - Lookup

    /// The member named `name`, matched exactly first and then without case.
    static func member(_ object: JSONObject, _ name: String) -> JSONValue? {
        if let exact = object[name] { return exact }
        let lowered = name.lowercased()
        return object.members.first { $0.key.lowercased() == lowered }?.value
    }

    /// The first of `names` the object has (not null), with its path under `path`.
    static func first(_ object: JSONObject, _ names: [String], path: String) -> (
        value: JSONValue, path: String
    )? {
        for name in names {
            if let value = member(object, name), value != .null { return (value, join(path, name)) }
        }
        return nil
    }

    /// `path.name`, or `name` at the top.
    static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : path + "." + name
    }

    /// A nested object such as `properties.additionalData`; nil when absent or not an object.
    static func object(_ object: JSONObject, _ names: String...) -> JSONObject? {
        var current = object
        for name in names {
            guard case .object(let next) = member(current, name) else { return nil }
            current = next
        }
        return current
    }

    /// A string member without diagnostics, for recognising shapes.
    static func text(_ object: JSONObject, _ name: String) -> String? {
        if case .string(let text) = member(object, name), !text.isEmpty { return text }
        return nil
    }

    /// How many errors were reported so far; a record whose members added one is not kept, as in
    /// the native format, so a build never proceeds on half-read records.
    var errorCount: Int {
        diagnostics.lazy.filter { $0.severity == .error }.count
    }

    // MARK: - Typed members with diagnostics

    mutating func error(_ path: String, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, location: .path(path), message: message))
    }

    mutating func warning(_ path: String, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, location: .path(path), message: message))
    }

    /// The first present string of `names`; a missing one is an error when `required` (naming
    /// `expected`), a present one of another type always is.
    mutating func string(
        _ object: JSONObject, _ names: [String], path: String, required: Bool = false,
        expected: String? = nil
    ) -> String? {
        guard let (value, place) = Self.first(object, names, path: path) else {
            if required {
                let what = expected ?? "a non-empty string"
                error(
                    Self.join(path, names[0]),
                    "missing required member; expected \(what)"
                        + (names.count > 1 ? " (or \(names.dropFirst().joined(separator: ", ")))." : "."))
            }
            return nil
        }
        switch value {
        case .string(let text) where !text.isEmpty: return text
        case .string where !required: return nil
        default:
            error(place, "expected \(expected ?? "a non-empty string"), found \(value.summary).")
            return nil
        }
    }

    /// A list of strings: an array of strings, or one string (some exports flatten single values).
    mutating func strings(_ object: JSONObject, _ names: [String], path: String) -> [String] {
        guard let (value, place) = Self.first(object, names, path: path) else { return [] }
        switch value {
        case .string(let text): return text.isEmpty ? [] : [text]
        case .array(let elements):
            var result: [String] = []
            for (offset, element) in elements.enumerated() {
                switch element {
                case .string(let text) where !text.isEmpty: result.append(text)
                case .string, .null: break
                default: error("\(place)[\(offset)]", "expected a string, found \(element.summary).")
                }
            }
            return result
        default:
            error(place, "expected an array of strings, found \(value.summary).")
            return []
        }
    }

    /// An RFC 3339 timestamp; anything else is an error naming the expected shape.
    mutating func timestamp(_ object: JSONObject, _ names: [String], path: String) -> Timestamp? {
        guard let (value, place) = Self.first(object, names, path: path) else { return nil }
        guard case .string(let text) = value, let time = Timestamp(rfc3339: text) else {
            error(
                place,
                "expected an RFC 3339 timestamp such as \"2026-11-20T06:00:00Z\", found \(value.summary).")
            return nil
        }
        return time
    }

    /// A boolean, also accepting the strings "true" and "false" that some exports write.
    mutating func bool(_ object: JSONObject, _ names: [String], path: String) -> Bool? {
        guard let (value, place) = Self.first(object, names, path: path) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .string(let text) where text.lowercased() == "true": return true
        case .string(let text) where text.lowercased() == "false": return false
        default:
            error(place, "expected true or false, found \(value.summary).")
            return nil
        }
    }

    /// Tags or labels: an object of string values, sorted by key.
    mutating func tags(_ object: JSONObject, _ names: [String], path: String) -> [Resource.Tag] {
        guard let (value, place) = Self.first(object, names, path: path) else { return [] }
        guard case .object(let map) = value else {
            error(place, "expected an object of string values, found \(value.summary).")
            return []
        }
        var result: [Resource.Tag] = []
        for member in map.members {
            switch member.value {
            case .string(let text): result.append(Resource.Tag(key: member.key, value: text))
            case .number, .bool: result.append(Resource.Tag(key: member.key, value: member.value.summary))
            default: error(Self.join(place, member.key), "expected a string, found \(member.value.summary).")
            }
        }
        return result.sorted { $0.key < $1.key }
    }

    /// The elements of an array member that are objects, each with its path; other elements are errors.
    mutating func objects(_ object: JSONObject, _ names: [String], path: String) -> [(JSONObject, String)] {
        guard let (value, place) = Self.first(object, names, path: path) else { return [] }
        guard case .array(let elements) = value else {
            error(place, "expected an array of objects, found \(value.summary).")
            return []
        }
        var result: [(JSONObject, String)] = []
        for (offset, element) in elements.enumerated() {
            if case .object(let child) = element {
                result.append((child, "\(place)[\(offset)]"))
            } else {
                error("\(place)[\(offset)]", "expected an object, found \(element.summary).")
            }
        }
        return result
    }
}

/// Small pure helpers shared by the cloud formats.
enum CloudIDs {
    /// ARM ids are case-insensitive and Resource Graph returns them in either case (the `resources`
    /// table keeps `resourceGroups/…/Microsoft.Compute`, `securityresources` lowercases), so Azure ids
    /// are lowercased everywhere for the same resource to meet itself across files.
    static func azure(_ id: String) -> String {
        id.lowercased()
    }

    /// GCP names an instance by its self link (`https://www.googleapis.com/compute/v1/projects/p/zones/z/instances/n`),
    /// by its full resource name (`//compute.googleapis.com/projects/…`) or relatively (`projects/…`);
    /// all become the v1 self link, the id the gcloud inventory uses, so they meet across files.
    static func gcp(_ id: String) -> String {
        guard let range = id.range(of: "projects/") else { return id }
        let relative = id[range.lowerBound...]
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[2] == "zones", parts[4] == "instances" else { return id }
        return "https://www.googleapis.com/compute/v1/" + relative
    }

    /// The id in the form used for its cloud: ARM ids lowercased, GCP instance names as self links.
    static func normalized(_ id: String) -> String {
        if id.contains("googleapis.com/") || id.hasPrefix("projects/") { return gcp(id) }
        return id.hasPrefix("/") ? azure(id) : id
    }

    /// The resource an ARM child id hangs under: everything before `/providers/Microsoft.Security/`.
    static func parentResource(ofSecurityID id: String) -> String? {
        guard let range = id.range(of: "/providers/microsoft.security/", options: .caseInsensitive),
            range.lowerBound > id.startIndex
        else { return nil }
        return String(id[..<range.lowerBound])
    }

    /// The last path component of an ARM id or URL.
    static func lastComponent(_ text: String) -> String {
        text.split(separator: "/").last.map(String.init) ?? text
    }

    /// The host of a URL such as `https://stor.blob.core.windows.net/`, lowercased; nil for non-URLs.
    static func host(ofURL text: String) -> String? {
        guard let host = URLComponents(string: text)?.host, !host.isEmpty else { return nil }
        return host.lowercased()
    }

    /// A fingerprint in the model's `algorithm:digest` shape for an identifier a cloud service gives
    /// a secret (Defender never exposes the value): the identifier's SHA-256.
    static func fingerprint(ofIdentifier identifier: String) -> String {
        "sha256:" + StableID.hexDigest(identifier)
    }

    /// The OpenSSH fingerprint (`SHA256:<base64, no padding>`) of a public key line such as
    /// `ssh-ed25519 AAAA… comment`, or nil when the line holds no key.
    ///
    /// Public keys are not secrets; their fingerprints tie a private key found on one machine to
    /// the machines that trust it.
    static func sshFingerprint(ofPublicKeyLine line: String) -> String? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let keyField = fields.first(where: { $0.hasPrefix("AAAA") }),
            let blob = Data(base64Encoded: String(keyField)), blob.count > 16
        else { return nil }
        var base64 = Data(SHA256.hash(data: blob)).base64EncodedString()
        while base64.hasSuffix("=") { base64.removeLast() }
        return "SHA256:" + base64
    }
}
