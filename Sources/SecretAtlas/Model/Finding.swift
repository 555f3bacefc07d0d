/// One occurrence of a secret: where it lies on which resource.
///
/// There is deliberately no field that could hold the secret's value; its identity is the ``fingerprint``.
///
/// The fields live in one immutable object shared by every copy: a finding is read from its record,
/// kept in the list of findings and in its secret's occurrences, and a million of them are one
/// allocation each rather than three copies of two hundred bytes. Times and git details, which most
/// findings lack, are in a second object allocated only when present.
struct Finding: Sendable, Equatable {
    private let storage: Storage

    init(
        resourceID: String, secretType: String, fingerprint: String, filePath: String, line: Int?,
        lastAccess: Timestamp?, expiry: Timestamp?, scanner: String?, firstSeen: Timestamp?,
        lastSeen: Timestamp?, verification: Verification, publicKeyFingerprint: String?,
        targetHosts: [String], repository: String? = nil, commit: String? = nil
    ) {
        let details =
            lastAccess == nil && expiry == nil && firstSeen == nil && lastSeen == nil && repository == nil
                && commit == nil
            ? nil
            : Details(
                lastAccess: lastAccess, expiry: expiry, firstSeen: firstSeen, lastSeen: lastSeen,
                repository: repository, commit: commit)
        storage = Storage(
            resourceID: resourceID, secretType: secretType, fingerprint: fingerprint, filePath: filePath,
            line: line, scanner: scanner, verification: verification,
            publicKeyFingerprint: publicKeyFingerprint, targetHosts: targetHosts, details: details)
    }

    /// The cloud id of the resource the secret was found on.
    var resourceID: String { storage.resourceID }
    var secretType: String { storage.secretType }
    var fingerprint: String { storage.fingerprint }
    var filePath: String { storage.filePath }
    var line: Int? { storage.line }
    var lastAccess: Timestamp? { storage.details?.lastAccess }
    var expiry: Timestamp? { storage.details?.expiry }
    var scanner: String? { storage.scanner }
    var firstSeen: Timestamp? { storage.details?.firstSeen }
    var lastSeen: Timestamp? { storage.details?.lastSeen }
    var verification: Verification { storage.verification }
    var publicKeyFingerprint: String? { storage.publicKeyFingerprint }
    /// Host or account names the secret names, lowercased (see ``FindingRecord/targetHosts``).
    var targetHosts: [String] { storage.targetHosts }
    /// For a finding in git history: the repository and commit it was found in.
    var repository: String? { storage.details?.repository }
    var commit: String? { storage.details?.commit }

    /// The last path component, shown in Defender's "File name" column.
    ///
    /// Split on the bytes `/` and `\\`, as file systems do: a separator followed by a combining mark
    /// still separates (a character-wise search would see one character there and not split).
    var fileName: String {
        let bytes = filePath.utf8
        guard let index = bytes.lastIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") })
        else {
            return filePath
        }
        return String(Substring(bytes[bytes.index(after: index)...]))
    }

    /// This finding on another resource (a scanner's resource name matched to an inventory id), with
    /// another type, fingerprint, line or public key; the rest is shared.
    func with(
        resourceID: String? = nil, secretType: String? = nil, fingerprint: String? = nil,
        line: Int?? = nil, publicKeyFingerprint: String?? = nil
    ) -> Finding {
        Finding(
            storage: Storage(
                resourceID: resourceID ?? self.resourceID, secretType: secretType ?? self.secretType,
                fingerprint: fingerprint ?? self.fingerprint, filePath: filePath, line: line ?? self.line,
                scanner: scanner, verification: verification,
                publicKeyFingerprint: publicKeyFingerprint ?? self.publicKeyFingerprint,
                targetHosts: targetHosts, details: storage.details))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    static func == (left: Finding, right: Finding) -> Bool {
        left.storage === right.storage
            || (left.resourceID == right.resourceID && left.secretType == right.secretType
                && left.fingerprint == right.fingerprint && left.filePath == right.filePath
                && left.line == right.line && left.scanner == right.scanner
                && left.verification == right.verification
                && left.publicKeyFingerprint == right.publicKeyFingerprint
                && left.targetHosts == right.targetHosts && left.storage.details == right.storage.details)
    }

    private final class Storage: Sendable {
        let resourceID: String
        let secretType: String
        let fingerprint: String
        let filePath: String
        let line: Int?
        let scanner: String?
        let verification: Verification
        let publicKeyFingerprint: String?
        let targetHosts: [String]
        let details: Details?

        init(
            resourceID: String, secretType: String, fingerprint: String, filePath: String, line: Int?,
            scanner: String?, verification: Verification, publicKeyFingerprint: String?,
            targetHosts: [String], details: Details?
        ) {
            self.resourceID = resourceID
            self.secretType = secretType
            self.fingerprint = fingerprint
            self.filePath = filePath
            self.line = line
            self.scanner = scanner
            self.verification = verification
            self.publicKeyFingerprint = publicKeyFingerprint
            self.targetHosts = targetHosts
            self.details = details
        }
    }

    private final class Details: Sendable, Equatable {
        let lastAccess: Timestamp?
        let expiry: Timestamp?
        let firstSeen: Timestamp?
        let lastSeen: Timestamp?
        let repository: String?
        let commit: String?

        init(
            lastAccess: Timestamp?, expiry: Timestamp?, firstSeen: Timestamp?, lastSeen: Timestamp?,
            repository: String?, commit: String?
        ) {
            self.lastAccess = lastAccess
            self.expiry = expiry
            self.firstSeen = firstSeen
            self.lastSeen = lastSeen
            self.repository = repository
            self.commit = commit
        }

        static func == (left: Details, right: Details) -> Bool {
            left.lastAccess == right.lastAccess && left.expiry == right.expiry
                && left.firstSeen == right.firstSeen && left.lastSeen == right.lastSeen
                && left.repository == right.repository && left.commit == right.commit
        }
    }
}
