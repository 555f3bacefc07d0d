/// The last check before a file of the site reaches the disk: a relative path that stays inside the
/// folder it is written to.
///
/// Every path the site writes is made by ``SiteRoutes`` and the data files from slugs and counters
/// (``StableID/slug(_:maxLength:)``), so none of these rules should ever fire. They are a second
/// line of defence, checked by every writer that turns a path into a file (``DirectoryWriter``,
/// ``ZipWriter``): whatever a future route or an odd assets folder produces, nothing is written
/// outside `-o`, and the build stops with a message instead.
enum SitePath {
    /// The longest name of one file or folder most file systems accept (`NAME_MAX`).
    static let maxComponentBytes = 255
    /// The longest relative path: far below `PATH_MAX` (4,096) so the destination fits in front.
    static let maxBytes = 1024

    /// - Throws: ``SiteError/unsafeOutputPath(path:reason:)`` when `relative` is empty, too long,
    ///   absolute, holds an empty, `.` or `..` component, a NUL or other control byte, a backslash,
    ///   or a component longer than ``maxComponentBytes``.
    static func check(_ relative: String) throws {
        if let reason = problem(relative) {
            throw SiteError.unsafeOutputPath(path: shown(relative), reason: reason)
        }
    }

    /// What is wrong with `relative`, or nil when it is safe.
    ///
    /// Bytes only: it runs for every file.
    static func problem(_ relative: String) -> String? {
        let bytes = relative.utf8
        if bytes.isEmpty { return "the path is empty" }
        if bytes.count > maxBytes { return "the path is longer than \(maxBytes) bytes" }
        if bytes.first == UInt8(ascii: "/") { return "the path is absolute" }
        var componentLength = 0
        var dots = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "/"):
                if let reason = componentProblem(length: componentLength, dots: dots) { return reason }
                componentLength = 0
                dots = 0
                continue
            case 0: return "the path contains a NUL byte"
            case 1..<0x20, 0x7F: return "the path contains a control character"
            case UInt8(ascii: "\\"): return "the path contains a backslash"
            case UInt8(ascii: "."): dots += 1
            default: break
            }
            componentLength += 1
        }
        return componentProblem(length: componentLength, dots: dots)
    }

    private static func componentProblem(length: Int, dots: Int) -> String? {
        if length == 0 { return "the path has an empty component (`//` or a final `/`)" }
        if length == dots, length <= 2 { return "the path has a `\(length == 1 ? "." : "..")` component" }
        if length > maxComponentBytes { return "a component is longer than \(maxComponentBytes) bytes" }
        return nil
    }

    /// The path as a message may show it: control bytes escaped, at most 120 characters.
    static func shown(_ path: String) -> String {
        var text = ""
        for scalar in path.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                text += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
            if text.count >= 120 {
                text += "…"
                break
            }
        }
        return text
    }
}
