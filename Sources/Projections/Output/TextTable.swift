/// A plain-text table for people: a header, aligned columns (numbers right-aligned),
/// a rule under the header and an optional rule before a totals section.
public struct TextTable {
    public enum Alignment { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    private var rows: [[String]?] = []   // nil = a rule

    public init(headers: [String], alignments: [Alignment]) {
        precondition(headers.count == alignments.count)
        self.headers = headers
        self.alignments = alignments
    }

    public mutating func add(_ row: [String]) {
        precondition(row.count == headers.count)
        rows.append(row)
    }

    public mutating func addRule() { rows.append(nil) }

    public var rendered: String {
        var widths = headers.map { $0.count }
        for case let row? in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return alignments[index] == .right ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var out = [line(headers), rule]
        for row in rows { out.append(row.map(line) ?? rule) }
        return out.joined(separator: "\n")
    }
}

import Foundation
