/// Renders ``TemplateProgram``s over ``TemplateValue``s into bytes, with swift-mustache's
/// semantics (see ``TemplateProgram`` for why it is not swift-mustache's renderer).
///
/// What it does the way swift-mustache does, so the bytes are the same: names are looked up from
/// the innermost value outwards and then down a dotted path; a section on a flag renders or not, on
/// a list once per element, on any other value once with that value innermost; an inverted section
/// renders for false, nothing, or an empty list; a standalone partial's indentation starts every
/// line its tokens begin; blocks take the override of the nearest parent that gave one.
/// One thing it does differently: escaping works on bytes, so `"` before a combining mark is escaped
/// too (swift-mustache compares whole characters and leaves it, which could end an attribute).
struct TemplateRenderer {
    let programs: [String: TemplateProgram]

    /// Renders `program` with `root` as the outermost value.
    func render(_ program: TemplateProgram, root: any TemplateFields) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        var scope = Scope(stack: [.object(root)], indentation: nil, overrides: nil)
        render(program.nodes, scope: &scope, into: &out)
        return out
    }

    /// What a template renders with: the values in scope (innermost last), the indentation of the
    /// standalone partials it is inside, and the block overrides of the parents it is inside.
    private struct Scope {
        var stack: [TemplateValue]
        var indentation: [UInt8]?
        var overrides: [String: [TemplateNode]]?
    }

    private func render(_ nodes: [TemplateNode], scope: inout Scope, into out: inout [UInt8]) {
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, scope: &scope, into: &out) }
            return
        }
        // As swift-mustache: a token whose output is not empty and follows a newline that this
        // template wrote is indented.
        let start = out.count
        for node in nodes {
            let before = out.count
            render(node, scope: &scope, into: &out)
            if out.count > before, before > start, out[before - 1] == UInt8(ascii: "\n") {
                out.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private func render(_ node: TemplateNode, scope: inout Scope, into out: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookUp(name, in: scope.stack) else { return }
            write(value, escaped: escaped, into: &out)
        case .section(let name, let inverted, let body):
            let value = lookUp(name, in: scope.stack)
            if inverted {
                renderInverted(value, body: body, scope: &scope, into: &out)
            } else {
                renderSection(value, body: body, scope: &scope, into: &out)
            }
        case .partial(let name, let indentation, let overrides):
            guard let program = programs[name] else { return }
            // The scope is changed in place and put back, not copied: rendering leaves the stack
            // as it found it, and a copy per partial (a row of a table is one) was a real cost.
            let saved = (indentation: scope.indentation, overrides: scope.overrides)
            if let indentation { scope.indentation = (saved.indentation ?? []) + indentation }
            if let overrides {
                // The outer parent's override wins, as in swift-mustache.
                scope.overrides = (saved.overrides ?? [:]).merging(overrides) { outer, _ in outer }
            }
            render(program.nodes, scope: &scope, into: &out)
            (scope.indentation, scope.overrides) = saved
        case .block(let name, let defaultBody, let indentation):
            let body = scope.overrides?[name] ?? defaultBody
            guard let indentation else { return render(body, scope: &scope, into: &out) }
            let saved = scope.indentation
            scope.indentation = (saved ?? []) + indentation
            render(body, scope: &scope, into: &out)
            scope.indentation = saved
        }
    }

    private func renderSection(
        _ value: TemplateValue?, body: [TemplateNode], scope: inout Scope, into out: inout [UInt8]
    ) {
        switch value {
        case .none:
            return
        case .flag(let flag):
            if flag { render(body, scope: &scope, into: &out) }
        case .list(let list):
            for index in 0..<list.templateCount {
                scope.stack.append(list.templateElement(at: index))
                render(body, scope: &scope, into: &out)
                scope.stack.removeLast()
            }
        case .some(let value):
            scope.stack.append(value)
            render(body, scope: &scope, into: &out)
            scope.stack.removeLast()
        }
    }

    private func renderInverted(
        _ value: TemplateValue?, body: [TemplateNode], scope: inout Scope, into out: inout [UInt8]
    ) {
        switch value {
        case .none:
            render(body, scope: &scope, into: &out)
        case .flag(let flag):
            if !flag { render(body, scope: &scope, into: &out) }
        case .list(let list):
            if list.templateCount == 0 {
                scope.stack.append(.list(list))
                render(body, scope: &scope, into: &out)
                scope.stack.removeLast()
            }
        default:
            return
        }
    }

    /// The value a name stands for, or nil when nothing in scope has it.
    ///
    /// Walks the stack by index rather than `reversed()`, and returns a one-part name's value
    /// without making a slice of its parts: most names are one part, and this runs for every tag.
    private func lookUp(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        guard !stack.isEmpty else { return nil }
        if name.isCurrent || name.components.isEmpty { return stack[stack.count - 1] }
        if name.isAnchored { return descend(name.components[...], from: stack[stack.count - 1]) }
        let first = name.components[0]
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let object) = stack[index], let child = object.templateField(first) {
                return name.components.count == 1 ? child : descend(name.components.dropFirst(), from: child)
            }
            index -= 1
        }
        return nil
    }

    private func descend(_ components: ArraySlice<FieldName>, from value: TemplateValue) -> TemplateValue? {
        var value = value
        for component in components {
            guard let child = field(component, of: value) else { return nil }
            value = child
        }
        return value
    }

    private func field(_ name: FieldName, of value: TemplateValue) -> TemplateValue? {
        guard case .object(let object) = value else { return nil }
        return object.templateField(name)
    }

    private func write(_ value: TemplateValue, escaped: Bool, into out: inout [UInt8]) {
        switch value {
        case .text(let text):
            if escaped { HTMLEscaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
        case .flag(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            out.append(contentsOf: String(number).utf8)
        case .object(let object):
            append(String(describing: object), escaped: escaped, to: &out)
        case .list(let list):
            append(String(describing: list), escaped: escaped, to: &out)
        case .other(let other):
            append(String(describing: other), escaped: escaped, to: &out)
        }
    }

    private func append(_ text: String, escaped: Bool, to out: inout [UInt8]) {
        if escaped { HTMLEscaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
    }
}
