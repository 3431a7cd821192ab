/// Retries with exponential back-off and jitter for platform API calls.
public struct RetryPolicy: Sendable {
    /// Attempts in all (first try included).
    public var maxAttempts: Int
    /// Delay before the first retry, in milliseconds; doubles each time.
    public var baseDelayMilliseconds: Int
    /// Upper bound of one delay, in milliseconds.
    public var maxDelayMilliseconds: Int

    /// Creates a policy.
    public init(maxAttempts: Int = 4, baseDelayMilliseconds: Int = 100, maxDelayMilliseconds: Int = 3000) {
        self.maxAttempts = maxAttempts
        self.baseDelayMilliseconds = baseDelayMilliseconds
        self.maxDelayMilliseconds = maxDelayMilliseconds
    }

    /// Runs `operation`, retrying failures that `isRetryable` accepts.
    public func run<T: Sendable>(
        isRetryable: @Sendable (any Error) -> Bool,
        _ operation: @Sendable () async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch {
                guard attempt < maxAttempts, isRetryable(error), !Task.isCancelled else { throw error }
                let exponential = min(maxDelayMilliseconds, baseDelayMilliseconds << min(attempt - 1, 16))
                let delay = exponential / 2 + Int.random(in: 0...max(exponential / 2, 1))
                try await Task.sleep(for: .milliseconds(delay))
                attempt += 1
            }
        }
    }
}
