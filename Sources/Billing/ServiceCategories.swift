/// FOCUS service categories for exports that have no category column: small lookup tables of
/// the common AWS product codes, Azure meter categories and GCP services. Anything else is
/// `Other`; a FOCUS export's own `ServiceCategory` always wins.
enum ServiceCategories {
    /// The FOCUS 1.0–1.2 service categories.
    static let focusCategories: Set<String> = [
        "AI and Machine Learning", "Analytics", "Business Applications", "Compute", "Databases", "Developer Tools",
        "Multicloud", "Identity", "Integration", "Internet of Things", "Management and Governance", "Media",
        "Migration", "Mobile", "Networking", "Security", "Storage", "Web", "Other",
    ]

    /// True when `bytes` is one of the FOCUS categories.
    static func isFOCUSCategory(_ bytes: FieldBytes) -> Bool {
        !bytes.isEmpty && bytes.count < 32 && focusCategories.contains(ByteText.string(bytes))
    }

    private static let aws: [String: String] = [
        "AmazonEC2": "Compute", "AWSLambda": "Compute", "AmazonECS": "Compute", "AmazonEKS": "Compute",
        "AmazonLightsail": "Compute", "AmazonWorkSpaces": "Compute", "AmazonECR": "Compute", "AWSBatch": "Compute",
        "AmazonS3": "Storage", "AmazonEFS": "Storage", "AmazonFSx": "Storage", "AWSBackup": "Storage",
        "AmazonGlacier": "Storage", "AWSTransfer": "Storage", "AWSStorageGateway": "Storage",
        "AmazonRDS": "Databases", "AmazonDynamoDB": "Databases", "AmazonElastiCache": "Databases",
        "AmazonDocDB": "Databases", "AmazonNeptune": "Databases", "AmazonMemoryDB": "Databases",
        "AWSDataTransfer": "Networking", "AmazonCloudFront": "Networking", "AmazonVPC": "Networking",
        "AmazonRoute53": "Networking", "AWSELB": "Networking", "AWSDirectConnect": "Networking",
        "AWSGlobalAccelerator": "Networking", "AmazonApiGateway": "Web",
        "AmazonRedshift": "Analytics", "AmazonAthena": "Analytics", "AWSGlue": "Analytics", "AmazonKinesis": "Analytics",
        "AmazonES": "Analytics", "AmazonMSK": "Analytics", "AmazonQuickSight": "Analytics", "ElasticMapReduce": "Analytics",
        "AmazonSNS": "Integration", "AWSQueueService": "Integration", "AmazonMQ": "Integration", "AmazonStates": "Integration",
        "AWSEvents": "Integration", "awskms": "Security", "AWSSecretsManager": "Security", "AmazonGuardDuty": "Security",
        "AWSSecurityHub": "Security", "AmazonInspectorV2": "Security", "AWSCertificateManager": "Security",
        "awswaf": "Security", "AWSShield": "Security", "AmazonCognito": "Identity", "AWSDirectoryService": "Identity",
        "AmazonCloudWatch": "Management and Governance", "AWSCloudTrail": "Management and Governance",
        "AWSConfig": "Management and Governance", "AWSCostExplorer": "Management and Governance",
        "AWSSystemsManager": "Management and Governance", "AmazonSageMaker": "AI and Machine Learning",
        "AmazonBedrock": "AI and Machine Learning", "AmazonRekognition": "AI and Machine Learning",
        "CodeBuild": "Developer Tools", "AWSCodePipeline": "Developer Tools", "AWSCodeArtifact": "Developer Tools",
        "AmazonSES": "Business Applications", "AmazonConnect": "Business Applications",
    ]

    private static let azure: [String: String] = [
        "virtual machines": "Compute", "virtual machines licenses": "Compute", "azure app service": "Compute",
        "functions": "Compute", "azure kubernetes service": "Compute", "container instances": "Compute",
        "container registry": "Compute", "cloud services": "Compute", "storage": "Storage", "backup": "Storage",
        "azure netapp files": "Storage", "sql database": "Databases", "sql managed instance": "Databases",
        "azure cosmos db": "Databases", "azure database for mysql": "Databases", "azure database for postgresql": "Databases",
        "redis cache": "Databases", "bandwidth": "Networking", "virtual network": "Networking", "load balancer": "Networking",
        "application gateway": "Networking", "vpn gateway": "Networking", "azure dns": "Networking", "content delivery network": "Networking",
        "azure front door service": "Networking", "network watcher": "Networking", "expressroute": "Networking",
        "azure firewall": "Security", "key vault": "Security", "advanced threat protection": "Security",
        "advanced data security": "Security", "microsoft defender for cloud": "Security", "security center": "Security",
        "sentinel": "Security", "azure monitor": "Management and Governance", "log analytics": "Management and Governance",
        "insight and analytics": "Management and Governance", "automation": "Management and Governance",
        "event hubs": "Integration", "service bus": "Integration", "logic apps": "Integration", "api management": "Integration",
        "azure data factory v2": "Analytics", "azure synapse analytics": "Analytics", "azure databricks": "Analytics",
        "hdinsight": "Analytics", "cognitive services": "AI and Machine Learning", "azure machine learning": "AI and Machine Learning",
        "azure openai": "AI and Machine Learning",
    ]

    private static let gcp: [String: String] = [
        "compute engine": "Compute", "kubernetes engine": "Compute", "cloud run": "Compute", "cloud functions": "Compute",
        "app engine": "Compute", "cloud storage": "Storage", "filestore": "Storage", "cloud sql": "Databases",
        "cloud spanner": "Databases", "cloud bigtable": "Databases", "cloud memorystore for redis": "Databases",
        "firestore": "Databases", "bigquery": "Analytics", "cloud dataflow": "Analytics", "cloud dataproc": "Analytics",
        "cloud pub/sub": "Integration", "networking": "Networking", "cloud dns": "Networking", "cloud cdn": "Networking",
        "security command center": "Security", "cloud key management service (kms)": "Security", "secret manager": "Security",
        "cloud logging": "Management and Governance", "stackdriver logging": "Management and Governance",
        "cloud monitoring": "Management and Governance", "stackdriver monitoring": "Management and Governance",
        "vertex ai": "AI and Machine Learning", "cloud build": "Developer Tools", "artifact registry": "Developer Tools",
    ]

    /// One lookup table, for the cost-group query to render as SQL.
    struct Lookup: Sendable {
        /// Key → category.
        let table: [String: String]
        /// True when keys are compared lowercased.
        let lowercasedKeys: Bool
    }

    /// The AWS product-code table (keys as exported).
    static let awsLookup = Lookup(table: aws, lowercasedKeys: false)
    /// The Azure meter-category table (lowercased keys).
    static let azureLookup = Lookup(table: azure, lowercasedKeys: true)
    /// The GCP service table (lowercased keys).
    static let gcpLookup = Lookup(table: gcp, lowercasedKeys: true)

    /// Category of an AWS product code (`AmazonEC2` → `Compute`).
    static func category(awsProductCode code: String) -> String? { aws[code] }
    /// Category of an Azure meter category (`Virtual Machines` → `Compute`).
    static func category(azureMeterCategory name: String) -> String? { azure[name.lowercased()] }
    /// Category of a GCP service description (`BigQuery` → `Analytics`).
    static func category(gcpService name: String) -> String? { gcp[name.lowercased()] }
}
