public import PolicyEngine

/// The identity step of a run, once after every input is read and linked, before evaluation:
/// records of one identity (`ResourceIdentity`) become one resource, so every policy gives one
/// verdict per resource and every count counts resources.
///
/// 1. **Within one input** the newest record wins (`captured_at`: AWS Config history keeps the
///    newest configuration item; ties go to the later record in the file). Records of the newest
///    capture time that are equal apart from their position (a credential-report row written
///    twice, one default VPC reached through two modules) collapse into one, listing every
///    position as a source; records that differ are a warning naming both positions, and the
///    later one wins.
/// 2. **Across inputs** one merged view: the record of the winning state (`StatePrecedence`:
///    live, then Terraform state, then plan by default; among records of one state the newest
///    capture, then the later input) gives every value it has; the others fill only what it
///    leaves out (never with unknown values). The merged resource lists every record in
///    `mergedSources`.
/// 3. **Drift**: when live and Terraform records describe one resource, every facet (and `region`,
///    each tag — a tag one record lacks counts as absent) on which they hold different values is listed under `drift` in the document
///    (`count`, `facets[]` with the value per source, `summary`), for the `drift.*` policies.
/// 4. **Regions** are checked against the region catalog: an unknown code is a warning.
///
/// Records of registers (JSON, JSON Lines, CSV, YAML inputs) take part in step 1 only, keyed by
/// type and id within their input: a register listing one id twice gives one resource, and a
/// warning naming both rows when the two differ.
///
/// A run with one input and unique ids pays one hash lookup per resource.
public enum IdentityResolution {
    /// What the step produced.
    public struct Output: Sendable {
        /// The resources, one per identity, in input order (a merged resource stands where its
        /// first record stood).
        public var resources: [Resource]
        /// Conflicting duplicates and unknown regions, for people.
        public var warnings: [String]
        /// How many records were folded into others.
        public var folded: Int
    }

    /// Resolves identities (see the type comment).
    public static func resolve(
        _ resources: [Resource], precedence: StatePrecedence = .live, regions: RegionCatalog = RegionCatalogData.standard
    ) -> Output {
        // Formats are few: look each up once (a run of a million records has one or two).
        var kindByFormat: [String: StateKind?] = [:]
        let kinds = resources.map { resource -> StateKind? in
            guard let format = resource.source.format else { return nil }
            if let known = kindByFormat[format] { return known }
            let kind = InputFormat(rawValue: format).flatMap(StateKind.of)
            kindByFormat[format] = kind
            return kind
        }
        var warnings = regionWarnings(resources, kinds: kinds, regions: regions)

        // One hash lookup per inventory record; groups only where a key repeats.
        var firstByKey: [String: Int] = [:]
        firstByKey.reserveCapacity(resources.count)
        var groups: [Int: [Int]] = [:]
        for index in resources.indices {
            // Records of registers (JSON, JSON Lines, CSV, YAML) are one resource per id and type
            // within their input (step 1 only: two registers may use one id for different things).
            let key = kinds[index] != nil
                ? ResourceIdentity.key(of: resources[index].id)
                : "\u{0}" + resources[index].source.file + "\u{0}" + resources[index].type + "\u{0}" + resources[index].id
            if let first = firstByKey[key] {
                groups[first, default: [first]].append(index)
            } else {
                firstByKey[key] = index
            }
        }
        joinTerraformRecordsWithoutCloudID(resources, kinds: kinds, firstByKey: firstByKey, groups: &groups)
        guard !groups.isEmpty else { return Output(resources: resources, warnings: warnings, folded: 0) }

        var output = resources
        var removed = Set<Int>()
        for (first, members) in groups.sorted(by: { $0.key < $1.key }) {
            let merged = merge(members.sorted(), resources: resources, kinds: kinds, precedence: precedence, warnings: &warnings)
            output[first] = merged
            for member in members where member != first { removed.insert(member) }
        }
        let result = output.indices.filter { !removed.contains($0) }.map { output[$0] }
        return Output(resources: result, warnings: warnings, folded: removed.count)
    }

    // MARK: - Terraform records without a cloud id

    /// A plan record whose id is its address (the cloud id is known only after apply) joins the
    /// live record of the same provider, type and name (Azure: and resource group) when exactly
    /// one has them.
    private static func joinTerraformRecordsWithoutCloudID(
        _ resources: [Resource], kinds: [StateKind?], firstByKey: [String: Int], groups: inout [Int: [Int]]
    ) {
        let pending = resources.indices.filter { index in
            kinds[index] != nil && kinds[index] != .live && resources[index].id == resources[index].source.terraformAddress
                && firstByKey[resources[index].id] == index
        }
        guard !pending.isEmpty else { return }
        let wanted = Set(pending.compactMap { naturalKey(resources[$0]) })
        var live: [String: [Int]] = [:]
        for index in resources.indices where kinds[index] == .live {
            guard let key = naturalKey(resources[index]), wanted.contains(key) else { continue }
            live[key, default: []].append(index)
        }
        for index in pending {
            guard let key = naturalKey(resources[index]), let candidates = live[key] else { continue }
            let targets = Set(candidates.compactMap { firstByKey[ResourceIdentity.key(of: resources[$0].id)] })
            guard targets.count == 1, let target = targets.first, compatibleLocation(resources[index], resources[target]) else { continue }
            let members = groups[target] ?? [target]
            groups[target] = members + (groups.removeValue(forKey: index) ?? [index])
        }
    }

    /// `provider|type|name` (Azure: `|resource group`), lower-cased; nil without a name.
    private static func naturalKey(_ resource: Resource) -> String? {
        let document = resource.document
        guard let provider = document["provider"]?.stringValue, let name = document["name"]?.stringValue, !name.isEmpty else { return nil }
        var key = provider + "|" + resource.type + "|" + name.lowercased()
        if provider == "azure" {
            let group = document.value(at: ["attributes", "resource_group_name"])?.stringValue
                ?? (ResourceIdentity.isARMID(resource.id) ? armResourceGroup(resource.id) : nil)
            guard let group else { return nil }
            key += "|" + group.lowercased()
        }
        return key
    }

    private static func armResourceGroup(_ id: String) -> String? {
        let parts = id.split(separator: "/")
        guard let position = parts.firstIndex(where: { $0.lowercased() == "resourcegroups" }), position + 1 < parts.count else { return nil }
        return String(parts[position + 1])
    }

    /// Regions and accounts agree where both records state them.
    private static func compatibleLocation(_ lhs: Resource, _ rhs: Resource) -> Bool {
        for field in ["region", "account"] {
            if case .string(let left)? = lhs.document[field], case .string(let right)? = rhs.document[field],
               left.lowercased() != right.lowercased() {
                return false
            }
        }
        return true
    }

    // MARK: - Merging one identity

    /// A record of the group with what ordering needs.
    private struct Member {
        var index: Int
        var kind: StateKind
        var instant: Double?
        var file: String
        /// Positions of the records this one stands for (itself and its exact duplicates).
        var sources: [SourceReference]
    }

    private static func merge(
        _ indices: [Int], resources: [Resource], kinds: [StateKind?], precedence: StatePrecedence, warnings: inout [String]
    ) -> Resource {
        // 1. One record per input file.
        var files: [String] = []
        var byFile: [String: [Int]] = [:]
        for index in indices {
            let file = resources[index].source.file
            if byFile[file] == nil { files.append(file) }
            byFile[file, default: []].append(index)
        }
        var members: [Member] = []
        members.reserveCapacity(files.count)
        for file in files {
            let records = byFile[file] ?? []
            if records.count == 1 {
                let index = records[0]
                members.append(Member(index: index, kind: kinds[index] ?? .live, instant: instant(of: resources[index]), file: file,
                                      sources: resources[index].sources))
            } else {
                members.append(newest(records, resources: resources, kind: kinds[records[0]] ?? .live, warnings: &warnings))
            }
        }
        // 2. Precedence across inputs: state, then newest capture, then the later input.
        // `members` is in file order: among equals the later input comes first.
        members = members.enumerated().sorted { lhs, rhs in
            let (left, right) = (precedence.rank(lhs.element.kind), precedence.rank(rhs.element.kind))
            if left != right { return left < right }
            if lhs.element.instant != rhs.element.instant { return (lhs.element.instant ?? -.infinity) > (rhs.element.instant ?? -.infinity) }
            return lhs.offset > rhs.offset
        }.map(\.element)
        let winner = resources[members[0].index]
        var document = winner.document
        for member in members.dropFirst() { fill(&document, from: resources[member.index].document) }

        // The cloud id wins over a Terraform address; the first known type over `other`.
        let cloudID = members.lazy.map { resources[$0.index] }.first { $0.id != $0.source.terraformAddress }?.id ?? winner.id
        let type = members.lazy.map { resources[$0.index].type }.first { $0 != "other" } ?? winner.type
        if case .object(var fields) = document {
            fields["id"] = .string(cloudID)
            fields["type"] = .string(type)
            if let drift = drift(members, resources: resources) { fields["drift"] = drift }
            document = .object(fields)
        }
        var resource = Resource(id: cloudID, type: type, document: document, source: members[0].sources[0])
        resource.mergedSources = Array(members.flatMap(\.sources).dropFirst())
        return resource
    }

    /// The newest record of one input; equal records of the newest capture collapse, different
    /// ones are a warning (the later wins).
    private static func instant(of resource: Resource) -> Double? {
        resource.document["captured_at"]?.stringValue.flatMap(CaptureInstant.seconds)
    }

    private static func newest(_ records: [Int], resources: [Resource], kind: StateKind, warnings: inout [String]) -> Member {
        let instants = records.map { index in instant(of: resources[index]) }
        let newestInstant = instants.compactMap { $0 }.max()
        let current = records.indices.filter { instants[$0] == newestInstant }.map { records[$0] }
        let last = current[current.count - 1]
        let kept = comparable(resources[last].document)
        // Sources: the kept record's (with the records linking merged into it), then the others'.
        var sources = resources[last].sources
        for index in current where index != last {
            if comparable(resources[index].document) != kept {
                warnings.append("\(resources[last].id): two different records in \(resources[last].source.file) claim this resource "
                                + "(\(resources[index].source.reportText) and \(resources[last].source.reportText)); the later one is used")
            }
            sources += resources[index].sources
        }
        return Member(index: last, kind: kind, instant: newestInstant, file: resources[last].source.file, sources: sources)
    }

    /// A document without the members that differ between copies of one record (its position).
    private static func comparable(_ document: Value) -> Value {
        guard case .object(var fields) = document else { return document }
        fields["source"] = nil
        fields["terraform"] = nil
        return .object(fields)
    }

    /// Members the winner lacks, taken from a lower-precedence record (objects merged member by
    /// member; the native record, the source, tags and unknown values never).
    private static func fill(_ target: inout Value, from other: Value, depth: Int = 0) {
        guard case .object(var fields) = target, case .object(let extra) = other else { return }
        for member in extra {
            if depth == 0, ["attributes", "source", "tags", "id", "type", "native_type", "drift"].contains(member.key) { continue }
            if case .unknown = member.value { continue }
            if let existing = fields[member.key], !existing.isNull {
                if case .object = existing, case .object = member.value {
                    var nested = existing
                    fill(&nested, from: member.value, depth: depth + 1)
                    fields[member.key] = nested
                }
                continue
            }
            fields[member.key] = member.value
        }
        target = .object(fields)
    }

    // MARK: - Drift

    /// The facets on which live and Terraform records disagree; nil unless both kinds are present.
    private static func drift(_ members: [Member], resources: [Resource]) -> Value? {
        guard members.contains(where: { $0.kind == .live }), members.contains(where: { $0.kind != .live }) else { return nil }
        // Only the top-level members that differ between the records are walked facet by facet.
        let documents = members.map { resources[$0.index].document }
        func differs(_ key: String) -> Bool { documents.dropFirst().contains { $0[key] != documents[0][key] } }
        var paths: [[String]] = []
        for (group, facets) in driftFacetGroups where differs(group) { paths += facets }
        if differs("region") { paths.append(["region"]) }
        if differs("tags") {
            var tagKeys = Set<String>()
            for document in documents {
                for tag in document["tags"]?.objectValue ?? Fields() { tagKeys.insert(tag.key) }
            }
            paths += tagKeys.sorted().map { ["tags", $0] }
        }
        guard !paths.isEmpty else { return noDrift }
        var entries: [Value] = []
        var summary: [String] = []
        for path in paths {
            var values: [(member: Member, value: Value)] = []
            for member in members {
                let document = resources[member.index].document
                // A non-empty tag map states every tag: a key it lacks is an absent tag (null),
                // which differs from a value (an empty map may be an export that records no tags,
                // as Config's listener items). Any other facet a record does not state is left out.
                let tagged = document["tags"]?.objectValue.map { !$0.isEmpty } ?? false
                let stated = document.value(at: path) ?? (path.first == "tags" && tagged ? .null : nil)
                guard let value = stated else { continue }
                if case .unknown = value { continue }
                // A Terraform value that is a reference to another resource's address (a key
                // created in the same plan) states nothing to compare.
                if member.kind != .live, case .string(let text) = value, Self.isTerraformAddress(text) { continue }
                values.append((member, value))
            }
            guard values.count > 1, values.contains(where: { !Self.sameValue($0.value, values[0].value) }) else { continue }
            let facet = path.joined(separator: ".")
            entries.append(.object(Fields([
                ("facet", .string(facet)),
                ("values", .array(values.map { entry in
                    let source = resources[entry.member.index].source
                    var fields = Fields()
                    fields["state"] = .string(entry.member.kind.rawValue)
                    fields["format"] = source.format.map(Value.string)
                    fields["source"] = .string(source.displayText)
                    fields["terraform_address"] = source.terraformAddress.map(Value.string)
                    fields["value"] = entry.value
                    return .object(fields)
                })),
            ])))
            let stated = values.map { entry in "\(text(entry.value)) (\(entry.member.kind.rawValue))" }
            summary.append("\(facet) is " + stated.joined(separator: " vs "))
        }
        guard !entries.isEmpty else { return noDrift }
        return .object(Fields([
            ("count", .number(Double(entries.count))),
            ("facets", .array(entries)),
            ("summary", .string(summary.joined(separator: "; "))),
        ]))
    }

    /// Equal values, and the spellings exports use for one value: timestamps of one instant
    /// (`…00.000Z` and `…00+00:00`), and a name against an id or URL that has it as a segment
    /// (an Azure key name and its Key Vault key URL).
    static func sameValue(_ lhs: Value, _ rhs: Value) -> Bool {
        if lhs == rhs { return true }
        guard case .string(let left) = lhs, case .string(let right) = rhs else { return false }
        if left.count >= 19, right.count >= 19, let leftInstant = CaptureInstant.seconds(left), let rightInstant = CaptureInstant.seconds(right),
           left.utf8.dropFirst(10).first == UInt8(ascii: "T"), right.utf8.dropFirst(10).first == UInt8(ascii: "T") {
            return leftInstant == rightInstant
        }
        let (short, long) = left.count < right.count ? (left, right) : (right, left)
        guard !short.isEmpty, !short.contains("/") else { return false }
        return long.split(whereSeparator: { $0 == "/" || $0 == ":" }).contains { $0 == short }
    }

    /// `aws_kms_key.payments`, `module.lake.aws_s3_bucket.this["raw"]`: a resource address of one
    /// of the cloud providers Assay reads.
    static func isTerraformAddress(_ text: String) -> Bool {
        var rest = Substring(text)
        while rest.hasPrefix("module.") {
            rest = rest.dropFirst(7)
            guard let dot = rest.firstIndex(of: ".") else { return false }
            rest = rest[rest.index(after: dot)...]
        }
        guard rest.hasPrefix("aws_") || rest.hasPrefix("azurerm_") || rest.hasPrefix("google_"),
              let dot = rest.firstIndex(of: "."), dot != rest.startIndex else { return false }
        let name = rest[rest.index(after: dot)...]
        return !name.isEmpty && !name.contains("/") && !name.contains(" ") && !name.contains(":")
    }

    /// The facet paths by top-level group (`encryption`, `backup` …), in `Facet` order.
    private static let driftFacetGroups: [(String, [[String]])] = {
        var groups: [(String, [[String]])] = []
        for facet in Facet.allCases {
            let path = facet.components
            guard let group = path.first else { continue }
            if let position = groups.firstIndex(where: { $0.0 == group }) {
                groups[position].1.append(path)
            } else {
                groups.append((group, [path]))
            }
        }
        return groups
    }()

    /// The drift block of records that agree (shared: most merged resources have it).
    private static let noDrift: Value = .object(Fields([("count", .number(0)), ("facets", .array([])), ("summary", .string(""))]))

    /// A value as people read it: strings bare, `absent` for null, everything else compact JSON.
    private static func text(_ value: Value) -> String {
        if case .string(let string) = value { return string }
        if value.isNull { return "absent" }
        return JSONWriter.compact(value)
    }

    // MARK: - Regions

    /// One warning per region code that is neither in the catalog nor `global`, naming the first
    /// resource that has it and how many do.
    private static func regionWarnings(_ resources: [Resource], kinds: [StateKind?], regions: RegionCatalog) -> [String] {
        guard !regions.isEmpty else { return [] }
        var known: [String: Bool] = [:]
        var unknown: [(code: String, first: Int, count: Int)] = []
        var positions: [String: Int] = [:]
        for index in resources.indices where kinds[index] != nil {
            guard case .string(let code)? = resources[index].document["region"] else { continue }
            let isKnown: Bool
            if let cached = known[code] {
                isKnown = cached
            } else {
                isKnown = code.lowercased() == "global" || regions.memberRegions(of: code) != nil
                known[code] = isKnown
            }
            guard !isKnown else { continue }
            if let position = positions[code] {
                unknown[position].count += 1
            } else {
                positions[code] = unknown.count
                unknown.append((code, index, 1))
            }
        }
        return unknown.map { entry in
            let resource = resources[entry.first]
            let others = entry.count > 1 ? " and \(entry.count - 1) more" : ""
            return "\(resource.source.reportText): region '\(entry.code)' of \(resource.id)\(others) is not in the region catalog; "
                + "its jurisdiction is unknown"
        }
    }
}
