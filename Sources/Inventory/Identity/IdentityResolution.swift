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

    /// Resolves identities (see the type comment). Pass the records as their last use
    /// (`resolve(consume records)`): the resources are then compacted in place, not copied.
    public static func resolve(
        _ resources: consuming [Resource], precedence: StatePrecedence = .live, regions: RegionCatalog = RegionCatalogData.standard
    ) -> Output {
        let kinds = stateKinds(resources)
        var warnings = regionWarnings(resources, kinds: kinds, regions: regions)
        var groups = IdentityGroups(resources, kinds: kinds)
        joinTerraformRecordsWithoutCloudID(resources, kinds: kinds, groups: &groups)
        groups.releaseKeys()
        guard groups.count > 0 else { return Output(resources: resources, warnings: warnings, folded: 0) }

        // Groups are independent: merged on every core (in chunks of groups, kept apart so that
        // each merged resource is moved once, never copied), warnings in group order.
        let leaders = groups.leaders
        var merged: [[(resource: Resource, warnings: [String])]] = []
        do {
            let records = copy resources
            let grouping = groups
            merged = ParallelMap.chunks(count: leaders.count, minimumChunk: 2_048) { range in
                range.map { merge(grouping.members(of: leaders[$0]), resources: records, kinds: kinds, precedence: precedence) }
            }
        }
        for part in merged.indices {
            for position in merged[part].indices where !merged[part][position].warnings.isEmpty { warnings += merged[part][position].warnings }
        }

        // In place: a merged resource stands where its group's leader (the first record of its
        // id) stood; the other members are dropped. Swapping moves records without copying.
        var output = resources
        var kept = 0
        var (part, position) = (0, 0)
        for index in output.indices {
            if groups.isFolded(index) { continue }
            if groups.isLeader(index) {
                while position == merged[part].count {
                    (part, position) = (part + 1, 0)
                }
                swap(&output[index], &merged[part][position].resource)
                position += 1
            }
            if kept != index { output.swapAt(kept, index) }
            kept += 1
        }
        let folded = output.count - kept
        output.removeLast(folded)
        return Output(resources: output, warnings: warnings, folded: folded)
    }

    /// The state kind of each record's format (nil for record and billing formats). Formats are
    /// few and runs of one format long: each is looked up once.
    private static func stateKinds(_ resources: [Resource]) -> [StateKind?] {
        var kindByFormat: [String: StateKind?] = [:]
        var last: (format: String, kind: StateKind?)?
        // Each resource's format read in place: `map` copied every resource (a reference count
        // per member) to read one field.
        return resources.withElementView { view in
            view.indices.map { index -> StateKind? in
                guard let format = view.withElement(at: index, { $0.source.format }) else { return nil }
                if let last, last.format == format { return last.kind }
                let kind: StateKind?
                if let known = kindByFormat[format] {
                    kind = known
                } else {
                    kind = InputFormat(rawValue: format).flatMap(StateKind.of)
                    kindByFormat[format] = kind
                }
                last = (format, kind)
                return kind
            }
        }
    }

    // MARK: - Groups

    /// Records of one identity as chains over record positions, without an allocation per group:
    /// `next` links a group's members in the order they joined, `tail` is a group's last member
    /// and `leader` the group a record is in — the position of its first record, where the
    /// merged resource stands (-1: a record alone).
    struct IdentityGroups: Sendable {
        private var leader: [Int32]
        private var next: [Int32]
        private var tail: [Int32]
        /// The first record of each key.
        private var firstByKey: FirstRecordTable<GroupingKey>
        /// Groups of two or more records.
        private(set) var count = 0

        /// What groups records: an inventory record's `ResourceIdentity.key`; a register
        /// record's input (numbered in order of appearance), type and id — records of registers
        /// (JSON, JSON Lines, CSV, YAML) are one resource per id and type within their input
        /// (step 1 only: two registers may use one id for different things).
        enum GroupingKey: Hashable, Sendable {
            case inventory(String)
            case register(input: Int32, type: String, id: String)
        }

        /// Groups the inventory records (`kinds[i] != nil`) by `ResourceIdentity.key`, the
        /// register records by input, type and id.
        init(_ resources: borrowing [Resource], kinds: [StateKind?]) {
            precondition(resources.count < Int(Int32.max), "more records than the identity step can index")
            leader = Array(repeating: -1, count: resources.count)
            next = Array(repeating: -1, count: resources.count)
            tail = Array(repeating: -1, count: resources.count)
            // An input's records are contiguous: its path is numbered once per run of records
            // instead of being hashed with every key.
            var inputs = [Int32](repeating: -1, count: resources.count)
            var inputNumbers: [String: Int32] = [:]
            var lastInput: (file: String, number: Int32)?
            for index in resources.indices where kinds[index] == nil {
                let file = resources[index].source.file
                if let lastInput, lastInput.file == file {
                    inputs[index] = lastInput.number
                } else {
                    let input = inputNumbers[file] ?? Int32(inputNumbers.count)
                    inputNumbers[file] = input
                    lastInput = (file, input)
                    inputs[index] = input
                }
            }
            let records = copy resources
            let numbered = inputs
            firstByKey = FirstRecordTable(count: records.count) { index in
                guard kinds[index] == nil else { return .inventory(ResourceIdentity.key(of: records[index].id)) }
                return .register(input: numbered[index], type: records[index].type, id: records[index].id)
            }
            for index in resources.indices {
                let first = firstByKey.claim(index)
                if first != index { append(index, to: first) }
            }
        }

        /// Frees the key table once grouping is done: its hashes and slots, and its hold on the
        /// records (which the merge then changes in place).
        mutating func releaseKeys() { firstByKey = FirstRecordTable(count: 0) { _ in nil } }

        /// The first inventory record whose identity key is `key`, if any.
        func firstRecord(withKey key: String) -> Int? { firstByKey.first(withKey: .inventory(key)) }

        /// Adds the record at `index` (alone) to the group led by `group`.
        private mutating func append(_ index: Int, to group: Int) {
            if leader[group] < 0 {
                leader[group] = Int32(group)
                tail[group] = Int32(group)
                count += 1
            }
            next[Int(tail[group])] = Int32(index)
            tail[group] = Int32(index)
            leader[index] = Int32(group)
        }

        /// Moves the record at `index`, with its group when it leads one, into the group led by `target`.
        mutating func join(_ index: Int, into target: Int) {
            guard leader[index] >= 0 else { return append(index, to: target) }
            if leader[target] < 0 {
                leader[target] = Int32(target)
                tail[target] = Int32(target)
            } else {
                count -= 1
            }
            next[Int(tail[target])] = Int32(index)
            tail[target] = tail[index]
            var member = index
            while member >= 0 {
                leader[member] = Int32(target)
                member = Int(next[member])
            }
        }

        /// The positions that lead a group of two or more, ascending.
        var leaders: [Int] { leader.indices.filter(isLeader) }

        /// True for the record that leads a group of two or more.
        func isLeader(_ index: Int) -> Bool { Int(leader[index]) == index }

        /// True for a record merged into a group another record leads.
        func isFolded(_ index: Int) -> Bool { leader[index] >= 0 && Int(leader[index]) != index }

        /// The members of the group `group` leads, ascending.
        func members(of group: Int) -> [Int] {
            var members: [Int] = []
            var member = group
            while member >= 0 {
                members.append(member)
                member = Int(next[member])
            }
            // Ascending already unless a Terraform record joined from an earlier position.
            if zip(members, members.dropFirst()).contains(where: { $0 > $1 }) { members.sort() }
            return members
        }
    }

    // MARK: - Terraform records without a cloud id

    /// A plan record whose id is its address (the cloud id is known only after apply) joins the
    /// live record of the same provider, type and name (Azure: and resource group) when exactly
    /// one has them.
    private static func joinTerraformRecordsWithoutCloudID(_ resources: [Resource], kinds: [StateKind?], groups: inout IdentityGroups) {
        // Without a live record there is nothing to join: a run of plans alone (most CI runs)
        // skips the keys of every record, a second on one thread for a million-resource plan.
        guard kinds.contains(.live) else { return }
        let pending = resources.indices.filter { index in
            kinds[index] != nil && kinds[index] != .live && resources[index].id == resources[index].source.terraformAddress
                && groups.firstRecord(withKey: resources[index].id) == index
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
            let targets = Set(candidates.compactMap { groups.firstRecord(withKey: ResourceIdentity.key(of: resources[$0].id)) })
            guard targets.count == 1, let target = targets.first, compatibleLocation(resources[index], resources[target]) else { continue }
            groups.join(index, into: target)
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

    /// The record that stands for one input file in a group, with what ordering needs.
    private struct Member {
        /// The record kept (the newest of its file).
        var index: Int
        var kind: StateKind
        var instant: Double?
        /// Position of its file among the group's files (in record order).
        var offset: Int
        /// Records of its file equal to it (exact duplicates, or conflicting ones of the same
        /// capture): their sources follow its own.
        var duplicates: [Int] = []
    }

    /// One resource from the records at `indices` (ascending), and the warnings about them.
    private static func merge(
        _ indices: [Int], resources: [Resource], kinds: [StateKind?], precedence: StatePrecedence
    ) -> (resource: Resource, warnings: [String]) {
        var warnings: [String] = []
        // 1. One record per input file (files in the order of their first record). Groups are
        // small: files compare linearly, and usually every record is from another file.
        var members: [Member] = []
        members.reserveCapacity(indices.count)
        func kind(_ index: Int) -> StateKind { kinds[index] ?? .live }
        // Capture times order only the records of one kind (the kinds' ranks differ): they are
        // read only when two inputs of one kind describe the resource.
        func kindRepeats(_ records: [Int]) -> Bool {
            records.indices.contains { position in records[..<position].contains { kind($0) == kind(records[position]) } }
        }
        func single(_ index: Int, offset: Int, timed: Bool) -> Member {
            Member(index: index, kind: kind(index), instant: timed ? instant(of: resources[index]) : nil, offset: offset)
        }
        let distinctFiles = indices.indices.allSatisfy { position in
            indices[..<position].allSatisfy { resources[$0].source.file != resources[indices[position]].source.file }
        }
        if distinctFiles {
            let timed = kindRepeats(indices)
            for (offset, index) in indices.enumerated() { members.append(single(index, offset: offset, timed: timed)) }
        } else {
            var files: [(file: String, records: [Int])] = []
            for index in indices {
                let file = resources[index].source.file
                if let position = files.firstIndex(where: { $0.file == file }) {
                    files[position].records.append(index)
                } else {
                    files.append((file, [index]))
                }
            }
            let timed = kindRepeats(files.map { $0.records[0] })
            for (offset, entry) in files.enumerated() {
                members.append(entry.records.count == 1 ? single(entry.records[0], offset: offset, timed: timed)
                    : newest(entry.records, resources: resources, kind: kind(entry.records[0]), offset: offset, warnings: &warnings))
            }
        }
        // 2. Precedence across inputs: state, then newest capture, then the later input
        // (`members` is in file order: among equals the later input comes first).
        func precedes(_ lhs: Member, _ rhs: Member) -> Bool {
            let (left, right) = (precedence.rank(lhs.kind), precedence.rank(rhs.kind))
            if left != right { return left < right }
            if lhs.instant != rhs.instant { return (lhs.instant ?? -.infinity) > (rhs.instant ?? -.infinity) }
            return lhs.offset > rhs.offset
        }
        for position in members.indices.dropFirst() {
            var slot = position
            while slot > 0, precedes(members[slot], members[slot - 1]) {
                members.swapAt(slot, slot - 1)
                slot -= 1
            }
        }

        // 3. The merged document: the winner's members, then what the others fill. (Records are
        // read in place by index: a copy of a resource costs a reference count per field.)
        let winner = members[0].index
        var fields = resources[winner].document.objectValue ?? Fields()
        for member in members.dropFirst() {
            guard case .object(let other) = resources[member.index].document else { continue }
            if let filled = filled(fields, from: other, depth: 0, room: 3) { fields = filled }
        }
        // The cloud id wins over a Terraform address; the first known type over `other`.
        let cloudID = members.first { resources[$0.index].id != resources[$0.index].source.terraformAddress }
            .map { resources[$0.index].id } ?? resources[winner].id
        let type = members.first { resources[$0.index].type != "other" }.map { resources[$0.index].type } ?? resources[winner].type
        fields.reserveCapacity(fields.count + 3)
        fields["id"] = .string(cloudID)
        fields["type"] = .string(type)
        if let drift = drift(members, resources: resources) { fields["drift"] = drift }

        // 4. Sources: the winner's record first, then every other record of every member.
        var resource = Resource(id: cloudID, type: type, document: .object(fields), source: resources[winner].source)
        // Each record once: a supplement the linker folded into two records of the resource (a
        // CAI IAM-policy line into both the asset and its plan record) is one source, not two.
        var sources: [SourceReference] = []
        func note(_ source: SourceReference) {
            if source != resources[winner].source && !sources.contains(source) { sources.append(source) }
        }
        for source in resources[winner].mergedSources { note(source) }
        func add(_ record: Int) {
            note(resources[record].source)
            for source in resources[record].mergedSources { note(source) }
        }
        for duplicate in members[0].duplicates { add(duplicate) }
        for member in members.dropFirst() {
            add(member.index)
            for duplicate in member.duplicates { add(duplicate) }
        }
        resource.mergedSources = sources
        return (resource, warnings)
    }

    /// A record's capture time (`captured_at`) in seconds, for ordering.
    private static func instant(of resource: Resource) -> Double? {
        resource.document["captured_at"]?.stringValue.flatMap(CaptureInstant.seconds)
    }

    /// The newest record of one input; equal records of the newest capture collapse, different
    /// ones are a warning (the later wins).
    private static func newest(_ records: [Int], resources: [Resource], kind: StateKind, offset: Int, warnings: inout [String]) -> Member {
        let instants = records.map { index in instant(of: resources[index]) }
        let newestInstant = instants.compactMap { $0 }.max()
        let current = records.indices.filter { instants[$0] == newestInstant }.map { records[$0] }
        let last = current[current.count - 1]
        let kept = resources[last].document.objectValue ?? Fields()
        var duplicates: [Int] = []
        for index in current where index != last {
            if !samePositionFree(resources[index].document.objectValue ?? Fields(), kept) {
                warnings.append("\(resources[last].id): two different records in \(resources[last].source.file) claim this resource "
                                + "(\(resources[index].source.reportText) and \(resources[last].source.reportText)); the later one is used")
            }
            duplicates.append(index)
        }
        return Member(index: last, kind: kind, instant: newestInstant, offset: offset, duplicates: duplicates)
    }

    /// Members that differ between copies of one record (its position), not compared.
    private static let positionKeys: [ObjectKey] = ["source", "terraform"].map(ObjectKey.init)

    /// Equal documents apart from the members that state a record's position.
    private static func samePositionFree(_ lhs: Fields, _ rhs: Fields) -> Bool {
        var compared = 0
        for member in lhs.unorderedMembers where !positionKeys.contains(member.objectKey) {
            guard let other = rhs.value(for: member.objectKey), other == member.value else { return false }
            compared += 1
        }
        return compared == rhs.unorderedMembers.count(where: { !positionKeys.contains($0.objectKey) })
    }

    /// Top-level members a lower-precedence record never fills: the native record, the
    /// position, tags, and what the merge sets itself.
    private static let keptFromWinner: [ObjectKey] = ["attributes", "source", "tags", "id", "type", "native_type", "drift"].map(ObjectKey.init)

    /// `target` with the members it lacks taken from a lower-precedence record (objects merged
    /// member by member; unknown values never; at the top level not `keptFromWinner`); nil when
    /// nothing is taken, so that an object is copied only when it changes.
    /// `room`: members the caller adds afterwards (capacity reserved with the copy).
    private static func filled(_ target: Fields, from other: Fields, depth: Int, room: Int = 0) -> Fields? {
        var result: Fields?
        /// The copy of `target` that takes the members, made once with room for them all.
        func copyTarget() {
            guard result == nil else { return }
            var copy = target
            copy.reserveCapacity(target.count + other.count + room)
            result = copy
        }
        for member in other.unorderedMembers {
            if depth == 0, keptFromWinner.contains(member.objectKey) { continue }
            if case .unknown = member.value { continue }
            let existing = result.map { $0.value(for: member.objectKey) } ?? target.value(for: member.objectKey)
            if let existing, !existing.isNull {
                if case .object(let nested) = existing, case .object(let extra) = member.value,
                   let merged = filled(nested, from: extra, depth: depth + 1) {
                    copyTarget()
                    result?[member.key] = .object(merged)
                }
                continue
            }
            copyTarget()
            result?[member.key] = member.value
        }
        return result
    }

    // MARK: - Drift

    /// The facets on which live and Terraform records disagree; nil unless both kinds are present.
    private static func drift(_ members: [Member], resources: [Resource]) -> Value? {
        guard members.contains(where: { $0.kind == .live }), members.contains(where: { $0.kind != .live }) else { return nil }
        // Only the top-level members that differ between the records are walked facet by facet.
        let documents = members.map { resources[$0.index].document }
        let differing = differingGroups(documents.map { $0.objectValue ?? Fields() })
        var paths: [[String]] = []
        for (position, group) in driftFacetGroups.enumerated() where differing & (1 << position) != 0 { paths += group.facets }
        if differing & regionBit != 0 { paths.append(["region"]) }
        if differing & tagsBit != 0 {
            var tagKeys = Set<String>()
            for document in documents {
                for tag in document["tags"]?.objectValue ?? Fields() { tagKeys.insert(tag.key) }
            }
            paths += tagKeys.sorted().map { ["tags", $0] }
        }
        guard !paths.isEmpty else { return noDrift }
        var entries: [Value] = []
        var summary: [String] = []
        // A non-empty tag map states every tag: a key it lacks is an absent tag (null), which
        // differs from a value (an empty map may be an export that records no tags, as Config's
        // listener items). Any other facet a record does not state is left out.
        let tagged = documents.map { $0["tags"]?.objectValue.map { !$0.isEmpty } ?? false }
        for path in paths {
            var values: [(member: Member, value: Value)] = []
            for (position, member) in members.enumerated() {
                let document = documents[position]
                let tagged = tagged[position]
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
    private static let driftFacetGroups: [(key: String, facets: [[String]])] = {
        var groups: [(key: String, facets: [[String]])] = []
        for facet in Facet.allCases {
            let path = facet.components
            guard let group = path.first else { continue }
            if let position = groups.firstIndex(where: { $0.key == group }) {
                groups[position].facets.append(path)
            } else {
                groups.append((group, [path]))
            }
        }
        return groups
    }()

    /// The top-level members drift compares — the facet groups (bit = position in
    /// `driftFacetGroups`), then `region` and `tags` — each interned, with its bit.
    private static let driftKeys: [(key: ObjectKey, bit: UInt64)] = {
        let keys = driftFacetGroups.map(\.key) + ["region", "tags"]
        precondition(keys.count <= 64, "drift keys fit one 64-bit mask")
        return keys.enumerated().map { (ObjectKey($0.element), UInt64(1) << UInt64($0.offset)) }
    }()
    private static let regionBit = UInt64(1) << UInt64(driftFacetGroups.count)
    private static let tagsBit = UInt64(1) << UInt64(driftFacetGroups.count + 1)

    /// The drift keys (bits of `driftKeys`) whose values are not the same in every document:
    /// each document's members are walked once (a key one document lacks and another has differs).
    private static func differingGroups(_ objects: [Fields]) -> UInt64 {
        func bit(_ member: Fields.Member) -> UInt64 {
            for entry in driftKeys where entry.key == member.objectKey { return entry.bit }
            return 0
        }
        var differing: UInt64 = 0
        let first = objects[0]
        for other in objects.dropFirst() {
            for member in first.unorderedMembers {
                let flag = bit(member)
                if flag != 0, differing & flag == 0, other.value(for: member.objectKey) != member.value { differing |= flag }
            }
            for member in other.unorderedMembers {
                let flag = bit(member)
                if flag != 0, differing & flag == 0, first.value(for: member.objectKey) == nil { differing |= flag }
            }
        }
        return differing
    }

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
    /// resource that has it and how many do. Each range of resources is read on its own core and
    /// the ranges' codes are joined in order, so "first" is the first in the whole input.
    private static func regionWarnings(_ resources: [Resource], kinds: [StateKind?], regions: RegionCatalog) -> [String] {
        guard !regions.isEmpty else { return [] }
        let parts = ParallelMap.chunks(count: resources.count, minimumChunk: 16_384) { range in
            [unknownRegions(resources, in: range, kinds: kinds, regions: regions)]
        }
        var unknown = UnknownRegionTally()
        for part in parts {
            for entry in part[0].entries { unknown.add(entry.code, first: entry.first, count: entry.count) }
        }
        return unknown.entries.map { entry in
            let resource = resources[entry.first]
            let others = entry.count > 1 ? " and \(entry.count - 1) more" : ""
            return "\(resource.source.reportText): region '\(entry.code)' of \(resource.id)\(others) is not in the region catalog; "
                + "its jurisdiction is unknown"
        }
    }

    /// The codes of `range` that are neither in the catalog nor `global`, in the order they first
    /// appear there, with the first position and the count of each.
    private static func unknownRegions(
        _ resources: [Resource], in range: Range<Int>, kinds: [StateKind?], regions: RegionCatalog
    ) -> UnknownRegionTally {
        var known: [String: Bool] = [:]
        var unknown = UnknownRegionTally()
        var last: (code: String, isKnown: Bool)?
        for index in range where kinds[index] != nil {
            guard case .string(let code)? = resources[index].at(DocumentMemberKeys.region) else { continue }
            let isKnown: Bool
            if let last, last.code == code {
                isKnown = last.isKnown
            } else if let cached = known[code] {
                isKnown = cached
            } else {
                isKnown = code.lowercased() == "global" || regions.memberRegions(of: code) != nil
                known[code] = isKnown
            }
            last = (code, isKnown)
            guard !isKnown else { continue }
            unknown.add(code, first: index, count: 1)
        }
        return unknown
    }

    /// Region codes outside the catalog in the order they first appear, each with its first
    /// position and how many resources have it: counted within a range, then the ranges' tallies
    /// added in order.
    private struct UnknownRegionTally: Sendable {
        private(set) var entries: [(code: String, first: Int, count: Int)] = []
        private var positions: [String: Int] = [:]

        /// Counts `count` more of `code`; `first` is kept from its first addition.
        mutating func add(_ code: String, first: Int, count: Int) {
            if let position = positions[code] {
                entries[position].count += count
            } else {
                positions[code] = entries.count
                entries.append((code, first, count))
            }
        }
    }
}
