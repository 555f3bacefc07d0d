/// A parsed JSON value.
///
/// Objects keep their keys in input order and the line they start on,
/// so a problem found later can still be reported at its place in the file.
enum JSONValue: Sendable, Equatable {
    case string(String)
    /// A number with whether it was written without fraction or exponent.
    case number(Double, isInteger: Bool)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object(JSONObject)

    /// Whether it is an object or an array, which can hold other values.
    var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    /// The value's type, and its value for numbers, booleans and null, for error messages.
    ///
    /// Text is never repeated: a secret pasted into the wrong field must not reach a terminal or a
    /// CI log through the error that reports it.
    var summary: String {
        switch self {
        case .string(let text):
            return text.isEmpty ? "an empty string" : "a string"
        case .number(let value, let isInteger):
            return isInteger && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): return String(value)
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Like ``summary``, but shows text (up to 40 characters), for fields whose valid values form a
    /// closed vocabulary (a kind, a cloud, the format version), where seeing the typo is the help.
    var quotedSummary: String {
        guard case .string(let text) = self else { return summary }
        return "\"" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "\""
    }
}

/// A JSON object: ordered members and the 1-based line of its opening brace.
struct JSONObject: Sendable, Equatable {
    let members: [(key: String, value: JSONValue)]
    let line: Int

    subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.line == rhs.line
            && lhs.members.elementsEqual(rhs.members) { $0.key == $1.key && $0.value == $1.value }
    }
}
