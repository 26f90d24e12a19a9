import CTextScan
import PolicyEngine

/// Skips one nested JSON value (an object or an array) with the C element scan, 64 bytes per
/// step, resumable across blocks: how the structural scanners of a large file's root object
/// pass over the members they do not want. A Terraform plan's `planned_values` and
/// `prior_state` are each about as large as its `resource_changes`; stepping through them one
/// byte at a time was a tenth of the CPU of a whole `assay evaluate` on a plan.
///
/// Like the byte-by-byte scanners it stands in for, it tracks strings, escapes and nesting
/// only: any closing bracket closes (the parser of the wanted parts validates them).
struct JSONValueSkipper {
    /// How a call ended.
    enum Outcome {
        /// The value closed; scanning goes on at the position, just after its closing bracket.
        case closed(at: Int)
        /// The bytes ended inside the value; call again with the next block from its start.
        case more
        /// A comma with nothing before it, at the position, directly inside the value (invalid
        /// JSON, which the fast scan does not follow): the caller steps on byte by byte from
        /// there, inside the value, as it would have without the skipper.
        case unfollowed(at: Int)
    }

    private var state = json_array_scan_state(depth: 0, element_start: -1, in_string: 0, escaped: 0)
    /// Where the scan writes the ranges of the value's elements, which nobody reads.
    private var discarded = [Int64](repeating: 0, count: 2 * 512)

    /// A skipper for a value whose opening bracket was just passed.
    init() {}

    /// Skips from `start`, inside the value (just after its opening bracket, or where the last
    /// call's block ended).
    mutating func skip(_ bytes: ByteView, from start: Int) -> Outcome {
        var index = start
        while true {
            let found = bytes.jsonArrayScan(from: index, state: &state, into: &discarded)
            index = Int(found.position)
            switch json_array_scan_status(rawValue: UInt32(found.status)) {
            case JSON_ARRAY_SCAN_FULL: continue
            case JSON_ARRAY_SCAN_END: return .closed(at: index)
            case JSON_ARRAY_SCAN_UNEXPECTED_BRACE: return .closed(at: index + 1)
            case JSON_ARRAY_SCAN_MISSING_VALUE: return .unfollowed(at: index)
            default: return .more
            }
        }
    }
}

extension JSONValueSkipper? {
    /// Passes over the nested value being skipped, if any, from `index`: at its end `index` is
    /// just after the closing bracket and `depth` one less; false when the bytes ended inside
    /// the value (`index` at their end, the skipper kept for the next block).
    mutating func pass(_ bytes: ByteView, at index: inout Int, depth: inout Int) -> Bool {
        guard var skipping = take() else { return true }
        switch skipping.skip(bytes, from: index) {
        case .closed(let position):
            index = position
            depth -= 1
        case .unfollowed(let position):
            index = position
        case .more:
            self = skipping
            index = bytes.count
            return false
        }
        return true
    }
}
