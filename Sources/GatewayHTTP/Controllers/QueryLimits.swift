/// The paging parameters of the `/api/v1` lists (`limit`, `offset`) read from the URL into bounded values.
///
/// Text from the query string is never used for arithmetic as given: a value is either inside its range or
/// refused (the list answers 400), or — for the lists that always clamped — clamped into it. Kept free of
/// request types so the fuzz target `api-paging` reads them exactly as the handlers do.
enum QueryLimits {
    /// The `limit` range of the lists that refuse other values (orders, audit, exceptions).
    static let limits = 1...1000
    /// The largest `offset` of `GET /api/v1/orders`.
    static let maxOffset = 10_000_000

    /// A `limit` that must lie within `range`: `fallback` when absent, `nil` (answer 400) when not a number in range.
    static func limit(_ text: String?, fallback: Int = 100, range: ClosedRange<Int> = limits) -> Int? {
        guard let text else { return fallback }
        guard let value = Int(text), range.contains(value) else { return nil }
        return value
    }

    /// An `offset` within 0…``maxOffset``: 0 when absent, `nil` (answer 400) when not a number in range.
    static func offset(_ text: String?) -> Int? {
        guard let text else { return 0 }
        guard let value = Int(text), (0...maxOffset).contains(value) else { return nil }
        return value
    }

    /// A `limit` clamped into `range`: `fallback` when absent or not a number.
    static func clampedLimit(_ text: String?, fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let text, let value = Int(text) else { return fallback }
        return min(max(value, range.lowerBound), range.upperBound)
    }
}
