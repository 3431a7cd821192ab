import GatewayCore
import Testing

@Suite struct WarehouseRouterTests {
    let data = InventoryFixtures.masterData

    @Test func regionServedComesBeforePriorityAndAvailability() throws {
        let sku = try #require(data.skus["PG5A"])
        let stock = InventoryFixtures.stock(pg5aChangsha: 3, pg5aBaojing: 50)
        // 湖南 is served by 长沙 (priority 1) and 保靖 (*, priority 2): 长沙 first while it can serve the whole line.
        #expect(
            WarehouseRouter.route(sku: sku, quantity: 3, province: "湖南省", masterData: data, stock: stock) == [
                StockReservation(warehouseId: "yl-changsha", skuCode: "PG5A", quantity: 3)
            ]
        )
        // 北京 is served only by 保靖.
        #expect(WarehouseRouter.route(sku: sku, quantity: 3, province: "北京市", masterData: data, stock: stock)?.first?.warehouseId == "yl-baojing")
        // 长沙 cannot serve 4 alone: the next warehouse that can serve the whole line wins.
        #expect(WarehouseRouter.route(sku: sku, quantity: 4, province: "湖南省", masterData: data, stock: stock)?.first?.warehouseId == "yl-baojing")
    }

    @Test func splitsOnlyWhereTheEnterpriseAllowsIt() throws {
        let stock = InventoryFixtures.stock(pg5aChangsha: 3, pg5aBaojing: 4, tea: 5)
        let ponkan = try #require(data.skus["PG5A"])
        #expect(
            WarehouseRouter.route(sku: ponkan, quantity: 7, province: "湖南省", masterData: data, stock: stock) == [
                StockReservation(warehouseId: "yl-changsha", skuCode: "PG5A", quantity: 3),
                StockReservation(warehouseId: "yl-baojing", skuCode: "PG5A", quantity: 4),
            ]
        )
        #expect(WarehouseRouter.route(sku: ponkan, quantity: 8, province: "湖南省", masterData: data, stock: stock) == nil)
        let tea = try #require(data.skus["TEA250"])
        var split = data
        split.warehouses["ly-tea-2"] = Warehouse(id: "ly-tea-2", enterpriseId: "linyin", name: "2", regions: ["*"], priority: 2)
        var teaStock = stock
        teaStock.set(StockLevel(warehouseId: "ly-tea-2", skuCode: "TEA250", onHand: 5))
        #expect(WarehouseRouter.route(sku: tea, quantity: 6, province: nil, masterData: split, stock: teaStock) == nil)
    }

    @Test func safetyStockIsNeverSold() throws {
        let sku = try #require(data.skus["PG5A"])
        let stock = InventoryFixtures.stock(pg5aChangsha: 5, pg5aBaojing: 5, safety: 2)
        #expect(WarehouseRouter.route(sku: sku, quantity: 6, province: "湖南省", masterData: data, stock: stock)?.count == 2)
        #expect(WarehouseRouter.route(sku: sku, quantity: 7, province: "湖南省", masterData: data, stock: stock) == nil)
    }
}
