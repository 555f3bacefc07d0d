/// Realistic synthetic native input at any scale, the same bytes for the same arguments
/// (`secret-atlas synth`).
///
/// The file is JSON Lines (docs/input-format.md): one `scan` line, the machines, the stores and the
/// IAM users, then the findings, then the edges. What it holds and how often is in ``SynthCatalog``:
/// machines over three clouds, some Internet exposed (with an `exposedTo` edge); secrets at realistic
/// type frequencies, about 30 % of them on 2 to 4 machines; SSH private keys whose public key other
/// machines trust; connection strings with `canAuthenticateTo` edges to storage accounts and
/// databases; AWS keys naming their IAM user, who may read S3 buckets. No secret value exists:
/// fingerprints are hashes of the seed and an index.
public enum SyntheticInput {
    /// What was written.
    public struct Summary: Sendable, Equatable {
        /// The file written.
        public let path: String
        /// Machines (the `--vms` count).
        public let machines: Int
        /// Every resource: machines, stores and IAM users.
        public let resources: Int
        /// Findings (the `--findings` count).
        public let findings: Int
        /// Distinct secrets (fingerprints) the findings are of.
        public let secrets: Int
        /// Graph edges: `exposedTo`, `canAuthenticateTo` and `hasPermissionTo`.
        public let edges: Int
        /// Size of the file.
        public let bytes: Int
    }

    /// The name of the file `synth` writes into its output folder.
    public static let fileName = "input.jsonl"

    /// Writes `directory/input.jsonl` with exactly `machines` machines and `findings` findings.
    ///
    /// The file is streamed through a temporary file beside it and renamed into place when complete,
    /// so memory stays small at any size and an earlier file survives a failure. Nothing else in the
    /// folder is touched (but `build DIR` reads every `.json`/`.jsonl` file in it).
    /// - Throws: ``SiteError/invalidOption(name:detail:)`` (exit 64) for a count out of range,
    ///   ``SiteError/writeFailed(path:underlying:)`` when the file cannot be written.
    public static func write(machines: Int, findings: Int, seed: UInt64, to directory: String) throws
        -> Summary
    {
        try check(machines: machines, findings: findings)
        let path = directory.isEmpty ? fileName : directory + (directory.hasSuffix("/") ? "" : "/") + fileName
        let file = try StreamingFileWriter(destination: path)
        do {
            let counts = try generate(machines: machines, findings: findings, seed: seed, sink: file.write)
            try file.commit()
            return counts.summary(path: file.destination)
        } catch {
            file.discard()
            throw error
        }
    }

    /// The most machines `synth` makes: they are held in memory (about 1 KB each) while the file is
    /// written, so a typo such as three extra zeros fails with a message instead of exhausting memory.
    public static let maximumMachines = 10_000_000
    /// The most findings `synth` makes (they are streamed; this only keeps the file under a few
    /// hundred gigabytes).
    public static let maximumFindings = 1_000_000_000

    /// - Throws: ``SiteError/invalidOption(name:detail:)`` unless the counts are within
    ///   1...``maximumMachines`` and 0...``maximumFindings``.
    static func check(machines: Int, findings: Int) throws {
        guard (1...maximumMachines).contains(machines) else {
            throw SiteError.invalidOption(
                name: "--vms \(machines)", detail: "expected 1 to \(maximumMachines) machines")
        }
        guard (0...maximumFindings).contains(findings) else {
            throw SiteError.invalidOption(
                name: "--findings \(findings)", detail: "expected 0 to \(maximumFindings) findings")
        }
    }

    struct Counts: Equatable {
        var machines = 0
        var resources = 0
        var findings = 0
        var secrets = 0
        var edges = 0
        var bytes = 0

        func summary(path: String) -> Summary {
            Summary(
                path: path, machines: machines, resources: resources, findings: findings, secrets: secrets,
                edges: edges, bytes: bytes)
        }
    }

    /// Generates the file and hands it to `sink` in chunks of about 1 MiB, in order.
    static func generate(
        machines machineCount: Int, findings findingCount: Int, seed: UInt64, sink: ([UInt8]) throws -> Void
    ) throws -> Counts {
        try check(machines: machineCount, findings: findingCount)
        let identifiers = SynthIdentifiers(seed: seed)
        var random = SynthRandom(seed: seed, stream: 1)
        let estate = SynthEstate(machineCount: machineCount, identifiers: identifiers, random: &random)

        // First pass over the secrets: which machines trust which SSH keys (their records come first),
        // and how many secrets make exactly `findingCount` findings.
        var trusted = Array(repeating: [Int](), count: machineCount)
        var secretCount = 0
        var produced = 0
        while produced < findingCount {
            let secret = SynthSecret(
                index: secretCount, remaining: findingCount - produced, seed: seed, estate: estate)
            for machine in secret.trustingMachines { trusted[machine].append(secret.index) }
            produced += secret.machines.count
            secretCount += 1
        }

        var counts = Counts(machines: machineCount, secrets: secretCount)
        var encoder = JSONLinesEncoder()
        func flush(force: Bool = false) throws {
            if force || encoder.bytes.count >= 1 << 20 {
                counts.bytes += encoder.bytes.count
                try encoder.take(into: sink)
            }
        }

        let writer = SynthRecordWriter(estate: estate, identifiers: identifiers, seed: seed)
        writer.scan(machines: machineCount, findings: findingCount, into: &encoder)
        for (index, machine) in estate.machines.enumerated() {
            writer.machine(machine, trusting: trusted[index], into: &encoder)
            try flush()
        }
        trusted = []
        for store in estate.stores {
            writer.store(store, into: &encoder)
            try flush()
        }
        for user in estate.iamUsers {
            writer.iamUser(user, into: &encoder)
            try flush()
        }
        counts.resources = machineCount + estate.stores.count + estate.iamUsers.count

        // Second pass: the same secrets drawn again, now with their findings. Edges follow the findings
        // (the file reads like an export: inventory, findings, graph), so the few needed are kept.
        var edgeTargets: [(secret: Int, store: Int)] = []
        produced = 0
        for index in 0..<secretCount {
            let secret = SynthSecret(
                index: index, remaining: findingCount - produced, seed: seed, estate: estate)
            writer.findings(of: secret, into: &encoder)
            produced += secret.machines.count
            if case .edge(let store) = secret.target { edgeTargets.append((index, store)) }
            try flush()
        }
        counts.findings = produced

        for machine in estate.machines where machine.exposed {
            writer.edge("exposedTo", from: machine.id, to: "internet", into: &encoder)
            counts.edges += 1
            try flush()
        }
        for (secret, store) in edgeTargets {
            writer.edge(
                "canAuthenticateTo", from: "secret:" + identifiers.hmacFingerprint(secret: secret),
                to: estate.stores[store].id, into: &encoder)
            counts.edges += 1
            try flush()
        }
        for user in estate.iamUsers {
            for bucket in user.buckets {
                writer.edge("hasPermissionTo", from: user.id, to: estate.stores[bucket].id, into: &encoder)
                counts.edges += 1
            }
            try flush()
        }
        try flush(force: true)
        return counts
    }
}
