import PolicyEngine

/// The resource types a policy may name in `applies_to.types`: the normalized types, the
/// register record types (docs/registers.md), cost groups, and any type the run's inputs declare.
/// A cloud-native spelling (`aws_s3_bucket`, `AWS::S3::Bucket`, `Microsoft.Storage/storageAccounts`,
/// `google_storage_bucket`, `storage.googleapis.com/Bucket`) is not a type a policy matches: the
/// readers normalize it, so `suggestion(for:)` names the normalized type instead.
public enum ResourceTypeVocabulary {
    /// Record types of the registers Assay documents (docs/registers.md); the operational
    /// documents are `Resilience.OperationalDocuments.Kind` (a test keeps the two lists equal).
    public static let registerTypes = ["application", "dr.test", "access.review", "ops.runbook", "ops.continuity_plan", "ops.incident_playbook"]

    /// Every type known without a config: normalized types, register types and `cost.group`.
    public static let builtinTypes: [String] = ResourceKind.allCases.map(\.rawValue) + registerTypes + [ResourceCorpus.costGroupType]

    /// The normalized type of a cloud-native type name, when a reader maps it.
    public static func normalizedType(forNative name: String) -> String? {
        if let kind = TerraformMapping.kinds[name] ?? AWSConfigMapping.kinds[name] ?? GCPAssetMapping.kinds[name]
            ?? AzureMapping.kinds[name.lowercased()]
        {
            return kind.rawValue
        }
        // Sub-resources and unmapped types of a provider namespace (`Microsoft.Storage/…`,
        // `AWS::S3::…`): the normalized type of the namespace's mapped types, when there is one.
        let lower = name.lowercased()
        let namespace: String
        if lower.hasPrefix("microsoft."), let slash = lower.firstIndex(of: "/") {
            namespace = String(lower[...slash])
        } else if lower.hasPrefix("aws::"), let end = lower.range(of: "::", range: lower.index(lower.startIndex, offsetBy: 5)..<lower.endIndex) {
            namespace = String(lower[..<end.upperBound])
        } else {
            return nil
        }
        if namespace == "microsoft.storage/" { return ResourceKind.storageBucket.rawValue }
        let all = AzureMapping.kinds.map { ($0.key, $0.value) } + AWSConfigMapping.kinds.map { ($0.key.lowercased(), $0.value) }
        let kinds = Set(all.filter { $0.0.hasPrefix(namespace) }.map(\.1.rawValue))
        return kinds.count == 1 ? kinds.first : nil
    }

    /// Why `pattern` names no known type, with a suggestion; nil when it is known (a glob is known
    /// when it matches a known type).
    public static func problem(with pattern: String, declared: [String] = []) -> String? {
        let known = builtinTypes + declared
        if !Glob(pattern).isLiteral {
            if known.contains(where: Glob(pattern).matches) { return nil }
        } else if known.contains(pattern) {
            return nil
        }
        if let normalized = normalizedType(forNative: pattern) {
            return "'\(pattern)' is a cloud-native type name; Assay normalizes it to '\(normalized)' (write types: [\(normalized)])"
        }
        let hint = NameSuggester.suggestion(for: pattern, among: known.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown resource type '\(pattern)'\(hint): neither a normalized type (docs/inventory.md), a register type, "
            + "nor a type declared by the config's inputs"
    }
}
