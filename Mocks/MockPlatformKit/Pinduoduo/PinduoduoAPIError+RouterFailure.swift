extension PinduoduoAPIError: RouterFailure {
    /// A common parameter error naming the unreadable parameter (`body` for the body itself).
    static func unreadable(_ failure: RouterParameters.Failure) -> PinduoduoAPIError {
        .commonParameter(failure.name ?? "body", failure.detail)
    }

    /// `client_id` is missing: a common parameter error.
    static var missingAppKey: PinduoduoAPIError { .commonParameter("client_id", "缺少 client_id") }

    /// ``unknownClient(_:)``.
    static func unknownAppKey(_ appKey: String) -> PinduoduoAPIError { .unknownClient(appKey) }

    /// ``frequencyLimited``.
    static var callLimited: PinduoduoAPIError { .frequencyLimited }

    /// ``invalidParameter(_:_:)`` with `<expected>: <text>`.
    static func badValue(_ name: String, expected: String, _ text: String) -> PinduoduoAPIError {
        .invalidParameter(name, "\(expected): \(text)")
    }

    /// `{"error_response":{"error_code":…,"error_msg":…,"sub_code":…,"sub_msg":…,"request_id":…}}`.
    func errorResponse(requestId: String) -> JSONValue {
        [
            "error_response": [
                "error_code": .int(code),
                "error_msg": .string(message),
                "sub_code": .string(subCode),
                "sub_msg": .string(subMessage),
                "request_id": .string(requestId),
            ]
        ]
    }
}
