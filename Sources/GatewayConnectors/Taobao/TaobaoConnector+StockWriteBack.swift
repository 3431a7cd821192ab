public import GatewayCore

extension TaobaoConnector {
    /// Stock write-back is implemented.
    public var supportsStockWriteBack: Bool { true }

    /// Sets the SKU's stock with `taobao.item.quantity.update` (`type` 1, full).
    public func setStock(_ push: StockPush) async throws {
        guard let numIid = push.platformProductId else {
            throw ConnectorError("taobao.item.quantity.update needs the mapping's platform product id (num_iid)")
        }
        try await api.updateItemQuantity(numIid: numIid, skuId: push.platformSkuId, quantity: Int64(push.quantity))
    }
}
