import Foundation
import History

/// With `ASSAY_HISTORY_TEST_PAUSE=SECONDS`, recording stops inside its transaction (after every
/// insert, before the commit) and says so on stderr: the interrupted-write test
/// (`HistoryCLITests`) kills the process there. A `RecordingObserver` the record stage gives the
/// store, so the pause lives with the command line, not in the store's API. Documented in
/// docs/history.md.
struct HistoryTestPause: RecordingObserver {
    /// How long to stay inside the transaction.
    let seconds: Double
    /// The variable's text, for the message.
    let text: String

    /// The pause the environment asks for, if any.
    static func fromEnvironment() -> HistoryTestPause? {
        guard let text = ProcessInfo.processInfo.environment["ASSAY_HISTORY_TEST_PAUSE"], let seconds = Double(text), seconds > 0 else {
            return nil
        }
        return HistoryTestPause(seconds: seconds, text: text)
    }

    func rowsWritten(sequence: Int, database: String) {
        Terminal.line("history: paused inside the recording transaction for \(text) s (ASSAY_HISTORY_TEST_PAUSE)")
        Thread.sleep(forTimeInterval: seconds)
    }
}
