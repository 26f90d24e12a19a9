import PolicyEngine

/// A run result flattened into the rows of the child tables (one array of cells per row, columns
/// as in `HistorySchema.Table.columns`). Pure: the same result gives the same rows.
struct RunRows {
    /// Rows per table.
    var tables: [HistorySchema.Table: [[Cell]]]
    /// Currency → total of the last complete month (from the `cost` section).
    var monthlyCost: [String: FixedDecimal]

    /// The rows of `result`, whose findings' texts and fingerprints are `findingTexts` (same order).
    init(_ result: RunResult, findingTexts: [ResultsDocument.FindingText]) {
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
        let cost = result.sections[section: .cost]
        tables[.cost] = Self.costRows(cost)
        tables[.downtime] = Self.downtimeRows(result.sections[section: .downtime])
        self.tables = tables
        monthlyCost = Self.monthlyCost(cost)
    }

    // MARK: - Cost

    /// Month totals (`total`, key `all`), the account × service movers (`mover`) and, when a
    /// later stage adds them, the cost-group documents (`group`, key = the document id).
    static func costRows(_ section: Value?) -> [[Cell]] {
        guard let section else { return [] }
        var rows: [[Cell]] = []
        for total in section["totals"]?.arrayValue ?? [] {
            rows.append(costRow(kind: "total", key: "all", entry: total, amount: total["amount"], previous: total["previous_amount"]))
        }
        for mover in section["top_movers"]?.arrayValue ?? [] {
            let key = "account=\(mover["account"]?.keyText ?? "(absent)"),service=\(mover["service"]?.keyText ?? "(absent)")"
            rows.append(costRow(kind: "mover", key: key, entry: mover, amount: mover["amount"], previous: mover["previous_amount"]))
        }
        for group in section["groups"]?.arrayValue ?? [] {
            let cost = group["cost"]
            rows.append(costRow(kind: "group", key: group["id"]?.keyText ?? "", entry: group, amount: cost?["amount"],
                                previous: cost?["previous_amount"]))
        }
        return rows
    }

    private static func costRow(kind: String, key: String, entry: Value, amount: Value?, previous: Value?) -> [Cell] {
        [.text(kind), .text(key), .text(entry["period"]?.keyText ?? ""), .text(entry["currency"]?.keyText ?? ""),
         .text(SectionMoney.text(amount) ?? "0"), .optional(SectionMoney.text(previous)), .text(JSONWriter.compact(entry))]
    }

    /// Currency → `amount` of the last complete month of the section (the last of its `months`).
    static func monthlyCost(_ section: Value?) -> [String: FixedDecimal] {
        guard let section, let month = section["months"]?.arrayValue?.last?.stringValue else { return [:] }
        var totals: [String: FixedDecimal] = [:]
        for total in section["totals"]?.arrayValue ?? [] where total["period"]?.stringValue == month {
            guard let currency = total["currency"]?.stringValue, let amount = SectionMoney.decimal(total["amount"]) else { continue }
            totals[currency, default: .zero] += amount
        }
        return totals
    }

    // MARK: - Downtime

    /// One row per application of the `downtime` section (the whole entry kept in `details`).
    static func downtimeRows(_ section: Value?) -> [[Cell]] {
        (section?["applications"]?.arrayValue ?? []).map { application in
            let recommendation = application["recommendation"]
            return [.text(application["id"]?.keyText ?? ""), .text(application["tier"]?.keyText ?? ""),
                    .text(application["current_strategy"]?.keyText ?? ""),
                    .text(SectionMoney.text(application["expected_annual_loss"]) ?? ""),
                    .text(SectionMoney.text(application["p95"]) ?? ""), .text(SectionMoney.text(application["p99"]) ?? ""),
                    .optional(recommendation?["strategy"]?.stringValue), .optional(recommendation?["verdict"]?.stringValue),
                    .optional(SectionMoney.text(recommendation?["net_annual_benefit"])), .text(JSONWriter.compact(application))]
        }
    }
}

/// Money in a section: an exact decimal in memory, a decimal string once read back from JSON
/// (read as `SectionReader.money` reads it; the history stores what it finds, leniently).
enum SectionMoney {
    /// The amount, when the value is one.
    static func decimal(_ value: Value?) -> FixedDecimal? { value.flatMap(SectionReader.money) }

    /// The canonical decimal text of an amount (nil when absent or not money).
    static func text(_ value: Value?) -> String? { decimal(value)?.description }
}
