/// Refuses catalog front matter that YAML would turn into a crash or a memory bomb, before Yams
/// reads it.
///
/// A remediation or recommendation override may come from anyone who can write to a templates
/// folder. Yams builds values recursively, so 200,000 nested `[` overflow the stack (a crash, not an
/// error), and aliases (`&a [x,x]`, `&b [*a,*a]`, …) expand a few hundred bytes into gigabytes.
/// Front matter holds a title, a category, a severity and a few sentences: it needs neither deep
/// nesting nor aliases, so both are refused with where they are.
enum FrontMatterGuard {
    /// Largest front matter read, in bytes.
    static let maximumBytes = 65_536
    /// Deepest nesting of flow collections (`[`, `{`) or of block indentation, in levels.
    static let maximumDepth = 32

    /// Why `yaml` is refused, or nil.
    static func problem(in yaml: String) -> String? {
        let bytes = Array(yaml.utf8)
        guard bytes.count <= maximumBytes else {
            return "front matter is \(bytes.count) bytes; expected at most \(maximumBytes)"
        }
        var line = 1
        var depth = 0
        var quote: UInt8?  // the open quote character, while inside a quoted scalar
        var previous: UInt8 = 0x0A
        // The last byte on this line that is not white space (a newline at the start of a line).
        var significant: UInt8 = 0x0A
        var nextSignificant: UInt8 = 0x0A
        var index = 0
        var lineStart = true
        var indentations: [Int] = []  // indentation of each open block level
        while index < bytes.count {
            let byte = bytes[index]
            defer {
                previous = byte
                significant = nextSignificant
                index += 1
            }
            if byte == 0x0A {
                line += 1
                // A quoted scalar may span lines; its continuation lines are no block level.
                if quote == nil {
                    nextSignificant = 0x0A
                    lineStart = true
                }
                continue
            }
            if let open = quote {
                if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\""), index + 1 < bytes.count {
                    index += 1
                } else if byte == open {
                    quote = nil
                    nextSignificant = byte
                }
                continue
            }
            if lineStart, depth == 0 {
                lineStart = false
                var indent = 0
                while index + indent < bytes.count, bytes[index + indent] == UInt8(ascii: " ") { indent += 1 }
                let rest = index + indent < bytes.count ? bytes[index + indent] : 0x0A
                if rest != 0x0A, rest != UInt8(ascii: "#") {
                    while let last = indentations.last, last >= indent { indentations.removeLast() }
                    indentations.append(indent)
                    if indentations.count > maximumDepth {
                        return "front matter nests deeper than \(maximumDepth) levels at line \(line); "
                            + "expected plain fields (title, category, severity, description, impact)"
                    }
                }
            }
            // A node starts at the start of a line, after `: `, `- `, `? ` or a flow indicator; only
            // there do quotes and aliases begin (in `don't *panic*` both are text). A comment starts
            // after white space.
            let isNodeStart = [
                0x0A, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "["),
                UInt8(ascii: "{"), UInt8(ascii: ","),
            ].contains(significant)
            let afterSpace = [0x0A, 0x20, 0x09].contains(previous)
            if byte != 0x20, byte != 0x09 { nextSignificant = byte }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if isNodeStart { quote = byte }
            case UInt8(ascii: "#") where afterSpace:
                while index + 1 < bytes.count, bytes[index + 1] != 0x0A { index += 1 }
            case UInt8(ascii: "*") where isNodeStart:
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0x20
                if ![0x20, 0x09, 0x0A, UInt8(ascii: "*")].contains(next) {
                    return "front matter uses a YAML alias (*name) at line \(line); aliases are not "
                        + "accepted (they can expand without bound): write the value out"
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth + indentations.count > maximumDepth {
                    return "front matter nests deeper than \(maximumDepth) levels at line \(line); "
                        + "expected plain fields (title, category, severity, description, impact)"
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        return nil
    }
}
