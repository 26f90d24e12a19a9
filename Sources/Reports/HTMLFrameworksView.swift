import PolicyEngine

/// The framework view: per framework a table of controls, and a coverage matrix of policies ×
/// frameworks.
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

    struct FrameworkBlock {
        var frameworkKey: String
        var frameworkName: String
        var frameworkAnchor: String
        var tally: String
        var hasCatalogTitle: Bool
        var hasCatalog: Bool
        var controlRows: [ControlRow]
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
            var tallies: [FrameworkCoverage.ControlStatus: Int] = [:]
            for control in framework.controls { tallies[control.status, default: 0] += 1 }
            let tally = [FrameworkCoverage.ControlStatus.pass, .fail, .partial, .notAssessed]
                .map { "\(ReportText.count(tallies[$0] ?? 0)) \($0.rawValue)" }.joined(separator: " · ")
            return FrameworkBlock(
                frameworkKey: framework.key, frameworkName: framework.title ?? framework.key,
                frameworkAnchor: names.make("framework", framework.key), tally: tally, hasCatalogTitle: framework.title != nil,
                hasCatalog: framework.controls.contains { $0.title != nil },
                controlRows: framework.controls.map { control in
                    let label = control.status.label
                    return ControlRow(
                        controlID: control.id, controlTitle: control.title ?? "",
                        mappedPolicies: control.policies.map { PolicyLink(anchor: anchors[$0.id], policyID: $0.id) },
                        controlStatus: Badge(symbol: label.symbol, text: label.text, css: Self.css(control.status)),
                        failingResources: ReportText.count(control.failingResources)
                    )
                }
            )
        }
        let keys = coverage.frameworks.map(\.key)
        matrixHeaders = coverage.frameworks.map { $0.title ?? $0.key }
        matrixRows = policies.sorted { $0.id < $1.id }.filter { !$0.frameworks.isEmpty }.map { policy in
            MatrixRow(anchor: anchors[policy.id], policyID: policy.id, matrixStatus: FindingsView.badge(policy.counts),
                      cells: keys.map { key in policy.frameworks[key].map { $0.joined(separator: ", ") } ?? "—" })
        }
    }

    private static func css(_ status: FrameworkCoverage.ControlStatus) -> String {
        switch status {
        case .pass: return "st-pass"
        case .fail: return "st-fail"
        case .partial: return "st-partial"
        case .notAssessed: return "st-na"
        }
    }
}
