import PolicyEngine

/// Maps one AWS Config item to the normalized model: identity, location, account and tags here;
/// the per-type facets in `AWSConfigFacets`.
enum AWSConfigMapping {
    /// Normalized kind per Config resource type.
    static let kinds: [String: ResourceKind] = [
        "AWS::S3::Bucket": .storageBucket,
        "AWS::RDS::DBInstance": .databaseInstance,
        "AWS::RDS::DBCluster": .databaseCluster,
        "AWS::EC2::Volume": .computeVolume,
        "AWS::EC2::Instance": .computeInstance,
        "AWS::KMS::Key": .kmsKey,
        "AWS::ElasticLoadBalancingV2::Listener": .networkListener,
        "AWS::ElasticLoadBalancingV2::LoadBalancer": .networkLoadBalancer,
        "AWS::ElasticLoadBalancing::LoadBalancer": .networkLoadBalancer,
        "AWS::DynamoDB::Table": .databaseTable,
        "AWS::Backup::BackupPlan": .backupPlan,
        "AWS::IAM::User": .identityPrincipal,
        "AWS::IAM::Role": .identityPrincipal,
        "AWS::IAM::Group": .identityGroup,
        "AWS::IAM::Policy": .identityPolicy,
        "AWS::CloudFront::Distribution": .cdnDistribution,
        "AWS::CloudFront::StreamingDistribution": .cdnDistribution,
        "AWS::OpenSearch::Domain": .searchDomain,
        "AWS::Elasticsearch::Domain": .searchDomain,
        "AWS::Route53::HostedZone": .dnsZone,
        "AWS::Lambda::Function": .computeFunction,
        "AWS::Redshift::Cluster": .databaseWarehouse,
        "AWS::SQS::Queue": .messagingQueue,
        "AWS::SNS::Topic": .messagingTopic,
        "AWS::Kinesis::Stream": .messagingStream,
        "AWS::EKS::Cluster": .containerCluster,
        "AWS::SecretsManager::Secret": .secretsSecret,
        "AWS::EC2::VPC": .networkVPC,
        "AWS::EC2::Subnet": .networkSubnet,
        "AWS::EC2::SecurityGroup": .networkSecurityGroup,
        "AWS::EC2::InternetGateway": .networkGateway,
        "AWS::EC2::NatGateway": .networkGateway,
        "AWS::ACM::Certificate": .certificate,
        "AWS::CloudTrail::Trail": .loggingTrail,
        "AWS::AutoScaling::AutoScalingGroup": .computeScalingGroup,
        "AWS::CloudWatch::Alarm": .monitoringAlarm,
        "AWS::Backup::BackupVault": .backupVault,
        "AWS::Backup::BackupSelection": .backupSelection,
    ]

    /// The `attributes` paths the linking passes read of a Config item (backup plans are named by
    /// their id in selections), kept when the run's policies read no `attributes`.
    static let linkedAttributes: [[DocumentKey]] = [[DocumentKey("configuration"), DocumentKey("BackupPlanId")]]

    /// Types whose items Config records under a region although the resource is global.
    static let globalTypes: Set<String> = ["AWS::Route53::HostedZone", "AWS::IAM::User", "AWS::IAM::Role", "AWS::IAM::Group",
                                           "AWS::IAM::Policy", "AWS::CloudFront::Distribution", "AWS::CloudFront::StreamingDistribution"]

    /// The normalized resource, or nil for deleted items.
    static func resource(_ item: ConfigurationItem, file: String, pointer: String?, line: Int?) -> NormalizedResource? {
        guard !item.isDeleted else { return nil }
        let type = item.resourceType ?? "AWS::Unknown"
        let configuration = item.configuration
        let name = item.resourceName ?? (configuration.at("name") ?? configuration.ci("Name") ?? configuration.at("DomainName"))?.text
        // The type name as the kind table holds it: most type names are longer than a string
        // holds inline, and the document is the only holder of the item's own copy when the
        // native record is not kept (a million resources, a million copies of a few names).
        let entry = kinds.index(forKey: type)
        var resource = NormalizedResource(
            id: identifier(item, type: type, name: name, file: file, pointer: pointer), provider: .aws,
            kind: entry.map { kinds[$0].value } ?? .other, nativeType: entry.map { kinds[$0].key } ?? type, attributes: item.raw, format: .awsConfig,
            source: SourceReference(file: file, pointer: pointer, line: line))
        resource.nativeID = item.resourceID ?? name
        resource.name = name
        resource.account = item.account
        resource.capturedAt = item.captureTime
        locate(&resource, item: item, type: type)
        resource.tags = tags(of: item)
        if let reviewed = reviewDate(in: resource.tags) { resource[.lastReviewedAt] = .string(reviewed) }
        AWSConfigFacets.apply(type: type, item: item, to: &resource)
        return resource
    }

    /// The id and capture time of a deleted item (`ResourceDeleted`, `ResourceDeletedNotRecorded`,
    /// `ResourceNotRecorded`), so that a history's older items of that resource are dropped too.
    static func deletion(_ item: ConfigurationItem, file: String, pointer: String?) -> AWSConfigDeletion? {
        guard item.isDeleted else { return nil }
        let type = item.resourceType ?? "AWS::Unknown"
        let name = item.resourceName ?? (item.configuration.at("name") ?? item.configuration.ci("Name"))?.text
        return AWSConfigDeletion(id: identifier(item, type: type, name: name, file: file, pointer: pointer),
                                 instant: item.captureTime.flatMap(CaptureInstant.seconds))
    }

    // MARK: - Identity and location

    private static func identifier(_ item: ConfigurationItem, type: String, name: String?, file: String, pointer: String?) -> String {
        if let arn = item.arn { return arn }
        if type == "AWS::S3::Bucket", let bucket = name ?? item.resourceID { return "arn:aws:s3:::\(bucket)" }
        if let resourceID = item.resourceID { return "\(type)/\(resourceID)" }
        return "\(file)#\(pointer ?? "")"
    }

    private static func locate(_ resource: inout NormalizedResource, item: ConfigurationItem, type: String) {
        if globalTypes.contains(type) || item.region == "global" {
            resource.region = "global"
            return
        }
        // `awsRegion` when the catalog knows it, else the ARN's region (an availability zone there
        // stands for its region), else a zone written as `awsRegion`, else the item's
        // availability zone; an unknown code is kept (the identity step warns about it).
        let stated = item.region.flatMap { $0.isEmpty || $0.includes(" ") ? nil : $0 }
        if let stated, RegionCatalogData.standard.region(stated) != nil {
            resource.region = stated
        } else if let arnRegion = item.arn.flatMap({ LocationCodes.ARN($0)?.regionCode }), !arnRegion.isEmpty {
            resource.region = arnRegion
        } else if let stated, let zoneRegion = LocationCodes.awsRegion(ofZone: stated) {
            resource.region = zoneRegion
        }
        if let zone = item.availabilityZone, let zoneRegion = LocationCodes.awsRegion(ofZone: zone) {
            resource.zone = zone
            if resource.region == nil { resource.region = zoneRegion }
        }
        if resource.region == nil { resource.region = stated }
    }

    /// Tags: the CI-level map when it has entries, else the type-specific copies (supplementary
    /// `Tags` lists, `configuration.tags`, Route 53 `HostedZoneTags`, old S3 tag sets).
    private static func tags(of item: ConfigurationItem) -> Fields {
        let primary = tagMap(item.tags)
        if !primary.isEmpty { return primary }
        let configuration = item.configuration
        let candidates: [Value?] = [
            item.supplementary?.at("Tags"), configuration.at("tags"), configuration.at("Tags"), configuration.at("tagList"),
            configuration.at("HostedZoneTags"), item.supplementary?.at("BucketTaggingConfiguration", "tagSets")?.firstBlock?.at("tags"),
        ]
        for candidate in candidates {
            let found = tagMap(candidate)
            if !found.isEmpty { return found }
        }
        return Fields()
    }

    /// Tag keys that carry an access-review date (no export has one of its own), interned once.
    static let reviewTagKeys = ["last-reviewed", "last_reviewed", "last-access-review", "last_access_review"].map(DocumentKey.init)

    /// The access-review date from the tags, if one is set.
    static func reviewDate(in tags: Fields) -> String? {
        guard !tags.isEmpty else { return nil }
        return reviewTagKeys.lazy.compactMap { tags[$0]?.stringValue }.first { !$0.isEmpty }
    }
}

/// A deleted configuration item: the resource it removes and when.
struct AWSConfigDeletion: Sendable {
    /// The resource id, as `AWSConfigMapping.resource` would give it.
    var id: String
    /// Capture time in seconds since the epoch, when the item has one.
    var instant: Double?
}
