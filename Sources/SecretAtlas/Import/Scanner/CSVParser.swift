/// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines.
enum CSVParser {
    struct Row {
        /// The 1-based line the row starts on.
        let line: Int
        let fields: [String]
    }

    /// The rows of `text`.
    static func rows(_ text: String) -> [Row] {
        parse(text).rows
    }

    /// The rows of `text`, and the line of a quoted field that the end of the text left open (an
    /// unbalanced quote, which swallows every row after it into one field); that row is the last.
    static func parse(_ text: String) -> (rows: [Row], unclosedQuoteLine: Int?) {
        var rows: [Row] = []
        var quoteLine = 1
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                quoted = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) {
                    rows.append(Row(line: rowLine, fields: fields))
                }
                fields = []
                field = ""
                line += 1
                rowLine = line
            default:
                field.append(character)
            }
        }
        // A row with an open quote is kept even when empty, so it is always the last row.
        if !field.isEmpty || !fields.isEmpty || quoted {
            fields.append(field)
            rows.append(Row(line: rowLine, fields: fields))
        }
        return (rows, quoted ? quoteLine : nil)
    }
}
