import CTextScan
import PolicyEngine

// MARK: - Inventory's part of the unsafe corner
//
// Where Inventory hands C code a pointer (see the lifetime rules in
// Sources/PolicyEngine/InPlaceReading.swift): the SSE2 element scan of streamed JSON arrays.

extension ByteView {
    /// `json_array_scan` over this view from `index`, resuming from `state`: the ranges found
    /// are written as (start, end) pairs into `pairs` (as many as it has room for), both used
    /// during the call only.
    func jsonArrayScan(from index: Int, state: inout json_array_scan_state, into pairs: inout [Int64]) -> json_array_scan_result {
        let base = unsafeBaseAddress
        let count = Int64(self.count)
        return pairs.withUnsafeMutableBufferPointer { pairs in
            json_array_scan(base, Int64(index), count, &state, pairs.baseAddress, Int64(pairs.count / 2))
        }
    }
}

extension Facet {
    /// The facet's position in `Facet.allCases`, which is its declaration order: the enum's tag
    /// byte, read instead of hashing the facet (facets are set and read for every resource a
    /// reader builds). `NormalizedModelTests.facetOrdinalIsThePositionInAllCases` checks it
    /// against `allCases` for every facet, and that the tag is one byte.
    var ordinal: Int { Int(withUnsafeBytes(of: self) { $0[0] }) }
}
