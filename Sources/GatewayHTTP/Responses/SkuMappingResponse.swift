import GatewayCore

/// A platform SKU's mapping to enterprise SKUs (`SkuMapping`); also the body of `POST /api/v1/sku-mappings`.
struct SkuMappingResponse: Codable, Sendable {
    /// One enterprise SKU and how many of it one platform unit is.
    struct Component: Codable, Sendable {
        var skuCode: String
        var quantity: Int?
    }

    var shop: String
    var platformSkuId: String
    var platformProductId: String?
    var components: [Component]

    init(_ mapping: SkuMapping) {
        shop = mapping.shop
        platformSkuId = mapping.platformSkuId
        platformProductId = mapping.platformProductId
        components = mapping.components.map { Component(skuCode: $0.skuCode, quantity: $0.quantity) }
    }
}
