/// HTML escaping of text, byte by byte: `<`, `>`, `&`, `"` and `'`, the five characters
/// swift-mustache escapes, and characters that would hide or disguise what a name says.
///
/// Names, paths and descriptions come from files an attacker can influence. Escaping keeps them from
/// becoming markup; revealing keeps them from lying: a right-to-left override turns
/// `invoice‮txt.exe` into what reads as `invoiceexe.txt`, a zero-width space makes two names that
/// look the same differ, and a terminal escape shows as nothing at all. Such characters are shown as
/// what they are instead (see ``reveal(_:at:)``), the way code review tools flag hidden Unicode.
enum HTMLEscaping {
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case 0x00...0x1F, 0x7F, 0xD8, 0xE2, 0xEF:
                    guard let hidden = reveal(bytes, at: index) else {
                        index += 1
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    out.append(contentsOf: hidden.shown)
                    index += hidden.length
                    copied = index
                    continue
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                out.append(
                    contentsOf: UnsafeBufferPointer(
                        start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                index += 1
                copied = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
    }

    /// `html` with every hidden character shown as in ``append(_:to:)``, and nothing else changed:
    /// for HTML made elsewhere (cmark-gfm's), whose text is already escaped.
    static func revealingHidden(in html: String) -> String {
        var out: [UInt8] = []
        var html = html
        html.withUTF8 { bytes in
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if let hidden = reveal(bytes, at: index) {
                    out.append(contentsOf: hidden.shown)
                    index += hidden.length
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The character at `index` as shown, when it is one that hides or disguises text, and how many
    /// bytes it takes in UTF-8.
    ///
    /// Each becomes its code point as text, `<U+202E>` (escaped), which every font can show (the
    /// Control Pictures block, `␛`, is missing from common Linux fonts and would show as a box):
    /// - C0 controls except tab, line feed and carriage return, and DEL, so a terminal escape
    ///   sequence reads as one (`<U+001B>]0;title<U+0007>`);
    /// - bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
    ///   U+200E, U+200F, U+061C), zero-width characters (U+200B–U+200D, U+2060) and the byte-order
    ///   mark (U+FEFF): they would reorder or hide the text around them, and a page cannot isolate
    ///   a character that is inside the name itself.
    static func reveal(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (shown: [UInt8], length: Int)? {
        let byte = bytes[index]
        switch byte {
        case 0x09, 0x0A, 0x0D:
            return nil
        case 0x00...0x1F, 0x7F:
            return (codePoint(byte < 0x10 ? "000" + hex(Int(byte)) : "00" + hex(Int(byte))), 1)
        case 0xD8:
            guard index + 1 < bytes.count, bytes[index + 1] == 0x9C else { return nil }
            return (codePoint("061C"), 2)  // ARABIC LETTER MARK
        case 0xE2:
            guard index + 2 < bytes.count else { return nil }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            let hidden: Bool
            switch second {
            case 0x80: hidden = (0x8B...0x8F).contains(third) || (0xAA...0xAE).contains(third)
            case 0x81: hidden = third == 0xA0 || (0xA6...0xA9).contains(third)
            default: hidden = false
            }
            guard hidden else { return nil }
            // U+2000 + (second - 0x80) * 64 + (third - 0x80)
            let scalar = 0x2000 + (Int(second) - 0x80) * 64 + (Int(third) - 0x80)
            return (codePoint(hex(scalar)), 3)
        case 0xEF:
            guard index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF else {
                return nil
            }
            return (codePoint("FEFF"), 3)
        default:
            return nil
        }
    }

    /// Whether a character is one ``reveal(_:at:)`` shows as its code point.
    ///
    /// The one list of the characters that hide or disguise text, which ``TerminalText`` escapes
    /// too. `reveal` matches
    /// the same characters on their UTF-8 bytes, for speed; `HiddenCharacterTests` checks that the two
    /// agree on every character of the Basic Multilingual Plane.
    static func hides(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false  // layout, not hiding
        case 0x00...0x1F, 0x7F: true  // C0 controls and DEL: terminal escapes, NUL
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidi marks and overrides
        case 0x200B...0x200D, 0x2060, 0xFEFF: true  // zero-width characters, byte-order mark
        default: false
        }
    }

    /// `&lt;U+XXXX&gt;`: reads as `<U+202E>` on the page.
    private static func codePoint(_ hex: String) -> [UInt8] {
        Array("&lt;U+\(hex)&gt;".utf8)
    }

    private static func hex(_ scalar: Int) -> String {
        String(scalar, radix: 16, uppercase: true)
    }
}
