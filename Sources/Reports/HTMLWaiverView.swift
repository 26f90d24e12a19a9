import PolicyEngine

/// The waiver register: every waiver grouped by state (expired, expiring, stale, active).
struct WaiverRegisterView {
    struct WaiverRow {
        var registerID: String
        var anchor: String
        var registerPolicy: String
        var registerResources: String
        var reason: String
        var registerOwner: String
        var ticket: String
        var registerExpires: String
        var registerDays: String
        var matched: String
    }

    struct StateGroup {
        var stateBadge: Badge
        var stateTitle: String
        var stateExplanation: String
        var waiverRows: [WaiverRow]
    }

    var stateGroups: [StateGroup]
    var waiverTotal: String

    init(_ waivers: [WaiverStatus], anchors: PolicyAnchors) {
        let order: [(WaiverState, Badge, String, String)] = [
            (.expired, Badge(symbol: "✗", text: "expired", css: "st-fail"), "Expired",
             "Past their expiry date: they no longer waive anything; the findings they covered fail again."),
            (.expiring, Badge(symbol: "⏳", text: "expiring", css: "st-waived"), "Expiring within 30 days",
             "Still valid; renew them with a new review or fix the findings before they lapse."),
            (.stale, Badge(symbol: "–", text: "stale", css: "st-na"), "Stale",
             "Valid but matching no failure: remove them, or correct their policy or resource patterns."),
            (.active, Badge(symbol: "✓", text: "active", css: "st-pass"), "Active", "Valid and waiving at least one failure."),
        ]
        stateGroups = order.compactMap { state, badge, title, explanation in
            let rows = waivers.filter { $0.state == state }.sorted { lhs, rhs in
                lhs.waiver.expires != rhs.waiver.expires ? lhs.waiver.expires < rhs.waiver.expires : lhs.waiver.id < rhs.waiver.id
            }
            guard !rows.isEmpty else { return nil }
            return StateGroup(stateBadge: badge, stateTitle: title, stateExplanation: explanation, waiverRows: rows.map { status in
                WaiverRow(registerID: status.waiver.id, anchor: anchors[status.waiver.policy], registerPolicy: status.waiver.policy,
                          registerResources: status.waiver.resources.joined(separator: ", "), reason: status.waiver.reason,
                          registerOwner: status.waiver.owner, ticket: status.waiver.ticket ?? "—",
                          registerExpires: status.waiver.expires.description, registerDays: ReportText.count(status.daysToExpiry),
                          matched: ReportText.count(status.matched))
            })
        }
        waiverTotal = ReportText.count(waivers.count)
    }
}
