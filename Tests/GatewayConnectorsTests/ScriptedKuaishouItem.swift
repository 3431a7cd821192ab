import Foundation
import Synchronization

@testable import GatewayConnectors

/// One Kuaishou item with SKU ``KuaishouStockReadBackTests/skuId``, answering `open.item.get` and
/// `open.item.sku.stock.update` like the platform; it can apply writes and lose their answers, or refuse them.
final class ScriptedKuaishouItem: Sendable {
    private let state: Mutex<(stock: Int64, lostAnswers: Int)>
    private let lostAnswerStatus: Int
    private let refuseWrites: Bool

    init(stock: Int64, lostAnswers: Int = 0, lostAnswerStatus: Int = 503, refuseWrites: Bool = false) {
        state = Mutex((stock, lostAnswers))
        self.lostAnswerStatus = lostAnswerStatus
        self.refuseWrites = refuseWrites
    }

    var stock: Int64 {
        get { state.withLock { $0.stock } }
        set { state.withLock { $0.stock = newValue } }
    }

    func answer(_ request: PlatformHTTPRequest) throws -> PlatformHTTPResponse {
        let param = (try? JSONSerialization.jsonObject(with: Data((request.formParameters["param"] ?? "{}").utf8))) as? [String: Any] ?? [:]
        switch request.path {
        case "/open/item/get":
            let body =
                #"{"result":1,"data":{"kwaiItemId":22001234567,"skuInfos":[{"kwaiSkuId":33001234566,"skuStock":7},"#
                + #"{"kwaiSkuId":33001234567,"skuStock":\#(stock)}]}}"#
            return PlatformHTTPResponse(status: 200, body: body)
        case "/open/item/sku/stock/update":
            if refuseWrites {
                return PlatformHTTPResponse(status: 200, body: #"{"result":21,"error_msg":"当前库存不足，请减少预留数量"}"#)
            }
            let change = (param["skuChangeStock"] as? NSNumber)?.int64Value ?? 0
            let lost = state.withLock { state -> Bool in
                state.stock += (param["changeType"] as? NSNumber)?.intValue == 2 ? -change : change
                guard state.lostAnswers > 0 else { return false }
                state.lostAnswers -= 1
                return true
            }
            guard lost else { return PlatformHTTPResponse(status: 200, body: #"{"result":1}"#) }
            if lostAnswerStatus == 0 { throw ConnectorError("connection closed before the answer") }
            return PlatformHTTPResponse(status: lostAnswerStatus, body: "Service Unavailable")
        default:
            return PlatformHTTPResponse(status: 404, body: "")
        }
    }
}
