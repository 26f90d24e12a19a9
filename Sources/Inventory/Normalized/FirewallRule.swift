import PolicyEngine

/// One rule of a security group, NSG or firewall in the neutral form of the `network.rules`
/// facet. Each reader pulls the native values out of its own fields (AWS `ipPermissions`, NSG
/// `securityRules`, GCP firewall entries, Terraform blocks and rule resources) and builds it here, so every
/// cloud's rules read the same: `{direction, action, protocol, ports, sources | destinations}`.
/// Terraform's "known after apply" passes through as `unknown` at the level it is unknown.
struct FirewallRule {
    /// Which traffic the rule governs.
    enum Direction: String {
        /// Traffic arriving at the protected resources; its peers are `sources`.
        case ingress
        /// Traffic leaving them; its peers are `destinations`.
        case egress
    }

    /// Ingress or egress.
    var direction: Direction
    /// Whether the rule allows (AWS security-group rules always do) or denies.
    var allows = true
    /// The protocol as the source writes it (`tcp`, `6`, `-1`, `all`, `*`, `Tcp`).
    var nativeProtocol: Value?
    /// The first port (AWS `fromPort`), as the source writes it.
    var fromPort: Value?
    /// The last port (AWS `toPort`), as the source writes it.
    var toPort: Value?
    /// The CIDR blocks the rule names: lists of strings (IPv4 and IPv6 together), any of them
    /// possibly `unknown`.
    var peerLists: [Value?] = []

    /// The normalized protocol: `all` for every protocol (`-1`, `all`, `*`), names for the IANA
    /// numbers of TCP, UDP, ICMP and ICMPv6, lower-case otherwise; nil when the source says nothing.
    var protocolName: Value? {
        guard let native = nativeProtocol else { return nil }
        if native.isUnknown { return .unknown }
        guard let text = native.text?.lowercased() else { return nil }
        switch text {
        case "-1", "all", "*": return .string("all")
        case "6": return .string("tcp")
        case "17": return .string("udp")
        case "1": return .string("icmp")
        case "58": return .string("icmpv6")
        default: return .string(text)
        }
    }

    /// `{from, to}`: the stated range for TCP, UDP and all protocols (a missing or `-1` bound means
    /// every port; AWS readers drop the ports of `-1` rules, which apply to every port); absent for
    /// protocols without ports.
    var ports: Value? {
        switch protocolName {
        case .unknown?: return .unknown
        case .string("all")?, .string("tcp")?, .string("udp")?:
            if fromPort?.isUnknown == true || toPort?.isUnknown == true { return .unknown }
            let from = fromPort?.numberFacet?.doubleValue
            let to = toPort?.numberFacet?.doubleValue
            guard let from, let to, from >= 0, to >= 0 else { return Self.range(0, 65_535) }
            return Self.range(from, to)
        default:
            return nil
        }
    }

    /// The peers' CIDR blocks, sorted and without repeats; `unknown` when any list is.
    var peers: Value {
        var blocks = Set<String>()
        for list in peerLists {
            guard let list else { continue }
            if list.isUnknown { return .unknown }
            for element in list.arrayValue ?? [list] {
                if element.isUnknown { return .unknown }
                if let text = element.text, !text.isEmpty { blocks.insert(text) }
            }
        }
        return .array(blocks.sorted().map(Value.string))
    }

    /// The rule as a facet element.
    var value: Value {
        var fields = Fields()
        fields["direction"] = .string(direction.rawValue)
        fields["action"] = .string(allows ? "allow" : "deny")
        fields["protocol"] = protocolName
        fields["ports"] = ports
        fields[direction == .ingress ? "sources" : "destinations"] = peers
        return .object(fields)
    }

    private static func range(_ from: Double, _ to: Double) -> Value {
        var fields = Fields()
        fields["from"] = .number(from)
        fields["to"] = .number(to)
        return .object(fields)
    }

    /// `(from, to)` per port-range text (`"22"`, `"1000-2000"`, `"*"`; Azure `destinationPortRange(s)`,
    /// GCP `ports[]`); `*` is every port (nil bounds), an unknown text unknown bounds. No text at all
    /// is one range of every port.
    static func portRanges(_ texts: [Value]) -> [(from: Value?, to: Value?)] {
        guard !texts.isEmpty else { return [(nil, nil)] }
        return texts.map { text in
            if text.isUnknown { return (.unknown, .unknown) }
            let parts = (text.text ?? "*").split(separator: "-", maxSplits: 1).map { Value.string(String($0)) }
            guard let first = parts.first, first.text != "*" else { return (nil, nil) }
            return (first, parts.count == 2 ? parts[1] : first)
        }
    }

    /// Address prefixes as CIDR blocks: `*`, `Internet`, `Any` (Azure) are `0.0.0.0/0` and `::/0`;
    /// addresses and blocks stay; other service tags (`VirtualNetwork`, `AzureLoadBalancer`) name no
    /// block and are left out. Unknown stays unknown.
    static func addressPrefixes(_ values: [Value?]) -> Value {
        var blocks: [Value] = []
        for value in values {
            guard let value else { continue }
            if value.isUnknown { return .unknown }
            for item in value.arrayValue ?? [value] {
                if item.isUnknown { return .unknown }
                guard let text = item.text else { continue }
                switch text.lowercased() {
                case "*", "internet", "any": blocks += [.string("0.0.0.0/0"), .string("::/0")]
                default: if IPBlock(parsing: text) != nil { blocks.append(.string(text)) }
                }
            }
        }
        return .array(blocks)
    }

    /// A rule of a direction whose rules are not known yet: every other field `unknown`.
    static func unknownRule(_ direction: Direction) -> Value {
        var fields = Fields()
        fields["direction"] = .string(direction.rawValue)
        for key in ["action", "protocol", "ports", direction == .ingress ? "sources" : "destinations"] { fields[key] = .unknown }
        return .object(fields)
    }

    /// The `network.rules` facet of these rules.
    static func facet(_ rules: [FirewallRule]) -> Value { .array(rules.map(\.value)) }
}
