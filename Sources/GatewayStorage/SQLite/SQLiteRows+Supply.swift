import GRDB
import GatewayCore

/// Rows of farmer supply: parcel allocations, lots and households.
extension SQLiteRows {

    static func allocation(from row: Row) -> ParcelAllocation {
        let platform: String = row["platform"]
        let shop: String = row["shop"]
        let orderId: String = row["platform_order_id"]
        let lineId: String = row["line_id"]
        let sku: String = row["sku_code"]
        return ParcelAllocation(
            lineRef: "\(platform)/\(shop)/\(orderId)/\(lineId)/\(sku)",
            parcelIndex: row["parcel_index"],
            lotId: row["lot_id"],
            householdId: row["household_id"],
            grams: row["grams"],
            tier: row["tier"],
            quotaGrams: row["quota_grams"],
            deficitGrams: row["deficit_grams"],
            incomeFen: row["income_fen"]
        )
    }

    static func lot(from row: Row) -> SupplyLot {
        SupplyLot(
            id: row["id"],
            householdId: row["household_id"],
            enterpriseId: row["enterprise_id"],
            product: row["product"],
            grade: row["grade"],
            capacityGrams: row["capacity_grams"],
            priceFenPerKg: row["price_fen_per_kg"],
            harvestDate: row["harvest_date"],
            availableFrom: row["available_from"],
            availableTo: row["available_to"]
        )
    }

    static func household(from row: Row) -> Household {
        Household(
            id: row["id"],
            name: row["name"],
            village: row["village"],
            cooperativeId: row["cooperative_id"],
            baseId: row["base_id"],
            registeredPoor: row["registered_poor"],
            members: row["members"],
            showName: row["show_name"]
        )
    }
}
