/// What is wrong with a data key specification (`storage.data_keys`). Messages name key ids, never key bytes.
public struct DataKeyRingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem found, in the order of the specification.
    public var problems: [String]

    /// Creates an error.
    public init(problems: [String]) { self.problems = problems }

    public var description: String { problems.joined(separator: "; ") }
}
