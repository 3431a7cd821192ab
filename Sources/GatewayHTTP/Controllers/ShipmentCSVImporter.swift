import Foundation
import GatewayCore
import GatewayImport
import Hummingbird

/// A courier's CSV export recorded as shipments, all or nothing — shared by the API (`POST /api/v1/shipments/import`)
/// and the console's shipping page: parse (``ShipmentImport``), check the caller may write every shop named, record in
/// one transaction (``ShipmentStore/recordShipments(_:actor:at:)``).
struct ShipmentCSVImporter: Sendable {
    let shipments: any ShipmentStore
    let platforms: [String: Platform]
    let shopEnterprises: [String: String]
    let clock: @Sendable () -> Timestamp

    /// Imports a file. - Returns: each row with its recording, or the message naming every bad row (nothing stored).
    /// - Throws: `403` when the caller may not change a shop the file names.
    func run(
        text: String,
        fileName: String,
        shop: String?,
        context: AppRequestContext
    ) async throws -> Result<[(row: ShipmentImport.Row, recording: ShipmentRecording)], Refused> {
        let principal = try context.requirePrincipal()
        let rows: [ShipmentImport.Row]
        switch Self.parseRows(text, fileName: fileName, shop: shop, knownShops: Set(platforms.keys)) {
        case .success(let parsed): rows = parsed
        case .failure(let error): return .failure(Refused(message: String(describing: error)))
        }
        for rowShop in Set(rows.map(\.shop)) { try context.requireWrite(enterprise: shopEnterprises[rowShop]) }
        let drafts = rows.compactMap { row -> ShipmentDraft? in
            guard let platform = platforms[row.shop] else { return nil }
            return ShipmentDraft(
                order: OrderKey(platform: platform, shop: row.shop, platformOrderId: row.platformOrderId),
                courier: row.courier,
                trackingNumber: row.trackingNumber,
                lines: row.lines
            )
        }
        do {
            let recordings = try await shipments.recordShipments(drafts, actor: principal.auditActor, at: clock())
            return .success(zip(rows, recordings).map { ($0, $1) })
        } catch let batch as ShipmentBatchRefusal {
            let problems = batch.refusals.map { refused -> String in
                let line = refused.index < rows.count ? rows[refused.index].line : refused.index + 2
                return "\(fileName): line \(line): \(refused.refusal.code): \(refused.refusal.description)"
            }
            return .failure(Refused(message: "nothing imported; \(problems.count) row(s) refused:\n" + problems.joined(separator: "\n")))
        }
    }

    /// A refused file: every bad row, by line.
    struct Refused: Error, Sendable {
        let message: String
    }

    /// A courier's export, parsed: the rows, or every problem (a function of its own: typed throws in a `do` whose only
    /// thrower is typed crashes this compiler).
    static func parseRows(_ text: String, fileName: String, shop: String?, knownShops: Set<String>) -> Result<[ShipmentImport.Row], ImportError> {
        do {
            return .success(try ShipmentImport.parse(try CSVDocument.parse(text, source: fileName), shop: shop, knownShops: knownShops))
        } catch {
            return .failure(error)
        }
    }
}
