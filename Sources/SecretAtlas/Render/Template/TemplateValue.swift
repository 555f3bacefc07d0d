/// A value a template reads: what a ``TemplateFields`` field holds, sorted by what Mustache does with it.
enum TemplateValue {
    /// Plain text; `{{x}}` escapes it, `{{{x}}}` writes it as it is (fields that hold our own markup).
    case text(String)
    /// A flag for `{{#x}}` / `{{^x}}`; as a variable it prints `true` or `false`.
    case flag(Bool)
    case number(Int)
    /// A view model: a section on it reads names from it first.
    case object(any TemplateFields)
    /// A list: a section renders once per element.
    case list(any TemplateSequence)
    /// Any other value; printed with `String(describing:)`, as swift-mustache does.
    case other(Any)
}

/// A type whose values templates can read.
protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

/// A list templates iterate over.
protocol TemplateSequence {
    var templateCount: Int { get }
    func templateElement(at index: Int) -> TemplateValue
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .flag(self) }
}

extension Int: TemplateValueConvertible {
    var templateValue: TemplateValue { .number(self) }
}

extension Array: TemplateValueConvertible, TemplateSequence where Element: TemplateValueConvertible {
    var templateValue: TemplateValue { .list(self) }
    var templateCount: Int { count }
    func templateElement(at index: Int) -> TemplateValue { self[index].templateValue }
}
