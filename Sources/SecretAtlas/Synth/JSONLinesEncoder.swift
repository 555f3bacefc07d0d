/// Writes native JSON Lines records into a byte buffer, member by member, in the order called.
///
/// Hand-written rather than `JSONEncoder` so member order is exactly the order of the calls (the
/// same on every platform) and a million records cost no intermediate dictionaries. Strings are
/// escaped per RFC 8259: `"`, `\` and control characters; everything else is copied as UTF-8.
struct JSONLinesEncoder {
    /// The encoded bytes not yet taken by ``take(into:)``.
    private(set) var bytes: [UInt8] = []
    /// Whether the object at each open depth still has no member (so needs no comma).
    private var empty: [Bool] = []

    init(capacity: Int = 1 << 20) {
        bytes.reserveCapacity(capacity + 4096)
    }

    /// Starts a line `{"name":{`.
    mutating func beginRecord(_ name: String) {
        bytes.append(UInt8(ascii: "{"))
        empty.append(false)
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: "{"))
        empty.append(true)
    }

    /// Ends the line started by ``beginRecord(_:)``.
    mutating func endRecord() {
        endObject()
        endObject()
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Starts an object member `"key":{`.
    mutating func beginObject(_ key: String) {
        appendKey(key)
        bytes.append(UInt8(ascii: "{"))
        empty.append(true)
    }

    /// Ends the innermost open object.
    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        empty.removeLast()
    }

    /// A string member.
    mutating func member(_ key: String, _ value: String) {
        appendKey(key)
        appendString(value)
    }

    /// An integer member.
    mutating func member(_ key: String, _ value: Int) {
        appendKey(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A Boolean member.
    mutating func member(_ key: String, _ value: Bool) {
        appendKey(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// An array-of-strings member.
    mutating func member(_ key: String, _ values: [String]) {
        appendKey(key)
        bytes.append(UInt8(ascii: "["))
        for (position, value) in values.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Hands the encoded bytes to `sink` and empties the buffer, keeping its capacity.
    mutating func take(into sink: ([UInt8]) throws -> Void) rethrows {
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func appendKey(_ key: String) {
        if let last = empty.indices.last {
            if empty[last] { empty[last] = false } else { bytes.append(UInt8(ascii: ",")) }
        }
        appendString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Copies runs that need no escaping in one go (per-byte appends were a quarter of `synth`'s time).
    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { buffer in
            var start = 0
            for (position, byte) in buffer.enumerated()
            where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<position]))
                appendEscaped(byte)
                start = position + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: Array("u00".utf8))
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}
