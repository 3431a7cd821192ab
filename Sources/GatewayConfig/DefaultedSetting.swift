/// A configuration value that came from the default of `${NAME:-default}` because `NAME` was unset: in the shipped
/// file these are the demo secrets the mock platform shares, so a production `gateway serve` refuses to start
/// with any of them unless told `--allow-demo-secrets`.
public struct DefaultedSetting: Sendable, Hashable, CustomStringConvertible {
    /// The key path, e.g. `shops[0].credentials.app_secret`.
    public var key: String
    /// The environment variable that was not set.
    public var variable: String

    /// Creates an entry.
    public init(key: String, variable: String) {
        self.key = key
        self.variable = variable
    }

    public var description: String { "\(key) uses the default of ${\(variable)} (set \(variable))" }
}
