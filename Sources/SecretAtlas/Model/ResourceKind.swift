/// What a resource is.
///
/// The raw values are the `kind` strings of the native input format.
enum ResourceKind: String, Sendable, CaseIterable {
    case virtualMachine
    case ec2Instance
    case gcpVmInstance
    case storageAccount
    case sqlServer
    case sqlDatabase
    case postgresqlServer
    case mysqlServer
    case mariadbServer
    case cosmosDbAccount
    case rdsInstance
    case s3Bucket
    case gcsBucket
    case keyVault
    case armDeployment
    case cloudFormationStack
    case identity
    case iamUser
    case iamRole
    case kubernetesCluster
    case other

    /// The singular label shown in tables, as Defender names the resource type.
    var displayName: String {
        switch self {
        case .virtualMachine: "Virtual machine"
        case .ec2Instance: "EC2 instance"
        case .gcpVmInstance: "VM instance"
        case .storageAccount: "Storage account"
        case .sqlServer: "SQL server"
        case .sqlDatabase: "SQL database"
        case .postgresqlServer: "PostgreSQL server"
        case .mysqlServer: "MySQL server"
        case .mariadbServer: "MariaDB server"
        case .cosmosDbAccount: "Cosmos DB account"
        case .rdsInstance: "RDS instance"
        case .s3Bucket: "S3 bucket"
        case .gcsBucket: "Cloud Storage bucket"
        case .keyVault: "Key vault"
        case .armDeployment: "ARM deployment"
        case .cloudFormationStack: "CloudFormation stack"
        case .identity: "Identity"
        case .iamUser: "IAM user"
        case .iamRole: "IAM role"
        case .kubernetesCluster: "Kubernetes cluster"
        case .other: "Other resource"
        }
    }

    /// The icon drawn beside the kind: `Assets/icons/<name>.svg`.
    var iconName: String {
        switch self {
        case .virtualMachine, .ec2Instance, .gcpVmInstance: "vm"
        case .storageAccount, .s3Bucket, .gcsBucket: "storage"
        case .sqlServer, .sqlDatabase, .postgresqlServer, .mysqlServer, .mariadbServer, .cosmosDbAccount,
            .rdsInstance:
            "database"
        case .keyVault: "key"
        case .armDeployment, .cloudFormationStack: "deployment"
        case .identity, .iamUser, .iamRole: "identity"
        case .kubernetesCluster: "cluster"
        case .other: "resource"
        }
    }
}
