/// The decision state of one case: what validation of the next case event needs.
/// Stored in the `cases` database, updated in the same transaction as each append.
struct CaseRecord: Equatable {
    var version: UInt32
    var closed: Bool
    var opened: BusinessDate
    var framework: String
    var counterparty: String

    var bytes: [UInt8] {
        var writer = ByteWriter(capacity: 24)
        writer.u32(version)
        writer.u8(closed ? 1 : 0)
        writer.i32(opened.days)
        writer.shortString(framework)
        writer.shortString(counterparty)
        return writer.bytes
    }

    init(version: UInt32, closed: Bool, opened: BusinessDate, framework: String, counterparty: String) {
        self.version = version
        self.closed = closed
        self.opened = opened
        self.framework = framework
        self.counterparty = counterparty
    }

    init(_ raw: UnsafeRawBufferPointer) throws(ByteReader.Truncated) {
        var reader = ByteReader(raw)
        version = try reader.u32()
        closed = try reader.u8() == 1
        opened = BusinessDate(days: try reader.i32())
        framework = try reader.shortString()
        counterparty = try reader.shortString()
    }
}

/// The decision state of one reimbursement claim, all amounts in minor units.
struct ClaimRecord: Equatable {
    var version: UInt32
    var withdrawn: Bool
    var creditor: String
    var debtor: String
    var currency: String
    var scale: UInt8
    var introduced: BusinessDate
    var amount: Int64
    var credited: Int64
    var upheld: Int64
    var paid: Int64
    /// Contested and not yet resolved.
    var contested: Int64

    /// amount − credit notes − upheld contestations − payments (SPEC §2); zero once withdrawn.
    var outstanding: Int64 { withdrawn ? 0 : amount - credited - upheld - paid }

    var bytes: [UInt8] {
        var writer = ByteWriter(capacity: 64)
        writer.u32(version)
        writer.u8(withdrawn ? 1 : 0)
        writer.shortString(creditor)
        writer.shortString(debtor)
        writer.shortString(currency)
        writer.u8(scale)
        writer.i32(introduced.days)
        for value in [amount, credited, upheld, paid, contested] { writer.i64(value) }
        return writer.bytes
    }

    init(creditor: String, debtor: String, currency: Currency, introduced: BusinessDate, amount: Int64) {
        version = 1
        withdrawn = false
        self.creditor = creditor
        self.debtor = debtor
        self.currency = currency.code
        scale = UInt8(currency.minorDigits)
        self.introduced = introduced
        self.amount = amount
        credited = 0
        upheld = 0
        paid = 0
        contested = 0
    }

    init(_ raw: UnsafeRawBufferPointer) throws(ByteReader.Truncated) {
        var reader = ByteReader(raw)
        version = try reader.u32()
        withdrawn = try reader.u8() == 1
        creditor = try reader.shortString()
        debtor = try reader.shortString()
        currency = try reader.shortString()
        scale = try reader.u8()
        introduced = BusinessDate(days: try reader.i32())
        amount = try reader.i64()
        credited = try reader.i64()
        upheld = try reader.i64()
        paid = try reader.i64()
        contested = try reader.i64()
    }
}
