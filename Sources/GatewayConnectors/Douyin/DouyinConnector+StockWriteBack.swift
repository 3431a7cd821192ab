public import GatewayCore

extension DouyinConnector {
    /// Stock write-back is implemented.
    public var supportsStockWriteBack: Bool { true }

    /// Sets the SKU's stock with `sku.syncStock` (`incremental: false`).
    public func setStock(_ push: StockPush) async throws {
        guard let productId = push.platformProductId else { throw ConnectorError("sku.syncStock needs the mapping's platform product id") }
        try await api.syncStock(productId: productId, skuId: push.platformSkuId, stock: push.quantity)
    }
}
