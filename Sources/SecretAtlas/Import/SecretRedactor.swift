/// Masks raw secret values where the input itself repeats them in a field the report shows: a
/// file named after the value, a commit message quoting it, a resource named with it.
///
/// The writer refuses any output holding a value (``LeakCheckingWriter``), and that stays the last
/// line of defence. Without this step an input that repeats a value in a path would stop the whole
/// report, so anyone able to plant one file on a scanned machine could keep every finding from being
/// reported. Instead the repeated bytes are replaced with `*` here, before the model is made, and a
/// warning names each record so changed; a resource id and every reference to it are masked the
/// same way, so they still match.
struct SecretRedactor {
    let values: SensitiveValues

    /// The mask for each byte of a value.
    static let mask = UInt8(ascii: "*")

    /// `input` with every shown string masked, and a warning for each record changed.
    func redact(_ input: inout ScanInput) {
        guard !values.isEmpty else { return }
        var warnings: [Diagnostic] = []
        /// Each record redacted by `redact`, which lists the fields it changed; a warning per record
        /// changed, naming its fields.
        func each<Record>(
            _ records: [Record], origin: (Record) -> RecordOrigin,
            _ redact: (Record, inout [String]) -> Record
        ) -> [Record] {
            records.map { record in
                var fields: [String] = []
                let redacted = redact(record, &fields)
                if !fields.isEmpty {
                    let origin = origin(record)
                    warnings.append(
                        Diagnostic(
                            .warning, file: origin.file, location: origin.location,
                            message: "this record's \(fields.joined(separator: ", ")) "
                                + "repeat\(fields.count == 1 ? "s" : "") a secret value found in the input; "
                                + "those characters are shown as * in the report."))
                }
                return redacted
            }
        }
        input.resources = each(input.resources, origin: \.origin) { redact($0, changed: &$1) }
        input.findings = each(input.findings, origin: \.origin) { redact($0, changed: &$1) }
        input.edges = each(input.edges, origin: \.origin) { record, changed in
            EdgeRecord(
                origin: record.origin, kind: record.kind, from: node(record.from, "from", &changed),
                to: node(record.to, "to", &changed), source: text(record.source, "source", &changed))
        }
        input.attackPaths = each(input.attackPaths, origin: \.origin) { redact($0, changed: &$1) }
        input.scans = input.scans.map { ScanRecord(time: $0.time, source: optionalText($0.source)) }
        input.diagnostics += warnings
    }

    private func redact(_ record: ResourceRecord, changed: inout [String]) -> ResourceRecord {
        ResourceRecord(
            origin: record.origin, id: text(record.id, "id", &changed),
            name: text(record.name, "name", &changed),
            kind: record.kind, cloud: record.cloud,
            subscription: text(record.subscription, "subscription", &changed),
            resourceGroup: text(record.resourceGroup, "resourceGroup", &changed),
            region: text(record.region, "region", &changed), os: text(record.os, "os", &changed),
            tags: record.tags.map {
                Resource.Tag(key: text($0.key, "tags", &changed), value: text($0.value, "tags", &changed))
            },
            internetExposed: record.internetExposed, criticality: record.criticality,
            hostnames: record.hostnames.map { text($0, "hostnames", &changed) },
            authorizedKeys: record.authorizedKeys)
    }

    private func redact(_ record: FindingRecord, changed: inout [String]) -> FindingRecord {
        let finding = record.finding
        let resource = text(finding.resourceID, "resource", &changed)
        let secretType = text(finding.secretType, "secretType", &changed)
        let filePath = text(finding.filePath, "filePath", &changed)
        let scanner = text(finding.scanner, "scanner", &changed)
        let repository = text(finding.repository, "repository", &changed)
        let commit = text(finding.commit, "commit", &changed)
        guard !changed.isEmpty else { return record }
        return FindingRecord(
            origin: record.origin, resource: resource, secretType: secretType,
            fingerprint: finding.fingerprint,
            filePath: filePath, line: finding.line, lastAccess: finding.lastAccess, expiry: finding.expiry,
            scanner: scanner, firstSeen: finding.firstSeen, lastSeen: finding.lastSeen,
            verification: finding.verification, publicKeyFingerprint: finding.publicKeyFingerprint,
            targetHosts: finding.targetHosts, repository: repository, commit: commit)
    }

    private func redact(_ record: AttackPathRecord, changed: inout [String]) -> AttackPathRecord {
        AttackPathRecord(
            origin: record.origin, id: text(record.id, "id", &changed),
            name: text(record.name, "name", &changed),
            riskLevel: record.riskLevel, entryPoint: node(record.entryPoint, "entryPoint", &changed),
            target: node(record.target, "target", &changed),
            steps: record.steps.map { node($0, "steps", &changed) },
            riskFactors: record.riskFactors.map { text($0, "riskFactors", &changed) },
            description: text(record.description, "description", &changed),
            potentialImpact: text(record.potentialImpact, "potentialImpact", &changed),
            attackStory: record.attackStory.map { text($0, "attackStory", &changed) },
            mitre: record.mitre.map { text($0, "mitre", &changed) },
            source: text(record.source, "source", &changed))
    }

    private func node(_ node: GraphNode, _ field: String, _ changed: inout [String]) -> GraphNode {
        guard case .resource(let id) = node else { return node }
        return .resource(text(id, field, &changed))
    }

    private func text(_ value: String?, _ field: String, _ changed: inout [String]) -> String? {
        value.map { text($0, field, &changed) }
    }

    private func text(_ value: String, _ field: String, _ changed: inout [String]) -> String {
        guard let masked = masked(value) else { return value }
        if !changed.contains(field) { changed.append(field) }
        return masked
    }

    private func optionalText(_ value: String?) -> String? {
        value.map { masked($0) ?? $0 }
    }

    /// `diagnostic` with any value its message quotes masked.
    func masked(_ diagnostic: Diagnostic) -> Diagnostic {
        guard !values.isEmpty, let message = masked(diagnostic.message) else { return diagnostic }
        return Diagnostic(
            diagnostic.severity, file: diagnostic.file, location: diagnostic.location, message: message)
    }

    /// `text` with every byte of every sensitive piece in it replaced by ``mask``, or nil when it
    /// holds none.
    ///
    /// The search goes on after each masked range, never back over it, so a value made of `*`
    /// cannot make it loop; a piece that starts in a masked range has fewer than 12 unmasked bytes
    /// left, which the writer's check does not count as a piece either. A range is widened to whole
    /// characters, so the result is still valid UTF-8.
    func masked(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        var from = 0
        var changed = false
        while from < bytes.count {
            let found = bytes.withUnsafeBufferPointer {
                values.firstLeakRange(in: UnsafeBufferPointer(rebasing: $0[from...]))
            }
            guard let found else { break }
            var lower = from + found.lowerBound
            var upper = from + found.upperBound
            while lower > 0, bytes[lower] & 0xC0 == 0x80 { lower -= 1 }
            while upper < bytes.count, bytes[upper] & 0xC0 == 0x80 { upper += 1 }
            for index in lower..<upper { bytes[index] = Self.mask }
            changed = true
            from = upper
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
