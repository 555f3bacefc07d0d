import Testing

@testable import SecretAtlas

/// Scenarios with known answers, built from native JSON so the whole model pipeline runs.
struct AttackPathFinderTests {
    /// A fleet described compactly: machines (id = name), which is exposed, which keys each trusts,
    /// and which secrets lie where.
    private struct Fleet {
        var machines: [(name: String, exposed: Bool, trusts: [String])] = []
        var stores: [(name: String, kind: String)] = []
        /// The secrets: machine, type, fingerprint, public key and target hosts.
        var secrets: [(on: String, type: String, fingerprint: String, publicKey: String?, hosts: [String])] =
            []
        var attackPaths = "[]"

        func model() throws -> SiteModel {
            var resources: [String] = machines.map { machine in
                let keys = machine.trusts.map { "\"\($0)\"" }.joined(separator: ",")
                return """
                    {"id": "\(machine.name)", "name": "\(machine.name)", "kind": "virtualMachine", "cloud": "azure",
                     "internetExposed": \(machine.exposed), "authorizedKeys": [\(keys)]}
                    """
            }
            resources += stores.map { store in
                """
                {"id": "\(store.name)", "name": "\(store.name)", "kind": "\(store.kind)", "cloud": "azure"}
                """
            }
            let findings = secrets.map { secret in
                let publicKey = secret.publicKey.map { ", \"publicKeyFingerprint\": \"\($0)\"" } ?? ""
                let hosts = secret.hosts.map { "\"\($0)\"" }.joined(separator: ",")
                return """
                    {"resource": "\(secret.on)", "secretType": "\(secret.type)", "fingerprint": "\(secret.fingerprint)",
                     "filePath": "/home/ops/.ssh/id_\(secret.fingerprint.suffix(4))", "targetHosts": [\(hosts)]\(publicKey)}
                    """
            }
            let (model, diagnostics) = try TestSupport.model(
                json: TestSupport.document(
                    resources: "[" + resources.joined(separator: ",") + "]",
                    findings: "[" + findings.joined(separator: ",") + "]", attackPaths: attackPaths))
            #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
            return model
        }
    }

    private static let keyA = "SHA256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    private static let keyB = "SHA256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    private static let keyC = "SHA256:ccccccccccccccccccccccccccccccccccccccccccc"

    private func sshKey(on machine: String, _ key: String) -> (String, String, String, String?, [String]) {
        (machine, "ssh-private-key", "hmac-sha256:" + key.suffix(16), key, [])
    }

    private func computed(_ model: SiteModel) -> [AttackPath] {
        model.attackPaths.filter { $0.origin == .computed }
    }

    @Test func followsAThreeHopLateralChainToAStorageAccount() throws {
        var fleet = Fleet()
        fleet.machines = [("vm-a", true, []), ("vm-b", false, [Self.keyA]), ("vm-c", false, [Self.keyB])]
        fleet.stores = [("stor", "storageAccount")]
        fleet.secrets = [
            sshKey(on: "vm-a", Self.keyA), sshKey(on: "vm-b", Self.keyB),
            (
                "vm-c", "azure-storage-connection-string", "hmac-sha256:conn000000000000000", nil,
                ["stor.blob.core.windows.net"]
            ),
        ]
        let model = try fleet.model()
        let paths = computed(model)
        #expect(
            paths.map { "\($0.entryPoint.reference)→\($0.target.reference)" }.sorted() == [
                "vm-a→stor", "vm-a→vm-b", "vm-a→vm-c",
            ])
        let lateral = try #require(paths.first { $0.target == .resource("vm-c") })
        #expect(
            lateral.name
                == "Internet exposed VM has an insecure SSH private key that allows lateral movement to a VM")
        #expect(lateral.riskLevel == .high)
        let chain = try #require(paths.first { $0.target == .resource("stor") })
        #expect(
            chain.steps.map(\.reference) == [
                "vm-a", "secret:hmac-sha256:aaaaaaaaaaaaaaaa", "vm-b", "secret:hmac-sha256:bbbbbbbbbbbbbbbb",
                "vm-c", "secret:hmac-sha256:conn000000000000000", "stor",
            ])
        #expect(
            chain.name
                == "Internet exposed VM has an insecure SSH private key that allows lateral movement to a storage account"
        )
        #expect(chain.riskFactors == ["Internet exposure", "Lateral movement", "Sensitive data"])
        #expect(chain.riskLevel == .critical)
        #expect(chain.description?.contains("VM 'vm-c' holds a plaintext Azure storage") == true)
        #expect(chain.attackStory.count == 8)
        #expect(chain.mitre.contains("Lateral Movement – Remote Services: SSH (T1021.004)"))
        #expect(chain.mitre.contains("Collection – Data from Cloud Storage (T1530)"))
        let direct = try #require(paths.first { $0.target == .resource("vm-b") })
        #expect(
            direct.name
                == "Internet exposed VM has an insecure SSH private key that is used to authenticate to a VM")
        #expect(direct.riskLevel == .medium)
    }

    @Test func aCycleOfKeysEndsInsteadOfLooping() throws {
        var fleet = Fleet()
        fleet.machines = [("vm-a", true, [Self.keyB]), ("vm-b", false, [Self.keyA])]
        fleet.secrets = [sshKey(on: "vm-a", Self.keyA), sshKey(on: "vm-b", Self.keyB)]
        let paths = computed(try fleet.model())
        #expect(paths.map(\.target) == [.resource("vm-b")])
        #expect(paths.first?.steps.count == 3)
    }

    @Test func oneKeyTrustedByTwoMachinesOpensBoth() throws {
        var fleet = Fleet()
        fleet.machines = [("vm-a", true, []), ("vm-b", false, [Self.keyA]), ("vm-c", false, [Self.keyA])]
        fleet.secrets = [sshKey(on: "vm-a", Self.keyA)]
        let model = try fleet.model()
        #expect(computed(model).map(\.target).sorted() == [.resource("vm-b"), .resource("vm-c")])
        let found = model.secret(fingerprint: "hmac-sha256:aaaaaaaaaaaaaaaa")
        let secret = try #require(found)
        #expect(secret.targets == ["vm-b", "vm-c"])
        #expect(secret.verification == .verified)
    }

    @Test func aSecretWhoseTargetIsNotInTheInventoryHasNoTargetAndNoPath() throws {
        var fleet = Fleet()
        fleet.machines = [("vm-a", true, [])]
        fleet.stores = [("stor", "storageAccount")]
        fleet.secrets = [
            (
                "vm-a", "azure-sql-connection-string", "hmac-sha256:sql0000000000000000", nil,
                ["elsewhere.database.windows.net"]
            ),
            sshKey(on: "vm-a", Self.keyC),
        ]
        let model = try fleet.model()
        #expect(computed(model).isEmpty)
        #expect(
            model.secretsWithoutTarget.map { model.secrets[$0].fingerprint }.sorted() == [
                "hmac-sha256:cccccccccccccccc", "hmac-sha256:sql0000000000000000",
            ])
        let key = model.secret(fingerprint: "hmac-sha256:cccccccccccccccc")
        #expect(key?.verification == .unverified)
    }

    @Test func anExposedMachineWithoutSecretsHasNoPath() throws {
        var fleet = Fleet()
        fleet.machines = [("vm-a", true, []), ("vm-b", false, [Self.keyA])]
        fleet.secrets = [sshKey(on: "vm-b", Self.keyA)]
        let model = try fleet.model()
        #expect(model.attackPaths.isEmpty)
        let site = try TestSupport.site(for: model)
        let page = try #require(site.first { $0.key.hasPrefix("inventory/vm-a-") }?.value)
        #expect(
            String(decoding: page, as: UTF8.self).contains(
                "No attack path in this report passes through this resource."))
    }

    @Test func aPathBothImportedAndComputedAppearsOnceAsImported() throws {
        var fleet = Fleet()
        fleet.machines = [("vm-a", true, []), ("vm-b", false, [Self.keyA])]
        fleet.stores = [("stor", "storageAccount")]
        fleet.secrets = [
            sshKey(on: "vm-a", Self.keyA),
            ("vm-a", "azure-storage-connection-string", "hmac-sha256:conn000000000000000", nil, ["stor"]),
        ]
        fleet.attackPaths = """
            [{"id": "defender-1", "name": "Exposed Vulnerable VM has insecure secrets that are used to authenticate to a storage account",
              "riskLevel": "high", "entryPoint": "vm-a", "target": "stor", "steps": ["vm-a", "secret:hmac-sha256:conn000000000000000", "stor"]}]
            """
        let model = try fleet.model()
        #expect(model.attackPaths.count == 2)
        let imported = try #require(model.attackPaths.first { $0.origin == .imported })
        #expect(imported.id == "defender-1" && imported.alsoComputed && imported.riskLevel == .high)
        #expect(computed(model).map(\.target) == [.resource("vm-b")])
        let site = try TestSupport.site(for: model)
        let list = String(decoding: site["attack-paths/index.html"] ?? [], as: UTF8.self)
        #expect(list.contains("Imported, also computed") && list.contains(">Computed<"))
    }

    @Test func aComputedPathPageHasItsDiagramStoryAndBothRemediationBuckets() throws {
        var fleet = Fleet()
        fleet.machines = [("vm-a", true, []), ("vm-b", false, [Self.keyA])]
        fleet.secrets = [sshKey(on: "vm-a", Self.keyA)]
        let model = try fleet.model()
        let path = try #require(computed(model).first)
        let site = try TestSupport.site(for: model)
        let page = String(decoding: site[SiteRoutes.attackPath(path)] ?? [], as: UTF8.self)
        for expected in [
            "<svg", "aria-labelledby=\"path-diagram-title\"", "Computed by SecretAtlas from the graph",
            "<h3 id=\"recommendations\">Recommendations</h3>",
            "href=\"../recommendations/machines-should-have-secrets-findings-resolved.html\"",
            "<h3 id=\"additional-recommendations\">Additional recommendations</h3>",
            "Remove the public key from the authorized_keys of vm-b", "Restrict Internet exposure of vm-a",
            "Lateral Movement – Remote Services: SSH (T1021.004)",
            "The attacker uses it to authenticate to VM &#39;vm-b&#39; over SSH.",
        ] {
            #expect(page.contains(expected), "missing \(expected)")
        }
    }

    @Test func eachEntryPointKeepsItsMostSeverePaths() throws {
        var fleet = Fleet()
        fleet.machines = [("vm-a", true, [])] + (0..<24).map { ("vm-\($0 + 10)", false, [Self.keyA]) }
        fleet.stores = [("stor", "storageAccount")]
        fleet.secrets = [
            sshKey(on: "vm-a", Self.keyA),
            ("vm-a", "azure-storage-connection-string", "hmac-sha256:conn000000000000000", nil, ["stor"]),
        ]
        let model = try fleet.model()
        let paths = computed(model)
        #expect(paths.count == 20)
        #expect(model.attackPathsOmitted == 5)
        #expect(
            paths.contains { $0.target == .resource("stor") }, "the storage account outranks the machines")
        let site = try TestSupport.site(for: model)
        let list = String(decoding: site["attack-paths/index.html"] ?? [], as: UTF8.self)
        #expect(list.contains("SecretAtlas also found 5 more computed paths"))
    }

    /// Once an entry point has 20 critical routes, no longer route can displace them: the search
    /// stops there, keeps exactly what a full search keeps, and says the count is a lower bound.
    @Test func theSearchStopsOnceItHoldsEnoughCriticalPaths() throws {
        var fleet = Fleet()
        let middle = (0..<24).map { "vm-\($0 + 10)" }
        fleet.machines =
            [("vm-a", true, []), ("vm-deep", false, [Self.keyB])] + middle.map { ($0, false, [Self.keyA]) }
        fleet.stores = middle.map { ("stor-\($0)", "storageAccount") } + [("stor-deep", "storageAccount")]
        fleet.secrets =
            [sshKey(on: "vm-a", Self.keyA), sshKey(on: "vm-10", Self.keyB)]
            + middle.map {
                (
                    $0, "azure-storage-connection-string", "hmac-sha256:c000000000000000" + $0.dropFirst(3),
                    nil, ["stor-\($0)"]
                )
            }
            + [
                (
                    "vm-deep", "azure-storage-connection-string", "hmac-sha256:c00000000000000099", nil,
                    ["stor-deep"]
                )
            ]
        let model = try fleet.model()
        let paths = computed(model)
        #expect(paths.count == 20)
        #expect(paths.allSatisfy { $0.riskLevel == .critical && $0.steps.count == 5 })
        #expect(paths.map(\.target.reference) == middle.prefix(20).map { "stor-" + $0 })
        #expect(!paths.contains { $0.target == .resource("stor-deep") })
        #expect(model.attackPathsOmittedIsLowerBound)
        let site = try TestSupport.site(for: model)
        let list = String(decoding: site["attack-paths/index.html"] ?? [], as: UTF8.self)
        #expect(list.contains("SecretAtlas also found at least"))
    }

    @Test func pathsAreTheSameWhateverTheInputOrder() throws {
        var fleet = Fleet()
        fleet.machines = [
            ("vm-a", true, []), ("vm-b", true, [Self.keyA]), ("vm-c", false, [Self.keyA, Self.keyB]),
        ]
        fleet.secrets = [sshKey(on: "vm-a", Self.keyA), sshKey(on: "vm-b", Self.keyB)]
        let forward = try fleet.model().attackPaths
        fleet.machines.reverse()
        fleet.secrets.reverse()
        #expect(try fleet.model().attackPaths == forward)
    }
}
