/// Azure resource rows of a Resource Graph answer (`resources` table) → inventory entries.
///
/// NICs and public IPs are not entries themselves: they are read first and joined to their VMs,
/// because a VM's Internet exposure and its public host names live on them, not on the VM row.
struct AzureInventoryRows {
    /// Resource Graph types read as inventory entries, with the kind each becomes.
    static let kinds: [String: ResourceKind] = [
        "microsoft.compute/virtualmachines": .virtualMachine,
        "microsoft.storage/storageaccounts": .storageAccount,
        "microsoft.sql/servers": .sqlServer,
        "microsoft.sql/servers/databases": .sqlDatabase,
        "microsoft.dbforpostgresql/servers": .postgresqlServer,
        "microsoft.dbforpostgresql/flexibleservers": .postgresqlServer,
        "microsoft.dbformysql/servers": .mysqlServer,
        "microsoft.dbformysql/flexibleservers": .mysqlServer,
        "microsoft.dbformariadb/servers": .mariadbServer,
        "microsoft.documentdb/databaseaccounts": .cosmosDbAccount,
        "microsoft.keyvault/vaults": .keyVault,
        "microsoft.containerservice/managedclusters": .kubernetesCluster,
        "microsoft.managedidentity/userassignedidentities": .identity,
        "microsoft.resources/deployments": .armDeployment,
        // Defender scans scale-set instances too; the set is the machine its findings name.
        "microsoft.compute/virtualmachinescalesets": .virtualMachine,
        // Web apps are frequent attack-path entry points; the model has no kind of their own.
        "microsoft.web/sites": .other,
    ]

    /// The host name Azure gives each kind when the row lacks its endpoint (the endpoint members are
    /// in `properties`, which a query may have projected away).
    private static let defaultDomains: [ResourceKind: [String]] = [
        .storageAccount: [
            "blob.core.windows.net", "file.core.windows.net", "queue.core.windows.net",
            "table.core.windows.net", "dfs.core.windows.net",
        ],
        .sqlServer: ["database.windows.net"],
        .postgresqlServer: ["postgres.database.azure.com"],
        .mysqlServer: ["mysql.database.azure.com"],
        .mariadbServer: ["mariadb.database.azure.com"],
        .cosmosDbAccount: ["documents.azure.com"],
        .keyVault: ["vault.azure.net"],
    ]

    private static let networkInterfaceType = "microsoft.network/networkinterfaces"
    private static let publicIPType = "microsoft.network/publicipaddresses"

    /// Whether rows of this (lowercased) type are read here.
    static func reads(_ type: String) -> Bool {
        kinds[type] != nil || type == networkInterfaceType || type == publicIPType
    }

    private var entries: [(row: JSONObject, kind: ResourceKind, path: String)] = []
    private var interfaces: [(row: JSONObject, path: String)] = []
    private var publicIPs: [(row: JSONObject, path: String)] = []

    mutating func add(_ row: JSONObject, type: String, path: String) {
        if type == Self.networkInterfaceType {
            interfaces.append((row, path))
        } else if type == Self.publicIPType {
            publicIPs.append((row, path))
        } else if let kind = Self.kinds[type] {
            entries.append((row, kind, path))
        }
    }

    /// A public IP as far as exposure and host names need it.
    private struct PublicIP {
        let address: String?
        let fqdn: String?
    }

    /// A NIC's addresses and the public IPs its ip configurations reference.
    private struct Interface {
        let machine: String?
        let publicIPIDs: [String]
        let privateAddresses: [String]
    }

    /// Appends the inventory entries, with VMs' exposure and host names joined from NICs and public IPs.
    func emit(reader: inout CloudRowReader, into input: inout ScanInput) {
        var addresses: [String: PublicIP] = [:]
        for (row, path) in publicIPs {
            guard let id = reader.string(row, ["id"], path: path, required: true) else { continue }
            let properties = CloudRowReader.object(row, "properties")
            let propertiesPath = CloudRowReader.join(path, "properties")
            let address = properties.flatMap { reader.string($0, ["ipAddress"], path: propertiesPath) }
            let fqdn = CloudRowReader.object(row, "properties", "dnsSettings").flatMap {
                reader.string($0, ["fqdn"], path: propertiesPath + ".dnsSettings")
            }
            addresses[CloudIDs.azure(id)] = PublicIP(address: address, fqdn: fqdn)
        }
        var nics: [String: Interface] = [:]
        for (row, path) in interfaces {
            guard let id = reader.string(row, ["id"], path: path, required: true) else { continue }
            nics[CloudIDs.azure(id)] = interface(row, path: path, reader: &reader)
        }
        var nicsByMachine: [String: [String]] = [:]
        for (id, nic) in nics {
            if let machine = nic.machine { nicsByMachine[machine, default: []].append(id) }
        }
        for (row, kind, path) in entries {
            let errorsBefore = reader.errorCount
            guard let id = reader.string(row, ["id"], path: path, required: true),
                let name = reader.string(row, ["name"], path: path, required: true)
            else { continue }
            let resourceID = CloudIDs.azure(id)
            let properties = CloudRowReader.object(row, "properties")
            let propertiesPath = CloudRowReader.join(path, "properties")
            var hostnames: [String] = []
            var exposed = false
            var os: String?
            var authorizedKeys: [String] = []
            if kind == .virtualMachine {
                // NICs name their VM, and VMs name their NICs; either link is enough.
                var nicIDs = Set(nicsByMachine[resourceID] ?? [])
                if let profile = CloudRowReader.object(row, "properties", "networkProfile") {
                    for (nic, nicPath) in reader.objects(
                        profile, ["networkInterfaces"], path: propertiesPath + ".networkProfile")
                    {
                        if let nicID = reader.string(nic, ["id"], path: nicPath) {
                            nicIDs.insert(CloudIDs.azure(nicID))
                        }
                    }
                }
                for nicID in nicIDs.sorted() {
                    guard let nic = nics[nicID] else { continue }
                    hostnames += nic.privateAddresses
                    for ipID in nic.publicIPIDs {
                        // A referenced public IP counts as exposure unless its row shows it unallocated.
                        let known = addresses[ipID]
                        if known == nil || known?.address != nil { exposed = true }
                        hostnames += [known?.address, known?.fqdn].compactMap { $0 }
                    }
                }
                os = properties.flatMap { operatingSystem($0, path: propertiesPath, reader: &reader) }
                authorizedKeys = properties.map { sshKeys($0, path: propertiesPath, reader: &reader) } ?? []
            } else {
                hostnames = endpointHosts(
                    kind: kind, name: name, properties: properties, path: propertiesPath, reader: &reader)
            }
            var seen = Set<String>()
            let record = ResourceRecord(
                origin: RecordOrigin(file: reader.file, location: .path(path)), id: resourceID,
                name: name,
                kind: kind, cloud: .azure,
                subscription: reader.string(row, ["subscriptionId"], path: path),
                resourceGroup: reader.string(row, ["resourceGroup"], path: path),
                region: reader.string(row, ["location"], path: path), os: os,
                tags: reader.tags(row, ["tags"], path: path), internetExposed: exposed, criticality: nil,
                hostnames: hostnames.map { $0.lowercased() }.filter { seen.insert($0).inserted },
                authorizedKeys: Array(Set(authorizedKeys)).sorted())
            if reader.errorCount == errorsBefore { input.resources.append(record) }
        }
    }

    private func interface(_ row: JSONObject, path: String, reader: inout CloudRowReader) -> Interface {
        let propertiesPath = CloudRowReader.join(path, "properties")
        let machine = CloudRowReader.object(row, "properties", "virtualMachine").flatMap {
            reader.string($0, ["id"], path: propertiesPath + ".virtualMachine")
        }
        var publicIDs: [String] = []
        var privateAddresses: [String] = []
        if let properties = CloudRowReader.object(row, "properties") {
            for (configuration, configurationPath) in reader.objects(
                properties, ["ipConfigurations"], path: propertiesPath)
            {
                let inner = CloudRowReader.object(configuration, "properties") ?? configuration
                let innerPath =
                    CloudRowReader.object(configuration, "properties") == nil
                    ? configurationPath : configurationPath + ".properties"
                if let address = reader.string(inner, ["privateIPAddress"], path: innerPath) {
                    privateAddresses.append(address)
                }
                if let publicIP = CloudRowReader.object(inner, "publicIPAddress"),
                    let id = reader.string(
                        publicIP, ["id"], path: innerPath + ".publicIPAddress", required: true,
                        expected: "the public IP's ARM id")
                {
                    publicIDs.append(CloudIDs.azure(id))
                }
            }
        }
        return Interface(
            machine: machine.map(CloudIDs.azure), publicIPIDs: publicIDs, privateAddresses: privateAddresses)
    }

    /// `Linux` or `Windows`, from the OS disk, else from which OS profile the VM has.
    private func operatingSystem(_ properties: JSONObject, path: String, reader: inout CloudRowReader)
        -> String?
    {
        if let disk = CloudRowReader.object(properties, "storageProfile", "osDisk"),
            let type = reader.string(disk, ["osType"], path: path + ".storageProfile.osDisk")
        {
            return type
        }
        if CloudRowReader.object(properties, "osProfile", "linuxConfiguration") != nil { return "Linux" }
        if CloudRowReader.object(properties, "osProfile", "windowsConfiguration") != nil { return "Windows" }
        return nil
    }

    /// Fingerprints of the SSH public keys the VM was deployed to trust
    /// (`osProfile.linuxConfiguration.ssh.publicKeys[].keyData`).
    private func sshKeys(_ properties: JSONObject, path: String, reader: inout CloudRowReader) -> [String] {
        guard let ssh = CloudRowReader.object(properties, "osProfile", "linuxConfiguration", "ssh") else {
            return []
        }
        var result: [String] = []
        for (key, keyPath) in reader.objects(
            ssh, ["publicKeys"], path: path + ".osProfile.linuxConfiguration.ssh")
        {
            guard let data = reader.string(key, ["keyData"], path: keyPath) else { continue }
            if let fingerprint = CloudIDs.sshFingerprint(ofPublicKeyLine: data) {
                result.append(fingerprint)
            } else {
                reader.warning(
                    keyPath + ".keyData",
                    "expected an OpenSSH public key such as \"ssh-ed25519 AAAA…\"; the key is not used.")
            }
        }
        return result
    }

    /// Host names a connection string may use for this resource: its endpoints, else Azure's defaults.
    private func endpointHosts(
        kind: ResourceKind, name: String, properties: JSONObject?, path: String, reader: inout CloudRowReader
    ) -> [String] {
        var hosts: [String] = []
        if let properties {
            switch kind {
            case .storageAccount:
                for endpoints in ["primaryEndpoints", "secondaryEndpoints"] {
                    guard let map = CloudRowReader.object(properties, endpoints) else { continue }
                    for member in map.members {
                        if case .string(let url) = member.value, let host = CloudIDs.host(ofURL: url) {
                            hosts.append(host)
                        }
                    }
                }
            case .sqlServer, .postgresqlServer, .mysqlServer, .mariadbServer:
                if let fqdn = reader.string(properties, ["fullyQualifiedDomainName"], path: path) {
                    hosts.append(fqdn)
                }
            case .cosmosDbAccount:
                if let url = reader.string(properties, ["documentEndpoint"], path: path),
                    let host = CloudIDs.host(ofURL: url)
                {
                    hosts.append(host)
                }
            case .keyVault:
                if let url = reader.string(properties, ["vaultUri"], path: path),
                    let host = CloudIDs.host(ofURL: url)
                {
                    hosts.append(host)
                }
            case .kubernetesCluster:
                for member in ["fqdn", "privateFQDN"] {
                    if let fqdn = reader.string(properties, [member], path: path) { hosts.append(fqdn) }
                }
            case .other:
                hosts += reader.strings(properties, ["hostNames"], path: path)
            default:
                break
            }
        }
        if hosts.isEmpty, let domains = Self.defaultDomains[kind] {
            hosts = domains.map { name.lowercased() + "." + $0 }
        }
        return hosts
    }
}
