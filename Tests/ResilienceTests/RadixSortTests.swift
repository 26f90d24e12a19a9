import Testing

@testable import Resilience

/// `RadixSort.ascending` gives exactly the standard library's stable `sorted()`, bit for bit
/// (the quantiles and exceedance curve of every downtime result are read from it).
@Suite struct RadixSortTests {
    /// Bit patterns, so that −0.0 and +0.0 in a different order would be told apart.
    private func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    @Test func equalsTheStandardSortOnGeneratedSamples() {
        var generator = SplitMix64(state: 20_261_206)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                                  .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, -1, 1e-300, 5e5]
        for size in [0, 1, 2, 3, 17, 255, 256, 257, 1_000, 40_000] {
            var sample: [Double] = []
            for index in 0..<size {
                let bits = generator.next()
                switch bits % 6 {
                case 0: sample.append(Double(bits >> 40))                                   // whole losses, many repeats
                case 1: sample.append(0)                                                    // no loss in most trials
                case 2: sample.append(Double(bitPattern: generator.next()).isNaN ? 1 : Double(bitPattern: generator.next()))
                case 3: sample.append(specials[index % specials.count])
                case 4: sample.append(-Double(bits % 1_000) / 7)
                default: sample.append(Double(bits % 100_000) * 1_234.5)
                }
            }
            sample = sample.map { $0.isNaN ? 2 : $0 }
            #expect(bits(RadixSort.ascending(sample)) == bits(sample.sorted()), "size \(size)")
        }
    }

    /// Equal keys keep their order: +0.0 before −0.0 stays so, and the other way round.
    @Test func signedZerosKeepTheirOrderAsTheStableSortDoes() {
        #expect(bits(RadixSort.ascending([0.0, -0.0, -1, 3])) == bits([-1, 0.0, -0.0, 3]))
        #expect(bits(RadixSort.ascending([-0.0, 5, 0.0, -2])) == bits([-2, -0.0, 0.0, 5]))
    }

    /// A sample whose every key shares most bytes skips those passes and is still sorted.
    @Test func samplesThatDifferInOneByteOnly() {
        let sample = (0..<600).map { Double(bitPattern: 0x40F0_0000_0000_0000 | UInt64(($0 * 37) % 256)) }
        #expect(bits(RadixSort.ascending(sample)) == bits(sample.sorted()))
    }
}
