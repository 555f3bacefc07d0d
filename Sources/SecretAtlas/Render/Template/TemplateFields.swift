internal import Mustache

/// A view model whose fields templates read through a table of key paths instead of `Mirror`.
///
/// Templates are rendered by ``TemplateProgram``, which asks each view model for a field by name
/// and gets a ``TemplateValue`` back. The table is made once per type, and each key path in it is
/// sorted once into a typed reader (text, flag, number, view model, list), so a lookup costs one
/// dictionary probe and one key-path read, with no dynamic cast. `TemplateFieldsTests` checks each
/// table against the type's stored properties, so a field can never be silently missing from a page.
///
/// The conformance to swift-mustache's `MustacheParent` is what lets swift-mustache render the same
/// view models: `TemplateProgramTests` renders every page both ways and requires identical bytes.
protocol TemplateFields: MustacheParent, TemplateValueConvertible {
    /// Every field a template may read, by the name templates use (the Swift property name).
    static var templateFields: FieldTable<Self> { get }
}

extension TemplateFields {
    func child(named name: String) -> Any? {
        Self.templateFields.keyPaths[name].map { self[keyPath: $0] }
    }

    /// The field `name` as a template value, or nil when this type has no such field.
    func templateField(named name: String) -> TemplateValue? {
        Self.templateFields.readers[name]?(self)
    }

    var templateValue: TemplateValue { .object(self) }
}

/// Template field names mapped to the key paths that read them, written as a dictionary literal.
struct FieldTable<Root>: ExpressibleByDictionaryLiteral, @unchecked Sendable {
    // @unchecked: key paths and the readers made from them are immutable values; `Root` is only
    // ever a view model, read, never written.

    /// The key paths as written, for swift-mustache and for the table test.
    let keyPaths: [String: PartialKeyPath<Root>]
    /// The same fields as typed readers, for ``TemplateProgram``.
    let readers: [String: (Root) -> TemplateValue]

    init(dictionaryLiteral elements: (String, any PartialKeyPath<Root> & Sendable)...) {
        var keyPaths: [String: PartialKeyPath<Root>] = [:]
        var readers: [String: (Root) -> TemplateValue] = [:]
        for (name, keyPath) in elements {
            keyPaths[name] = keyPath
            readers[name] = Self.reader(keyPath)
        }
        self.keyPaths = keyPaths
        self.readers = readers
    }

    var keys: Dictionary<String, PartialKeyPath<Root>>.Keys { keyPaths.keys }

    /// A reader that returns the field as the case of ``TemplateValue`` its type calls for, decided
    /// here once rather than by a cast on every read.
    private static func reader(_ keyPath: PartialKeyPath<Root>) -> (Root) -> TemplateValue {
        if let text = keyPath as? KeyPath<Root, String> { return { .text($0[keyPath: text]) } }
        if let flag = keyPath as? KeyPath<Root, Bool> { return { .flag($0[keyPath: flag]) } }
        if let number = keyPath as? KeyPath<Root, Int> { return { .number($0[keyPath: number]) } }
        if let convertible = type(of: keyPath).valueType as? any TemplateValueConvertible.Type {
            return typedReader(convertible, keyPath)
        }
        return { .other($0[keyPath: keyPath]) }
    }

    private static func typedReader<Value: TemplateValueConvertible>(
        _ type: Value.Type, _ keyPath: PartialKeyPath<Root>
    ) -> (Root) -> TemplateValue {
        // Always succeeds: the key path's value type is `Value`.
        guard let typed = keyPath as? KeyPath<Root, Value> else { return { .other($0[keyPath: keyPath]) } }
        return { $0[keyPath: typed].templateValue }
    }
}
