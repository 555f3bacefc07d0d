/// Turns the synthetic estate and secrets into native JSON Lines records, members in the order
/// docs/input-format.md lists them.
struct SynthRecordWriter {
    let estate: SynthEstate
    let identifiers: SynthIdentifiers
    let seed: UInt64
    private let scanners = WeightedTable(SynthCatalog.scanners)

    init(estate: SynthEstate, identifiers: SynthIdentifiers, seed: UInt64) {
        self.estate = estate
        self.identifiers = identifiers
        self.seed = seed
    }

    func scan(machines: Int, findings: Int, into encoder: inout JSONLinesEncoder) {
        encoder.beginRecord("scan")
        encoder.member("time", SynthCatalog.scanTime)
        encoder.member(
            "source", "secret-atlas synth (seed \(seed)): \(machines) machines, \(findings) findings")
        encoder.endRecord()
    }

    /// A machine; `trusting` are the SSH-key secrets whose public key it trusts.
    func machine(_ machine: SynthMachine, trusting: [Int], into encoder: inout JSONLinesEncoder) {
        encoder.beginRecord("resource")
        encoder.member("id", machine.id)
        encoder.member("name", machine.name)
        encoder.member("kind", machine.cloud.machineKind)
        encoder.member("cloud", machine.cloud.name)
        encoder.member("subscription", machine.subscription)
        if let group = machine.resourceGroup { encoder.member("resourceGroup", group) }
        encoder.member("region", machine.region)
        encoder.member("os", machine.os)
        tags(machine.tags, into: &encoder)
        if machine.exposed { encoder.member("internetExposed", true) }
        if let level = machine.criticality { encoder.member("criticality", level) }
        let keys =
            machine.adminKeys.map { identifiers.sshFingerprint("admin-key", $0) }
            + trusting.map { identifiers.sshFingerprint("ssh-key", $0) }
        if !keys.isEmpty {
            // Sorted by UTF-8 bytes, which do not depend on locale or Unicode tables.
            encoder.member("authorizedKeys", Set(keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        encoder.endRecord()
    }

    func store(_ store: SynthStore, into encoder: inout JSONLinesEncoder) {
        encoder.beginRecord("resource")
        encoder.member("id", store.id)
        encoder.member("name", store.name)
        encoder.member("kind", store.kind.kind)
        encoder.member("cloud", store.cloud.name)
        encoder.member("subscription", store.subscription)
        if let group = store.resourceGroup { encoder.member("resourceGroup", group) }
        encoder.member("region", store.region)
        tags(store.tags, into: &encoder)
        encoder.member("criticality", store.criticality)
        encoder.member("hostnames", store.hostnames)
        encoder.endRecord()
    }

    func iamUser(_ user: SynthIAMUser, into encoder: inout JSONLinesEncoder) {
        encoder.beginRecord("resource")
        encoder.member("id", user.id)
        encoder.member("name", user.name)
        encoder.member("kind", "iamUser")
        encoder.member("cloud", "aws")
        encoder.member("subscription", user.account)
        encoder.member("criticality", "high")
        encoder.endRecord()
    }

    /// Every finding of one secret, one per machine it lies on.
    func findings(of secret: SynthSecret, into encoder: inout JSONLinesEncoder) {
        var random = SynthRandom(seed: seed, stream: SynthSecret.findingStream, index: UInt64(secret.index))
        let ssh = secret.isSSHKey
        let fingerprint =
            ssh
            ? identifiers.sshFingerprint("ssh-key", secret.index)
            : identifiers.hmacFingerprint(secret: secret.index)
        let verification = ssh ? (secret.trustingMachines.isEmpty ? "unverified" : "verified") : "unknown"
        let targetHosts: [String]? =
            switch secret.target {
            case .hostname(let store): estate.stores[store].hostnames.last.map { [$0] }
            case .iamUser(let user): [estate.iamUsers[user].name]
            case .edge, nil: nil
            }
        for position in secret.machines {
            let machine = estate.machines[position]
            let scanner = scanners.pick(using: &random)
            let defender = scanner == SynthCatalog.defenderScanner
            let paths = machine.windows ? secret.type.windowsPaths : secret.type.linuxPaths
            let template = paths[(secret.pathVariant + random.int(below: 2)) % paths.count]
            encoder.beginRecord("finding")
            encoder.member("resource", machine.id)
            encoder.member("secretType", secret.type.id)
            encoder.member("fingerprint", fingerprint)
            encoder.member("filePath", Self.expand(template, home: machine.home, app: machine.app))
            encoder.member("line", secret.line)
            encoder.member("lastAccess", timestamp(ageFrom: 8_640, to: 120 * 86_400, &random))
            if let expiry = secret.expiry { encoder.member("expiry", SynthIdentifiers.rfc3339(expiry)) }
            encoder.member("scanner", scanner)
            encoder.member(
                "firstSeen",
                timestamp(ageFrom: secret.firstSeenAge, to: secret.firstSeenAge + 3 * 86_400, &random))
            encoder.member(
                "lastSeen",
                defender
                    ? timestamp(ageFrom: 0, to: 86_400, &random)
                    : timestamp(ageFrom: 86_400, to: 2 * 86_400, &random))
            if defender { encoder.member("verification", verification) }
            if ssh { encoder.member("publicKeyFingerprint", fingerprint) }
            if let targetHosts { encoder.member("targetHosts", targetHosts) }
            encoder.endRecord()
        }
    }

    func edge(_ type: String, from: String, to: String, into encoder: inout JSONLinesEncoder) {
        encoder.beginRecord("edge")
        encoder.member("type", type)
        encoder.member("from", from)
        encoder.member("to", to)
        encoder.member("source", SynthCatalog.defenderScanner)
        encoder.endRecord()
    }

    private func tags(_ tags: [(String, String)], into encoder: inout JSONLinesEncoder) {
        encoder.beginObject("tags")
        for (key, value) in tags { encoder.member(key, value) }
        encoder.endObject()
    }

    /// A time between `low` and `high` seconds before the scan.
    private func timestamp(ageFrom low: Int64, to high: Int64, _ random: inout SynthRandom) -> String {
        SynthIdentifiers.rfc3339(SynthCatalog.scanEpoch - Int64(random.int(in: Int(low)...Int(high))))
    }

    /// A path template with `{home}`, `{app}` and `{App}` (the app's name in CamelCase) filled in.
    static func expand(_ template: String, home: String, app: String) -> String {
        var out = ""
        out.reserveCapacity(template.utf8.count + home.utf8.count)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            switch rest[rest.index(after: open)..<close] {
            case "home": out += home
            case "app": out += app
            case "App":
                out += app.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            default: out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}
