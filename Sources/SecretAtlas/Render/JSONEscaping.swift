/// JSON string escaping, byte by byte, the way Foundation's `JSONEncoder` does it.
///
/// `"` and `\` get a backslash; backspace, form feed, newline, return and tab are written by letter;
/// other bytes below 0x20 as `\u00xx`; `/`, DEL and non-ASCII as they are. Runs that need nothing
/// are copied in one go.
///
/// Shared by the findings exports (``PrettyJSONWriter``, which must match `JSONEncoder` byte for
/// byte) and `synth`'s JSON Lines.
enum JSONEscaping {
    /// Appends `text`, escaped, without the surrounding quotes.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22, 0x5C: output.append(byte)
                case 0x08: output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "f"))
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "t"))
                default:
                    let digits = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: Array("u00".utf8))
                    output.append(digits[Int(byte >> 4)])
                    output.append(digits[Int(byte & 15)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}
