import Ledger
import Projections

/// `GET /balances`: the balances of a year for finance staff, with the filters as a plain
/// GET form, a chart of positions per partner state, and the table with its totals.
enum BalancesPage {
    /// Two tables, as the CLI prints them: the flows of the window, then the stocks at the
    /// as-of date; each fits a screen without scrolling sideways.
    static let flows: [(title: String, figure: String)] = [
        ("Introduced by us", "claimsIntroduced"), ("Introduced against us", "debtsIntroduced"), ("Balance", "introducedBalance"),
        ("Paid to us", "claimsPaid"), ("Paid by us", "debtsPaid"), ("Balance", "paidBalance"),
    ]
    static let stocks: [(title: String, figure: String)] = [
        ("Receivable", "receivable"), ("Payable", "payable"), ("Net position", "netPosition"),
        ("Contested rec.", "contestedReceivable"), ("Contested pay.", "contestedPayable"),
        ("Overdue rec.", "overdueReceivable"), ("Overdue pay.", "overduePayable"),
        ("Time-barred rec.", "timeBarredReceivable"), ("Time-barred pay.", "timeBarredPayable"),
    ]
    static let signedFigures: Set<String> = ["introducedBalance", "paidBalance", "netPosition"]

    static func html(report: Balances.Report, byState: Balances.Report, identity: Identity, currencies: [String], chart requested: String?,
                     link: (String) -> String, thisYear: Int) -> String {
        let query = report.query
        let window = query.year.map { "flows of \($0)" } ?? "flows of all time"
        var body = """
        <header><h1>Liaison · inter-state balances of \(HTML.escape(query.home))</h1>
        <div class="who">\(HTML.escape(identity.name)) (\(identity.role.rawValue))<form method="post" action="/logout"><button type="submit">Sign out</button></form></div></header>
        <main>
        """
        body += filters(query: query, currencies: currencies, thisYear: thisYear)
        body += summary(report)

        // One chart, one currency (amounts in different currencies are not comparable): the
        // one asked for, else the one with the most partners; links switch without script.
        let charted = currencies.filter { currency in byState.rows.contains { $0.currency == currency && ($0.receivable != 0 || $0.payable != 0) } }
        let partners = { (currency: String) in byState.rows.filter { $0.currency == currency }.count }
        let shown = requested.flatMap { charted.contains($0) ? $0 : nil }
            ?? charted.max { partners($0) != partners($1) ? partners($0) < partners($1) : $0 > $1 }
        body += "<div class=\"card\"><h2>Positions per partner state at \(query.asOf)\(shown.map { " · \(HTML.escape($0))" } ?? "")</h2>"
        body += "<p class=\"sub\">Receivable (owed to \(HTML.escape(query.home))) to the right, payable (owed by \(HTML.escape(query.home))) to the left; the dark marker is the net position. The \(NetPositionChart.statesMax) largest net positions; every partner is in the table below. Time-barred claims are not counted (Art 67(1)).</p>"
        if charted.count > 1 {
            body += "<p class=\"tabs\">Currency: " + charted.map { currency in
                currency == shown ? "<strong>\(HTML.escape(currency))</strong>" : "<a href=\"\(HTML.escape(link(currency)))\">\(HTML.escape(currency))</a>"
            }.joined(separator: " ") + "</p>"
        }
        body += "<div class=\"legend\"><span><span class=\"sw\" style=\"background:#7fbf9c\"></span>receivable</span><span><span class=\"sw\" style=\"background:#d98b84\"></span>payable</span><span><span class=\"sw\" style=\"background:#1d2733\"></span>net position</span></div>"
        if let shown {
            body += NetPositionChart.svg(rows: byState.rows, currency: shown)
        } else {
            body += "<p class=\"empty\">No open receivable or payable at this date.</p>"
        }
        body += "</div>"

        let grouping = ["state": "partner state", "zone": "zone", "category": "category", "basis": "basis"][query.by.rawValue] ?? query.by.rawValue
        body += "<div class=\"card\"><h2>Stocks at \(query.asOf) by \(grouping)</h2>"
        body += "<p class=\"sub\">What is owed at the date: receivable and payable exclude time-barred claims (shown apart); overdue is past the Art 67(5) due date. A row per group and currency, then totals per zone and overall. As known at seq \(query.knownAt).</p>"
        body += report.rows.isEmpty ? "<p class=\"empty\">No claims.</p>" : table(report, columns: stocks)
        body += "</div>"
        body += "<div class=\"card\"><h2>Flows: \(window) by \(grouping)</h2>"
        body += "<p class=\"sub\">Claims introduced by \(HTML.escape(query.home)) (creditor) and against it (debtor) by introduction date; payments, advances included, by payment date.</p>"
        body += report.rows.isEmpty ? "<p class=\"empty\">No claims.</p>" : table(report, columns: flows)
        body += "</div></main>"
        return body
    }

    /// The overall totals per currency first: what a reader wants before the detail.
    static func summary(_ report: Balances.Report) -> String {
        let totals = report.totals.filter { $0.key == "all" }
        guard !totals.isEmpty else { return "" }
        var html = "<div class=\"card\"><h2>Totals at \(report.query.asOf)</h2><div class=\"scroll\"><table class=\"summary\"><thead><tr><th class=\"l\">Currency</th>"
        let figures: [(String, (Balances.Row) -> Int64)] = [
            ("Receivable", { $0.receivable }), ("Payable", { $0.payable }), ("Net position", { $0.netPosition }),
            ("Overdue rec.", { $0.overdueReceivable }), ("Overdue pay.", { $0.overduePayable }),
            ("Contested rec.", { $0.contestedReceivable }), ("Contested pay.", { $0.contestedPayable }),
        ]
        for (title, _) in figures { html += "<th>\(title)</th>" }
        html += "</tr></thead><tbody>"
        for total in totals {
            html += "<tr><td class=\"l\"><strong>\(HTML.escape(total.currency))</strong></td>"
            for (title, value) in figures {
                let units = value(total)
                let tone = title == "Net position" ? (units > 0 ? " class=\"pos\"" : units < 0 ? " class=\"neg\"" : "") : ""
                html += "<td\(tone)>\(title == "Net position" ? NetPositionChart.signed(units, scale: total.scale) : Money(minorUnits: units, scale: total.scale).grouped)</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div></div>"
    }

    static func filters(query: Balances.Query, currencies: [String], thisYear: Int) -> String {
        func option(_ value: String, _ label: String, selected: Bool) -> String {
            "<option value=\"\(HTML.escape(value))\"\(selected ? " selected" : "")>\(HTML.escape(label))</option>"
        }
        var years = option("", "All time", selected: query.year == nil)
        for year in stride(from: thisYear, through: thisYear - 15, by: -1) { years += option(String(year), String(year), selected: query.year == year) }
        var groupings = ""
        for grouping in Balances.Grouping.allCases {
            let label = ["state": "Partner state", "zone": "Zone (EU / non-EU)", "category": "Category", "basis": "Basis"][grouping.rawValue] ?? grouping.rawValue
            groupings += option(grouping.rawValue, label, selected: query.by == grouping)
        }
        var currencyOptions = option("", "All currencies", selected: query.currency == nil)
        for currency in currencies { currencyOptions += option(currency, currency, selected: query.currency == currency) }
        return """
        <div class="card"><form class="filters" method="get" action="/balances">
        <label>Year<select name="year">\(years)</select></label>
        <label>Group by<select name="by">\(groupings)</select></label>
        <label>Currency<select name="currency">\(currencyOptions)</select></label>
        <button class="primary" type="submit">Show</button>
        </form></div>
        """
    }

    static func table(_ report: Balances.Report, columns: [(title: String, figure: String)]) -> String {
        let byZone = report.query.by == .zone
        var html = "<div class=\"scroll\"><table><thead><tr><th class=\"l\">\(byZone ? "Zone" : HTML.escape(report.query.by.rawValue.capitalized))</th>"
        if !byZone { html += "<th class=\"l\">Zone</th>" }
        html += "<th class=\"l\">Cur.</th>"
        for column in columns { html += "<th>\(column.title)</th>" }
        html += "</tr></thead><tbody>"
        func row(_ row: Balances.Row, label: String, style: String?) -> String {
            var cells = "<tr\(style.map { " class=\"\($0)\"" } ?? "")><td class=\"l\">\(HTML.escape(label))</td>"
            if !byZone { cells += "<td class=\"l\">\(HTML.escape(row.zone ?? ""))</td>" }
            cells += "<td class=\"l\">\(HTML.escape(row.currency))</td>"
            let figures = Dictionary(uniqueKeysWithValues: row.figures.map { ($0.name, $0.units) })
            for column in columns {
                let units = figures[column.figure] ?? 0
                let signed = signedFigures.contains(column.figure)
                let tone = signed ? (units > 0 ? " class=\"pos\"" : units < 0 ? " class=\"neg\"" : "") : ""
                let text = units == 0 ? "–" : signed ? NetPositionChart.signed(units, scale: row.scale) : Money(minorUnits: units, scale: row.scale).grouped
                cells += "<td\(tone)>\(text)</td>"
            }
            return cells + "</tr>"
        }
        for item in report.rows { html += row(item, label: item.key, style: nil) }
        // By zone, the zone totals would repeat the rows: only the overall totals then.
        for total in report.totals where !byZone || total.key == "all" {
            html += row(total, label: total.key == "all" ? "Total" : "Total \(total.key)", style: total.key == "all" ? "grand" : "total")
        }
        return html + "</tbody></table></div>"
    }
}
