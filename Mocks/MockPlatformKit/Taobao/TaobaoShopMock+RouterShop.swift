/// ``TaobaoShopMock/appKey`` and ``TaobaoShopMock/appSecret`` are TOP's own names.
extension TaobaoShopMock: RouterShop {}
