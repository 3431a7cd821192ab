import Foundation
import GatewayConfig
import GatewayCore
import GatewayHTTP
import GatewayRuntime
import GatewayStorage
import GatewayTesting

/// A real gateway (GatewayServer, SQLite file, random port) with staff users and seeded orders, for browser tests.
struct ConsoleBrowserHarness {
    static let password = "yunlai-2025!"
    static let ownOrderId = "4984023467827309610"
    static let otherOrderId = "6917123456789012345"

    let directory: String
    let server: GatewayServer
    let baseURL: String

    /// `trace.public_base_url` of the harness's gateway (configured with a trailing `/`, which is dropped).
    static let traceBaseURL = "https://trace.example.cn"

    /// The data key of the harness's gateway (`storage.data_keys`), also used to seed its database.
    static let dataKeySpec = "browser:YnJvd3Nlci1kYXRhLWtleS0wMTIzNDU2Nzg5YWJjZCE="

    static func start() async throws -> ConsoleBrowserHarness {
        let directory = NSTemporaryDirectory() + "gateway-console-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let databasePath = directory + "/gateway.sqlite"
        let yaml = """
            \(TestGatewayYAML.serverAndStorage(database: databasePath, dataKeys: dataKeySpec))
            trace: { public_base_url: "\(traceBaseURL)/" }
            \(TestGatewayYAML.shops([.yunlaiDouyin, .linyinDouyin], apiBase: "http://127.0.0.1:1", poll: "{ enabled: false }"))
            """
        let configuration = try ConfigurationLoader(environment: [:]).parse(yaml: yaml)
        // Seeded through the server's own stores: one pool on the database file (no second `DatabasePool` beside it).
        let server = try GatewayServer(
            configuration: configuration,
            apiTokens: ["browser-admin-token"],
            access: StaffAccessSettings(lockout: LockoutPolicy(maxFailures: 5, lockSeconds: 900), passwordCost: 4)
        )
        // The inbox's group-commit writer runs in the server's service group: seed once it runs.
        let port = try await server.start(runPipeline: false)
        try await seedUsers(server.stores.staff)
        try await seedOrders(inbox: server.stores.inbox, orders: server.stores.orders)
        return ConsoleBrowserHarness(directory: directory, server: server, baseURL: "http://127.0.0.1:\(port)")
    }

    func stop() async {
        await server.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func seedUsers(_ staff: any StaffDirectory) async throws {
        let hash = StaffSecrets.hashPassword(password, cost: 4)
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        _ = try await staff.addUser(username: "wang.fang", role: .staff, enterpriseId: "yunlai", passwordHash: hash, at: now)
        _ = try await staff.addUser(username: "zhao.lei", role: .staff, enterpriseId: "linyin", passwordHash: hash, at: now)
        _ = try await staff.addUser(username: "locked.out", role: .staff, enterpriseId: "yunlai", passwordHash: hash, at: now)
        _ = try await staff.addUser(username: "county", role: .admin, enterpriseId: nil, passwordHash: hash, at: now)
    }

    /// Two orders through the inbox and the merge, as the pipeline writes them: a thin push, the detail snapshot,
    /// then a duplicate and a stale push (so the timeline shows each merge decision).
    static func seedOrders(inbox: any InboxStore, orders: any OrderStore) async throws {
        let created = Timestamp(secondsSince1970: 1_764_400_000)
        for (shop, id, phone, title) in [
            ("yunlai-douyin", ownOrderId, "5678", "云岭高原苹果 5斤装"), ("linyin-douyin", otherOrderId, "4321", "临沂蜜桃 3斤"),
        ] {
            let key = OrderKey(platform: .douyin, shop: shop, platformOrderId: id)
            let snapshot = OrderSnapshot(
                status: .paid,
                platformStatus: "2",
                totalFen: 3990,
                paidFen: 3590,
                postageFen: 0,
                discountFen: 400,
                createdAt: created,
                paidAt: created.adding(seconds: 30),
                lines: [
                    OrderLine(
                        lineId: "1",
                        productId: "3600000001",
                        skuId: "sku-\(shop)",
                        outSkuId: "APPLE-5",
                        title: title,
                        quantity: 1,
                        paidFen: 3590
                    )
                ],
                buyer: BuyerInfo(maskedName: "王*", maskedPhone: "138****\(phone)", phoneTail: phone, province: "云南省", city: "昭通市"),
                liveRoomId: "7311112222"
            )
            let steps: [(String, ObservationSource, String, OrderStatus?, OrderSnapshot?, Int64)] = [
                ("push-\(id)-1", .push, "tag 101 paid", .paid, nil, 30),
                ("detail-\(id)-1", .detail, "orderDetail", nil, snapshot, 30),
                ("push-\(id)-0", .push, "tag 100 created", .created, nil, 0),
            ]
            for (deliveryId, source, event, status, snapshot, offset) in steps {
                let inboxId = try await inbox.append([
                    InboxDelivery(platform: .douyin, shop: shop, deliveryId: deliveryId, kind: .push, receivedAt: created, text: "{}")
                ])[0].id
                let observation = OrderObservation(
                    key: key,
                    source: source,
                    event: event,
                    platformUpdatedAt: created.adding(seconds: offset),
                    status: status,
                    snapshot: snapshot
                )
                let payload = #"{"msg_id":"\#(deliveryId)","data":{"p_id":"\#(id)","marker":"payload-\#(deliveryId)"}}"#
                _ = try await orders.commit(
                    [
                        ProcessedDelivery(
                            inboxId: inboxId,
                            deliveryId: deliveryId,
                            observations: [PreparedObservation(observation: observation, rawPayload: payload)]
                        )
                    ],
                    at: created.adding(seconds: offset + 1)
                )
            }
        }
    }
}
