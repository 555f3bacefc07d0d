/// One secret, deduplicated by fingerprint, with every place it was found.
struct Secret: Sendable, Equatable {
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

    /// The cloud ids of the resources the secret lies on, sorted and unique.
    var resourceIDs: [String] {
        var seen = Set<String>()
        return occurrences.map(\.resourceID).filter { seen.insert($0).inserted }.sorted()
    }

    /// The fingerprint as shown: the algorithm and the first 16 digest characters.
    var shortFingerprint: String {
        Self.shorten(fingerprint)
    }

    /// Shortens `algorithm:digest` to its algorithm and the first 16 digest characters.
    static func shorten(_ fingerprint: String) -> String {
        guard let colon = fingerprint.firstIndex(of: ":") else { return String(fingerprint.prefix(16)) }
        let digest = fingerprint[fingerprint.index(after: colon)...]
        let head = fingerprint[...colon]
        return digest.count > 16 ? head + digest.prefix(16) + "…" : fingerprint
    }
}
