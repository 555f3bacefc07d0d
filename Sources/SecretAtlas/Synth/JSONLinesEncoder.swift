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

    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        JSONEscaping.append(text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}
