extension TaobaoAPIError: RouterFailure {
    /// An invalid argument naming the unreadable parameter (`body` for the body itself).
    static func unreadable(_ failure: RouterParameters.Failure) -> TaobaoAPIError {
        .invalidArgument(failure.name ?? "body", failure.detail)
    }

    /// `app_key` is missing (28).
    static var missingAppKey: TaobaoAPIError { TaobaoAPIError(code: missingAppKeyCode, message: "Missing app key") }

    /// No app has this `app_key` (29).
    static func unknownAppKey(_ appKey: String) -> TaobaoAPIError {
        TaobaoAPIError(code: invalidAppKeyCode, message: "Invalid app Key", subMessage: "app_key \(appKey) 不存在")
    }

    /// ``appCallLimited``.
    static var callLimited: TaobaoAPIError { .appCallLimited }

    /// ``invalidArgument(_:_:)`` with `<name> <expected>: <text>`.
    static func badValue(_ name: String, expected: String, _ text: String) -> TaobaoAPIError {
        .invalidArgument(name, "\(name) \(expected): \(text)")
    }

    /// `{"error_response":{"code":…,"msg":…,"sub_code":…,"sub_msg":…,"request_id":…}}`, without `sub_code` and
    /// `sub_msg` when they are empty (TOP leaves them out).
    func errorResponse(requestId: String) -> JSONValue {
        var members: [String: JSONValue] = [
            "code": .int(code),
            "msg": .string(message),
            "request_id": .string(requestId),
        ]
        if !subCode.isEmpty { members["sub_code"] = .string(subCode) }
        if !subMessage.isEmpty { members["sub_msg"] = .string(subMessage) }
        return ["error_response": .object(members)]
    }
}
