/// Input text made safe to print on a terminal, for diagnostics and error messages.
///
/// Ids, names and paths come from files an attacker may have shaped. Printed raw, an escape sequence
/// (`ESC ] 0 ; title BEL`, `ESC [ 2 J`) would drive the user's terminal, a newline would forge a
/// diagnostic line of its own, and a bidi override would show a file name other than the one meant.
/// Each such character is written as `\u{1B}` instead, and a huge value is cut in the middle so a
/// 20 MB member name cannot flood the screen.
enum TerminalText {
    /// `text` with control, bidi, zero-width and line-separator characters written as `\u{…}`.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result.append(
                    contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether a character would act on the terminal or hide what is printed rather than show itself.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        // What pages show as code points (bidi, zero-width, C0 but layout), and on a terminal also
        // what moves the cursor or starts a sequence there: tab, line breaks, C1 controls.
        if HTMLEscaping.hides(scalar) { return true }
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x80...0x9F: return true
        case 0x2028, 0x2029: return true  // line and paragraph separators
        default: return false
        }
    }

    /// `text` cut in the middle to at most about `limit` characters, saying how many were left out;
    /// the start and the end stay, since both tell values apart.
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let count = text.count
        guard count > limit else { return text }
        let kept = limit / 2
        return "\(text.prefix(kept))…[\(count - 2 * kept) characters]…\(text.suffix(kept))"
    }

    /// Both: shortened, then escaped.
    static func printable(_ text: String, limit: Int) -> String {
        escaped(shortened(text, limit: limit))
    }
}
