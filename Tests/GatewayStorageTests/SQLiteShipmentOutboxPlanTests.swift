import GRDB
import GatewayCore
import GatewayTesting
import Testing

@testable import GatewayStorage

/// The outbox's once-a-second claim reads only the entries still in play: its plan searches the outbox by state,
/// never scans every write-back ever made.
@Suite struct SQLiteShipmentOutboxPlanTests {
    @Test func theClaimSearchesTheActiveStatesOnly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .random())
        let plan = try await database.reader.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteDatabase.claimDueSQL, arguments: [1, 1, 10]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.hasPrefix("SEARCH shipment_write_backs USING INDEX shipment_write_backs_due (state=?)") }, "\(plan)")
        #expect(!plan.contains { $0 == "SCAN shipment_write_backs" }, "\(plan)")
    }
}
