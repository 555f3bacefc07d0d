import Foundation
import Testing

@testable import SecretAtlas

/// The explorer's `.js` data: complete, sharded, deterministic, and safe to load with `<script src>`.
struct ExplorerDataTests {
    private func sampleModel() throws -> SiteModel {
        let input = InputLoader().load([TestSupport.sampleInput])
        return SiteModelBuilder(catalog: try TestSupport.catalog(), title: "T", sourceDateEpoch: nil)
            .build(input).model
    }

    @Test func everyShardIsNamedInTheIndexWithItsSize() throws {
        let files = ExplorerData(model: try sampleModel()).files()
        let index = try #require(files.last)
        #expect(index.path == "data/explorer/index.js")
        let indexText = String(decoding: index.bytes, as: UTF8.self)
        #expect(indexText.hasPrefix("window.SecretAtlasData=window.SecretAtlasData||{};"))
        for shard in files.dropLast() {
            let name = String(shard.path.dropFirst(ExplorerData.folder.count).dropLast(".js".count))
            #expect(indexText.contains("\"file\":\"\(name)\""))
            #expect(indexText.contains("\"bytes\":\(shard.bytes.count)"))
            #expect(shard.bytes.count < ExplorerData.queryByteLimit)
        }
    }

    @Test func everySecretAndResourceHasATableEntry() throws {
        let model = try sampleModel()
        let all = ExplorerData(model: model).files().dropLast().map {
            String(decoding: $0.bytes, as: UTF8.self)
        }
        .joined()
        for secret in model.secrets {
            let suffix = String(secret.siteID.split(separator: "-").last ?? "")
            #expect(all.contains("\"\(suffix)\"") || all.contains("\"\(secret.siteID)\""), "\(secret.siteID)")
            // Only the shortened fingerprint the pages show, never more.
            if secret.shortFingerprint != secret.fingerprint {
                #expect(!all.contains(secret.fingerprint))
            }
        }
        for resource in model.resources {
            #expect(all.contains("[\"\(resource.name)\","), "\(resource.name)")
        }
    }

    @Test func theSameModelGivesTheSameBytes() throws {
        let first = ExplorerData(model: try sampleModel()).files()
        let second = ExplorerData(model: try sampleModel()).files()
        #expect(first == second)
    }

    @Test func textCannotEndAScript() {
        let encoded = ScriptValue.string("</script><!-- \u{2028}\"\\").encoded
        #expect(encoded == #""\u003c/script\u003e\u003c!-- \u2028\"\\""#)
    }
}
