/// A JSON value written into the site's `.js` data files, with one fixed spelling per value.
///
/// Data reaches pages as `<script src>` files rather than fetched JSON, because `fetch` and XHR fail
/// under `file://`. Objects keep the order they were built in and numbers are integers, so the same
/// model always gives the same bytes.
enum ScriptValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([ScriptValue])
    case object([(String, ScriptValue)])

    static func == (lhs: ScriptValue, rhs: ScriptValue) -> Bool {
        lhs.encoded == rhs.encoded
    }

    /// The value as JavaScript source (valid JSON).
    var encoded: String {
        var output = ""
        write(to: &output)
        return output
    }

    func write(to output: inout String) {
        switch self {
        case .string(let text): Self.quote(text, into: &output)
        case .int(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.quote(key, into: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    /// A JSON string literal that is also safe anywhere in a script: `<`, `>`, `&` and the line
    /// separators JavaScript once rejected in strings are escaped, so no input text can end a script.
    static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 {
                    output += "\\u" + hex4(scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A data file: registers `value` under `key` in the page-wide `SecretAtlasData` table.
    static func dataFile(key: String, value: ScriptValue) -> [UInt8] {
        var output = "window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["
        quote(key, into: &output)
        output += "]="
        value.write(to: &output)
        output += ";\n"
        return Array(output.utf8)
    }
}
