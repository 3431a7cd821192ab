import GatewayCore
import GatewayImport
import Testing

/// A courier's export read into shipments: columns by English or Chinese name, lenient courier names, `lines` pairs,
/// and every bad row reported with its line and column, nothing returned then.
@Suite struct ShipmentImportTests {
    static let shops: Set<String> = ["yunlai-douyin", "yunlai-pdd"]

    func parse(_ text: String, shop: String? = "yunlai-douyin") throws(ImportError) -> [ShipmentImport.Row] {
        try ShipmentImport.parse(try CSVDocument.parse(text, source: "sf.csv"), shop: shop, knownShops: Self.shops)
    }

    @Test func readsACouriersExportWithChineseHeadersAndLines() throws {
        let rows = try parse(
            "\u{FEFF}订单号,运单号,快递公司,商品,店铺\n"
                + "6918234567890123456,sf1234567890,顺丰速运,,\n"
                + "6918234567890123457,ZT1234567890,ZTO,l1:2; l2×1,yunlai-pdd\n"
        )
        #expect(rows.count == 2)
        #expect(
            rows[0]
                == ShipmentImport.Row(
                    line: 2,
                    shop: "yunlai-douyin",
                    platformOrderId: "6918234567890123456",
                    courier: .sf,
                    trackingNumber: TrackingNumber("SF1234567890")!,
                    lines: nil
                )
        )
        #expect(rows[1].shop == "yunlai-pdd")
        #expect(rows[1].courier == .zto)
        #expect(rows[1].lines == [ShippedLine(lineId: "l1", quantity: 2), ShippedLine(lineId: "l2", quantity: 1)])
    }

    @Test func everyBadRowIsReportedWithItsLineAndColumn() {
        let text =
            "order,tracking_no,courier,lines,shop\n"
            + "1,SF1234567890,SF,,\n"
            + ",SF1234567891,SF,,\n"
            + "3,SF 12,SF,,\n"
            + "4,SF1234567893,UPS,,\n"
            + "5,SF1234567894,SF,l1:0,\n"
            + "6,SF1234567895,SF,,unknown-shop\n"
            + "1,SF1234567890,SF,,\n"
        do {
            _ = try parse(text)
            Issue.record("a file with bad rows must be refused")
        } catch {
            let places = error.problems.map { "\($0.line ?? 0) \($0.column ?? "")" }
            #expect(places == ["3 order", "4 tracking_no", "5 courier", "6 lines", "7 shop", "8 tracking_no"])
            #expect(error.problems.last?.message.contains("already on line 2") == true)
        }
    }

    @Test func missingColumnsAndAMissingShopAreRefused() {
        #expect(throws: ImportError.self) { _ = try parse("order,courier\n1,SF\n") }
        do {
            _ = try parse("order,tracking_no,courier\n1,SF1234567890,SF\n", shop: nil)
            Issue.record("a row without a shop must be refused")
        } catch {
            #expect(error.problems.map(\.column) == ["shop"])
        }
        #expect(throws: ImportError.self) { _ = try parse("order,tracking_no,courier\n") }
    }
}
