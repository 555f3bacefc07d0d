import Foundation
import Testing

@testable import SecretAtlas

/// Every view model's field table must list exactly its stored properties; otherwise a template
/// would silently render an empty value where a field was forgotten.
struct TemplateFieldsTests {
    @Test func everyFieldTableMatchesItsStoredProperties() throws {
        let input = InputLoader().load([TestSupport.sampleInput])
        let (model, _) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "T", sourceDateEpoch: nil
        )
        .build(input)
        let context = RenderContext(model: model, version: "test", markdown: MarkdownRenderer())
        let renderer = SiteRenderer(
            context: context, templates: try TemplateSet(directory: TestSupport.templates))
        var checked = Set<String>()
        var textFields = Set<String>()
        for page in try SitePlan(model: model).pages {
            check(renderer.viewModel(for: page).0, checked: &checked, textFields: &textFields)
        }
        // Every view-model type the pages use was reached.
        #expect(checked.count >= 30, "\(checked.sorted())")

        // swift-mustache treats an empty string as true in {{#x}} sections, so sections must test
        // Bool fields (hasX), never text.
        let sectionPattern = try Regex(#"\{\{[#^]([A-Za-z.]+)\}\}"#)
        var sections = Set<String>()
        for file in try FileManager.default.subpathsOfDirectory(atPath: TestSupport.templates)
        where file.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: TestSupport.templates + "/" + file, encoding: .utf8)
            for match in text.matches(of: sectionPattern) {
                sections.insert(String(match.output[1].substring?.split(separator: ".").last ?? ""))
            }
        }
        #expect(
            sections.intersection(textFields).isEmpty,
            "sections on text fields: \(sections.intersection(textFields))")
    }

    private func fieldNames<Value: TemplateFields>(_ value: Value) -> Set<String> {
        Set(Value.templateFields.keys)
    }

    private func check(_ value: Any, checked: inout Set<String>, textFields: inout Set<String>) {
        if let fields = value as? any TemplateFields {
            let typeName = String(reflecting: type(of: fields))
            let mirror = Mirror(reflecting: fields)
            if checked.insert(typeName).inserted {
                let stored = Set(mirror.children.compactMap(\.label))
                let listed = fieldNames(fields)
                #expect(
                    stored == listed,
                    "\(typeName): missing \(stored.subtracting(listed)), extra \(listed.subtracting(stored))")
            }
            for child in mirror.children {
                if child.value is String, let label = child.label { textFields.insert(label) }
                check(child.value, checked: &checked, textFields: &textFields)
            }
        } else if let array = value as? [Any] {
            for element in array { check(element, checked: &checked, textFields: &textFields) }
        }
    }
}
