/// The sections later pipeline stages add to a run result (`RunResult.sections`): the closed
/// vocabulary of their keys, so that the stage writing a section and the report reading it name
/// it alike (the JSON schema keeps the keys as strings: docs/results-json.md).
public enum SectionKey: String, CaseIterable, Sendable {
    /// The cost review (`Billing`; schema in docs/billing.md).
    case cost
    /// The downtime model's output (`Resilience`; schema in docs/downtime-model.md).
    case downtime
    /// The trend of the recorded runs (`History`; `HistoryTrendSection`).
    case history
    /// The baseline a run was compared with (`Baseline`; schema in docs/history.md).
    case baseline
    /// The framework catalogs and their coverage.
    case frameworks
    /// Where a merged result came from (`assay report` with several results).
    case merge
    /// Facts about the run itself (`duration_seconds`), when a tool adds them.
    case run
}

extension Dictionary where Key == String, Value == PolicyEngine.Value {
    /// The section under `key`.
    public subscript(section key: SectionKey) -> PolicyEngine.Value? {
        get { self[key.rawValue] }
        set { self[key.rawValue] = newValue }
    }
}
