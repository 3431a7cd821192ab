import GatewayCore
import GatewayStorage
import Testing

/// The console's order search filters on SQLite: order id prefix, phone tail, SKU, dates, the staff's shops.
@Suite struct StaffOrderQueryTests {
    static func order(_ shop: String, _ id: String, phone: String?, tail: String?, sku: String, createdAt: Int64) -> PreparedObservation {
        let snapshot = OrderSnapshot(
            status: .paid,
            platformStatus: "2",
            totalFen: 1990,
            paidFen: 1990,
            createdAt: Timestamp(secondsSince1970: createdAt),
            lines: [OrderLine(lineId: "l1", productId: "p", skuId: sku, outSkuId: "OUT-" + sku, title: "苹果", quantity: 1, paidFen: 1990)],
            buyer: BuyerInfo(maskedName: "张*", maskedPhone: phone, phoneTail: tail)
        )
        return PreparedObservation(
            observation: OrderObservation(
                key: OrderKey(platform: .douyin, shop: shop, platformOrderId: id),
                source: .detail,
                event: "detail",
                platformUpdatedAt: Timestamp(secondsSince1970: createdAt),
                status: nil,
                snapshot: snapshot
            ),
            rawPayload: "{}"
        )
    }

    func seeded() async throws -> SQLiteDatabase {
        let database = try SQLiteDatabase.inMemory()
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let store = database
        let observations = [
            Self.order("yunlai-douyin", "4984023467827309610", phone: "138****5678", tail: "5678", sku: "sku-apple", createdAt: 1_764_400_000),
            Self.order("yunlai-douyin", "4984023467827309611", phone: "139****1234", tail: nil, sku: "sku-pear", createdAt: 1_764_500_000),
            Self.order("linyin-douyin", "5001", phone: "137****5678", tail: "5678", sku: "sku-apple", createdAt: 1_764_600_000),
        ]
        var batch: [ProcessedDelivery] = []
        for (index, observation) in observations.enumerated() {
            let id = try await inbox.append([
                InboxDelivery(
                    platform: .douyin,
                    shop: observation.observation.key.shop,
                    deliveryId: "d\(index)",
                    kind: .push,
                    receivedAt: Timestamp(secondsSince1970: 1),
                    text: "{}"
                )
            ])[0].id
            batch.append(ProcessedDelivery(inboxId: id, deliveryId: "d\(index)", observations: [observation]))
        }
        _ = try await store.commit(batch, at: Timestamp(secondsSince1970: 1_764_700_000))
        return store
    }

    func ids(_ store: SQLiteDatabase, _ configure: (inout OrderQuery) -> Void) async throws -> Set<String> {
        var query = OrderQuery()
        configure(&query)
        return Set(try await store.orders(matching: query).map(\.key.platformOrderId))
    }

    @Test func filtersCombineAndKeepTheOldBehaviour() async throws {
        let store = try await seeded()
        #expect(try await ids(store) { _ in } == ["4984023467827309610", "4984023467827309611", "5001"])
        #expect(try await ids(store) { $0.platformOrderIdPrefix = "49840234678273096" } == ["4984023467827309610", "4984023467827309611"])
        #expect(try await ids(store) { $0.platformOrderIdPrefix = "4984023467827309611" } == ["4984023467827309611"])
        #expect(try await ids(store) { $0.phoneTail = "5678" } == ["4984023467827309610", "5001"])
        #expect(try await ids(store) { $0.phoneTail = "1234" } == ["4984023467827309611"])  // from the masked phone
        #expect(try await ids(store) { $0.sku = "sku-apple" } == ["4984023467827309610", "5001"])
        #expect(try await ids(store) { $0.sku = "OUT-sku-pear" } == ["4984023467827309611"])
        #expect(try await ids(store) { $0.createdFrom = Timestamp(secondsSince1970: 1_764_450_000) } == ["4984023467827309611", "5001"])
        #expect(try await ids(store) { $0.createdBefore = Timestamp(secondsSince1970: 1_764_500_000) } == ["4984023467827309610"])
        #expect(try await ids(store) { $0.shops = ["linyin-douyin"] } == ["5001"])
        #expect(try await ids(store) { $0.shops = [] }.isEmpty)
        #expect(
            try await ids(store) {
                $0.shops = ["yunlai-douyin"]
                $0.phoneTail = "5678"
            } == ["4984023467827309610"]
        )
        #expect(try await ids(store) { $0.shop = "linyin-douyin" } == ["5001"])
        #expect(try await ids(store) { $0.limit = 1 }.count == 1)
    }
}
