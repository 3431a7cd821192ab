import GatewayCore

/// What every connector's shipment write-back shares (issue #17, `shipping.md` §8b): sending one "mark as shipped"
/// call, turning the platform's refusal into a ``GatewayCore/ShipmentSendResult``, and reading tracking numbers back.
///
/// A write is sent **once** (no back-off retries inside the client: the write-back lifecycle decides when to try
/// again); a refused access token is renewed and the call sent once more where the client renews tokens, since
/// nothing was applied with it. Unknown outcomes — transport failures, timeouts, non-200 answers without a platform
/// error body, unreadable answers — are thrown, never classified; HTTP 429 is the one HTTP status taken as an
/// answer (throttled: nothing applied, retry later).
enum ShipmentCall {
    /// Runs `send`; success is ``GatewayCore/ShipmentSendResult/accepted``, a platform refusal goes through
    /// `classify`, an unknown outcome is rethrown.
    static func run(
        _ send: () async throws -> Void,
        classify: (PlatformAPIError) -> ShipmentSendResult
    ) async throws -> ShipmentSendResult {
        do {
            try await send()
            return .accepted
        } catch let error as PlatformAPIError {
            if error.httpStatus == 429 { return .transient(code: "http-429", message: error.message) }
            if error.isUnknownOutcome { throw error }
            return classify(error)
        }
    }

    /// The numeric (or last) part of a colon-separated sub code: `isv.business-failed:60110` → `60110`.
    static func suffix(_ subCode: String?) -> String? {
        guard let subCode, !subCode.isEmpty else { return nil }
        return subCode.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init)
    }

    /// Whether a platform message says "throttled / busy / try again later" in the words platforms use.
    static func saysThrottled(_ message: String) -> Bool {
        let lowered = message.lowercased()
        return ["call limited", "limited", "rate limit", "too many", "frequen", "busy", "频繁", "限流", "繁忙", "稍后重试"]
            .contains { lowered.contains($0) }
    }

    /// Whether a platform message says the order is already shipped ([U] for platforms without a documented code:
    /// "已发货", "已经发货", "重复发货"). Safe because ``GatewayCore/ShipmentSendResult/alreadyShipped(message:)`` only
    /// counts as success once the tracking number read back matches.
    static func saysAlreadyShipped(_ message: String) -> Bool {
        ["已发货", "已经发货", "重复发货"].contains { message.contains($0) }
    }

    /// The string values of every member named one of `keys`, anywhere inside `json` (depth-first, in document order,
    /// duplicates and empty strings dropped). Numbers count too (a tracking number sent as a JSON number).
    static func values(named keys: Set<String>, in json: RawJSON) -> [String] {
        var found: [String] = []
        collect(keys, json, into: &found)
        var seen = Set<String>()
        return found.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private static func collect(_ keys: Set<String>, _ json: RawJSON, into found: inout [String]) {
        switch json.kind {
        case .object:
            for (key, value) in json.members ?? [] {
                if keys.contains(key), let text = value.scalarText {
                    found.append(text)
                } else {
                    collect(keys, value, into: &found)
                }
            }
        case .array:
            for element in json.elements ?? [] { collect(keys, element, into: &found) }
        default:
            return
        }
    }
}
