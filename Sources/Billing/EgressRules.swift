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
    /// transfer out or egress, and not ingress. Case-insensitive, in one pass over the text (it is
    /// read for every usage row; six searches, one per phrase, cost a tenth of a FOCUS read).
    static func text(_ text: FieldBytes) -> Bool {
        var egress = false
        var index = 0
        while index < text.count {
            switch text[index] | 0x20 {
            case UInt8(ascii: "i"):
                if ByteText.hasLowercasePrefix(text, at: index, "ingress") { return false }
            case UInt8(ascii: "-"):
                if ByteText.hasLowercasePrefix(text, at: index, "-in-bytes") { return false }
                if !egress && ByteText.hasLowercasePrefix(text, at: index, "-out-bytes") { egress = true }
            case UInt8(ascii: "d"):
                if !egress && (ByteText.hasLowercasePrefix(text, at: index, "data transfer out")
                    || ByteText.hasLowercasePrefix(text, at: index, "datatransfer-out")) { egress = true }
            case UInt8(ascii: "e"):
                if !egress && ByteText.hasLowercasePrefix(text, at: index, "egress") { egress = true }
            default:
                break
            }
            index += 1
        }
        return egress
    }
}
