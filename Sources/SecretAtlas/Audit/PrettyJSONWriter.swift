/// JSON written a piece at a time into a ``ChunkBuffer``, byte for byte what `JSONEncoder` writes
/// with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space indents, `"key" : value`,
/// an empty container as `[`, two newlines, `]`, strings escaped as it escapes them.
///
/// So `findings.json` and `findings.sarif` keep the bytes they had when encoded whole, while only a
/// chunk of them is in memory. Members of an object must be written in byte order of their keys
/// (what `.sortedKeys` does); debug builds check it.
struct PrettyJSONWriter {
    var output: ChunkBuffer
    private var depth = 0
    /// For each open container: whether it has a member yet.
    private var hasMember: [Bool] = []
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false
    #if DEBUG
        /// The last key of each open object, to check the order.
        private var lastKeys: [String] = []
    #endif

    init(output: ChunkBuffer) {
        self.output = output
    }

    mutating func beginObject() {
        open(UInt8(ascii: "{"))
    }

    mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        open(UInt8(ascii: "["))
    }

    mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the open object; its value comes next.
    mutating func key(_ name: String) {
        #if DEBUG
            if let last = lastKeys.last {
                assert(last.utf8.lexicographicallyPrecedes(name.utf8), "key \(name) after \(last)")
            }
            if !lastKeys.isEmpty { lastKeys[lastKeys.count - 1] = name }
        #endif
        startValue()
        quote(name)
        output.append(" : ")
        afterKey = true
    }

    mutating func string(_ text: String) {
        startValue()
        quote(text)
    }

    mutating func int(_ number: Int) {
        startValue()
        output.append(String(number))
    }

    /// `"name" : "text"`.
    mutating func member(_ name: String, _ text: String) {
        key(name)
        string(text)
    }

    /// `"name" : number`.
    mutating func member(_ name: String, _ number: Int) {
        key(name)
        int(number)
    }

    /// Nothing for nil, as `JSONEncoder` leaves out a nil optional.
    mutating func member(_ name: String, _ text: String?) {
        if let text { member(name, text) }
    }

    mutating func member(_ name: String, _ number: Int?) {
        if let number { member(name, number) }
    }

    /// `"name" : ["a", "b"]`.
    mutating func member(_ name: String, strings: [String]) {
        key(name)
        beginArray()
        for text in strings { string(text) }
        endArray()
    }

    /// `"name" : { "text" : "…" }`, SARIF's message object.
    mutating func member(_ name: String, message text: String) {
        key(name)
        beginObject()
        member("text", text)
        endObject()
    }

    /// The final newline `encoded()` adds after the document.
    mutating func finishDocument() {
        output.append(byte: 10)
    }

    private mutating func quote(_ text: String) {
        output.append(byte: UInt8(ascii: "\""))
        output.appendEscapedJSON(text)
        output.append(byte: UInt8(ascii: "\""))
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        output.append(byte: bracket)
        output.append(byte: 10)
        depth += 1
        hasMember.append(false)
        #if DEBUG
            if bracket == UInt8(ascii: "{") { lastKeys.append("") }
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        output.append(byte: 10)
        depth -= 1
        hasMember.removeLast()
        indent()
        output.append(byte: bracket)
        #if DEBUG
            if bracket == UInt8(ascii: "}") { lastKeys.removeLast() }
        #endif
    }

    /// The separator and indent before a member of the open container (none after a key).
    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard !hasMember.isEmpty else { return }
        if hasMember[hasMember.count - 1] {
            output.append(byte: UInt8(ascii: ","))
            output.append(byte: 10)
        }
        hasMember[hasMember.count - 1] = true
        indent()
    }

    private mutating func indent() {
        for _ in 0..<depth { output.append("  ") }
    }
}
