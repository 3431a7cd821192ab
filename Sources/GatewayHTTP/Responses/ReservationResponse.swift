import GatewayCore

/// A line's fulfilment (`Reservation`): its state and the stock it holds per warehouse.
struct ReservationResponse: Encodable, Sendable {
    /// Stock held in one warehouse.
    struct Stock: Encodable, Sendable {
        var warehouseId: String
        var skuCode: String
        var quantity: Int
    }

    var lineId: String
    var state: String
    var skuId: String?
    var quantity: Int?
    var enterpriseIds: [String]
    var stock: [Stock]

    init(_ fulfilment: LineFulfilment) {
        lineId = fulfilment.lineId
        state = fulfilment.state.rawValue
        skuId = fulfilment.skuId
        quantity = fulfilment.quantity
        enterpriseIds = fulfilment.enterpriseIds
        stock = fulfilment.reservations.map { Stock(warehouseId: $0.warehouseId, skuCode: $0.skuCode, quantity: $0.quantity) }
    }
}
