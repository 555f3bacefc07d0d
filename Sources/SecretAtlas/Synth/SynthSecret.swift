/// One synthetic secret: its type, the machines it lies on, who trusts it and what it opens.
///
/// Drawn from its own random stream (seed, "plan", index), so the writer can draw it once to learn
/// which machines trust SSH keys (needed before the machines are written) and again when writing its
/// findings, without keeping a million secrets in memory.
struct SynthSecret {
    let index: Int
    let type: SynthCatalog.SecretType
    /// Positions in ``SynthEstate/machines`` of the machines it is found on.
    let machines: [Int]
    /// For SSH keys: machines whose `authorizedKeys` hold its public key.
    let trustingMachines: [Int]
    /// What it opens, if the input says so.
    let target: Target?
    let pathVariant: Int
    let line: Int
    /// When it was first seen, in seconds before the scan.
    let firstSeenAge: Int64
    let expiry: Int64?

    enum Target {
        /// A `canAuthenticateTo` edge to the store at this position of ``SynthEstate/stores``.
        case edge(store: Int)
        /// `targetHosts` names the store at this position by its last hostname.
        case hostname(store: Int)
        /// `targetHosts` names the IAM user at this position of ``SynthEstate/iamUsers``.
        case iamUser(Int)
    }

    static let planStream: UInt64 = 2
    static let findingStream: UInt64 = 3
    static let types = WeightedTable(SynthCatalog.secretTypes.map { ($0, $0.weight) })

    var isSSHKey: Bool { type.id == "ssh-private-key" }

    /// Draws secret `index`, which may produce at most `remaining` findings.
    init(index: Int, remaining: Int, seed: UInt64, estate: SynthEstate) {
        var random = SynthRandom(seed: seed, stream: Self.planStream, index: UInt64(index))
        self.index = index
        type = Self.types.pick(using: &random)
        let copies =
            random.chance(SynthCatalog.sharedSecretProbability) ? random.int(in: 2...4) : 1
        machines = estate.pickMachines(min(copies, remaining), using: &random)
        let ssh = type.id == "ssh-private-key"
        if ssh, random.chance(SynthCatalog.trustedKeyProbability) {
            let holders = machines
            let candidates = estate.pickMachines(machines.count + random.int(in: 1...3), using: &random)
            trustingMachines = Array(candidates.filter { !holders.contains($0) }.prefix(3))
        } else {
            trustingMachines = []
        }
        target = Self.target(type.target, estate: estate, random: &random)
        pathVariant = random.int(below: 8)
        line = ssh || type.id == "private-key" ? 1 : random.int(in: 1...240)
        firstSeenAge = Int64(random.int(in: 3 * 86_400...300 * 86_400))
        expiry = type.expiryDays.map { low, high in
            SynthCatalog.scanEpoch
                + Int64(random.int(in: Int(low * SynthCatalog.day)...Int(high * SynthCatalog.day)))
        }
    }

    private static func target(
        _ rule: SynthCatalog.TargetRule?, estate: SynthEstate, random: inout SynthRandom
    ) -> Target? {
        guard let rule, random.chance(SynthCatalog.targetProbability) else { return nil }
        switch rule {
        case .edge(let kind): return .edge(store: estate.storeTables[kind.rawValue].pick(using: &random))
        case .hostname(let kind):
            return .hostname(store: estate.storeTables[kind.rawValue].pick(using: &random))
        case .iamUser: return .iamUser(random.int(below: estate.iamUsers.count))
        }
    }
}
