import Testing

@testable import SecretAtlas

struct TimestampTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2026-11-20T06:00:00Z", Int64(1_795_154_400)),
        ("2026-11-20T07:30:00+01:30", Int64(1_795_154_400)),
        ("2024-02-29T23:59:59.123Z", Int64(1_709_251_199)),
    ])
    func parsesRFC3339(text: String, seconds: Int64) {
        #expect(Timestamp(rfc3339: text)?.secondsSince1970 == seconds)
    }

    /// The text is kept as given (exports repeat it), whether or not it is stored.
    @Test(arguments: [
        "2026-11-20T06:00:00Z", "2026-11-20T07:30:00+01:30", "2024-02-29T23:59:59.123Z",
        "2026-11-20t06:00:00z", "2026-11-20 06:00:00Z", "2016-12-31T23:59:60Z",
    ])
    func keepsTheTextAsGiven(text: String) {
        #expect(Timestamp(rfc3339: text)?.text == text)
    }

    @Test(arguments: [
        "2026-11-20", "2026-13-01T00:00:00Z", "2026-11-20T06:00:00", "yesterday", "2026-11-20T06:00:00Zjunk",
    ])
    func rejectsOtherText(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func displaysInUTC() {
        #expect(Timestamp(rfc3339: "2026-11-20T07:30:00+01:30")?.display == "2026-11-20 06:00 UTC")
        #expect(Timestamp(secondsSince1970: 1_795_154_400).text == "2026-11-20T06:00:00Z")
        #expect(Timestamp(rfc3339: "2026-11-20T06:00:59Z")?.compact == "2026-11-20 06:00")
    }

    /// Years outside four digits are written whole and unpadded, as interpolation wrote them.
    @Test func displaysYearsOfOtherLengths() {
        #expect(Timestamp(secondsSince1970: -30_636_384_833).text == "999-03-04T05:06:07Z")
        #expect(Timestamp(secondsSince1970: 253_402_304_400).text == "10000-01-01T01:00:00Z")
        #expect(Timestamp(secondsSince1970: 253_402_304_400).display == "10000-01-01 01:00 UTC")
    }
}
