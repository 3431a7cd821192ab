import Foundation
import GatewayCore

/// What one router-style open API does its own way (Pinduoduo `/api/router`, Taobao `/router/rest`): the names
/// of its common parameters, its signature, its request ids, its error shapes (``Failure``), and the checks
/// and APIs after the shared ones. ``RouterAPI`` does the rest alike: reading the parameters, finding the app,
/// the rate limit, injected faults, the signature against each of the app's secrets, the answer envelope and
/// the request log.
protocol RouterDialect: Sendable {
    /// The platform's shop mock.
    associatedtype Shop: RouterShop
    /// The platform's error answer.
    associatedtype Failure: RouterFailure

    /// The platform.
    static var platform: Platform { get }
    /// The path every API is called on.
    static var path: String { get }
    /// The parameter naming the app (`client_id`, `app_key`).
    static var appKeyName: String { get }
    /// The parameter naming the API (`type`, `method`).
    static var methodName: String { get }
    /// The order id's name in the demo route's answer (`order_sn`, `tid`).
    static var demoIdField: String { get }
    /// The ship and edit APIs, whose answers the lost-answer ship fault (``MockShipFaults/lostAnswers``) drops.
    static var shipMethods: Set<String> { get }

    /// The `request_id` of the `sequence`-th call (from 1).
    static func requestId(sequence: UInt64, now: Date) -> String
    /// The signature of the parameters (every one but `sign`) with a secret, as the platform computes it
    /// (upper-case hex); nil when the parameters name a signature method the platform does not know.
    static func sign(_ parameters: RouterParameters, secret: String, includeEmptyValues: Bool) -> String?

    /// Creates the dialect.
    /// - Parameter control: the mock's knobs (the timestamp tolerance).
    init(control: MockControl)

    /// The checks after the shared ones, then the API itself.
    /// - Parameters:
    ///   - parameters: the call's parameters.
    ///   - candidates: the shops of the app named by the call (not empty).
    ///   - signatureValid: whether `sign` matched one of the app's secrets.
    ///   - shopKey: set to the shop the call turned out to be for.
    ///   - now: the mock's clock.
    /// - Returns: the success member's name (`order_info_get_response`) and its members (without `request_id`).
    func respond(
        _ parameters: RouterParameters,
        candidates: [Shop],
        signatureValid: Bool,
        shopKey: inout String?,
        now: Date
    ) throws(Failure) -> (name: String, payload: [String: JSONValue])
}

extension RouterDialect {
    /// An optional integer parameter.
    func integer(_ parameters: RouterParameters, _ name: String) throws(Failure) -> Int64? {
        guard let text = parameters.nonEmpty(name) else { return nil }
        guard let value = Int64(text) else { throw Failure.badValue(name, expected: "须为整数", text) }
        return value
    }

    /// An optional boolean parameter (`true`/`false` in any case, or `1`/`0`).
    func flag(_ parameters: RouterParameters, _ name: String) throws(Failure) -> Bool? {
        guard let text = parameters.nonEmpty(name) else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw Failure.badValue(name, expected: "须为 true 或 false", text)
        }
    }

    /// One page (from 1) of `size` of a sorted list.
    /// - Returns: the page's items and whether more follow.
    func page<Item>(_ sorted: [Item], number: Int64, size: Int64) -> (items: [Item], hasNext: Bool) {
        let (offset, overflow) = Int(number - 1).multipliedReportingOverflow(by: Int(size))
        let items = overflow || offset >= sorted.count ? [] : Array(sorted[offset..<min(sorted.count, offset + Int(size))])
        return (items, !overflow && offset + items.count < sorted.count)
    }
}
