public import GatewayCore

extension WeChatChannelsConnector {
    /// Stock write-back is implemented.
    public var supportsStockWriteBack: Bool { true }

    /// Sets the SKU's stock with `/channels/ec/product/stock/update` (`diff_type` 3, set).
    public func setStock(_ push: StockPush) async throws {
        guard let productId = push.platformProductId else {
            throw ConnectorError("product/stock/update needs the mapping's platform product id")
        }
        try await api.updateStock(productId: productId, skuId: push.platformSkuId, change: .set(push.quantity))
    }
}
