import Hummingbird
import Ledger

/// Query parameters, checked: a wrong value is a 400 naming the parameter and the rule.
struct Query {
    let parameters: [(String, String)]

    init(_ request: Request) {
        // Hummingbird has already percent-decoded the values.
        parameters = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    func text(_ name: String) -> String? { parameters.last(where: { $0.0 == name })?.1 }
    func all(_ name: String) -> [String] { parameters.filter { $0.0 == name }.map(\.1) }

    func seq(_ name: String) throws -> UInt64? {
        guard let text = text(name), !text.isEmpty else { return nil }
        guard let value = UInt64(text) else { throw APIError.badRequest("\(name)=\(text) is not a seq (a whole number ≥ 0).") }
        return value
    }

    func date(_ name: String) throws -> BusinessDate? {
        guard let text = text(name), !text.isEmpty else { return nil }
        guard let date = BusinessDate(text) else { throw APIError.badRequest("\(name)=\(text) is not a real calendar date YYYY-MM-DD.") }
        return date
    }
}
