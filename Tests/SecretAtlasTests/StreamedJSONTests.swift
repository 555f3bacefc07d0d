import Foundation
import Testing

@testable import SecretAtlas

/// `findings.json` and the JSON writer it is streamed with: the same bytes as `JSONEncoder`
/// (pretty, sorted keys, slashes unescaped), which defined the file before it was streamed.
struct StreamedJSONTests {
    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func streamed(_ write: (inout PrettyJSONWriter) throws -> Void) throws -> [UInt8] {
        let sink = CollectingSink()
        var json = PrettyJSONWriter(output: ChunkBuffer(sink: sink))
        try write(&json)
        try json.output.flush()
        return sink.bytes
    }

    /// Every character `JSONEncoder` escapes, and some it does not.
    static let awkward =
        "q\"b\\s/n\nr\rt\tb\u{8}f\u{c}z\u{0}o\u{1}u\u{1f}d\u{7f}é€😀\u{2028}<>&'"

    @Test func entriesAreWrittenAsJSONEncoderWritesThem() throws {
        let occurrences = [
            ReportData.Occurrence(
                resource: Self.awkward, resourceName: nil, filePath: "C:\\x\\y.env", line: nil, scanner: nil,
                firstSeen: nil, lastSeen: nil),
            ReportData.Occurrence(
                resource: "/r", resourceName: "vm", filePath: "/opt/.env", line: 7, scanner: "gitleaks",
                firstSeen: "2026-01-01T00:00:00Z", lastSeen: "2026-02-01T00:00:00Z"),
        ]
        let secrets = [
            ReportData.SecretEntry(
                id: "a", permalink: "secrets/a.html", fingerprint: "SHA256:x/y+z", type: "t",
                title: Self.awkward,
                severity: "high", verification: "verified", status: nil, targets: [], occurrences: []),
            ReportData.SecretEntry(
                id: "b", permalink: "secrets/b.html", fingerprint: "f", type: "t", title: "T",
                severity: "low",
                verification: "unverified", status: "new", targets: ["/x", Self.awkward],
                occurrences: occurrences),
        ]
        for secret in secrets {
            #expect(try Self.streamed { secret.write(to: &$0) } == Array(try Self.encoder().encode(secret)))
        }
        let resources = [
            ReportData.ResourceEntry(
                id: "r", permalink: "inventory/r.html", cloudId: "/subscriptions/1", name: Self.awkward,
                kind: "VM",
                status: nil, secretCount: 0),
            ReportData.ResourceEntry(
                id: "r", permalink: "p", cloudId: "c", name: "n", kind: "k", status: "resolved",
                secretCount: 12),
        ]
        for resource in resources {
            #expect(
                try Self.streamed { resource.write(to: &$0) } == Array(try Self.encoder().encode(resource)))
        }
        let path = ReportData.AttackPathEntry(
            id: "p", permalink: "attack-paths/p.html", sourceId: Self.awkward, name: "n", riskLevel: "high",
            status: nil)
        #expect(try Self.streamed { path.write(to: &$0) } == Array(try Self.encoder().encode(path)))
        for resolved in [
            ReportData.ResolvedEntry(
                kind: "secret", id: "i", permalink: "p", title: "t", lastSeenScan: nil, lastSeenReport: "f"),
            ReportData.ResolvedEntry(
                kind: "secret", id: "i", permalink: "p", title: "t", lastSeenScan: "s", lastSeenReport: "f"),
        ] {
            #expect(
                try Self.streamed { resolved.write(to: &$0) } == Array(try Self.encoder().encode(resolved)))
        }
    }

    /// The sample report, alone and compared with an earlier report (new, unchanged and resolved
    /// items, `comparedWith`): the streamed file is the encoded ``ReportData``.
    @Test func theStreamedReportIsTheEncodedOne() throws {
        let input = InputLoader().load([TestSupport.sampleInput])
        let (model, _) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "Sample", sourceDateEpoch: nil
        )
        .build(input)
        let plain = RenderContext(model: model, version: "0.1.0", markdown: MarkdownRenderer())
        let report = ReportData(context: plain)
        // An earlier report without the first secret and with one this model lacks.
        var earlier = try #require(
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report)) as? [String: Any])
        var secrets = try #require(earlier["secrets"] as? [[String: Any]])
        var gone = secrets.removeFirst()
        gone["id"] = "gone-secret-1"
        gone["fingerprint"] = "SHA256:gone"
        earlier["secrets"] = secrets + [gone]
        earlier["reportFingerprint"] = String(repeating: "a", count: 64)
        let previous = try JSONDecoder().decode(
            ReportData.self, from: try JSONSerialization.data(withJSONObject: earlier))
        let compared = RenderContext(
            model: model, version: "0.1.0", markdown: MarkdownRenderer(),
            changes: ChangeSet(previous: previous, model: model))
        for context in [plain, compared] {
            let streamed = try Self.streamed { try ReportData.write(context: context, to: &$0) }
            #expect(streamed == (try ReportData(context: context).encoded()))
        }
        let withChanges = try JSONDecoder().decode(
            ReportData.self,
            from: Data(try Self.streamed { try ReportData.write(context: compared, to: &$0) }))
        #expect(withChanges.comparedWith?.previousReport == String(repeating: "a", count: 64))
        #expect(withChanges.resolved.map(\.id) == ["gone-secret-1"])
        #expect(withChanges.secrets.first?.status == "new")
    }
}
