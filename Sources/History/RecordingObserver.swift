/// Watches a store's recording transaction: told when a run's rows are all written, before the
/// transaction commits. Given to `HistoryStore.init`, so the store's recording API stays one call;
/// the command line's `ASSAY_HISTORY_TEST_PAUSE` (the interrupted-write test's pause point) is one.
public protocol RecordingObserver: Sendable {
    /// Called inside the recording transaction after every row of run `sequence` is inserted and
    /// before the commit: another connection still sees the history without it, and a process that
    /// dies here leaves no trace of it.
    func rowsWritten(sequence: Int, database: String)
}
