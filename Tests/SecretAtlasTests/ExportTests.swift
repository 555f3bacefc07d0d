import Foundation
import Testing

@testable import SecretAtlas

/// `secret-atlas export`: single self-contained pages and Markdown of one item of the sample.
@Suite(.serialized)
struct ExportTests {
    private func configuration() -> SiteConfiguration {
        SiteConfiguration(
            inputs: [TestSupport.sampleInput], outputDirectory: "", templatesDirectory: TestSupport.templates,
            assetsDirectory: TestSupport.assets)
    }

    /// The sample's site, built once per test, and its fingerprint.
    private func sampleSite(in folder: URL) throws -> (files: [String: [UInt8]], fingerprint: String) {
        var configuration = configuration()
        configuration.outputDirectory = folder.appendingPathComponent("site").path
        _ = try SiteBuilder.build(configuration)
        let files = try TestSupport.readTree(configuration.outputDirectory)
        let fingerprint = String(decoding: files["REPORT-FINGERPRINT"] ?? [], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return (files, fingerprint)
    }

    /// One id of each kind from the sample's findings.json (and a recommendation page name).
    private func ids(_ files: [String: [UInt8]]) throws -> [(ExportRequest.Kind, String, String)] {
        let report = try JSONDecoder().decode(ReportData.self, from: Data(files["findings.json"] ?? []))
        let recommendation = try #require(
            files.keys.filter { $0.hasPrefix("recommendations/") && $0 != "recommendations/index.html" }
                .sorted()
                .first)
        let secret = try #require(report.secrets.first { !$0.targets.isEmpty })
        let resource = try #require(report.resources.first { $0.secretCount > 0 })
        let path = try #require(report.attackPaths.first)
        return [
            (.secret, secret.id, secret.permalink), (.resource, resource.id, resource.permalink),
            (
                .recommendation, String(recommendation.dropFirst("recommendations/".count).dropLast(5)),
                recommendation
            ),
            (.attackPath, path.id, path.permalink),
        ]
    }

    static func captures(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let source = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: source.length)).map {
            source.substring(with: $0.range(at: 1))
        }
    }

    @Test func exportedPagesReferenceNoOtherFileAndCarryTheFingerprintAndPermalink() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (files, fingerprint) = try sampleSite(in: folder)
        for (kind, id, permalink) in try ids(files) {
            for base in [nil, "https://reports.example.com/2026-11"] {
                let output = folder.appendingPathComponent("\(kind.rawValue)-\(base == nil).html").path
                let result = try SiteBuilder.export(
                    configuration(), ExportRequest(kind: kind, id: id, outputPath: output, baseURL: base))
                #expect(result.fingerprint == fingerprint)
                #expect(result.permalink == (base.map { $0 + "/" } ?? "") + permalink)
                let html = try String(contentsOfFile: output, encoding: .utf8)
                #expect(html.contains(fingerprint), "\(kind)")
                #expect(html.contains(result.permalink), "\(kind)")
                for reference in Self.captures(#"\s(?:src|href)="([^"]*)""#, in: html) {
                    let allowed =
                        reference.hasPrefix("#") || reference.hasPrefix("data:")
                        || (base != nil && reference.hasPrefix(base! + "/"))
                    #expect(allowed, "\(kind) refers to \(reference)")
                }
                // `url(#id)` names a marker inside the page's own diagram; anything else must be inline data.
                #expect(
                    Self.captures(#"url\(\s*['"]?([^'")]*)"#, in: html).allSatisfy {
                        $0.hasPrefix("data:") || $0.hasPrefix("#")
                    })
                #expect(!html.contains("<link") && !html.contains("<script"), "\(kind)")
                // The CSP allows exactly the one inline style, by its hash, and nothing else to run.
                let policy = try #require(
                    Self.captures(#"http-equiv="Content-Security-Policy" content="([^"]*)""#, in: html).first)
                #expect(!policy.contains("unsafe-inline") && !policy.contains("'self'"))
                let styles = Self.captures(#"<style>([\s\S]*?)</style>"#, in: html)
                #expect(styles.count == 1)
                let hash = Data(Array(styles.first?.utf8 ?? "".utf8).sha256Digest).base64EncodedString()
                #expect(policy.contains("style-src 'sha256-\(hash)'"), "\(kind)")
                #expect(html.contains("--accent"), "the site stylesheet is inlined")
                #expect(html.contains("src=\"data:image/svg+xml;base64,"), "icons are inlined")
            }
        }
    }

    @Test func markdownCarriesFactsRemediationFingerprintAndPermalink() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (files, fingerprint) = try sampleSite(in: folder)
        for (kind, id, permalink) in try ids(files) {
            let output = folder.appendingPathComponent("\(kind.rawValue).md").path
            _ = try SiteBuilder.export(
                configuration(),
                ExportRequest(kind: kind, id: id, outputPath: output, baseURL: "https://r.example.com/x/"))
            let markdown = try String(contentsOfFile: output, encoding: .utf8)
            #expect(markdown.hasPrefix("# "))
            #expect(markdown.contains("Report fingerprint `\(fingerprint)`"))
            #expect(markdown.contains("<https://r.example.com/x/\(permalink)>"))
            #expect(markdown.contains("## Remediation") || markdown.contains("## Remediation:"), "\(kind)")
            #expect(!markdown.contains("<script") && !markdown.contains("<img"))
        }
    }

    @Test func anItemCanBeNamedByTheIdTheInputGives() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (files, _) = try sampleSite(in: folder)
        let report = try JSONDecoder().decode(ReportData.self, from: Data(files["findings.json"] ?? []))
        let secret = try #require(report.secrets.first)
        let resource = try #require(report.resources.first)
        let output = folder.appendingPathComponent("x.md").path
        #expect(
            try SiteBuilder.export(
                configuration(), ExportRequest(kind: .secret, id: secret.fingerprint, outputPath: output)
            ).permalink == secret.permalink)
        #expect(
            try SiteBuilder.export(
                configuration(), ExportRequest(kind: .resource, id: resource.cloudId, outputPath: output)
            ).permalink == resource.permalink)
    }

    @Test func anUnknownItemOrFormatIsAClearErrorAndWritesNothing() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("x.html").path
        #expect {
            _ = try SiteBuilder.export(
                configuration(), ExportRequest(kind: .attackPath, id: "no-such-path", outputPath: output))
        } throws: { error in
            guard let error = error as? SiteError, case .itemNotFound = error else { return false }
            return error.description.contains("no-such-path") && error.description.contains("attack-paths/")
        }
        #expect(throws: SiteError.unknownExportFormat(path: folder.path + "/x.pdf")) {
            _ = try SiteBuilder.export(
                configuration(), ExportRequest(kind: .secret, id: "x", outputPath: folder.path + "/x.pdf"))
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

extension Array where Element == UInt8 {
    /// SHA-256 of the bytes, through the same library the manifest uses.
    var sha256Digest: [UInt8] {
        var bytes: [UInt8] = []
        let hex = Manifest.digest(self)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }
}
