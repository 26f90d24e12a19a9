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
    /// Tags or labels: an object whose values are strings (`tagMap` builds it from an export's shapes).
    public var tags = Fields()
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
    /// The facets set so far, one entry per facet, in the order first set. Kept flat and built
    /// into their groups once, by `resource()`: a write into the nested tree hashed its key and
    /// took each level out and put it back, a fifth of mapping an AWS Config item.
    private var facets: [FacetGroups.Entry] = []

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

    /// A facet's value (nil when absent or null, as the document reads); setting nil removes it.
    public subscript(facet: Facet) -> Value? {
        get {
            guard let index = facets.firstIndex(where: { $0.facet == facet }), !facets[index].value.isNull else { return nil }
            return facets[index].value
        }
        set {
            let index = facets.firstIndex { $0.facet == facet }
            switch (index, newValue) {
            case (let index?, let value?): facets[index].value = value
            case (let index?, nil): facets.remove(at: index)
            case (nil, let value?):
                if facets.isEmpty { facets.reserveCapacity(12) }
                facets.append(FacetGroups.Entry(facet: facet, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The engine resource keeping of the native record `native` what `retention` says (its
    /// `linked` paths and digest when no policy reads `attributes`), with the `source` object it says.
    consuming func resource(keeping native: Value, linked: [[DocumentKey]], as retention: RecordRetention) -> Resource {
        attributes = NativeRecord.retained(native, keeping: linked, as: retention.nativeRecord)
        return resource(sourceObject: retention.sourceObject)
    }

    /// The engine resource with the `source` object `spec` asks for.
    public consuming func resource(for spec: InputSpec) -> Resource {
        resource(sourceObject: spec.sourceObject)
    }

    /// Sets a facet unless the value is nil (a shorthand for the readers' optional chains).
    mutating func set(_ facet: Facet, _ value: Value?) {
        guard let value else { return }
        self[facet] = value
    }

    /// The engine resource: the normalized document with jurisdictions looked up in `regions`
    /// (the standard catalog when nil) and as much of the `source` object as `sourceObject` says.
    /// Consuming: the facet groups are moved into the document, not copied (and their members
    /// retained, then released with the normalized resource) for every resource a reader builds.
    public consuming func resource(regions: RegionCatalog? = nil, sourceObject: SourceObjectRetention = .whole) -> Resource {
        // Built from its members: the facet groups (moved, not copied), the extras, then the
        // named members with their keys interned once; no member is looked up, since none of these
        // names is a facet group's.
        var set: [FacetGroups.Entry] = []
        swap(&set, &facets)
        // Room for the members added below too: one array, packed into the resource's document
        // (`Resource` holds it packed; a later pass sets members without unpacking it).
        var members = FacetGroups.members(of: consume set, reservingRoomFor: extras.count + namedMemberCount)
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
        members.append(Key.tags, .object(tags))
        members.append(Key.capturedAt, capturedAt.map(Value.string))
        switch sourceObject {
        case .whole:
            var sourceMembers: [Fields.Member] = []
            sourceMembers.reserveCapacity(2 + (source.pointer == nil ? 0 : 1) + (source.line == nil ? 0 : 1))
            sourceMembers.append(Key.format, .string(format.rawValue))
            sourceMembers.append(Key.file, .string(source.file))
            sourceMembers.append(Key.pointer, source.pointer.map(Value.string))
            sourceMembers.append(Key.line, source.line.map { .number(Double($0)) })
            members.append(Key.source, .object(Fields(unsorted: sourceMembers)))
        case .formatOnly:
            members.append(Key.source, FormatOnlySource.object(of: format))
        }
        members.append(Key.attributes, attributes)
        members.append(Key.terraform, terraform)
        let fields = Fields(unsorted: members)
        var reference = source
        reference.adoptFormat(format)
        return Resource(id: id, type: kind.rawValue, document: .object(fields), source: reference)
    }

    /// How many named members `resource()` adds after the facet groups and the extras: seven
    /// always (`id`, `provider`, `type`, `native_type`, `tags`, `source`, `attributes`), each
    /// optional one that is set, `location_kind` wherever a kind, zone or region is, and
    /// `jurisdictions` wherever a region is (one too many for a region no catalog knows).
    private var namedMemberCount: Int {
        func count(_ set: Bool) -> Int { set ? 1 : 0 }
        let optional = count(nativeID != nil) + count(name != nil) + count(region != nil) + count(zone != nil)
            + count(account != nil) + count(capturedAt != nil) + count(terraform != nil)
        return 7 + optional + count(locationKind != nil || zone != nil || region != nil) + count(region != nil)
    }

    /// The location kind the region and zone imply; `catalogued` is the region's kind already
    /// looked up (the standard table's entry), else it is looked up here.
    private func derivedLocationKind(catalogued: LocationKind?) -> LocationKind? {
        if zone != nil { return .zone }
        guard let region else { return nil }
        return catalogued ?? RegionCatalogData.locationKind(of: region) ?? .region
    }
}

/// The facet groups of a document (`encryption: {at_rest: {enabled, …}, …}`, `backup: {…}`) built
/// from a flat list of facets and values: the list is ordered by group (and subgroup), and each
/// group's members are gathered before its object is made. Facet paths have two or three keys,
/// and none is a prefix of another (a test checks both), so every facet is a member of a group
/// or of a group's subgroup.
enum FacetGroups {
    /// A facet set on a resource, with its place looked up once.
    struct Entry {
        let facet: Facet
        /// Its position in `places` (`Facet.ordinal`).
        let place: Int
        var value: Value

        init(facet: Facet, value: Value) {
            self.facet = facet
            place = facet.ordinal
            self.value = value
        }
    }

    /// Where a facet sits: its group, its subgroup (three keys), its own key, and ranks that
    /// order the facets by group, a group's own members before its subgroups.
    struct Place: Sendable {
        let group: DocumentKey
        let subgroup: DocumentKey?
        let key: DocumentKey
        /// Groups in the order the vocabulary first names them.
        let groupRank: Int
        /// `groupRank` × 1,024, plus 0 for a group's own member or its subgroup's rank plus one.
        let rank: Int
    }

    /// Every facet's place, in `Facet.allCases` order.
    static let places: [Place] = {
        var groups: [String] = []
        var subgroups: [String] = []
        return Facet.allCases.map { facet in
            let keys = facet.keys
            let group = keys[0].text
            if !groups.contains(group) { groups.append(group) }
            let groupRank = groups.firstIndex(of: group) ?? 0
            var subRank = 0
            if keys.count == 3 {
                let path = group + "." + keys[1].text
                if !subgroups.contains(path) { subgroups.append(path) }
                subRank = (subgroups.firstIndex(of: path) ?? 0) + 1
            }
            return Place(group: keys[0], subgroup: keys.count == 3 ? keys[1] : nil, key: keys[keys.count - 1],
                         groupRank: groupRank, rank: groupRank * 1_024 + subRank)
        }
    }()

    /// The top-level members holding `facets`, a group only where one of its facets is set, in
    /// an array with room for `more` members besides. Every array is made at its final size:
    /// the member arrays are the objects' storage.
    static func members(of facets: consuming [Entry], reservingRoomFor more: Int) -> [Fields.Member] {
        var result: [Fields.Member] = []
        guard !facets.isEmpty else {
            result.reserveCapacity(more)
            return result
        }
        var order = consume facets
        order.sort { places[$0.place].rank < places[$1.place].rank }
        /// The end of the run of entries from `start` whose ranks `same` holds equal.
        func runEnd(from start: Int, _ same: (Place, Place) -> Bool) -> Int {
            var end = start + 1
            while end < order.count, same(places[order[end].place], places[order[start].place]) { end += 1 }
            return end
        }
        var groups = 0
        var start = 0
        while start < order.count {
            start = runEnd(from: start) { $0.groupRank == $1.groupRank }
            groups += 1
        }
        result.reserveCapacity(groups + more)
        start = 0
        while start < order.count {
            let groupEnd = runEnd(from: start) { $0.groupRank == $1.groupRank }
            // A group's own members, then one member per subgroup (the ranks put them in that order).
            var memberCount = 0
            var next = start
            while next < groupEnd {
                next = places[order[next].place].subgroup == nil ? next + 1 : runEnd(from: next) { $0.rank == $1.rank }
                memberCount += 1
            }
            var members: [Fields.Member] = []
            members.reserveCapacity(memberCount)
            next = start
            while next < groupEnd {
                let place = order[next].place
                guard let subgroup = places[place].subgroup else {
                    members.append(places[place].key.member(order[next].value))
                    next += 1
                    continue
                }
                let subgroupEnd = runEnd(from: next) { $0.rank == $1.rank }
                var subMembers: [Fields.Member] = []
                subMembers.reserveCapacity(subgroupEnd - next)
                for entry in next..<subgroupEnd { subMembers.append(places[order[entry].place].key.member(order[entry].value)) }
                members.append(subgroup.member(.object(Fields(unsorted: subMembers))))
                next = subgroupEnd
            }
            result.append(places[order[start].place].group.member(.object(Fields(unsorted: members))))
            start = groupEnd
        }
        return result
    }
}

/// The member names `NormalizedResource.resource()` writes on every resource, interned once
/// (and read back by the linking passes that read them of every resource).
enum DocumentMemberKeys {
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

/// The `source` objects of `SourceObjectRetention.formatOnly`: `{format}` alone, one object per
/// format shared by every document of it (a reference each, not an allocation each).
enum FormatOnlySource {
    /// The object of each format.
    private static let objects: [InputFormat: Value] = Dictionary(uniqueKeysWithValues: InputFormat.allCases.map { format in
        (format, built(format))
    })

    /// The shared `{format}` object of `format`.
    static func object(of format: InputFormat) -> Value { objects[format] ?? built(format) }

    private static func built(_ format: InputFormat) -> Value {
        .object(Fields(unsorted: [DocumentMemberKeys.format.member(.string(format.rawValue))]))
    }
}
