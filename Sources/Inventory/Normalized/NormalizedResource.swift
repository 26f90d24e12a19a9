public import PolicyEngine

/// One cloud resource in the normalized model, as a reader builds it before turning it into the
/// engine's `Resource` (a document of fields that policies address by path).
///
/// The document has these top-level fields (see `docs/inventory.md`): `id`, `native_id`, `name`,
/// `provider`, `type`, `native_type`, `region`, `zone`, `location_kind`, `jurisdictions`,
/// `account`, `tags`, `captured_at`, `source` (`format`, `file`, `pointer`, `line`), `attributes`
/// (the native record), `terraform` (address and references, Terraform only), and the facet
/// groups `encryption`, `replication`, `backup`, `kms`, `dns`, `identity`, `database`, `storage`.
public struct NormalizedResource: Sendable {
    /// Unique id: ARN, ARM id, CAI full name, or Terraform address when nothing better is known.
    public var id: String
    /// The provider's own short id (bucket name, resource id).
    public var nativeID: String?
    /// Human name.
    public var name: String?
    /// The cloud.
    public var provider: CloudProvider
    /// The normalized type.
    public var kind: ResourceKind
    /// The type as the source names it (`AWS::S3::Bucket`, `aws_s3_bucket`, `storage.googleapis.com/Bucket`).
    public var nativeType: String
    /// Region code, multi-region code or `global`.
    public var region: String?
    /// Availability zone, for zonal resources.
    public var zone: String?
    /// How the location is laid out; derived from `region` and `zone` when nil.
    public var locationKind: LocationKind?
    /// AWS account, Azure subscription or GCP project.
    public var account: String?
    /// Tags or labels.
    public var tags: [String: String] = [:]
    /// When the source captured the resource's state.
    public var capturedAt: String?
    /// The native record (Config item, Terraform values, CAI asset, ARG row …).
    public var attributes: Value
    /// Terraform address, module and references (Terraform inputs only).
    public var terraform: Value?
    /// The format the resource was read from.
    public var format: InputFormat
    /// Where in the input it is.
    public var source: SourceReference
    /// Extra top-level fields (the CAI `iam_policy`).
    public var extras: Fields = Fields()
    private var facetTree: Value = .object(Fields())

    /// Creates a resource with no facets.
    public init(
        id: String, provider: CloudProvider, kind: ResourceKind, nativeType: String, attributes: Value, format: InputFormat,
        source: SourceReference
    ) {
        self.id = id
        self.provider = provider
        self.kind = kind
        self.nativeType = nativeType
        self.attributes = attributes
        self.format = format
        self.source = source
    }

    /// A facet's value; setting nil removes it.
    public subscript(facet: Facet) -> Value? {
        get { facetTree.facet(facet) }
        set { facetTree.setFacet(facet, newValue) }
    }

    /// Sets a facet unless the value is nil (a shorthand for the readers' optional chains).
    mutating func set(_ facet: Facet, _ value: Value?) {
        guard let value else { return }
        self[facet] = value
    }

    /// The engine resource: the normalized document with jurisdictions looked up in `regions`
    /// (the standard catalog when nil).
    /// Consuming: the facet groups are moved into the document, not copied (and their members
    /// retained, then released with the normalized resource) for every resource a reader builds.
    public consuming func resource(regions: RegionCatalog? = nil) -> Resource {
        // Built from its members: the facet groups (moved, not copied), the extras, then the
        // named members with their keys hashed once; no member is looked up, since none of these
        // names is a facet group's.
        var members = (facetTree.objectValue ?? Fields()).unorderedMembers
        facetTree = .null
        members.reserveCapacity(members.count + extras.count + 17)
        members.append(contentsOf: extras.unorderedMembers)
        typealias Key = DocumentMemberKeys
        members.append(Key.id, .string(id))
        members.append(Key.nativeID, nativeID.map(Value.string))
        members.append(Key.name, name.map(Value.string))
        members.append(Key.provider, .string(provider.rawValue))
        members.append(Key.type, .string(kind.rawValue))
        members.append(Key.nativeType, .string(nativeType))
        members.append(Key.region, region.map(Value.string))
        members.append(Key.zone, zone.map(Value.string))
        // A code of the standard catalog as its table spells it: the members computed once.
        let standard = regions == nil ? region.flatMap { StandardLocationMembers.byCode[$0] } : nil
        members.append(Key.locationKind, (locationKind ?? derivedLocationKind(catalogued: standard?.kind)).map { .string($0.rawValue) })
        if let standard {
            members.append(Key.jurisdictions, standard.jurisdictions)
        } else if let region, let jurisdictions = (regions ?? RegionCatalogData.standard).jurisdictions(of: region) {
            members.append(Key.jurisdictions, .array(jurisdictions.map(Value.string)))
        }
        members.append(Key.account, account.map(Value.string))
        members.append(Key.tags, .object(Fields(tags.map { ($0.key, Value.string($0.value)) })))
        members.append(Key.capturedAt, capturedAt.map(Value.string))
        var sourceMembers: [Fields.Member] = []
        sourceMembers.reserveCapacity(4)
        sourceMembers.append(Key.format, .string(format.rawValue))
        sourceMembers.append(Key.file, .string(source.file))
        sourceMembers.append(Key.pointer, source.pointer.map(Value.string))
        sourceMembers.append(Key.line, source.line.map { .number(Double($0)) })
        members.append(Key.source, .object(Fields(unsorted: sourceMembers)))
        members.append(Key.attributes, attributes)
        members.append(Key.terraform, terraform)
        let fields = Fields(unsorted: members)
        var reference = source
        if reference.format == nil { reference.format = format.rawValue }
        return Resource(id: id, type: kind.rawValue, document: .object(fields), source: reference)
    }

    /// The location kind the region and zone imply; `catalogued` is the region's kind already
    /// looked up (the standard table's entry), else it is looked up here.
    private func derivedLocationKind(catalogued: LocationKind?) -> LocationKind? {
        if zone != nil { return .zone }
        guard let region else { return nil }
        return catalogued ?? RegionCatalogData.locationKind(of: region) ?? .region
    }
}

/// The member names `NormalizedResource.resource()` writes on every resource, hashed once.
private enum DocumentMemberKeys {
    static let id = DocumentKey("id")
    static let nativeID = DocumentKey("native_id")
    static let name = DocumentKey("name")
    static let provider = DocumentKey("provider")
    static let type = DocumentKey("type")
    static let nativeType = DocumentKey("native_type")
    static let region = DocumentKey("region")
    static let zone = DocumentKey("zone")
    static let locationKind = DocumentKey("location_kind")
    static let jurisdictions = DocumentKey("jurisdictions")
    static let account = DocumentKey("account")
    static let tags = DocumentKey("tags")
    static let capturedAt = DocumentKey("captured_at")
    static let source = DocumentKey("source")
    static let attributes = DocumentKey("attributes")
    static let terraform = DocumentKey("terraform")
    // The members of `source`.
    static let format = DocumentKey("format")
    static let file = DocumentKey("file")
    static let pointer = DocumentKey("pointer")
    static let line = DocumentKey("line")
}

/// The `location_kind` and `jurisdictions` of every location code of the standard catalog as its
/// table spells it (`eu-west-1`, `westeurope`, `eu`, `nam4`, `global`), computed once from the same
/// lookups `NormalizedResource.resource()` makes otherwise: each resource's document shares the
/// jurisdiction list of its region instead of allocating its own, and skips two case-folded
/// lookups per resource (a million resources read from one export).
private enum StandardLocationMembers {
    static let byCode: [String: (kind: LocationKind, jurisdictions: Value?)] = {
        let catalog = RegionCatalogData.standard
        var codes = RegionCatalogData.regions.map(\.code)
        codes += RegionCatalogData.multiRegions.keys
        codes += RegionCatalogData.dualRegions.keys
        codes.append("global")
        var table: [String: (kind: LocationKind, jurisdictions: Value?)] = [:]
        for code in codes {
            table[code] = (RegionCatalogData.locationKind(of: code) ?? .region, catalog.jurisdictions(of: code).map { .array($0.map(Value.string)) })
        }
        return table
    }()
}
