import Foundation

/// The ship APIs (shipping.md §8b.4): `taobao.logistics.offline.send`, `taobao.logistics.consign.resend`,
/// `taobao.logistics.companies.get`.
extension TaobaoTopDialect {
    /// `taobao.logistics.offline.send`: `tid`, `out_sid`, `company_code` (required); `is_split=1` with `sub_tid`
    /// (comma list of `oid`s) ships those sub-orders, both or neither (P38). Answers `{"shipping":{"is_success":true}}`.
    func offlineSend(_ parameters: RouterParameters, shop: TaobaoShopMock, now: Date) throws(TaobaoAPIError) -> [String: JSONValue] {
        let (tid, trackingNo, company) = try common(parameters)
        let lines = try subTids(parameters)
        if control.takeShipRejection(shop: shop.shopKey) { throw .trackingNumberRejected }
        do throws(MockShipRefusal) {
            try shop.shipLines(orderId: tid, lineIds: lines, trackingNo: trackingNo, companyCode: company, at: now)
        } catch {
            throw .shipRefusal(error)
        }
        return ["shipping": ["is_success": true]]
    }

    /// `taobao.logistics.consign.resend`: `tid`, `out_sid`, `company_code`, optional `is_split=1` + `sub_tid` (the
    /// parcel holding the first `sub_tid`; without: the first parcel). Shipped trades only (CD19). Answers
    /// `{"shipping":{"is_success":true}}`.
    func consignResend(_ parameters: RouterParameters, shop: TaobaoShopMock, now: Date) throws(TaobaoAPIError) -> [String: JSONValue] {
        let (tid, trackingNo, company) = try common(parameters)
        let lines = try subTids(parameters)
        if control.takeShipRejection(shop: shop.shopKey) { throw .trackingNumberRejected }
        do throws(MockShipRefusal) {
            try shop.resend(orderId: tid, lineId: lines?.first, trackingNo: trackingNo, companyCode: company, at: now)
        } catch {
            throw error == .cancelled ? .alreadyConsigned : .shipRefusal(error)
        }
        return ["shipping": ["is_success": true]]
    }

    /// `taobao.logistics.companies.get`: `{"logistics_companies":{"logistics_company":[{"id","code","name","reg_mail_no"}]}}`.
    func companies() -> [String: JSONValue] {
        [
            "logistics_companies": [
                "logistics_company": .array(
                    TaobaoShopMock.couriers.enumerated().map { index, courier in
                        ["id": .int(index + 1), "code": .string(courier.code), "name": .string(courier.name), "reg_mail_no": "^[A-Za-z0-9]{8,20}$"]
                    }
                )
            ]
        ]
    }

    // MARK: - Private

    private func common(_ parameters: RouterParameters) throws(TaobaoAPIError) -> (tid: String, trackingNo: String, company: String) {
        guard let tid = parameters.nonEmpty("tid") else { throw .missingArgument("tid") }
        guard Int64(tid) != nil else { throw .invalidArgument("tid", "tid 须为整数: \(tid)") }
        guard let trackingNo = parameters.nonEmpty("out_sid") else { throw .missingArgument("out_sid") }
        guard let company = parameters.nonEmpty("company_code") else { throw .missingArgument("company_code") }
        guard TaobaoShopMock.couriers.contains(where: { $0.code == company }) else { throw .unknownCompany(company) }
        return (tid, trackingNo, company)
    }

    /// `is_split` and `sub_tid`: both (the `oid`s) or neither (nil).
    private func subTids(_ parameters: RouterParameters) throws(TaobaoAPIError) -> [String]? {
        let split = try integer(parameters, "is_split") ?? 0
        guard split == 0 || split == 1 else { throw .invalidArgument("is_split", "is_split 取值 0 或 1") }
        let subTids = (parameters.nonEmpty("sub_tid") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard (split == 1) == !subTids.isEmpty else { throw .logisticsError("P38", "is_split=1 与 sub_tid 须同时传入或同时不传") }
        for oid in subTids where Int64(oid) == nil { throw .invalidArgument("sub_tid", "sub_tid 须为整数: \(oid)") }
        return subTids.isEmpty ? nil : subTids
    }
}
