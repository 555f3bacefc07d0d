/// A cloud resource from the inventory: a machine that holds secrets, or a target they open.
struct Resource: Sendable, Equatable {
    /// The cloud's own id (ARM id, ARN, GCP self link); unique in the model.
    let id: String
    /// The site's stable id, derived from ``id`` (see ``StableID``).
    let siteID: String
    let name: String
    let kind: ResourceKind
    let cloud: Cloud
    let subscription: String?
    let resourceGroup: String?
    let region: String?
    let os: String?
    /// Tags sorted by key, so output does not depend on input order.
    let tags: [Tag]
    let internetExposed: Bool
    let criticality: Severity?
    let hostnames: [String]
    /// SSH public-key fingerprints (`SHA256:…`) this machine trusts.
    let authorizedKeys: [String]

    /// One resource tag.
    struct Tag: Sendable, Equatable {
        let key: String
        let value: String
    }
}
