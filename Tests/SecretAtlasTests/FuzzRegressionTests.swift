import Foundation
import Testing

@testable import SecretAtlas

/// Replays every input the fuzz targets found.
///
/// Each input that crashed SecretAtlas or broke a check of a fuzz target (Fuzz/, `make fuzz`) is
/// kept in `Tests/Fixtures/hostile/fuzz/<target>/` and read again here the way its target reads
/// it, so the fix stays in `swift test`: an importer's input as `FORMAT:PATH` then into a model,
/// key text through ``SSHKeyFingerprint``, Markdown through ``MarkdownRenderer``, a template
/// through ``TemplateSet``. Each must end in records or clear diagnostics, never a crash (a crash
/// ends this test run).
struct FuzzRegressionTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/hostile/fuzz")

    /// (target, file) for every regression input.
    static let cases: [(String, String)] = {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return targets.sorted().flatMap { target in
            let files =
                (try? FileManager.default.contentsOfDirectory(
                    atPath: folder.appendingPathComponent(target).path)) ?? []
            return files.sorted().map { (target, $0) }
        }
    }()

    @Test func everyTargetFolderIsAFuzzTarget() {
        #expect(!Self.cases.isEmpty)
        let known = Set(InputFormats.names + ["detect", "ssh-key", "markdown", "template"])
        for (target, file) in Self.cases {
            #expect(known.contains(target), "\(target)/\(file): no fuzz target of that name is replayed here")
        }
    }

    @Test(arguments: cases.map { "\($0.0)/\($0.1)" })
    func replays(_ name: String) throws {
        let target = String(name.prefix { $0 != "/" })
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        switch target {
        case "markdown":
            let html = MarkdownRenderer().html(from: String(decoding: bytes, as: UTF8.self))
            #expect(!html.lowercased().contains("<script"))
        case "template":
            try replayTemplate(bytes)
        case "ssh-key":
            replaySSHKey(bytes)
        case "detect":
            let names = [
                "input.json", "input.jsonl", "input.sarif", "input.csv", "authorized_keys", "key.pub",
            ]
            let file = bytes.first.map { names[Int($0) % names.count] } ?? names[0]
            try replayImport(Array(bytes.dropFirst()), fileName: file, format: nil)
        default:
            try replayImport(bytes, fileName: Self.fileName(for: target), format: target)
        }
    }

    /// A template that includes itself through partials or parents is refused when the templates are
    /// loaded (it used to recurse until the stack overflowed), naming the chain.
    @Test func aTemplateThatIncludesItselfIsRefused() throws {
        #expect(throws: SiteError.templateRecursion(chain: ["page", "page"])) {
            try TemplateSet(texts: ["page": "{{>page}}"], directory: "t")
        }
        #expect(throws: SiteError.templateRecursion(chain: ["a", "partials/b", "a"])) {
            try TemplateSet(
                texts: [
                    "a": "<p>{{#rows}}{{> partials/b}}{{/rows}}</p>",
                    "partials/b": "{{<a}}{{$x}}{{/x}}{{/a}}",
                ],
                directory: "t")
        }
        #expect(
            SiteError.templateRecursion(chain: ["a", "b", "a"]).description
                == "Template 'a.mustache' includes itself (a → b → a), which would never end; "
                + "a partial or parent may not include a template that includes it.")
        // Partials and parents that do not come back are fine, as in the bundled templates.
        _ = try TemplateSet(texts: ["a": "{{>b}}{{>b}}", "b": "{{>c}}", "c": "x"], directory: "t")
    }

    /// The file name each importer target writes its input under (Fuzz/Sources/SecretAtlasFuzz/ImporterTarget.swift).
    static func fileName(for format: String) -> String {
        switch format {
        case "native-jsonl", "trufflehog", "trufflehog-legacy": "input.jsonl"
        case "sarif": "input.sarif"
        case "gitleaks-csv": "input.csv"
        case "openssh-keys": "authorized_keys"
        default: "input.json"
        }
    }

    private func replayImport(_ bytes: [UInt8], fileName: String, format: String?) throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(fileName).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let input = InputLoader().load([format.map { "\($0):\(path)" } ?? path])
        for diagnostic in input.diagnostics {
            #expect(diagnostic.file == nil || diagnostic.file == path, "\(diagnostic)")
        }
        let (_, diagnostics) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "T", sourceDateEpoch: 0
        )
        .build(input)
        for diagnostic in diagnostics {
            #expect(diagnostic.file == nil || diagnostic.file == path, "\(diagnostic)")
        }
    }

    /// The first byte picks a PEM label for the rest, or (4) the rest as text and key lines.
    private func replaySSHKey(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let labels = ["OPENSSH PRIVATE KEY", "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"]
        let body = Data(bytes.dropFirst())
        var fingerprints: [String?] = []
        if Int(selector) % 5 < 4 {
            let label = labels[Int(selector) % 5]
            fingerprints.append(
                SSHKeyFingerprint.fromPrivateKey(
                    "-----BEGIN \(label)-----\n\(body.base64EncodedString())\n-----END \(label)-----\n"))
        } else {
            let text = String(decoding: body, as: UTF8.self)
            fingerprints.append(SSHKeyFingerprint.fromPrivateKey(text))
            fingerprints += text.split(whereSeparator: \.isNewline).map(SSHKeyFingerprint.fromPublicKeyLine)
        }
        for case let fingerprint? in fingerprints {
            #expect(fingerprint.hasPrefix("SHA256:") && fingerprint.utf8.count == 50, "\(fingerprint)")
        }
    }

    /// `TEMPLATE \0 VALUE \1 VALUE …`, with the fuzz target's two partials.
    private func replayTemplate(_ bytes: [UInt8]) throws {
        let split = bytes.firstIndex(of: 0) ?? bytes.count
        let text = String(decoding: bytes[..<split], as: UTF8.self)
        let values = bytes[min(split + 1, bytes.count)...].split(
            separator: 1, omittingEmptySubsequences: false
        )
        .map { String(decoding: $0, as: UTF8.self) }
        let templates: TemplateSet
        do {
            templates = try TemplateSet(
                texts: [
                    "page": text, "item": "[li]{{name}}[/li]\n{{#flag}}\n[i]flagged[/i]\n{{/flag}}\n",
                    "frame":
                        "[main]\n{{$body}}default{{/body}}\n{{$other}}other default{{/other}}\n[/main]\n",
                ], directory: "fuzz")
        } catch is SiteError {
            return
        }
        _ = try templates.render(
            View(title: values.first ?? "<t>", rows: values.map { Row(name: $0) }), template: "page")
    }

    private struct Row: TemplateFields {
        let name: String
        let flag = true
        static let templateFields: FieldTable<Self> = ["name": \.name, "flag": \.flag]
    }

    private struct View: TemplateFields {
        let title: String
        let rows: [Row]
        static let templateFields: FieldTable<Self> = ["title": \.title, "rows": \.rows]
    }
}
