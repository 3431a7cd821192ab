/// How long the tests wait for a gateway or receiver answer: the checks are about the shape of a push, not its
/// speed, and a machine busy with other builds can take seconds to answer a local request (the mocks' own
/// defaults are the platforms' timeouts, 3–5 s).
extension Duration {
    /// A minute.
    static let patient: Duration = .seconds(60)
}
