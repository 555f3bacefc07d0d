internal import Mustache
import Synchronization

/// A view model whose fields templates read through a table of key paths instead of `Mirror`.
///
/// Templates are rendered by ``TemplateProgram``, which asks each view model for a field by name
/// and gets a ``TemplateValue`` back. The table is made once per type, and each key path in it is
/// sorted once into a typed reader (text, flag, number, view model, list), kept at the position of
/// its name's ``FieldName`` number; so a lookup is an array index and one key-path read, with no
/// hashing and no dynamic cast. `TemplateFieldsTests` checks each
/// table against the type's stored properties, so a field can never be silently missing from a page.
///
/// The conformance to swift-mustache's `MustacheParent` is what lets swift-mustache render the same
/// view models: `TemplateProgramTests` renders every page both ways and requires identical bytes.
protocol TemplateFields: MustacheParent, TemplateValueConvertible {
    /// Every field a template may read, by the name templates use (the Swift property name).
    static var templateFields: FieldTable<Self> { get }
    /// The field `name` as a template value, or nil when this type has no such field.
    ///
    /// A requirement, not only an extension method, so each view model gets its own specialized
    /// witness: called through `any TemplateFields`, an extension method runs as unspecialized generic
    /// code that looks up the metadata of `FieldTable<Self>` and its closure types on every read,
    /// which was most of the time of rendering a page.
    func templateField(_ name: FieldName) -> TemplateValue?
}

extension TemplateFields {
    func child(named name: String) -> Any? {
        Self.templateFields.keyPaths[name].map { self[keyPath: $0] }
    }

    func templateField(_ name: FieldName) -> TemplateValue? {
        let readers = Self.templateFields.readers
        return name.number < readers.count ? readers[name.number]?(self) : nil
    }

    var templateValue: TemplateValue { .object(self) }
}

/// Template field names mapped to the key paths that read them, written as a dictionary literal.
struct FieldTable<Root>: ExpressibleByDictionaryLiteral, @unchecked Sendable {
    // @unchecked: key paths and the readers made from them are immutable values; `Root` is only
    // ever a view model, read, never written.

    /// The key paths as written, for swift-mustache and for the table test.
    let keyPaths: [String: PartialKeyPath<Root>]
    /// The same fields as typed readers, for ``TemplateRenderer``, by ``FieldName/number``.
    let readers: [((Root) -> TemplateValue)?]

    init(dictionaryLiteral elements: (String, any PartialKeyPath<Root> & Sendable)...) {
        var keyPaths: [String: PartialKeyPath<Root>] = [:]
        var readers: [((Root) -> TemplateValue)?] = []
        for (name, keyPath) in elements {
            keyPaths[name] = keyPath
            let number = FieldName(name).number
            if readers.count <= number { readers += Array(repeating: nil, count: number + 1 - readers.count) }
            readers[number] = Self.reader(keyPath)
        }
        self.keyPaths = keyPaths
        self.readers = readers
    }

    var keys: Dictionary<String, PartialKeyPath<Root>>.Keys { keyPaths.keys }

    /// A reader that returns the field as the case of ``TemplateValue`` its type calls for, decided
    /// here once rather than by a cast on every read.
    private static func reader(_ keyPath: PartialKeyPath<Root>) -> (Root) -> TemplateValue {
        if let text = keyPath as? KeyPath<Root, String> {
            let read = getter(text)
            return { .text(read($0)) }
        }
        if let flag = keyPath as? KeyPath<Root, Bool> {
            let read = getter(flag)
            return { .flag(read($0)) }
        }
        if let number = keyPath as? KeyPath<Root, Int> {
            let read = getter(number)
            return { .number(read($0)) }
        }
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
        let read = getter(typed)
        return { read($0).templateValue }
    }

    /// A function reading a key path's value: straight from its offset for a stored property of a
    /// struct, else through the key path.
    ///
    /// Why not always the key path: applying one runs the standard library's generic key-path
    /// walker, which looks type metadata up in the runtime's caches on every read; that was a fifth
    /// of the time of rendering a page. A stored property's offset is fixed, and the memory there is
    /// bound to the property's type, so reading it through a typed pointer is a plain copy.
    private static func getter<Value>(_ keyPath: KeyPath<Root, Value>) -> (Root) -> Value {
        guard let offset = MemoryLayout<Root>.offset(of: keyPath) else { return { $0[keyPath: keyPath] } }
        return { root in
            withUnsafePointer(to: root) { pointer in
                (UnsafeRawPointer(pointer) + offset).assumingMemoryBound(to: Value.self).pointee
            }
        }
    }
}

/// A field name as a small number, the same for every table and template in the process, so tables
/// can be arrays indexed by it.
///
/// Numbers are handed out the first time a name is seen, by a field table or by a template being
/// compiled, whichever comes first; both happen once per type or template, never per page.
struct FieldName: Sendable {
    let text: String
    let number: Int

    init(_ text: String) {
        self.text = text
        number = Self.numbers.withLock { numbers in
            if let number = numbers[text] { return number }
            numbers[text] = numbers.count
            return numbers.count - 1
        }
    }

    private static let numbers = Mutex<[String: Int]>([:])
}
