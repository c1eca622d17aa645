import Foundation
import LMDB
import Testing

struct LMDBErrorTests {
    @Test func everyLMDBCodeHasADistinctName() {
        let codes = LMDBError.Code.allLMDB
        #expect(codes.count == 20)
        let names = codes.map(\.name)
        #expect(Set(names).count == codes.count)
        #expect(names.allSatisfy { $0.hasPrefix("MDB_") })
        #expect(LMDBError.Code.mapFull.name == "MDB_MAP_FULL")
        #expect(LMDBError.Code.badDBI.name == "MDB_BAD_DBI")
    }

    @Test func descriptionIsOneReadableSentence() {
        let error = LMDBError(code: LMDBError.Code.mapFull.rawValue, operation: "mdb_put", context: "database 'events'")
        #expect(error.description == "mdb_put failed (database 'events'): Environment mapsize limit reached [MDB_MAP_FULL].")
        #expect(error.isMapFull && !error.isNotFound && !error.isKeyExist && !error.isMapResized)
    }

    @Test func systemErrorsAreClassified() {
        #expect(LMDBError(code: ENOSPC, operation: "mdb_txn_commit").isNoSpace)
        #expect(LMDBError(code: EDQUOT, operation: "mdb_txn_commit").isNoSpace)
        #expect(LMDBError(code: EAGAIN, operation: "mdb_env_open").isBusy)
        #expect(LMDBError(code: EBUSY, operation: "mdb_env_open").isBusy)
        #expect(LMDBError(code: ENOSPC, operation: "x").name == "ENOSPC")
        #expect(LMDBError(code: 4_242, operation: "x").name == "errno 4242")
    }

    @Test func openingAMissingDirectoryNamesItAndTheCall() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-lmdb-missing-\(getpid())").path
        let error = #expect(throws: LMDBError.self) { try Environment(directory: missing) }
        #expect(error?.code == ENOENT)
        #expect(error?.operation == "mdb_env_open")
        #expect(error?.description == "mdb_env_open failed (directory \(missing)): No such file or directory [ENOENT].")
    }
}
