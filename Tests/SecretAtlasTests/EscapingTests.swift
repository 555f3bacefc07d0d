import Foundation
import Testing

@testable import SecretAtlas

/// Hostile text in every string field of the native format must reach pages only escaped.
struct EscapingTests {
    static let payloads = [
        "<script>window.__xss=1</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
        "' onmouseover='alert(1)", "{{shell.root}}", "</title><svg onload=alert(1)>",
    ]

    private func hostileDocument(_ payload: String) throws -> String {
        func quoted(_ text: String) throws -> String {
            String(
                decoding: try JSONSerialization.data(
                    withJSONObject: [text], options: [.withoutEscapingSlashes]), as: UTF8.self
            )
            .dropFirst().dropLast().description
        }
        let p = try quoted(payload)
        let fingerprint = "hmac-sha256:00112233445566778899aabbccddeeff"
        return """
            {"format": "secret-atlas/v1",
             "scan": {"time": "2026-11-20T06:00:00Z", "source": \(p)},
             "resources": [
               {"id": \(try quoted("vm/" + payload)), "name": \(p), "kind": "virtualMachine", "cloud": "azure",
                "subscription": \(p), "resourceGroup": \(p), "region": \(p), "os": \(p), "tags": {\(p): \(p)},
                "internetExposed": true, "hostnames": [\(p)], "authorizedKeys": ["SHA256:0123456789abcdefXYZ"]},
               {"id": "target", "name": \(p), "kind": "storageAccount", "cloud": "azure"}
             ],
             "findings": [
               {"resource": \(try quoted("vm/" + payload)), "secretType": \(p), "fingerprint": "\(fingerprint)",
                "filePath": \(p), "scanner": \(p)},
               {"resource": \(try quoted("vm/" + payload)), "secretType": "ssh-private-key", "fingerprint": "SHA256:0123456789abcdefXYZ",
                "filePath": \(try quoted("/home/" + payload + "/.ssh/id_rsa")),
                "publicKeyFingerprint": "SHA256:0123456789abcdefXYZ"}
             ],
             "edges": [{"type": "canAuthenticateTo", "from": "secret:\(fingerprint)", "to": "target", "source": \(p)}],
             "attackPaths": [
               {"id": \(p), "name": \(p), "riskLevel": "high", "entryPoint": \(try quoted("vm/" + payload)),
                "target": "target", "steps": [\(try quoted("vm/" + payload)), "secret:\(fingerprint)", "target"],
                "riskFactors": [\(p)], "description": \(p), "potentialImpact": \(p), "attackStory": [\(p)],
                "mitre": [\(p)], "source": \(p)},
               {"id": "unknown-nodes", "name": "n", "riskLevel": "low", "entryPoint": \(p), "target": \(p)}
             ]}
            """
    }

    @Test(arguments: payloads)
    func hostileValuesAreEscapedOnEveryPage(payload: String) throws {
        let input = NativeImporter(file: "hostile.json").importJSON(Array(try hostileDocument(payload).utf8))
        #expect(input.diagnostics.filter { $0.severity == .error }.isEmpty, "\(input.diagnostics)")
        let builder = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: payload, sourceDateEpoch: nil)
        let (model, _) = builder.build(input)
        let files = try TestSupport.site(for: model)
        let pages = files.filter { $0.key.hasSuffix(".html") }.mapValues {
            String(decoding: $0, as: UTF8.self)
        }
        #expect(pages.count > 8)
        var occurrences = 0
        for (path, html) in pages {
            #expect(
                !html.contains(payload) || !payload.contains(where: { "<>\"'".contains($0) }),
                "raw payload in \(path)")
            // The only scripts are the site's own files, loaded by src.
            let ownScripts = try Regex(
                #"<script src="(\.\./)*(assets/site\.js|assets/explorer\.js|data/explorer/index\.js)" defer></script>"#
            )
            #expect(!html.replacing(ownScripts, with: "").contains("<script"), "script tag in \(path)")
            #expect(!html.contains("<img src=x"), "injected img in \(path)")
            #expect(!html.contains("<svg onload"), "injected svg in \(path)")
            #expect(!html.contains("href=\"javascript:"), "javascript link in \(path)")
            #expect(!html.contains("onmouseover='"), "attribute breakout in \(path)")
            occurrences += html.components(separatedBy: escaped(payload)).count - 1
        }
        // Data files quote every string with <, > and & escaped, so no text can end a script.
        for (path, bytes) in files where path.hasPrefix(ExplorerData.folder) {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("<") && !text.contains(">"), "markup in \(path)")
        }
        // The payload is shown (escaped), not silently dropped: the report must stay honest.
        #expect(occurrences > 10)
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
