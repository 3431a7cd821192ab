import Foundation
import GatewayCore
import Logging

/// A router-style open API (Pinduoduo `/api/router`, Taobao `/router/rest`) as the mock serves it, independent
/// of HTTP plumbing: one path, the API named by a parameter, every parameter signed.
///
/// Parameters may come in the query string, the body (form or JSON), or both; the signature covers all of
/// them. The checks shared by both platforms run first, in this order: parameters readable → the app key
/// present and known → per-app frequency limit → injected faults; then the dialect's own checks and the API
/// (``RouterDialect/respond(_:candidates:signatureValid:shopKey:now:)``). A success is
/// `{"<name>":{…,"request_id":…}}`, an error the dialect's `error_response`, an injected 503 a bare
/// `Service Unavailable`.
struct RouterAPI<Dialect: RouterDialect>: Sendable {
    /// An answer ready to send.
    struct Answer: Sendable, Equatable {
        /// The HTTP status.
        var httpStatus: Int
        /// The body.
        var body: String
        /// The error code (0 on success), for the request log.
        var code: Int
        /// The error sub-code, for the request log.
        var subCode: String
        /// The `Content-Type`.
        var contentType = "application/json;charset=UTF-8"
    }

    let dialect: Dialect
    let shops: [Dialect.Shop]
    let control: MockControl
    let logger: Logger
    let requestSequence = LockedBox<UInt64>(0)

    /// Creates the API over a platform's shops.
    init(shops: [Dialect.Shop], control: MockControl, logger: Logger) {
        self.dialect = Dialect(control: control)
        self.shops = shops
        self.control = control
        self.logger = logger
    }

    /// Handles one call and records it in the request log.
    /// - Parameters:
    ///   - query: the raw query string.
    ///   - body: the raw body.
    ///   - contentType: the `Content-Type` header.
    ///   - now: the mock's clock.
    func handle(query: String?, body: [UInt8], contentType: String?, now: Date = Date()) async -> Answer {
        let parsed = Result { () throws(RouterParameters.Failure) in try RouterParameters.parse(query: query, body: body, contentType: contentType) }
        let parameters = try? parsed.get()
        let appKey = parameters?.nonEmpty(Dialect.appKeyName)
        let candidates = shops.filter { $0.appKey == appKey }
        let signatureValid = parameters.map { isSignatureValid($0, candidates: candidates) } ?? false
        var shopKey = candidates.count == 1 ? candidates[0].shopKey : nil
        let sequence = requestSequence.withLock { value in
            value += 1
            return value
        }
        let requestId = Dialect.requestId(sequence: sequence, now: now)
        var answer: Answer
        do throws(Dialect.Failure) {
            let parameters = try parsed.mapError(Dialect.Failure.unreadable).get()
            let (name, payload) = try await process(parameters, candidates: candidates, signatureValid: signatureValid, shopKey: &shopKey, now: now)
            var members = payload
            members["request_id"] = .string(requestId)
            answer = Answer(httpStatus: 200, body: JSONValue.object([name: .object(members)]).serialized, code: 0, subCode: "")
            if Dialect.shipMethods.contains(parameters[Dialect.methodName] ?? ""), await control.loseShipAnswer(shop: shopKey) {
                answer = Answer(
                    httpStatus: MockControl.lostAnswerStatus,
                    body: MockControl.lostAnswerBody,
                    code: MockControl.lostAnswerStatus,
                    subCode: MockControl.lostAnswerSubCode,
                    contentType: "text/plain"
                )
            }
        } catch {
            if error.httpStatus != 200 {
                answer = Answer(httpStatus: error.httpStatus, body: "Service Unavailable", code: error.code, subCode: "", contentType: "text/plain")
            } else {
                answer = Answer(httpStatus: 200, body: error.errorResponse(requestId: requestId).serialized, code: error.code, subCode: error.subCode)
            }
        }
        let method = parameters?[Dialect.methodName]
        control.record(
            MockRequestRecord(
                platform: Dialect.platform.rawValue,
                path: Dialect.path,
                method: method ?? "",
                shop: shopKey,
                appKey: appKey,
                signatureValid: signatureValid,
                code: answer.code,
                httpStatus: answer.httpStatus,
                subCode: answer.subCode
            )
        )
        if answer.code != 0 {
            logger.debug("\(Dialect.platform.rawValue) \(method ?? "?") answered \(answer.code) \(answer.subCode)")
        }
        return answer
    }

    /// Whether `sign` matches the parameters for one of the app's secrets (with or without the empty-valued
    /// parameters, since SDKs differ on those).
    private func isSignatureValid(_ parameters: RouterParameters, candidates: [Dialect.Shop]) -> Bool {
        guard let sign = parameters.nonEmpty("sign") else { return false }
        let given = sign.uppercased()
        return Set(candidates.map(\.appSecret)).contains { secret in
            [true, false].contains { includeEmpty in
                guard let expected = Dialect.sign(parameters, secret: secret, includeEmptyValues: includeEmpty) else { return false }
                return Hex.constantTimeEquals(expected, given)
            }
        }
    }

    /// The shared checks, then the dialect's.
    private func process(
        _ parameters: RouterParameters,
        candidates: [Dialect.Shop],
        signatureValid: Bool,
        shopKey: inout String?,
        now: Date
    ) async throws(Dialect.Failure) -> (name: String, payload: [String: JSONValue]) {
        guard let appKey = parameters.nonEmpty(Dialect.appKeyName) else { throw Dialect.Failure.missingAppKey }
        guard !candidates.isEmpty else { throw Dialect.Failure.unknownAppKey(appKey) }
        guard control.admit(appKey: Dialect.platform.rawValue + ":" + appKey, now: now) else { throw Dialect.Failure.callLimited }
        try await control.injectFault(systemError: Dialect.Failure.systemError, unavailable: Dialect.Failure.serviceUnavailable)
        return try dialect.respond(parameters, candidates: candidates, signatureValid: signatureValid, shopKey: &shopKey, now: now)
    }
}
