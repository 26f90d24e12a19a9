/// One input as configured: a path, an optional forced format, and record mapping options.
public struct InputSpec: Sendable, Hashable {
    /// The path as given (shown in messages and evidence).
    public var path: String
    /// Forced format; detected from content when nil.
    public var format: InputFormat?
    /// Record mapping (record formats only).
    public var mapping: RecordMapping
    /// How much of each record's native form the reader keeps under `attributes` (readers of
    /// formats with a native record: AWS Config, Terraform plans).
    public var nativeRecord: NativeRecordRetention = .whole

    /// Creates a spec.
    public init(path: String, format: InputFormat? = nil, mapping: RecordMapping = RecordMapping()) {
        self.path = path
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
