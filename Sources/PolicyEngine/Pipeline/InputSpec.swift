/// One input as configured: a path, an optional forced format, and record mapping options.
public struct InputSpec: Sendable, Hashable {
    /// The path as given (shown in messages and evidence).
    public var path: String
    /// Forced format; detected from content when nil.
    public var format: InputFormat?
    /// Record mapping (record formats only).
    public var mapping: RecordMapping

    /// Creates a spec.
    public init(path: String, format: InputFormat? = nil, mapping: RecordMapping = RecordMapping()) {
        self.path = path
        self.format = format
        self.mapping = mapping
    }
}
