import Foundation
import Testing

@testable import SecretAtlas

struct CloudInventoryFormatTests {
    @Test func readsEC2InstancesWithExposureFromPublicIPs() throws {
        let input = AWSInstancesFormat.read(
            try CloudFixtures.document("aws/describe-instances.json"),
            context: ImportContext(file: "ec2.json"))
        #expect(input.diagnostics.isEmpty)
        // The terminated instance is left out.
        #expect(input.resources.map(\.name) == ["ops-backup-01", "i-0feedfacecafe1234"])
        let web = input.resources[0]
        #expect(web.id == "arn:aws:ec2:eu-west-1:123456789012:instance/i-0a1b2c3d4e5f60718")
        #expect(web.kind == .ec2Instance && web.cloud == .aws)
        #expect(web.subscription == "123456789012" && web.resourceGroup == nil)
        #expect(web.region == "eu-west-1")
        #expect(web.os == "Linux")
        #expect(web.internetExposed)
        #expect(
            web.tags == [
                Resource.Tag(key: "Name", value: "ops-backup-01"), Resource.Tag(key: "env", value: "prod"),
            ])
        #expect(
            web.hostnames == [
                "ec2-34-245-12-7.eu-west-1.compute.amazonaws.com", "34.245.12.7",
                "ip-172-31-20-14.eu-west-1.compute.internal", "172.31.20.14",
            ])
        #expect(web.origin == RecordOrigin(file: "ec2.json", location: .path("Reservations[0].Instances[0]")))
        let windows = input.resources[1]
        #expect(!windows.internetExposed)
        #expect(windows.os == "Windows")
        #expect(windows.region == "eu-west-1")
        #expect(
            input.scans == [ScanRecord(time: nil, source: "AWS EC2 inventory (aws ec2 describe-instances)")])
        #expect(windows.hostnames == ["ip-10-20-3-44.eu-west-1.compute.internal", "10.20.3.44"])
    }

    @Test func readsGCPInstancesWithProjectZoneLabelsExposureAndSSHKeys() throws {
        let input = GCPInstancesFormat.read(
            try CloudFixtures.document("gcp/instances.json"), context: ImportContext(file: "gce.json"))
        #expect(input.diagnostics.isEmpty)
        #expect(input.resources.map(\.name) == ["ci-runner-1", "win-reports"])
        let runner = input.resources[0]
        #expect(
            runner.id
                == "https://www.googleapis.com/compute/v1/projects/acme-prod-4471/zones/europe-west1-b/instances/ci-runner-1"
        )
        #expect(runner.kind == .gcpVmInstance && runner.cloud == .gcp)
        #expect(runner.subscription == "acme-prod-4471")
        #expect(runner.region == "europe-west1")
        #expect(runner.os == "Linux")
        #expect(runner.internetExposed)
        #expect(
            runner.tags == [Resource.Tag(key: "env", value: "prod"), Resource.Tag(key: "team", value: "ci")])
        #expect(runner.hostnames == ["10.132.0.7", "35.195.77.10"])
        // ssh-keygen -lf of the two keys in the ssh-keys metadata.
        #expect(
            runner.authorizedKeys == [
                "SHA256:PMy9OgAI6ubzWUOoXMFxlgQvD1rBcCjt1hiuSrX1yok",
                "SHA256:boema1KtoQCAZtwCDyneCQz7gYCJDwRgxHyEMD1bQmU",
            ])
        let windows = input.resources[1]
        #expect(!windows.internetExposed)
        #expect(windows.os == "Windows")
        #expect(windows.region == "us-central1")
        #expect(windows.authorizedKeys.isEmpty)
    }

    @Test func eachInventoryFormatClaimsOnlyItsOwnDocuments() throws {
        let aws = try CloudFixtures.document("aws/describe-instances.json")
        let gcp = try CloudFixtures.document("gcp/instances.json")
        #expect(AWSInstancesFormat.recognizes(aws) && !AWSInstancesFormat.recognizes(gcp))
        #expect(GCPInstancesFormat.recognizes(gcp) && !GCPInstancesFormat.recognizes(aws))
        for format in CloudFormats.cloudFormats {
            let claims = [aws, gcp].filter { format.recognizes($0) }.count
            #expect(claims <= 1, "\(format.name) claims both inventories")
        }
        for other in [
            #"[]"#, #"{"format": "secret-atlas/v1"}"#, #"{"version": "2.1.0", "runs": []}"#,
            #"[{"RuleID": "generic-api-key", "File": "a"}]"#, #"{"results": {}, "plugins_used": []}"#,
            #"{"check_type": "secrets", "results": {}}"#,
        ] {
            for format in CloudFormats.cloudFormats {
                #expect(!format.recognizes(try CloudFixtures.parse(other)), "\(format.name) claimed \(other)")
            }
        }
        #expect(Set(CloudFormats.cloudFormats.map { $0.name }).count == CloudFormats.cloudFormats.count)
    }

    @Test func reportsWrongShapesWithTheirJSONPath() throws {
        let aws = AWSInstancesFormat.read(
            try CloudFixtures.parse(
                #"{"Reservations": [{"OwnerId": "1", "Instances": [{"Placement": {}}, 5]}, 7]}"#),
            context: ImportContext(file: "ec2.json"))
        #expect(aws.resources.isEmpty)
        #expect(
            CloudFixtures.messages(aws) == [
                "error: ec2.json at Reservations[1]: expected an object, found 7.",
                "error: ec2.json at Reservations[0].Instances[1]: expected an object, found 5.",
                "error: ec2.json at Reservations[0].Instances[0].InstanceId: missing required member; expected an "
                    + "instance id such as \"i-0abc…\".",
            ])
        let gcp = GCPInstancesFormat.read(
            try CloudFixtures.parse(#"[{"kind": "compute#instance", "name": "a", "labels": ["x"]}, "b"]"#),
            context: ImportContext(file: "gce.json"))
        #expect(
            CloudFixtures.messages(gcp) == [
                "error: gce.json at [0].selfLink: missing required member; expected the instance URL "
                    + "(…/projects/<project>/zones/<zone>/instances/<name>).",
                "error: gce.json at [1]: expected an instance object, found a string.",
            ])
    }

    /// Real scanner reports from `../shared/fixtures/` (skipped when absent) must not be claimed.
    @Test func noCloudFormatClaimsTheSharedScannerFixtures() throws {
        let root = TestSupport.packageRoot.deletingLastPathComponent().appendingPathComponent(
            "shared/fixtures")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        var checked = 0
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".json") || relative.hasSuffix(".sarif") else { continue }
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
            guard let document = try? JSONParser.parse(bytes) else { continue }
            checked += 1
            for format in CloudFormats.cloudFormats {
                let claimed = format.recognizes(document)
                #expect(!claimed, "\(format.name) claims \(relative)")
            }
        }
        #expect(checked > 0 || !FileManager.default.fileExists(atPath: root.path))
    }

    @Test func readsFlattenedEC2QueriesAndASingleDescribedGCPInstance() throws {
        let flat = try CloudFixtures.parse(
            """
            [{"InstanceId": "i-0123456789abcdef0", "State": {"Name": "running"}, "Placement": {"AvailabilityZone": "us-west-2-lax-1a"},
              "PublicIpAddress": "54.1.2.3", "NetworkInterfaces": [{"OwnerId": "210987654321"}]}]
            """)
        #expect(AWSInstancesFormat.recognizes(flat) && !GCPInstancesFormat.recognizes(flat))
        let aws = AWSInstancesFormat.read(flat, context: ImportContext(file: "flat.json"))
        #expect(aws.diagnostics.isEmpty)
        #expect(
            aws.resources.map(\.id) == [
                "arn:aws:ec2:us-west-2-lax-1:210987654321:instance/i-0123456789abcdef0"
            ])
        #expect(aws.resources.map(\.internetExposed) == [true])

        let single = try CloudFixtures.parse(
            """
            {"kind": "compute#instance", "name": "solo", "selfLink": "https://www.googleapis.com/compute/beta/projects/p-1/zones/asia-east1-c/instances/solo",
             "metadata": {"items": [{"key": "ssh-keys", "value": "x:not a key"}]}}
            """)
        #expect(GCPInstancesFormat.recognizes(single) && !AWSInstancesFormat.recognizes(single))
        let gcp = GCPInstancesFormat.read(single, context: ImportContext(file: "solo.json"))
        #expect(gcp.diagnostics.isEmpty)
        #expect(
            gcp.resources.map(\.id) == [
                "https://www.googleapis.com/compute/v1/projects/p-1/zones/asia-east1-c/instances/solo"
            ])
        #expect(gcp.resources.map(\.region) == ["asia-east1"])
        #expect(gcp.resources.map(\.origin) == [RecordOrigin(file: "solo.json", location: .path("$"))])
        #expect(gcp.resources[0].authorizedKeys.isEmpty && !gcp.resources[0].internetExposed)
    }
}
