// ReportBench: renders the HTML, Markdown and CSV reports of a generated large result and prints
// the time and size of each (the HTML target: 100,000 resources in under 5 s, under 20 MB).
//
// The result: RESOURCES resources (60 % storage buckets, 30 % compute instances, 10 %
// applications), 40 policies (24 on buckets, 13 on instances, 3 DR policies on applications),
// every resource evaluated by every policy of its type, 10 % of verdicts failing, passes listed
// (`passing: list`, the heavy case); each policy maps to controls of four frameworks; a `cost`
// section with 12 months in two currencies, a `downtime` section with 200 applications, a
// framework catalog and 24 recorded runs of history.
//
// Usage: ReportBench [--resources N] [--findings-per-policy N] [--formats html,markdown,csv] [--out FILE]
//   --out writes the HTML there (open it in Chromium, or run ../shared/checkers/check-html.sh).
import Foundation
import PolicyEngine
import Reports

// MARK: - Arguments

var resourceCount = 100_000
var findingsPerPolicy = 50
var outputPath: String?
var formats: Set<String> = ["html", "markdown", "csv"]
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--resources": resourceCount = arguments.next().flatMap(Int.init) ?? resourceCount
    case "--findings-per-policy": findingsPerPolicy = arguments.next().flatMap(Int.init) ?? findingsPerPolicy
    case "--out": outputPath = arguments.next()
    case "--formats": formats = Set((arguments.next() ?? "").split(separator: ",").map(String.init))
    default:
        FileHandle.standardError.write(Data("usage: ReportBench [--resources N] [--findings-per-policy N] [--formats html,markdown,csv] [--out FILE]\n".utf8))
        exit(2)
    }
}

// MARK: - The generated result

/// A deterministic pseudo-random sequence (SplitMix64), so every run measures the same result.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

func generate(resources: Int) -> RunResult {
    var random = SplitMix(state: 42)
    let asOf = CivilDate(year: 2026, month: 11, day: 27) ?? CivilDate(daysSinceEpoch: 0)
    let frameworks = ["soc2", "iso27001_2022", "nist_800_53_r5", "pci_dss_4"]
    let kinds: [(type: String, share: Int, policies: Int, category: String)] = [
        ("storage.bucket", 60, 24, "storage"), ("compute.instance", 30, 13, "compute"), ("application", 10, 3, "dr"),
    ]
    var policies: [PolicyReport] = []
    var findings: [Finding] = []
    for kind in kinds {
        let count = resources * kind.share / 100
        for policyIndex in 0..<kind.policies {
            let id = kind.category == "dr" ? "dr.check_\(policyIndex)" : "\(kind.category).rule_\(policyIndex)"
            var mapped: [String: [String]] = [:]
            for framework in frameworks { mapped[framework] = ["C\(policyIndex % 7).\(policyIndex % 3 + 1)"] }
            var counts = VerdictCounts()
            for index in 0..<count {
                let failing = random.below(10) == 0
                let status: Verdict = failing ? .fail : .pass
                counts.record(status)
                let resource = kind.type == "application" ? "app-\(index)" : "arn:aws:\(kind.category):eu-west-1:111122223333:\(kind.type)/r-\(index)"
                findings.append(Finding(
                    policy: id, resource: resource, resourceType: kind.type, status: status, severity: Severity.allCases[policyIndex % 5],
                    enforcement: Enforcement.allCases[policyIndex % 3], message: failing ? "\(resource) violates \(id): value \(index % 97) is out of range" : "",
                    source: SourceReference(file: "inventory/\(kind.category).json", pointer: "/configurationItems/\(index)"),
                    evidence: failing ? [Evidence(path: "configuration.setting_\(policyIndex)", actual: .number(Double(index % 97)),
                                                  expected: "at most 50", status: .fail)] : []
                ))
            }
            policies.append(PolicyReport(
                metadata: PolicyMetadata(
                    id: id, title: "Rule \(policyIndex) for \(kind.type)", severity: Severity.allCases[policyIndex % 5],
                    enforcement: Enforcement.allCases[policyIndex % 3], category: kind.category, frameworks: mapped,
                    description: "Generated policy \(policyIndex) over \(kind.type).", remediation: "Set the setting within range."),
                params: kind.category == "dr" ? ["cadence_days": ["tier0": 90, "tier1": 90, "tier2": 180, "tier3": 365]] : [:],
                source: "policies/\(kind.category)/rule-\(policyIndex).yaml:2:5", counts: counts
            ))
        }
    }
    findings.sort(by: Finding.precedes)
    let inputs = kinds.map { InputRecord(path: "inventory/\($0.category).json", format: "aws-config", sha256: String(repeating: "ab", count: 32),
                                         documents: resources * $0.share / 100) }
    return RunResult(
        toolVersion: "0.1.0", asOf: asOf, labels: ["estate": "bench", "host": "bench-runner"], failOn: .high, passing: .list,
        policySetDigest: String(repeating: "cd", count: 32), inputs: inputs, policies: policies, findings: findings, waivers: [],
        sections: sections(random: &random, frameworks: frameworks)
    )
}

func sections(random: inout SplitMix, frameworks: [String]) -> [String: Value] {
    var totals: [Value] = []
    var movers: [Value] = []
    for currency in ["EUR", "USD"] {
        for month in 1...12 {
            let period = "2026-" + (month < 10 ? "0" : "") + String(month)
            // Every member a results file's cost group has (the section reader requires the amounts).
            let amount = "\(20_000 + random.below(5_000)).25"
            totals.append(["period": .string(period), "currency": .string(currency), "amount": .string(amount), "effective": .string(amount),
                           "list": .string("\(25_000 + random.below(5_000))"), "credits": "-150", "refunds": "0",
                           "net": .string("\(19_000 + random.below(5_000)).10"), "previous_amount": "20000",
                           "change_pct": .number(Double(random.below(300)) / 10), "share_of_total": 0.5,
                           "untagged_share": 0.12, "untagged_amount": "2400", "usage_amount": "19000", "egress_share": 0.04,
                           "egress_amount": "800", "lines": .number(Double(1_000 + random.below(500)))])
            for service in 0..<10 {
                movers.append(["period": .string(period), "currency": .string(currency), "account": .string("acct-\(service % 3)"),
                               "service": .string("Service \(service)"), "amount": .string("\(1_000 + random.below(900))"),
                               "previous_amount": "1000", "change": .string("\(random.below(900))"), "change_pct": .number(Double(random.below(90)))])
            }
        }
    }
    var applications: [Value] = []
    for index in 0..<200 {
        let strategies: [Value] = ["current", "none", "warm_standby"].map { key in
            ["key": .string(key), "strategy": .string(key == "current" ? "pilot_light" : key), "current": .bool(key == "current"),
             "annual_cost": "120000", "expected_annual_loss": .string("\(100_000 + random.below(900_000))"), "p95": "2000000",
             "annualised_total_cost_of_risk": "500000", "compliance": ["compliant": .bool(key != "none"), "meets_rto": true, "meets_rpo": true],
             "freshness": ["basis": ["kind": "full_test", "age_days": .number(Double(random.below(400)))], "effective_rto_hours": 0.6],
             "parameters": ["rto_hours": 0.5, "rpo_hours": 0.25],
             "comparison": key == "current" ? .null : ["verdict": "inconclusive", "net_annual_benefit": "1000"]]
        }
        applications.append(["id": .string("app-\(index)"), "tier": .string("tier\(index % 4)"), "current_strategy": "pilot_light",
                             "rto_target_hours": 1, "rpo_target_hours": 0.25, "expected_annual_loss": "250000", "p95": "900000",
                             "strategies": .array(strategies),
                             "recommendation": ["strategy": "warm_standby", "verdict": "justified", "reason": "lowest total cost of risk",
                                                "net_annual_benefit": "5000"]])
    }
    var catalog = Fields()
    for framework in frameworks {
        var controls = Fields()
        for control in 0..<7 { for part in 1...3 { controls["C\(control).\(part)"] = .string("Control \(control).\(part)") } }
        catalog[framework] = ["title": .string(framework.uppercased()), "controls": .object(controls)]
    }
    let runs: [Value] = (0..<24).map { index in
        ["id": .string("run-\(index)"), "as_of": .string("2025-\(index % 12 + 1 < 10 ? "0" : "")\(index % 12 + 1)-28"),
         "compliance_score": .number(0.8 + Double(index) / 200), "failing": .number(Double(1_000 - index)),
         "cost": ["USD": .string("\(20_000 + index * 100)")]]
    }
    return [
        "cost": ["as_of": "2026-11-27", "totals": .array(totals), "top_movers": .array(movers), "inputs": []],
        "downtime": ["schema_version": .number(Double(DowntimeModelSection.currentSchemaVersion)), "currency": "EUR", "as_of": "2026-11-27",
                     "strategy_assumptions": [:],
                     "portfolio": ["expected_annual_loss_current": "50000000", "expected_annual_loss_recommended": "42000000"],
                     "settings": ["trials": 100_000, "seed": "42"], "applications": .array(applications)],
        "frameworks": .object(catalog),
        "history": ["runs": .array(runs)],
    ]
}

// MARK: - Measurement

func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    let elapsed = clock.now - start
    return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

let (result, generation) = measure { generate(resources: resourceCount) }
print("result: \(resourceCount) resources, \(result.policies.count) policies, \(result.findings.count) findings "
    + "(\(result.findings.filter { $0.status == .fail }.count) failing); generated in \(String(format: "%.2f", generation)) s")
do {
    if formats.contains("html") {
        let (html, htmlTime) = try measure { try HTMLReport(findingsPerPolicy: findingsPerPolicy).render(result) }
        print("html:     \(String(format: "%6.2f", htmlTime)) s  \(String(format: "%8.2f", Double(html.count) / 1_048_576)) MiB  "
            + "(\(findingsPerPolicy) findings per policy)")
        if let outputPath {
            try ReportFile.write(html, to: outputPath)
            print("wrote \(outputPath)")
        }
    }
    if formats.contains("markdown") {
        let (markdown, markdownTime) = try measure { try MarkdownReport().render(result) }
        print("markdown: \(String(format: "%6.2f", markdownTime)) s  \(String(format: "%8.2f", Double(markdown.count) / 1_048_576)) MiB")
    }
    if formats.contains("csv") {
        let (csv, csvTime) = try measure { try CSVReport().render(result) }
        print("csv:      \(String(format: "%6.2f", csvTime)) s  \(String(format: "%8.2f", Double(csv.count) / 1_048_576)) MiB  (every finding)")
    }
} catch {
    FileHandle.standardError.write(Data("ReportBench: \(error)\n".utf8))
    exit(1)
}
