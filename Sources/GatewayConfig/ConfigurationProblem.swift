/// One thing wrong with a configuration file, located by file and key path.
public struct ConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The key path, e.g. `shops[1].credentials.app_secret`.
    public var key: String
    /// What is wrong.
    public var message: String

    /// Creates a problem.
    public init(file: String, key: String, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String { "\(file): \(key): \(message)" }
}

/// Every problem found in a configuration, reported at once.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var problems: [ConfigurationProblem]

    /// Creates an error from problems.
    public init(problems: [ConfigurationProblem]) { self.problems = problems }

    public var description: String {
        "configuration has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
