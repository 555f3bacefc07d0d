/// An RFC 3339 timestamp from the input, kept as given and shown in UTC.
///
/// SecretAtlas never reads the clock: every time on a page comes from the input (or `SOURCE_DATE_EPOCH`),
/// so the same input always gives the same bytes.
struct Timestamp: Sendable, Equatable, Comparable {
    /// The text as given in the input.
    var text: String { original ?? Self.format(secondsSince1970, includeSeconds: true) }
    /// The text as given, kept only when it is not the canonical `YYYY-MM-DDTHH:MM:SSZ` of
    /// ``secondsSince1970``: a finding has up to four times, and a million findings' texts were
    /// a quarter of a gigabyte of twenty-byte strings.
    private let original: String?
    /// Seconds since 1970, for sorting and comparisons.
    let secondsSince1970: Int64

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; returns nil for anything else.
    init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20,
            let year = number(0..<4), bytes[4] == 45, let month = number(5..<7), bytes[7] == 45,
            let day = number(8..<10), bytes[10] == 84 || bytes[10] == 116 || bytes[10] == 32,
            let hour = number(11..<13), bytes[13] == 58, let minute = number(14..<16), bytes[16] == 58,
            let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            guard index > start else { return nil }
        }
        var offset = 0
        guard index < bytes.count else { return nil }
        if bytes[index] == 90 || bytes[index] == 122 {
            index += 1
        } else if bytes[index] == 43 || bytes[index] == 45 {
            guard let offsetHours = number(index + 1..<index + 3), index + 3 < bytes.count,
                bytes[index + 3] == 58,
                let offsetMinutes = number(index + 4..<index + 6)
            else { return nil }
            offset = (offsetHours * 60 + offsetMinutes) * 60 * (bytes[index] == 45 ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        let days = Self.daysSince1970(year: year, month: month, day: day)
        let isCanonical = bytes.count == 20 && bytes[10] == 84 && bytes[19] == 90 && second < 60
        self.original = isCanonical ? nil : text
        self.secondsSince1970 = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    }

    /// A timestamp for seconds since 1970, as `SOURCE_DATE_EPOCH` gives it.
    init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
        self.original = nil
    }

    /// The time in UTC as shown on pages: `2026-11-20 06:00 UTC`.
    var display: String {
        Self.format(secondsSince1970, includeSeconds: false)
    }

    /// The time in UTC without the zone, for table cells whose header says "(UTC)": `2026-11-20 06:00`.
    var compact: String {
        String(display.dropLast(" UTC".count))
    }

    static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    /// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm; proleptic Gregorian).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func format(_ seconds: Int64, includeSeconds: Bool) -> String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondsOfDay = Int(seconds - Int64(days) * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // Written as bytes: pages show several times each, and interpolation cost 0.6 % of a build.
        var text: [UInt8] = []
        text.reserveCapacity(24)
        func two(_ value: Int) {
            text.append(UInt8(ascii: "0") + UInt8(value / 10))
            text.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        if (1000...9999).contains(year) {
            two(year / 100)
            two(year % 100)
        } else {
            text += String(year).utf8
        }
        text.append(UInt8(ascii: "-"))
        two(month)
        text.append(UInt8(ascii: "-"))
        two(day)
        text.append(UInt8(ascii: includeSeconds ? "T" : " "))
        two(secondsOfDay / 3600)
        text.append(UInt8(ascii: ":"))
        two(secondsOfDay / 60 % 60)
        if includeSeconds {
            text.append(UInt8(ascii: ":"))
            two(secondsOfDay % 60)
            text.append(UInt8(ascii: "Z"))
        } else {
            text += " UTC".utf8
        }
        return String(decoding: text, as: UTF8.self)
    }
}
