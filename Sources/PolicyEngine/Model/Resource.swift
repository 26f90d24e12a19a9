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
    ///
    /// Held packed (`PackedDocument`, about half the memory of the tree): reading `document`
    /// unpacks it, so code that reads a few members of many resources uses `resolve` instead,
    /// and the runner unpacks each document once for all its policies. A document changed
    /// through this property is kept as the changed tree until `pack()`.
    public var document: Value {
        get { content.document }
        _modify {
            var value = content.document
            // Let go of the stored tree, so that the change is made in place (not on a copy).
            content = .tree(.null)
            defer { content = .tree(value) }
            yield &value
        }
        set { content = .tree(newValue) }
    }

    /// How the document is held.
    private var content: Content

    /// A document packed (as every resource is made), packed with members set since beside it,
    /// or a tree (changed through `document` since).
    private enum Content: Sendable {
        case tree(Value)
        case packed(PackedDocument)
        /// A packed object and the members set since (`setMember(_:sharing:)`), in the order
        /// first set: the document is the object with each of them set in turn.
        case overlaid(PackedDocument, Fields)

        var document: Value {
            switch self {
            case .tree(let value): return value
            case .packed(let packed): return packed.unpacked()
            case .overlaid(let packed, let members): return Self.overlay(members, on: packed)
            }
        }

        static func overlay(_ members: Fields, on packed: PackedDocument) -> Value {
            var fields = packed.unpacked().objectValue ?? Fields()
            for member in members.unorderedMembers { fields[member.objectKey] = member.value }
            return .object(fields)
        }
    }
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
        content = .packed(PackedDocument(packing: .object(fields)))
        self.source = source
    }

    /// A resource of a document packed already (a record packed as it was parsed): held as it
    /// is when it has `id` and `type` members, else as `init(id:type:document:source:)` makes it.
    public init(id: String, type: String, packed: PackedDocument, source: SourceReference) {
        if packed.hasMember(Self.idKey) && packed.hasMember(Self.typeKey) {
            self.init(id: id, type: type, content: .packed(packed), source: source)
        } else {
            self.init(id: id, type: type, document: packed.unpacked(), source: source)
        }
    }

    private init(id: String, type: String, content: Content, source: SourceReference) {
        self.id = id
        self.type = type
        self.content = content
        self.source = source
    }

    /// True when the document is held packed (not changed through `document` since it was made or packed).
    public var isPacked: Bool {
        if case .tree = content { return false }
        return true
    }

    /// Packs a document changed through `document` (nothing when it is held packed).
    public mutating func pack() {
        guard case .tree(let value) = content else { return }
        content = .packed(PackedDocument(packing: value))
    }

    /// The document's value at `keys`, with `FieldPath.resolve`'s rules (nil for a missing
    /// member or `null`, `.unknown` through an unknown value), without unpacking the rest.
    /// (Not generic: the passes that read members of every resource are in other modules,
    /// where a generic function of this one runs unspecialized.)
    public func resolve(_ keys: [ObjectKey]) -> Value? { resolve(path: keys) }

    /// The document's value at `first.second` (see `resolve(_:)`).
    public func resolve(_ first: ObjectKey, _ second: ObjectKey) -> Value? { resolve(path: KeyPair(keys: (first, second))) }

    /// `resolve` over any collection of keys, for each way the document is held.
    private func resolve<Keys: Collection<ObjectKey>>(path keys: Keys) -> Value? {
        switch content {
        case .packed(let packed): return packed.resolve(keys)
        case .tree(let value): return FieldPath.resolve(keys, from: value)
        case .overlaid(let packed, let members):
            guard let first = keys.first else { return content.document }
            if let set = members.value(for: first) { return FieldPath.resolve(keys.dropFirst(), from: set) }
            return packed.resolve(keys)
        }
    }

    /// Two keys, without an array for them.
    private struct KeyPair: RandomAccessCollection {
        let keys: (ObjectKey, ObjectKey)
        var startIndex: Int { 0 }
        var endIndex: Int { 2 }
        subscript(position: Int) -> ObjectKey { position == 0 ? keys.0 : keys.1 }
    }

    /// Sets the document's member `key` to `value` (a document that is no object becomes one),
    /// without unpacking a packed document.
    public mutating func setMember(_ key: ObjectKey, to value: Value) {
        switch content {
        case .packed(let packed):
            if let changed = packed.settingMember(key, to: value) {
                content = .packed(changed)
                return
            }
        case .overlaid: return setMember(key, sharing: value)
        case .tree: break
        }
        setMemberOfTree(key, to: value)
    }

    /// `setMember(key, to: value)` for a value many documents share (a group a pass gives every
    /// store): kept beside a packed document, by reference, instead of packed into each (which
    /// rewrote every document, and copied the value into each).
    public mutating func setMember(_ key: ObjectKey, sharing value: Value) {
        switch content {
        case .packed(let packed) where packed.isObject:
            content = .overlaid(packed, Fields(unsorted: [Fields.Member(key, value: value)]))
        case .overlaid(let packed, var members) where members.count < Fields.linearLimit - 1:
            content = .tree(.null)
            members[key] = value
            content = .overlaid(packed, members)
        default:
            setMemberOfTree(key, to: value)
        }
    }

    /// `setMember` on the document unpacked (kept so), as `Fields` sets a member.
    private mutating func setMemberOfTree(_ key: ObjectKey, to value: Value) {
        var fields = document.objectValue ?? Fields()
        fields[key] = value
        document = .object(fields)
    }

    /// The document's member `key` as stored (`null` included), unpacking only it; nil when
    /// the document has none (or is no object).
    public func member(_ key: ObjectKey) -> Value? {
        switch content {
        case .packed(let packed): return packed.member(key)
        case .tree(let value): return value.objectValue?.value(for: key)
        case .overlaid(let packed, let members): return members.value(for: key) ?? packed.member(key)
        }
    }

    /// True when the document has a member `key`, even `null`.
    public func hasMember(_ key: ObjectKey) -> Bool {
        switch content {
        case .packed(let packed): return packed.hasMember(key)
        case .tree(let value): return value.objectValue?.value(for: key) != nil
        case .overlaid(let packed, let members): return members.value(for: key) != nil || packed.hasMember(key)
        }
    }

    /// The document's member `key` (see `resolve(_:)`).
    public func resolve(_ key: ObjectKey) -> Value? { resolve(path: CollectionOfOne(key)) }

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
