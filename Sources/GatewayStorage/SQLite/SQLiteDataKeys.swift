import Foundation
import GRDB
import GatewayCore

/// The `data_keys` table: a check value per key id that has sealed data in this database.
///
/// At every start the configured ring is held against it: a key whose check value does not open is the wrong key
/// for its id, and an id listed here but missing from the ring would leave data that can never be opened — both are
/// refused with a ``StorageError`` that says what to configure. The current key's id is recorded when it first seals.
enum SQLiteDataKeys {
    /// The plaintext every check value seals.
    static let checkPlaintext = Array("livestream-order-gateway data key check v1".utf8)

    /// Refuses a ring that does not fit the database (nothing to check before migration `v7-data-at-rest`).
    static func verify(_ db: Database, sealer: DataSealer) throws {
        guard try db.tableExists("data_keys") else { return }
        for row in try Row.fetchAll(db, sql: "SELECT id, check_value FROM data_keys ORDER BY first_used_at, id") {
            let id: String = row["id"]
            let check: Data = row["check_value"]
            guard sealer.keys.key(id: id) != nil else {
                throw StorageError(
                    "storage.data_keys does not list data key \"\(id)\", which sealed data in this database: keep it after the current key "
                        + "(e.g. GATEWAY_DATA_KEY=\(sealer.keys.current.id):…,\(id):…) so that data can still be opened"
                )
            }
            let opened: [UInt8]
            do {
                opened = try sealer.openBinary(Array(check), purpose: .keyCheck)
            } catch {
                throw StorageError(
                    "storage.data_keys: data key \"\(id)\" is not the key this database was sealed with under that id "
                        + "(its check value does not open); configure the original key for \"\(id)\""
                )
            }
            guard opened == checkPlaintext else {
                throw StorageError("storage.data_keys: the check value of data key \"\(id)\" holds something else; the data_keys table was changed")
            }
        }
    }

    /// Records the current key's check value if its id has none yet.
    static func recordCurrent(_ db: Database, sealer: DataSealer) throws {
        let id = sealer.keys.current.id
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM data_keys WHERE id = ?", arguments: [id]) == nil else { return }
        try db.execute(
            sql: "INSERT INTO data_keys (id, check_value, first_used_at) VALUES (?, ?, ?)",
            arguments: [id, Data(try sealer.sealBinary(checkPlaintext, purpose: .keyCheck)), Int64((Date().timeIntervalSince1970 * 1000).rounded())]
        )
    }
}
