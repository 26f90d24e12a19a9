/// Sorts resource ids once per corpus, so that every policy can visit its resources in id order
/// and its findings need no sorting (a million findings sorted with `String` comparisons cost
/// about a second of CPU).
///
/// The order is exactly `String`'s `<` with ties in position order. For ids that are ASCII
/// without NUL bytes — every cloud id we know — that is plain byte order, and a multikey
/// quicksort over 8-byte big-endian words sorts them: common prefixes such as `arn:aws:s3:`
/// cost one partitioning pass per 8 bytes, and comparisons are integer compares. Any other id
/// set falls back to a stable sort with `String`'s `<`.
enum IdentifierOrder {
    /// Ranges at least this long are split across cores.
    static let parallelRange = 1 << 15

    /// Positions of `resources`, ascending by id; equal ids keep position order. The ids are
    /// read in place (a list of them retained a million strings on one thread, and released
    /// them after).
    static func sortedPositions(ofIDsOf resources: [Resource]) -> [Int] {
        guard resources.count > 1 else { return Array(resources.indices) }
        // The ids' bytes gathered on all cores (on one thread this was half of the sort at 1M):
        // each range's byte count, then each range copied to its place, into storage not
        // zeroed first. Eight zero bytes of padding after them let every word load read eight bytes.
        let count = resources.count
        let plan = ChunkPlan(count: count, minimumChunk: parallelRange)
        let rangeBytes = ParallelMap.indexed(count: plan.chunks) { chunk in
            resources.withElementView { view in plan.range(of: chunk).reduce(0) { total, index in total + view.withElement(at: index) { $0.id.utf8.count } } }
        }
        var total = 0
        let rangeStarts = rangeBytes.map { bytesInRange in
            defer { total += bytesInRange }
            return total
        }
        var starts: [Int] = []
        var lengths: [Int] = []
        let bytes = [UInt8](count: total + 8) { byteBuffer in
            for padding in total..<(total + 8) { byteBuffer[padding] = 0 }
            starts = [Int](count: count) { startBuffer in
                lengths = [Int](count: count) { lengthBuffer in
                    ParallelMap.forEach(count: plan.chunks) { chunk in
                        var offset = rangeStarts[chunk]
                        resources.withElementView { view in
                            for index in plan.range(of: chunk) {
                                let length = view.withElement(at: index) { byteBuffer.copyUTF8(of: $0.id, to: offset) }
                                startBuffer[index] = offset
                                lengthBuffer[index] = length
                                offset += length
                            }
                        }
                    }
                }
            }
        }
        guard isPlainASCII(bytes, count: total) else {
            // The ids listed for the comparisons (`resources[$0]` would copy a whole resource,
            // ten reference counts, per comparison).
            let ids = resources.map(\.id)
            var order = Array(resources.indices)
            order.sort { ids[$0] < ids[$1] }  // stable: ties stay in position order
            return order
        }
        var order = Array(resources.indices)
        var keys = [UInt64](repeating: 0, count: count)
        bytes.withByteView { byteBuffer in
            starts.withElementView { startBuffer in
                lengths.withElementView { lengthBuffer in
                    order.withMutableElementView { orderBuffer in
                        keys.withMutableElementView { keyBuffer in
                            let sorter = WordQuicksort(bytes: byteBuffer, starts: startBuffer, lengths: lengthBuffer,
                                                       order: orderBuffer, keys: keyBuffer)
                            sorter.loadKeys(0..<count, word: 0)
                            sorter.sort(0..<count, word: 0)
                        }
                    }
                }
            }
        }
        return order
    }

    /// True when every one of the first `count` bytes is ASCII and none is NUL (checked eight
    /// bytes at a time).
    static func isPlainASCII(_ bytes: [UInt8], count: Int) -> Bool {
        bytes.withByteView { whole in
            let raw = whole.extracting(0..<count)
            let words = raw.count / 8
            let high: UInt64 = 0x8080_8080_8080_8080
            let low: UInt64 = 0x0101_0101_0101_0101
            for index in 0..<words {
                let word = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                // A high bit set, or a zero byte (the classic "has zero byte" test).
                if word & high != 0 || (word &- low) & ~word & high != 0 { return false }
            }
            for index in (words * 8)..<raw.count where raw[index] == 0 || raw[index] >= 0x80 { return false }
            return true
        }
    }
}

/// Multikey quicksort of byte strings (no NUL bytes) over 8-byte words: `keys[i]` holds word
/// `word` of string `order[i]`, big-endian and zero-padded, so a key whose last byte is zero
/// ends its string. Large ranges are sorted on several cores; each task owns a disjoint range.
///
/// Sendable: `bytes`, `starts` and `lengths` are only read; parallel tasks sort disjoint ranges of
/// `order` and `keys`; every task ends before the buffers' scope in `IdentifierOrder` does.
private struct WordQuicksort: @unchecked Sendable {
    let bytes: ByteView
    let starts: ElementView<Int>
    let lengths: ElementView<Int>
    let order: MutableElementView<Int>
    let keys: MutableElementView<UInt64>

    /// Below this many elements a range is insertion-sorted.
    static let smallRange = 12

    /// Word `word` of string `position`, big-endian, zero-padded past the end.
    @inline(__always) func key(of position: Int, word: Int) -> UInt64 {
        let remaining = lengths[position] - word * 8
        guard remaining > 0 else { return 0 }
        let loaded = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: starts[position] + word * 8, as: UInt64.self))
        return remaining >= 8 ? loaded : loaded & ~(UInt64.max >> UInt64(remaining * 8))
    }

    func loadKeys(_ range: Range<Int>, word: Int) {
        for index in range { keys[index] = key(of: order[index], word: word) }
    }

    @inline(__always) func swapAt(_ left: Int, _ right: Int) {
        order.swapAt(left, right)
        keys.swapAt(left, right)
    }

    /// Sorts `range`, whose strings agree on the words before `word`.
    func sort(_ range: Range<Int>, word: Int) {
        var low = range.lowerBound
        let high = range.upperBound
        while high - low > Self.smallRange {
            let first = keys[low]
            let middle = keys[low + (high - low) / 2]
            let last = keys[high - 1]
            let pivot = max(min(first, middle), min(max(first, middle), last))
            // Three-way partition: [low, less) < pivot, [less, greater] == pivot, (greater, high) > pivot.
            var less = low
            var index = low
            var greater = high - 1
            while index <= greater {
                let key = keys[index]
                if key < pivot {
                    swapAt(less, index)
                    less += 1
                    index += 1
                } else if key > pivot {
                    swapAt(index, greater)
                    greater -= 1
                } else {
                    index += 1
                }
            }
            let below = low..<less
            let equal = less..<(greater + 1)
            let above = (greater + 1)..<high
            if high - low >= IdentifierOrder.parallelRange {
                let ranges = [below, equal, above]
                ParallelMap.forEach(count: 3) { part in
                    part == 1 ? sortEqual(ranges[part], pivot: pivot, word: word) : sort(ranges[part], word: word)
                }
                return
            }
            sort(below, word: word)
            sortEqual(equal, pivot: pivot, word: word)
            low = above.lowerBound
        }
        insertionSort(low..<high, word: word)
    }

    /// Sorts a range whose keys all equal `pivot` at `word`.
    func sortEqual(_ range: Range<Int>, pivot: UInt64, word: Int) {
        if pivot & 0xFF == 0 {
            // These strings end within this word: they are equal; position order breaks the tie.
            guard range.count > 1 else { return }
            order.sort(range)
        } else {
            loadKeys(range, word: word + 1)
            sort(range, word: word + 1)
        }
    }

    /// True when string `left` orders before string `right`, given they agree before `word`.
    func precedes(_ left: Int, _ right: Int, word: Int) -> Bool {
        var current = word
        while true {
            let leftKey = key(of: left, word: current)
            let rightKey = key(of: right, word: current)
            if leftKey != rightKey { return leftKey < rightKey }
            if leftKey & 0xFF == 0 { return left < right }
            current += 1
        }
    }

    func insertionSort(_ range: Range<Int>, word: Int) {
        guard range.count > 1 else { return }
        for index in (range.lowerBound + 1)..<range.upperBound {
            let position = order[index]
            let key = keys[index]
            var slot = index
            while slot > range.lowerBound {
                let previousKey = keys[slot - 1]
                let before = previousKey != key ? key < previousKey : precedes(position, order[slot - 1], word: word)
                guard before else { break }
                order[slot] = order[slot - 1]
                keys[slot] = previousKey
                slot -= 1
            }
            order[slot] = position
            keys[slot] = key
        }
    }
}
