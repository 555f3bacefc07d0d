import Foundation
import Testing

@testable import SecretAtlas

/// The compiled renderer (``TemplateProgram`` + ``TemplateRenderer``) must give exactly the bytes
/// swift-mustache gives, page for page; swift-mustache is the reference.
struct TemplateProgramTests {
    @Test func everyPageOfTheSampleRendersAsSwiftMustacheRendersIt() throws {
        let input = InputLoader().load([TestSupport.sampleInput])
        let (model, _) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "T", sourceDateEpoch: nil
        )
        .build(input)
        let templates = try TemplateSet(directory: TestSupport.templates)
        #expect(templates.isCompiled, "the bundled templates must not fall back to swift-mustache")
        let context = RenderContext(model: model, version: "test", markdown: MarkdownRenderer())
        let renderer = SiteRenderer(context: context, templates: templates)
        var compared = 0
        for page in try SitePlan(model: model).pages {
            let (viewModel, template) = renderer.viewModel(for: page)
            let compiled = try templates.render(viewModel, template: template)
            let reference = Array(try templates.renderWithMustache(viewModel, template: template).utf8)
            #expect(compiled == reference, "\(page.path) differs")
            compared += 1
        }
        #expect(compared > 50)
    }

    /// Mustache features the bundled templates use only a little, each against swift-mustache.
    @Test(arguments: [
        // Standalone partial: its indentation starts every line; standalone section lines vanish.
        "<ul>\n  {{> item}}\n</ul>\n",
        // Sections on lists, flags, objects; inverted on empty lists and false; dotted names.
        "{{#rows}}{{name}}:{{#flag}}y{{/flag}}{{^flag}}n{{/flag}};{{/rows}}|{{^none}}empty{{/none}}|{{child.name}}|{{#child}}{{name}}{{title}}{{/child}}",
        // Lookup climbs outwards; `.` is the current value; anchored names do not climb.
        "{{#rows}}{{title}}{{/rows}}|{{#words}}<{{.}}>{{/words}}|{{#child}}[{{.title}}]{{/child}}",
        // Escaped and raw text, numbers and flags printed, missing names empty.
        "{{title}}|{{{title}}}|{{&title}}|{{count}}|{{flag}}|{{missing}}|{{missing.deeper}}",
        // Inheritance: a block's override, a block's default, comments and standalone tags.
        "{{<frame}}\n{{$body}}\n  <b>{{title}}</b>\n{{/body}}\n{{/frame}}\n{{! a comment }}\nafter\n",
        // Nested sections with standalone lines and indentation inside a partial.
        "{{#rows}}\n  {{> item}}\n{{/rows}}\n",
    ])
    func rendersAsSwiftMustache(_ text: String) throws {
        let templates = try TemplateSet(
            texts: [
                "page": text, "item": "<li>{{name}}</li>\n{{#flag}}\n<i>flagged</i>\n{{/flag}}\n",
                "frame": "<main>\n{{$body}}default{{/body}}\n{{$other}}other default{{/other}}\n</main>\n",
            ], directory: "test")
        #expect(templates.isCompiled)
        let view = Sample()
        let compiled = String(decoding: try templates.render(view, template: "page"), as: UTF8.self)
        #expect(compiled == (try templates.renderWithMustache(view, template: "page")))
    }

    /// A template the compiler does not read (here a transform) sends the set to swift-mustache,
    /// which still renders it.
    @Test func aTemplateWithATransformIsRenderedBySwiftMustache() throws {
        let templates = try TemplateSet(texts: ["page": "{{uppercased(title)}}"], directory: "test")
        #expect(!templates.isCompiled)
        #expect(
            try templates.render(Sample(), template: "page")
                == Array("A &lt;B&gt; &amp; &quot;C&quot; &#39;D&#39;".utf8))
    }

    private struct Row: TemplateFields {
        let name: String
        let flag: Bool
        static let templateFields: FieldTable<Self> = ["name": \.name, "flag": \.flag]
    }

    private struct Child: TemplateFields {
        let name = "child & co"
        let title = "child title"
        static let templateFields: FieldTable<Self> = ["name": \.name, "title": \.title]
    }

    private struct Sample: TemplateFields {
        let title = "a <b> & \"c\" 'd'"
        let count = 42
        let flag = true
        let rows = [Row(name: "<one>", flag: true), Row(name: "two", flag: false)]
        let none: [Row] = []
        let words = ["x", "y&z"]
        let child = Child()
        static let templateFields: FieldTable<Self> = [
            "title": \.title, "count": \.count, "flag": \.flag, "rows": \.rows, "none": \.none,
            "words": \.words, "child": \.child,
        ]
    }
}
