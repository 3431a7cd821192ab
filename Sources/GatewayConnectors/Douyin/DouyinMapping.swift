import GatewayCore

/// Douyin codes and payloads mapped onto the canonical model (platforms.md §1.1–§1.2).
enum DouyinMapping {
    /// Canonical status for a shop order's `order_status`.
    static func status(orderStatus code: Int64) -> OrderStatus? {
        switch code {
        case 1: .created
        case 105, 2, 101: .paid  // paid; to ship; partly shipped (shipped only once every line has left)
        case 3: .shipped
        case 5: .completed
        case 4: .cancelled
        default: nil
        }
    }

    /// Status implied by an order push tag, if the tag implies one.
    static func status(tag: Int) -> OrderStatus? {
        switch tag {
        case 100: .created
        case 101, 110: .paid
        case 102: .shipped
        case 103: .completed
        case 106: .cancelled
        default: nil
        }
    }

    /// A readable name for a push tag.
    static func tagName(_ tag: Int) -> String {
        switch tag {
        case 0: "UrlVerification"
        case 100: "TradeCreate"
        case 101: "TradePaid"
        case 102: "TradeSellerShip"
        case 103: "TradeSuccess"
        case 104: "TradeLogisticsChanged"
        case 105: "TradeAddressChanged"
        case 106: "TradeCanceled"
        case 108: "TradePartlySellerShip"
        case 109: "TradeAmountChanged"
        case 110: "TradePending"
        case 111: "TradeAddressChangeApply"
        case 113: "TradeMemoModify"
        case 200: "RefundCreated"
        case 201: "RefundAgreed"
        case 202: "RefundReturnApplyAgreed"
        case 203: "RefundBuyerReturnGoods"
        case 204: "RefundRefused"
        case 205: "RefundReturnApplyRefused"
        case 206: "RefundSuccess"
        case 207: "RefundClosed"
        case 208: "RefundModified"
        case 209...227: "AfterSale\(tag)"
        default: "Tag\(tag)"
        }
    }

    /// Whether a push tag is about an order or its after-sale (others — products, memos — are acknowledged and ignored).
    static func isOrderTag(_ tag: Int) -> Bool { (100...126).contains(tag) || (200...227).contains(tag) }

    /// Refund state of a sku order from its after-sale info.
    static func refundState(_ info: DouyinAfterSaleInfo?) -> RefundState {
        guard let info else { return .none }
        if info.refund_status?.value == 3 { return .refunded }
        switch info.after_sale_status?.value ?? 0 {
        case 12, 51, 53: return .refunded
        case 6, 7, 11: return .requested
        default: return .none
        }
    }

    /// The snapshot a shop order describes.
    static func snapshot(_ order: DouyinShopOrder) throws -> OrderSnapshot {
        guard let status = status(orderStatus: order.order_status.value) else {
            throw ConnectorError("douyin order \(order.order_id) has unknown order_status \(order.order_status.value)")
        }
        let skus = order.sku_order_list ?? []
        let lines = skus.map { sku in
            OrderLine(
                lineId: sku.order_id.value,
                productId: sku.product_id?.value ?? "",
                skuId: sku.sku_id?.value ?? "",
                outSkuId: sku.out_sku_id.map(\.value).flatMap { $0.isEmpty ? nil : $0 },
                title: sku.product_name ?? "",
                quantity: Int(sku.item_num?.value ?? 0),
                paidFen: sku.pay_amount?.value ?? 0,
                refundState: refundState(sku.after_sale_info)
            )
        }
        let address = order.post_addr ?? order.mask_post_addr
        var ciphertext: [String: String] = [:]
        if let value = order.encrypt_post_receiver, !value.isEmpty { ciphertext["encrypt_post_receiver"] = value }
        if let value = order.encrypt_post_tel, !value.isEmpty { ciphertext["encrypt_post_tel"] = value }
        if let value = order.post_addr?.encrypt_detail, !value.isEmpty { ciphertext["encrypt_detail"] = value }
        let maskedPhone = order.mask_post_tel.flatMap { $0.isEmpty ? nil : $0 } ?? MaskedContact.phone(order.post_tel)
        let tail = maskedPhone.map { String($0.suffix(4)) }.flatMap { $0.count == 4 && $0.allSatisfy(\.isNumber) ? $0 : nil }
        let buyer = BuyerInfo(
            maskedName: order.mask_post_receiver.flatMap { $0.isEmpty ? nil : $0 } ?? MaskedContact.name(order.post_receiver),
            maskedPhone: maskedPhone,
            phoneTail: tail,
            province: address?.province?.name,
            city: address?.city?.name,
            platformCiphertext: ciphertext,
            // Empty or masked for most apps; where the platform sends them in plaintext they are sealed at rest.
            receiver: BuyerContact(name: order.post_receiver, phone: order.post_tel, address: order.post_addr?.detail)
        )
        let payTime = order.pay_time?.value ?? 0
        return OrderSnapshot(
            status: status,
            platformStatus: String(order.order_status.value),
            totalFen: order.order_amount?.value ?? lines.reduce(0) { Money.saturatingSum($0, $1.paidFen) },
            paidFen: order.pay_amount?.value ?? 0,
            postageFen: order.post_amount?.value ?? 0,
            discountFen: order.promotion_amount?.value ?? 0,
            createdAt: PlausibleTime.saturatingTimestamp(seconds: order.create_time?.value ?? 0),
            paidAt: payTime > 0 ? PlausibleTime.saturatingTimestamp(seconds: payTime) : nil,
            lines: lines,
            buyer: buyer,
            liveRoomId: nonZero(order.room_id) ?? skus.lazy.compactMap { nonZero($0.room_id) }.first,
            authorId: nonZero(order.author_id) ?? skus.lazy.compactMap { nonZero($0.author_id) }.first
        )
    }

    private static func nonZero(_ id: FlexibleString?) -> String? {
        guard let value = id?.value, !value.isEmpty, value != "0" else { return nil }
        return value
    }
}
