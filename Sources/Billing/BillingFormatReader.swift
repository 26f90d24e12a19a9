public import PolicyEngine
public import TabularText

/// How a reader treats Azure cost exports, whose single cost column means billed cost in the
/// *actual* export and effective cost in the *amortized* export.
public enum AzureCostKind: String, CaseIterable, Sendable {
    /// Actual (cash) cost export.
    case actual
    /// Amortized cost export.
    case amortized
}

/// Options every reader sees.
public struct BillingReadOptions: Sendable {
    /// Azure export kind; nil to take it from the file name (`amortized` in the name → amortized).
    public var azureCostKind: AzureCostKind?
    /// Count inter-region transfer (`InterRegion Outbound`, `-AWS-Out-Bytes`) as egress.
    public var interRegionIsEgress: Bool

    /// Creates options.
    public init(azureCostKind: AzureCostKind? = nil, interRegionIsEgress: Bool = true) {
        self.azureCostKind = azureCostKind
        self.interRegionIsEgress = interRegionIsEgress
    }
}

/// Reads one billing export format: binds to a header once, then decodes each record into a
/// `RawCostLine`. One implementation per format, one file each.
public protocol BillingFormatReader: Sendable {
    /// The format.
    static var format: InputFormat { get }
    /// Columns whose presence identifies the format (also used to name what is missing).
    static var requiredColumns: [RequiredColumn] { get }
    /// Extra evidence that a header is this format (beyond the required columns); detection
    /// prefers the format with the higher score when several match.
    static func detectionBonus(_ header: BillingHeader) -> Int

    /// Binds to `header`; `path` is the file (Azure uses its name to tell actual from amortized).
    init(header: BillingHeader, tags: TagRequest, options: BillingReadOptions, path: String)

    /// Decodes one record. Text fields may point into `record`'s chunk or into `scratch`.
    func decode(_ record: CSVRecord, into line: inout RawCostLine, scratch: TagScratch) throws(FieldFailure)

    /// The normalized region for a raw region value (called once per distinct value).
    func normalizedRegion(_ raw: String) -> String
    /// The normalized resource id for a raw one (called once per distinct value).
    func normalizedResource(_ raw: String) -> String
    /// The service category for a line whose export has no category column, from its
    /// `categoryKey` (called once per distinct value).
    func serviceCategory(forKey key: String) -> String
}

extension BillingFormatReader {
    /// No bonus by default.
    public static func detectionBonus(_ header: BillingHeader) -> Int { 0 }
    /// Region codes are used as exported, lowercased; empty means `global`.
    public func normalizedRegion(_ raw: String) -> String { raw.isEmpty ? "global" : raw.lowercased() }
    /// Resource ids are used as exported.
    public func normalizedResource(_ raw: String) -> String { raw }
}

/// The registered readers and header-based format detection.
public enum BillingFormats {
    /// Every reader, in detection order.
    public static let readers: [any BillingFormatReader.Type] = [
        FOCUSReader.self, AWSCUR2Reader.self, AWSCURReader.self, AzureCostReader.self, GCPBillingReader.self,
    ]

    /// The reader for a format; nil for non-billing formats.
    public static func reader(for format: InputFormat) -> (any BillingFormatReader.Type)? {
        readers.first { $0.format == format }
    }

    /// Detects the format of `header`, or explains which columns the closest format lacks.
    public static func detect(_ header: BillingHeader, path: String) throws(BillingError) -> any BillingFormatReader.Type {
        var best: (reader: any BillingFormatReader.Type, score: Int)?
        var closest: (format: InputFormat, missing: [String], present: Int)?
        for reader in readers {
            let missing = missingColumns(reader, in: header)
            if missing.isEmpty {
                let score = reader.detectionBonus(header)
                if best == nil || score > best?.score ?? 0 { best = (reader, score) }
            }
            let present = reader.requiredColumns.count - missing.count
            if closest == nil || present > closest?.present ?? 0 { closest = (reader.format, missing, present) }
        }
        if let best { return best.reader }
        let fallback = closest ?? (InputFormat.focus, [], 0)
        throw .unrecognizedHeader(path: path, closest: fallback.format, missing: fallback.missing)
    }

    /// The required columns of `reader` that `header` lacks.
    public static func missingColumns(_ reader: any BillingFormatReader.Type, in header: BillingHeader) -> [String] {
        reader.requiredColumns.filter { !header.has($0.aliases) }.map(\.displayName)
    }
}
