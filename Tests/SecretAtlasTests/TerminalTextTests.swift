import Foundation
import Testing

@testable import SecretAtlas

/// Diagnostics and error messages print ids, names and paths from the input: none of their
/// characters may drive the terminal, forge a line or hide what is shown.
struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}]0;pwned\u{07}", "\\u{1B}]0;pwned\\u{7}"),  // OSC: sets the window title
        ("\u{1B}[2J", "\\u{1B}[2J"),  // CSI: clears the screen
        ("a\u{9B}2Jb", "a\\u{9B}2Jb"),  // C1 CSI
        ("one\ntwo\r\nthree", "one\\u{A}two\\u{D}\\u{A}three"),
        ("tab\there\u{7F}", "tab\\u{9}here\\u{7F}"),
        ("vm-\u{202E}gnp.exe", "vm-\\u{202E}gnp.exe"),  // right-to-left override
        ("\u{2066}x\u{2069}\u{200F}", "\\u{2066}x\\u{2069}\\u{200F}"),  // isolates, RLM
        ("zero\u{200B}width\u{FEFF}", "zero\\u{200B}width\\u{FEFF}"),
        ("line\u{2028}sep", "line\\u{2028}sep"),
    ])
    func escapesControlBidiAndZeroWidthCharacters(raw: String, shown: String) {
        #expect(TerminalText.escaped(raw) == shown)
    }

    @Test func leavesOrdinaryTextAlone() {
        let text = "vm-nwl-web-01 é 日本語 😀 \\ \"quoted\" /home/a b/.ssh/id_rsa"
        #expect(TerminalText.escaped(text) == text)
    }

    @Test func aDiagnosticIsOneSafeLineWhateverItsValues() {
        let evil = "\u{1B}]0;pwned\u{07}\nerror: forged\u{202E}"
        let diagnostic = Diagnostic(
            .error, file: "in\u{1B}[31m.json", location: .line(3, path: "resources[\"\(evil)\"]"),
            message: "unknown record \"\(evil)\"; expected resource.")
        let printed = diagnostic.description
        #expect(!printed.contains("\n"))
        #expect(!printed.unicodeScalars.contains(where: TerminalText.needsEscape))
        #expect(
            printed
                == "error: in\\u{1B}[31m.json:3 at resources[\"\\u{1B}]0;pwned\\u{7}\\u{A}error: forged\\u{202E}\"]: "
                + "unknown record \"\\u{1B}]0;pwned\\u{7}\\u{A}error: forged\\u{202E}\"; expected resource.")
    }

    @Test func aSiteErrorIsEscapedToo() {
        let error = SiteError.itemNotFound(kind: "secret", id: "x\u{1B}[2J\ny", suggestion: "List them.")
        #expect(error.description == "No secret 'x\\u{1B}[2J\\u{A}y' in this report. List them.")
        #expect(Diagnostic.printable("a\u{7}b") == "a\\u{7}b")
    }

    @Test func aHugeValueIsCutInTheMiddleKeepingBothEnds() {
        let key = "start-" + String(repeating: "x", count: 20 << 20) + "-end"
        let diagnostic = Diagnostic(
            .warning, file: "f.json", location: .path(key), message: "unknown member.")
        let printed = diagnostic.description
        #expect(printed.count < 1_200)
        #expect(printed.hasPrefix("warning: f.json at start-xxx"))
        #expect(printed.contains("…[\(key.count - 1_000) characters]…"))
        #expect(printed.hasSuffix("xxx-end: unknown member."))
        #expect(TerminalText.shortened("short", limit: 10) == "short")
    }
}
