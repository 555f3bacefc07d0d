internal import Mustache

/// A template made ready for fast rendering: swift-mustache's parse of it, as a tree of
/// ``TemplateNode``s with text already in bytes and names already split.
///
/// Why not render with swift-mustache itself: its renderer looks every name up with a chain of
/// dynamic casts and builds each page as a `String`; on 100,000 synthetic findings that was 0.9 ms
/// of CPU a page and two thirds of the build. Issue 6 wants the build within 3× of the time it
/// takes just to write the files, so ``TemplateRenderer`` walks this tree over ``TemplateValue``s
/// into a byte buffer instead. The parsing, with the spec's rules for standalone lines,
/// indentation of partials and inheritance, stays swift-mustache's: this type only reads the
/// tokens it made. swift-mustache does not make its tokens public, so they are read with `Mirror`;
/// a token this reader does not understand (a lambda transform, a dynamic partial, a content-type
/// pragma) makes ``init(_:)`` throw, and ``TemplateSet`` then renders with swift-mustache itself.
/// `TemplateProgramTests` renders every page both ways and requires identical bytes.
struct TemplateProgram: Sendable {
    let nodes: [TemplateNode]

    /// Why a template cannot be compiled; the template is then rendered by swift-mustache.
    struct Unsupported: Error {
        let token: String
    }

    init(_ template: MustacheTemplate) throws {
        nodes = try Self.nodes(of: template)
    }

    private static func nodes(of template: MustacheTemplate) throws -> [TemplateNode] {
        guard
            let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value
                as? [Any]
        else { throw Unsupported(token: "MustacheTemplate.tokens") }
        return try tokens.map(node)
    }

    private static func node(_ token: Any) throws -> TemplateNode {
        guard let (kind, payload) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }),
            let kind
        else { throw Unsupported(token: "\(token)") }
        let fields = Fields(payload)
        switch kind {
        case "text":
            guard let text = payload as? String else { throw Unsupported(token: kind) }
            return .text(Array(text.utf8))
        case "variable", "unescapedVariable":
            try fields.requireNoTransforms(kind)
            return .variable(TemplateName(try fields.string("name", kind)), escaped: kind == "variable")
        case "section", "invertedSection":
            try fields.requireNoTransforms(kind)
            return .section(
                TemplateName(try fields.string("name", kind)), inverted: kind == "invertedSection",
                body: try nodes(of: try fields.template("template", kind)))
        case "partial":
            let overrides = try fields.value("inherits", kind) as? [String: MustacheTemplate]
            return .partial(
                try fields.string(".0", kind),
                indentation: (try fields.value("indentation", kind) as? String).map { Array($0.utf8) },
                overrides: try overrides?.mapValues { try nodes(of: $0) })
        case "blockExpansion":
            return .block(
                try fields.string("name", kind),
                defaultBody: try nodes(of: try fields.template("default", kind)),
                indentation: (try fields.value("indentation", kind) as? String).map { Array($0.utf8) })
        default:
            throw Unsupported(token: kind)
        }
    }

    /// The labelled values of a token's payload tuple.
    private struct Fields {
        let children: [(label: String?, value: Any)]

        init(_ payload: Any) {
            children = Mirror(reflecting: payload).children.map { ($0.label, $0.value) }
        }

        func value(_ label: String, _ kind: String) throws -> Any {
            guard let child = children.first(where: { $0.label == label }) else {
                throw Unsupported(token: "\(kind).\(label)")
            }
            return child.value
        }

        func string(_ label: String, _ kind: String) throws -> String {
            guard let text = try value(label, kind) as? String else {
                throw Unsupported(token: "\(kind).\(label)")
            }
            return text
        }

        func template(_ label: String, _ kind: String) throws -> MustacheTemplate {
            guard let template = try value(label, kind) as? MustacheTemplate else {
                throw Unsupported(token: "\(kind).\(label)")
            }
            return template
        }

        func requireNoTransforms(_ kind: String) throws {
            guard let transforms = try value("transforms", kind) as? [String], transforms.isEmpty else {
                throw Unsupported(token: "\(kind) with transforms")
            }
        }
    }
}

/// One piece of a compiled template.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, inverted: Bool, body: [TemplateNode])
    /// `{{> name}}`, or `{{< name}}` with `overrides` for its blocks; `indentation` when standalone.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$ name}}`: the override a parent was given, else `defaultBody`.
    case block(String, defaultBody: [TemplateNode], indentation: [UInt8]?)
}

/// A name as a template writes it, split once: `.` (the current value), `a.b.c` (looked up from
/// the innermost value outwards, then down), or `.a.b` (from the current value only).
struct TemplateName: Sendable {
    let components: [String]
    let isCurrent: Bool
    let isAnchored: Bool

    init(_ text: String) {
        isCurrent = text == "."
        isAnchored = !isCurrent && text.first == "."
        components = text.split(separator: ".").map(String.init)
    }
}
