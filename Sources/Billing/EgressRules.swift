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
    /// transfer out or egress, and not ingress. Case-insensitive. It is read for every usage row,
    /// so the text is searched eight bytes at a time for the one letter each phrase has once
    /// (`g` of ingress and egress, `y` of the byte counts, `f` of transfer), and the phrases are
    /// compared only there (six searches, one per phrase, cost a tenth of a FOCUS read; a
    /// byte-by-byte pass with a switch still 7 %).
    static func text(_ text: FieldBytes) -> Bool {
        var egress = false
        var position = 0
        while true {
            let anchor = ByteText.firstIndex(of: UInt8(ascii: "g"), UInt8(ascii: "y"), UInt8(ascii: "f"), in: text, from: position, fold: 0x20)
            guard anchor < text.count else { return egress }
            switch text[anchor] | 0x20 {
            case UInt8(ascii: "g"):
                if anchor >= 2 && ByteText.hasLowercasePrefix(text, at: anchor - 2, "ingress") { return false }
                if !egress && anchor >= 1 && ByteText.hasLowercasePrefix(text, at: anchor - 1, "egress") { egress = true }
            case UInt8(ascii: "y"):
                if anchor >= 5 && ByteText.hasLowercasePrefix(text, at: anchor - 5, "-in-bytes") { return false }
                if !egress && anchor >= 6 && ByteText.hasLowercasePrefix(text, at: anchor - 6, "-out-bytes") { egress = true }
            default:
                if !egress && ((anchor >= 10 && ByteText.hasLowercasePrefix(text, at: anchor - 10, "data transfer out"))
                    || (anchor >= 9 && ByteText.hasLowercasePrefix(text, at: anchor - 9, "datatransfer-out"))) { egress = true }
            }
            position = anchor + 1
        }
    }
}
