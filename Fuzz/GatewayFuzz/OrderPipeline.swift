import Foundation
import GatewayCore

/// What the inbox processor does with a delivery after a receiver or a poll accepted it, without storage:
/// the connector's observations, the bounds check, the merge, and the stored form's round trip.
enum OrderPipeline {
    /// The instant every fuzzed request is received at (2026-12-01T00:00:00Z); seeds use times near it.
    static let now = Timestamp(secondsSince1970: 1_796_083_200)

    /// Runs deliveries through a connector as the inbox processor would (decoding errors are fine: they park).
    static func process(_ deliveries: [InboxDelivery], with connector: some PlatformConnector) {
        for (index, delivery) in deliveries.enumerated() {
            let entry = InboxEntry(id: Int64(index + 1), delivery: delivery)
            guard let observations = try? connector.observations(from: entry) else { continue }
            merge(observations)
        }
    }

    /// Bounds-checks observations and merges those a processor would keep (in order, and each one again).
    static func merge(_ observations: [OrderObservation]) {
        guard observations.allSatisfy({ ObservationBounds.problem(in: $0) == nil }) else { return }
        var order: CanonicalOrder?
        for observation in observations + observations {
            order = OrderMerger.merge(observation, into: order.flatMap { $0.key == observation.key ? $0 : nil }).order
        }
        guard var order else { return }
        // The order store keeps the canonical order as JSON, with the plaintext receiver taken out and sealed
        // as JSON of its own (`SQLiteOrderRows.save`): both must read back the same.
        if let receiver = order.snapshot?.buyer.receiver {
            let readBack = (try? JSONEncoder().encode(receiver)).flatMap { try? JSONDecoder().decode(BuyerContact.self, from: $0) }
            FuzzCheck.require(readBack == receiver, "a receiver does not read back equal")
            order.snapshot?.buyer.receiver = nil
        }
        guard let stored = try? JSONEncoder().encode(order) else {
            FuzzCheck.require(false, "a merged order cannot be encoded")
            return
        }
        let readBack = try? JSONDecoder().decode(CanonicalOrder.self, from: stored)
        FuzzCheck.require(readBack == order, "a merged order does not read back equal: \(String(decoding: stored, as: UTF8.self).prefix(300))")
    }
}
