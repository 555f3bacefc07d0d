/// A strict JSON parser (RFC 8259) that reports errors at a line and column.
///
/// Written by hand because Foundation's parsers on Linux report only "not valid JSON" or a character
/// offset, accept duplicate keys silently, and have no nesting limit; SecretAtlas must name the place
/// of every problem in files an attacker may have shaped.
struct JSONParser {
    /// A syntax error at a 1-based line and column.
    struct SyntaxError: Error, Equatable {
        let line: Int
        let column: Int
        let detail: String
    }

    /// Deepest nesting accepted; deeper input is refused rather than risking the stack.
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    /// Parses one complete JSON text.
    ///
    /// A UTF-8 byte-order mark at the start is skipped.
    /// - Throws: ``SyntaxError``.
    static func parse(_ bytes: [UInt8], firstLine: Int = 1) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.line = firstLine
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.index = 3
            parser.lineStart = 3
        }
        parser.skipWhitespace()
        guard parser.index < bytes.count else {
            throw parser.error("expected a JSON value, found the end of the file")
        }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.error("expected the end of the JSON text, found \(parser.describeCurrent())")
        }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func error(_ detail: String) -> SyntaxError {
        SyntaxError(line: line, column: index - lineStart + 1, detail: detail)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw error("expected a JSON value, found the end of the file") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("expected a JSON value, found \(describeCurrent())")
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws -> JSONValue {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected
        else {
            throw error("expected a JSON value, found \(describeCurrent())")
        }
        index += expected.count
        return value
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth {
            throw error(
                "nesting deeper than \(Self.maximumDepth) levels is not accepted; expected at most \(Self.maximumDepth)"
            )
        }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        let startLine = line
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        // Duplicates are found by comparing with the members so far while the object is small (a
        // scanner record has a dozen); a set is built only for large objects.
        var keys: Set<String>?
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject(members: members, line: startLine))
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a member name in double quotes, found \(describeCurrent())")
            }
            let keyLine = line
            let keyColumn = index - lineStart + 1
            let key = try parseString()
            let duplicate: Bool
            if var set = keys {
                keys = nil
                duplicate = !set.insert(key).inserted
                keys = set
            } else if members.count < 16 {
                duplicate = members.contains { $0.key == key }
            } else {
                var set = Set(members.map(\.key))
                duplicate = !set.insert(key).inserted
                keys = set
            }
            guard !duplicate else {
                throw SyntaxError(
                    line: keyLine, column: keyColumn,
                    detail: "duplicate member name \"\(key)\"; expected each name once in an object")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after a member name, found \(describeCurrent())")
            }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or '}', found the end of the file") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(JSONObject(members: members, line: startLine))
            } else {
                throw error("expected ',' or '}' after an object member, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or ']', found the end of the file") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            } else {
                throw error("expected ',' or ']' after an array element, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseString() throws -> String {
        index += 1
        // Most strings hold no escape: made straight from the input bytes, without a copy.
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\""), let text = String(validating: bytes[start..<index], as: UTF8.self)
            {
                index += 1
                return text
            }
            // An escape, a control character or invalid UTF-8: the careful path below says which.
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        index = start
        var result: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("unterminated string; expected a closing '\"'") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                result.append(contentsOf: bytes[runStart..<index])
                index += 1
                break
            } else if byte == UInt8(ascii: "\\") {
                result.append(contentsOf: bytes[runStart..<index])
                try parseEscape(into: &result)
                runStart = index
            } else if byte < 0x20 {
                throw error(
                    "control character 0x\(String(byte, radix: 16, uppercase: true)) inside a string; expected it escaped (\\u0000 to \\u001F)"
                )
            } else {
                index += 1
            }
        }
        guard let text = String(validating: result, as: UTF8.self) else {
            // Escapes are ASCII and decode to valid UTF-8, so the bad byte is in the input as is:
            // point at it rather than at the end of a string that may be megabytes long.
            // A string holds no raw newline, so the line is still the one it started on.
            let bad = TextCheck.firstInvalidUTF8(in: bytes[start..<index]) ?? index
            throw SyntaxError(
                line: line, column: bad - lineStart + 1,
                detail:
                    "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))) inside a string; expected UTF-8 text"
            )
        }
        return text
    }

    private mutating func parseEscape(into result: inout [UInt8]) throws {
        index += 1
        guard index < bytes.count else {
            throw error("unterminated escape sequence; expected a character after the backslash")
        }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(byte)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw error(
                        "unpaired UTF-16 surrogate in \\u escape; expected a high and a low surrogate together"
                    )
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw error(
                        "unpaired UTF-16 surrogate in \\u escape; expected a high and a low surrogate together"
                    )
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw error(
                    "unpaired UTF-16 surrogate in \\u escape; expected a high and a low surrogate together")
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                throw error("invalid \\u escape; expected a Unicode scalar value")
            }
            result.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            index -= 1
            throw error(
                "invalid escape sequence '\\\(Character(Unicode.Scalar(byte)))'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u"
            )
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("expected four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        var isInteger = true
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        guard digits() > 0 else { throw error("expected a digit in a number") }
        if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 {
            throw SyntaxError(
                line: line, column: start - lineStart + 1,
                detail: "numbers may not have leading zeros; expected 0 alone or a digit 1 to 9 first")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard digits() > 0 else { throw error("expected a digit after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw SyntaxError(
                line: line, column: start - lineStart + 1,
                detail: "number \(text) is out of range; expected a finite number")
        }
        return .number(value, isInteger: isInteger)
    }
}
