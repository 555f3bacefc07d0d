/// What a synthetic estate is made of, and how often: the tables behind `synth`.
///
/// The mix imitates a Defender for Cloud agentless secrets scan of a mid-sized company's estate
/// (one fictional company, Northwind Logistics): machines over Azure, AWS and GCP; secret types at
/// the frequencies seen in such scans (SSH keys, connection strings, SAS tokens and AWS keys the most
/// common); the stores those secrets open, with their hostnames; and IAM users that AWS keys belong
/// to. Frequencies are relative weights. Changing any table changes every synthetic file, so tests
/// compare against these tables rather than fixed bytes.
enum SynthCatalog {
    /// When every synthetic scan ran: 2026-11-20T06:00:00Z.
    static let scanEpoch: Int64 = 1_795_154_400
    static let scanTime = "2026-11-20T06:00:00Z"
    static let day: Int64 = 86_400
    static let domain = "northwind-logistics.example"

    /// Where a secret type leads: how the input says what it can authenticate to.
    enum TargetRule {
        /// A `canAuthenticateTo` edge to a store of this kind, as Defender resolves connection strings.
        case edge(SynthStoreKind)
        /// The finding's `targetHosts` names a store of this kind by hostname, as an importer would
        /// parse it from a URL; SecretAtlas resolves it.
        case hostname(SynthStoreKind)
        /// The finding's `targetHosts` names the IAM user the access key belongs to.
        case iamUser
    }

    /// One secret type: its id, weight, what it opens and where on disk it lies.
    struct SecretType {
        let id: String
        let weight: Double
        let target: TargetRule?
        /// Expiry in days after the scan (lowest, highest), for tokens that expire.
        let expiryDays: (Int64, Int64)?
        /// Paths on Linux; `{home}` is the user's home, `{app}` the app, `{App}` its CamelCase name.
        let linuxPaths: [String]
        let windowsPaths: [String]
    }

    /// Share of target-bearing secrets whose target is given (Defender resolves most, not all).
    static let targetProbability = 0.9
    /// Share of secrets found on 2 to 4 machines (one fingerprint, several findings).
    static let sharedSecretProbability = 0.30
    /// Share of SSH private keys whose public key other machines trust.
    static let trustedKeyProbability = 0.6
    /// Share of machines reachable from the Internet.
    static let exposedProbability = 0.10

    static let secretTypes: [SecretType] = [
        SecretType(
            id: "ssh-private-key", weight: 15, target: nil, expiryDays: nil,
            linuxPaths: [
                "{home}/.ssh/id_rsa", "{home}/.ssh/id_ed25519", "{home}/.ssh/deploy_key",
                "/var/lib/jenkins/.ssh/id_rsa", "/root/.ssh/id_rsa",
            ],
            windowsPaths: ["{home}\\.ssh\\id_rsa", "{home}\\.ssh\\id_ed25519"]),
        SecretType(
            id: "azure-storage-connection-string", weight: 11, target: .edge(.storageAccount),
            expiryDays: nil,
            linuxPaths: [
                "/opt/{app}/appsettings.json", "/opt/{app}/.env", "/etc/{app}/config.yaml",
                "{home}/scripts/backup.sh",
            ],
            windowsPaths: [
                "C:\\inetpub\\wwwroot\\{app}\\web.config", "C:\\ProgramData\\{App}\\appsettings.json",
            ]),
        SecretType(
            id: "azure-storage-sas-token", weight: 11, target: .edge(.storageAccount), expiryDays: (30, 400),
            linuxPaths: [
                "{home}/scripts/pull-logs.sh", "/etc/fluent-bit/outputs.conf", "/etc/rclone/rclone.conf",
                "/opt/{app}/upload.py",
            ],
            windowsPaths: ["C:\\ProgramData\\{App}\\LogShipper\\shipper.json", "{home}\\Scripts\\upload.ps1"]),
        SecretType(
            id: "aws-access-key", weight: 11, target: .iamUser, expiryDays: nil,
            linuxPaths: [
                "{home}/.aws/credentials", "/root/.aws/credentials",
                "/etc/systemd/system/{app}.service.d/override.conf", "/opt/{app}/.env",
            ],
            windowsPaths: ["{home}\\.aws\\credentials", "C:\\ProgramData\\{App}\\aws.config"]),
        SecretType(
            id: "azure-sql-connection-string", weight: 8, target: .edge(.sqlServer), expiryDays: nil,
            linuxPaths: [
                "/opt/{app}/appsettings.json", "/opt/{app}/appsettings.Production.json",
                "{home}/reports/.env",
            ],
            windowsPaths: [
                "C:\\inetpub\\wwwroot\\{app}\\web.config", "C:\\ProgramData\\{App}\\appsettings.json",
            ]),
        SecretType(
            id: "general-password", weight: 7, target: nil, expiryDays: nil,
            linuxPaths: ["{home}/notes/maintenance.txt", "/opt/{app}/config.ini", "{home}/.bash_history"],
            windowsPaths: ["{home}\\Desktop\\handover.txt", "C:\\ProgramData\\{App}\\setup.ini"]),
        SecretType(
            id: "private-key", weight: 5, target: nil, expiryDays: nil,
            linuxPaths: [
                "/etc/nginx/ssl/{app}.key", "/etc/ssl/private/{app}.key", "/opt/{app}/certs/client.key",
            ],
            windowsPaths: ["C:\\ProgramData\\{App}\\certs\\{app}.key"]),
        SecretType(
            id: "aws-rds-connection-string", weight: 4, target: .edge(.rdsInstance), expiryDays: nil,
            linuxPaths: ["/opt/{app}/config/database.yml", "/opt/{app}/.env"],
            windowsPaths: ["C:\\ProgramData\\{App}\\database.config"]),
        SecretType(
            id: "github-pat", weight: 4, target: nil, expiryDays: (-30, 365),
            linuxPaths: [
                "{home}/.git-credentials", "/var/lib/jenkins/.git-credentials", "{home}/.config/gh/hosts.yml",
            ],
            windowsPaths: ["{home}\\.git-credentials"]),
        SecretType(
            id: "azure-postgresql-connection-string", weight: 3, target: .edge(.postgresqlServer),
            expiryDays: nil,
            linuxPaths: ["/opt/{app}/.env", "/opt/{app}/config/database.yml"],
            windowsPaths: ["C:\\ProgramData\\{App}\\appsettings.json"]),
        SecretType(
            id: "aws-s3-presigned-url", weight: 3, target: .hostname(.s3Bucket), expiryDays: (-2, 7),
            linuxPaths: ["/var/log/{app}/worker.log", "{home}/reports/send_weekly_report.py"],
            windowsPaths: ["C:\\ProgramData\\{App}\\logs\\worker.log"]),
        SecretType(
            id: "slack-token", weight: 3, target: nil, expiryDays: nil,
            linuxPaths: ["/etc/alertmanager/alertmanager.yml", "/opt/{app}/notify.sh"],
            windowsPaths: ["C:\\ProgramData\\{App}\\notify.ps1"]),
        SecretType(
            id: "npm-token", weight: 3, target: nil, expiryDays: nil,
            linuxPaths: ["{home}/.npmrc", "/root/.npmrc", "/var/lib/jenkins/.npmrc"],
            windowsPaths: ["{home}\\.npmrc"]),
        SecretType(
            id: "entra-client-secret", weight: 3, target: nil, expiryDays: (30, 730),
            linuxPaths: ["/opt/{app}/appsettings.json", "/etc/{app}/azure.env"],
            windowsPaths: ["C:\\inetpub\\wwwroot\\{app}\\web.config"]),
        SecretType(
            id: "kubernetes-service-account-token", weight: 2, target: nil, expiryDays: nil,
            linuxPaths: ["{home}/.kube/config", "/etc/{app}/kubeconfig.yaml"],
            windowsPaths: ["{home}\\.kube\\config"]),
        SecretType(
            id: "azure-mysql-connection-string", weight: 1.5, target: .edge(.mysqlServer), expiryDays: nil,
            linuxPaths: ["/var/www/{app}/config/database.php", "/opt/{app}/.env"],
            windowsPaths: ["C:\\inetpub\\wwwroot\\{app}\\web.config"]),
        SecretType(
            id: "azure-cosmosdb-connection-string", weight: 1.5, target: .edge(.cosmosDbAccount),
            expiryDays: nil,
            linuxPaths: ["/opt/{app}/appsettings.json"],
            windowsPaths: ["C:\\ProgramData\\{App}\\appsettings.json"]),
        SecretType(
            id: "azure-mariadb-connection-string", weight: 1, target: .edge(.mariadbServer), expiryDays: nil,
            linuxPaths: ["/opt/{app}/config.inc.php"],
            windowsPaths: ["C:\\inetpub\\wwwroot\\{app}\\web.config"]),
        SecretType(
            id: "stripe-key", weight: 1, target: nil, expiryDays: nil,
            linuxPaths: ["/opt/{app}/payments.env"],
            windowsPaths: ["C:\\inetpub\\wwwroot\\App_Data\\payments.config"]),
    ]

    /// The stores secrets open, by relative frequency.
    ///
    /// At least one of each is made; one store per 20 machines.
    static let storeKinds: [(SynthStoreKind, Double)] = [
        (.storageAccount, 40), (.sqlServer, 25), (.rdsInstance, 15), (.postgresqlServer, 8),
        (.cosmosDbAccount, 5), (.mysqlServer, 4), (.mariadbServer, 3), (.s3Bucket, 12),
    ]
    static let machinesPerStore = 20
    /// One IAM user per 40 machines (at least 2), each allowed into 1 to 3 S3 buckets.
    static let machinesPerIAMUser = 40

    static let clouds: [(SynthCloud, Double)] = [(.azure, 50), (.aws, 35), (.gcp, 15)]
    static let regions: [SynthCloud: [String]] = [
        .azure: ["westeurope", "northeurope", "eastus2", "uksouth", "swedencentral"],
        .aws: ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2"],
        .gcp: ["europe-west1", "europe-west4", "us-central1"],
    ]
    static let linux: [SynthCloud: [String]] = [
        .azure: ["Ubuntu 22.04 LTS", "Ubuntu 24.04 LTS", "Red Hat Enterprise Linux 9.4", "Debian 12"],
        .aws: ["Amazon Linux 2023", "Amazon Linux 2", "Ubuntu 22.04 LTS"],
        .gcp: ["Debian 12", "Ubuntu 22.04 LTS", "Container-Optimized OS 117"],
    ]
    static let windows = ["Windows Server 2022 Datacenter", "Windows Server 2019 Datacenter"]
    static let windowsShare: [SynthCloud: Double] = [.azure: 0.25, .aws: 0.10, .gcp: 0.05]
    /// (name part, owner, cost center).
    static let teams: [(String, String, String)] = [
        ("ops", "platform-ops", "CC-1040"), ("app", "tracking-team", "CC-2210"),
        ("web", "web-team", "CC-2300"), ("edi", "partner-integrations", "CC-2450"),
        ("data", "data-platform", "CC-3100"), ("bi", "finance-bi", "CC-3300"),
        ("route", "routing-team", "CC-2600"), ("ml", "data-science", "CC-2650"),
        ("cicd", "devex", "CC-1090"), ("sec", "security", "CC-1010"),
    ]
    static let roles = [
        "app", "web", "api", "worker", "batch", "jump", "build", "db", "etl", "proxy", "cache", "ftp",
    ]
    static let environments: [(String, Double)] = [("prod", 55), ("stage", 20), ("dev", 20), ("test", 5)]
    /// `nil` is no criticality given.
    static let criticality: [(String?, Double)] = [
        (nil, 40), ("low", 15), ("medium", 25), ("high", 15), ("critical", 5),
    ]
    static let defenderScanner = "Defender for Cloud"
    static let scanners: [(String, Double)] = [
        (defenderScanner, 85), ("gitleaks 8.21.2", 10), ("trufflehog 3.82.13", 5),
    ]
    static let apps = [
        "tracking-api", "customer-portal", "edi", "billing", "geo-api", "reports", "shipper", "inventory",
        "notifier", "route-optimizer", "docs", "etl",
    ]
    static let bucketPurposes = ["logs", "exports", "backups", "artifacts", "invoices", "telemetry"]
    static let rdsEngines = ["aurora-postgresql", "postgres", "mysql"]

    /// How many more secrets some machines hold than others (build servers, jump boxes).
    ///
    /// The 32
    /// quantiles of a log-normal distribution (μ 0, σ 0.8), one drawn per machine. A table rather
    /// than `exp` of a normal draw, so no C library function decides the output.
    static let machineWeights: [Double] = [
        0.179, 0.262, 0.322, 0.374, 0.422, 0.469, 0.515, 0.560, 0.606, 0.653, 0.700, 0.750, 0.801, 0.854,
        0.910, 0.969, 1.032, 1.099, 1.171, 1.249, 1.334, 1.428, 1.532, 1.650, 1.785, 1.943, 2.133, 2.368,
        2.675, 3.109, 3.822, 5.602,
    ]
}

/// The clouds synthetic machines run in.
enum SynthCloud: Int, Sendable {
    case azure, aws, gcp

    var name: String {
        switch self {
        case .azure: "azure"
        case .aws: "aws"
        case .gcp: "gcp"
        }
    }

    /// The native resource kind of a machine in this cloud.
    var machineKind: String {
        switch self {
        case .azure: "virtualMachine"
        case .aws: "ec2Instance"
        case .gcp: "gcpVmInstance"
        }
    }
}

/// The kinds of store that synthetic secrets open.
enum SynthStoreKind: Int, CaseIterable, Sendable {
    case storageAccount, sqlServer, rdsInstance, postgresqlServer, cosmosDbAccount, mysqlServer
    case mariadbServer, s3Bucket

    /// The native resource kind.
    var kind: String {
        switch self {
        case .storageAccount: "storageAccount"
        case .sqlServer: "sqlServer"
        case .rdsInstance: "rdsInstance"
        case .postgresqlServer: "postgresqlServer"
        case .cosmosDbAccount: "cosmosDbAccount"
        case .mysqlServer: "mysqlServer"
        case .mariadbServer: "mariadbServer"
        case .s3Bucket: "s3Bucket"
        }
    }
}
