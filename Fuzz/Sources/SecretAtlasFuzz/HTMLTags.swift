/// A small scanner of the tags in an HTML fragment.
///
/// Enough to check what a renderer let through: tag names, attribute names and values, and
/// comments. It reads HTML as a browser's tokenizer
/// would in the cases that matter here: a `<` followed by a letter or `/` opens a tag, attributes
/// are quoted with `"` or `'` or unquoted, and a tag ends at the first `>` outside quotes.
enum HTMLTags {
    struct Tag {
        var name: String
        var attributes: [(String, String)] = []
        var isComment = false
    }

    static func scan(_ html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var index = 0
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(byte) }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            // A comment runs to `-->`.
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                var end = index + 4
                while end < bytes.count, !bytes[end...].starts(with: Array("-->".utf8)) { end += 1 }
                let body = String(decoding: bytes[(index + 1)..<min(end + 2, bytes.count)], as: UTF8.self)
                tags.append(Tag(name: body, isComment: true))
                index = end + 3
                continue
            }
            var position = index + 1
            if bytes[position] == UInt8(ascii: "/") { position += 1 }
            guard position < bytes.count,
                isLetter(bytes[position]) || bytes[position] == UInt8(ascii: "!")
                    || bytes[position] == UInt8(ascii: "?")
            else {
                index += 1
                continue
            }
            var nameEnd = position
            while nameEnd < bytes.count, !isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: ">"),
                bytes[nameEnd] != UInt8(ascii: "/")
            {
                nameEnd += 1
            }
            var tag = Tag(name: String(decoding: bytes[position..<nameEnd], as: UTF8.self).lowercased())
            position = nameEnd
            // Attributes up to the closing `>`.
            while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
                if isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") {
                    position += 1
                    continue
                }
                var end = position
                while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"),
                    bytes[end] != UInt8(ascii: "="), end == position || bytes[end] != UInt8(ascii: "/")
                {
                    end += 1
                }
                let name = String(decoding: bytes[position..<end], as: UTF8.self).lowercased()
                position = end
                var value = ""
                if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                    position += 1
                    if position < bytes.count,
                        bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
                    {
                        let quote = bytes[position]
                        let start = position + 1
                        position = start
                        while position < bytes.count, bytes[position] != quote { position += 1 }
                        value = String(decoding: bytes[start..<min(position, bytes.count)], as: UTF8.self)
                        position += 1
                    } else {
                        let start = position
                        while position < bytes.count, !isSpace(bytes[position]),
                            bytes[position] != UInt8(ascii: ">")
                        {
                            position += 1
                        }
                        value = String(decoding: bytes[start..<position], as: UTF8.self)
                    }
                }
                if !name.isEmpty { tag.attributes.append((name, value)) }
            }
            tags.append(tag)
            index = position + 1
        }
        // Closing tags are named without their slash, like the opening ones.
        return tags.map { tag in
            var tag = tag
            if tag.name.hasPrefix("/") { tag.name.removeFirst() }
            return tag
        }
    }

    /// Decodes the entities cmark-gfm writes in attributes: named `&amp;` `&quot;` `&lt;` `&gt;`
    /// `&#39;`, and any numeric one.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest.dropFirst()
                continue
            }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            let named = ["amp": "&", "quot": "\"", "lt": "<", "gt": ">", "apos": "'"]
            if let replacement = named[String(entity)] {
                out += replacement
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"),
                let scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            {
                out.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"),
                let scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
            {
                out.unicodeScalars.append(scalar)
            } else {
                out += rest[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    /// Whether a URL, as a browser reads it (control characters and whitespace inside the scheme
    /// dropped, case ignored), names a scheme that runs or embeds content.
    static func hasDangerousScheme(_ url: String) -> Bool {
        let squeezed = String(
            String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })
        ).lowercased()
        return ["javascript:", "vbscript:", "data:", "file:"].contains { squeezed.hasPrefix($0) }
    }
}
