internal import Mustache

/// A view model whose fields templates read through a table of key paths instead of `Mirror`.
///
/// swift-mustache looks values up with `Mirror` unless a value conforms to `MustacheParent`.
/// Measured on 10,000 synthetic findings (7,411 pages), `Mirror` lookups took 69% of the build, so
/// every view model lists its fields here; `TemplateFieldsTests` checks each table against the
/// type's stored properties so a field can never be silently missing from a page.
protocol TemplateFields: MustacheParent {
    /// Every field a template may read, by the name templates use (the Swift property name).
    static var templateFields: FieldTable<Self> { get }
}

/// Template field names mapped to the key paths that read them.
typealias FieldTable<Root> = [String: any PartialKeyPath<Root> & Sendable]

extension TemplateFields {
    func child(named name: String) -> Any? {
        Self.templateFields[name].map { self[keyPath: $0] }
    }
}
