import PolicyEngine

// The view model of the HTML report: display strings, booleans and lists only, so the template
// (HTMLTemplate.swift) places values and never computes. Mustache reads stored properties by name
// and looks a missing or nil name up in the enclosing objects, so names are unique across levels.

/// A status written as a symbol, a word and a CSS class (the colour is never the only signal).
struct Badge {
    var symbol: String
    var text: String
    var css: String

    init(symbol: String, text: String, css: String) {
        self.symbol = symbol
        self.text = text
        self.css = css
    }

    init(_ status: Verdict) {
        let label = status.label
        self.init(symbol: label.symbol, text: label.text, css: "st-" + status.rawValue)
    }

    /// ✓/✗ for a yes/no check; `–` when unknown.
    init(check: Bool?, yes: String = "yes", no: String = "no") {
        switch check {
        case true?: self.init(symbol: "✓", text: yes, css: "st-pass")
        case false?: self.init(symbol: "✗", text: no, css: "st-fail")
        case nil: self.init(symbol: "–", text: "n/a", css: "st-na")
        }
    }
}

/// A key and a value (labels, parameters).
struct KeyValue {
    var key: String
    var value: String
}

/// The whole page.
struct HTMLReportPage {
    // MARK: - Header and evidence

    var documentTitle: String
    var heading: String
    var asOf: String
    var toolVersion: String
    var policySetDigest: String
    var failOn: String
    var failOnUnknown: String
    var passingMode: String
    var labels: [KeyValue]
    /// One element when `sections["run"].duration_seconds` is present.
    var runDuration: [String]
    var inputs: [InputRow]
    var merge: [MergeView]

    // MARK: - Summary

    var summary: SummaryView

    // MARK: - Sections

    var frameworks: FrameworksView
    var findings: FindingsView
    var cost: CostView
    var readiness: ReadinessView
    /// The application dependency graph (empty when no application declares a dependency).
    var dependencyGraph: [DependencyView]
    var downtime: DowntimeView
    var waiverRegister: WaiverRegisterView
    var trends: [TrendView]

    /// An input file with its digest.
    struct InputRow {
        var path: String
        var format: String
        var documents: String
        var sha256: String
    }

    init(_ result: RunResult, findingsPerPolicy: Int) throws(ReportError) {
        let estate = result.labels["estate"].map { " — " + $0 } ?? ""
        documentTitle = "Assay report" + estate + " — as of " + result.asOf.description
        heading = "Compliance, cost and DR readiness" + estate
        asOf = result.asOf.description
        toolVersion = result.toolVersion
        policySetDigest = result.policySetDigest
        failOn = result.failOn.rawValue
        failOnUnknown = result.failOnUnknown ? "yes" : "no"
        passingMode = result.passing.rawValue
        labels = result.labels.sorted { $0.key < $1.key }.map { KeyValue(key: $0.key, value: $0.value) }
        let sections = try ResultSections(result)
        runDuration = sections.run?.durationSeconds.map { [ReportText.number($0, digits: 1) + " s"] } ?? []
        inputs = result.inputs.sorted { ($0.path, $0.sha256) < ($1.path, $1.sha256) }.map {
            InputRow(path: $0.path, format: $0.format, documents: ReportText.count($0.documents), sha256: $0.sha256)
        }
        merge = sections.merge.map { [MergeView($0)] } ?? []

        let overview = ReportOverview(result)
        let index = FindingIndex(result.findings)
        let costReview = try CostReview(result, index: index)
        let impact = try DowntimeImpact(result)
        let dr = DRReadiness(result, index: index, downtime: impact)
        let anchors = PolicyAnchors(result.policies)
        summary = SummaryView(overview, result: result, cost: costReview, downtime: impact, readiness: dr, anchors: anchors)
        frameworks = FrameworksView(FrameworkCoverage(result, catalogs: sections.frameworks, index: index), policies: result.policies, anchors: anchors)
        findings = FindingsView(result, index: index, anchors: anchors, limit: findingsPerPolicy)
        cost = CostView(costReview, anchors: anchors, limit: findingsPerPolicy)
        readiness = ReadinessView(dr, limit: ReadinessView.rowLimit)
        dependencyGraph = DependencyView(impact).map { [$0] } ?? []
        downtime = DowntimeView(impact)
        waiverRegister = WaiverRegisterView(result.waivers, anchors: anchors)
        trends = TrendView(try RunTrend(result)).map { [$0] } ?? []
    }
}

/// Unique HTML `id`s: identifiers are sanitised for `id` and `#fragment` use (ReportText.anchor),
/// and two that sanitise alike get `-2`, `-3`, … so no id repeats (a duplicate id is invalid HTML).
struct AnchorNames {
    private var used = Set<String>()

    /// A fresh anchor for `identifier` under `prefix`.
    mutating func make(_ prefix: String, _ identifier: String) -> String {
        let base = ReportText.anchor(prefix, identifier)
        var anchor = base
        var suffix = 2
        while !used.insert(anchor).inserted {
            anchor = base + "-" + String(suffix)
            suffix += 1
        }
        return anchor
    }
}

/// The anchors of the policy sections, so links from the summary and the framework view land.
struct PolicyAnchors {
    private var anchors: [String: String] = [:]

    init(_ policies: [PolicyReport]) {
        var names = AnchorNames()
        for policy in policies.sorted(by: { $0.id < $1.id }) where anchors[policy.id] == nil {
            anchors[policy.id] = names.make("policy", policy.id)
        }
    }

    /// The anchor of a policy (`policy-dr.test.cadence`).
    subscript(policy: String) -> String { anchors[policy] ?? ReportText.anchor("policy", policy) }
}

// MARK: - Merge provenance

/// Where a merged result came from (`sections["merge"]`, written by `ResultMerge`).
struct MergeView {
    struct Source {
        var name: String
        var sourceAsOf: String
        var findingCount: String
        var sourceDigest: String
    }

    struct Duplicate {
        var policy: String
        var resource: String
        var keptFrom: String
        var droppedFrom: String
    }

    var sources: [Source]
    var sourceCount: String
    var duplicates: [Duplicate]
    var duplicateCount: String
    var mergeNotes: [String]

    init(_ section: MergeSection) {
        sources = section.sources.map { source in
            Source(name: source.name, sourceAsOf: source.asOf, findingCount: ReportText.count(source.findings), sourceDigest: source.policySetDigest)
        }
        sourceCount = ReportText.count(sources.count)
        duplicates = section.duplicates.map { duplicate in
            Duplicate(policy: duplicate.policy, resource: duplicate.resource, keptFrom: duplicate.keptFrom,
                      droppedFrom: duplicate.droppedFrom.joined(separator: ", "))
        }
        duplicateCount = ReportText.count(duplicates.count)
        mergeNotes = section.warnings
    }
}
