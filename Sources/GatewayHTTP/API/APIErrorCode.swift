/// The stable machine codes of the staff API's error body `{"error":{"code":"…","message":"…"}}`.
///
/// The codes are part of the contract (the OpenAPI document lists them in `Error.code`): integrators branch on
/// them, so a code is never renamed; new ones may be added.
public enum APIErrorCode: String, Sendable, CaseIterable, Codable {
    /// 400: a query or path parameter is malformed or out of range.
    case invalidParameter = "invalid_parameter"
    /// 400: `cursor` is not a cursor this API handed out.
    case invalidCursor = "invalid_cursor"
    /// 400: the request body is not the JSON (or text) the operation expects.
    case invalidBody = "invalid_body"
    /// 400: a platform name the gateway does not know.
    case unknownPlatform = "unknown_platform"
    /// 400/404: a shop key that is not configured.
    case unknownShop = "unknown_shop"
    /// 400/404: an enterprise SKU code that does not exist.
    case unknownSku = "unknown_sku"
    /// 401: no valid bearer token or session.
    case unauthenticated
    /// 403: the caller's role or enterprise does not allow this.
    case forbidden
    /// 403: a cookie-authenticated change without the session's `X-CSRF-Token`.
    case csrfTokenRequired = "csrf_token_required"
    /// 404: no such route.
    case notFound = "not_found"
    /// 404: no such order.
    case orderNotFound = "order_not_found"
    /// 404: no such exception.
    case exceptionNotFound = "exception_not_found"
    /// 404: no such live event.
    case liveEventNotFound = "live_event_not_found"
    /// 404: no such household.
    case householdNotFound = "household_not_found"
    /// 404: no such supply lot.
    case supplyLotNotFound = "supply_lot_not_found"
    /// 404: no such reconciliation run.
    case reconciliationRunNotFound = "reconciliation_run_not_found"
    /// 404: the run has no such line.
    case reconciliationLineNotFound = "reconciliation_line_not_found"
    /// 405: the path exists, the method does not (see `Allow`).
    case methodNotAllowed = "method_not_allowed"
    /// 404: no such shipment write-back.
    case writeBackNotFound = "write_back_not_found"
    /// 409: the write-back cannot be changed in its state (it is being sent, or is handled); the message says why.
    case writeBackNotCorrectable = "write_back_not_correctable"
    /// 422: the shipment does not fit the order (not paid, cancelled, unknown line, too many units, refund pending, …);
    /// the message starts with the reason's code, e.g. `quantity_too_large: …`.
    case shipmentRefused = "shipment_refused"
    /// 422: a shipment file was refused as a whole; the message names every bad row by its line (format problems, or
    /// shipments that do not fit their orders).
    case shipmentImportRefused = "shipment_import_refused"
    /// 409: an exception whose cause is still there cannot be resolved (the message says why).
    case exceptionStillOpen = "exception_still_open"
    /// 413: the request body is larger than the operation accepts.
    case payloadTooLarge = "payload_too_large"
    /// 429: too many failed sign-ins or unknown tokens from this client; retry after `Retry-After` seconds.
    case tooManyFailedAttempts = "too_many_failed_attempts"
    /// 422: the change was refused as a whole (master data, capacity); the message lists every problem.
    case changeRefused = "change_refused"
    /// 422: the statement file was refused; the message names every bad line and column.
    case statementRefused = "statement_refused"
    /// 500: the gateway failed; nothing about the request is wrong.
    case internalError = "internal_error"
    /// 503: a store the operation needs is not served by this gateway.
    case notServed = "not_served"
}
