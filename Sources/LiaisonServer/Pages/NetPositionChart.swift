import Foundation
import Ledger
import Projections

/// An SVG bar chart of one currency's positions per partner state: what the partner owes
/// us (receivable, to the right), what we owe it (payable, to the left), and the net
/// position as a dark marker. Plain SVG in the page: no script, prints as it shows.
enum NetPositionChart {
    static let statesMax = 20

    static func svg(rows: [Balances.Row], currency: String) -> String {
        // The largest positions either way, then from most owed to us to most owed by us.
        let rows = rows.filter { $0.currency == currency && ($0.receivable != 0 || $0.payable != 0) }
            .sorted { abs($0.netPosition) != abs($1.netPosition) ? abs($0.netPosition) > abs($1.netPosition) : $0.key < $1.key }
            .prefix(statesMax)
            .sorted { $0.netPosition != $1.netPosition ? $0.netPosition > $1.netPosition : $0.key < $1.key }
        guard let scale = rows.first?.scale else { return "<p class=\"empty\">No receivable or payable in \(HTML.escape(currency)) at this date.</p>" }
        let extent = max(rows.map { max($0.receivable, $0.payable) }.max() ?? 1, 1)
        let labelWidth = 56.0, plotWidth = 760.0, valueWidth = 190.0, rowHeight = 24.0, top = 30.0
        let width = labelWidth + plotWidth + valueWidth
        let height = top + rowHeight * Double(rows.count) + 12
        let center = labelWidth + plotWidth / 2
        let half = plotWidth / 2 - 6
        func x(_ units: Int64) -> Double { center + Double(units) / Double(extent) * half }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"100%\" role=\"img\" aria-label=\"Receivable and payable per partner state in \(HTML.escape(currency))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">"
        // Grid at -100 %, -50 %, 0, 50 %, 100 % of the largest position, labelled in major units.
        for step in [-2, -1, 0, 1, 2] {
            let units = extent * Int64(step) / 2
            let gx = x(units)
            svg += "<line x1=\"\(f(gx))\" y1=\"\(f(top - 6))\" x2=\"\(f(gx))\" y2=\"\(f(height - 10))\" stroke=\"\(step == 0 ? "#1d2733" : "#d9dee4")\" stroke-width=\"\(step == 0 ? 1.2 : 1)\"/>"
            svg += "<text x=\"\(f(gx))\" y=\"\(f(top - 12))\" text-anchor=\"middle\" fill=\"#5b6775\" font-size=\"11\">\(abbreviated(abs(units), scale: scale))</text>"
        }
        svg += "<text x=\"\(f(center - 10))\" y=\"12\" text-anchor=\"end\" fill=\"#b3392f\" font-size=\"11\">◀ payable (we owe)</text>"
        svg += "<text x=\"\(f(center + 10))\" y=\"12\" fill=\"#1f7a4d\" font-size=\"11\">receivable (owed to us) ▶</text>"
        svg += "<text x=\"\(f(width - 8))\" y=\"12\" text-anchor=\"end\" fill=\"#5b6775\" font-size=\"11\">net position</text>"
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            let barY = y + 5, barHeight = rowHeight - 10
            if index % 2 == 1 {
                svg += "<rect x=\"0\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(rowHeight))\" fill=\"#f6f7f9\"/>"
            }
            svg += "<text x=\"\(f(labelWidth - 10))\" y=\"\(f(y + rowHeight / 2 + 4))\" text-anchor=\"end\" font-weight=\"600\">\(HTML.escape(row.key))</text>"
            if row.payable > 0 {
                svg += "<rect x=\"\(f(x(-row.payable)))\" y=\"\(f(barY))\" width=\"\(f(center - x(-row.payable)))\" height=\"\(f(barHeight))\" fill=\"#d98b84\"><title>\(HTML.escape(row.key)) payable \(Money(minorUnits: row.payable, scale: scale).grouped) \(currency)</title></rect>"
            }
            if row.receivable > 0 {
                svg += "<rect x=\"\(f(center))\" y=\"\(f(barY))\" width=\"\(f(x(row.receivable) - center))\" height=\"\(f(barHeight))\" fill=\"#7fbf9c\"><title>\(HTML.escape(row.key)) receivable \(Money(minorUnits: row.receivable, scale: scale).grouped) \(currency)</title></rect>"
            }
            let net = x(row.netPosition)
            svg += "<rect x=\"\(f(net - 1.5))\" y=\"\(f(y + 2))\" width=\"3\" height=\"\(f(rowHeight - 4))\" fill=\"#1d2733\"/>"
            let color = row.netPosition >= 0 ? "#1f7a4d" : "#b3392f"
            svg += "<text x=\"\(f(width - 8))\" y=\"\(f(y + rowHeight / 2 + 4))\" text-anchor=\"end\" fill=\"\(color)\" font-weight=\"600\">\(signed(row.netPosition, scale: scale)) \(HTML.escape(currency))</text>"
        }
        svg += "</svg>"
        return svg
    }

    static func signed(_ units: Int64, scale: Int) -> String {
        (units > 0 ? "+" : units < 0 ? "−" : "") + Money(minorUnits: abs(units), scale: scale).grouped
    }

    /// 1 234 567.89 → "1.2M": axis labels stay short.
    static func abbreviated(_ units: Int64, scale: Int) -> String {
        var major = Double(units)
        for _ in 0..<scale { major /= 10 }
        switch major {
        case 1_000_000_000...: return String(format: "%.1fbn", major / 1_000_000_000)
        case 1_000_000...: return String(format: "%.1fM", major / 1_000_000)
        case 1_000...: return String(format: "%.0fk", major / 1_000)
        default: return String(format: "%.0f", major)
        }
    }
}
