import AsyncHTTPClient
import Crypto
import Foundation
import GatewayConfig
import GatewayCore
import GatewayRuntime
import GatewayStorage
import GatewayTesting
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Testing

/// Issue #12, personal data: a push carrying a buyer's plaintext name, phone and address goes through the real path
/// (HTTP, group commit into a real SQLite file, processing) and then neither the database file nor its WAL holds any
/// of them; views show the masked forms; the plaintext is still there, sealed, for shipping labels.
@Suite struct PersonalDataAtRestTests {
    static let secret = "whsec_" + Data("pii-e2e-secret-pii-e2e-secret-00".utf8).base64EncodedString()
    static let phone = "13987654321"
    static let name = "欧阳娜娜"
    static let address = "迁陵镇团结路 17 号 3 栋"
    static let orderId = "MP-PII-20261129-0001"

    static let body = #"""
        {"type":"order.updated","order":{"order_id":"\#(orderId)","status":"paid","created_at":"2026-11-29T08:00:00Z",
         "updated_at":"2026-11-29T08:01:00Z","paid_at":"2026-11-29T08:01:00Z","total_fen":5980,"paid_fen":5980,
         "lines":[{"line_id":"1","product_id":"ponkan","sku_id":"ponkan-5kg-a","title":"保靖椪柑 5kg","quantity":1,"paid_fen":5980}],
         "buyer":{"province":"湖南省","city":"湘西土家族苗族自治州","name":"\#(name)","phone":"\#(phone)","address":"\#(address)"}}}
        """#

    static func signature(id: String, timestamp: Int64, body: String) -> String {
        let key = SymmetricKey(data: Data(base64Encoded: String(secret.dropFirst("whsec_".count)))!)
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(id).\(timestamp).\(body)".utf8), using: key)
        return "v1," + Data(mac).base64EncodedString()
    }

    /// Which of the personal values a file's bytes contain (UTF-8, and JSON's `\u` escapes of the name).
    static func personalData(in path: String) -> [String] {
        guard let bytes = FileManager.default.contents(atPath: path) else { return [] }
        let escapedName = name.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
        return [phone, name, address, "团结路", escapedName].filter { bytes.range(of: Data($0.utf8)) != nil }
    }

    static func get(_ url: String) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(EndToEndHarness.adminToken)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 4 << 20)))
    }

    @Test func aPlaintextPhoneNameAndAddressAreInNeitherTheDatabaseNorItsWAL() async throws {
        let directory = NSTemporaryDirectory() + "gateway-pii-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let databasePath = directory + "/gateway.sqlite"
        let configuration = try ConfigurationLoader(environment: [:]).parse(
            yaml: """
                server: { host: 127.0.0.1, port: 0 }
                storage: { url: "sqlite:\(databasePath)", synchronous: full, data_keys: "\(EndToEndHarness.dataKeySpec)" }
                pipeline: { batch_size: 64, idle_milliseconds: 10 }
                retention: { payload_days: 90 }
                shops:
                  - key: county-miniapp
                    platform: standard
                    enterprise: yunlai
                    credentials: { secret: "\(Self.secret)" }
                """
        )
        let server = try GatewayServer(configuration: configuration, apiTokens: [EndToEndHarness.adminToken])
        let base = "http://127.0.0.1:\(try await server.start())"

        let timestamp = Int64(Date().timeIntervalSince1970)
        var push = HTTPClientRequest(url: base + "/webhooks/standard/county-miniapp")
        push.method = .POST
        push.headers.add(name: "webhook-id", value: "msg-pii-1")
        push.headers.add(name: "webhook-timestamp", value: String(timestamp))
        push.headers.add(name: "webhook-signature", value: Self.signature(id: "msg-pii-1", timestamp: timestamp, body: Self.body))
        push.headers.add(name: "Content-Type", value: "application/json")
        push.body = .bytes(ByteBuffer(string: Self.body))
        let acknowledged = try await HTTPClient.shared.execute(push, timeout: .seconds(60))
        #expect(acknowledged.status.code == 200)

        // Processed: the order exists, with the masked forms only (payloads left out).
        let orderURL = base + "/api/v1/orders/standard/county-miniapp/\(Self.orderId)"
        #expect(try await EndToEndHarness.eventually { try await Self.get(orderURL).0 == 200 })
        let (_, view) = try await Self.get(orderURL + "?payloads=false")
        #expect(view.contains("139****4321") && view.contains("欧***"))
        #expect(!view.contains(Self.phone) && !view.contains(Self.name) && !view.contains("团结路"))
        let (_, csvless) = try await Self.get(base + "/api/v1/orders?shop=county-miniapp")
        #expect(csvless.contains(Self.orderId) && !csvless.contains(Self.phone))
        // Kept, sealed, for the shipping label.
        let receiver = try await server.stores.orders.receiver(
            of: OrderKey(platform: .standard, shop: "county-miniapp", platformOrderId: Self.orderId)
        )
        #expect(receiver == BuyerContact(name: Self.name, phone: Self.phone, address: Self.address))
        // The retention job runs and is counted.
        #expect(try await Self.get(base + "/metrics").1.contains("gateway_payloads_deleted_total"))

        // While the gateway runs, the WAL holds the latest pages; after shutdown everything is checkpointed into the file.
        #expect(FileManager.default.fileExists(atPath: databasePath + "-wal"))
        for file in [databasePath, databasePath + "-wal"] { #expect(Self.personalData(in: file) == [], "\(file)") }
        await server.shutdown()
        for file in [databasePath, databasePath + "-wal", databasePath + "-shm"] { #expect(Self.personalData(in: file) == [], "\(file)") }
    }
}
