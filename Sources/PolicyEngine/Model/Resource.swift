/// Where a resource came from, for evidence: the record's place in its input (a `SourceLocation`:
/// the file plus a JSON pointer or a line), the input's format, and where a record read from a
/// Terraform plan or state is declared.
public struct SourceReference: Sendable, Hashable {
    /// The record's place in its input file.
    public var location: SourceLocation
    /// The input format (`aws-config`, `terraform-plan` …), when known.
    public var format: String? {
        get { formatKey?.text }
        set { formatKey = newValue.map(ObjectKey.init) }
    }
    /// The format's name interned (a handful of names, shared by every record of an input): a
    /// reference is held by every resource and finding, and the name took sixteen bytes of each.
    private var formatKey: ObjectKey?

    /// Sets the format to `format` when none is set (a reader's records, one each).
    public mutating func adoptFormat(_ format: InputFormat) {
        if formatKey == nil { formatKey = format.nameKey }
    }
    /// Where the resource is declared in infrastructure-as-code (Terraform plans and states): its
    /// address with the module path and, with `--tf-root`, the `.tf` file and line.
    public var declaration: DeclarationLocation? {
        get { declarationBox?.location }
        set { declarationBox = newValue.map(DeclarationBox.init) }
    }
    /// Boxed: a reference costs every resource and finding 8 bytes, the location itself ~50.
    private var declarationBox: DeclarationBox?

    /// The input file as given by the user.
    public var file: String {
        get { location.file }
        set { location.file = newValue }
    }
    /// RFC 6901 JSON pointer to the item (`/configurationItems/3`), for JSON inputs.
    public var pointer: String? {
        get { location.pointer }
        set { location.pointer = newValue }
    }
    /// 1-based line (CSV rows, JSON Lines, YAML items).
    public var line: Int? {
        get { location.line }
        set { location.line = newValue }
    }

    /// The Terraform resource address with its module path (`module.net.aws_vpc.default`), for
    /// records read from a Terraform plan or state: the declaration's address.
    public var terraformAddress: String? {
        get { declaration?.address }
        set { declaration = newValue.map { DeclarationLocation(address: $0, location: declaration?.location) } }
    }

    /// Creates a reference; `terraformAddress` is the shorthand of a declaration not yet located.
    public init(file: String, pointer: String? = nil, line: Int? = nil, format: String? = nil,
                terraformAddress: String? = nil, declaration: DeclarationLocation? = nil) {
        self.init(SourceLocation(file: file, line: line, pointer: pointer), format: format,
                  terraformAddress: terraformAddress, declaration: declaration)
    }

    /// Creates a reference to a record at `location`.
    public init(_ location: SourceLocation, format: String? = nil, terraformAddress: String? = nil,
                declaration: DeclarationLocation? = nil) {
        self.location = location
        self.formatKey = format.map(ObjectKey.init)
        self.declarationBox = (declaration ?? terraformAddress.map { DeclarationLocation(address: $0) }).map(DeclarationBox.init)
    }

    /// `file#pointer`, `file:line`, or just the file.
    public var displayText: String { location.description }

    /// What reports show: the declaration first when there is one —
    /// `infra/main.tf:12 aws_s3_bucket.logs (plan.json#/resource_changes/3)` — else `displayText`.
    public var reportText: String {
        guard let declaration else { return displayText }
        return "\(declaration.displayText) (\(displayText))"
    }
}

/// The key under which resource ids compare: ARM ids (`/subscriptions/…`) case-insensitively
/// (ARM treats them so, and Resource Graph lower-cases parts Terraform spells in mixed case),
/// every other id exactly. Identity resolution groups records by it and finding fingerprints
/// hash it, so one resource keeps one fingerprint whichever export spelled its id.
public enum ResourceKey {
    /// The comparison key of an id: lower-cased for ARM ids, else the id itself.
    public static func of(_ id: String) -> String {
        isARMID(id) ? id.lowercased() : id
    }

    /// True for Azure Resource Manager ids (`/subscriptions/…`, any case).
    public static func isARMID(_ id: String) -> Bool {
        id.withByteViewInPlace { isARMID(bytes: $0) }
    }

    /// `isARMID` over an id's UTF-8, compared in place.
    static func isARMID(bytes: ByteView) -> Bool {
        let prefix = ByteView("/subscriptions/")
        guard bytes.count >= prefix.count else { return false }
        for index in 0..<prefix.count where bytes[index] | 0x20 != prefix[index] | 0x20 { return false }
        return true
    }

    /// The key of `id` as a fingerprint component (`<byte count>:<bytes>`, see `Finding.fingerprint`),
    /// appended to `component`: written from the id's bytes, lower-cased byte by byte when the
    /// id is an ARM id in ASCII (what `of` returns then), through `of` otherwise. Every finding
    /// of a run that writes JSON is fingerprinted; this reads its id once and makes no string.
    static func appendComponent(of id: String, to component: inout [UInt8]) {
        let written: Bool = id.withByteViewInPlace { bytes in
            guard isARMID(bytes: bytes) else {
                Finding.appendComponent(bytes, to: &component)
                return true
            }
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            Finding.appendComponentHeader(count: bytes.count, to: &component)
            component.appendWriting(maximumCount: bytes.count) { cursor in
                for byte in bytes { cursor.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            }
            return true
        }
        if !written {
            var key = of(id)
            key.withByteView { Finding.appendComponent($0, to: &component) }
        }
    }
}

/// One document a policy can see: a cloud resource, a register record, or a cost group.
public struct Resource: Sendable {
    /// Unique id (ARN, ARM id, CAI name, register key, cost-group key).
    public var id: String
    /// Normalized type (`storage.bucket`, `application`, `cost.group`).
    public var type: String
    /// All fields, including `id` and `type`; paths resolve against this object.
    public var document: Value
    /// Where it came from: the record whose values won when several inputs describe the resource.
    public var source: SourceReference
    /// The other records merged into this resource (other inputs, or duplicates in one input), in
    /// precedence order; empty for a resource read once.
    public var mergedSources: [SourceReference] = []

    /// Every source, the primary one first.
    public var sources: [SourceReference] { [source] + mergedSources }

    /// Creates a resource. `id` and `type` are also written into the document unless it already
    /// has fields of those names (a register's own `type` column, say, keeps its meaning; policies
    /// scope by the resource type, not by that field).
    public init(id: String, type: String, document: Value, source: SourceReference) {
        self.id = id
        self.type = type
        var fields = document.objectValue ?? Fields()
        if fields.value(for: Self.idKey) == nil { fields[Self.idKey] = .string(id) }
        if fields.value(for: Self.typeKey) == nil { fields[Self.typeKey] = .string(type) }
        self.document = .object(fields)
        self.source = source
    }

    /// `id` and `type`, interned once: every resource of every reader is made here.
    private static let idKey = ObjectKey("id")
    private static let typeKey = ObjectKey("type")
}

/// Region facts policies use for data residency: region → country and jurisdiction, and
/// multi-region codes → member regions. Filled by the `Inventory` target from its catalog; the
/// engine only looks things up (case-insensitively).
public struct RegionCatalog: Sendable {
    /// One region.
    public struct Region: Sendable, Hashable {
        /// `aws`, `azure` or `gcp`.
        public var provider: String
        /// The provider's region code (`eu-west-1`).
        public var code: String
        /// Human name.
        public var displayName: String
        /// ISO 3166-1 alpha-2 country code.
        public var country: String
        /// `EU` for EU member states, `UK`, else the country code.
        public var jurisdiction: String

        /// Creates a region.
        public init(provider: String, code: String, displayName: String, country: String, jurisdiction: String) {
            self.provider = provider
            self.code = code
            self.displayName = displayName
            self.country = country
            self.jurisdiction = jurisdiction
        }
    }

    private var regions: [String: Region] = [:]
    private var multiRegions: [String: [String]] = [:]

    /// An empty catalog (every lookup fails).
    public init() {}

    /// A catalog of regions and multi-region codes (member region codes).
    public init(regions: [Region], multiRegions: [String: [String]]) {
        for region in regions { self.regions[region.code.lowercased()] = region }
        for (code, members) in multiRegions { self.multiRegions[code.lowercased()] = members }
    }

    /// The region for a code, if known.
    public func region(_ code: String) -> Region? { regions[code.lowercased()] }

    /// Member regions of a multi-region code (`EU`, `nam4`, `europe`), or `[code]` for a plain region.
    public func memberRegions(of code: String) -> [String]? {
        let key = code.lowercased()
        if let members = multiRegions[key] { return members }
        if regions[key] != nil { return [code] }
        return nil
    }

    /// The set of jurisdictions a region or multi-region code spans (sorted); nil when unknown.
    public func jurisdictions(of code: String) -> [String]? {
        let key = code.lowercased()
        if key == "global" { return nil }
        if let region = regions[key] { return [region.jurisdiction] }
        guard let members = multiRegions[key] else { return nil }
        var found = Set<String>()
        for member in members {
            guard let region = regions[member.lowercased()] else { return nil }
            found.insert(region.jurisdiction)
        }
        return found.sorted()
    }

    /// True when the catalog holds nothing.
    public var isEmpty: Bool { regions.isEmpty && multiRegions.isEmpty }
}
