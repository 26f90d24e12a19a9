import PolicyEngine

/// One AWS Config configuration item, whatever envelope and key spelling it came in: the
/// snapshot spelling (`ARN`, `awsAccountId`, `configurationItemVersion`), the API spelling
/// (`arn`, `accountId`, `version`), a select-resource-config row with only some properties. JSON
/// that arrives as strings (API `configuration`, supplementary values, ACLs, policies) is decoded.
struct ConfigurationItem: Sendable {
    /// The item with embedded JSON decoded (the resource's `attributes`).
    let raw: Value
    /// `AWS::S3::Bucket` …; inferred for select rows that did not select it.
    let resourceType: String?
    /// `resourceId`.
    let resourceID: String?
    /// `resourceName`.
    let resourceName: String?
    /// `ARN` / `arn`.
    let arn: String?
    /// `awsAccountId` / `accountId`.
    let account: String?
    /// `awsRegion` (`global` for IAM and CloudFront).
    let region: String?
    /// `availabilityZone` (`Regional`, `Not Applicable`, `Multiple Availability Zones` or a zone).
    let availabilityZone: String?
    /// `configurationItemStatus`.
    let status: String?
    /// `configurationItemCaptureTime` as ISO text.
    let captureTime: String?
    /// `configuration`, decoded.
    let configuration: Value
    /// `supplementaryConfiguration`, decoded member by member.
    let supplementary: Value?
    /// CI-level `tags` map.
    let tags: Value?

    /// The statuses of items that no longer describe a live resource.
    static let deletedStatuses: Set<String> = ["ResourceDeleted", "ResourceNotRecorded", "ResourceDeletedNotRecorded"]

    /// True for deleted or no-longer-recorded items.
    var isDeleted: Bool { status.map { Self.deletedStatuses.contains($0) } ?? false }

    /// Decodes one item; `file` and `pointer` locate it for the error when its `configuration`
    /// string is not the JSON it must be.
    init(_ value: consuming Value, file: String, pointer: String) throws(InventoryError) {
        // Taken out of the parsed item, so that the decoded members replace the strings in place
        // instead of in a copy of the item's members.
        var fields = value.objectValue ?? Fields()
        value = .null
        typealias Key = ItemKeys
        let configuration = try Self.decodedConfiguration(fields[Key.configuration], file: file, pointer: pointer)
        let supplementary = fields[Key.supplementaryConfiguration].map(Self.decodedSupplementary)
        fields[Key.configuration] = configuration
        fields[Key.supplementaryConfiguration] = supplementary
        let item = Value.object(fields)
        raw = item
        self.configuration = configuration ?? .object(Fields())
        self.supplementary = supplementary
        arn = (item.at(Key.ARN) ?? item.at(Key.arn))?.text ?? Self.configurationARN(configuration)
        resourceType = item.at(Key.resourceType)?.text ?? Self.inferredType(configuration: configuration, supplementary: supplementary, arn: arn)
        resourceID = item.at(Key.resourceId)?.text
        resourceName = item.at(Key.resourceName)?.text
        account = (item.at(Key.awsAccountId) ?? item.at(Key.accountId))?.text ?? arn.flatMap { LocationCodes.ARN($0)?.account }.flatMap { $0.isEmpty ? nil : $0 }
        region = item.at(Key.awsRegion)?.text
        availabilityZone = item.at(Key.availabilityZone)?.text
        status = item.at(Key.configurationItemStatus)?.text
        captureTime = timestampText(item.at(Key.configurationItemCaptureTime))
        tags = item.at(Key.tags)
    }

    /// The item's members read of every item, interned once.
    private enum ItemKeys {
        static let configuration = DocumentKey("configuration")
        static let supplementaryConfiguration = DocumentKey("supplementaryConfiguration")
        static let ARN = DocumentKey("ARN")
        static let arn = DocumentKey("arn")
        static let resourceType = DocumentKey("resourceType")
        static let resourceId = DocumentKey("resourceId")
        static let resourceName = DocumentKey("resourceName")
        static let awsAccountId = DocumentKey("awsAccountId")
        static let accountId = DocumentKey("accountId")
        static let awsRegion = DocumentKey("awsRegion")
        static let availabilityZone = DocumentKey("availabilityZone")
        static let configurationItemStatus = DocumentKey("configurationItemStatus")
        static let configurationItemCaptureTime = DocumentKey("configurationItemCaptureTime")
        static let tags = DocumentKey("tags")
    }

    // MARK: - Decoding

    /// The configuration object. API items carry it as a JSON string: one that starts like JSON
    /// but does not parse is a broken export, reported with its position, not silently dropped.
    private static func decodedConfiguration(_ value: Value?, file: String, pointer: String) throws(InventoryError) -> Value? {
        guard let value else { return nil }
        if case .string(let text) = value,
            let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            do throws(JSONSyntaxError) {
                _ = try JSONParser.parse(text)
            } catch {
                throw .invalidRecord(file: file, line: nil, pointer: pointer + "/configuration",
                                     reason: "the configuration string is not valid JSON (\(error.description) inside the string)")
            }
        }
        return EmbeddedJSON.decode(value)
    }

    /// Decodes every supplementary value, then the leaves known to be encoded again inside.
    private static func decodedSupplementary(_ value: Value) -> Value {
        var decoded = EmbeddedJSON.decodeMembers(EmbeddedJSON.decode(value))
        guard case .object(var fields) = decoded else { return decoded }
        // The only holder of the members now, so that a decoded leaf replaces its string in place.
        decoded = .null
        typealias Key = SupplementaryKeys
        if let acl = fields[Key.accessControlList] { fields[Key.accessControlList] = EmbeddedJSON.decode(acl) }
        if case .object(var policy)? = fields[Key.bucketPolicy], let text = policy[Key.policyText] {
            policy[Key.policyText] = EmbeddedJSON.decode(text)
            fields[Key.bucketPolicy] = .object(policy)
        }
        if let policy = fields[Key.policy] { fields[Key.policy] = EmbeddedJSON.decode(policy) }
        return .object(fields)
    }

    /// The supplementary leaves encoded again inside, interned once.
    private enum SupplementaryKeys {
        static let accessControlList = DocumentKey("AccessControlList")
        static let bucketPolicy = DocumentKey("BucketPolicy")
        static let policyText = DocumentKey("policyText")
        static let policy = DocumentKey("Policy")
    }

    /// An ARN from the configuration when the item has none (select rows).
    private static func configurationARN(_ configuration: Value?) -> String? {
        guard let configuration else { return nil }
        for key in ["arn", "Arn", "ARN", "QueueArn", "TopicArn", "tableArn", "dBInstanceArn", "DBInstanceArn", "dBClusterArn", "dbclusterArn",
                    "DBClusterArn", "functionArn", "FunctionArn", "ListenerArn", "LoadBalancerArn", "BackupPlanArn", "DistributionArn"] {
            if let text = configuration.at(key)?.text, text.hasPrefix("arn:") { return text }
        }
        return nil
    }

    /// The resource type of a select row that did not select `resourceType`: from the ARN's
    /// service, or from the supplementary keys only S3 buckets have.
    private static func inferredType(configuration: Value?, supplementary: Value?, arn: String?) -> String? {
        if let arn, let parsed = LocationCodes.ARN(arn) {
            // The resource segment's type: `cluster:database-1`, `user/bob.ci`, `listener/app/…`.
            let segments = parsed.resource.split(whereSeparator: { $0 == "/" || $0 == ":" }).map(String.init)
            let resource = segments.first ?? ""
            switch (parsed.service, resource) {
            case ("kms", "key"): return "AWS::KMS::Key"
            case ("sqs", _): return "AWS::SQS::Queue"
            case ("sns", _): return "AWS::SNS::Topic"
            case ("dynamodb", "table"): return "AWS::DynamoDB::Table"
            case ("lambda", _): return "AWS::Lambda::Function"
            case ("s3", _): return "AWS::S3::Bucket"
            case ("rds", "cluster"): return "AWS::RDS::DBCluster"
            case ("rds", "db"): return "AWS::RDS::DBInstance"
            case ("iam", "user"): return "AWS::IAM::User"
            case ("iam", "role"): return "AWS::IAM::Role"
            case ("iam", "group"): return "AWS::IAM::Group"
            case ("iam", "policy"): return "AWS::IAM::Policy"
            case ("ec2", "volume"): return "AWS::EC2::Volume"
            case ("ec2", "instance"): return "AWS::EC2::Instance"
            case ("ec2", "vpc"): return "AWS::EC2::VPC"
            case ("ec2", "subnet"): return "AWS::EC2::Subnet"
            case ("ec2", "security-group"): return "AWS::EC2::SecurityGroup"
            case ("ec2", "internet-gateway"): return "AWS::EC2::InternetGateway"
            case ("ec2", "natgateway"): return "AWS::EC2::NatGateway"
            case ("elasticloadbalancing", "listener"): return "AWS::ElasticLoadBalancingV2::Listener"
            case ("elasticloadbalancing", "loadbalancer"):
                return segments.count > 2 && (segments[1] == "app" || segments[1] == "net")
                    ? "AWS::ElasticLoadBalancingV2::LoadBalancer" : "AWS::ElasticLoadBalancing::LoadBalancer"
            case ("es", "domain"): return "AWS::OpenSearch::Domain"
            case ("redshift", "cluster"): return "AWS::Redshift::Cluster"
            case ("kinesis", "stream"): return "AWS::Kinesis::Stream"
            case ("eks", "cluster"): return "AWS::EKS::Cluster"
            case ("secretsmanager", "secret"): return "AWS::SecretsManager::Secret"
            case ("acm", "certificate"): return "AWS::ACM::Certificate"
            case ("cloudfront", "distribution"): return "AWS::CloudFront::Distribution"
            case ("backup", "backup-plan"): return "AWS::Backup::BackupPlan"
            case ("route53", "hostedzone"): return "AWS::Route53::HostedZone"
            default: break
            }
        }
        if supplementary?.at("BucketVersioningConfiguration") != nil || supplementary?.at("AccessControlList") != nil {
            return "AWS::S3::Bucket"
        }
        return nil
    }
}
