import Foundation

/// The application dependency graph of the DR section: one box per application in a column per
/// tier (tier 0 on the left; applications the register does not hold, or retired, in a last
/// column), one arrow per declared dependency — hard solid, soft dotted, a hard dependency on a
/// lower tier (inversion) red and thick, an edge on a hard-dependency cycle dashed and marked.
/// The layout is computed here from the sorted ids only, so the same result draws the same picture;
/// the template places numbers. The table beside it is the text alternative, and holds what the
/// picture cannot: composite availability against the SLO and the effective RTO.
struct DependencyView {
    struct Column {
        var columnX: String
        var columnLabel: String
    }

    struct Node {
        var x: String
        var y: String
        var width: String
        var height: String
        var textX: String
        var nameY: String
        var tierY: String
        var name: String
        var tierText: String
        var nodeCSS: String
        var nodeTooltip: String
    }

    struct Edge {
        var path: String
        var edgeCSS: String
        /// The arrowhead at the target, a triangle (`x,y x,y x,y`): drawn, not a `url(#marker)`
        /// reference, so the page never contains a `url(`.
        var arrow: String
        var headCSS: String
        var edgeTooltip: String
    }

    struct Row {
        var rowApp: String
        var rowTier: String
        var hardText: String
        var softText: String
        var compositeText: String
        var sloCheck: [Badge]
        var rtoText: String
        var notes: String
    }

    var graphWidth: String
    var graphHeight: String
    var graphSummary: String
    var columns: [Column]
    var nodes: [Node]
    var edges: [Edge]
    var rows: [Row]

    static let nodeWidth = 168.0
    static let nodeHeight = 40.0
    static let columnGap = 72.0
    static let rowGap = 24.0
    static let top = 36.0
    static let left = 16.0

    /// The view, or nil when no application of the result declares a dependency.
    init?(_ impact: DowntimeImpact) {
        let applications = impact.applications.filter { $0.dependencies != nil }
        guard applications.contains(where: { !($0.dependencies?.edges.isEmpty ?? true) }) else { return nil }
        let tiers = Dictionary(impact.applications.map { ($0.id, $0.tier) }, uniquingKeysWith: { first, _ in first })
        // Columns: the tiers present, in order, then the applications outside the register.
        let tierOrder = ["tier0", "tier1", "tier2", "tier3"]
        var columnKeys = tierOrder.filter { tier in applications.contains { $0.tier == tier } }
        let otherTiers = Set(applications.map(\.tier)).subtracting(tierOrder).sorted()
        columnKeys += otherTiers
        let outside = Set(applications.flatMap { $0.dependencies?.edges.filter { !$0.resolved }.map(\.target) ?? [] }).sorted()
        if !outside.isEmpty { columnKeys.append("") }
        var members: [String: [String]] = [:]
        for app in applications { members[app.tier, default: []].append(app.id) }
        members[""] = outside
        var position: [String: (x: Double, y: Double)] = [:]
        var maxRows = 0
        var columnViews: [Column] = []
        var nodeViews: [Node] = []
        for (index, key) in columnKeys.enumerated() {
            let x = Self.left + Double(index) * (Self.nodeWidth + Self.columnGap)
            columnViews.append(Column(columnX: Self.format(x + Self.nodeWidth / 2), columnLabel: key.isEmpty ? "not in the register" : key))
            let ids = (members[key] ?? []).sorted()
            maxRows = max(maxRows, ids.count)
            for (row, id) in ids.enumerated() {
                let y = Self.top + Double(row) * (Self.nodeHeight + Self.rowGap)
                position[id] = (x, y)
                let outsider = key.isEmpty
                nodeViews.append(Node(
                    x: Self.format(x), y: Self.format(y), width: Self.format(Self.nodeWidth), height: Self.format(Self.nodeHeight),
                    textX: Self.format(x + Self.nodeWidth / 2), nameY: Self.format(y + 17), tierY: Self.format(y + 32),
                    name: Self.shortened(id), tierText: outsider ? "not an active application" : (tiers[id] ?? key),
                    nodeCSS: outsider ? "dep-node dep-outside" : "dep-node",
                    nodeTooltip: outsider ? "\(id): not an active application of the register" : "\(id) (\(tiers[id] ?? key))"))
            }
        }
        // The bottom of the lowest box: long edges pass below it.
        let floor = Self.top + Double(maxRows) * (Self.nodeHeight + Self.rowGap) - Self.rowGap
        var edgeViews: [Edge] = []
        var hardCount = 0
        var softCount = 0
        var inversions: [String] = []
        var cycles: [String] = []
        var outsideEdges: [String] = []
        for app in applications.sorted(by: { $0.id < $1.id }) {
            for edge in app.dependencies?.edges ?? [] {
                guard let from = position[app.id], let to = position[edge.target] else { continue }
                if edge.isHard { hardCount += 1 } else { softCount += 1 }
                var css = ["dep-edge", edge.isHard ? "dep-hard" : "dep-soft"]
                var words = [edge.isHard ? "hard" : "soft"]
                if edge.inversion {
                    css.append("dep-inversion")
                    words.append("tier inversion")
                    inversions.append("\(app.id) → \(edge.target)")
                }
                if edge.onCycle {
                    css.append("dep-cycle")
                    words.append("on a cycle")
                }
                if !edge.resolved {
                    words.append("not an active application")
                    outsideEdges.append("\(edge.target) (from \(app.id))")
                }
                let curve = Self.curve(from: from, to: to, floor: floor)
                edgeViews.append(Edge(
                    path: curve.path, edgeCSS: css.joined(separator: " "), arrow: curve.arrow,
                    headCSS: edge.inversion ? "dep-head dep-head-inversion" : "dep-head",
                    edgeTooltip: "\(app.id) → \(edge.target): " + words.joined(separator: ", ")))
            }
            if let cycle = app.dependencies?.cycle, !cycles.contains(where: { Self.sameCycle($0, cycle) }) { cycles.append(cycle) }
        }
        graphWidth = Self.format(Self.left * 2 + Double(columnKeys.count) * Self.nodeWidth + Double(max(columnKeys.count - 1, 0)) * Self.columnGap)
        graphHeight = Self.format(Self.top + Double(maxRows) * (Self.nodeHeight + Self.rowGap) + 32)
        var summary = "\(ReportText.count(nodeViews.count)) applications, \(ReportText.count(hardCount)) hard and \(ReportText.count(softCount)) soft dependencies, in columns by tier."
        summary += inversions.isEmpty ? " No tier inversion." : " Tier inversions (a hard dependency on a lower tier): " + inversions.joined(separator: ", ") + "."
        summary += cycles.isEmpty ? " No cycle of hard dependencies." : " Cycles: " + cycles.joined(separator: "; ") + "."
        if !outsideEdges.isEmpty { summary += " Not active applications of the register: " + outsideEdges.joined(separator: ", ") + "." }
        graphSummary = summary
        columns = columnViews
        nodes = nodeViews
        edges = edgeViews
        rows = applications.sorted { $0.id < $1.id }.compactMap { app in
            guard let dependencies = app.dependencies else { return nil }
            let hard = dependencies.edges.filter(\.isHard).map(\.target)
            let soft = dependencies.edges.filter { !$0.isHard }.map(\.target)
            var notes: [String] = []
            let inverted = dependencies.edges.filter(\.inversion).map(\.target)
            if !inverted.isEmpty { notes.append("tier inversion: " + inverted.joined(separator: ", ")) }
            if let cycle = dependencies.cycle { notes.append("cycle: " + cycle) }
            if !dependencies.unresolved.isEmpty { notes.append("unresolved: " + dependencies.unresolved.joined(separator: ", ")) }
            var composite = dependencies.compositeAvailabilityText ?? ("unknown: " + (dependencies.compositeUnknownReason ?? "not modelled"))
            if let own = dependencies.impliedAvailabilityText, own != dependencies.compositeAvailabilityText, !hard.isEmpty {
                composite += " (\(own) on its own)"
            }
            var slo: [Badge] = []
            if let sloText = dependencies.sloText {
                let met = dependencies.compositeAvailability.flatMap { value in dependencies.slo.map { value >= $0 } }
                slo = [Badge(check: met, yes: "meets \(sloText)", no: "misses \(sloText)")]
                if met == nil { slo = [Badge(symbol: "?", text: "\(sloText): unknown", css: "st-unknown")] }
            }
            var rto = dependencies.effectiveRTOHours.map(ReportText.hours) ?? "unknown: " + (dependencies.effectiveRTOUnknownReason ?? "not modelled")
            if let bottleneck = dependencies.rtoBottleneck, dependencies.effectiveRTOHours != nil, !hard.isEmpty { rto += " (slowest: \(bottleneck))" }
            return Row(rowApp: app.id, rowTier: app.tier, hardText: hard.isEmpty ? "—" : hard.joined(separator: ", "),
                       softText: soft.isEmpty ? "—" : soft.joined(separator: ", "), compositeText: composite, sloCheck: slo,
                       rtoText: rto, notes: notes.isEmpty ? "—" : notes.joined(separator: "; "))
        }
    }

    /// A quadratic curve between the two boxes' borders, bent to the right of its direction so that
    /// the two edges of a two-way dependency do not overlap, and edges within a column clear the
    /// boxes; with the arrowhead at its end, along the curve's last direction.
    static func curve(from: (x: Double, y: Double), to: (x: Double, y: Double), floor: Double) -> (path: String, arrow: String) {
        let start = (x: from.x + nodeWidth / 2, y: from.y + nodeHeight / 2)
        let end = (x: to.x + nodeWidth / 2, y: to.y + nodeHeight / 2)
        let dx = end.x - start.x
        let dy = end.y - start.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1)
        let sameColumn = abs(dx) < 1
        // Within a column the curve swings clear of the boxes between; between neighbouring columns
        // it bends a little; across several columns it passes below every box (its lowest point,
        // at the middle, 12 below `floor`), never through the columns between.
        let columnsCrossed = abs(dx) / (nodeWidth + columnGap)
        let control: (x: Double, y: Double)
        if !sameColumn && columnsCrossed > 1.5 {
            control = ((start.x + end.x) / 2, 2 * (floor + 12) - (start.y + end.y) / 2)
        } else {
            let bend = sameColumn ? nodeWidth * 0.75 : 20
            control = ((start.x + end.x) / 2 - dy / length * bend, (start.y + end.y) / 2 + dx / length * bend)
        }
        let a = clip(center: start, toward: control)
        let b = clip(center: end, toward: control)
        let path = "M\(format(a.x)) \(format(a.y)) Q\(format(control.x)) \(format(control.y)) \(format(b.x)) \(format(b.y))"
        // The tangent at the end of a quadratic curve points from the control point to the end.
        let tx = b.x - control.x
        let ty = b.y - control.y
        let norm = max((tx * tx + ty * ty).squareRoot(), 1)
        let (ux, uy) = (tx / norm, ty / norm)
        let base = (x: b.x - ux * 9, y: b.y - uy * 9)
        let arrow = [(b.x, b.y), (base.x - uy * 4.5, base.y + ux * 4.5), (base.x + uy * 4.5, base.y - ux * 4.5)]
            .map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ")
        return (path, arrow)
    }

    /// Where the line from a box's center toward `point` leaves the box.
    static func clip(center: (x: Double, y: Double), toward point: (x: Double, y: Double)) -> (x: Double, y: Double) {
        let dx = point.x - center.x
        let dy = point.y - center.y
        guard dx != 0 || dy != 0 else { return center }
        let scaleX = dx == 0 ? Double.infinity : (nodeWidth / 2 + 2) / abs(dx)
        let scaleY = dy == 0 ? Double.infinity : (nodeHeight / 2 + 2) / abs(dy)
        let scale = min(scaleX, scaleY, 1)
        return (center.x + dx * scale, center.y + dy * scale)
    }

    /// Two cycle texts name the same cycle when they hold the same applications.
    static func sameCycle(_ lhs: String, _ rhs: String) -> Bool {
        Set(lhs.components(separatedBy: " → ")) == Set(rhs.components(separatedBy: " → "))
    }

    /// A label that fits the box (22 characters); the tooltip and table keep the whole id.
    static func shortened(_ id: String) -> String { id.count <= 22 ? id : String(id.prefix(21)) + "…" }

    static func format(_ value: Double) -> String { ReportText.number(value, digits: 1) }
}
