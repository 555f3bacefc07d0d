/// A cloud resource from the inventory: a machine that holds secrets, or a target they open.
///
/// A class, not a struct, for the reason ``Secret`` is one: looking a resource up or passing it on
/// retains one reference instead of each of its fifteen fields.
final class Resource: Sendable, Equatable {
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

    init(
        id: String, siteID: String, name: String, kind: ResourceKind, cloud: Cloud, subscription: String?,
        resourceGroup: String?, region: String?, os: String?, tags: [Tag], internetExposed: Bool,
        criticality: Severity?, hostnames: [String], authorizedKeys: [String]
    ) {
        self.id = id
        self.siteID = siteID
        self.name = name
        self.kind = kind
        self.cloud = cloud
        self.subscription = subscription
        self.resourceGroup = resourceGroup
        self.region = region
        self.os = os
        self.tags = tags
        self.internetExposed = internetExposed
        self.criticality = criticality
        self.hostnames = hostnames
        self.authorizedKeys = authorizedKeys
    }

    static func == (left: Resource, right: Resource) -> Bool {
        left.id == right.id && left.siteID == right.siteID && left.name == right.name
            && left.kind == right.kind
            && left.cloud == right.cloud && left.subscription == right.subscription
            && left.resourceGroup == right.resourceGroup && left.region == right.region && left.os == right.os
            && left.tags == right.tags && left.internetExposed == right.internetExposed
            && left.criticality == right.criticality && left.hostnames == right.hostnames
            && left.authorizedKeys == right.authorizedKeys
    }

    /// One resource tag.
    struct Tag: Sendable, Equatable {
        let key: String
        let value: String
    }
}
