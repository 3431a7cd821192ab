/// One signed, form-encoded call to a "router" API — Pinduoduo's `/api/router` and Taobao's
/// `/router/rest`, where every method answers `{"<method>_response": …}` or `{"error_response": …}`.
///
/// Sends the form, maps transport failures, HTTP errors, the platform's `error_response` (through
/// `apiError`) and unreadable answers onto ``PlatformAPIError``, and returns the payload with the raw text.
enum RouterAPICall {
    static func post<Payload: Decodable & Sendable, ErrorBody: Decodable>(
        platform: String,
        method: String,
        url: String,
        contentType: String,
        form: [String: String],
        responseKey: String,
        transport: PlatformHTTPTransport,
        apiError: (ErrorBody, Int?) -> PlatformAPIError
    ) async throws -> (Payload, String) {
        let request = PlatformHTTPRequest(
            url: url,
            headers: ["Content-Type": contentType, "Accept": "application/json"],
            body: Array(FormURLEncoding.encode(form).utf8)
        )
        let response: PlatformHTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw PlatformAPIError(platform: platform, method: method, code: "transport", message: "\(error)", isRetryable: true)
        }
        let raw = response.body
        let decoded = Result { try RouterEnvelope<Payload, ErrorBody>.decode(raw, responseKey: responseKey) }
        if case .success(let envelope) = decoded, let error = envelope.error {
            throw apiError(error, response.status == 200 ? nil : response.status)
        }
        guard response.status == 200 else {
            throw PlatformAPIError(
                platform: platform,
                method: method,
                httpStatus: response.status,
                code: "http",
                message: String(raw.prefix(300)),
                isRetryable: response.status >= 500 || response.status == 429
            )
        }
        switch decoded {
        case .success(let envelope):
            guard let payload = envelope.payload else {
                throw PlatformAPIError(
                    platform: platform,
                    method: method,
                    code: "decode",
                    message: "no \(responseKey) in the response: \(raw.prefix(300))",
                    isRetryable: false
                )
            }
            return (payload, raw)
        case .failure(let error):
            throw PlatformAPIError(platform: platform, method: method, code: "decode", message: "unreadable response: \(error)", isRetryable: false)
        }
    }

    /// The payload of a parsed router response, found the way ``RouterEnvelope`` finds it: the member named
    /// `responseKey`, else the first other member whose name ends in `_response` (never `error_response`).
    static func payload(in document: RawJSON, responseKey: String) -> RawJSON? {
        guard let members = document.members else { return nil }
        return members.last { $0.key == responseKey }?.value
            ?? members.first { $0.key.hasSuffix("_response") && $0.key != "error_response" }?.value
    }
}
