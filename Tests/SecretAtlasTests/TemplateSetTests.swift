import Foundation
import Testing

@testable import SecretAtlas

struct TemplateSetTests {
    /// A copy of the bundled templates in a temporary folder, to break on purpose.
    private func copyOfTemplates() throws -> URL {
        let folder = try TestSupport.temporaryDirectory()
        let copy = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(atPath: TestSupport.templates, toPath: copy.path)
        return copy
    }

    @Test func loadsTheBundledTemplates() throws {
        _ = try TemplateSet(directory: TestSupport.templates)
    }

    @Test func reportsATemplateSyntaxErrorWithItsPlace() throws {
        let copy = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try Data("<h1>{{title}}</h1>\n<p>{{#secrets}}{{name}}{{/secret}}</p>\n".utf8)
            .write(to: copy.appendingPathComponent("secret.mustache"))
        #expect(
            throws: SiteError.templateSyntax(
                name: "secret", line: 2, column: 27,
                detail: "a section is closed with a different name than it was opened with")
        ) {
            try TemplateSet(directory: copy.path)
        }
        let message = SiteError.templateSyntax(
            name: "secret", line: 2, column: 27,
            detail: "a section is closed with a different name than it was opened with"
        ).description
        #expect(
            message
                == "Template syntax error in 'secret.mustache' at 2:27: a section is closed with a different name than it was opened with."
        )
    }

    @Test func reportsAMissingTemplate() throws {
        let copy = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: copy.appendingPathComponent("resource.mustache"))
        #expect(throws: SiteError.templateMissing(name: "resource", searched: copy.path)) {
            try TemplateSet(directory: copy.path)
        }
        #expect(
            SiteError.templateMissing(name: "resource", searched: "/t").description
                == "Template 'resource.mustache' is missing from '/t'; copy it from the bundled Templates/.")
    }

    @Test func reportsAMalformedCatalogFile() throws {
        let copy = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let file = copy.appendingPathComponent("remediation/npm-token.md")
        try Data("---\ntitle: npm\ncategory: Token\n---\nbody".utf8).write(to: file)
        #expect(
            throws: SiteError.catalogInvalid(
                path: file.path, detail: "missing or bad severity; expected critical, high, medium or low")
        ) {
            try CatalogLoader(templatesDirectory: copy.path).load()
        }
    }

    @Test(arguments: [
        ("---\n---\nbody", "front matter must be a YAML mapping"),
        ("---\ntitle: x\n", "expected YAML front matter between two '---' lines"),
        ("no front matter", "expected YAML front matter between two '---' lines"),
        ("---\ntitle: [unclosed\n---\n", "front matter is not valid YAML"),
    ])
    func reportsBrokenFrontMatterWithoutCrashing(text: String, detail: String) throws {
        let copy = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let file = copy.appendingPathComponent("remediation/npm-token.md")
        try Data(text.utf8).write(to: file)
        do {
            _ = try CatalogLoader(templatesDirectory: copy.path).load()
            Issue.record("expected an error")
        } catch let SiteError.catalogInvalid(path, found) {
            #expect(path == file.path)
            #expect(found.hasPrefix(detail), "\(found)")
        }
    }
}
