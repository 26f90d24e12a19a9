/// Egress detection (BILLING.md §7): no format has an egress column, so it is derived from
/// transfer types, destinations and usage-type or meter text.
enum EgressRules {
    /// AWS CUR: `transferType` is an outbound kind, or the destination is the Internet, or the
    /// usage type is `…DataTransfer-Out-Bytes` / `…-AWS-Out-Bytes` (inter-region). Ingress never.
    static func awsCUR(usageType: FieldBytes, transferType: FieldBytes, toLocation: FieldBytes, interRegion: Bool) -> Bool {
        if ByteText.hasSuffix(usageType, "-In-Bytes") { return false }
        if ByteText.equalsLowercase(transferType, "aws outbound") { return true }
        if ByteText.equalsLowercase(transferType, "interregion outbound") { return interRegion }
        if ByteText.equalsLowercase(toLocation, "external") { return true }
        if ByteText.hasSuffix(usageType, "DataTransfer-Out-Bytes") { return true }
        if ByteText.hasSuffix(usageType, "-AWS-Out-Bytes") { return interRegion }
        return false
    }

    /// Free text (FOCUS usage type or description, Azure meter name, GCP SKU): mentions data
    /// transfer out or egress, and not ingress.
    static func text(_ text: FieldBytes) -> Bool {
        if ByteText.containsLowercase(text, "ingress") || ByteText.containsLowercase(text, "-in-bytes") { return false }
        return ByteText.containsLowercase(text, "data transfer out") || ByteText.containsLowercase(text, "egress")
            || ByteText.containsLowercase(text, "datatransfer-out") || ByteText.containsLowercase(text, "-out-bytes")
    }
}
