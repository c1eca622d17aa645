import Foundation
import Ledger

extension Balances.Report {
    private static func amount(_ units: Int64, _ scale: Int) -> String { Money(minorUnits: units, scale: scale).formatted }

    /// `{"home":…,"year":…,"asOf":…,"knownAt":…,"by":…,"rows":[…],"totals":[…]}`, amounts as
    /// strings with the currency's digits.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("home", query.home)
        writer.key("year")
        if let year = query.year { writer.int(year) } else { writer.null() }
        writer.field("asOf", query.asOf.description)
        writer.field("knownAt", query.knownAt)
        writer.field("by", query.by.rawValue)
        writer.key("currency")
        if let currency = query.currency { writer.string(currency) } else { writer.null() }
        for (name, list) in [("rows", rows), ("totals", totals)] {
            writer.key(name)
            writer.beginArray()
            for row in list {
                writer.beginObject()
                writer.field("key", row.key)
                writer.field("zone", row.zone)
                writer.field("currency", row.currency)
                for (figure, units) in row.figures { writer.field(figure, Self.amount(units, row.scale)) }
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
        return writer.text
    }

    /// A header row, then one row per group and currency, then the totals; plain decimals.
    public var csv: String {
        var lines = [(["section", "key", "zone", "currency"] + Balances.Report.figureNames).joined(separator: ",")]
        for (section, list) in [("row", rows), ("total", totals)] {
            for row in list {
                let cells = [section, Self.csvCell(row.key), row.zone ?? "", row.currency] + row.figures.map { Self.amount($0.units, row.scale) }
                lines.append(cells.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n")
    }

    static var figureNames: [String] { Balances.Row(key: "", zone: nil, currency: "", scale: 0).figures.map(\.name) }

    private static func csvCell(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Two tables for people, flows then stocks, with thousands separators, visible
    /// minus signs and the totals under a rule.
    public var table: String {
        let window = query.year.map { "year \($0), " } ?? "all time, "
        var out = ["Balances of \(query.home) by \(query.by.rawValue): flows of \(window)stocks at \(query.asOf), as known at seq \(query.knownAt)"]
        if rows.isEmpty { return (out + ["(no claims)"]).joined(separator: "\n") }
        let sections: [(String, [String], (Balances.Row) -> [Int64])] = [
            ("Flows", ["introduced by us", "introduced against us", "balance", "paid to us", "paid by us", "balance"],
             { [$0.claimsIntroduced, $0.debtsIntroduced, $0.introducedBalance, $0.claimsPaid, $0.debtsPaid, $0.paidBalance] }),
            ("Stocks", ["receivable", "payable", "net position", "contested rec.", "contested pay.", "overdue rec.", "overdue pay.", "time-barred rec.", "time-barred pay."],
             { [$0.receivable, $0.payable, $0.netPosition, $0.contestedReceivable, $0.contestedPayable, $0.overdueReceivable, $0.overduePayable, $0.timeBarredReceivable, $0.timeBarredPayable] }),
        ]
        // Grouped by zone, the zone column and the per-zone totals would repeat the rows.
        let byZone = query.by == .zone
        let shownTotals = byZone ? totals.filter { $0.key == "all" } : totals
        for (title, headers, values) in sections {
            let lead = byZone ? ["zone", "cur"] : [query.by.rawValue, "zone", "cur"]
            var table = TextTable(headers: lead + headers, alignments: lead.map { _ in .left } + headers.map { _ in .right })
            func cells(_ row: Balances.Row, _ key: String) -> [String] {
                (byZone ? [key, row.currency] : [key, row.zone ?? "", row.currency]) + values(row).map { Money(minorUnits: $0, scale: row.scale).grouped }
            }
            for row in rows { table.add(cells(row, row.key)) }
            table.addRule()
            for row in shownTotals { table.add(cells(row, "total " + row.key)) }
            out.append("")
            out.append(title)
            out.append(table.rendered)
        }
        return out.joined(separator: "\n")
    }
}
