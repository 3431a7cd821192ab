import ArgumentParser
import AsyncHTTPClient
import Foundation
import GatewayCore
import MockPlatformKit
import Testing

@testable import gateway

@Suite(.serialized) struct GatewayCommandTests {
    @Test func parsesTheContractCommands() throws {
        let serve = try #require(
            try GatewayCommand.parseAsRoot(["serve", "--config", "x.yaml", "--port", "9", "--database", "sqlite:/tmp/x"]) as? ServeCommand
        )
        #expect(serve.port == 9)
        #expect(serve.options.config == "x.yaml")
        #expect(serve.options.database == "sqlite:/tmp/x")
        #expect(try GatewayCommand.parseAsRoot(["migrate"]) is MigrateCommand)
        #expect(try GatewayCommand.parseAsRoot(["check-config"]) is CheckConfigCommand)
        let demo = try #require(try GatewayCommand.parseAsRoot(["demo", "--quick"]) as? DemoCommand)
        #expect(demo.quick)
        #expect(try GatewayCommand.parseAsRoot([]) is ServeCommand)
    }

    @Test func checkConfigExitsNonZeroOnProblems() async throws {
        let path = NSTemporaryDirectory() + "bad-\(UUID().uuidString).yaml"
        try "shops:\n  - { key: a, platform: tiktok, enterprise: e }\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try #require(try GatewayCommand.parseAsRoot(["check-config", "--config", path]) as? CheckConfigCommand)
        await #expect(throws: ExitCode.self) { try await command.run() }
        let good = try #require(try GatewayCommand.parseAsRoot(["check-config"]) as? CheckConfigCommand)
        try await good.run()
    }

    @Test func quickDemoEndsEqualToThePlatformsTruth() async throws {
        let database = NSTemporaryDirectory() + "demo-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        let demo = try #require(
            try GatewayCommand.parseAsRoot([
                "demo", "--quick", "--no-wait", "--orders", "60", "--port", "0", "--mock-port", "0", "--database", database, "--seed", "7",
            ]) as? DemoCommand
        )
        let seen = DemoConsoleSeen()
        let outcome = try await demo.play { outcome in
            let logins = try #require(outcome.logins)
            let event = outcome.liveEvent.id
            let board = try await DemoConsoleClient.page(outcome.consoleURL, "/board", login: logins.admin)
            #expect(board.contains(event), "the live board names the demo's live event")
            let shipping = try #require(outcome.shipping)
            let rejected = try #require(shipping.settlement.needingStaff.first)
            let queue = try await DemoConsoleClient.page(outcome.consoleURL, "/shipping", login: logins.worker)
            #expect(queue.contains(rejected.order.platformOrderId), "the worker sees the rejected write-back in 回传失败")
            let api = try await DemoConsoleClient.get(outcome.gatewayURL + "/api/v1/write-backs?needs_staff=true", token: logins.workerToken)
            seen.set(board: board, queueAPI: api)
        }
        #expect(outcome.consoleURL == outcome.gatewayURL + "/console")
        let logins = try #require(outcome.logins)
        #expect(logins.admin.username == "demo-admin" && logins.worker.username == "demo-packer")
        #expect(logins.admin.password.count >= 12 && logins.admin.password != logins.worker.password)
        let shipping = try #require(outcome.shipping)
        #expect(logins.workerEnterprise == shipping.warehouse.enterpriseId)
        #expect(shipping.recorded > 0)
        #expect(shipping.refused.isEmpty, "\(shipping.refused.prefix(5))")
        #expect(shipping.settlement.waiting == 0)
        #expect(shipping.settlement.confirmed.count == shipping.recorded - 1)
        #expect(shipping.settlement.needingStaff.count == 1)
        #expect(shipping.settlement.needingStaff.first?.order.shop == shipping.rejectingShop)
        #expect(shipping.mismatches.isEmpty, "\(shipping.mismatches.prefix(5))")
        #expect(shipping.asExpected)
        #expect(shipping.lines.contains { $0.contains("\(shipping.recorded) orders shipped and recorded") })
        #expect(shipping.lines.contains { $0.contains("1 rejected in the 回传失败 queue") })
        #expect(shipping.lines.contains { $0.contains("0 mismatches") })
        #expect(Set(outcome.liveEvent.shops).isSuperset(of: Set(shipping.settlement.confirmed.map { $0.order.shop })))
        let api = try #require(seen.queueAPI)
        #expect(api.contains(#""id""#) && api.contains(shipping.settlement.needingStaff.first?.order.platformOrderId ?? "-"))
        #expect(seen.board?.contains(outcome.liveEvent.title) == true)
        #expect(outcome.comparison.compared >= 60)
        #expect(outcome.comparison.allEqual, "\(outcome.comparison.differences.prefix(5))")
        let repeats = try #require(outcome.repeats)
        #expect(repeats.orders == outcome.comparison.compared)
        #expect(repeats.total == repeats.absorbedAtInbox + repeats.unchanged)
        #expect(repeats.unchanged <= repeats.duplicates + repeats.stale)
    }

    @Test func repeatsPerOrderCountsAbsorbedDuplicateAndStaleDeliveries() {
        let statistics = OrderStatistics(
            ordersByShopAndStatus: ["a": [.paid: 3, .shipped: 1], "b": [.cancelled: 1]],
            decisions: [.applied: 40, .duplicate: 2, .stale: 3]
        )
        let inbox = InboxCounts(total: 50, unprocessed: 0, duplicatesAbsorbed: 5)
        let repeats = DemoRepeats(statistics: statistics, inbox: inbox, unchanged: 4)
        #expect(repeats.total == 9)
        #expect(repeats.perOrder == 1.8)
        #expect(repeats.line.hasPrefix("repeats per order: 1.8 (9 deliveries told nothing new over 5 orders"))
        // Without a store count, every duplicate or stale observation counts as a delivery.
        #expect(DemoRepeats(statistics: statistics, inbox: inbox, unchanged: nil).total == 10)
        let empty = InboxCounts(total: 0, unprocessed: 0, duplicatesAbsorbed: 0)
        #expect(DemoRepeats(statistics: OrderStatistics(), inbox: empty, unchanged: nil).perOrder == 0)
    }
}
