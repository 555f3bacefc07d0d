import Mustache

@testable import SecretAtlas

/// Compiles bytes as a page template with ``TemplateSet`` (swift-mustache's parser, then the
/// site's own compiled renderer) and renders it over a view model whose text fields hold the
/// fuzzed values.
///
/// The input is `TEMPLATE \0 VALUE \1 VALUE \1 …`. Asserts: a template that does not parse is a
/// ``SiteError/templateSyntax`` error (or ``SiteError/templateRecursion`` for one that includes
/// itself), never a crash; the compiled renderer gives the same bytes as
/// swift-mustache (the reference) whenever the values are ASCII (on other text the two differ on
/// purpose, see ``TemplateRenderer``); and when the template writes every value escaped and its own
/// text has no `<`, `>`, `"` or `'`, neither has the page: a field value is never written raw.
enum TemplateTarget {
    static func run(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0) ?? bytes.count
        let template = markupFree(String(decoding: bytes[..<split], as: UTF8.self))
        let values = bytes[min(split + 1, bytes.count)...].split(
            separator: 1, omittingEmptySubsequences: false
        )
        .map { String(decoding: $0, as: UTF8.self) }
        func value(_ index: Int) -> String { index < values.count ? values[index] : "<v\(index) \"'&>" }

        let templates: TemplateSet
        do {
            templates = try TemplateSet(
                texts: ["page": template, "item": item, "frame": frame], directory: "fuzz")
        } catch SiteError.templateSyntax, SiteError.templateRecursion {
            return
        } catch {
            require(
                false, "a template that does not load threw \(error), not templateSyntax or templateRecursion"
            )
            return
        }
        let view = View(
            title: value(0), rows: [Row(name: value(1), flag: true), Row(name: value(2), flag: false)],
            words: [value(3), value(4)], child: Child(name: value(5), title: value(6)))
        guard let page = try? templates.render(view, template: "page") else { return }
        if values.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }), templates.isCompiled {
            let reference = (try? templates.renderWithMustache(view, template: "page")).map { Array($0.utf8) }
            require(
                page == reference,
                "compiled and swift-mustache output differ for \(template.debugDescription)")
        }
        guard templates.isCompiled, let programs = try? compiledPrograms(template),
            programs.allSatisfy(isEscaping)
        else { return }
        let markup: Set<UInt8> = [
            UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
        ]
        require(
            !page.contains(where: markup.contains),
            "a value was written unescaped by \(template.debugDescription): \(String(decoding: page, as: UTF8.self).debugDescription)"
        )
    }

    /// The partials the fuzzed page may include or extend; their text has no markup characters.
    static let item = "[li]{{name}}[/li]\n{{#flag}}\n[i]flagged[/i]\n{{/flag}}\n"
    static let frame = "[main]\n{{$body}}default{{/body}}\n{{$other}}other default{{/other}}\n[/main]\n"

    /// The template with `"`, `'`, and `<` and `>` that do not open a partial or a parent tag
    /// replaced, so the escaping check applies to most inputs.
    static func markupFree(_ text: String) -> String {
        var out = ""
        var previous: [Character] = []
        for character in text {
            let opensTag = previous.suffix(2) == ["{", "{"]
            switch character {
            case "\"": out.append("~")
            case "'": out.append("`")
            case "<" where !opensTag: out.append("[")
            case ">" where !opensTag: out.append("]")
            default: out.append(character)
            }
            previous.append(character)
            if previous.count > 2 { previous.removeFirst() }
        }
        return out
    }

    private static func compiledPrograms(_ template: String) throws -> [TemplateProgram] {
        try [template, item, frame].map { try TemplateProgram(MustacheTemplate(string: $0)) }
    }

    /// Whether a program writes only its own text (without markup characters) and escaped values.
    private static func isEscaping(_ program: TemplateProgram) -> Bool {
        func check(_ nodes: [TemplateNode]) -> Bool {
            nodes.allSatisfy { node in
                switch node {
                case .text(let bytes):
                    !bytes.contains {
                        [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")]
                            .contains($0)
                    }
                case .variable(_, let escaped): escaped
                case .section(_, _, let body): check(body)
                case .partial(_, _, let overrides): (overrides ?? [:]).values.allSatisfy(check)
                case .block(_, let body, _): check(body)
                }
            }
        }
        return check(program.nodes)
    }

    struct Row: TemplateFields {
        let name: String
        let flag: Bool
        static let templateFields: FieldTable<Self> = ["name": \.name, "flag": \.flag]
    }

    struct Child: TemplateFields {
        let name: String
        let title: String
        static let templateFields: FieldTable<Self> = ["name": \.name, "title": \.title]
    }

    struct View: TemplateFields {
        let title: String
        let count = 42
        let flag = true
        let rows: [Row]
        let none: [Row] = []
        let words: [String]
        let child: Child
        static let templateFields: FieldTable<Self> = [
            "title": \.title, "count": \.count, "flag": \.flag, "rows": \.rows, "none": \.none,
            "words": \.words, "child": \.child,
        ]
    }
}
