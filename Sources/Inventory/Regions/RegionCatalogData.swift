public import PolicyEngine

/// The standard region catalog: every AWS, Azure and GCP region with its country and
/// jurisdiction (compiled from `shared/external-data/regions.csv`, see `RegionTable.swift`), plus
/// the multi-region and dual-region location codes that stand for several regions.
///
/// Multi-region membership is derived from the region table rather than listed by hand, so that a
/// region added to the table joins its multi-region automatically:
/// - GCS `EU` and Cloud KMS `europe`: the GCP regions in EU member states (Google stores `EU`
///   data "within member states of the European Union"; KMS `europe` excludes London and Zürich).
/// - GCS and KMS `US`: the GCP regions in the United States.
/// - GCS and KMS `ASIA`: the GCP `asia-*` regions.
/// - Dual-regions `EUR4` (Finland + Netherlands), `NAM4` (Iowa + South Carolina) and `ASIA1`
///   (Tokyo + Osaka), from the Cloud Storage locations page.
public enum RegionCatalogData {
    /// The catalog every reader and the evaluator use unless told otherwise.
    public static let standard: RegionCatalog = RegionCatalog(regions: regions, multiRegions: multiRegions)

    /// Every region of the table.
    public static let regions: [RegionCatalog.Region] = regionRows.map { row in
        RegionCatalog.Region(provider: row.provider, code: row.code, displayName: row.displayName, country: row.country,
                             jurisdiction: row.jurisdiction)
    }

    /// Multi-region codes (lower-case) → member region codes.
    public static let multiRegions: [String: [String]] = {
        let gcp = regionRows.filter { $0.provider == "gcp" }
        let europeanUnion = gcp.filter { $0.jurisdiction == "EU" }.map(\.code)
        let unitedStates = gcp.filter { $0.country == "US" }.map(\.code)
        let asia = gcp.filter { $0.code.hasPrefix("asia-") }.map(\.code)
        var table: [String: [String]] = [
            "eu": europeanUnion, "europe": europeanUnion,
            "us": unitedStates,
            "asia": asia,
        ]
        for (code, members) in dualRegions { table[code] = members }
        return table
    }()

    /// Dual-region codes (lower-case) → their two member regions.
    public static let dualRegions: [String: [String]] = [
        "eur4": ["europe-north1", "europe-west4"],
        "nam4": ["us-central1", "us-east1"],
        "asia1": ["asia-northeast1", "asia-northeast2"],
    ]

    /// How a location code is laid out: a single region, a dual-region, a multi-region, or
    /// `global`; nil for codes the catalog does not know.
    public static func locationKind(of code: String) -> LocationKind? {
        let key = code.lowercased()
        if key == "global" { return .global }
        if dualRegions[key] != nil { return .dualRegion }
        if multiRegions[key] != nil { return .multiRegion }
        if standard.region(key) != nil { return .region }
        return nil
    }
}
