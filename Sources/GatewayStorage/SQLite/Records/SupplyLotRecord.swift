import GRDB
import GatewayCore

/// A row of `supply_lots`: a household's harvest offered to an enterprise's pool, and how much of it is allocated.
struct SupplyLotRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "supply_lots"

    var id: String
    var householdId: String
    var enterpriseId: String
    var product: String
    var grade: String
    var capacityGrams: Int64
    var priceFenPerKg: Int64
    var harvestDate: String
    var availableFrom: String?
    var availableTo: String?
    var allocatedGrams: Int64
    var updatedAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, product, grade
        case householdId = "household_id"
        case enterpriseId = "enterprise_id"
        case capacityGrams = "capacity_grams"
        case priceFenPerKg = "price_fen_per_kg"
        case harvestDate = "harvest_date"
        case availableFrom = "available_from"
        case availableTo = "available_to"
        case allocatedGrams = "allocated_grams"
        case updatedAt = "updated_at"
    }

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let householdId = Column(CodingKeys.householdId)
        static let enterpriseId = Column(CodingKeys.enterpriseId)
        static let product = Column(CodingKeys.product)
        static let grade = Column(CodingKeys.grade)
        static let capacityGrams = Column(CodingKeys.capacityGrams)
        static let priceFenPerKg = Column(CodingKeys.priceFenPerKg)
        static let harvestDate = Column(CodingKeys.harvestDate)
        static let availableFrom = Column(CodingKeys.availableFrom)
        static let availableTo = Column(CodingKeys.availableTo)
        static let allocatedGrams = Column(CodingKeys.allocatedGrams)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    /// Reads a row by column (no keyed decoding container: supply pools are read with every batch).
    init(row: Row) {
        id = row[Columns.id]
        householdId = row[Columns.householdId]
        enterpriseId = row[Columns.enterpriseId]
        product = row[Columns.product]
        grade = row[Columns.grade]
        capacityGrams = row[Columns.capacityGrams]
        priceFenPerKg = row[Columns.priceFenPerKg]
        harvestDate = row[Columns.harvestDate]
        availableFrom = row[Columns.availableFrom]
        availableTo = row[Columns.availableTo]
        allocatedGrams = row[Columns.allocatedGrams]
        updatedAt = row[Columns.updatedAt]
    }

    /// The lot.
    var lot: SupplyLot {
        SupplyLot(
            id: id,
            householdId: householdId,
            enterpriseId: enterpriseId,
            product: product,
            grade: grade,
            capacityGrams: capacityGrams,
            priceFenPerKg: priceFenPerKg,
            harvestDate: harvestDate,
            availableFrom: availableFrom,
            availableTo: availableTo
        )
    }
}
