@testable import SecretAtlas

/// Puts fuzzed text into the string fields of a small native input (names, tags, paths, a scanner,
/// an attack path's name, story and risk factors, ids), builds the whole site in memory with the
/// bundled templates, and checks the pages.
///
/// The input is pieces separated by `\0`, one per field. Every shown field gets the piece after a
/// `<fz>` marker, which the templates never write; ids get the piece appended. Asserts: an input
/// that is refused is refused with diagnostics naming the file; no `.html` or `.svg` file holds
/// `<fz` (every value is escaped wherever it lands); every output path is relative, has no empty,
/// `.` or `..` component, no NUL, and no component longer than 255 bytes.
enum SiteTarget {
    static let templates: TemplateSet = {
        do {
            return try TemplateSet(directory: FuzzSupport.templates)
        } catch {
            fatalError("cannot load the templates: \(error)")
        }
    }()

    static func run(_ bytes: [UInt8]) {
        let pieces = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        func piece(_ index: Int) -> String { index < pieces.count ? pieces[index] : "" }
        func shown(_ index: Int) -> String { json("<fz>" + piece(index)) }
        let vm = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/"
        let bastion = json(vm + "bastion" + piece(13))
        let app = json(vm + "app")
        let document = """
            {"format": "secret-atlas/v1", "scan": {"time": "2026-11-20T06:00:00Z", "source": \(shown(12))},
             "resources": [
               {"id": \(bastion), "name": \(shown(0)), "kind": "virtualMachine", "cloud": "azure",
                "subscription": "0000", "resourceGroup": \(json("rg" + piece(15))), "region": \(shown(4)),
                "os": \(shown(5)), "tags": {\(shown(2)): \(shown(3))}, "internetExposed": true, "criticality": "high"},
               {"id": \(app), "name": \(shown(1)), "kind": "virtualMachine", "cloud": "azure", "region": "westeurope"}
             ],
             "findings": [
               {"resource": \(bastion), "secretType": "ssh-private-key",
                "fingerprint": "SHA256:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo", "filePath": \(shown(6)),
                "line": 1, "scanner": \(shown(7)), "targetHosts": [\(json(piece(16)))]},
               {"resource": \(app), "secretType": \(json(piece(17))),
                "fingerprint": "hmac-sha256:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                "filePath": \(shown(18)), "line": 4}
             ],
             "edges": [{"type": "exposedTo", "from": \(bastion), "to": "internet", "source": "inventory"}],
             "attackPaths": [
               {"id": \(json("ap-" + piece(14))), "name": \(shown(8)), "riskLevel": "high",
                "entryPoint": \(bastion), "target": \(app),
                "steps": [\(bastion), "secret:SHA256:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo", \(app)],
                "riskFactors": [\(shown(9))], "attackStory": [\(shown(10))], "mitre": [\(shown(11))],
                "source": "fuzz"}
             ]}
            """
        let path = FuzzSupport.write(Array(document.utf8), name: "site.json")
        let input = InputLoader().load(["native:" + path])
        let (model, diagnostics) = SiteModelBuilder(
            catalog: FuzzSupport.catalog, title: "Fuzz", sourceDateEpoch: 0
        ).build(input)
        checkDiagnostics(diagnostics, file: path, stage: "site")
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
        let writer = InMemoryWriter()
        do {
            _ = try SiteBuilder.write(
                model: model, templates: templates, assetsDirectory: FuzzSupport.assets, jobs: 1, to: writer)
        } catch {
            require(false, "a valid model failed to render: \(error)")
        }
        for (path, bytes) in writer.files {
            checkPath(path)
            guard path.hasSuffix(".html") || path.hasSuffix(".svg") else { continue }
            require(
                !contains(bytes, Array("<fz".utf8)),
                "\(path) holds an unescaped value: \(excerpt(bytes, around: Array("<fz".utf8)))")
        }
    }

    private static func checkPath(_ path: String) {
        require(!path.hasPrefix("/"), "absolute output path \(path.debugDescription)")
        require(!path.utf8.contains(0), "NUL in output path \(path.debugDescription)")
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            require(
                !component.isEmpty && component != "." && component != "..",
                "output path with an empty, . or .. component: \(path.debugDescription)")
            require(
                component.utf8.count <= 255, "output path component over 255 bytes: \(path.debugDescription)")
        }
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        firstIndex(haystack, needle) != nil
    }

    private static func firstIndex(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    private static func excerpt(_ bytes: [UInt8], around needle: [UInt8]) -> String {
        guard let start = firstIndex(bytes, needle) else { return "" }
        return String(decoding: bytes[max(0, start - 80)..<min(bytes.count, start + 80)], as: UTF8.self)
            .debugDescription
    }
}
