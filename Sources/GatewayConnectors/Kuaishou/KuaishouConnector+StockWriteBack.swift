public import GatewayCore

extension KuaishouConnector {
    /// Stock write-back is implemented.
    public var supportsStockWriteBack: Bool { true }

    /// Sets the SKU's stock to `push.quantity`: reads the platform's current stock back (`open.item.get`)
    /// and sends the difference with `open.item.sku.stock.update` (which only takes increments), nothing
    /// when they are equal — see ``KuaishouAPIClient/setSkuStock(itemId:skuId:quantity:)``.
    ///
    /// The read-back happens before **every** write, not only after a failure: `push.previousQuantity` (the
    /// last value the gateway recorded) is not the platform's stock once the platform has counted down its
    /// own sales, someone edited the stock in the seller console, a write was applied but its answer lost,
    /// or the gateway died between a write and its record. So the same push applied twice, or after any of
    /// those, still lands exactly on `push.quantity`. `push.previousQuantity` is not used.
    public func setStock(_ push: StockPush) async throws {
        guard let itemId = push.platformProductId else {
            throw ConnectorError("open.item.sku.stock.update needs the mapping's platform product id (kwaiItemId)")
        }
        try await api.setSkuStock(itemId: itemId, skuId: push.platformSkuId, quantity: push.quantity)
    }
}
