import PolicyEngine

/// The framework view: per framework its coverage, a table of the controls policies map to, the
/// list of the catalog's controls no policy checks ("not assessed by Assay"), and a coverage
/// matrix of policies × frameworks.
struct FrameworksView {
    struct PolicyLink {
        var anchor: String
        var policyID: String
    }

    struct ControlRow {
        var controlID: String
        var controlTitle: String
        var mappedPolicies: [PolicyLink]
        var controlStatus: Badge
        var failingResources: String
    }

    struct UnassessedControl {
        var controlID: String
        var controlTitle: String
    }

    struct FrameworkBlock {
        var frameworkKey: String
        var frameworkName: String
        var frameworkAnchor: String
        var tally: String
        var catalogScope: [String]
        var hasCatalogTitle: Bool
        var hasCatalog: Bool
        var controlRows: [ControlRow]
        var unassessedControls: [UnassessedControl]
        var unassessedCount: String
    }

    struct MatrixRow {
        var anchor: String
        var policyID: String
        var matrixStatus: Badge
        var cells: [String]
    }

    var frameworkBlocks: [FrameworkBlock]
    var matrixHeaders: [String]
    var matrixRows: [MatrixRow]

    init(_ coverage: FrameworkCoverage, policies: [PolicyReport], anchors: PolicyAnchors) {
        var names = AnchorNames()
        frameworkBlocks = coverage.frameworks.map { framework in
            let unassessed = framework.controls.filter { $0.status == .notAssessedByAssay }
            let tally = FrameworkCoverage.summary(framework)
            return FrameworkBlock(
                frameworkKey: framework.key, frameworkName: framework.title ?? framework.key,
                frameworkAnchor: names.make("framework", framework.key), tally: tally.prefix(1).uppercased() + tally.dropFirst(),
                catalogScope: framework.scope.map { [$0] } ?? [], hasCatalogTitle: framework.title != nil, hasCatalog: framework.hasCatalog,
                controlRows: framework.controls.filter { $0.status != .notAssessedByAssay }.map { control in
                    let label = Self.label(control.status)
                    return ControlRow(
                        controlID: control.id, controlTitle: control.title ?? "",
                        mappedPolicies: control.policies.map { PolicyLink(anchor: anchors[$0.id], policyID: $0.id) },
                        controlStatus: Badge(symbol: label.symbol, text: label.text, css: Self.css(control.status)),
                        failingResources: ReportText.count(control.failingResources)
                    )
                },
                unassessedControls: unassessed.map { UnassessedControl(controlID: $0.id, controlTitle: $0.title ?? "") },
                unassessedCount: ReportText.count(unassessed.count) + (unassessed.count == 1 ? " control" : " controls")
            )
        }
        let keys = coverage.frameworks.map(\.key)
        matrixHeaders = coverage.frameworks.map { $0.title ?? $0.key }
        matrixRows = policies.sorted { $0.id < $1.id }.filter { !$0.frameworks.isEmpty }.map { policy in
            MatrixRow(anchor: anchors[policy.id], policyID: policy.id, matrixStatus: FindingsView.badge(policy.counts),
                      cells: keys.map { key in policy.frameworks[key].map { $0.joined(separator: ", ") } ?? "—" })
        }
    }

    /// Symbol and word of a control verdict.
    static func label(_ status: ControlVerdict) -> (symbol: String, text: String) {
        switch status {
        case .pass: return ("✓", "pass")
        case .fail: return ("✗", "fail")
        case .partial: return ("◑", "partial")
        case .notAssessed: return ("–", "not assessed")
        case .notAssessedByAssay: return ("–", "not assessed by Assay")
        }
    }

    private static func css(_ status: ControlVerdict) -> String {
        switch status {
        case .pass: return "st-pass"
        case .fail: return "st-fail"
        case .partial: return "st-partial"
        case .notAssessed, .notAssessedByAssay: return "st-na"
        }
    }
}
