import Foundation
import Synchronization

/// The platform-wide knobs and records shared by every platform's API: faults, rate limits, the request log.
final class MockControl: Sendable {
    /// What the fault dice decided for one request.
    enum FaultDecision: Sendable, Equatable {
        case none
        case systemError
        case unavailable
    }

    private struct State {
        var faults = MockFaults()
        var generator: SeededGenerator
        var log: [MockRequestRecord] = []
        var windows: [String: (second: Int64, count: Int)] = [:]
        var requireCanonicalParamJSON = true
        var timestampToleranceSeconds: Int64 = 600
        var logSequence: UInt64 = 0
        var shipFaults: [String: MockShipFaults] = [:]
        var shipPushes: [MockPush] = []
    }

    /// The HTTP status of an answer lost after its write was applied (a gateway timeout in front of the platform).
    static let lostAnswerStatus = 504
    /// The body of such an answer.
    static let lostAnswerBody = "Gateway Timeout"
    /// The sub-code the request log keeps for such an answer.
    static let lostAnswerSubCode = "mock.answer-lost-after-apply"

    private let state: Mutex<State>

    init(seed: UInt64) {
        state = Mutex(State(generator: SeededGenerator(seed: seed, salt: 0xFA17)))
    }

    var faults: MockFaults {
        get { state.withLock { $0.faults } }
        set { state.withLock { $0.faults = newValue } }
    }

    var requireCanonicalParamJSON: Bool {
        get { state.withLock { $0.requireCanonicalParamJSON } }
        set { state.withLock { $0.requireCanonicalParamJSON = newValue } }
    }

    var timestampToleranceSeconds: Int64 {
        get { state.withLock { $0.timestampToleranceSeconds } }
        set { state.withLock { $0.timestampToleranceSeconds = newValue } }
    }

    /// Counts a request against the per-app limit of the current wall-clock second.
    /// - Returns: false when the request is over the limit.
    func admit(appKey: String, now: Date = Date()) -> Bool {
        let second = now.unixSeconds
        return state.withLock { state in
            guard let limit = state.faults.rateLimitPerSecond else { return true }
            var window = state.windows[appKey] ?? (second, 0)
            if window.second != second { window = (second, 0) }
            window.count += 1
            state.windows[appKey] = window
            return window.count <= limit
        }
    }

    /// Rolls the fault dice for one request.
    /// - Returns: the error to inject, and the delay before answering (0 for none).
    func drawFault() -> (decision: FaultDecision, delayMilliseconds: Int) {
        state.withLock { state in
            let faults = state.faults
            var decision = FaultDecision.none
            if state.generator.chance(faults.errorRate) {
                decision = state.generator.chance(0.5) ? .systemError : .unavailable
            }
            let delay = state.generator.chance(faults.slowRate) ? max(0, faults.slowMilliseconds) : 0
            return (decision, delay)
        }
    }

    /// Rolls the fault dice for one request and acts on them: waits the drawn delay, then throws the drawn
    /// error, if any.
    /// - Parameters:
    ///   - systemError: the platform's answer for an injected system error.
    ///   - unavailable: the platform's answer for an injected bare HTTP 503.
    func injectFault<Failure: Error>(systemError: Failure, unavailable: Failure) async throws(Failure) {
        let fault = drawFault()
        if fault.delayMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(fault.delayMilliseconds)) }
        switch fault.decision {
        case .none: return
        case .systemError: throw systemError
        case .unavailable: throw unavailable
        }
    }

    /// Rolls the dice for a write that is applied and whose answer is then lost (``MockFaults/lostAnswerRate``).
    /// Draws nothing when the rate is 0, so the other faults of a seed stay as they were.
    /// - Returns: the delay before the lost answer, in milliseconds; nil to answer normally.
    func drawLostAnswer() -> Int? {
        state.withLock { state in
            let faults = state.faults
            guard state.generator.chance(faults.lostAnswerRate) else { return nil }
            return max(0, faults.lostAnswerDelayMilliseconds)
        }
    }

    /// The ship faults of every shop that has some, by shop key.
    var shipFaults: [String: MockShipFaults] {
        state.withLock { $0.shipFaults.filter { $0.value != .none } }
    }

    /// Sets (replaces) one shop's ship faults.
    func setShipFaults(_ faults: MockShipFaults, shop: String) {
        state.withLock { $0.shipFaults[shop] = faults }
    }

    /// Uses up one ship rejection of a shop, if any is left.
    /// - Returns: whether this ship call must be rejected.
    func takeShipRejection(shop: String) -> Bool {
        state.withLock { state in
            guard var faults = state.shipFaults[shop], faults.rejections > 0 else { return false }
            faults.rejections -= 1
            state.shipFaults[shop] = faults
            return true
        }
    }

    /// Uses up one lost ship answer of a shop, if any is left.
    /// - Returns: the delay before the lost answer, in milliseconds; nil to answer normally.
    func takeLostShipAnswer(shop: String) -> Int? {
        state.withLock { state in
            guard var faults = state.shipFaults[shop], faults.lostAnswers > 0 else { return nil }
            faults.lostAnswers -= 1
            state.shipFaults[shop] = faults
            return max(0, faults.lostAnswerDelayMilliseconds)
        }
    }

    /// Waits out a lost ship answer when the shop has one left (``takeLostShipAnswer(shop:)``).
    /// - Returns: true when the caller must answer with a bare HTTP 504 instead of its success answer.
    func loseShipAnswer(shop: String?) async -> Bool {
        guard let shop, let delay = takeLostShipAnswer(shop: shop) else { return false }
        if delay > 0 { try? await Task.sleep(for: .milliseconds(delay)) }
        return true
    }

    /// Keeps the push a ship API call made, until ``takeShipPushes()``.
    func recordShipPush(_ push: MockPush) {
        state.withLock { $0.shipPushes.append(push) }
    }

    /// The pushes ship API calls made since the last call, oldest first.
    func takeShipPushes() -> [MockPush] {
        state.withLock { state in
            defer { state.shipPushes.removeAll() }
            return state.shipPushes
        }
    }

    /// The pushes ship API calls made and not taken yet.
    func pendingShipPushes() -> [MockPush] {
        state.withLock { $0.shipPushes }
    }

    func record(_ entry: MockRequestRecord) {
        state.withLock { $0.log.append(entry) }
    }

    func requestLog() -> [MockRequestRecord] {
        state.withLock { $0.log }
    }

    func clearRequestLog() {
        state.withLock { $0.log.removeAll() }
    }

    /// A unique log id in Douyin's style: Beijing time digits then hex.
    func nextLogId(now: Date = Date()) -> String {
        let sequence = state.withLock { state in
            state.logSequence += 1
            return state.logSequence
        }
        let hex = Hex.lowercase(withUnsafeBytes(of: sequence.bigEndian) { Array($0) }).uppercased()
        return BeijingTime.digits(now.unixSeconds) + hex
    }
}
