/// One input as configured: a path, an optional forced format, and record mapping options.
public struct InputSpec: Sendable, Hashable {
    /// The path as given (shown in messages and evidence). Interned (`InternedText`): every
    /// resource read from the input holds it in its source, and so does each of its findings.
    public var path: String {
        didSet { path = InternedText.of(path) }
    }
    /// Forced format; detected from content when nil.
    public var format: InputFormat?
    /// Record mapping (record formats only).
    public var mapping: RecordMapping
    /// How much of each record's native form the reader keeps under `attributes` (readers of
    /// formats with a native record: AWS Config, Terraform plans).
    public var nativeRecord: NativeRecordRetention = .whole
    /// How much of the document's `source` object the reader builds (the readers of cloud
    /// inventories, whose records are mapped to the normalized model).
    public var sourceObject: SourceObjectRetention = .whole

    /// What the reader keeps of each record: `nativeRecord` and `sourceObject` together.
    public var retention: RecordRetention {
        get { RecordRetention(nativeRecord: nativeRecord, sourceObject: sourceObject) }
        set {
            nativeRecord = newValue.nativeRecord
            sourceObject = newValue.sourceObject
        }
    }

    /// Creates a spec.
    public init(path: String, format: InputFormat? = nil, mapping: RecordMapping = RecordMapping()) {
        self.path = InternedText.of(path)
        self.format = format
        self.mapping = mapping
    }
}

/// How much of a record's native form (the Config item, the Terraform values) a reader keeps
/// under the resource's `attributes`.
public enum NativeRecordRetention: String, Sendable, Hashable {
    /// All of it: a policy may read any `attributes.…` path.
    case whole
    /// Only what the linking passes read (parameter group names, backup plan ids …) and a digest
    /// of the rest, so that two different records of one resource are still told apart: for runs
    /// whose policies read no `attributes` path. The native record is most of a resource's memory.
    case linkingOnly = "linking-only"

    /// `linkingOnly` unless a policy has an `attributes` step in one of its paths.
    public static func needed(by policies: [Policy]) -> NativeRecordRetention {
        policies.contains { $0.hasPathStep(named: "attributes") } ? .whole : .linkingOnly
    }
}

/// How much of the document's `source` object (`format`, `file`, `pointer`, `line`) a reader
/// builds. Where a resource was read is kept on the resource itself (`Resource.source`, what
/// findings and reports show) either way; the object repeats it for policies that read it.
public enum SourceObjectRetention: String, Sendable, Hashable {
    /// All of it: a policy may read any `source.…` path.
    case whole
    /// Only `format`, the one member the linking passes read, in one object shared by every
    /// document of the format: for runs whose policies read no `source` path. The whole object
    /// was an allocation of about 150 bytes for every resource.
    case formatOnly = "format-only"

    /// `formatOnly` unless a policy has a `source` step in one of its paths.
    public static func needed(by policies: [Policy]) -> SourceObjectRetention {
        policies.contains { $0.hasPathStep(named: "source") } ? .whole : .formatOnly
    }
}

/// What a reader keeps of each record beyond what the normalized model needs: of the native
/// record (`attributes`) and of the `source` object. Both follow from the policies' paths.
public struct RecordRetention: Sendable, Hashable {
    /// What of the native record is kept under `attributes`.
    public var nativeRecord: NativeRecordRetention
    /// What of the `source` object is built.
    public var sourceObject: SourceObjectRetention

    /// Creates a retention.
    public init(nativeRecord: NativeRecordRetention = .whole, sourceObject: SourceObjectRetention = .whole) {
        self.nativeRecord = nativeRecord
        self.sourceObject = sourceObject
    }

    /// Everything kept: a run whose policies may read any path.
    public static let whole = RecordRetention()

    /// What the policies read: the native record and the `source` object each kept whole only
    /// when a policy has a step of that name in one of its paths.
    public static func needed(by policies: [Policy]) -> RecordRetention {
        RecordRetention(nativeRecord: .needed(by: policies), sourceObject: .needed(by: policies))
    }
}
