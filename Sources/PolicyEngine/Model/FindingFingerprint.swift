/// The stable identity of a finding across runs: what baselines and history diffs compare.
///
/// A fingerprint is the SHA-256 (lower-case hex) of a canonical text built from the policy id,
/// the resource id and the set of facts that failed — each evidence item's path and actual
/// value, normalised and sorted. It deliberately leaves out everything that changes when the
/// same problem is found again: the input file, its order and line numbers, the message text,
/// the severity or enforcement, the status (a waived failure keeps its fingerprint) and the
/// expectation text (a parameter change does not turn an old problem into a new one).
///
/// Canonical text (every component written as `<UTF-8 byte count>:<text>`, so no separator can
/// be forged by the data): `assay.finding.v1`, policy id, resource key (`ResourceKey.of`: the
/// id, lower-cased for ARM ids), then each distinct fact
/// in byte order. A fact is `path` with every element index `[n]` replaced by `[*]`, a NUL byte,
/// then the actual value as compact JSON with sorted keys and sorted array elements (the token
/// `missing` when the path was absent). docs/history.md states the same definition.
extension Finding {
    /// The fingerprint's version marker; changing the definition means a new marker.
    public static let fingerprintVersion = "assay.finding.v1"

    /// SHA-256 of policy id, resource key and the normalised failed facts (see the type comment).
    public var fingerprint: String { fingerprint(resource: resource, keyed: true) }

    /// The fingerprint as versions before resource identity wrote it: the resource id as spelled,
    /// also for ARM ids. Equal to `fingerprint` except for ARM ids with upper-case letters; results
    /// documents written then are still accepted (`RunResultCodec`).
    public var fingerprintBeforeResourceKeys: String { fingerprint(resource: resource, keyed: false) }

    /// The fingerprint this finding has when its resource is named `name` — another name the
    /// resource answers to (its Terraform address, ARN or native id): what a baseline that knew
    /// the resource under that name recorded for the same problem.
    public func fingerprint(resourceNamed name: String) -> String { fingerprint(resource: name, keyed: true) }

    /// The Terraform addresses (module path included) of the finding's sources, in source order,
    /// without repeats: names its resource answers to besides its id.
    public var terraformAddresses: [String] {
        var addresses: [String] = []
        for source in sources {
            if let address = source.terraformAddress, !addresses.contains(address) { addresses.append(address) }
        }
        return addresses
    }

    /// The fingerprint's digest, hashed at the end of `bytes`: its canonical bytes are written
    /// there, padded and hashed in one call, and cut off again (`bytes` ends as it began). What
    /// the JSON report writes for every finding: a run listing its passes fingerprints every
    /// one of them, and a buffer, a padding array and a hasher's own buffer per finding cost
    /// more than the hashing.
    func fingerprintDigest(hashingAtEndOf bytes: inout [UInt8]) -> SHA256.Digest {
        let start = bytes.count
        appendCanonicalBytes(resource: resource, keyed: true, to: &bytes)
        let digest = SHA256.digest(ofMessageFrom: start, paddingIn: &bytes)
        bytes.removeSubrange(start...)
        return digest
    }

    /// The fingerprint with `resource` as the resource component: its key (`ResourceKey`) when
    /// `keyed`, else as spelled.
    private func fingerprint(resource: String, keyed: Bool) -> String {
        var message: [UInt8] = []
        message.reserveCapacity(256)
        appendCanonicalBytes(resource: resource, keyed: keyed, to: &message)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        SHA256.digest(ofMessageFrom: 0, paddingIn: &message).appendHex(to: &hex)
        return String(decoding: hex, as: UTF8.self)
    }

    /// The canonical text (see the type comment), appended to `canonical`: the one place that
    /// writes it. The resource component is `resource`'s key when `keyed`, else `resource`.
    private func appendCanonicalBytes(resource: String, keyed: Bool, to canonical: inout [UInt8]) {
        // Written straight into the canonical bytes: a million findings are fingerprinted when
        // the JSON report is written, and building the components as strings first (an array of
        // them, each fact concatenated) cost as much as the rest of the finding's JSON.
        canonical.append(contentsOf: Self.versionComponent)
        Self.appendComponent(policy, to: &canonical)
        if keyed {
            ResourceKey.appendComponent(of: resource, to: &canonical)
        } else {
            Self.appendComponent(resource, to: &canonical)
        }
        let evidence = self.evidence
        if evidence.count == 1 {
            Self.appendComponent(Self.fact(evidence[0]), to: &canonical)
        } else if evidence.count > 1 {
            // Distinct as strings (canonically equivalent texts are one fact), in byte order.
            let facts = Set(evidence.map { String(decoding: Self.fact($0), as: UTF8.self) })
            for fact in facts.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { Self.appendComponent(fact, to: &canonical) }
        }
    }

    /// `fingerprintVersion` as its component, written once.
    private static let versionComponent: [UInt8] = {
        var component: [UInt8] = []
        appendComponent(fingerprintVersion, to: &component)
        return component
    }()

    /// `<UTF-8 byte count>:<bytes>` of a string.
    private static func appendComponent(_ text: String, to canonical: inout [UInt8]) {
        text.withByteViewInPlace { appendComponent($0, to: &canonical) }
    }

    /// `<UTF-8 byte count>:<bytes>` of an array of bytes.
    private static func appendComponent(_ bytes: [UInt8], to canonical: inout [UInt8]) {
        bytes.withByteView { appendComponent($0, to: &canonical) }
    }

    /// `<byte count>:<bytes>`.
    static func appendComponent(_ bytes: ByteView, to canonical: inout [UInt8]) {
        appendComponentHeader(count: bytes.count, to: &canonical)
        canonical.append(contentsOf: bytes)
    }

    /// `<byte count>:`, the count in decimal digits.
    static func appendComponentHeader(count: Int, to canonical: inout [UInt8]) {
        var divisor = 1
        while divisor <= count / 10 { divisor *= 10 }
        var rest = count
        while divisor > 0 {
            canonical.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
        canonical.append(UInt8(ascii: ":"))
    }

    /// One fact's bytes: the normalised path, a NUL byte, the actual value's normalised compact
    /// JSON or `missing`.
    private static func fact(_ item: Evidence) -> [UInt8] {
        var fact: [UInt8] = []
        fact.reserveCapacity(item.path.utf8.count + 24)
        fact.append(contentsOf: normalisedPath(item.path).utf8)
        fact.append(0)
        if let actual = item.actual {
            JSONWriter.write(normalised(actual), into: &fact, indentBytes: nil, level: 0)
        } else {
            fact.append(contentsOf: "missing".utf8)
        }
        return fact
    }

    /// `regions[2].kms` → `regions[*].kms`: the position of an element in an exported array is
    /// not part of the problem.
    static func normalisedPath(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: "[")) else { return path }
        var output = ""
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            if character == "[",
               let close = path[index...].firstIndex(of: "]"),
               close > path.index(after: index),
               path[path.index(after: index)..<close].allSatisfy({ ("0"..."9").contains($0) }) {
                output += "[*]"
                index = path.index(after: close)
                continue
            }
            output.append(character)
            index = path.index(after: index)
        }
        return output
    }

    /// The value with every array's elements in the byte order of their compact JSON, so that
    /// the order of a list in the export does not matter. Objects are already key-sorted.
    static func normalised(_ value: Value) -> Value {
        switch value {
        case .array(let items):
            let elements = items.map { item in
                let normal = normalised(item)
                return (text: Array(JSONWriter.compact(normal).utf8), value: normal)
            }
            return .array(elements.sorted { $0.text.lexicographicallyPrecedes($1.text) }.map(\.value))
        case .object(let fields):
            return .object(Fields(fields.map { ($0.key, normalised($0.value)) }))
        case .null, .bool, .number, .decimal, .string, .unknown:
            return value
        }
    }
}
