import Foundation
import MockPlatformKit
import Testing

@Suite("Douyin livestream scenario")
struct LivestreamTests {
    struct Run {
        var report: LivestreamReport
        var truth: [MockOrderTruth]
        var deliveredIds: [String]
        var progressCalls: Int
    }

    func play(seed: UInt64) async throws -> Run {
        let receiver = MockWebhookReceiver()
        try await receiver.start()
        let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 1)
        let calls = ProgressCounter()
        let report = try await DouyinLivestream.run(
            mock: mock,
            shop: "yunlai-douyin",
            gatewayBaseURL: receiver.baseURL,
            orders: 60,
            ratePerSecond: 0,
            seed: seed,
            duplicateRate: 0.2,
            outOfOrderRate: 0.3,
            dropRate: 0.1,
            cancelRate: 0.3
        ) { _ in calls.increment() }
        let deliveredIds = receiver.deliveries().compactMap { delivery -> String? in
            let array = (try? JSONSerialization.jsonObject(with: Data(delivery.body))) as? [[String: Any]]
            return array?.first?["msg_id"] as? String
        }
        await receiver.shutdown()
        var truth = mock.truth()
        for index in truth.indices { truth[index].updateTime = 0 }
        return Run(report: report, truth: truth, deliveredIds: deliveredIds, progressCalls: calls.value)
    }

    @Test("a fixed seed reproduces the orders, the messages and the delivery plan")
    func reproducible() async throws {
        let first = try await play(seed: 2024)
        let second = try await play(seed: 2024)
        var a = first.report
        var b = second.report
        a.elapsedSeconds = 0
        b.elapsedSeconds = 0
        #expect(a == b)
        #expect(first.truth == second.truth)
        #expect(first.deliveredIds.sorted() == second.deliveredIds.sorted())

        let report = first.report
        #expect(report.ordersCreated == 60)
        #expect(report.orderIds.count == 60 && Set(report.orderIds).count == 60)
        #expect(report.ordersPaid + report.cancelledBeforePayment + report.unpaid == 60)
        #expect(report.cancelledBeforePayment > 0 && report.cancelledAfterPayment > 0)
        #expect(report.duplicatesSent > 0 && report.dropped > 0 && report.outOfOrder > 0)
        #expect(report.pushesSent == report.messages - report.dropped + report.duplicatesSent)
        #expect(first.deliveredIds.count == report.pushesSent)
        #expect(report.acknowledged == report.pushesSent && report.failures == 0)
        #expect(first.progressCalls == 60)
        let statuses = Dictionary(grouping: first.truth, by: \.status).mapValues(\.count)
        #expect(statuses["cancelled"] == report.cancelledBeforePayment + report.cancelledAfterPayment)
        #expect(statuses["paid"] == report.ordersPaid - report.cancelledAfterPayment)

        let other = try await play(seed: 7)
        #expect(other.report.orderIds == report.orderIds, "ids come from the mock seed")
        #expect(other.truth != first.truth, "the scenario seed changes what is bought")
    }

    @Test("pushes to an unreachable gateway count as failures, not errors")
    func unreachable() async throws {
        let mock = MockPlatform(configuration: try TestConfiguration.load(), seed: 1)
        let report = try await DouyinLivestream.run(
            mock: mock,
            shop: "yunlai-douyin",
            gatewayBaseURL: "http://127.0.0.1:1",
            orders: 3,
            ratePerSecond: 0,
            seed: 1,
            dropRate: 0,
            pushTimeout: .milliseconds(300)
        )
        #expect(report.failures == report.pushesSent)
        #expect(report.acknowledged == 0)
        await #expect(throws: MockPlatformError.self) {
            _ = try await DouyinLivestream.run(mock: mock, shop: "county-miniprogram", gatewayBaseURL: "http://127.0.0.1:1", orders: 1)
        }
    }
}
