/// EC2 instances from `aws ec2 describe-instances --output json` → inventory entries.
///
/// The id is the instance ARN (`arn:aws:ec2:<region>:<account>:instance/<id>`), the id Defender
/// gives AWS resources; the name is the `Name` tag, else the instance id. An instance is Internet
/// exposed when it or one of its network interfaces has a public IP.
struct AWSInstancesFormat: JSONDocumentFormat {
    static let name = "aws-ec2-instances"
    static let summary = "EC2 inventory from aws ec2 describe-instances --output json"

    static func recognizes(_ document: JSONValue) -> Bool {
        switch document {
        case .object(let object):
            guard case .array(let reservations) = object["Reservations"] else { return false }
            guard case .object(let first)? = reservations.first else { return reservations.isEmpty }
            return first["Instances"] != nil
        case .array(let instances):
            // `--query 'Reservations[].Instances[]'` flattens the reservations away.
            guard case .object(let first)? = instances.first else { return false }
            return first["InstanceId"] != nil && (first["Placement"] != nil || first["State"] != nil)
        default:
            return false
        }
    }

    static func read(_ document: JSONValue, context: ImportContext) -> ScanInput {
        var input = ScanInput()
        var reader = CloudRowReader(file: context.file)
        switch document {
        case .object(let root):
            if CloudRowReader.first(root, ["Reservations"], path: "") == nil {
                reader.error("Reservations", "missing required member; expected the array of reservations.")
            }
            for (reservation, reservationPath) in reader.objects(root, ["Reservations"], path: "") {
                let owner = reader.string(reservation, ["OwnerId"], path: reservationPath)
                for (instance, path) in reader.objects(reservation, ["Instances"], path: reservationPath) {
                    if let record = self.instance(instance, owner: owner, path: path, reader: &reader) {
                        input.resources.append(record)
                    }
                }
            }
        case .array(let instances):
            for (offset, value) in instances.enumerated() {
                let path = "[\(offset)]"
                guard case .object(let instance) = value else {
                    reader.error(path, "expected an instance object, found \(value.summary).")
                    continue
                }
                // Without the reservation, the account is the owner of the instance's interfaces.
                let owner = interfaceOwner(instance)
                if let record = self.instance(instance, owner: owner, path: path, reader: &reader) {
                    input.resources.append(record)
                }
            }
        default:
            reader.error(
                "$",
                "expected describe-instances output, an object with \"Reservations\" or an array of instances, "
                    + "found \(document.summary).")
        }
        input.scans.append(ScanRecord(time: nil, source: "AWS EC2 inventory (aws ec2 describe-instances)"))
        input.diagnostics = reader.diagnostics
        return input
    }

    private static func interfaceOwner(_ instance: JSONObject) -> String? {
        guard case .array(let interfaces) = CloudRowReader.member(instance, "NetworkInterfaces") else {
            return nil
        }
        for case .object(let interface) in interfaces {
            if let owner = CloudRowReader.text(interface, "OwnerId") { return owner }
        }
        return nil
    }

    private static func instance(
        _ instance: JSONObject, owner: String?, path: String, reader: inout CloudRowReader
    ) -> ResourceRecord? {
        let errorsBefore = reader.errorCount
        guard
            let instanceID = reader.string(
                instance, ["InstanceId"], path: path, required: true,
                expected: "an instance id such as \"i-0abc…\"")
        else { return nil }
        if let state = CloudRowReader.object(instance, "State"),
            CloudRowReader.text(state, "Name") == "terminated"
        {
            // A terminated instance has no disk left to hold a secret.
            return nil
        }
        let zone = CloudRowReader.object(instance, "Placement").flatMap {
            reader.string($0, ["AvailabilityZone"], path: path + ".Placement")
        }
        let region = zone.map(regionOfZone)
        let tags = awsTags(instance, path: path, reader: &reader)
        var hostnames: [String] = []
        var exposed = false
        for member in ["PublicDnsName", "PublicIpAddress"] {
            if let host = reader.string(instance, [member], path: path) {
                hostnames.append(host)
                exposed = true
            }
        }
        for member in ["PrivateDnsName", "PrivateIpAddress"] {
            if let host = reader.string(instance, [member], path: path) { hostnames.append(host) }
        }
        for (interface, interfacePath) in reader.objects(instance, ["NetworkInterfaces"], path: path) {
            if let association = CloudRowReader.object(interface, "Association") {
                for member in ["PublicIp", "PublicDnsName"] {
                    if let host = reader.string(association, [member], path: interfacePath + ".Association") {
                        hostnames.append(host)
                        exposed = true
                    }
                }
            }
            for (address, addressPath) in reader.objects(
                interface, ["PrivateIpAddresses"], path: interfacePath)
            {
                for member in ["PrivateIpAddress", "PrivateDnsName"] {
                    if let host = reader.string(address, [member], path: addressPath) {
                        hostnames.append(host)
                    }
                }
            }
        }
        let platform = reader.string(instance, ["PlatformDetails", "Platform"], path: path)
        let os = platform.map { $0.lowercased().contains("windows") ? "Windows" : "Linux" }
        var seen = Set<String>()
        let arn = "arn:aws:ec2:\(region ?? "unknown"):\(owner ?? "unknown"):instance/\(instanceID)"
        let record = ResourceRecord(
            origin: RecordOrigin(file: reader.file, location: .path(path)), id: arn,
            name: tags.first { $0.key == "Name" && !$0.value.isEmpty }?.value ?? instanceID,
            kind: .ec2Instance,
            cloud: .aws, subscription: owner, resourceGroup: nil, region: region, os: os, tags: tags,
            internetExposed: exposed, criticality: nil,
            hostnames: hostnames.map { $0.lowercased() }.filter { seen.insert($0).inserted },
            authorizedKeys: [])
        return reader.errorCount == errorsBefore ? record : nil
    }

    /// `us-east-1` from `us-east-1a` (and `us-west-2-lax-1` from the local zone `us-west-2-lax-1a`).
    static func regionOfZone(_ zone: String) -> String {
        guard let last = zone.last, last.isLetter else { return zone }
        return String(zone.dropLast())
    }

    /// AWS's `[{"Key": …, "Value": …}]` tags, sorted by key.
    private static func awsTags(_ instance: JSONObject, path: String, reader: inout CloudRowReader)
        -> [Resource.Tag]
    {
        var tags: [Resource.Tag] = []
        for (tag, tagPath) in reader.objects(instance, ["Tags"], path: path) {
            guard let key = reader.string(tag, ["Key"], path: tagPath, required: true) else { continue }
            tags.append(Resource.Tag(key: key, value: CloudRowReader.text(tag, "Value") ?? ""))
        }
        return tags.sorted { $0.key < $1.key }
    }
}
