import Foundation

/// One platform's shop verbs for the changes every platform knows (``MockOrderChange``), each returning the
/// platform's message, so that ``MockOrderChange/run(_:orderId:at:)`` maps a change to its verb in one place.
struct MockOrderVerbs<Message> {
    /// The buyer pays: `(orderId, at)`.
    var pay: (String, Date) throws -> Message
    /// The merchant ships every line.
    var ship: (String, Date) throws -> Message
    /// The buyer confirms receipt / the trade completes.
    var complete: (String, Date) throws -> Message
    /// The order is cancelled.
    var cancel: (String, Date) throws -> Message
    /// The buyer asks for a refund of a line: `(orderId, lineId, at)`.
    var requestRefund: (String, String, Date) throws -> Message
    /// The refund of a line succeeds.
    var completeRefund: (String, String, Date) throws -> Message
}

extension MockOrderChange {
    /// Runs the verb for this change.
    /// - Returns: the verb's message.
    func run<Message>(_ verbs: MockOrderVerbs<Message>, orderId: String, at: Date) throws -> Message {
        switch self {
        case .pay: try verbs.pay(orderId, at)
        case .ship: try verbs.ship(orderId, at)
        case .complete: try verbs.complete(orderId, at)
        case .cancel: try verbs.cancel(orderId, at)
        case .requestRefund(let lineId): try verbs.requestRefund(orderId, lineId, at)
        case .completeRefund(let lineId): try verbs.completeRefund(orderId, lineId, at)
        }
    }
}
