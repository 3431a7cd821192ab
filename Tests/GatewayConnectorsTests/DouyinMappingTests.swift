import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

@Suite struct DouyinMappingTests {
    static let detailJSON = #"""
        {"order_id":"4984023467827309610","order_status":3,"order_status_desc":"已发货","create_time":1764399000,"update_time":1764403000,
         "pay_time":1764399060,"order_amount":11960,"pay_amount":10960,"post_amount":0,"promotion_amount":1000,
         "room_id":7311223344556677001,"author_id":"88990011","mask_post_receiver":"张*","mask_post_tel":"138****5678",
         "post_addr":{"province":{"id":"43","name":"湖南省"},"city":{"id":"4301","name":"长沙市"},"detail":"","encrypt_detail":"#enc#"},
         "encrypt_post_receiver":"#name#","encrypt_post_tel":"#tel#",
         "sku_order_list":[
           {"order_id":"4984023467827309611","parent_order_id":"4984023467827309610","product_id":3600000000001,"sku_id":1700000000001,
            "out_sku_id":"ponkan-5kg-a","product_name":"保靖椪柑 5kg 特级","item_num":1,"origin_amount":5980,"pay_amount":5480,"order_status":3,
            "after_sale_info":{"after_sale_status":6,"refund_status":1}},
           {"order_id":"4984023467827309612","parent_order_id":"4984023467827309610","product_id":3600000000001,"sku_id":1700000000002,
            "out_sku_id":"","product_name":"保靖椪柑 5kg 一级","item_num":1,"origin_amount":5980,"pay_amount":5480,"order_status":3,
            "after_sale_info":{"after_sale_status":12,"refund_status":3}}]}
        """#

    @Test func shopOrderMapsToSnapshotExactly() throws {
        let order = try JSONDecoder().decode(DouyinShopOrder.self, from: Data(Self.detailJSON.utf8))
        let snapshot = try DouyinMapping.snapshot(order)
        #expect(snapshot.status == .shipped)
        #expect(snapshot.platformStatus == "3")
        #expect(snapshot.totalFen == 11960)
        #expect(snapshot.paidFen == 10960)
        #expect(snapshot.discountFen == 1000)
        #expect(snapshot.createdAt == Timestamp(secondsSince1970: 1_764_399_000))
        #expect(snapshot.paidAt == Timestamp(secondsSince1970: 1_764_399_060))
        #expect(snapshot.liveRoomId == "7311223344556677001")
        #expect(snapshot.authorId == "88990011")
        #expect(snapshot.buyer.province == "湖南省")
        #expect(snapshot.buyer.phoneTail == "5678")
        #expect(snapshot.buyer.platformCiphertext["encrypt_post_tel"] == "#tel#")
        #expect(snapshot.lines.map(\.lineId) == ["4984023467827309611", "4984023467827309612"])
        #expect(snapshot.lines[0].skuId == "1700000000001")
        #expect(snapshot.lines[0].outSkuId == "ponkan-5kg-a")
        #expect(snapshot.lines[1].outSkuId == nil)
        #expect(snapshot.lines.map(\.refundState) == [.requested, .refunded])
        #expect(snapshot.lines.map(\.paidFen) == [5480, 5480])
    }

    @Test(arguments: [(Int64(1), OrderStatus.created), (105, .paid), (2, .paid), (101, .paid), (3, .shipped), (5, .completed), (4, .cancelled)])
    func orderStatusCodes(code: Int64, status: OrderStatus) {
        #expect(DouyinMapping.status(orderStatus: code) == status)
    }

    @Test func unknownOrderStatusIsAnError() throws {
        let json = #"{"order_id":"1","order_status":77}"#
        let order = try JSONDecoder().decode(DouyinShopOrder.self, from: Data(json.utf8))
        #expect(throws: ConnectorError.self) { try DouyinMapping.snapshot(order) }
    }

    @Test func pushTagsMapToStatusHints() {
        #expect(DouyinMapping.status(tag: 100) == .created)
        #expect(DouyinMapping.status(tag: 101) == .paid)
        #expect(DouyinMapping.status(tag: 102) == .shipped)
        #expect(DouyinMapping.status(tag: 103) == .completed)
        #expect(DouyinMapping.status(tag: 106) == .cancelled)
        #expect(DouyinMapping.status(tag: 105) == nil)
        #expect(DouyinMapping.status(tag: 206) == nil)
        #expect(DouyinMapping.isOrderTag(207))
        #expect(!DouyinMapping.isOrderTag(400))
    }

    @Test func nineteenDigitIdsSurviveAsNumbers() throws {
        let data = try JSONDecoder().decode(DouyinPushData.self, from: Data(#"{"p_id":9223372036854775807,"s_ids":[4984023467827309611]}"#.utf8))
        #expect(data.p_id?.value == "9223372036854775807")
        #expect(data.s_ids?.first?.value == "4984023467827309611")
    }
}
