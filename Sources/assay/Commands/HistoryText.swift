import History
import PolicyEngine

/// A plain-text table: columns padded to their widest cell, two spaces apart.
struct TextTable {
    let header: [String]
    private(set) var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    var text: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// The human forms of `assay history show` and `diff` (stdout).
enum HistoryText {
    /// Rows shown per findings table before "… and N more".
    static let findingsShown = 50

    static func percent(_ score: Double) -> String { String((score * 1000).rounded() / 10) + "%" }

    static func money(_ amounts: [String: FixedDecimal]) -> String {
        amounts.isEmpty ? "-" : amounts.sorted { $0.key < $1.key }.map { "\($0.value.formatted(fractionDigits: 2)) \($0.key)" }.joined(separator: ", ")
    }

    static func labels(_ labels: [String: String]) -> String {
        labels.isEmpty ? "-" : labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// The stored baseline identity as the evaluate summary words it.
    static func baseline(_ stored: String?) -> String {
        guard let stored else { return "-" }
        do {
            return try BaselineSection(decoding: JSONParser.parse(stored)).summary
        } catch {
            return "(unreadable: \(error))"
        }
    }

    // MARK: - show

    static func show(_ details: RunDetails) -> String {
        let run = details.run
        let counts = run.counts
        var lines = [
            "Run \(run.id) · as of \(run.asOf) · assay \(run.toolVersion) · fail on \(run.failOn.rawValue)",
            "  config           \(run.configFile.map { "\($0) (sha256 \(run.configSHA256 ?? "?"))" } ?? "-")",
            "  labels           \(labels(run.labels))",
            "  policy set       \(run.policySetDigest)",
            "  results sha256   \(run.resultsSHA256)",
            "  record sha256    \(run.recordSHA256)",
            "  previous record  \(run.previousRecordSHA256)",
            "  baseline         \(baseline(run.baseline))",
            "  totals           \(counts.evaluated) evaluated · \(counts.pass) pass · \(counts.fail) fail · \(counts.waived) waived · "
                + "\(counts.error) error · \(counts.unknown) unknown · \(run.blocking) blocking · compliance \(percent(run.complianceScore))",
            "  cost             \(money(run.monthlyCost)) (last complete month)",
            "",
        ]
        var policies = TextTable(["POLICY", "SEVERITY", "ENFORCEMENT", "EVALUATED", "PASS", "FAIL", "WAIVED", "ERROR", "UNKNOWN"])
        for policy in details.policies {
            let counts = policy.counts
            policies.add([policy.id, policy.severity, policy.enforcement, String(counts.evaluated), String(counts.pass), String(counts.fail),
                          String(counts.waived), String(counts.error), String(counts.unknown)])
        }
        lines.append(policies.text)
        let open = details.findings.filter(\.finding.isOpen)
        lines += ["", "Open findings (\(open.count)):"] + findingsTable(open)
        if !details.waivers.isEmpty {
            var waivers = TextTable(["WAIVER", "POLICY", "OWNER", "EXPIRES", "STATE", "MATCHED"])
            for waiver in details.waivers {
                waivers.add([waiver.id, waiver.policy, waiver.owner, waiver.expires, waiver.state, String(waiver.matched)])
            }
            lines += ["", "Waivers:", waivers.text]
        }
        let totals = details.costs.filter { $0.kind == "total" }
        if !totals.isEmpty {
            var costs = TextTable(["PERIOD", "CURRENCY", "AMOUNT", "PREVIOUS"])
            for total in totals {
                costs.add([total.period, total.currency, total.amount.formatted(fractionDigits: 2),
                           total.previousAmount.map { $0.formatted(fractionDigits: 2) } ?? "-"])
            }
            lines += ["", "Cost (month totals):", costs.text]
        }
        if !details.downtime.isEmpty {
            var downtime = TextTable(["APPLICATION", "TIER", "STRATEGY", "EXPECTED ANNUAL LOSS", "P95", "RECOMMENDED", "NET ANNUAL BENEFIT"])
            for application in details.downtime {
                downtime.add([application.application, application.tier, application.currentStrategy, application.expectedAnnualLoss,
                              application.p95, application.recommendedStrategy ?? "-", application.netAnnualBenefit ?? "-"])
            }
            lines += ["", "Downtime:", downtime.text]
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - diff

    static func diff(_ diff: RunDiff) -> String {
        let from = diff.from
        let to = diff.to
        var lines = [
            "Run \(from.id) (as of \(from.asOf)) → run \(to.id) (as of \(to.asOf)): \(diff.new.count) new · \(diff.fixed.count) fixed · "
                + "\(diff.persisting.count) persisting",
            "compliance \(percent(from.complianceScore)) → \(percent(to.complianceScore)) · fail \(from.counts.fail) → \(to.counts.fail) · "
                + "blocking \(from.blocking) → \(to.blocking)",
        ]
        for (title, findings) in [("New", diff.new), ("Fixed", diff.fixed), ("Persisting", diff.persisting)] where !findings.isEmpty {
            lines += ["", "\(title) (\(findings.count)):"] + findingsTable(findings)
        }
        if !diff.costMovers.isEmpty {
            var movers = TextTable(["KIND", "KEY", "CURRENCY", "RUN \(from.id)", "RUN \(to.id)", "CHANGE", "%"])
            for movement in diff.costMovers {
                func side(_ period: String?, _ amount: FixedDecimal?) -> String {
                    guard let period, let amount else { return "-" }
                    return "\(amount.formatted(fractionDigits: 2)) (\(period))"
                }
                movers.add([movement.kind, movement.key, movement.currency, side(movement.fromPeriod, movement.fromAmount),
                            side(movement.toPeriod, movement.toAmount), movement.change.map { $0.formatted(fractionDigits: 2) } ?? "-",
                            movement.changePercent.map { String(($0 * 10).rounded() / 10) } ?? "-"])
            }
            lines += ["", "Cost movers (each run's last complete month):", movers.text]
        }
        return lines.joined(separator: "\n")
    }

    private static func findingsTable(_ findings: [StoredFinding]) -> [String] {
        guard !findings.isEmpty else { return ["  (none)"] }
        var table = TextTable(["STATUS", "POLICY", "RESOURCE", "FINGERPRINT", "MESSAGE"])
        for stored in findings.prefix(findingsShown) {
            let finding = stored.finding
            table.add([finding.status.rawValue, finding.policy, finding.resource, String(stored.fingerprint.prefix(12)), finding.message])
        }
        var lines = [table.text]
        if findings.count > findingsShown { lines.append("… and \(findings.count - findingsShown) more (see --json)") }
        return lines
    }
}
