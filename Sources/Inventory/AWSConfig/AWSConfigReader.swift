public import PolicyEngine
import TabularText

/// Reads AWS Config exports in every envelope they come in:
/// - snapshot and history files (`{"fileVersion", "configSnapshotId", "configurationItems": […]}`),
///   plain or gzip-compressed (`InventoryInput.decompressing`), streamed in bounded memory;
/// - rule events (`{"invokingEvent": "<JSON>"}` as Lambda receives them, or the decoded
///   `{"configurationItem": …, "messageType": …}`; scheduled notifications carry no item);
/// - API and CLI history (`get-resource-config-history`, `batch-get-resource-config`:
///   `configuration` as a JSON string, `baseConfigurationItems`);
/// - `select-resource-config` output (`{"Results": ["<JSON row>"…]}`);
/// - a single item or a JSON array of items;
/// - and, for the types AWS Config records, the AWS API's own answers: `backup get-backup-plan`
///   and `elbv2 describe-listeners`.
///
/// Both key spellings are accepted; deleted items are skipped; boto "placebo" recordings are
/// unwrapped. See `docs/inventory.md` for the facets per resource type.
public struct AWSConfigReader: StreamingExportReader {
    /// Files up to this size are parsed whole; larger ones (and gzip files) stream.
    var wholeFileLimit = 1 << 20

    /// Creates the reader.
    public init() {}

    /// `aws-config`.
    public var format: InputFormat { .awsConfig }

    /// Scores on the keys only Config exports have.
    public func detectionScore(sample raw: [UInt8], path: String) -> Int {
        let sample = DetectionSample(raw)
        guard sample.firstByte == UInt8(ascii: "{") || sample.firstByte == UInt8(ascii: "[") else { return 0 }
        if sample.containsKey("configurationItems") || sample.containsKey("baseConfigurationItems") { return 95 }
        if sample.containsKey("configurationItem") && sample.containsKey("resourceType") { return 95 }
        if sample.containsKey("invokingEvent") && (sample.contains("configurationItem") || sample.contains("messageType")) { return 90 }
        if sample.containsKey("Results") && (sample.containsKey("QueryInfo") || sample.containsKey("SelectFields")) { return 90 }
        if sample.contains("\"AWS::") && sample.containsKey("resourceType")
            && (sample.containsKey("configurationItemCaptureTime") || sample.containsKey("configurationStateId")) {
            return 90
        }
        if sample.containsKey("BackupPlan") && sample.containsKey("BackupPlanArn") { return 70 }
        if sample.containsKey("Listeners") && sample.containsKey("ListenerArn") { return 70 }
        return 0
    }

    /// Reads the whole file. A history (several items of one resource) keeps what its newest item
    /// says: a resource whose newest item is a deletion is dropped with all its older items (the
    /// newest of the remaining items is chosen by the identity step).
    public func read(_ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void) throws -> [Resource] {
        var deletions: [String: AWSConfigDeletion] = [:]
        let resources = try collectEntries(spec, progress: progress) { _, deleted in
            for deletion in deleted {
                let key = ResourceIdentity.key(of: deletion.id)
                if let known = deletions[key], (known.instant ?? -.infinity) > (deletion.instant ?? -.infinity) { continue }
                deletions[key] = deletion
            }
        }
        guard !deletions.isEmpty else { return resources }
        return resources.filter { resource in
            guard let deletion = deletions[ResourceIdentity.key(of: resource.id)] else { return true }
            guard let deleted = deletion.instant,
                  let captured = resource.document["captured_at"]?.stringValue.flatMap(CaptureInstant.seconds) else { return false }
            return captured > deleted
        }
    }

    /// Reads the file, handing over resources in batches (one batch per streamed block); deleted
    /// items are skipped (`read` also drops the older items of resources deleted later).
    public func forEachBatch(
        _ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void, _ body: ([Resource]) throws -> Void
    ) throws {
        _ = try collectEntries(spec, progress: progress) { resources, _ in
            try body(resources)
            resources.removeAll(keepingCapacity: true)
        }
    }

    /// The reading loop. Each batch's resources are moved (not copied: a copy retains every member
    /// on the reading thread, one core, and the batch's release releases them again) to the end of
    /// the array it returns, and `afterBatch` is handed that array with the batch's deleted items:
    /// `read` lets it grow, `forEachBatch` hands it over and empties it.
    private func collectEntries(
        _ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void,
        afterBatch: (_ resources: inout [Resource], _ deletions: [AWSConfigDeletion]) throws -> Void
    ) throws -> [Resource] {
        var resources: [Resource] = []
        let path = spec.path
        let open: (String) throws -> any ByteSource = { try InventoryInput.decompressing($0) }
        let compressed = try InventoryInput.isGzip(path: path)
        let size = try InventoryInput.plain(path).size
        let sample = DetectionSample(try open(path).head(limit: 1 << 16))
        if compressed || size > wholeFileLimit, let key = streamedArrayKey(sample) {
            var stream = JSONArrayStream(path: path, arrayKey: key.isEmpty ? nil : key)
            stream.open = open
            let retention = spec.retention
            var estimate = StreamedCountEstimate()
            // Each item is mapped to its final resource by the worker that parsed it, and its
            // tree freed there; an item that fails to map fails the batch, the first by position.
            try stream.forEachBatch(transforming: { (_, pointer, value: consuming Value) -> StreamedEntry in
                do throws(InventoryError) {
                    let (resource, deletion) = Self.entry(try ConfigurationItem(value, file: path, pointer: pointer), file: path,
                                                          pointer: pointer, retention: retention)
                    return StreamedEntry(resource: resource, deletion: deletion)
                } catch {
                    return StreamedEntry(failure: error)
                }
            }, progress: { done, total in
                estimate.progress(done, total)
                progress(done, total)
            }) { batch in
                if let capacity = estimate.capacity(after: resources.count) { resources.reserveCapacity(capacity) }
                var deletions: [AWSConfigDeletion] = []
                for index in batch.indices {
                    if let failure = batch[index].failure { throw failure }
                    if let resource = batch[index].resource.take() { resources.append(resource) }
                    if let deletion = batch[index].deletion { deletions.append(deletion) }
                }
                try afterBatch(&resources, deletions)
            }
            return resources
        }
        let root = try WholeDocument.parse(InventoryInput.normalizeEncoding(try open(path).readAll()), file: path)
        var found: [(item: Value, pointer: String)] = []
        for document in RecordedResponses.documents(in: root) {
            found += try items(in: document.value, pointer: document.pointer, file: path)
        }
        let mapped = try ParallelMap.map(found, minimumChunk: ParallelRelease.minimumChunk) { entry in
            Self.entry(try ConfigurationItem(entry.item, file: path, pointer: entry.pointer), file: path,
                       pointer: entry.pointer.isEmpty ? nil : entry.pointer, retention: spec.retention)
        }
        progress(size, size)
        resources = mapped.compactMap(\.resource)
        try afterBatch(&resources, mapped.compactMap(\.deletion))
        return resources
    }

    /// A streamed item mapped on its worker (its resource, or the deletion it records), or why it
    /// could not be. Optional members, so that the resource is moved out of its batch (`take()`).
    private struct StreamedEntry: Sendable {
        var resource: Resource?
        var deletion: AWSConfigDeletion?
        var failure: InventoryError?
    }

    /// One item as a resource (keeping of the item what `retention` says), or as the deletion it records.
    private static func entry(
        _ item: ConfigurationItem, file: String, pointer: String?, retention: RecordRetention
    ) -> (resource: Resource?, deletion: AWSConfigDeletion?) {
        if let deletion = AWSConfigMapping.deletion(item, file: file, pointer: pointer) { return (nil, deletion) }
        guard let resource = AWSConfigMapping.resource(item, file: file, pointer: pointer, line: nil) else { return (nil, nil) }
        return (resource.resource(keeping: item.raw, linked: AWSConfigMapping.linkedAttributes, as: retention), nil)
    }

    /// The array to stream for a large file: `""` for a root array, else the root key.
    private func streamedArrayKey(_ sample: DetectionSample) -> String? {
        if sample.firstByte == UInt8(ascii: "[") { return "" }
        return sample.rootKeys.first { $0 == "configurationItems" || $0 == "baseConfigurationItems" }
    }

    // MARK: - Envelopes

    /// The configuration items in a document, with their pointers.
    private func items(in document: Value, pointer: String, file: String) throws -> [(item: Value, pointer: String)] {
        switch document {
        case .array(let elements):
            return elements.enumerated().map { ($1, "\(pointer)/\($0)") }
        case .object(let fields):
            for key in ["configurationItems", "baseConfigurationItems"] {
                if let list = fields[key]?.arrayValue {
                    return list.enumerated().map { ($1, "\(pointer)/\(key)/\($0)") }
                }
            }
            if let item = fields["configurationItem"], item.objectValue != nil {
                return [(item, "\(pointer)/configurationItem")]
            }
            if let event = fields["invokingEvent"] {
                return try items(in: EmbeddedJSON.decode(event), pointer: "\(pointer)/invokingEvent", file: file)
            }
            if fields["messageType"] != nil {
                return []  // a scheduled or oversized-item notification: no item inside
            }
            if let rows = fields["Results"]?.arrayValue {
                return rows.enumerated().map { (EmbeddedJSON.decode($1), "\(pointer)/Results/\($0)") }
            }
            if let plan = fields["BackupPlan"], plan.objectValue != nil {
                return [(Self.backupPlanItem(document), pointer)]
            }
            if let listeners = fields["Listeners"]?.arrayValue {
                return listeners.enumerated().map { (Self.listenerItem($1), "\(pointer)/Listeners/\($0)") }
            }
            if fields["resourceType"] != nil || fields["configurationItemCaptureTime"] != nil {
                return [(document, pointer)]
            }
            throw InventoryError.unexpectedStructure(
                file: file, pointer: pointer,
                expected: "an AWS Config export (configurationItems, configurationItem, invokingEvent, Results, or a configuration item)")
        default:
            throw InventoryError.unexpectedStructure(file: file, pointer: pointer, expected: "an AWS Config export (an object or an array of items)")
        }
    }

    /// A configuration item for a `backup get-backup-plan` answer.
    private static func backupPlanItem(_ answer: Value) -> Value {
        var configuration = answer.objectValue ?? Fields()
        configuration["ResponseMetadata"] = nil
        let arn = answer.at("BackupPlanArn")?.text
        return apiItem(type: "AWS::Backup::BackupPlan", arn: arn, resourceID: answer.at("BackupPlanId")?.text,
                       name: answer.at("BackupPlan", "BackupPlanName")?.text, configuration: .object(configuration))
    }

    /// A configuration item for one `elbv2 describe-listeners` entry (same keys as Config's).
    private static func listenerItem(_ listener: Value) -> Value {
        let arn = listener.at("ListenerArn")?.text
        return apiItem(type: "AWS::ElasticLoadBalancingV2::Listener", arn: arn, resourceID: arn, name: nil, configuration: listener)
    }

    private static func apiItem(type: String, arn: String?, resourceID: String?, name: String?, configuration: Value) -> Value {
        let parsed = arn.flatMap(LocationCodes.ARN.init)
        var fields = Fields()
        fields["resourceType"] = .string(type)
        fields["ARN"] = arn.map(Value.string)
        fields["resourceId"] = resourceID.map(Value.string)
        fields["resourceName"] = name.map(Value.string)
        fields["awsRegion"] = parsed.map { .string($0.region) }
        fields["awsAccountId"] = parsed.map { .string($0.account) }
        fields["configurationItemStatus"] = .string("OK")
        fields["configuration"] = configuration
        return .object(fields)
    }
}
