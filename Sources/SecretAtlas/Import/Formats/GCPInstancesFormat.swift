/// Compute Engine instances from `gcloud compute instances list --format=json` → inventory entries.
///
/// The id is the instance's `selfLink`; project and zone come from it, labels become tags, and an
/// instance is Internet exposed when an access config of a network interface has a `natIP`.
/// SSH keys in the `ssh-keys` metadata become the machine's authorized-key fingerprints.
struct GCPInstancesFormat: JSONDocumentFormat {
    static let name = "gcp-compute-instances"
    static let summary = "Compute Engine inventory from gcloud compute instances list --format=json"

    static func recognizes(_ document: JSONValue) -> Bool {
        switch document {
        case .array(let rows):
            guard case .object(let first)? = rows.first else { return false }
            return CloudRowReader.text(first, "kind") == "compute#instance"
        case .object(let instance):
            // `gcloud compute instances describe NAME --format=json`: one instance.
            return CloudRowReader.text(instance, "kind") == "compute#instance"
        default:
            return false
        }
    }

    static func read(_ document: JSONValue, context: ImportContext) -> ScanInput {
        var input = ScanInput()
        var reader = CloudRowReader(file: context.file)
        switch document {
        case .array(let rows):
            for (offset, row) in rows.enumerated() {
                let path = "[\(offset)]"
                guard case .object(let instance) = row else {
                    reader.error(path, "expected an instance object, found \(row.summary).")
                    continue
                }
                if let record = self.instance(instance, path: path, reader: &reader) {
                    input.resources.append(record)
                }
            }
        case .object(let instance):
            if let record = self.instance(instance, path: "", reader: &reader) {
                input.resources.append(record)
            }
        default:
            reader.error("$", "expected gcloud's array of instances, found \(document.summary).")
        }
        input.scans.append(
            ScanRecord(time: nil, source: "GCP Compute Engine inventory (gcloud compute instances list)"))
        input.diagnostics = reader.diagnostics
        return input
    }

    private static func instance(_ instance: JSONObject, path: String, reader: inout CloudRowReader)
        -> ResourceRecord?
    {
        let errorsBefore = reader.errorCount
        let selfLink = reader.string(
            instance, ["selfLink"], path: path, required: true,
            expected: "the instance URL (…/projects/<project>/zones/<zone>/instances/<name>)")
        let name = reader.string(instance, ["name"], path: path, required: true)
        guard let selfLink, let name else { return nil }
        let parts = selfLink.split(separator: "/").map(String.init)
        func after(_ word: String) -> String? {
            parts.firstIndex(of: word).flatMap { $0 + 1 < parts.count ? parts[$0 + 1] : nil }
        }
        let zone = after("zones") ?? reader.string(instance, ["zone"], path: path).map(CloudIDs.lastComponent)
        var hostnames: [String] = []
        var exposed = false
        for (interface, interfacePath) in reader.objects(instance, ["networkInterfaces"], path: path) {
            if let address = reader.string(interface, ["networkIP"], path: interfacePath) {
                hostnames.append(address)
            }
            for (access, accessPath) in reader.objects(interface, ["accessConfigs"], path: interfacePath) {
                if let natIP = reader.string(access, ["natIP"], path: accessPath) {
                    hostnames.append(natIP)
                    exposed = true
                }
                if let dns = reader.string(access, ["publicPtrDomainName"], path: accessPath) {
                    hostnames.append(dns)
                }
            }
        }
        if let hostname = reader.string(instance, ["hostname"], path: path) { hostnames.append(hostname) }
        var seen = Set<String>()
        let record = ResourceRecord(
            origin: RecordOrigin(file: reader.file, location: .path(path.isEmpty ? "$" : path)),
            id: CloudIDs.gcp(selfLink),
            name: name,
            kind: .gcpVmInstance, cloud: .gcp, subscription: after("projects"), resourceGroup: nil,
            region: zone.map(regionOfZone), os: operatingSystem(instance),
            tags: reader.tags(instance, ["labels"], path: path), internetExposed: exposed, criticality: nil,
            hostnames: hostnames.map { $0.lowercased() }.filter { seen.insert($0).inserted },
            authorizedKeys: sshKeys(instance, path: path, reader: &reader))
        return reader.errorCount == errorsBefore ? record : nil
    }

    /// `europe-west1` from `europe-west1-b`.
    static func regionOfZone(_ zone: String) -> String {
        guard let dash = zone.lastIndex(of: "-") else { return zone }
        return String(zone[..<dash])
    }

    /// `Windows` or `Linux` from the boot disk's licenses, which name the image family.
    private static func operatingSystem(_ instance: JSONObject) -> String? {
        guard case .array(let disks) = CloudRowReader.member(instance, "disks") else { return nil }
        for case .object(let disk) in disks {
            guard case .array(let licenses) = CloudRowReader.member(disk, "licenses"), !licenses.isEmpty
            else { continue }
            let windows = licenses.contains {
                if case .string(let url) = $0 { url.contains("windows") } else { false }
            }
            return windows ? "Windows" : "Linux"
        }
        return nil
    }

    /// Fingerprints of the `ssh-keys` (and legacy `sshKeys`) metadata lines, `user:ssh-ed25519 AAAA… comment`.
    private static func sshKeys(_ instance: JSONObject, path: String, reader: inout CloudRowReader)
        -> [String]
    {
        guard let metadata = CloudRowReader.object(instance, "metadata") else { return [] }
        var result = Set<String>()
        for (item, itemPath) in reader.objects(
            metadata, ["items"], path: CloudRowReader.join(path, "metadata"))
        {
            guard let key = CloudRowReader.text(item, "key"), key == "ssh-keys" || key == "sshKeys",
                let value = reader.string(item, ["value"], path: itemPath)
            else { continue }
            for line in value.split(whereSeparator: \.isNewline) {
                // "user:ssh-ed25519 AAAA… comment": the key is the field starting "AAAA", wherever the user is.
                if let fingerprint = CloudIDs.sshFingerprint(ofPublicKeyLine: String(line)) {
                    result.insert(fingerprint)
                }
            }
        }
        return result.sorted()
    }
}
