import PolicyEngine

/// The positions of each policy's findings in `RunResult.findings`, built in one pass so the
/// report's sections look findings up by policy instead of each scanning (and copying) millions
/// of them. Findings are normally sorted by policy, so the dictionary is touched once per run of
/// equal policy ids; any order still works.
struct FindingIndex {
    private let positions: [String: [Int]]

    init(_ findings: [Finding]) {
        var positions: [String: [Int]] = [:]
        var start = 0
        while start < findings.count {
            let policy = findings[start].policy
            var end = start + 1
            while end < findings.count && findings[end].policy == policy { end += 1 }
            positions[policy, default: []].append(contentsOf: start..<end)
            start = end
        }
        self.positions = positions
    }

    /// Positions of the findings of `policy`, in result order.
    subscript(policy: String) -> [Int] { positions[policy] ?? [] }
}
