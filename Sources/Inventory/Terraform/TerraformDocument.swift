import PolicyEngine

/// One managed resource instance of a Terraform `show -json` document, before mapping.
struct TerraformResourceRecord: Sendable {
    /// Full address (`module.app["eu"].aws_s3_bucket.logs[0]`).
    var address: String
    /// Module instance address (`module.app["eu"]`); nil in the root module.
    var moduleAddress: String?
    /// Resource type (`aws_s3_bucket`).
    var type: String
    /// Provider source (`registry.terraform.io/hashicorp/aws`).
    var providerName: String
    /// Attribute values, with `.unknown` where the plan says "known after apply".
    var values: Value
    /// Planned actions (plans only).
    var actions: [String]?
    /// JSON pointer of the record.
    var pointer: String

    /// The provider's short name (`aws`, `azurerm`, `google`).
    var providerShortName: String {
        let name = LocationCodes.lastSegment(providerName)
        return name.hasSuffix("-beta") ? String(name.dropLast(5)) : name
    }
}

/// What the whole document tells about each resource: provider regions (per provider
/// configuration key, aliases included) and configuration references between resources.
struct TerraformContext: Sendable {
    /// Provider configuration key (`aws`, `aws.eu`, `module.x:aws`) → its `region` expression's value.
    let providerRegions: [String: String]
    /// Configuration address (module path without instance keys + `type.name`) → provider key.
    let providerKeys: [String: String]
    /// Configuration address → attribute path → referenced resource addresses (as written).
    let references: [String: [String: [String]]]

    /// An empty context (no configuration block).
    init() {
        providerRegions = [:]
        providerKeys = [:]
        references = [:]
    }

    /// Reads `configuration` and `variables` of a plan or state document.
    init(configuration: Value?, variables: Value?) {
        var regions: [String: String] = [:]
        for member in configuration?.at("provider_config")?.objectValue ?? Fields() {
            let expression = member.value.at("expressions", "region")
            if let constant = expression?.at("constant_value")?.text {
                regions[member.key] = constant
            } else if let reference = expression?.at("references")?.elements.first?.text, reference.hasPrefix("var.") {
                let name = String(reference.dropFirst(4))
                if let value = (variables?.at(name, "value") ?? configuration?.at("root_module", "variables", name, "default"))?.text {
                    regions[member.key] = value
                }
            }
        }
        providerRegions = regions
        var keys: [String: String] = [:]
        var references: [String: [String: [String]]] = [:]
        Self.walk(configuration?.at("root_module"), modulePath: "", keys: &keys, references: &references)
        providerKeys = keys
        self.references = references
    }

    private static func walk(_ module: Value?, modulePath: String, keys: inout [String: String], references: inout [String: [String: [String]]]) {
        guard let module else { return }
        for resource in module.at("resources")?.elements ?? [] {
            guard let address = resource.at("address")?.text, resource.at("mode")?.text != "data" else { continue }
            let configAddress = modulePath + address
            if let key = resource.at("provider_config_key")?.text { keys[configAddress] = key }
            var found: [String: [String]] = [:]
            collectReferences(resource.at("expressions"), path: [], into: &found)
            if !found.isEmpty { references[configAddress] = found }
        }
        for call in module.at("module_calls")?.objectValue ?? Fields() {
            walk(call.value.at("module"), modulePath: modulePath + "module.\(call.key).", keys: &keys, references: &references)
        }
    }

    /// Resource references per attribute path (`bucket`, `rule.destination.bucket`), attribute
    /// suffixes removed (`aws_s3_bucket.b[0].id` → `aws_s3_bucket.b[0]`).
    private static func collectReferences(_ expressions: Value?, path: [String], into found: inout [String: [String]]) {
        switch expressions {
        case .object(let fields)?:
            if let list = fields["references"]?.arrayValue {
                let resources = list.compactMap { $0.text.flatMap(resourceReference) }
                if !resources.isEmpty {
                    let key = path.joined(separator: ".")
                    var merged = found[key] ?? []
                    for resource in resources where !merged.contains(resource) { merged.append(resource) }
                    found[key] = merged
                }
                return
            }
            for member in fields where member.key != "constant_value" {
                collectReferences(member.value, path: path + [member.key], into: &found)
            }
        case .array(let items)?:
            for item in items { collectReferences(item, path: path, into: &found) }
        default:
            break
        }
    }

    /// `type.name[index]` of a reference to a managed resource; nil for variables, locals, data
    /// sources, module outputs and other symbols.
    static func resourceReference(_ text: String) -> String? {
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        let head = String(parts[0])
        if ["var", "local", "data", "module", "count", "each", "path", "self", "terraform"].contains(head) { return nil }
        guard head.includes("_") else { return nil }
        return "\(head).\(parts[1])"
    }

    /// The address without instance keys (`module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`).
    static func configurationAddress(_ address: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(address.utf8.count)
        var depth = 0
        var inQuote = false
        for byte in address.utf8 {
            if inQuote {
                if byte == UInt8(ascii: "\"") { inQuote = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "\"") where depth > 0: inQuote = true
            default: if depth == 0 { result.append(byte) }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The provider region for a resource: its provider configuration's `region`, following
    /// aliases and module-scoped keys back to the root configuration.
    func providerRegion(address: String, providerShortName: String) -> String? {
        let configAddress = Self.configurationAddress(address)
        var key = providerKeys[configAddress] ?? providerShortName
        if let region = providerRegions[key] { return region }
        if let colon = key.lastIndex(of: ":") {
            key = String(key[key.index(after: colon)...])
            if let region = providerRegions[key] { return region }
        }
        return providerRegions[providerShortName]
    }

    /// Referenced resources per attribute path, as full addresses in the referring module instance.
    func references(address: String, moduleAddress: String?) -> [String: [String]] {
        // A plan's changes are mapped while it streams, before its configuration is read: the
        // context is empty then, and the address is not worth cutting for it (every change).
        guard !references.isEmpty, let found = references[Self.configurationAddress(address)] else { return [:] }
        let prefix = moduleAddress.map { $0 + "." } ?? ""
        return found.mapValues { $0.map { prefix + $0 } }
    }
}

/// Helpers over `show -json` documents shared by the plan and state readers.
enum TerraformDocument {
    /// The whole document (UTF-8 with or without BOM, or UTF-16 as PowerShell writes it), which
    /// must be a JSON object.
    static func parseWhole(path: String) throws -> Value {
        let root = try WholeDocument.read(path: path)
        guard root.objectValue != nil else {
            throw InventoryError.unexpectedStructure(file: path, pointer: "", expected: "a Terraform `show -json` object, found a \(root.kindName)")
        }
        return root
    }

    /// Records mapped to engine resources on all cores, in order, keeping of each record's values
    /// what `retention` says. The records are handed over: what the resources do not keep of
    /// them is freed on all cores, not one tree after another by the caller.
    static func map(
        _ records: consuming [TerraformResourceRecord], context: TerraformContext, format: InputFormat, file: String,
        retention: RecordRetention
    ) -> [Resource] {
        var mapped = ParallelMap.map(records, minimumChunk: ParallelRelease.minimumChunk) { record -> Resource? in
            guard let resource = TerraformMapping.resource(record, context: context, format: format, file: file) else { return nil }
            return resource.resource(keeping: record.values, linked: TerraformMapping.linkedAttributes, as: retention)
        }
        ParallelRelease.release(consume records)
        var resources: [Resource] = []
        resources.reserveCapacity(mapped.count)
        resources.appendTakingEach(&mapped)
        return resources
    }

    /// A plan change mapped while the plan streams, before its `configuration` (at the end of the
    /// file) is known. Most resources need it only for the Terraform block's references, so
    /// they are built as engine resources with their batch and their native record is dropped
    /// then; `finish` only adds the references. (The mapped changes used to wait for the end as
    /// normalized resources and were built there, so that a million of them and the million
    /// finished resources existed at once: the peak of a 1M-resource plan.)
    enum StreamedChange: Sendable {
        /// The engine resource, its `terraform` block complete but for the references. Nothing
        /// else of the change is kept: the block holds the address and module `finish` reads
        /// (the record beside each resource was about 200 bytes a resource at the end of a read).
        case built(Resource)
        /// The record of a resource whose region comes from its provider configuration, mapped at the end.
        case deferred(TerraformResourceRecord)
    }

    /// One streamed `resource_changes` entry, mapped as far as it can be without the
    /// configuration; nil for what `changeRecord` and the mapping leave out.
    static func streamedChange(_ change: Value, pointer: String, format: InputFormat, file: String,
                               retention: RecordRetention) -> StreamedChange? {
        guard let record = changeRecord(change, pointer: pointer),
              let resource = TerraformMapping.resource(record, context: TerraformContext(), format: format, file: file)
        else { return nil }
        // Without the configuration the region is unknown only when it would come from it.
        guard resource.region != nil else { return .deferred(record) }
        return .built(resource.resource(keeping: record.values, linked: TerraformMapping.linkedAttributes, as: retention))
    }

    /// The streamed changes, batch by batch, as engine resources once the configuration is
    /// known: references added, deferred records mapped. The batches are finished on all cores,
    /// each owned by the worker that finishes it (so a resource's document changes in place).
    /// Their resources are then moved, in order, to the end of the array this returns (not
    /// copied: a copy retains every member on the calling thread, one core), and `afterBatch`
    /// is handed that array after each batch (`read` lets it grow, `forEachBatch` hands it over
    /// and empties it).
    static func finish(
        _ batches: consuming [[StreamedChange?]], context: TerraformContext, format: InputFormat, file: String,
        retention: RecordRetention, afterBatch: (inout [Resource]) throws -> Void
    ) rethrows -> [Resource] {
        let count = batches.count
        let pending = ResultSlots<[StreamedChange?]>(count: count)
        var total = 0
        for (index, batch) in batches.enumerated() {
            total += batch.count
            pending.store(batch, at: index)
        }
        _ = consume batches
        let finished = ResultSlots<[Resource?]>(count: count)
        ParallelMap.forEach(count: count) { index in
            var batch = pending.take(at: index) ?? []
            var resources: [Resource?] = []
            resources.reserveCapacity(batch.count)
            for position in batch.indices {
                guard let change = batch[position].take() else { continue }
                resources.append(completed(change, context: context, format: format, file: file, retention: retention))
            }
            finished.store(resources, at: index)
        }
        var resources: [Resource] = []
        resources.reserveCapacity(total)
        for index in 0..<count {
            var batch = finished.take(at: index) ?? []
            resources.appendTakingEach(&batch)
            try afterBatch(&resources)
        }
        return resources
    }

    /// One change as an engine resource: the Terraform block's references added to a resource
    /// built with its batch (its block is complete when the configuration gives none), or the
    /// deferred record mapped now.
    private static func completed(
        _ change: consuming StreamedChange, context: TerraformContext, format: InputFormat, file: String,
        retention: RecordRetention
    ) -> Resource? {
        switch consume change {
        case .built(var resource):
            // The address and module as the block holds them (`terraformBlock` wrote them from the record).
            // Read by path, not through a local copy of the block: a copy still held would make
            // the write below copy the block's members.
            typealias Key = TerraformMapping.BlockKeys
            let block = DocumentMemberKeys.terraform
            if let address = resource.at(block, Key.address)?.text,
               let references = TerraformMapping.referencesMember(
                   address: address, moduleAddress: resource.at(block, Key.module)?.stringValue, context: context) {
                resource.set(references, at: Key.referencesPath[...])
            }
            return resource
        case .deferred(let record):
            guard let resource = TerraformMapping.resource(record, context: context, format: format, file: file) else { return nil }
            return resource.resource(keeping: record.values, linked: TerraformMapping.linkedAttributes, as: retention)
        }
    }

    /// Throws unless `format_version` is 0.x or 1.x.
    static func checkVersion(_ version: Value?, file: String) throws(InventoryError) {
        guard let text = version?.text, let major = text.split(separator: ".").first, major == "0" || major == "1" else {
            throw .unexpectedStructure(
                file: file, pointer: "/format_version",
                expected: "a Terraform `show -json` document with format_version 0.x or 1.x, found \(version?.displayText ?? "none")")
        }
    }

    /// `after` with every attribute that `after_unknown` marks replaced by `.unknown` (attributes
    /// that are only known after apply are absent from `after`).
    static func merge(_ after: Value?, unknown: Value?) -> Value? {
        switch unknown {
        case .bool(true)?:
            return .unknown
        case .object(let marks)?:
            var fields = after?.objectValue ?? Fields()
            guard after == nil || after?.objectValue != nil else { return after }
            // Stored order (the merged members do not depend on it) with the marks' own key
            // hashes; a `false` mark leaves its member as it is, so it is not written back (real
            // plans mark every attribute, and a write copies the members `after` still holds).
            for mark in marks.unorderedMembers {
                switch mark.value {
                case .bool(true), .object, .array: break
                default: continue
                }
                if let merged = merge(fields.value(for: mark.objectKey), unknown: mark.value) { fields[mark.objectKey] = merged }
            }
            return after == nil && fields.isEmpty ? nil : .object(fields)
        case .array(let marks)?:
            guard after == nil || after?.arrayValue != nil else { return after }
            var items = after?.arrayValue ?? []
            for (index, mark) in marks.enumerated() {
                if index < items.count {
                    items[index] = merge(items[index], unknown: mark) ?? items[index]
                } else if let merged = merge(nil, unknown: mark) {
                    items.append(merged)
                }
            }
            return after == nil && items.isEmpty ? nil : .array(items)
        default:
            return after
        }
    }

    /// Managed resources of a `values`-shaped module tree (state `values.root_module`, plan
    /// `planned_values.root_module`), depth first, with pointers.
    static func moduleResources(_ module: Value?, pointer: String, into records: inout [TerraformResourceRecord]) {
        guard let module else { return }
        let moduleAddress = module.at("address")?.text
        for (index, resource) in (module.at("resources")?.arrayValue ?? []).enumerated() {
            guard resource.at("mode")?.text != "data", resource.at("deposed_key") == nil,
                let address = resource.at("address")?.text, let type = resource.at("type")?.text
            else { continue }
            records.append(TerraformResourceRecord(
                address: address, moduleAddress: moduleAddress, type: type,
                providerName: resource.at("provider_name")?.text ?? type.split(separator: "_").first.map(String.init) ?? "",
                values: resource.at("values") ?? .object(Fields()), actions: nil, pointer: "\(pointer)/resources/\(index)"))
        }
        for (index, child) in (module.at("child_modules")?.arrayValue ?? []).enumerated() {
            moduleResources(child, pointer: "\(pointer)/child_modules/\(index)", into: &records)
        }
    }

    /// The record of one `resource_changes` entry; nil for data sources and resources the plan
    /// deletes or forgets.
    static func changeRecord(_ change: Value, pointer: String) -> TerraformResourceRecord? {
        typealias Key = ChangeKeys
        typealias Shared = TerraformMapping.BlockKeys
        guard change.at(Key.mode)?.text != "data", let address = change.at(Shared.address)?.text, let type = change.at(Shared.type)?.text else {
            return nil
        }
        let body = change.at(Key.change)
        let actions = body?.at(Shared.actions)?.elements.compactMap(\.text) ?? []
        if actions == ["delete"] || actions == ["forget"] || actions == ["read"] { return nil }
        let values = merge(body?.at(Key.after), unknown: body?.at(Key.afterUnknown)) ?? .object(Fields())
        return TerraformResourceRecord(
            address: address, moduleAddress: change.at(Key.moduleAddress)?.text, type: type,
            providerName: change.at(Key.providerName)?.text ?? "", values: values, actions: actions, pointer: pointer)
    }

    /// The members `changeRecord` reads of every resource change, interned once (a million
    /// changes in a large plan, ten lookups each); `address`, `type` and `actions` are the
    /// Terraform block's names (`TerraformMapping.BlockKeys`), not declared again.
    private enum ChangeKeys {
        static let mode = DocumentKey("mode")
        static let change = DocumentKey("change")
        static let after = DocumentKey("after")
        static let afterUnknown = DocumentKey("after_unknown")
        static let moduleAddress = DocumentKey("module_address")
        static let providerName = DocumentKey("provider_name")
    }
}
