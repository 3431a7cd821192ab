import GatewayCore

/// Master data and orders shared by the inventory tests.
enum InventoryFixtures {
    static let masterData = MasterData(
        enterprises: [Enterprise(id: "yunlai", name: "云来", allowSplit: true), Enterprise(id: "linyin", name: "林茵", allowSplit: false)],
        warehouses: [
            Warehouse(id: "yl-changsha", enterpriseId: "yunlai", name: "长沙仓", regions: ["湖南", "湖北", "广东"], priority: 1),
            Warehouse(id: "yl-baojing", enterpriseId: "yunlai", name: "保靖仓", regions: ["*"], priority: 2),
            Warehouse(id: "ly-tea", enterpriseId: "linyin", name: "茶仓", regions: ["*"], priority: 1),
        ],
        skus: [
            EnterpriseSKU(code: "PG5A", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 5000, title: "椪柑 5kg"),
            EnterpriseSKU(code: "KIWI3", enterpriseId: "yunlai", product: "kiwi", grade: "A", netWeightGrams: 3000, title: "猕猴桃 3kg"),
            EnterpriseSKU(code: "TEA250", enterpriseId: "linyin", product: "tea", grade: "明前", netWeightGrams: 250, title: "黄金茶"),
        ],
        mappings: [
            SkuMapping(shop: "shop", platformSkuId: "p-pg5a", platformProductId: "p1", components: [SkuComponent(skuCode: "PG5A")]),
            SkuMapping(shop: "shop", platformSkuId: "p-tea", platformProductId: "p2", components: [SkuComponent(skuCode: "TEA250")]),
            SkuMapping(
                shop: "shop",
                platformSkuId: "p-gift",
                platformProductId: "p3",
                components: [SkuComponent(skuCode: "PG5A", quantity: 1), SkuComponent(skuCode: "KIWI3", quantity: 2)]
            ),
        ]
    )

    static func stock(pg5aChangsha: Int = 10, pg5aBaojing: Int = 10, kiwi: Int = 10, tea: Int = 10, safety: Int = 0) -> StockBook {
        StockBook(levels: [
            StockLevel(warehouseId: "yl-changsha", skuCode: "PG5A", onHand: pg5aChangsha, safety: safety),
            StockLevel(warehouseId: "yl-baojing", skuCode: "PG5A", onHand: pg5aBaojing, safety: safety),
            StockLevel(warehouseId: "yl-baojing", skuCode: "KIWI3", onHand: kiwi, safety: safety),
            StockLevel(warehouseId: "ly-tea", skuCode: "TEA250", onHand: tea, safety: safety),
        ])
    }

    static func order(
        _ id: String,
        status: OrderStatus,
        lines: [(sku: String, quantity: Int, refund: RefundState)],
        province: String = "湖南省"
    ) -> CanonicalOrder {
        let orderLines = lines.enumerated().map { index, line in
            OrderLine(
                lineId: "\(index)",
                productId: "p",
                skuId: line.sku,
                title: line.sku,
                quantity: line.quantity,
                paidFen: 100,
                refundState: line.refund
            )
        }
        let snapshot = OrderSnapshot(
            status: status,
            platformStatus: status.rawValue,
            totalFen: 100,
            paidFen: 100,
            createdAt: Timestamp(secondsSince1970: 100),
            lines: orderLines,
            buyer: BuyerInfo(province: province)
        )
        return CanonicalOrder(
            key: OrderKey(platform: .douyin, shop: "shop", platformOrderId: id),
            status: status,
            platformUpdatedAt: Timestamp(secondsSince1970: 100),
            snapshot: snapshot
        )
    }
}
