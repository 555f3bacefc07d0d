import Testing

@testable import SecretAtlas

struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func syntaxError(_ text: String) -> JSONParser.SyntaxError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? JSONParser.SyntaxError
        }
    }

    @Test func parsesObjectsInOrderWithTheirLine() throws {
        let value = try parse("\n\n  {\"b\": 1, \"a\": [true, null, \"x\"], \"c\": -2.5e3}")
        guard case .object(let object) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(object.line == 3)
        #expect(object.members.map(\.key) == ["b", "a", "c"])
        #expect(object["b"] == .number(1, isInteger: true))
        #expect(object["a"] == .array([.bool(true), .null, .string("x")]))
        #expect(object["c"] == .number(-2500, isInteger: false))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""a\"b\\c\/\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/\n\té😀"))
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == .array([]))
    }

    @Test(arguments: [
        ("{\"a\": [1, 2,, 3]}", 1, 13, "expected a JSON value, found ','"),
        ("{\"a\": 1,\n \"b\": tru}", 2, 7, "expected a JSON value, found 't'"),
        ("{\"a\": 1", 1, 8, "expected ',' or '}', found the end of the file"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate member name \"a\"; expected each name once in an object"),
        ("{\"x\": NaN}", 1, 7, "expected a JSON value, found 'N'"),
        ("[1e999]", 1, 2, "number 1e999 is out of range; expected a finite number"),
        ("[01]", 1, 2, "numbers may not have leading zeros; expected 0 alone or a digit 1 to 9 first"),
        (
            "\"a\u{01}b\"", 1, 3,
            "control character 0x1 inside a string; expected it escaped (\\u0000 to \\u001F)"
        ),
        (
            "[\"\\ud800\"]", 1, 9,
            "unpaired UTF-16 surrogate in \\u escape; expected a high and a low surrogate together"
        ),
        ("{} {}", 1, 4, "expected the end of the JSON text, found '{'"),
        ("", 1, 1, "expected a JSON value, found the end of the file"),
    ])
    func reportsSyntaxErrorsAtLineAndColumn(text: String, line: Int, column: Int, detail: String) {
        #expect(syntaxError(text) == JSONParser.SyntaxError(line: line, column: column, detail: detail))
    }

    @Test func rejectsInvalidUTF8InStrings() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = syntaxError(deep)
        #expect(error?.detail == "nesting deeper than 256 levels is not accepted; expected at most 256")
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(syntaxError(fine) == nil)
    }

    @Test func pointsAtTheInvalidUTF8ByteNotTheEndOfTheString() {
        let bytes = Array("{\"id\": \"abc".utf8) + [0xC3, 0x28] + Array("def\"}".utf8)
        #expect(
            throws: JSONParser.SyntaxError(
                line: 1, column: 12, detail: "invalid UTF-8 (byte 0xC3) inside a string; expected UTF-8 text")
        ) { try JSONParser.parse(bytes) }
    }

    @Test func refusesDuplicateNamesHoweverTheyAreSpelledAndWhateverTheObjectSize() {
        // The same name through an escape is the same name.
        #expect(
            syntaxError(#"{"id": 1, "\u0069d": 2}"#)?.detail.hasPrefix("duplicate member name \"id\"") == true
        )
        // Past 16 members the check switches to a set: still refused, at the second occurrence.
        let members = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let error = syntaxError("{\(members), \"k33\": 0}")
        #expect(error?.detail == "duplicate member name \"k33\"; expected each name once in an object")
        #expect(error?.column == members.utf8.count + 4)
    }

    @Test func acceptsExactlyTheDepthLimitAndRefusesDeepObjectsWithoutRecursingOn() {
        let limit = JSONParser.maximumDepth
        #expect(
            syntaxError(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)) == nil)
        #expect(
            syntaxError(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1))
                != nil)
        let deep = String(repeating: "{\"a\":", count: 200_000) + "1" + String(repeating: "}", count: 200_000)
        #expect(
            syntaxError(deep)
                == JSONParser.SyntaxError(
                    line: 1, column: 5 * limit + 1,
                    detail: "nesting deeper than 256 levels is not accepted; expected at most 256"))
    }
}
