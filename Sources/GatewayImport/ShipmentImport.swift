import Foundation
import GatewayCore

/// Imports shipments from a courier's export (CSV), all or nothing (issue #17).
///
/// Columns (header names, any order; Chinese names as couriers' exports use them are accepted too):
/// - `order` (`platform_order_id`, `订单号`) — required: the platform's order id.
/// - `tracking_no` (`运单号`, `快递单号`) — required: 6–40 letters, digits or `-`.
/// - `courier` (`快递公司`) — required: a code of the courier list (`SF`, `ZTO`, …) or its name (`顺丰`, `中通快递`, …).
/// - `lines` (`商品`) — optional: `LINE_ID:QUANTITY` pairs separated by `;` (empty = everything of the order not shipped
///   yet).
/// - `shop` (`店铺`) — optional: the shop key, when the file mixes shops; otherwise the shop the import is for.
///
/// Every bad row is reported with its line and column; when any row is bad, nothing is returned. Checking the rows
/// against the orders (paid, quantities left…) is the store's, also all or nothing.
public enum ShipmentImport {
    /// One row, parsed.
    public struct Row: Sendable, Hashable {
        /// The 1-based line of the file.
        public var line: Int
        /// The row's shop (its `shop` column, or the import's).
        public var shop: String
        /// The platform's order id.
        public var platformOrderId: String
        /// The courier.
        public var courier: Courier
        /// The tracking number.
        public var trackingNumber: TrackingNumber
        /// The lines, `nil` = everything not shipped yet.
        public var lines: [ShippedLine]?

        /// Creates a row.
        public init(line: Int, shop: String, platformOrderId: String, courier: Courier, trackingNumber: TrackingNumber, lines: [ShippedLine]?) {
            self.line = line
            self.shop = shop
            self.platformOrderId = platformOrderId
            self.courier = courier
            self.trackingNumber = trackingNumber
            self.lines = lines
        }
    }

    /// The most rows one file may have.
    public static let maxRows = 5_000

    /// Parses a courier's export.
    /// - Parameters:
    ///   - document: the CSV.
    ///   - shop: the shop rows without a `shop` column belong to (`nil`: every row must name its shop).
    ///   - knownShops: the configured shop keys.
    /// - Returns: the rows, in file order.
    /// - Throws: ``ImportError`` listing every problem.
    public static func parse(_ document: CSVDocument, shop: String?, knownShops: Set<String>) throws(ImportError) -> [Row] {
        let orderColumn = document.columnIndex("order", "platform_order_id", "订单号")
        let trackingColumn = document.columnIndex("tracking_no", "运单号", "快递单号")
        let courierColumn = document.columnIndex("courier", "快递公司")
        let linesColumn = document.columnIndex("lines", "商品")
        let shopColumn = document.columnIndex("shop", "店铺")
        var missing: [String] = []
        if orderColumn == nil { missing.append("order") }
        if trackingColumn == nil { missing.append("tracking_no") }
        if courierColumn == nil { missing.append("courier") }
        guard missing.isEmpty else {
            let message = "missing column(s) \(missing.joined(separator: ", ")); the header has \(document.header.joined(separator: ", "))"
            throw ImportError(source: document.source, problems: [ImportProblem(line: 1, message: message)])
        }
        guard document.rows.count <= maxRows else {
            throw ImportError(source: document.source, problems: [ImportProblem(line: nil, message: "at most \(maxRows) rows per file")])
        }
        var problems: [ImportProblem] = []
        var rows: [Row] = []
        var firstLine: [String: Int] = [:]
        for row in document.rows {
            var rowProblems: [ImportProblem] = []
            func problem(_ column: String, _ message: String) { rowProblems.append(ImportProblem(line: row.line, column: column, message: message)) }
            let orderId = row.value(orderColumn) ?? ""
            if orderId.isEmpty || orderId.utf8.count > 64 { problem("order", "the order id is missing or longer than 64 characters") }
            let rowShop = row.value(shopColumn) ?? shop
            if let rowShop {
                if !knownShops.contains(rowShop) { problem("shop", "unknown shop \(rowShop)") }
            } else {
                problem("shop", "the shop is missing: add a shop column or choose the shop")
            }
            let trackingText = row.value(trackingColumn) ?? ""
            let tracking = TrackingNumber(trackingText)
            if tracking == nil { problem("tracking_no", "\"\(trackingText.prefix(40))\" is not a tracking number (\(TrackingNumber.rule))") }
            let courierText = row.value(courierColumn) ?? ""
            let courier = Courier.parse(courierText)
            if courier == nil {
                problem(
                    "courier",
                    "unknown courier \"\(courierText.prefix(40))\"; one of \(Courier.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            var lines: [ShippedLine]?
            if let text = row.value(linesColumn) {
                switch parseLines(text) {
                case .success(let parsed): lines = parsed
                case .failure(let message): problem("lines", message.text)
                }
            }
            if let tracking, let rowShop {
                let key = "\(rowShop)|\(orderId)|\(tracking.value)"
                if let first = firstLine[key] {
                    problem("tracking_no", "order \(orderId) with tracking number \(tracking.value) is already on line \(first)")
                } else {
                    firstLine[key] = row.line
                }
            }
            if rowProblems.isEmpty, let rowShop, let tracking, let courier {
                rows.append(Row(line: row.line, shop: rowShop, platformOrderId: orderId, courier: courier, trackingNumber: tracking, lines: lines))
            }
            problems += rowProblems
        }
        guard problems.isEmpty else { throw ImportError(source: document.source, problems: problems) }
        guard !rows.isEmpty else { throw ImportError(source: document.source, problems: [ImportProblem(line: nil, message: "the file has no rows")]) }
        return rows
    }

    /// `LINE:QTY;LINE:QTY` (also `,`/`；` between pairs and `×`/`*`/`x` for `:`).
    static func parseLines(_ text: String) -> Result<[ShippedLine], Message> {
        var lines: [ShippedLine] = []
        let separators: Set<Character> = [";", "；", "|"]
        for pair in text.split(whereSeparator: { separators.contains($0) }) {
            let trimmed = pair.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let split = trimmed.lastIndex(where: { $0 == ":" || $0 == "×" || $0 == "*" || $0 == "x" }) else {
                return .failure(Message("\"\(trimmed.prefix(40))\" is not LINE_ID:QUANTITY"))
            }
            let lineId = trimmed[..<split].trimmingCharacters(in: .whitespaces)
            let quantityText = trimmed[trimmed.index(after: split)...].trimmingCharacters(in: .whitespaces)
            guard !lineId.isEmpty, lineId.utf8.count <= 64, let quantity = Int(quantityText), (1...100_000).contains(quantity) else {
                return .failure(Message("\"\(trimmed.prefix(40))\" is not LINE_ID:QUANTITY with a quantity from 1 to 100000"))
            }
            lines.append(ShippedLine(lineId: lineId, quantity: quantity))
        }
        guard !lines.isEmpty else { return .failure(Message("no LINE_ID:QUANTITY pair")) }
        return .success(lines)
    }

    /// A problem's text, as an error for `Result`.
    struct Message: Error, Sendable {
        let text: String
        init(_ text: String) { self.text = text }
    }
}
