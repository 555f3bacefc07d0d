import Testing

@testable import SecretAtlas

struct CatalogTests {
    /// Defender's attack-path types (defender-views.md §2.1 A) and the other types the issue names.
    static let requiredTypes = [
        "ssh-private-key", "azure-sql-connection-string", "azure-postgresql-connection-string",
        "azure-mysql-connection-string", "azure-mariadb-connection-string",
        "azure-cosmosdb-connection-string",
        "aws-rds-connection-string", "azure-storage-connection-string", "azure-storage-sas-token",
        "aws-access-key",
        "aws-s3-presigned-url", "github-pat", "private-key", "general-password", "slack-token", "npm-token",
        "entra-client-secret", "kubernetes-service-account-token", "stripe-key",
    ]

    @Test(arguments: requiredTypes)
    func everyRequiredTypeHasSpecificRemediation(type: String) throws {
        let catalog = try TestSupport.catalog()
        let entry = try #require(catalog.secretTypes[type])
        #expect(entry.isKnown)
        for section in ["## Revoke and rotate", "## Store it instead", "## Find where it was used"] {
            #expect(entry.remediationMarkdown.contains(section), "\(type) lacks \(section)")
        }
        // Specific, not boilerplate: no other type's remediation shares this one's text.
        for (other, otherEntry) in catalog.secretTypes where other != type {
            #expect(otherEntry.remediationMarkdown != entry.remediationMarkdown)
        }
    }

    @Test func recommendationsCoverEveryMachineAndDeploymentKind() throws {
        let catalog = try TestSupport.catalog()
        let titles = [
            ResourceKind.virtualMachine, .ec2Instance, .gcpVmInstance, .armDeployment, .cloudFormationStack,
        ]
        .map { catalog.recommendation(for: $0)?.title }
        #expect(
            titles == [
                "Machines should have secrets findings resolved",
                "EC2 instances should have secrets findings resolved",
                "VM instances should have secrets findings resolved",
                "Azure Resource Manager deployments should have secrets findings resolved",
                "AWS CloudFormation Stack should have secrets findings resolved",
            ])
        #expect(catalog.recommendations.allSatisfy { $0.control == "Remediate vulnerabilities" })
        #expect(
            catalog.recommendation(for: .virtualMachine)?.assessmentKey
                == "17618b1a-ed14-49bb-b37f-9f8ba967be8b")
    }

    @Test func anUnknownTypeGetsTheGenericEntryUnderItsOwnName() throws {
        let entry = try TestSupport.catalog().secretType("acme-license-key")
        #expect(entry.id == "acme-license-key")
        #expect(!entry.isKnown)
        #expect(entry.remediationMarkdown.contains("## Revoke and rotate"))
    }
}
