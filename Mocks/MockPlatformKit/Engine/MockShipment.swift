/// One parcel a ship call recorded on an order: the platform's ground truth of what left the warehouse.
///
/// Served in `GET /_mock/truth` as each order's `shipments`:
/// `[{"trackingNo":"SF…","courierCode":"shunfeng","packageId":"…","shippedAt":1733…,"lines":[{"lineId":"…","quantity":1}]}]`.
public struct MockShipment: Codable, Sendable, Equatable {
    /// The tracking number (快递单号) as the ship call sent it.
    public var trackingNo: String
    /// The courier as the platform codes it (Douyin `shunfeng`, Kuaishou `4`, Pinduoduo `44`, Taobao `SF`, …).
    public var courierCode: String
    /// The platform's id of the parcel (Douyin `pack_id`, Kuaishou `logisticsId`; the mock makes one for every
    /// platform, so that an edit can name the parcel).
    public var packageId: String
    /// When the parcel was recorded, Unix seconds.
    public var shippedAt: Int64
    /// The lines and quantities in the parcel.
    public var lines: [MockShippedLine]

    /// Creates a shipment record.
    public init(trackingNo: String, courierCode: String, packageId: String, shippedAt: Int64, lines: [MockShippedLine]) {
        self.trackingNo = trackingNo
        self.courierCode = courierCode
        self.packageId = packageId
        self.shippedAt = shippedAt
        self.lines = lines
    }
}
