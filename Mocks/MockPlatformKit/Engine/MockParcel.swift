/// One parcel a ship call asks for, read from the platform's parameters.
struct MockParcel: Sendable, Equatable {
    /// The tracking number.
    var trackingNo: String
    /// The platform's courier code, already checked against the platform's list.
    var courierCode: String
    /// The lines and units in the parcel; nil for every unit not shipped yet (a whole-order call).
    var lines: [MockShippedLine]?
}
