/// The cloud a resource lives in.
enum Cloud: String, Sendable, CaseIterable {
    case azure
    case aws
    case gcp
    /// A resource known only from a scanner's finding paths, with no inventory entry; never read
    /// from input, so it is left out of ``allCases``.
    case unknown

    static let allCases: [Cloud] = [.azure, .aws, .gcp]

    /// The name shown on pages.
    var displayName: String {
        switch self {
        case .azure: "Azure"
        case .aws: "AWS"
        case .gcp: "GCP"
        case .unknown: "Unknown"
        }
    }
}
