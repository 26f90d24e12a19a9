public import PolicyEngine

/// Reads `aws route53 list-resource-record-sets` output (`{"ResourceRecordSets": […]}`): one
/// `dns.record` per record set, with TTL, routing policy, failover role, alias and health check.
/// AWS Config has no record-set type, so this is where DNS failover TTLs come from.
public struct Route53RecordSetReader: ExportReader {
    /// Creates the reader.
    public init() {}

    /// `aws-route53`.
    public var format: InputFormat { .awsRoute53 }

    /// The `ResourceRecordSets` member.
    public func detectionScore(sample raw: [UInt8], path: String) -> Int {
        DetectionSample(raw).containsKey("ResourceRecordSets") ? 95 : 0
    }

    /// Reads every record set.
    public func read(_ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void) throws -> [Resource] {
        let path = spec.path
        let root = try WholeDocument.read(path: path)
        var resources: [Resource] = []
        for document in RecordedResponses.documents(in: root) {
            guard let sets = document.value.at("ResourceRecordSets")?.arrayValue else {
                throw InventoryError.unexpectedStructure(file: path, pointer: document.pointer, expected: "a list-resource-record-sets answer (ResourceRecordSets)")
            }
            for (index, set) in sets.enumerated() {
                resources.append(record(set, file: path, pointer: "\(document.pointer)/ResourceRecordSets/\(index)").resource(for: spec))
            }
        }
        let size = try InventoryInput.plain(path).size
        progress(size, size)
        return resources
    }

    private func record(_ set: Value, file: String, pointer: String) -> NormalizedResource {
        let name = set.at("Name")?.text ?? ""
        let type = set.at("Type")?.text ?? ""
        let identifier = set.at("SetIdentifier")?.text
        var resource = NormalizedResource(
            id: "route53/\(name)/\(type)" + (identifier.map { "/\($0)" } ?? ""), provider: .aws, kind: .dnsRecord,
            nativeType: "AWS::Route53::RecordSet", attributes: set, format: .awsRoute53, source: SourceReference(file: file, pointer: pointer))
        resource.name = name
        resource.nativeID = identifier ?? name
        resource.region = "global"
        resource[.dnsRecordType] = .string(type)
        resource.set(.dnsTTL, set.at("TTL")?.numberFacet)
        resource[.dnsAlias] = .bool(set.at("AliasTarget") != nil)
        resource.set(.dnsHealthCheck, set.at("HealthCheckId")?.stringFacet)
        let routing: String
        if set.at("Failover") != nil {
            routing = "failover"
        } else if set.at("Weight") != nil {
            routing = "weighted"
        } else if set.at("Region") != nil {
            routing = "latency"
        } else if set.at("GeoLocation") != nil {
            routing = "geolocation"
        } else if set.at("GeoProximityLocation") != nil {
            routing = "geoproximity"
        } else if set.at("CidrRoutingConfig") != nil {
            routing = "cidr"
        } else if set.at("MultiValueAnswer")?.boolValue == true {
            routing = "multivalue"
        } else {
            routing = "simple"
        }
        resource[.dnsRouting] = .string(routing)
        resource.set(.dnsFailoverRole, set.at("Failover")?.stringFacet)
        return resource
    }
}
