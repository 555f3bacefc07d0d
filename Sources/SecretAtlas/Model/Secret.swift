/// One secret, deduplicated by fingerprint, with every place it was found.
///
/// A class, not a struct: pages, rows and data files pass secrets around by the hundred thousand,
/// and copying a struct retains each of its strings and arrays; a reference is retained once.
final class Secret: Sendable, Equatable {
    /// The site's stable id, derived from the fingerprint.
    let siteID: String
    let fingerprint: String
    let type: String
    /// Occurrences sorted by resource, path and line.
    let occurrences: [Finding]
    /// The strongest verification any occurrence reports, or that target resolution proved.
    let verification: Verification
    /// Public-key fingerprint for SSH private keys, when known.
    let publicKeyFingerprint: String?
    /// Cloud ids of the resources this secret can authenticate to, sorted.
    let targets: [String]

    init(
        siteID: String, fingerprint: String, type: String, occurrences: [Finding], verification: Verification,
        publicKeyFingerprint: String?, targets: [String]
    ) {
        self.siteID = siteID
        self.fingerprint = fingerprint
        self.type = type
        self.occurrences = occurrences
        self.verification = verification
        self.publicKeyFingerprint = publicKeyFingerprint
        self.targets = targets
    }

    static func == (left: Secret, right: Secret) -> Bool {
        left.siteID == right.siteID && left.fingerprint == right.fingerprint && left.type == right.type
            && left.occurrences == right.occurrences && left.verification == right.verification
            && left.publicKeyFingerprint == right.publicKeyFingerprint && left.targets == right.targets
    }

    /// The cloud ids of the resources the secret lies on, sorted and unique.
    ///
    /// Occurrences are sorted by resource first, so this is their resource ids with runs of one id
    /// collapsed: no set, no sort. Pages ask for it many times each, so that matters; occurrences
    /// in another order (made by hand) still get a sorted, unique list.
    var resourceIDs: [String] {
        var ids: [String] = []
        ids.reserveCapacity(occurrences.count)
        var sorted = true
        for occurrence in occurrences {
            guard let last = ids.last else {
                ids.append(occurrence.resourceID)
                continue
            }
            if occurrence.resourceID == last { continue }
            if occurrence.resourceID < last { sorted = false }
            ids.append(occurrence.resourceID)
        }
        return sorted ? ids : Array(Set(ids)).sorted()
    }

    /// The fingerprint as shown: the algorithm and the first 16 digest characters.
    var shortFingerprint: String {
        Self.shorten(fingerprint)
    }

    /// Shortens `algorithm:digest` to its algorithm and the first 16 digest characters.
    ///
    /// Every page shows several, so an ASCII fingerprint (every one SecretAtlas makes) is cut by
    /// bytes; counting characters, which the general case must, cost 4 % of a build.
    static func shorten(_ fingerprint: String) -> String {
        if let short = shortenASCII(fingerprint) { return short }
        guard let colon = fingerprint.firstIndex(of: ":") else { return String(fingerprint.prefix(16)) }
        let digest = fingerprint[fingerprint.index(after: colon)...]
        let head = fingerprint[...colon]
        return digest.count > 16 ? head + digest.prefix(16) + "…" : fingerprint
    }

    /// ``shorten(_:)`` for a fingerprint of ASCII without carriage returns, where a byte is a
    /// character (CR LF is one character of two bytes); nil for any other.
    private static func shortenASCII(_ fingerprint: String) -> String? {
        var utf8 = fingerprint
        return utf8.withUTF8 { bytes -> String? in
            var colon: Int?
            for (offset, byte) in bytes.enumerated() {
                guard byte < 0x80, byte != UInt8(ascii: "\r") else { return nil }
                if colon == nil, byte == UInt8(ascii: ":") { colon = offset }
            }
            guard let colon else {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(16)), as: UTF8.self)
            }
            guard bytes.count - colon - 1 > 16 else { return fingerprint }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[...(colon + 16)]), as: UTF8.self)
                + "…"
        }
    }
}
