import PolicyEngine

/// Reads billing files into owned `CostLine`s: the simple API for small files, tests and tools
/// that want every line. Cost groups should use `CostAggregator.read`, which never holds lines.
public enum BillingReader {
    /// Every cost line of `path`, in file order, with all tags.
    public static func lines(_ path: String, options: BillingScanOptions = BillingScanOptions()) throws(BillingError) -> (lines: [CostLine], report: BillingInputReport) {
        let scan = try BillingScan.scan(path, options: options, tags: TagRequest(all: true)) { reader in
            CostLineCollector(reader: reader, path: path)
        }
        var collected = scan.sinks.flatMap(\.collected)
        collected.sort { ($0.chunk, $0.line.source.line ?? 0, $0.order) < ($1.chunk, $1.line.source.line ?? 0, $1.order) }
        let lines = collected.map { entry -> CostLine in
            var line = entry.line
            if entry.chunk < scan.chunkLines.count { line.source.line = scan.chunkLines[entry.chunk] + (line.source.line ?? 1) - 1 }
            return line
        }
        return (lines, scan.report)
    }
}

/// A sink that keeps every line as an owned `CostLine`.
final class CostLineCollector: CostLineSink {
    private let reader: any BillingFormatReader
    private let path: String
    private(set) var collected: [(chunk: Int, order: Int, line: CostLine)] = []

    init(reader: any BillingFormatReader, path: String) {
        self.reader = reader
        self.path = path
    }

    func consume(_ raw: RawCostLine) {
        var tags: [String: String] = [:]
        for tag in raw.allTags { tags[ByteText.string(tag.key)] = ByteText.string(tag.value) }
        let explicitCategory = ByteText.string(raw.serviceCategory)
        let line = CostLine(
            month: raw.month, chargePeriodStart: BillingDates.date(of: raw.chargePeriodStart),
            billingAccount: ByteText.string(raw.billingAccount), subAccount: ByteText.string(raw.subAccount),
            service: ByteText.string(raw.service), serviceCode: ByteText.string(raw.serviceCode),
            serviceCategory: explicitCategory.isEmpty ? reader.serviceCategory(forKey: ByteText.string(raw.categoryKey)) : explicitCategory,
            resourceId: reader.normalizedResource(ByteText.string(raw.resourceId)), region: reader.normalizedRegion(ByteText.string(raw.region)),
            usageType: ByteText.string(raw.usageType), chargeCategory: raw.chargeCategory, billedCost: raw.billedCost,
            effectiveCost: raw.effectiveCost, listCost: raw.listCost,
            currency: raw.currency.isEmpty ? "XXX" : ByteText.string(raw.currency), tags: tags, isEgress: raw.isEgress,
            commitment: raw.commitment, source: SourceReference(file: path, line: raw.line))
        collected.append((raw.chunk, collected.count, line))
    }
}
