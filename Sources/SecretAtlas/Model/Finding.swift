/// One occurrence of a secret: where it lies on which resource.
///
/// There is deliberately no field that could hold the secret's value; its identity is the ``fingerprint``.
struct Finding: Sendable, Equatable {
    /// The cloud id of the resource the secret was found on.
    let resourceID: String
    let secretType: String
    let fingerprint: String
    let filePath: String
    let line: Int?
    let lastAccess: Timestamp?
    let expiry: Timestamp?
    let scanner: String?
    let firstSeen: Timestamp?
    let lastSeen: Timestamp?
    let verification: Verification
    let publicKeyFingerprint: String?
    /// Host or account names the secret names, lowercased (see ``FindingRecord/targetHosts``).
    let targetHosts: [String]
    /// For a finding in git history: the repository and commit it was found in.
    var repository: String? = nil
    var commit: String? = nil

    /// The last path component, shown in Defender's "File name" column.
    var fileName: String {
        let separators: Set<Character> = ["/", "\\"]
        guard let index = filePath.lastIndex(where: { separators.contains($0) }) else { return filePath }
        return String(filePath[filePath.index(after: index)...])
    }
}
