import Testing

@testable import SecretAtlas

struct AzureResourceGraphFormatTests {
    private typealias Format = AzureResourceGraphFormat
    private let vmWeb = CloudFixtures.azureID("rg-web", "Microsoft.Compute/virtualMachines", "vm-web-01")
    private let vmBatch = CloudFixtures.azureID(
        "rg-batch", "Microsoft.Compute/virtualMachines", "vm-batch-02")
    private let vmJump = CloudFixtures.azureID("rg-batch", "Microsoft.Compute/virtualMachines", "vm-jump-03")
    private let sqlServer = CloudFixtures.azureID("rg-data", "Microsoft.Sql/servers", "contoso-sql-prod")
    private let storage = CloudFixtures.azureID(
        "rg-data", "Microsoft.Storage/storageAccounts", "contosoprodlogs")
    private let ec2 = "arn:aws:ec2:eu-west-1:123456789012:instance/i-0a1b2c3d4e5f60718"

    private func read(_ fixture: String) throws -> ScanInput {
        Format.read(try CloudFixtures.document("defender/" + fixture), context: ImportContext(file: fixture))
    }

    @Test func readsVMsWithExposureJoinedFromNICsAndPublicIPs() throws {
        let input = try read("arg-inventory.json")
        #expect(
            input.resources.map(\.name) == [
                "vm-web-01", "vm-batch-02", "vm-jump-03", "contosoprodlogs", "contoso-sql-prod", "contoso-pg",
                "kv-contoso-prod", "aks-prod", "id-web-app", "vmss-workers", "contoso-portal",
            ])
        let web = try #require(input.resources.first { $0.name == "vm-web-01" })
        #expect(web.id == vmWeb)
        #expect(web.kind == .virtualMachine && web.cloud == .azure)
        #expect(web.internetExposed)
        #expect(web.os == "Linux")
        #expect(web.subscription == CloudFixtures.subscription && web.resourceGroup == "rg-web")
        #expect(web.region == "westeurope")
        #expect(
            web.tags == [
                Resource.Tag(key: "env", value: "prod"), Resource.Tag(key: "owner", value: "web-team"),
            ])
        #expect(web.hostnames == ["10.1.0.4", "20.86.143.17", "contoso-web.westeurope.cloudapp.azure.com"])
        // ssh-keygen -lf of the fixture's keyData.
        #expect(web.authorizedKeys == ["SHA256:PMy9OgAI6ubzWUOoXMFxlgQvD1rBcCjt1hiuSrX1yok"])
        #expect(web.origin == RecordOrigin(file: "arg-inventory.json", location: .path("data[0]")))

        let batch = try #require(input.resources.first { $0.name == "vm-batch-02" })
        #expect(!batch.internetExposed)
        #expect(batch.os == "Windows")
        #expect(batch.hostnames == ["10.2.0.5"])
        // vm-jump-03's NIC references a public IP that is not allocated: not exposed.
        let jump = try #require(input.resources.first { $0.name == "vm-jump-03" })
        #expect(!jump.internetExposed)
        #expect(jump.region == "northeurope")
    }

    @Test func givesPaaSResourcesTheHostNamesConnectionStringsUse() throws {
        let input = try read("arg-inventory.json")
        let byName = Dictionary(uniqueKeysWithValues: input.resources.map { ($0.name, $0) })
        #expect(byName["contosoprodlogs"]?.kind == .storageAccount)
        #expect(
            byName["contosoprodlogs"]?.hostnames == [
                "contosoprodlogs.blob.core.windows.net", "contosoprodlogs.queue.core.windows.net",
                "contosoprodlogs.table.core.windows.net", "contosoprodlogs.file.core.windows.net",
                "contosoprodlogs.dfs.core.windows.net", "contosoprodlogs.z6.web.core.windows.net",
            ])
        #expect(byName["contoso-sql-prod"]?.kind == .sqlServer)
        #expect(byName["contoso-sql-prod"]?.hostnames == ["contoso-sql-prod.database.windows.net"])
        #expect(byName["contoso-pg"]?.kind == .postgresqlServer)
        #expect(byName["contoso-pg"]?.hostnames == ["contoso-pg.postgres.database.azure.com"])
        #expect(byName["kv-contoso-prod"]?.kind == .keyVault)
        #expect(byName["kv-contoso-prod"]?.hostnames == ["kv-contoso-prod.vault.azure.net"])
        #expect(byName["aks-prod"]?.kind == .kubernetesCluster)
        #expect(byName["aks-prod"]?.hostnames == ["aks-prod-dns-4f1a2b3c.hcp.westeurope.azmk8s.io"])
        #expect(byName["id-web-app"]?.kind == .identity)
        #expect(byName["id-web-app"]?.hostnames == [])
        #expect(byName["vmss-workers"]?.kind == .virtualMachine)
        #expect(byName["vmss-workers"]?.internetExposed == false)
        #expect(byName["contoso-portal"]?.kind == .other)
        #expect(
            byName["contoso-portal"]?.hostnames == ["contoso-portal.azurewebsites.net", "portal.contoso.com"])
    }

    @Test func fallsBackToAzureDefaultHostNamesWhenPropertiesWereProjectedAway() throws {
        let document = try CloudFixtures.parse(
            """
            {"count": 1, "data": [{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/Orders-DB",
              "name": "Orders-DB", "type": "microsoft.sql/servers", "location": "eastus"}], "skip_token": null, "total_records": 1}
            """)
        let input = Format.read(document, context: ImportContext(file: "q.json"))
        #expect(input.diagnostics.isEmpty)
        #expect(input.resources.map(\.hostnames) == [["orders-db.database.windows.net"]])
        #expect(
            input.resources.map(\.id) == [
                "/subscriptions/s/resourcegroups/rg/providers/microsoft.sql/servers/orders-db"
            ])
    }

    @Test func warnsOnceForEachRowTypeItDoesNotRead() throws {
        #expect(
            CloudFixtures.messages(try read("arg-inventory.json")) == [
                "warning: arg-inventory.json at data[16]: 1 row of type microsoft.network/virtualnetworks is not read; "
                    + "expected secrets sub-assessments, ExposedSecrets assessments, attack paths or resources "
                    + "(VMs, NICs, public IPs, storage, databases, key vaults, AKS, identities)."
            ])
    }

    @Test func readsSecretsSubAssessmentsAsFindingsOnTheMachineTheyName() throws {
        let input = try read("arg-secrets.json")
        #expect(input.findings.count == 5)
        let ssh = input.findings[0]
        #expect(ssh.resource == vmWeb)
        #expect(ssh.secretType == "ssh-private-key")
        #expect(ssh.filePath == "/home/deploy/.ssh/id_ed25519")
        #expect(ssh.line == nil)
        // sha256 of the sub-assessment's SSH key identifier, "52398-7f3a9c1e-ssh-0001".
        #expect(ssh.fingerprint == "sha256:530a127fd69f95ae44e28377bf81239530a0ead9cf0028fc7c35335fc613be1c")
        #expect(ssh.lastAccess == Timestamp(rfc3339: "2026-11-18T22:03:51Z"))
        #expect(ssh.firstSeen == Timestamp(rfc3339: "2026-10-02T11:08:40Z"))
        #expect(
            ssh.lastSeen?.secondsSince1970 == Timestamp(rfc3339: "2026-11-20T05:41:07Z")?.secondsSince1970)
        #expect(ssh.verification == .verified)
        #expect(ssh.publicKeyFingerprint == "SHA256:boema1KtoQCAZtwCDyneCQz7gYCJDwRgxHyEMD1bQmU")
        #expect(ssh.scanner == "Microsoft Defender for Cloud")
        #expect(ssh.origin == RecordOrigin(file: "arg-secrets.json", location: .path("[0]")))

        let sql = input.findings[1]
        #expect(sql.resource == vmWeb)
        #expect(sql.secretType == "azure-sql-connection-string")
        #expect(sql.filePath == "/var/www/app/appsettings.Production.json")
        #expect(sql.targetHosts == ["contoso-sql-prod.database.windows.net"])
        #expect(sql.verification == .unknown)

        let sas = input.findings[2]
        #expect(sas.resource == vmBatch)
        #expect(sas.secretType == "azure-storage-sas-token")
        #expect(sas.filePath == #"C:\jobs\sync-logs.ps1"#)
        #expect(sas.expiry == Timestamp(rfc3339: "2027-01-31T00:00:00Z"))
    }

    @Test func skipsHealthySubAssessmentsAndGroupedParents() throws {
        let input = try read("arg-secrets.json")
        #expect(!input.findings.contains { $0.filePath == "/root/.ssh/id_rsa.old" })
        #expect(input.findings.filter { $0.resource == vmWeb }.count == 2)
        #expect(
            CloudFixtures.messages(input) == [
                "warning: arg-secrets.json at [7]: 1 row of type microsoft.security/assessments (not ExposedSecrets) "
                    + "is not read; expected secrets sub-assessments, ExposedSecrets assessments, attack paths or "
                    + "resources (VMs, NICs, public IPs, storage, databases, key vaults, AKS, identities)."
            ])
    }

    @Test func putsAWSFindingsOnTheInstanceARNAndReadsIndividualExposedSecretsAssessments() throws {
        let input = try read("arg-secrets.json")
        let aws = input.findings[3]
        #expect(aws.resource == ec2)
        #expect(aws.secretType == "aws-access-key")
        #expect(aws.filePath == "/home/ec2-user/.aws/credentials")
        // The export is as new as its newest finding.
        #expect(
            input.scans.map(\.time?.secondsSince1970) == [
                Timestamp(rfc3339: "2026-11-20T05:44:00Z")?.secondsSince1970
            ])
        #expect(input.scans.map(\.source) == ["Defender for Cloud (Azure Resource Graph)"])
        let individual = input.findings[4]
        #expect(individual.resource == vmJump)
        #expect(individual.secretType == "aws-access-key")
        #expect(individual.filePath == "/opt/tools/.env")
        #expect(individual.line == 3)
        #expect(individual.verification == .unverified)
        #expect(individual.firstSeen == Timestamp(rfc3339: "2026-11-01T09:00:00Z"))
        // The same Defender secret id on two machines is one secret.
        #expect(individual.fingerprint == aws.fingerprint)
        #expect(individual.origin == RecordOrigin(file: "arg-secrets.json", location: .path("[5]")))
    }

    @Test func readsTheDocumentedAttackPathShapeWithItsGraph() throws {
        let input = try read("arg-attackpaths.json")
        #expect(input.attackPaths.count == 2)
        let path = input.attackPaths[0]
        let secret = GraphNode.secret(
            fingerprint: CloudIDs.fingerprint(ofIdentifier: "52411-sql-0b4f7a3e-appsettings"))
        #expect(
            path.id
                == "/subscriptions/\(CloudFixtures.subscription)/providers/Microsoft.Security/locations/westeurope/attackPaths/6a3f0c2e-8d41-4b7a-9e15-3c2d1b0a9f8e"
        )
        #expect(
            path.name
                == "Internet exposed VM has high severity vulnerabilities and has insecure secret that is used to authenticate to a SQL server"
        )
        #expect(path.entryPoint == .resource(vmWeb))
        #expect(path.target == .resource(sqlServer))
        #expect(path.steps == [.resource(vmWeb), secret, .resource(sqlServer)])
        #expect(path.riskLevel == .medium)
        #expect(path.riskFactors == ["Exposure to the Internet", "Lateral movement"])
        #expect(path.description?.hasPrefix("Virtual machine 'vm-web-01' is reachable") == true)
        #expect(
            path.potentialImpact
                == "An attacker who controls the VM can read and change the data in the SQL server.")
        #expect(path.source == "Defender for Cloud (Azure Resource Graph)")
        #expect(
            input.edges.map { "\($0.kind.rawValue) \($0.from.reference) → \($0.to.reference)" } == [
                "exposedTo \(vmWeb) → internet", "contains \(vmWeb) → \(secret.reference)",
                "canAuthenticateTo \(secret.reference) → \(sqlServer)",
            ])
        #expect(
            input.edges[0].origin
                == RecordOrigin(
                    file: "arg-attackpaths.json",
                    location: .path("data[0].properties.graphComponent.connections[0]")))
        #expect(
            CloudFixtures.messages(input) == [
                "warning: arg-attackpaths.json at data[0].properties.riskLevel: missing risk level (the documented "
                    + "shape has none); expected Critical, High, Medium or Low; shown as Medium."
            ])
    }

    @Test func readsTheExposureManagementAttackPathShape() throws {
        let path = try read("arg-attackpaths.json").attackPaths[1]
        let key = GraphNode.secret(fingerprint: CloudIDs.fingerprint(ofIdentifier: "52398-7f3a9c1e-ssh-0001"))
        #expect(
            path.name == "Internet exposed VM can authenticate to a VM which has access to a storage account")
        #expect(path.riskLevel == .critical)
        #expect(path.riskFactors == ["Internet exposure", "Lateral movement", "Sensitive data"])
        #expect(path.entryPoint == .resource(vmWeb))
        #expect(path.target == .resource(storage))
        #expect(path.steps == [.resource(vmWeb), key, .resource(vmJump), .resource(storage)])
        #expect(
            path.attackStory == [
                "Attacker can reach virtual machine vm-web-01 from the internet.",
                "Attacker can read the SSH private key stored on vm-web-01.",
                "Attacker can authenticate to vm-jump-03 with the key.",
                "Attacker can read data from the Azure storage account contosoprodlogs.",
            ])
        #expect(
            path.mitre == [
                "Initial Access: T1190 Exploit Public-Facing Application",
                "Lateral Movement: Remote Services: SSH",
                "Collection",
            ])
    }

    @Test func addsPlaceholderResourcesForEntitiesTheFileDoesNotDefine() throws {
        let input = try read("arg-attackpaths.json")
        #expect(input.resources.map(\.id) == [vmWeb, sqlServer, storage, vmJump])
        #expect(
            input.resources.map(\.kind) == [.virtualMachine, .sqlServer, .storageAccount, .virtualMachine])
        #expect(
            input.resources.map(\.name) == ["vm-web-01", "contoso-sql-prod", "contosoprodlogs", "vm-jump-03"])
        #expect(input.resources.allSatisfy(CloudFormats.isAttackPathPlaceholder))
    }

    @Test func buildsOneModelFromInventorySecretsAndAttackPathFiles() throws {
        var input = ScanInput()
        for name in ["arg-inventory.json", "arg-secrets.json", "arg-attackpaths.json"] {
            input.merge(try read(name))
        }
        input.merge(
            AWSInstancesFormat.read(
                try CloudFixtures.document("aws/describe-instances.json"),
                context: ImportContext(file: "aws.json")))
        let merged = CloudFormats.mergingAttackPathPlaceholders(input)
        #expect(merged.resources.count == input.resources.count - 4)
        let (model, diagnostics) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "t", sourceDateEpoch: nil
        )
        .build(merged)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(!diagnostics.contains { $0.message.contains("unknown node") })
        #expect(model.secrets.count == 4)
        let awsKey = try #require(model.secrets.first { $0.type == "aws-access-key" })
        #expect(awsKey.resourceIDs == [vmJump, ec2].sorted())
        #expect(model.attackPaths.map(\.riskLevel) == [.critical, .medium])
    }

    @Test func recognisesEnvelopesAndBareArraysOfARMRowsOnly() throws {
        #expect(Format.recognizes(try CloudFixtures.document("defender/arg-inventory.json")))
        #expect(Format.recognizes(try CloudFixtures.document("defender/arg-secrets.json")))
        #expect(
            Format.recognizes(
                try CloudFixtures.parse(#"{"count": 0, "data": [], "skip_token": null, "total_records": 0}"#))
        )
        #expect(
            Format.recognizes(
                try CloudFixtures.parse(
                    #"{"data": [{"id": "/x", "type": "Microsoft.Compute/virtualMachines"}]}"#)))
        // Other formats' documents.
        for other in [
            #"[]"#, #"{"format": "secret-atlas/v1", "resources": []}"#,
            #"{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": []}"#,
            #"[{"RuleID": "aws-access-token", "File": "a", "StartLine": 1}]"#,
            #"{"version": "1.5.0", "plugins_used": [], "results": {}}"#,
            #"{"check_type": "secrets", "results": {"failed_checks": []}}"#,
            #"{"Reservations": []}"#, #"[{"kind": "compute#instance", "name": "a"}]"#,
            #"[{"AttackPathId": "a", "RiskLevel": "High", "Type": "SecurityAttackPathData"}]"#,
            #"{"data": [], "other": 1}"#,
        ] {
            #expect(!Format.recognizes(try CloudFixtures.parse(other)), "claimed \(other)")
        }
    }

    @Test func namesFileJSONPathAndWhatWasExpectedForBadRows() throws {
        let document = try CloudFixtures.parse(
            """
            {"count": 4, "data": [
              "not a row",
              {"id": "/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm/providers/microsoft.security/assessments/k/subassessments/1",
               "type": "microsoft.security/assessments/subassessments",
               "properties": {"displayName": "Insecure SSH private key", "status": {"code": "Unhealthy"},
                              "additionalData": {"lastAccessTime": "last week"}}},
              {"id": "/a", "type": "microsoft.security/attackpaths", "properties": {"riskLevel": "High"}},
              {"type": 7}
            ], "skip_token": null, "total_records": 4}
            """)
        let input = Format.read(document, context: ImportContext(file: "defender.json"))
        #expect(input.findings.isEmpty && input.attackPaths.isEmpty)
        #expect(
            CloudFixtures.messages(input) == [
                "error: defender.json at data[0]: expected a Resource Graph row object, found a string.",
                "error: defender.json at data[1].properties.additionalData.fileName: missing required member; "
                    + "expected the file path of the secret (filePath).",
                "error: defender.json at data[2].properties.displayName: missing required member; expected the "
                    + "attack path's display name (or attackPathDisplayName).",
                "error: defender.json at data[2].properties.entryPointEntityInternalID: missing required member; "
                    + "expected entryPointEntityInternalID naming a graphComponent entity, or an entryPoint entity object.",
                "error: defender.json at data[2].properties.targetEntityInternalID: missing required member; "
                    + "expected targetEntityInternalID naming a graphComponent entity, or a target entity object.",
                "error: defender.json at data[3].type: expected an ARM type such as \"microsoft.compute/virtualmachines\", "
                    + "found 7.",
            ])
    }

    @Test func refusesADocumentThatIsNotAQueryResult() throws {
        let input = Format.read(
            try CloudFixtures.parse(#"{"value": 3}"#), context: ImportContext(file: "x.json"))
        #expect(
            CloudFixtures.messages(input) == [
                "error: x.json at $: expected an az graph query result: an object with a \"data\" array, or an array "
                    + "of rows; found an object."
            ])
    }

    @Test func mapsDefenderSecretTypeNamesToCatalogTypes() throws {
        let catalog = try TestSupport.catalog()
        let names = [
            "Insecure SSH private key", "SSHPrivateKey", "Plaintext Azure SQL connection string",
            "Plaintext Azure Database for PostgreSQL", "Plaintext Azure Database for MySQL",
            "Plaintext Azure Database for MariaDB", "Plaintext Azure Cosmos DB",
            "Plaintext AWS RDS connection string",
            "Plaintext Azure storage account connection string", "Plaintext Azure storage account SAS token",
            "Plaintext AWS access key", "Plaintext AWS S3 presigned URL",
            "Plaintext Microsoft Entra ID (Azure AD) client secret", "Plaintext GitHub Personal Access Token",
            "Plaintext NPM author token", "Plaintext Slack access token", "Plaintext General password",
            "Plaintext Private key",
        ]
        for name in names {
            let id = try #require(DefenderSecretTypes.typeID(for: name), "no type for \(name)")
            #expect(catalog.secretTypes[id] != nil, "\(name) → \(id) is not in the catalog")
        }
        #expect(DefenderSecretTypes.typeID(for: "Plaintext Azure Maps subscription key") == nil)
    }

    @Test func putsGCPFindingsOnTheSelfLinkAndFallsBackToTheRowIDForTheMachine() throws {
        let document = try CloudFixtures.parse(
            """
            [{"id": "/subscriptions/s/resourcegroups/rg/providers/microsoft.security/securityconnectors/gcp/securityentitydata/gcp-vm/providers/microsoft.security/assessments/17b615fd-ce09-494b-a3fa-5937a137a571/subassessments/a1",
              "name": "a1", "type": "microsoft.security/assessments/subassessments",
              "properties": {"displayName": "Insecure SSH private key", "status": {"code": "Unhealthy"},
                "resourceDetails": {"Source": "Gcp", "GcpResourceId": "//compute.googleapis.com/projects/acme-prod-4471/zones/europe-west1-b/instances/ci-runner-1"},
                "additionalData": {"filePath": "/home/ci/.ssh/id_rsa"}}},
             {"id": "/subscriptions/S/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/VM-X/providers/Microsoft.Security/assessments/17618b1a-ed14-49bb-b37f-9f8ba967be8b/subAssessments/b2",
              "name": "b2", "type": "Microsoft.Security/assessments/subAssessments",
              "properties": {"displayName": "Plaintext Azure storage account connection string",
                "additionalData": {"fileName": "settings.ini"}}}]
            """)
        let input = Format.read(document, context: ImportContext(file: "gcp-secrets.json"))
        #expect(input.diagnostics.isEmpty)
        let gce = GCPInstancesFormat.read(
            try CloudFixtures.document("gcp/instances.json"), context: ImportContext(file: "g"))
        #expect(
            input.findings.map(\.resource) == [
                gce.resources[0].id,
                "/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm-x",
            ])
        #expect(input.findings.map(\.secretType) == ["ssh-private-key", "azure-storage-connection-string"])
        #expect(input.findings.map(\.filePath) == ["/home/ci/.ssh/id_rsa", "settings.ini"])
        // No Defender secret id: the sub-assessment's own name identifies the secret.
        #expect(input.findings[1].fingerprint == CloudIDs.fingerprint(ofIdentifier: "b2"))
    }

    @Test func mergingKeepsInventoryRecordsOverAttackPathPlaceholdersAndOnePlaceholderPerID() throws {
        let paths = try read("arg-attackpaths.json")
        let inventory = try read("arg-inventory.json")
        var input = paths
        input.merge(paths)
        input.merge(inventory)
        let merged = CloudFormats.mergingAttackPathPlaceholders(input)
        #expect(merged.resources.count == inventory.resources.count)
        #expect(merged.resources.map(\.origin.file).allSatisfy { $0 == "arg-inventory.json" })
        var onlyPaths = paths
        onlyPaths.merge(paths)
        #expect(CloudFormats.mergingAttackPathPlaceholders(onlyPaths).resources == paths.resources)
        #expect(!inventory.resources.contains(where: CloudFormats.isAttackPathPlaceholder))
    }

    @Test func rendersASiteFromTheCloudFixturesWithFindingsOnTheirMachines() throws {
        var input = ScanInput()
        for name in ["arg-inventory.json", "arg-secrets.json", "arg-attackpaths.json"] {
            input.merge(try read(name))
        }
        input.merge(
            AWSInstancesFormat.read(
                try CloudFixtures.document("aws/describe-instances.json"),
                context: ImportContext(file: "aws.json")))
        let (model, _) = SiteModelBuilder(
            catalog: try TestSupport.catalog(), title: "t", sourceDateEpoch: nil
        )
        .build(CloudFormats.mergingAttackPathPlaceholders(input))
        let files = try TestSupport.site(for: model)
        let web = try #require(model.resources.first { $0.name == "vm-web-01" })
        let page = String(decoding: try #require(files[SiteRoutes.resource(web)]), as: UTF8.self)
        #expect(page.contains("/home/deploy/.ssh/id_ed25519"))
        #expect(page.contains("/var/www/app/appsettings.Production.json"))
        #expect(!page.contains("/opt/tools/.env"))
        for path in model.attackPaths {
            let html = String(decoding: try #require(files[SiteRoutes.attackPath(path)]), as: UTF8.self)
            #expect(html.contains("vm-web-01"))
        }
    }

    @Test func dropsAFindingWhoseMembersHaveErrorsAndSaysWhere() throws {
        let document = try CloudFixtures.parse(
            """
            [{"id": "/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm/providers/microsoft.security/assessments/k/subassessments/1",
              "type": "microsoft.security/assessments/subassessments",
              "properties": {"displayName": "Insecure SSH private key",
                             "additionalData": {"filePath": "/root/.ssh/id_rsa", "lastAccessTime": "last week", "isVerified": "maybe"}}}]
            """)
        let input = Format.read(document, context: ImportContext(file: "d.json"))
        #expect(input.findings.isEmpty)
        #expect(
            CloudFixtures.messages(input) == [
                "error: d.json at [0].properties.additionalData.isVerified: expected true or false, found a string.",
                "error: d.json at [0].properties.additionalData.lastAccessTime: expected an RFC 3339 timestamp such as "
                    + "\"2026-11-20T06:00:00Z\", found a string.",
            ])
    }
}
