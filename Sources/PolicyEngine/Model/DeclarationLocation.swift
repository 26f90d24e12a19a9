/// Where a resource is declared in infrastructure-as-code: its Terraform address and, when the
/// configuration was found (`--tf-root`), the `.tf` file and line of its `resource` block.
///
/// Set by the Terraform source locator (Inventory); reports show it as `file:line` beside the
/// address, SARIF and CI annotations point at it.
public struct DeclarationLocation: Sendable, Hashable {
    /// The Terraform address (`module.lake.aws_s3_bucket.this["raw"]`).
    public var address: String
    /// The `.tf` file holding the block, relative to the working directory as given (nil: not located).
    public var file: String?
    /// 1-based line of the block's `resource` keyword (nil: not located).
    public var line: Int?

    /// Creates a location.
    public init(address: String, file: String? = nil, line: Int? = nil) {
        self.address = address
        self.file = file
        self.line = line
    }

    /// `file:line` when located, else nil.
    public var fileLine: String? {
        guard let file else { return nil }
        return line.map { "\(file):\($0)" } ?? file
    }

    /// `main.tf:12 aws_s3_bucket.logs`, or the address alone when not located.
    public var displayText: String {
        fileLine.map { "\($0) \(address)" } ?? address
    }
}

/// Immutable box of a declaration location (see `SourceReference.declaration`).
final class DeclarationBox: Sendable, Hashable {
    let location: DeclarationLocation

    init(_ location: DeclarationLocation) { self.location = location }

    static func == (lhs: DeclarationBox, rhs: DeclarationBox) -> Bool { lhs.location == rhs.location }

    func hash(into hasher: inout Hasher) { hasher.combine(location) }
}
