/// One platform's codes for the answers every mock API gives (success and the shared failures), so that each
/// platform's error type states its table in one line.
struct MockErrorCodes: Sendable, Equatable {
    /// A successful answer.
    var success: Int
    /// A missing or malformed parameter.
    var parameter: Int
    /// A wrong signature.
    var signature: Int
    /// An unknown app key.
    var appKey: Int
    /// A missing, unknown or expired token.
    var token: Int
    /// The per-app frequency limit.
    var frequency: Int
    /// A business failure.
    var business: Int
    /// An injected system error.
    var system: Int

    /// Creates a table from its codes in the order of the properties: success, parameter, signature, app key,
    /// token, frequency, business, system.
    init(_ success: Int, _ parameter: Int, _ signature: Int, _ appKey: Int, _ token: Int, _ frequency: Int, _ business: Int, _ system: Int) {
        (self.success, self.parameter, self.signature, self.appKey) = (success, parameter, signature, appKey)
        (self.token, self.frequency, self.business, self.system) = (token, frequency, business, system)
    }
}
