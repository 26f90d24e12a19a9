import PolicyEngine

/// A run result flattened into the rows of the child tables (one array of cells per row, columns
/// as in `HistorySchema.Table.columns`). Pure: the same result gives the same rows.
struct RunRows {
    /// Rows per table.
    var tables: [HistorySchema.Table: [[Cell]]]
    /// Currency → total of the last complete month (from the `cost` section).
    var monthlyCost: [String: FixedDecimal]
    /// The baseline the run was compared with.
    var baseline: BaselineSection?

    /// The rows of `result`, whose findings' texts and fingerprints are `findingTexts` (same order);
    /// its `cost`, `downtime` and `baseline` sections are decoded strictly (a malformed one is the error).
    init(_ result: RunResult, findingTexts: [ResultsDocument.FindingText]) throws(SectionError) {
        var tables: [HistorySchema.Table: [[Cell]]] = [:]
        tables[.input] = result.inputs.sorted { $0.path < $1.path }.map { input in
            [.text(input.path), .text(input.format), .text(input.sha256), .count(input.documents)]
        }
        tables[.policy] = result.policies.sorted { $0.id < $1.id }.map { policy in
            let counts = policy.counts
            return [.text(policy.id), .text(policy.title), .text(policy.severity.rawValue), .text(policy.enforcement.rawValue),
                    .text(policy.category), .count(counts.evaluated), .count(counts.pass), .count(counts.fail), .count(counts.waived),
                    .count(counts.error), .count(counts.unknown)]
        }
        tables[.finding] = zip(result.findings, findingTexts).map { finding, encoded in
            [.text(encoded.fingerprint), .text(finding.policy), .text(finding.resource), .text(finding.status.rawValue),
             .text(finding.severity.rawValue), .text(finding.enforcement.rawValue), .text(encoded.stored)]
        }
        tables[.waiver] = result.waivers.map { status in
            let waiver = status.waiver
            return [.text(waiver.id), .text(waiver.policy), .text(JSONWriter.compact(.array(waiver.resources.map(Value.string)))),
                    .text(waiver.reason), .text(waiver.owner), .optional(waiver.ticket), .text(waiver.expires.description),
                    .text(status.state.rawValue), .count(status.matched)]
        }
        let cost = try result.sections[section: .cost].map { value throws(SectionError) in try CostReviewSection(decoding: value) }
        tables[.cost] = Self.costRows(cost)
        let downtime = try result.sections[section: .downtime].map { value throws(SectionError) in try DowntimeModelSection(decoding: value) }
        tables[.downtime] = Self.downtimeRows(downtime)
        self.tables = tables
        monthlyCost = Self.monthlyCost(cost)
        baseline = try result.sections[section: .baseline].map { value throws(SectionError) in try BaselineSection(decoding: value) }
    }

    // MARK: - Cost

    /// Month totals (`total`, key `all`) and the account × service movers (`mover`), each row
    /// keeping its entry's JSON.
    static func costRows(_ section: CostReviewSection?) -> [[Cell]] {
        guard let section else { return [] }
        var rows: [[Cell]] = []
        for total in section.totals {
            rows.append(costRow(kind: "total", key: "all", period: total.period, currency: total.currency, amount: total.figures.amount,
                                previous: total.figures.previousAmount, entry: total.value))
        }
        for mover in section.topMovers {
            let key = "account=\(mover.account ?? "(absent)"),service=\(mover.service ?? "(absent)")"
            rows.append(costRow(kind: "mover", key: key, period: mover.period, currency: mover.currency, amount: mover.amount,
                                previous: mover.previousAmount, entry: mover.value))
        }
        return rows
    }

    private static func costRow(kind: String, key: String, period: String, currency: String, amount: FixedDecimal, previous: FixedDecimal,
                                entry: Value) -> [Cell] {
        [.text(kind), .text(key), .text(period), .text(currency), .text(amount.description), .optional(previous.description),
         .text(JSONWriter.compact(entry))]
    }

    /// Currency → `amount` of the last complete month of the section (the last of its `months`).
    static func monthlyCost(_ section: CostReviewSection?) -> [String: FixedDecimal] {
        guard let section, let month = section.months.last else { return [:] }
        var totals: [String: FixedDecimal] = [:]
        for total in section.totals where total.period == month { totals[total.currency, default: .zero] += total.figures.amount }
        return totals
    }

    // MARK: - Downtime

    /// One row per application of the `downtime` section (the whole entry kept in `details`).
    static func downtimeRows(_ section: DowntimeModelSection?) -> [[Cell]] {
        (section?.applications ?? []).map { application in
            let recommendation = application.recommendation
            return [.text(application.id), .text(application.tier ?? ""), .text(application.currentStrategy ?? ""),
                    .text(application.expectedAnnualLoss?.description ?? ""), .text(application.p95?.description ?? ""),
                    .text(application.p99?.description ?? ""), .optional(recommendation?.strategy), .optional(recommendation?.verdict),
                    .optional(recommendation?.netAnnualBenefit?.description), .text(JSONWriter.compact(application.value))]
        }
    }
}

/// Money in a section: an exact decimal in memory, a decimal string once read back from JSON
/// (read as `SectionReader.money` reads it; the history stores what it finds, leniently).
enum SectionMoney {
    /// The amount, when the value is one.
    static func decimal(_ value: Value?) -> FixedDecimal? { value.flatMap(SectionReader.money) }
}
