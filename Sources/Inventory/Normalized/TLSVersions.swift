/// Normalizes TLS versions and named TLS policies to the facet form `"1.0"`…`"1.3"`.
///
/// Named-policy tables: ELB policies per
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
/// (`ELBSecurityPolicy-TLS13-1-2-…` accepts TLS 1.2 and up, `-FS-1-1-…` 1.1, `-2016-08` 1.0);
/// OpenSearch `Policy-Min-TLS-1-x-…`; CloudFront `TLSv1`, `TLSv1_2016`, `TLSv1.1_2016`,
/// `TLSv1.2_2021`; Azure Application Gateway predefined policies.
enum TLSVersions {
    /// `"1.x"` from a version text: `TLS1_2`, `TLSv1.2`, `TLS_1_2`, `1.2`, `TLSv1` (= 1.0),
    /// `TLSv1_2016` (= 1.0), `TLSv1.2_2021`. Nil for anything else (`SSLv3`, `None`).
    static func normalized(_ text: String) -> String? {
        var rest = Substring(text.lowercased())
        if rest.hasPrefix("tlsv") {
            rest = rest.dropFirst(4)
        } else if rest.hasPrefix("tls") {
            rest = rest.dropFirst(3)
        }
        while rest.first == "_" || rest.first == "-" || rest.first == " " { rest = rest.dropFirst() }
        guard rest.first == "1" else { return nil }
        rest = rest.dropFirst()
        guard let separator = rest.first else { return "1.0" }
        guard separator == "." || separator == "_" || separator == "-" else { return nil }
        let digits = rest.dropFirst().prefix(while: { $0.isNumber })
        switch digits.count {
        case 1:
            guard let minor = digits.first, ("0"..."3").contains(minor) else { return nil }
            return "1.\(minor)"
        case 4:
            return "1.0"  // `TLSv1_2016`: a year, no minor version
        default:
            return nil
        }
    }

    /// Minimum TLS version of an ELB (ALB/NLB) security policy.
    static func elbPolicy(_ name: String) -> String? {
        // Policy names are ASCII: read as bytes (the Substring and Character steps below cost
        // about 9,000 instructions a listener); any other name takes those steps.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return elbPolicyASCII(Array(name.utf8)) }
        guard name.hasPrefix("ELBSecurityPolicy-") else { return nil }
        let rest = name.dropFirst("ELBSecurityPolicy-".count)
        for prefix in ["TLS13-1-", "FS-1-", "TLS-1-"] where rest.hasPrefix(prefix) {
            let minor = rest.dropFirst(prefix.count).prefix(1)
            return ("0"..."3").contains(minor) ? "1.\(minor)" : nil
        }
        // `ELBSecurityPolicy-2016-08`, `-2015-05`, `-FS-2018-06`: the TLS 1.0 compatible policies.
        if rest.first?.isNumber == true || rest.hasPrefix("FS-20") { return "1.0" }
        return nil
    }

    /// `elbPolicy` of a name's ASCII bytes.
    private static func elbPolicyASCII(_ bytes: [UInt8]) -> String? {
        func has(_ prefix: String, at offset: Int) -> Bool {
            bytes.count - offset >= prefix.utf8.count && bytes[offset..<(offset + prefix.utf8.count)].elementsEqual(prefix.utf8)
        }
        let start = 18  // after "ELBSecurityPolicy-"
        guard has("ELBSecurityPolicy-", at: 0) else { return nil }
        for prefix in ["TLS13-1-", "FS-1-", "TLS-1-"] where has(prefix, at: start) {
            let position = start + prefix.utf8.count
            guard position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "3")).contains(bytes[position]) else { return nil }
            return "1." + String(UnicodeScalar(bytes[position]))
        }
        // `ELBSecurityPolicy-2016-08`, `-2015-05`, `-FS-2018-06`: the TLS 1.0 compatible policies.
        if start < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[start]) || has("FS-20", at: start) { return "1.0" }
        return nil
    }

    /// Minimum TLS version of an OpenSearch `TLSSecurityPolicy`.
    static func openSearchPolicy(_ name: String) -> String? {
        guard let rest = name.text(after: "Min-TLS-1-") else { return nil }
        let minor = rest.prefix(1)
        return ("0"..."3").contains(minor) ? "1.\(minor)" : nil
    }

    /// Minimum TLS version of an Azure Application Gateway predefined SSL policy.
    static func appGatewayPolicy(_ name: String) -> String? {
        switch name {
        case "AppGwSslPolicy20150501": return "1.0"
        case "AppGwSslPolicy20170401": return "1.1"
        case "AppGwSslPolicy20170401S", "AppGwSslPolicy20220101", "AppGwSslPolicy20220101S": return "1.2"
        default: return nil
        }
    }
}
