import Foundation
import Testing

@testable import SecretAtlas

/// `SHA256SUMS`, the report fingerprint, `verify` and the zip, on real builds of the sample.
@Suite(.serialized)
struct ManifestTests {
    /// Builds inputs into `folder/<name>`, optionally with a zip beside it.
    ///
    /// - Returns: the site's files but the marker, which records this build's file times
    ///   (``SiteRecord``) and so differs from build to build; it is not part of the site's content.
    private func build(
        _ inputs: [String], into folder: URL, name: String = "site", zip: Bool = false
    ) throws -> [String: [UInt8]] {
        let site = folder.appendingPathComponent(name).path
        _ = try SiteBuilder.build(
            SiteConfiguration(
                inputs: inputs, outputDirectory: site, templatesDirectory: TestSupport.templates,
                assetsDirectory: TestSupport.assets, zipPath: zip ? site + ".zip" : nil))
        return try TestSupport.readTree(site).filter { $0.key != DirectoryWriter.markerName }
    }

    /// The sample with every array of every input file shuffled (seeded) and the files renamed so
    /// they are read in another order.
    private func shuffledSample(into folder: URL, seed: UInt64) throws -> String {
        var generator = SeededGenerator(seed: seed)
        let target = folder.appendingPathComponent("shuffled-\(seed)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.sampleInput).sorted()
        for (offset, name) in names.enumerated() {
            let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.sampleInput + "/" + name))
            var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for (key, value) in document {
                if let array = value as? [Any] { document[key] = array.shuffled(using: &generator) }
            }
            let shuffled = try JSONSerialization.data(withJSONObject: document)
            try shuffled.write(to: target.appendingPathComponent("\(names.count - offset)-\(name)"))
        }
        return target.path
    }

    @Test func twoBuildsAndShuffledInputsGiveIdenticalBytesZipIncluded() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try build([TestSupport.sampleInput], into: folder, name: "a", zip: true)
        let second = try build([TestSupport.sampleInput], into: folder, name: "b", zip: true)
        #expect(first == second)
        let zipA = try Data(contentsOf: folder.appendingPathComponent("a.zip"))
        #expect(zipA == (try Data(contentsOf: folder.appendingPathComponent("b.zip"))))
        for seed: UInt64 in [1, 2, 3] {
            let shuffled = try build(
                [try shuffledSample(into: folder, seed: seed)], into: folder, name: "s\(seed)", zip: true)
            let changed = first.keys.filter { first[$0] != shuffled[$0] }.sorted()
            #expect(
                changed.isEmpty && first.keys.sorted() == shuffled.keys.sorted(), "seed \(seed): \(changed)")
            #expect(zipA == (try Data(contentsOf: folder.appendingPathComponent("s\(seed).zip"))))
        }
        // Another folder, deeper, named differently: the same bytes.
        let elsewhere = try build(
            [TestSupport.sampleInput], into: folder.appendingPathComponent("x/y"), name: "other-name")
        #expect(elsewhere == first)
    }

    @Test func everyFileIsListedAndTheFingerprintIsInEveryFooter() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try build([TestSupport.sampleInput], into: folder)
        let manifest = try #require(
            Manifest.parse(String(decoding: files["SHA256SUMS"] ?? [], as: UTF8.self)))
        let listed = manifest.map(\.path)
        #expect(listed == listed.sorted())
        #expect(Set(listed) == Set(files.keys).subtracting(["SHA256SUMS", ".secret-atlas"]))
        for entry in manifest {
            #expect(Manifest.digest(files[entry.path] ?? []) == entry.digest, "\(entry.path)")
        }
        let fingerprint = String(decoding: files["REPORT-FINGERPRINT"] ?? [], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(fingerprint.count == 64)
        for (path, bytes) in files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(
                html.contains("Report fingerprint <code class=\"fingerprint\">\(fingerprint)</code>"),
                "\(path)")
            #expect(!html.contains(Manifest.placeholder), "\(path)")
        }
        #expect(String(decoding: files["findings.json"] ?? [], as: UTF8.self).contains(fingerprint))
    }

    @Test func sha256sumAcceptsTheManifest() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { return }
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try build([TestSupport.sampleInput], into: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = ["--check", "--strict", "--quiet", "SHA256SUMS"]
        process.currentDirectoryURL = folder.appendingPathComponent("site")
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func verifyCatchesAChangedByteAMissingFileAndAnAddedFile() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try build([TestSupport.sampleInput], into: folder)
        let site = folder.appendingPathComponent("site")
        let clean = try SiteVerifier.verify(directory: site.path)
        #expect(clean.isClean && clean.fingerprintMatches == true)

        let page = site.appendingPathComponent("secrets/index.html")
        var bytes = [UInt8](try Data(contentsOf: page))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: page)
        try FileManager.default.removeItem(at: site.appendingPathComponent("findings.csv"))
        try Data("x".utf8).write(to: site.appendingPathComponent("assets/.hidden-extra"))
        let tampered = try SiteVerifier.verify(directory: site.path)
        #expect(tampered.changed == ["secrets/index.html"])
        #expect(tampered.missing == ["findings.csv"])
        #expect(tampered.added == ["assets/.hidden-extra"])
        #expect(!tampered.isClean)
    }

    @Test func aRewrittenManifestDoesNotHideAChangeFromTheFingerprint() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try build([TestSupport.sampleInput], into: folder)
        let site = folder.appendingPathComponent("site")
        // Change a page and rewrite SHA256SUMS to match: the files no longer give the fingerprint.
        let page = "index.html"
        let changed = Array(
            String(decoding: files[page] ?? [], as: UTF8.self).replacingOccurrences(
                of: "Secrets posture", with: "Secrets posture!"
            ).utf8)
        try Data(changed).write(to: site.appendingPathComponent(page))
        var entries = try #require(Manifest.parse(String(decoding: files["SHA256SUMS"] ?? [], as: UTF8.self)))
        entries = entries.map { $0.path == page ? (page, Manifest.digest(changed)) : $0 }
        try Data(Manifest.text(of: entries).utf8).write(to: site.appendingPathComponent("SHA256SUMS"))
        let report = try SiteVerifier.verify(directory: site.path)
        #expect(report.added.isEmpty && report.changed.isEmpty && report.missing.isEmpty)
        #expect(report.fingerprintMatches == false)
        #expect(!report.isClean)
    }

    @Test func verifyWithoutAManifestSaysWhere() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: SiteError.self) { try SiteVerifier.verify(directory: folder.path) }
        try Data("not a manifest\n".utf8).write(to: folder.appendingPathComponent("SHA256SUMS"))
        do {
            _ = try SiteVerifier.verify(directory: folder.path)
            Issue.record("a malformed manifest was accepted")
        } catch let error as SiteError {
            #expect(error.description.contains("SHA256SUMS"))
        }
    }

    @Test func theZipUnpacksAnywhereIntoAVerifiedSite() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else { return }
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try build([TestSupport.sampleInput], into: folder, zip: true)
        let unpacked = folder.appendingPathComponent("somewhere/else")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-q", folder.appendingPathComponent("site.zip").path, "-d", unpacked.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try TestSupport.readTree(unpacked.path) == files)
        #expect(try SiteVerifier.verify(directory: unpacked.path).isClean)
    }
}

/// A small deterministic random number generator (SplitMix64), so shuffled tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
