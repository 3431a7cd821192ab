public import GatewayCore

extension KuaishouConnector {
    /// Stock write-back is implemented.
    public var supportsStockWriteBack: Bool { true }

    /// Changes the SKU's stock with `open.item.sku.stock.update`, which only takes increments: the change
    /// is `quantity − previousQuantity`. **[U]** With no previous push the platform's stock is taken as 0
    /// (the gateway is assumed to be the only writer of stock for mapped SKUs).
    public func setStock(_ push: StockPush) async throws {
        guard let itemId = push.platformProductId else {
            throw ConnectorError("open.item.sku.stock.update needs the mapping's platform product id (kwaiItemId)")
        }
        try await api.updateSkuStock(itemId: itemId, skuId: push.platformSkuId, change: push.quantity - (push.previousQuantity ?? 0))
    }
}
