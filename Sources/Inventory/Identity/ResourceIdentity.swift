public import PolicyEngine

/// Which state of the world a record describes.
public enum StateKind: String, CaseIterable, Sendable {
    /// What the cloud reports now: AWS Config, Resource Graph, Cloud Asset Inventory, the IAM
    /// credential report, Route 53 record sets.
    case live
    /// What Terraform last applied (`terraform show -json` of the state).
    case applied
    /// What a Terraform plan would make it (`terraform show -json` of a plan).
    case desired

    /// The kind of state an inventory format describes; nil for record and billing formats.
    public static func of(_ format: InputFormat) -> StateKind? {
        switch format {
        case .awsConfig, .gcpAssetInventory, .azureResourceGraph, .awsIAMCredentialReport, .awsRoute53: return .live
        case .terraformState: return .applied
        case .terraformPlan: return .desired
        case .json, .jsonl, .yaml, .csv, .focus, .awsCUR, .awsCUR2, .azureCost, .gcpBilling, .costGroups: return nil
        }
    }
}

/// Whose values win when live and Terraform state describe one resource (`state_precedence:` in
/// the config). The other records fill only what the winner does not say.
public enum StatePrecedence: String, CaseIterable, Sendable {
    /// Live state, then applied, then desired: an audit of what runs (the default).
    case live
    /// Desired, then applied, then live: a review of what a change would make.
    case desired

    /// The rank of a state kind (lower wins).
    func rank(_ kind: StateKind) -> Int {
        switch (self, kind) {
        case (.live, .live), (.desired, .desired): return 0
        case (_, .applied): return 1
        case (.live, .desired), (.desired, .live): return 2
        }
    }
}

/// The identity rules: which records are one resource, and the other names a resource answers to.
///
/// - The canonical identity is the resource's `id`: the ARN, the ARM id, the CAI full resource
///   name, the Route 53 record key, or the Terraform address when the cloud id is not known yet.
///   ARM ids compare case-insensitively (ARM treats them so; Resource Graph lower-cases parts that
///   Terraform and ARM spell in mixed case); every other id compares exactly.
/// - A Terraform record whose cloud id is unknown (its `id` is its address) is the live resource
///   of the same provider, type and name (and, for Azure, resource group) when exactly one live
///   record has them: a plan that creates or replaces a resource Config already reports.
/// - Aliases, which waivers and baselines match: the id, the native id (`vol-…`, the bucket name, the ARM name)
///   and every Terraform address with its module path.
public enum ResourceIdentity {
    /// The key records of one resource share: the id, lower-cased for ARM ids (`ResourceKey`).
    public static func key(of id: String) -> String { ResourceKey.of(id) }

    /// True for Azure Resource Manager ids (`/subscriptions/…`, any case).
    public static func isARMID(_ id: String) -> Bool { ResourceKey.isARMID(id) }

    /// The names a resource answers to besides its id, for waivers and baselines: the native id
    /// and every Terraform address of its sources (module path included), without duplicates and
    /// without the id itself.
    public static func aliases(of resource: Resource) -> [String] {
        var names: [String] = []
        func add(_ name: String?) {
            guard let name, !name.isEmpty, name != resource.id, !names.contains(name) else { return }
            names.append(name)
        }
        if case .string(let native)? = resource.document["native_id"] { add(native) }
        add(resource.source.terraformAddress)
        for source in resource.mergedSources { add(source.terraformAddress) }
        return names
    }

    /// Aliases by resource id for the resources that have any (of those whose id is in `ids`,
    /// when given); built only when something (a waiver, a baseline) needs them.
    public static func aliasTable(_ resources: [Resource], ids: Set<String>? = nil) -> [String: [String]] {
        var table: [String: [String]] = [:]
        for resource in resources {
            if let ids, !ids.contains(resource.id) { continue }
            let names = aliases(of: resource)
            if !names.isEmpty { table[resource.id, default: []].append(contentsOf: names) }
        }
        return table
    }
}

/// A capture time as seconds since the epoch, for ordering versions of one resource: ISO 8601
/// with an optional fraction and a `Z` or `±hh:mm` offset (AWS Config writes both).
enum CaptureInstant {
    static func seconds(_ text: String) -> Double? {
        guard text.utf8.count >= 10, let date = CivilDate(parsing: text.prefix(10)) else { return nil }
        // Read in place (every merged record has a capture time; a copy of its bytes would cost
        // an allocation each).
        var text = text
        return text.withByteView { bytes in seconds(Double(date.daysSinceEpoch) * 86_400, timeOf: bytes) }
    }

    /// `seconds` (the date's) plus the time of day and offset that follow the date in `bytes`.
    private static func seconds(_ day: Double, timeOf bytes: ByteView) -> Double {
        var seconds = day
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return seconds }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return seconds }
        seconds += Double(hour * 3600 + minute * 60 + second)
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                seconds += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
           let offsetHours = number(index + 1..<index + 3) {
            let minutesStart = index + 3 < bytes.count && bytes[index + 3] == UInt8(ascii: ":") ? index + 4 : index + 3
            let offset = Double(offsetHours * 3600 + (number(minutesStart..<minutesStart + 2) ?? 0) * 60)
            seconds += bytes[index] == UInt8(ascii: "+") ? -offset : offset
        }
        return seconds
    }
}
