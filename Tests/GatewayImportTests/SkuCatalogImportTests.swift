import GatewayCore
import GatewayImport
import Testing

@Suite struct SkuCatalogImportTests {
    let known = MasterData(
        enterprises: [Enterprise(id: "yunlai", name: "云来")],
        warehouses: [Warehouse(id: "bj", enterpriseId: "yunlai", name: "保靖", regions: ["*"], priority: 1)],
        skus: [EnterpriseSKU(code: "PG5A", enterpriseId: "yunlai", product: "ponkan", grade: "A", netWeightGrams: 5000, title: "椪柑")]
    )

    @Test func readsSkusMappingsWithBundlesAndStock() throws {
        let skus = try SkuCatalogImport.parse(
            try CSVDocument.parse(
                "sku_code,enterprise,product,grade,net_weight_kg,title\nKIWI3,yunlai,kiwi,A,3,猕猴桃\nT250,yunlai,tea,明前,0.25,\n",
                source: "s.csv"
            ),
            known: known,
            shops: []
        )
        #expect(skus.masterData.skus["T250"]?.netWeightGrams == 250)
        #expect(skus.masterData.skus["T250"]?.title == "T250")
        let mappings = try SkuCatalogImport.parse(
            try CSVDocument.parse("shop,platform_sku_id,platform_product_id,sku_code,quantity\ns1,P9,G1,PG5A,1\ns1,P9,G1,PG5A,2\n", source: "m.csv"),
            known: known,
            shops: ["s1"]
        )
        #expect(mappings.masterData.mapping(shop: "s1", platformSkuId: "P9")?.components.map(\.quantity) == [1, 2])
        let stock = try SkuCatalogImport.parse(
            try CSVDocument.parse("warehouse,sku_code,on_hand,safety\nbj,PG5A,100,5\n", source: "k.csv"),
            known: known,
            shops: []
        )
        #expect(stock.stock == [StockLevel(warehouseId: "bj", skuCode: "PG5A", onHand: 100, safety: 5)])
    }

    @Test func reportsEveryBadRowWithLineAndColumnAndReturnsNothing() throws {
        let text = """
            shop,platform_sku_id,sku_code,quantity
            s1,P1,PG5A,1
            nope,P2,PG5A,1
            s1,P3,MISSING,1
            s1,P4,PG5A,zero
            """
        do {
            _ = try SkuCatalogImport.parse(try CSVDocument.parse(text, source: "m.csv"), known: known, shops: ["s1"])
            Issue.record("a bad file was accepted")
        } catch {
            #expect(error.problems.map(\.line) == [3, 4, 5])
            #expect(error.problems.map(\.column) == ["shop", "sku_code", "quantity"])
            #expect(error.description.contains("nothing was imported"))
        }
    }
}
