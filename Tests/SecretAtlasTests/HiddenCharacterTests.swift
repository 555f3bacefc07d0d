import Testing

@testable import SecretAtlas

/// Characters that would hide or disguise a name are shown as what they are, in page text,
/// attributes, diagrams and Markdown alike.
struct HiddenCharacterTests {
    private func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        HTMLEscaping.append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func bidiControlsAreShownAsCodePoints() {
        #expect(escaped("invoice\u{202E}txt.exe") == "invoice&lt;U+202E&gt;txt.exe")
        #expect(
            escaped(
                "\u{202A}\u{202B}\u{202C}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}")
                == "&lt;U+202A&gt;&lt;U+202B&gt;&lt;U+202C&gt;&lt;U+202D&gt;&lt;U+2066&gt;&lt;U+2067&gt;"
                + "&lt;U+2068&gt;&lt;U+2069&gt;&lt;U+200E&gt;&lt;U+200F&gt;&lt;U+061C&gt;")
    }

    @Test func zeroWidthCharactersAndTheByteOrderMarkAreShown() {
        #expect(
            escaped("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}")
                == "a&lt;U+200B&gt;b&lt;U+200C&gt;c&lt;U+200D&gt;d&lt;U+2060&gt;e&lt;U+FEFF&gt;")
    }

    @Test func terminalEscapesAreShownAsCodePoints() {
        #expect(
            escaped("\u{1B}]0;pwned\u{07}\u{1B}[2J\u{00}\u{7F}\u{1F}")
                == "&lt;U+001B&gt;]0;pwned&lt;U+0007&gt;&lt;U+001B&gt;[2J&lt;U+0000&gt;&lt;U+007F&gt;&lt;U+001F&gt;"
        )
    }

    @Test func ordinaryTextIsUnchanged() {
        // Tab, line feed and carriage return are layout, and every neighbour of the hidden ranges in
        // the same UTF-8 lead bytes (E2 80 xx, E2 81 xx, EF BB xx, D8 xx) stays as it is.
        let text =
            "tab\there\nline\r \u{2013} \u{2014} \u{2026} \u{2018}\u{2019} \u{201C}\u{201D} \u{2022} \u{2030} \u{2044} \u{2070} \u{20AC} \u{2122} \u{2192} \u{2028} \u{FEFA} \u{061B} \u{061F} \u{05E9}\u{05DC} \u{0645}\u{0631} \u{65E5}"
        #expect(escaped(text) == text)
        #expect(escaped("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;")
    }

    @Test func truncatedSequencesAtTheEndAreKept() {
        // A String is valid UTF-8, so a lead byte at the end is never a partial character; the
        // bounds checks matter for the byte buffers the scan also runs on.
        #expect(escaped("€") == "€")
        #expect(escaped("x\u{2028}") == "x\u{2028}")
    }

    /// The byte-level scan and the list of characters agree on every character of the BMP.
    @Test func theByteScanMatchesTheListOfHiddenCharacters() {
        var disagreements: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), !"<>&\"'".unicodeScalars.contains(scalar) else {
                continue
            }
            let text = "a" + String(Character(scalar)) + "b"
            let changed = escaped(text) != text
            if changed != HTMLEscaping.hides(scalar) { disagreements.append(String(value, radix: 16)) }
        }
        #expect(disagreements.isEmpty, "U+\(disagreements.prefix(10))")
    }

    @Test func markdownOutputRevealsHiddenCharactersToo() {
        let html = MarkdownRenderer().html(from: "Run `rm -rf /tmp/\u{202E}gnp.exe` and \u{200B}stop.")
        #expect(html.contains("&lt;U+202E&gt;gnp.exe"))
        #expect(html.contains("&lt;U+200B&gt;stop"))
        #expect(!html.contains("\u{202E}"))
    }
}
