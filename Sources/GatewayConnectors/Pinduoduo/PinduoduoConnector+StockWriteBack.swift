public import GatewayCore

extension PinduoduoConnector {
    /// Stock write-back is implemented.
    public var supportsStockWriteBack: Bool { true }

    /// Sets the SKU's stock with `pdd.goods.quantity.update` (`update_type` 1, full).
    public func setStock(_ push: StockPush) async throws {
        guard let goodsId = push.platformProductId else {
            throw ConnectorError("pdd.goods.quantity.update needs the mapping's platform product id (goods_id)")
        }
        try await api.updateGoodsQuantity(goodsId: goodsId, skuId: push.platformSkuId, quantity: Int64(push.quantity))
    }
}
