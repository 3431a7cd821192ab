import GatewayCore

/// A connector whose detail fetch fails with a given message, or hangs, for platform-lookup tests.
struct LookupConnector: PlatformConnector {
    let platform: Platform
    let shop: String
    let pollPolicy = PollPolicy(maxWindowSeconds: 3600)
    /// The error message every fetch fails with; `nil` makes fetches hang until cancelled.
    let failure: String?

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func observations(from entry: InboxEntry) throws -> [OrderObservation] { [] }

    func fetchOrder(platformOrderId: String) async throws -> PreparedObservation {
        guard let failure else {
            try await Task.sleep(for: .seconds(3600))
            throw Failure(description: "woke up")
        }
        throw Failure(description: failure)
    }

    func poll(from: Timestamp, to: Timestamp) async throws -> [InboxDelivery] { [] }
}
