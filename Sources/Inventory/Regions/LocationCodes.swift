import PolicyEngine

/// Region facts hidden inside identifiers: ARN fields, availability-zone names, GCP zone and
/// region URLs, Azure display names.
enum LocationCodes {
    /// The parts of an ARN (`arn:partition:service:region:account:resource`); nil for non-ARNs.
    struct ARN {
        /// `aws`, `aws-cn`, `aws-us-gov`.
        var partition: String
        /// `s3`, `kms`, `rds` …
        var service: String
        /// Region field (empty for global services and S3).
        var region: String
        /// Account field (empty for S3).
        var account: String
        /// Everything after the account.
        var resource: String

        /// The region field as a region code: an availability zone written there (AWS's own
        /// documentation shows `us-west-2b`) becomes its region.
        var regionCode: String { awsRegion(ofZone: region) ?? region }

        init?(_ text: String) {
            guard text.hasPrefix("arn:") else { return nil }
            let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6 else { return nil }
            partition = String(parts[1])
            service = String(parts[2])
            region = String(parts[3])
            account = String(parts[4])
            resource = String(parts[5])
        }
    }

    /// The region of an AWS availability zone (`eu-west-1a` → `eu-west-1`; local zones such as
    /// `us-east-1-bos-1a` → `us-east-1`); nil for texts that are not zone names.
    static func awsRegion(ofZone zone: String) -> String? {
        var zone = zone
        if let region = zone.withByteView({ asciiAWSRegion(ofZone: $0) }) { return region.isEmpty ? nil : region }
        let parts = zone.split(separator: "-")
        guard parts.count >= 3, let last = parts[2].last, last.isLetter, parts[2].dropLast().allSatisfy(\.isNumber),
            !parts[2].dropLast().isEmpty
        else { return nil }
        return "\(parts[0])-\(parts[1])-\(parts[2].dropLast())"
    }

    /// `awsRegion(ofZone:)` over ASCII bytes without splitting (it runs for every Config item and
    /// plan resource): the region, `""` for not a zone, nil for non-ASCII text (left to the
    /// general path). Same rule: the first three non-empty `-` segments, the third digits and
    /// one letter.
    private static func asciiAWSRegion(ofZone bytes: ByteView) -> String? {
        // The first three segments in locals: an array for them was an allocation per call.
        var segments = (0..<0, 0..<0, 0..<0)
        var found = 0
        var start = 0
        for index in 0...bytes.count {
            if index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if byte != UInt8(ascii: "-") { continue }
            }
            if index > start {
                switch found {
                case 0: segments.0 = start..<index
                case 1: segments.1 = start..<index
                case 2: segments.2 = start..<index
                default: break
                }
                found += 1
            }
            start = index + 1
        }
        guard found >= 3 else { return "" }
        let third = segments.2
        let letter = bytes[third.upperBound - 1] | 0x20
        guard third.count >= 2, letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z"),
            bytes[third.lowerBound..<third.upperBound - 1].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return "" }
        var region: [UInt8] = []
        region.reserveCapacity(third.upperBound)
        region += bytes[segments.0]
        region.append(UInt8(ascii: "-"))
        region += bytes[segments.1]
        region.append(UInt8(ascii: "-"))
        region += bytes[third.lowerBound..<third.upperBound - 1]
        return String(decoding: region, as: UTF8.self)
    }

    /// The region of a GCP zone (`europe-west1-b` → `europe-west1`); accepts zone URLs.
    static func gcpRegion(ofZone zone: String) -> String? {
        let name = lastSegment(zone)
        guard let dash = name.lastIndex(of: "-"), name.distance(from: dash, to: name.endIndex) == 2 else { return nil }
        return String(name[..<dash])
    }

    /// The last `/` segment of a URL or path.
    static func lastSegment(_ text: String) -> String {
        guard let slash = text.lastIndex(of: "/") else { return text }
        return String(text[text.index(after: slash)...])
    }

    /// The segment after `marker` in a slash path (`projects/p/locations/europe/…`, `locations` → `europe`).
    static func segment(after marker: String, in path: String) -> String? {
        let parts = path.split(separator: "/")
        guard let position = parts.firstIndex(where: { $0 == marker }), position + 1 < parts.count else { return nil }
        return String(parts[position + 1])
    }

    /// An Azure location code from a code or display name (`West Europe` → `westeurope`).
    static func azureLocation(_ text: String) -> String {
        String(text.lowercased().filter { $0 != " " })
    }

    /// A GCP location as the normalized region field: single regions lower-case, multi- and
    /// dual-region codes as the API spells them (GCS upper-case `EU`, KMS lower-case `europe`).
    static func gcpLocation(_ text: String) -> String {
        let lowered = text.lowercased()
        if RegionCatalogData.standard.region(lowered) != nil || lowered == "global" { return lowered }
        return text
    }
}
