import PolicyEngine

/// The values of a run row's hashed columns, and the one list that names each column beside the
/// value it records: `HistorySchema.runColumns` is derived from it, so the names and the cells
/// written (and hashed into the record) cannot disagree in order or number.
struct RunColumns: Sendable {
    /// The run recorded.
    let result: RunResult
    /// The config the run used.
    let context: RunContext
    /// Verdict counts over every policy.
    let counts: VerdictCounts
    /// Findings that block the run.
    let blocking: Int
    /// The last complete month's billed amount per currency, as compact JSON.
    let monthlyCost: String
    /// The baseline's identity (`BaselineSection.identity`), as compact JSON; nil without one.
    let baseline: String?
    /// Each child table's digest.
    let digests: [HistorySchema.Table: String]
    /// SHA-256 of the results document (known inside the recording transaction).
    var resultsSHA256 = ""
    /// The previous run's record hash (the genesis hash for the first run).
    var previousRecordSHA256 = HistorySchema.genesis

    /// A column's name and how its value is read.
    typealias Column = (name: String, cell: @Sendable (RunColumns) -> Cell)

    /// Every hashed column of `run`, in column order, with how its value is read.
    static let columns: [Column] = summaryColumns + digestColumns + documentColumns

    private static let summaryColumns: [Column] = [
        ("as_of", { .text($0.result.asOf.description) }),
        ("tool_version", { .text($0.result.toolVersion) }),
        ("config_file", { .optional($0.context.configFile) }),
        ("config_sha256", { .optional($0.context.configSHA256) }),
        ("labels", { .text(HistoryStore.labelsText($0.result.labels)) }),
        ("fail_on", { .text($0.result.failOn.rawValue) }),
        ("fail_on_unknown", { .count($0.result.failOnUnknown ? 1 : 0) }),
        ("passing", { .text($0.result.passing.rawValue) }),
        ("policy_set_digest", { .text($0.result.policySetDigest) }),
        ("evaluated", { .count($0.counts.evaluated) }),
        ("pass", { .count($0.counts.pass) }),
        ("fail", { .count($0.counts.fail) }),
        ("waived", { .count($0.counts.waived) }),
        ("error", { .count($0.counts.error) }),
        ("unknown", { .count($0.counts.unknown) }),
        ("blocking", { .count($0.blocking) }),
        ("compliance_score", { .real(HistoryStore.roundedScore($0.result.complianceScore)) }),
        ("monthly_cost", { .text($0.monthlyCost) }),
        ("baseline", { .optional($0.baseline) }),
    ]

    private static let digestColumns: [Column] = HistorySchema.Table.allCases.map { table -> Column in
        (name: table.digestColumn, cell: { .text($0.digests[table] ?? "") })
    }

    private static let documentColumns: [Column] = [
        ("results_sha256", { .text($0.resultsSHA256) }),
        ("previous_record_sha256", { .text($0.previousRecordSHA256) }),
    ]

    /// The cells, in `columns` order.
    var cells: [Cell] { Self.columns.map { $0.cell(self) } }
}
