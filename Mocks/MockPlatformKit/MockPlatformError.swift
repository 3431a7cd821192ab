/// An error of the mock platform's own API (not a platform answer).
public struct MockPlatformError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case unknownShop
        case unknownOrder
        case unknownLine
        case invalidTransition
        case serverNotStarted
        case invalidURL
        case invalidCatalog
    }

    private let code: Code
    /// A human-readable explanation.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// The shop key is not configured for the platform.
    public static func unknownShop(_ key: String) -> MockPlatformError {
        MockPlatformError(.unknownShop, "unknown mock shop \"\(key)\"")
    }

    /// The order does not exist in the mock.
    public static func unknownOrder(_ id: String) -> MockPlatformError {
        MockPlatformError(.unknownOrder, "unknown order \(id)")
    }

    /// The line does not exist on the order.
    public static func unknownLine(_ id: String, order: String) -> MockPlatformError {
        MockPlatformError(.unknownLine, "order \(order) has no line \(id)")
    }

    /// The state change is not allowed from the order's current state.
    public static func invalidTransition(_ message: String) -> MockPlatformError {
        MockPlatformError(.invalidTransition, message)
    }

    /// The HTTP server could not be started.
    public static func serverNotStarted(_ reason: String) -> MockPlatformError {
        MockPlatformError(.serverNotStarted, "the mock platform server did not start: \(reason)")
    }

    /// A URL could not be used.
    public static func invalidURL(_ url: String) -> MockPlatformError {
        MockPlatformError(.invalidURL, "invalid URL \(url)")
    }

    /// A livestream catalogue file could not be read; the message names the file and what is wrong.
    public static func invalidCatalog(_ message: String) -> MockPlatformError {
        MockPlatformError(.invalidCatalog, message)
    }

    /// Whether two errors are the same kind (messages may differ).
    public static func ~= (pattern: MockPlatformError, value: any Error) -> Bool {
        (value as? MockPlatformError)?.code == pattern.code
    }
}
