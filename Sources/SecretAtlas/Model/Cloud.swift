/// The cloud a resource lives in.
enum Cloud: String, Sendable, CaseIterable {
    case azure
    case aws
    case gcp

    /// The name shown on pages.
    var displayName: String {
        switch self {
        case .azure: "Azure"
        case .aws: "AWS"
        case .gcp: "GCP"
        }
    }
}
