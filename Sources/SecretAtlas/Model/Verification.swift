/// Whether a secret was checked to work, as Defender verifies SSH keys for lateral movement.
enum Verification: String, Sendable, CaseIterable {
    case verified
    case unverified
    case unknown

    /// The word shown on pages.
    var displayName: String {
        switch self {
        case .verified: "Verified"
        case .unverified: "Unverified"
        case .unknown: "Not checked"
        }
    }
}
