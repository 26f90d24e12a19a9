public import PolicyEngine
import TabularText

/// Reads the AWS IAM credential report (`aws iam generate-credential-report`, then
/// `get-credential-report`): the CSV itself, or the JSON answer whose `Content` holds it
/// base64-encoded. One `identity.principal` per row (`<root_account>` as `root`), with password,
/// MFA and access-key facts that AWS Config does not record. `N/A`, `no_information` and
/// `not_supported` mean absent; booleans come in either case. `InventoryNormalizer.link` merges
/// a row into the AWS Config item of the same user.
public struct IAMCredentialReportReader: ExportReader {
    /// Creates the reader.
    public init() {}

    /// `aws-iam-credential-report`.
    public var format: InputFormat { .awsIAMCredentialReport }

    /// The report's fixed header, or the JSON answer around it.
    public func detectionScore(sample raw: [UInt8], path: String) -> Int {
        let sample = DetectionSample(raw)
        let header = sample.firstLine.hasPrefix("\u{FEFF}") ? String(sample.firstLine.dropFirst()) : sample.firstLine
        if header.hasPrefix("user,arn,user_creation_time") { return 100 }
        if sample.containsKey("ReportFormat") && sample.containsKey("Content") { return 90 }
        return 0
    }

    /// Reads every row.
    public func read(_ spec: InputSpec, progress: @Sendable (_ done: Int, _ total: Int) -> Void) throws -> [Resource] {
        let path = spec.path
        let raw = try InventoryInput.readText(path: path)
        let table = try CSVTable(bytes: try csvBytes(raw, path: path), file: path)
        guard table.header.contains("user"), table.header.contains("arn") else {
            throw InventoryError.unexpectedStructure(file: path, pointer: "", expected: "an IAM credential report (columns user, arn, …)", line: 1, column: 1)
        }
        progress(raw.count, raw.count)
        return table.rows.compactMap { row in
            var cells: [String: String] = [:]
            for (name, cell) in zip(table.header, row.cells) { cells[name] = cell }
            return principal(cells, header: table.header, file: path, line: row.line)?.resource(for: spec)
        }
    }

    /// The CSV bytes: the file itself, or the `Content` of a JSON answer (base64, or already decoded).
    private func csvBytes(_ raw: [UInt8], path: String) throws -> [UInt8] {
        guard raw.first(where: { $0 > 0x20 }) == UInt8(ascii: "{") else { return raw }
        let root = try WholeDocument.parse(raw, file: path)
        for document in RecordedResponses.documents(in: root) {
            guard let content = document.value.at("Content")?.text else { continue }
            if content.hasPrefix("user,") { return Array(content.utf8) }
            if let decoded = Base64.decode(content) { return decoded }
            throw InventoryError.unexpectedStructure(file: path, pointer: document.pointer + "/Content", expected: "base64-encoded CSV")
        }
        throw InventoryError.unexpectedStructure(file: path, pointer: "", expected: "a get-credential-report answer with `Content`")
    }

    private func principal(_ cells: [String: String], header: [String], file: String, line: Int) -> NormalizedResource? {
        guard let arn = cells["arn"], !arn.isEmpty else { return nil }
        let user = cells["user"] ?? ""
        let isRoot = user == "<root_account>"
        var resource = NormalizedResource(
            id: arn, provider: .aws, kind: .identityPrincipal, nativeType: isRoot ? "AWS::IAM::RootAccount" : "AWS::IAM::User",
            attributes: .object(Fields(header.map { ($0, Value.string(cells[$0] ?? "")) })), format: .awsIAMCredentialReport,
            source: SourceReference(file: file, line: line))
        resource.name = user
        resource.nativeID = user
        resource.region = "global"
        resource.account = LocationCodes.ARN(arn)?.account
        resource[.principalType] = .string(isRoot ? "root" : "user")
        resource.set(.identityCreatedAt, timestamp(cells["user_creation_time"]))
        resource.set(.passwordEnabled, flag(cells["password_enabled"]))
        resource.set(.passwordLastUsedAt, timestamp(cells["password_last_used"]))
        resource.set(.mfaActive, flag(cells["mfa_active"]))
        var keys: [Value] = []
        var activeKeys = 0
        var lastUses = [cells["password_last_used"]].compactMap { timestamp($0)?.stringValue }
        for number in 1...2 {
            let prefix = "access_key_\(number)_"
            guard let active = flag(cells[prefix + "active"]) else { continue }
            var key = Fields()
            key["id"] = .string(String(number))
            key["active"] = active
            key["last_rotated_at"] = timestamp(cells[prefix + "last_rotated"])
            key["last_used_at"] = timestamp(cells[prefix + "last_used_date"])
            key["last_used_region"] = text(cells[prefix + "last_used_region"])
            key["last_used_service"] = text(cells[prefix + "last_used_service"])
            keys.append(.object(key))
            if active == .bool(true) { activeKeys += 1 }
            if let used = timestamp(cells[prefix + "last_used_date"])?.stringValue { lastUses.append(used) }
        }
        resource[.accessKeys] = .array(keys)
        resource[.accessKeysActive] = .number(Double(activeKeys))
        lastUses.sort { (CivilDate(parsing: $0).map(\.daysSinceEpoch) ?? 0, $0) < (CivilDate(parsing: $1).map(\.daysSinceEpoch) ?? 0, $1) }
        resource.set(.identityLastUsedAt, lastUses.last.map(Value.string))
        return resource
    }

    /// Cells that mean "no value".
    private static let absent: Set<String> = ["", "N/A", "no_information", "not_supported"]

    private func text(_ cell: String?) -> Value? {
        guard let cell, !Self.absent.contains(cell) else { return nil }
        return .string(cell)
    }

    private func timestamp(_ cell: String?) -> Value? {
        guard let value = text(cell), let text = value.stringValue, CivilDate(parsing: text) != nil else { return nil }
        return value
    }

    private func flag(_ cell: String?) -> Value? {
        text(cell)?.boolFacet
    }
}

/// Standard base64 (RFC 4648) decoding, whitespace ignored.
enum Base64 {
    /// The decoded bytes; nil for text that is not base64.
    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text.utf8 {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="), 0x20, 0x0A, 0x0D, 0x09: continue
            default: return nil
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return output
    }
}
