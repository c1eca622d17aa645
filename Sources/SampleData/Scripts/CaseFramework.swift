/// The legal framework of a case.
enum CaseFramework: Sendable {
    case eu883
    case bilateral(String)
    case decree(String)

    var isEU883: Bool {
        if case .eu883 = self { return true }
        return false
    }
}
