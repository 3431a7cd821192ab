import GatewayCore
import Testing

/// The poller drops a row the gateway holds at its ``PollRowVersion``: that version must be exactly the order and
/// update time of the row's observation, or a row could be dropped that would have changed the order.
enum PollRowVersionExpectations {
    /// Expects every decodable row to carry a version equal to its observations' key and update time, and at least
    /// `atLeast` rows to carry one.
    static func expectVersionsMatchObservations(
        _ deliveries: [InboxDelivery],
        of connector: some PlatformConnector,
        atLeast: Int = 1,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var versioned = 0
        for (index, delivery) in deliveries.enumerated() {
            guard let version = delivery.pollRowVersion else { continue }
            versioned += 1
            let observations = (try? connector.observations(from: InboxEntry(id: Int64(index + 1), delivery: delivery))) ?? []
            #expect(!observations.isEmpty, "\(delivery.deliveryId) has a version but no observation", sourceLocation: sourceLocation)
            for observation in observations {
                #expect(observation.key.platformOrderId == version.platformOrderId, "\(delivery.deliveryId)", sourceLocation: sourceLocation)
                #expect(observation.platformUpdatedAt == version.platformUpdatedAt, "\(delivery.deliveryId)", sourceLocation: sourceLocation)
            }
        }
        #expect(versioned >= atLeast, "only \(versioned) of \(deliveries.count) rows carry a version", sourceLocation: sourceLocation)
    }
}
