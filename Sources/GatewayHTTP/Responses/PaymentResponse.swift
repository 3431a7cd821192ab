/// A period marked paid for a household (`Payment`).
struct PaymentResponse: Encodable, Sendable {
    var householdId: String
    var period: String
    var paid: Bool
}
