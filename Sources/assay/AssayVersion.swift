/// The version recorded in every output.
enum AssayVersion {
    /// Semantic version of this build.
    static let current = "0.1.0"
}
