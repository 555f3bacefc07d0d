/// Finds what stops a file's bytes from being UTF-8 text: a byte-order mark of another encoding, a
/// NUL byte, an invalid UTF-8 sequence; with its 1-based line and byte column.
///
/// Text formats (CSV, OpenSSH keys) would otherwise read such a file with U+FFFD in place of each bad
/// byte and carry a NUL into paths, silently; format recognition uses it to say "binary" or "UTF-16"
/// instead of "in no known format".
enum TextCheck {
    /// A problem and where it is.
    struct Problem: Equatable {
        let line: Int
        let column: Int
        let detail: String
    }

    /// The first problem in `bytes`, or nil when they are UTF-8 text without NUL bytes.
    ///
    /// With `truncated`, the bytes are a prefix of the file: a sequence cut by the end is not a problem.
    static func firstProblem(in bytes: [UInt8], truncated: Bool = false) -> Problem? {
        if let encoding = otherEncoding(bytes) {
            return Problem(
                line: 1, column: 1,
                detail: "the file is \(encoding) (it starts with that byte-order mark); expected UTF-8 — "
                    + "convert it, for example with iconv -f \(encoding) -t UTF-8")
        }
        if !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1
        var lineStart = 0
        var offset = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0 {
                    return Problem(
                        line: line, column: offset - lineStart + 1,
                        detail: "NUL byte; expected UTF-8 text (is it a binary or UTF-16 file?)")
                }
                offset += encoded.count
                if encoded.count == 1, encoded.first == 0x0A {
                    line += 1
                    lineStart = offset
                }
            case .error(let length):
                if truncated, offset + length == bytes.count, bytes.count - offset < 4 { return nil }
                return Problem(
                    line: line, column: offset - lineStart + 1,
                    detail: "invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))"
                        + "; expected UTF-8 text")
            case .emptyInput:
                return nil
            }
        }
    }

    /// The offset in `bytes` of the first byte that is not part of valid UTF-8, if any.
    static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> Int? {
        var offset = bytes.startIndex
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// The name of a UTF-16 or UTF-32 byte-order mark at the start of `bytes`.
    private static func otherEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32LE" }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32BE" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }
}
