/// Where a resource is declared in infrastructure-as-code: its Terraform address and, when the
/// configuration was found (`--tf-root`), the `.tf` file and line of its `resource` block.
///
/// Set by the Terraform source locator (Inventory); reports show it as `file:line` beside the
/// address, SARIF and CI annotations point at it.
public struct DeclarationLocation: Sendable, Hashable {
    /// The Terraform address (`module.lake.aws_s3_bucket.this["raw"]`).
    public var address: String
    /// The `.tf` file and the 1-based line of the block's `resource` keyword, the file relative to
    /// the working directory as given (nil: not located).
    public var location: SourceLocation?

    /// Creates a declaration at `location` (nil: not located yet).
    public init(address: String, location: SourceLocation? = nil) {
        self.address = address
        self.location = location
    }

    /// Creates a declaration in `file` at `line`.
    public init(address: String, file: String?, line: Int? = nil) {
        self.init(address: address, location: file.map { SourceLocation(file: $0, line: line) })
    }

    /// The `.tf` file holding the block (nil: not located).
    public var file: String? { location?.file }
    /// 1-based line of the block's `resource` keyword (nil: not located).
    public var line: Int? { location?.line }

    /// `file:line` when located, else nil.
    public var fileLine: String? { location?.lineColumnText }

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
