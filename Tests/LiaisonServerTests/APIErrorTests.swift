import Foundation
import Ledger
import LiaisonServer
import Testing

/// What a client learns from a ledger failure: 404/400 keep their sentence (it is about
/// the request); a 500 never carries the store's paths, errno or the ids of damaged entries.
struct APIErrorTests {
    @Test func serverFailuresGetAGenericSentence() {
        let io = APIError.from(LedgerError.io("Storage error: /srv/liaison/store/data.mdb: errno 5 (EIO)"))
        #expect(io.status == .internalServerError && io.code == "io-error")
        #expect(!io.message.contains("/srv/liaison") && !io.message.contains("errno"))
        let corrupt = APIError.from(LedgerError.corrupt("The stream of FR-P-2025-0001 points at seq 17, which is not in the log."))
        #expect(corrupt.status == .internalServerError && corrupt.code == "corrupt")
        #expect(!corrupt.message.contains("FR-P-2025-0001") && !corrupt.message.contains("17"))
        #expect(io.message != corrupt.message)
    }

    @Test func requestMistakesKeepTheirSentence() {
        let missing = APIError.from(LedgerError.noSuchCase("FR-P-2025-0009"))
        #expect(missing.status == .notFound && missing.message.contains("FR-P-2025-0009"))
        let usage = APIError.from(LedgerError.usage("atSeq=9 is beyond the head 3."))
        #expect(usage.status == .badRequest && usage.message == "atSeq=9 is beyond the head 3.")
    }
}
