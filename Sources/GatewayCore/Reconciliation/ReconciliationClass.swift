/// How one order compares between a statement and the gateway.
public enum ReconciliationClass: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// Both agree: amounts within the shop's tolerance, compatible status.
    case matched
    /// Both know the order but the net amounts differ by more than the tolerance.
    case amountDiffers = "amount-differs"
    /// Both know the order but one says it was refunded or closed and the other does not.
    case statusDiffers = "status-differs"
    /// The statement has the order; the gateway never stored it.
    case missingInGateway = "missing-in-gateway"
    /// The gateway has a paid order in the period that the statement does not mention.
    case missingInStatement = "missing-in-statement"

    /// Position in listings and totals.
    public var rank: Int {
        switch self {
        case .matched: 0
        case .amountDiffers: 1
        case .statusDiffers: 2
        case .missingInGateway: 3
        case .missingInStatement: 4
        }
    }

    /// Whether the class is a difference staff must resolve.
    public var isDifference: Bool { self != .matched }

    public static func < (lhs: ReconciliationClass, rhs: ReconciliationClass) -> Bool { lhs.rank < rhs.rank }
}
