/// Why ``OrderLifecycle`` could not decide.
public enum OrderLifecycleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every trace code drawn for a parcel was already given (the random source is broken or the codes are exhausted).
    case traceCodesExhausted(attempts: Int)

    /// For logs.
    public var description: String {
        switch self {
        case .traceCodesExhausted(let attempts): "no free trace code in \(attempts) draws"
        }
    }
}
