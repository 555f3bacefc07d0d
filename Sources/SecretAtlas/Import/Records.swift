/// Where a record came from, for diagnostics raised after import (an unknown resource, a duplicate id).
struct RecordOrigin: Sendable, Equatable {
    let file: String
    /// The record's own place: a JSON path, or a JSON Lines line.
    let location: Diagnostic.Location

    /// The place of a member inside this record, such as `findings[3].resource`.
    func member(_ key: String) -> Diagnostic.Location {
        switch location {
        case .path(let path): .path(path + "." + key)
        case .line(let line, let path): .line(line, path: (path.map { $0 + "." } ?? "") + key)
        case .lineColumn: location
        }
    }
}

/// `scan` as read from an input file.
struct ScanRecord: Sendable, Equatable {
    let time: Timestamp?
    let source: String?
}

/// A resource as read from an input file, before cross-checks.
struct ResourceRecord: Sendable, Equatable {
    let origin: RecordOrigin
    let id: String
    let name: String
    let kind: ResourceKind
    let cloud: Cloud
    let subscription: String?
    let resourceGroup: String?
    let region: String?
    let os: String?
    let tags: [Resource.Tag]
    let internetExposed: Bool
    let criticality: Severity?
    let hostnames: [String]
    let authorizedKeys: [String]
}

/// A finding as read from an input file, before cross-checks.
///
/// Holds no secret value. Its fields are the ``Finding`` the model keeps (shared, not copied), with
/// `resource` still the name as read until ``ResourceMatcher`` matches it to an inventory id.
struct FindingRecord: Sendable, Equatable {
    let origin: RecordOrigin
    let finding: Finding

    init(
        origin: RecordOrigin, resource: String, secretType: String, fingerprint: String, filePath: String,
        line: Int?, lastAccess: Timestamp?, expiry: Timestamp?, scanner: String?, firstSeen: Timestamp?,
        lastSeen: Timestamp?, verification: Verification, publicKeyFingerprint: String?,
        targetHosts: [String], repository: String? = nil, commit: String? = nil
    ) {
        self.origin = origin
        finding = Finding(
            resourceID: resource, secretType: secretType, fingerprint: fingerprint, filePath: filePath,
            line: line, lastAccess: lastAccess, expiry: expiry, scanner: scanner, firstSeen: firstSeen,
            lastSeen: lastSeen, verification: verification, publicKeyFingerprint: publicKeyFingerprint,
            targetHosts: targetHosts, repository: repository, commit: commit)
    }

    init(origin: RecordOrigin, finding: Finding) {
        self.origin = origin
        self.finding = finding
    }

    var resource: String { finding.resourceID }
    var secretType: String { finding.secretType }
    var fingerprint: String { finding.fingerprint }
    var filePath: String { finding.filePath }
    var line: Int? { finding.line }
    var lastAccess: Timestamp? { finding.lastAccess }
    var expiry: Timestamp? { finding.expiry }
    var scanner: String? { finding.scanner }
    var firstSeen: Timestamp? { finding.firstSeen }
    var lastSeen: Timestamp? { finding.lastSeen }
    var verification: Verification { finding.verification }
    var publicKeyFingerprint: String? { finding.publicKeyFingerprint }
    /// Host or account names the secret names (a connection string's server, a storage account),
    /// lowercased; importers parse them from the raw value so targets can be resolved without it.
    var targetHosts: [String] { finding.targetHosts }
    /// For a finding in git history: the repository (URL or path) and the commit it was found in.
    var repository: String? { finding.repository }
    var commit: String? { finding.commit }
}

/// An OpenSSH public key file or `authorized_keys` file found in the inputs, before its resource is
/// matched to the inventory.
struct SSHKeyFileRecord: Sendable, Equatable {
    let origin: RecordOrigin
    /// The resource name from the file's path or `PATH@RESOURCE`.
    let resource: String
    /// The file's path on that resource.
    let path: String
    /// Whether the file lists keys the resource trusts (`authorized_keys`) rather than one key pair's
    /// public half (`id_ed25519.pub`).
    let isAuthorizedKeys: Bool
    /// `SHA256:…` fingerprints of the keys, in file order.
    let fingerprints: [String]
}

/// A graph edge as read from an input file.
struct EdgeRecord: Sendable, Equatable {
    let origin: RecordOrigin
    let kind: GraphEdge.Kind
    let from: GraphNode
    let to: GraphNode
    let source: String?
}

/// An attack path as read from an input file.
struct AttackPathRecord: Sendable, Equatable {
    let origin: RecordOrigin
    let id: String
    let name: String
    let riskLevel: Severity
    let entryPoint: GraphNode
    let target: GraphNode
    let steps: [GraphNode]
    let riskFactors: [String]
    let description: String?
    let potentialImpact: String?
    let attackStory: [String]
    let mitre: [String]
    let source: String?
}

/// Everything read from all inputs, with the problems found while reading.
struct ScanInput: Sendable {
    var scans: [ScanRecord] = []
    var resources: [ResourceRecord] = []
    var findings: [FindingRecord] = []
    var edges: [EdgeRecord] = []
    var attackPaths: [AttackPathRecord] = []
    var diagnostics: [Diagnostic] = []
    /// Findings from scanner reports, whose `resource` is still a name from the finding's path, to be
    /// matched to the inventory once every input is read (``ResourceMatcher``).
    var scannerFindings: [FindingRecord] = []
    /// Public key and `authorized_keys` files, matched to resources with the scanner findings.
    var sshKeyFiles: [SSHKeyFileRecord] = []

    /// Appends another input's records after this one's.
    mutating func merge(_ other: ScanInput) {
        Self.append(other.scannerFindings, to: &scannerFindings)
        Self.append(other.sshKeyFiles, to: &sshKeyFiles)
        Self.append(other.scans, to: &scans)
        Self.append(other.resources, to: &resources)
        Self.append(other.findings, to: &findings)
        Self.append(other.edges, to: &edges)
        Self.append(other.attackPaths, to: &attackPaths)
        Self.append(other.diagnostics, to: &diagnostics)
    }

    /// Moves findings into `input.findings` (taking their storage when it is empty).
    static func appendFindings(_ findings: inout [FindingRecord], to input: inout ScanInput) {
        append(findings, to: &input.findings)
        findings = []
    }

    /// Appends, or takes the other array's storage when this one is empty: a million findings from
    /// one file are not copied.
    private static func append<Element>(_ elements: [Element], to array: inout [Element]) {
        if array.isEmpty { array = elements } else { array += elements }
    }
}
