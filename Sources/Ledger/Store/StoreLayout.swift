import LMDB

/// The named LMDB databases of a store and their key schemes (docs/format.md).
/// Opened once per environment; LMDB dbi handles are never closed while it is open.
public struct StoreLayout: Sendable {
    /// seq (u64 BE) → hash(n) (32 bytes) ‖ bytes(n). Written with MDB_APPEND.
    public let events: Database
    /// event id → seq (u64 BE): idempotency.
    public let ids: Database
    /// case id ‖ 0x00 ‖ seq (u64 BE) → caseVersion (u32 BE; 0 for a linked claim event).
    public let caseEvents: Database
    /// claim id ‖ 0x00 ‖ seq (u64 BE) → empty.
    public let claimEvents: Database
    /// case id → CaseRecord (decision state).
    public let cases: Database
    /// case id ‖ 0x00 ‖ kind ‖ reference → reference state (documents, periods, benefits, final legislation).
    public let caseRefs: Database
    /// claim id → ClaimRecord (decision state).
    public let claims: Database
    /// "head", "home", "format" → store metadata.
    public let meta: Database

    /// The databases that replaying the log through validation rebuilds exactly;
    /// verify compares each with its rebuilt twin.
    public var derived: [(name: String, db: Database)] {
        [("ids", ids), ("caseEvents", caseEvents), ("claimEvents", claimEvents),
         ("cases", cases), ("caseRefs", caseRefs), ("claims", claims)]
    }

    public init(environment: Environment) throws {
        events = try environment.database("events")
        ids = try environment.database("ids")
        caseEvents = try environment.database("case_events")
        claimEvents = try environment.database("claim_events")
        cases = try environment.database("cases")
        caseRefs = try environment.database("case_refs")
        claims = try environment.database("claims")
        meta = try environment.database("meta")
    }

    static func streamKey(_ id: String, seq: UInt64) -> [UInt8] {
        var writer = ByteWriter(capacity: id.utf8.count + 9)
        writer.raw(id.utf8)
        writer.u8(0)
        writer.u64(seq)
        return writer.bytes
    }

    static func refKey(case caseID: String, kind: UInt8, ref: String) -> [UInt8] {
        var key = Array(caseID.utf8)
        key.append(0)
        key.append(kind)
        key.append(contentsOf: ref.utf8)
        return key
    }
}
