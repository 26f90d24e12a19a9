import Foundation

/// The geometry of a small inline SVG chart (bars or a line), computed here so the template only
/// places numbers. Every chart is drawn next to a table with the same figures, so the chart never
/// is the only way to read them.
struct SVGChart {
    /// One data point.
    struct Datum {
        /// Category label on the x axis (a month, a run date).
        var label: String
        var value: Double
        /// The formatted value, shown in the point's tooltip.
        var text: String
    }

    /// A bar (or a line marker) with its label position.
    struct Mark {
        var x: String
        var y: String
        var width: String
        var height: String
        var centerX: String
        var label: String
        /// Whether the x-axis label is drawn (thinned out when there are many points).
        var showsLabel: Bool
        /// Tooltip text: label and value.
        var tooltip: String
    }

    /// A horizontal grid line with its value label.
    struct Tick {
        var y: String
        var label: String
    }

    /// Unique id (for `aria-labelledby`).
    var id: String
    var title: String
    var summary: String
    var width = "640"
    var height = "240"
    var plotLeft = "72"
    var plotRight = "628"
    var axisY = "200"
    var labelY = "220"
    var marks: [Mark]
    var ticks: [Tick]
    /// `x,y x,y …` of the line; empty for bar charts.
    var linePoints: String
    var isLine: Bool

    private static let left = 72.0
    private static let right = 628.0
    private static let top = 16.0
    private static let bottom = 200.0
    private static let maximumLabels = 12
    private static let lineInset = 36.0

    /// A bar chart of non-negative values (negative ones are drawn as zero).
    static func bars(id: String, title: String, summary: String, data: [Datum], tickLabel: (Double) -> String) -> SVGChart {
        let scale = Scale(maximum: data.map(\.value).max() ?? 0)
        let slot = (right - left) / Double(max(data.count, 1))
        let barWidth = min(slot * 0.6, 80)
        let marks = data.enumerated().map { index, datum in
            let center = left + slot * (Double(index) + 0.5)
            let top = scale.y(datum.value, top: Self.top, bottom: bottom)
            return Mark(x: format(center - barWidth / 2), y: format(top), width: format(barWidth), height: format(bottom - top),
                        centerX: format(center), label: datum.label, showsLabel: showsLabel(index, of: data.count),
                        tooltip: datum.label + ": " + datum.text)
        }
        return SVGChart(id: id, title: title, summary: summary, marks: marks, ticks: scale.ticks(top: top, bottom: bottom, label: tickLabel),
                        linePoints: "", isLine: false)
    }

    /// A line chart; `maximum` fixes the top of the scale (1 for ratios), else it follows the data.
    static func line(id: String, title: String, summary: String, data: [Datum], maximum: Double? = nil,
                     tickLabel: (Double) -> String) -> SVGChart {
        let scale = Scale(maximum: maximum ?? data.map(\.value).max() ?? 0)
        // Inset the first and last points so their date labels fit inside the drawing.
        let first = left + lineInset
        let last = right - lineInset
        let step = data.count > 1 ? (last - first) / Double(data.count - 1) : 0
        var points: [String] = []
        let marks = data.enumerated().map { index, datum in
            let x = data.count > 1 ? first + step * Double(index) : (left + right) / 2
            let y = scale.y(datum.value, top: top, bottom: bottom)
            points.append(format(x) + "," + format(y))
            return Mark(x: format(x), y: format(y), width: "0", height: "0", centerX: format(x), label: datum.label,
                        showsLabel: showsLabel(index, of: data.count), tooltip: datum.label + ": " + datum.text)
        }
        return SVGChart(id: id, title: title, summary: summary, marks: marks, ticks: scale.ticks(top: top, bottom: bottom, label: tickLabel),
                        linePoints: points.joined(separator: " "), isLine: true)
    }

    /// Compact axis labels: `2.5M`, `25k`, `900`.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return ReportText.number(value / 1_000_000, digits: 1) + "M" }
        if magnitude >= 1_000 { return ReportText.number(value / 1_000, digits: 1) + "k" }
        return ReportText.number(value, digits: 2)
    }

    private static func showsLabel(_ index: Int, of count: Int) -> Bool {
        let every = max(1, Int((Double(count) / Double(maximumLabels)).rounded(.up)))
        return index % every == 0 || index == count - 1
    }

    private static func format(_ coordinate: Double) -> String { ReportText.number(coordinate, digits: 1) }

    /// A linear scale from 0 to a "nice" maximum (1, 2 or 5 × 10ⁿ steps, at most five of them).
    private struct Scale {
        let top: Double
        let step: Double

        init(maximum: Double) {
            let positive = maximum.isFinite && maximum > 0 ? maximum : 1
            let raw = positive / 4
            let magnitude = pow(10, (log10(raw)).rounded(.down))
            let residual = raw / magnitude
            let factor: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
            step = factor * magnitude
            top = (positive / step).rounded(.up) * step
        }

        func y(_ value: Double, top plotTop: Double, bottom plotBottom: Double) -> Double {
            let clamped = min(max(value.isFinite ? value : 0, 0), top)
            return plotBottom - (plotBottom - plotTop) * clamped / top
        }

        func ticks(top plotTop: Double, bottom plotBottom: Double, label: (Double) -> String) -> [Tick] {
            // At most five steps by construction; near Double's limit `top` may overflow to infinity.
            let count = min(5, max(0, (top / step).rounded().intRoundedDown ?? 0))
            return (0...count).map { index in
                let value = step * Double(index)
                return Tick(y: SVGChart.format(y(value, top: plotTop, bottom: plotBottom)), label: label(value))
            }
        }
    }
}
