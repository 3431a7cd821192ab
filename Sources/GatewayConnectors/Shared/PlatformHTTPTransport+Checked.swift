extension PlatformHTTPTransport {
    /// Sends a request and returns the answer only when it is HTTP 200: a transport failure becomes a retryable
    /// `transport` ``PlatformAPIError``, any other status an `http` one (retryable for 5xx and 429) with the first 300
    /// characters of the body.
    func sendExpectingOK(_ request: PlatformHTTPRequest, platform: String, method: String) async throws -> PlatformHTTPResponse {
        let response: PlatformHTTPResponse
        do {
            response = try await send(request)
        } catch {
            throw PlatformAPIError(platform: platform, method: method, code: "transport", message: "\(error)", isRetryable: true)
        }
        guard response.status == 200 else {
            throw PlatformAPIError(
                platform: platform,
                method: method,
                httpStatus: response.status,
                code: "http",
                message: String(response.body.prefix(300)),
                isRetryable: response.status >= 500 || response.status == 429
            )
        }
        return response
    }
}
