/// Order statistics of a simulated sample.
public enum Quantiles {
    /// The type-7 quantile (numpy and R default) of an ascending sample:
    /// h = (n − 1)p, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]). Returns 0 for an empty sample.
    public static func type7(sorted: [Double], probability p: Double) -> Double {
        guard let first = sorted.first else { return 0 }
        let position = Double(sorted.count - 1) * p
        guard let lower = position.intRoundedDown else { return p > 0 ? sorted[sorted.count - 1] : first }
        if lower >= sorted.count - 1 { return sorted[sorted.count - 1] }
        if lower < 0 { return first }
        let fraction = position - Double(lower)
        return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
    }

    /// The number of values strictly above `threshold` in an ascending sample (binary search).
    public static func countAbove(sorted: [Double], threshold: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] > threshold { high = mid } else { low = mid + 1 }
        }
        return sorted.count - low
    }

    /// Exceedance thresholds {1, 2, 5} × 10^k from 10⁴ up to the first one ≥ `maximum` (§B.8).
    public static func exceedanceThresholds(maximum: Double) -> [Double] {
        guard maximum.isFinite else { return [10_000] }
        var thresholds: [Double] = []
        var decade = 10_000.0
        while true {
            for multiplier in [1.0, 2.0, 5.0] {
                let threshold = multiplier * decade
                thresholds.append(threshold)
                if threshold >= maximum { return thresholds }
            }
            decade *= 10
        }
    }
}
