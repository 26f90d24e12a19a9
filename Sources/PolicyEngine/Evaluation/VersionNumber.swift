/// A dotted version normalised from the spellings found in cloud exports: `1.2`, `TLSv1.2`,
/// `TLS1_2`, `TLS 1.2`, `tls1.2`, `v14.3.1`. Numeric components compare in order; missing trailing
/// components count as zero (`1.2` == `1.2.0`). Up to eight components are kept inline (no
/// allocation: versions are compared for every resource a TLS rule sees); later ones are ignored.
public struct VersionNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var storage: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var count = 0

    /// The numeric components.
    public var components: [Int] { (0..<count).map { Int(self[$0]) } }

    private subscript(index: Int) -> Int32 {
        get {
            switch index {
            case 0: return storage.0
            case 1: return storage.1
            case 2: return storage.2
            case 3: return storage.3
            case 4: return storage.4
            case 5: return storage.5
            case 6: return storage.6
            case 7: return storage.7
            default: return 0
            }
        }
        set {
            switch index {
            case 0: storage.0 = newValue
            case 1: storage.1 = newValue
            case 2: storage.2 = newValue
            case 3: storage.3 = newValue
            case 4: storage.4 = newValue
            case 5: storage.5 = newValue
            case 6: storage.6 = newValue
            case 7: storage.7 = newValue
            default: break
            }
        }
    }

    /// Parses the first run of digits separated by `.`, `_` or `-` after an optional alphabetic
    /// prefix. Nil when the text holds no digits.
    public init?(parsing text: String) {
        var copy = text
        guard let parsed = copy.withByteView({ VersionNumber(utf8: $0) }) else { return nil }
        self = parsed
    }

    private init?(utf8: ByteView) {
        var current: Int32?
        var started = false
        for byte in utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                let digit = Int32(byte - 0x30)
                current = min((current ?? 0) &* 10 &+ digit, 999_999_999)
                started = true
                continue
            }
            if let value = current {
                append(value)
                current = nil
            }
            if started && !(byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")) { break }
        }
        if let value = current { append(value) }
        guard count > 0 else { return nil }
    }

    private mutating func append(_ value: Int32) {
        guard count < 8 else { return }
        self[count] = value
        count += 1
    }

    /// A version from a document value (numbers such as `1.2` are read through their text).
    public init?(value: Value) {
        switch value {
        case .string(let text): self.init(parsing: text)
        case .number(let number): self.init(parsing: JSONWriter.format(number))
        case .decimal(let decimal): self.init(parsing: decimal.description)
        default: return nil
        }
    }

    /// Component-wise order with zero padding.
    public static func < (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        for index in 0..<max(lhs.count, rhs.count) where lhs[index] != rhs[index] {
            return lhs[index] < rhs[index]
        }
        return false
    }

    /// Equality with zero padding.
    public static func == (lhs: VersionNumber, rhs: VersionNumber) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    /// Hashes without trailing zeros, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        var last = count
        while last > 1 && self[last - 1] == 0 { last -= 1 }
        for index in 0..<last { hasher.combine(self[index]) }
    }

    /// Dotted text.
    public var description: String { components.map(String.init).joined(separator: ".") }
}

/// An IPv4 or IPv6 block (a plain address is a /32 or /128 block).
public struct IPBlock: Sendable, Hashable, CustomStringConvertible {
    /// 4 for IPv4, 6 for IPv6.
    public let family: Int
    /// The address as a 128-bit integer (IPv4 in the low 32 bits).
    public let address: UInt128
    /// Prefix length.
    public let prefix: Int

    /// Parses `a.b.c.d[/n]` or an IPv6 address with optional `/n`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let first = parts.first else { return nil }
        let addressText = String(first)
        if addressText.contains(":") {
            guard let parsed = Self.parseIPv6(addressText) else { return nil }
            family = 6
            address = parsed
        } else {
            guard let parsed = Self.parseIPv4(addressText) else { return nil }
            family = 4
            address = UInt128(parsed)
        }
        let width = family == 4 ? 32 : 128
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...width).contains(length) else { return nil }
            prefix = length
        } else {
            prefix = width
        }
    }

    private init(family: Int, address: UInt128, prefix: Int) {
        self.family = family
        self.address = address
        self.prefix = prefix
    }

    private var width: Int { family == 4 ? 32 : 128 }

    private var mask: UInt128 {
        guard prefix > 0 else { return 0 }
        let full: UInt128 = family == 4 ? 0xFFFF_FFFF : UInt128.max
        return (full << UInt128(width - prefix)) & full
    }

    /// The first address of the block.
    public var network: UInt128 { address & mask }

    /// True when every address of `self` lies inside `other`.
    public func isWithin(_ other: IPBlock) -> Bool {
        family == other.family && prefix >= other.prefix && (address & other.mask) == other.network
    }

    /// True when the two blocks share an address.
    public func overlaps(_ other: IPBlock) -> Bool { isWithin(other) || other.isWithin(self) }

    /// Non-public ranges: RFC 1918, loopback, link-local, CGNAT, "this network", documentation,
    /// benchmarking, multicast and reserved (IPv4); loopback, unspecified, ULA, link-local,
    /// documentation and multicast (IPv6).
    private static let privateBlocks: [IPBlock] = [
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10",
        "0.0.0.0/32", "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
        "224.0.0.0/4", "240.0.0.0/4", "::1/128", "::/128", "fc00::/7", "fe80::/10", "2001:db8::/32", "ff00::/8",
    ].compactMap { IPBlock(parsing: $0) }

    /// True when the block contains any address outside the non-public ranges.
    public var reachesPublicSpace: Bool {
        // A block is private only if it lies entirely within one private range.
        !Self.privateBlocks.contains { isWithin($0) }
    }

    /// Canonical text (`10.0.0.0/8`).
    public var description: String {
        if family == 4 {
            let value = UInt32(truncatingIfNeeded: address)
            return "\(value >> 24).\((value >> 16) & 255).\((value >> 8) & 255).\(value & 255)/\(prefix)"
        }
        var groups: [String] = []
        for index in stride(from: 112, through: 0, by: -16) {
            groups.append(String(UInt16(truncatingIfNeeded: address >> UInt128(index)), radix: 16))
        }
        return groups.joined(separator: ":") + "/\(prefix)"
    }

    private static func parseIPv4(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, let number = UInt32(octet), number <= 255 else { return nil }
            value = value << 8 | number
        }
        return value
    }

    private static func parseIPv6(_ text: String) -> UInt128? {
        var halves: [String] = []
        var remainder = Substring(text)
        while let range = remainder.firstRange(of: "::") {
            halves.append(String(remainder[..<range.lowerBound]))
            remainder = remainder[range.upperBound...]
        }
        halves.append(String(remainder))
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (position, piece) in pieces.enumerated() {
                if piece.contains("."), position == pieces.count - 1, let v4 = parseIPv4(String(piece)) {
                    result.append(UInt16(v4 >> 16))
                    result.append(UInt16(v4 & 0xFFFF))
                } else {
                    guard !piece.isEmpty, piece.count <= 4, let group = UInt16(piece, radix: 16) else { return nil }
                    result.append(group)
                }
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all: [UInt16]
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            all = head
        }
        guard all.count == 8 else { return nil }
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }
}
