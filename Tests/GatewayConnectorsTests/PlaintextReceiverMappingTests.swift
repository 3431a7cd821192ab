import Foundation
import GatewayCore
import Testing

@testable import GatewayConnectors

/// Where a platform sends a buyer's name, phone or address in plaintext, the mapping keeps it as the receiver (sealed
/// at rest by storage) and masks it for views; masked values and platform ciphertext are never taken for plaintext.
@Suite struct PlaintextReceiverMappingTests {
    static let contact = BuyerContact(name: "张三", phone: "13812345678", address: "岳麓区麓山南路 1 号")

    @Test func weChatChannelsPlainAddressInfo() throws {
        let json = WeChatChannelsConnectorTests.orderJSON().replacingOccurrences(
            of: #""county_name":"岳麓区""#,
            with: #""county_name":"岳麓区","detail_info":"岳麓区麓山南路 1 号""#
        )
        let buyer = try WeChatChannelsMapping.snapshot(JSONDecoder().decode(WeChatOrder.self, from: Data(json.utf8))).buyer
        #expect(buyer.receiver == Self.contact)
        #expect(buyer.maskedName == "张*" && buyer.maskedPhone == "138****5678" && buyer.phoneTail == "5678")
    }

    @Test func taobaoPlainMaskedAndCiphertextReceivers() throws {
        func buyer(name: String, mobile: String, address: String) throws -> BuyerInfo {
            let json = """
                {"tid":4123456789012345678,"tid_str":"4123456789012345678","status":"WAIT_SELLER_SEND_GOODS","created":"2025-11-29 14:58:00",\
                "modified":"2025-11-29 15:00:00","pay_time":"2025-11-29 14:59:00","payment":"29.90","total_fee":"29.90","post_fee":"0.00",\
                "receiver_state":"湖南省","receiver_city":"长沙市","receiver_name":"\(name)","receiver_mobile":"\(mobile)","receiver_address":"\(address)",\
                "orders":{"order":[{"oid":11,"oid_str":"11","num_iid":652345678901,"sku_id":4711,"title":"椪柑","num":1,"payment":"29.90"}]}}
                """
            return try TaobaoMapping.snapshot(JSONDecoder().decode(TaobaoTrade.self, from: Data(json.utf8))).buyer
        }
        let plain = try buyer(name: "张三", mobile: "13812345678", address: "岳麓区麓山南路 1 号")
        #expect(plain.receiver == Self.contact && plain.maskedPhone == "138****5678")
        let masked = try buyer(name: "张**", mobile: "138****5678", address: "麓山南路***")
        #expect(masked.receiver == nil)
        let cipher = try buyer(name: "~aGVsbG8=~", mobile: "~d29ybGQ=~", address: "~YWRkcg==~")
        #expect(cipher.receiver == nil)
        #expect(cipher.platformCiphertext["receiver_mobile"] == "~d29ybGQ=~")
    }

    @Test func youzanPlainReceiverAndCiphertext() throws {
        let plainJSON = YouzanConnectorTests.fullOrder
            .replacingOccurrences(of: #""receiver_name":"$Qn/ZHaMby1MzBq3Rw2t7fw==$1$""#, with: #""receiver_name":"张三""#)
            .replacingOccurrences(
                of: #""receiver_tel":"$eTS8t8hAECdXKgNtV6DIfw==$1$""#,
                with: #""receiver_tel":"13812345678","delivery_address":"岳麓区麓山南路 1 号""#
            )
        let plain = try YouzanMapping.snapshot(#require(JSONDecoder().decode(YouzanTradeMessage.self, from: Data(plainJSON.utf8)).full_order_info))
            .buyer
        #expect(plain.receiver == Self.contact && plain.maskedName == "张*")
        let cipher = try YouzanMapping.snapshot(
            #require(JSONDecoder().decode(YouzanTradeMessage.self, from: Data(YouzanConnectorTests.fullOrder.utf8)).full_order_info)
        ).buyer
        #expect(cipher.receiver == nil && cipher.platformCiphertext.count == 2)
    }

    @Test func douyinPlainPostFieldsWhereTheAppGetsThem() throws {
        let masked = try DouyinMapping.snapshot(JSONDecoder().decode(DouyinShopOrder.self, from: Data(DouyinMappingTests.detailJSON.utf8))).buyer
        #expect(masked.receiver == nil)
        let json = DouyinMappingTests.detailJSON
            .replacingOccurrences(of: #""detail":"""#, with: #""detail":"岳麓区麓山南路 1 号""#)
            .replacingOccurrences(of: #""encrypt_post_receiver""#, with: #""post_receiver":"张三","post_tel":"13812345678","encrypt_post_receiver""#)
        let plain = try DouyinMapping.snapshot(JSONDecoder().decode(DouyinShopOrder.self, from: Data(json.utf8))).buyer
        #expect(plain.receiver == Self.contact && plain.maskedPhone == "138****5678")
    }

    @Test func standardWebhooksPlainBuyer() throws {
        let buyer = StandardConnector.buyer(
            StandardBuyer(province: "湖南省", city: "长沙市", name: "张三", phone: "13812345678", address: "岳麓区麓山南路 1 号")
        )
        #expect(buyer.receiver == Self.contact)
        #expect(buyer.maskedName == "张*" && buyer.maskedPhone == "138****5678" && buyer.phoneTail == "5678")
        #expect(StandardConnector.buyer(StandardBuyer(masked_name: "张*", masked_phone: "138****5678")).receiver == nil)
    }
}
