/// How many elements a streamed array holds in all, judged from the blocks read so far, so that a
/// reader reserves its output once instead of growing it by doubling: each doubling is fresh
/// memory the reading thread touches alone and every element moved again (a million resources,
/// about a quarter gigabyte).
struct StreamedCountEstimate {
    private var bytesRead = 0
    private var totalBytes = 0
    private var made = false

    /// Records a progress report of the stream (`done` of `total` in the same unit, as read).
    mutating func progress(_ done: Int, _ total: Int) {
        bytesRead = done
        totalBytes = total
    }

    /// The capacity to reserve now that `elements` have been read, once: the elements per byte so
    /// far times the input's size, plus a fiftieth. Nil before the first report, when the whole
    /// input has been read already, or once it was given.
    mutating func capacity(after elements: Int) -> Int? {
        guard !made, elements > 0, bytesRead > 0, totalBytes > bytesRead else { return nil }
        made = true
        return Int((Double(elements) * Double(totalBytes) / Double(bytesRead) * 1.02).rounded(.up))
    }
}
