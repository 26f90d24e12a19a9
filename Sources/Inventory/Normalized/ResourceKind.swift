/// The normalized resource types: a closed vocabulary that lets one policy cover the same kind
/// of thing in every cloud (`storage.bucket` is an S3 bucket, a GCS bucket, …). The native type
/// stays on every resource as `native_type`; anything without a mapping is `other`.
public enum ResourceKind: String, CaseIterable, Codable, Sendable {
    /// One region of one account that the live inventory covers (made by `link` from the resources
    /// read), so a policy can require something per account and region — an audit trail, an alarm.
    case accountRegion = "account.region"
    /// An account-level container: GCP organization.
    case accountOrganization = "account.organization"
    /// GCP folder.
    case accountFolder = "account.folder"
    /// GCP project.
    case accountProject = "account.project"
    /// Azure resource group.
    case accountResourceGroup = "account.resource_group"
    /// BigQuery dataset.
    case analyticsDataset = "analytics.dataset"
    /// AWS Backup plan.
    case backupPlan = "backup.plan"
    /// AWS Backup selection: the resources a plan backs up.
    case backupSelection = "backup.selection"
    /// Backup vault (AWS Backup vault, Azure Recovery Services vault or Backup vault).
    case backupVault = "backup.vault"
    /// CloudFront distribution.
    case cdnDistribution = "cdn.distribution"
    /// TLS certificate (ACM, GCP SSL certificate).
    case certificate = "certificate"
    /// Serverless function (Lambda).
    case computeFunction = "compute.function"
    /// Virtual machine (EC2 instance, GCE instance, Azure VM).
    case computeInstance = "compute.instance"
    /// Group of identical instances scaled together (auto-scaling group, VM scale set, managed instance group).
    case computeScalingGroup = "compute.scaling_group"
    /// Block volume (EBS, GCE disk, Azure managed disk).
    case computeVolume = "compute.volume"
    /// Kubernetes cluster (EKS, GKE, AKS).
    case containerCluster = "container.cluster"
    /// Database cluster (Aurora/RDS cluster, Neptune cluster, Azure Cosmos DB account).
    case databaseCluster = "database.cluster"
    /// Database instance (RDS instance, Cloud SQL instance, Azure flexible server).
    case databaseInstance = "database.instance"
    /// Logical database server (Azure SQL server).
    case databaseServer = "database.server"
    /// Key-value or wide-column table (DynamoDB, Bigtable table).
    case databaseTable = "database.table"
    /// Data warehouse cluster (Redshift).
    case databaseWarehouse = "database.warehouse"
    /// DNS record set (Route 53, Azure DNS, Cloud DNS).
    case dnsRecord = "dns.record"
    /// DNS zone (Route 53 hosted zone, Azure DNS zone, Cloud DNS managed zone).
    case dnsZone = "dns.zone"
    /// Access key of a principal (GCP service-account key).
    case identityCredential = "identity.credential"
    /// IAM group.
    case identityGroup = "identity.group"
    /// IAM policy document resource.
    case identityPolicy = "identity.policy"
    /// Anything that authenticates: IAM user or role, root account, GCP service account.
    case identityPrincipal = "identity.principal"
    /// Encryption key (KMS key or replica key, Cloud KMS crypto key).
    case kmsKey = "kms.key"
    /// Key container (Cloud KMS key ring, Azure Key Vault).
    case kmsVault = "kms.vault"
    /// Audit trail: CloudTrail trail, Azure diagnostic setting (activity-log export).
    case loggingTrail = "logging.trail"
    /// Message queue (SQS, Pub/Sub subscription).
    case messagingQueue = "messaging.queue"
    /// Data stream (Kinesis).
    case messagingStream = "messaging.stream"
    /// Topic (SNS, Pub/Sub topic).
    case messagingTopic = "messaging.topic"
    /// Alarm or alert rule (CloudWatch alarm, Azure metric alert, Cloud Monitoring alert policy).
    case monitoringAlarm = "monitoring.alarm"
    /// Internet or NAT gateway.
    case networkGateway = "network.gateway"
    /// Load-balancer listener (ELBv2 listener).
    case networkListener = "network.listener"
    /// Load balancer (ELB, ALB/NLB, Azure application gateway).
    case networkLoadBalancer = "network.load_balancer"
    /// Security group, network security group or firewall rule.
    case networkSecurityGroup = "network.security_group"
    /// A security-group rule declared as its own resource (Terraform `aws_security_group_rule`,
    /// `aws_vpc_security_group_ingress_rule`/`_egress_rule`, `azurerm_network_security_rule`).
    case networkSecurityGroupRule = "network.security_group_rule"
    /// Subnet.
    case networkSubnet = "network.subnet"
    /// Virtual network (VPC, VNet).
    case networkVPC = "network.vpc"
    /// Search domain (OpenSearch, Elasticsearch).
    case searchDomain = "search.domain"
    /// Secret store entry (Secrets Manager).
    case secretsSecret = "secrets.secret"
    /// Storage account (Azure): a namespace for blobs, files, queues and tables.
    case storageAccount = "storage.account"
    /// Object-storage bucket (S3, GCS).
    case storageBucket = "storage.bucket"
    /// A separate bucket-setting resource (Terraform AWS provider v4+ `aws_s3_bucket_*`) whose
    /// bucket is not among the inputs; folded into the bucket by `InventoryNormalizer.link` when it is.
    case storageBucketConfig = "storage.bucket_config"
    /// Anything else; `native_type` says what it is.
    case other

    /// One line for the docs.
    public var summary: String {
        switch self {
        case .accountRegion: return "one region of one account the live inventory covers (made by the linking step)"
        case .accountOrganization: return "GCP organization"
        case .accountFolder: return "GCP folder"
        case .accountProject: return "GCP project"
        case .accountResourceGroup: return "Azure resource group"
        case .analyticsDataset: return "BigQuery dataset"
        case .backupPlan: return "AWS Backup plan"
        case .backupSelection: return "AWS Backup selection (resources assigned to a plan)"
        case .backupVault: return "AWS Backup vault, Azure Recovery Services vault and Backup vault"
        case .cdnDistribution: return "CloudFront distribution"
        case .certificate: return "TLS certificate (ACM, GCP SSL certificate)"
        case .computeFunction: return "serverless function (Lambda)"
        case .computeInstance: return "virtual machine (EC2, GCE, Azure VM)"
        case .computeScalingGroup: return "auto-scaling group, VM scale set, managed instance group"
        case .computeVolume: return "block volume (EBS, GCE disk, Azure managed disk)"
        case .containerCluster: return "Kubernetes cluster (EKS, GKE, AKS)"
        case .databaseCluster: return "database cluster (RDS/Aurora cluster, Neptune cluster, Cosmos DB account)"
        case .databaseInstance: return "database instance (RDS, Cloud SQL, Azure flexible server)"
        case .databaseServer: return "logical database server (Azure SQL server)"
        case .databaseTable: return "key-value table (DynamoDB, Bigtable table)"
        case .databaseWarehouse: return "data warehouse (Redshift)"
        case .dnsRecord: return "DNS record set (Route 53, Azure DNS, Cloud DNS)"
        case .dnsZone: return "DNS zone (Route 53 hosted zone, Azure DNS zone, Cloud DNS managed zone)"
        case .identityCredential: return "access key of a principal (GCP service-account key)"
        case .identityGroup: return "IAM group"
        case .identityPolicy: return "IAM policy"
        case .identityPrincipal: return "IAM user or role, root account, GCP service account"
        case .kmsKey: return "encryption key (KMS key or replica, Cloud KMS crypto key)"
        case .kmsVault: return "key container (Cloud KMS key ring, Azure Key Vault)"
        case .loggingTrail: return "audit trail (CloudTrail trail, Azure activity-log diagnostic setting)"
        case .messagingQueue: return "message queue (SQS, Pub/Sub subscription)"
        case .messagingStream: return "data stream (Kinesis)"
        case .messagingTopic: return "topic (SNS, Pub/Sub topic)"
        case .monitoringAlarm: return "alarm (CloudWatch alarm, Azure metric alert, Cloud Monitoring alert policy)"
        case .networkGateway: return "internet or NAT gateway"
        case .networkListener: return "load-balancer listener (ELBv2)"
        case .networkLoadBalancer: return "load balancer (ELB, ALB/NLB, Azure application gateway)"
        case .networkSecurityGroup: return "security group, NSG or firewall rule"
        case .networkSecurityGroupRule: return "a security-group or NSG rule declared as its own resource (Terraform)"
        case .networkSubnet: return "subnet"
        case .networkVPC: return "virtual network (VPC, VNet)"
        case .searchDomain: return "search domain (OpenSearch, Elasticsearch)"
        case .secretsSecret: return "secret (Secrets Manager)"
        case .storageAccount: return "Azure storage account"
        case .storageBucket: return "object-storage bucket (S3, GCS)"
        case .storageBucketConfig: return "a Terraform aws_s3_bucket_* setting whose bucket is not in the inputs"
        case .other: return "anything else (see native_type)"
        }
    }
}

/// The cloud a resource lives in.
public enum CloudProvider: String, CaseIterable, Codable, Sendable {
    /// Amazon Web Services.
    case aws
    /// Microsoft Azure.
    case azure
    /// Google Cloud.
    case gcp
}

/// How a resource's location is laid out.
public enum LocationKind: String, CaseIterable, Codable, Sendable {
    /// One region.
    case region
    /// One zone of a region (`zone` holds it, `region` its region).
    case zone
    /// A multi-region location code (GCS `EU`, KMS `europe`).
    case multiRegion = "multi-region"
    /// A dual-region location code (GCS `EUR4`) or a custom pair of regions.
    case dualRegion = "dual-region"
    /// Not tied to a region (IAM, CloudFront, DNS).
    case global
}
