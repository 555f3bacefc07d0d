/// A place in a scanner's JSON report, for reading optional members without nested `guard case`s.
///
/// A missing member reads as an empty node, so `node["a"]["b"].string` is nil rather than a crash.
struct ReportNode {
    let value: JSONValue?

    init(_ value: JSONValue?) {
        self.value = value
    }

    subscript(_ key: String) -> ReportNode {
        guard case .object(let object) = value else { return ReportNode(nil) }
        return ReportNode(object[key])
    }

    subscript(_ index: Int) -> ReportNode {
        guard case .array(let elements) = value, elements.indices.contains(index) else {
            return ReportNode(nil)
        }
        return ReportNode(elements[index])
    }

    var exists: Bool { value != nil && value != .null }

    var string: String? {
        guard case .string(let text) = value else { return nil }
        return text
    }

    /// A non-empty string.
    var text: String? { string.flatMap { $0.isEmpty ? nil : $0 } }

    var int: Int? {
        guard case .number(let number, true) = value, abs(number) < 1e15 else { return nil }
        return Int(number)
    }

    var bool: Bool? {
        guard case .bool(let flag) = value else { return nil }
        return flag
    }

    var isObject: Bool {
        if case .object = value { return true }
        return false
    }

    var array: [ReportNode]? {
        guard case .array(let elements) = value else { return nil }
        return elements.map(ReportNode.init)
    }

    var members: [(key: String, value: ReportNode)] {
        guard case .object(let object) = value else { return [] }
        return object.members.map { ($0.key, ReportNode($0.value)) }
    }

    /// Every string in an object's values (TruffleHog `SecretParts`), for the leak check.
    var stringValues: [String] {
        members.compactMap(\.value.string)
    }

    /// The line of the object, for JSON Lines diagnostics.
    var line: Int? {
        guard case .object(let object) = value else { return nil }
        return object.line
    }
}

extension Diagnostic {
    /// An error about a scanner report: where, and what was expected.
    static func report(_ file: String, _ location: Diagnostic.Location, _ message: String) -> Diagnostic {
        Diagnostic(.error, file: file, location: location, message: message)
    }
}
