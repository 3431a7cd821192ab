import Foundation
import GRDB
import GatewayCore
import Testing

@testable import GatewayStorage

/// The order searches of migration `v8-order-search` (issue #14, target 6) on real SQLite files: each kind is answered by
/// its index (never a scan), every search returns exactly what the filters mean in the list's order (against a reference
/// written in Swift), the id prefix and phone tail keep their meaning for any characters, and orders stored before the
/// migration are found after it.
@Suite struct SQLiteOrderSearchTests {
    /// An order for the fixtures, saved at `savedAt` (its `updated_local_at`).
    struct Spec {
        var platform: Platform = .douyin
        var shop = "yunlai-douyin"
        var id: String
        var status: OrderStatus = .paid
        var createdAt: Int64? = 1_788_192_000_000
        var maskedPhone: String? = nil
        var phoneTail: String? = nil
        var lines: [(sku: String, out: String?)] = [("sku-a", "OUT-A")]
        var event: String? = nil
        var savedAt: Int64 = 1_790_000_000_000

        var key: OrderKey { OrderKey(platform: platform, shop: shop, platformOrderId: id) }

        func entry() -> SQLiteBulkOrderWriter.Entry {
            let snapshot = createdAt.map { created in
                OrderSnapshot(
                    status: status,
                    platformStatus: "x",
                    totalFen: 100,
                    paidFen: 100,
                    createdAt: Timestamp(millisecondsSince1970: created),
                    lines: lines.enumerated().map { index, line in
                        OrderLine(lineId: "l\(index)", productId: "p", skuId: line.sku, outSkuId: line.out, title: "椪柑", quantity: 1, paidFen: 100)
                    },
                    buyer: BuyerInfo(maskedName: "张*", maskedPhone: maskedPhone, phoneTail: phoneTail)
                )
            }
            return SQLiteBulkOrderWriter.Entry(
                order: CanonicalOrder(key: key, status: status, platformUpdatedAt: Timestamp(millisecondsSince1970: savedAt), snapshot: snapshot),
                savedAt: Timestamp(millisecondsSince1970: savedAt),
                liveEventId: event
            )
        }

        /// Whether the order matches a query, as the filters are documented (the reference for the store).
        func matches(_ query: OrderQuery) -> Bool {
            if let platform = query.platform, platform != self.platform { return false }
            if let shop = query.shop, shop != self.shop { return false }
            if let shops = query.shops, !shops.contains(shop) { return false }
            if let status = query.status, status != self.status { return false }
            if let prefix = query.platformOrderIdPrefix, !prefix.isEmpty, !id.unicodeScalars.starts(with: prefix.unicodeScalars) { return false }
            if let tail = query.phoneTail, !tail.isEmpty {
                guard createdAt != nil, let source = phoneTail ?? maskedPhone,
                    source.unicodeScalars.reversed().starts(with: tail.unicodeScalars.reversed())
                else { return false }
            }
            if let sku = query.sku, !sku.isEmpty {
                guard createdAt != nil, lines.contains(where: { $0.sku == sku || $0.out == sku }) else { return false }
            }
            if let event = query.liveEventId, !event.isEmpty, event != self.event { return false }
            if let from = query.createdFrom {
                guard let createdAt, createdAt >= from.millisecondsSince1970 else { return false }
            }
            if let before = query.createdBefore {
                guard let createdAt, createdAt < before.millisecondsSince1970 else { return false }
            }
            return true
        }
    }

    /// A database file with the given orders written through the store's own row code.
    static func open(_ directory: TemporaryDirectory, _ specs: [Spec]) async throws -> (SQLiteDatabase, SQLiteDatabase) {
        let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .tests)
        try await SQLiteBulkOrderWriter(database: database).write(specs.map { $0.entry() })
        return (database, database)
    }

    static func ids(_ store: SQLiteDatabase, _ configure: (inout OrderQuery) -> Void) async throws -> [String] {
        var query = OrderQuery(limit: 1000)
        configure(&query)
        return try await store.orders(matching: query).map(\.key.platformOrderId)
    }

    /// A plan step that reads a whole table or index.
    static func isScan(_ step: String) -> Bool {
        var text = step.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("probe:") { text = text.dropFirst("probe:".count).trimmingCharacters(in: .whitespaces) }
        return text == "SCAN orders" || text.hasPrefix("SCAN orders ") || text == "SCAN order_lines" || text.hasPrefix("SCAN order_lines ")
    }

    // MARK: plans

    /// One search kind and the index that must answer it.
    struct Kind: Sendable, CustomTestStringConvertible {
        let name: String
        let index: String
        let query: @Sendable (inout OrderQuery) -> Void
        var testDescription: String { name }
    }

    static let kinds: [Kind] = [
        Kind(name: "order id prefix", index: "orders_order_id") { $0.platformOrderIdPrefix = "6930" },
        Kind(name: "phone tail", index: "orders_phone") { $0.phoneTail = "5678" },
        Kind(name: "phone tail of two digits", index: "orders_phone") { $0.phoneTail = "78" },
        Kind(name: "status + a week", index: "orders_status_day") {
            $0.status = .paid
            $0.createdFrom = Timestamp(millisecondsSince1970: 1_788_192_000_000)
            $0.createdBefore = Timestamp(millisecondsSince1970: 1_788_192_000_000 + 7 * 86_400_000)
        },
        Kind(name: "dates without a status", index: "orders_status_day") {
            $0.createdFrom = Timestamp(millisecondsSince1970: 1_788_192_000_000)
            $0.createdBefore = Timestamp(millisecondsSince1970: 1_788_192_000_000 + 86_400_000)
        },
        Kind(name: "status", index: "orders_status_updated") { $0.status = .shipped },
        Kind(name: "live event", index: "orders_live_event_updated") { $0.liveEventId = "live-1" },
        Kind(name: "platform SKU", index: "order_lines_sku_shop") { $0.sku = "sku-a" },
        Kind(name: "merchant SKU", index: "order_lines_out_sku_shop") { $0.sku = "OUT-B" },
    ]

    static func season() -> [Spec] {
        let statuses: [OrderStatus] = [.created, .paid, .shipped, .completed, .cancelled]
        return (0..<60).map { (index: Int) -> Spec in
            let phone = String(5600 + index % 100)
            var spec = Spec(id: "6930\(100_000 + index)")
            spec.shop = index % 3 == 0 ? "linyin-douyin" : "yunlai-douyin"
            spec.status = statuses[index % 5]
            spec.createdAt = 1_788_192_000_000 + Int64(index) * 18_000_000
            spec.maskedPhone = "138****" + phone
            spec.phoneTail = index % 2 == 0 ? phone : nil
            spec.lines = index % 4 == 0 ? [("sku-a", "OUT-A"), ("sku-b", "OUT-B")] : [("sku-a", "OUT-A")]
            spec.event = index % 2 == 0 ? "live-1" : nil
            spec.savedAt = 1_790_000_000_000 + Int64(index) * 1000
            return spec
        }
    }

    @Test(arguments: kinds, [false, true])
    func eachSearchKindIsAnsweredByItsIndexAndScansNothing(kind: Kind, staff: Bool) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (_, store) = try await Self.open(directory, Self.season())
        var query = OrderQuery(limit: 51)
        kind.query(&query)
        if staff { query.shops = ["yunlai-douyin"] }
        let plan = try await store.searchPlan(for: query)
        // The search itself (not only the index questions asked before it) reads the kind's index, and nothing scans.
        let search = plan.filter { !$0.hasPrefix("probe:") }
        #expect(search.contains { $0.contains("USING COVERING INDEX \(kind.index) ") || $0.contains("USING INDEX \(kind.index) ") }, "\(plan)")
        #expect(!plan.contains(where: Self.isScan), "\(plan)")
        // And the plan answers: the same orders as the reference.
        let expected = Self.season().filter { $0.matches(query) }.sorted { $0.savedAt > $1.savedAt }.prefix(51).map(\.id)
        #expect(try await store.orders(matching: query).map(\.key.platformOrderId) == Array(expected))
    }

    @Test func aSkuSearchWithoutItsShopsOrWithTooManyReadsTheLinesAndAgrees() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let specs = Self.season()
        let (database, store) = try await Self.open(directory, specs)
        let tooMany =
            (0...SQLiteOrderSearch.maximumArms).map { SQLiteOrderSearch.SkuShop(column: .platform, shop: "shop-\($0)") }
            + [SQLiteOrderSearch.SkuShop(column: .platform, shop: "yunlai-douyin")]
        for sku in ["sku-a", "OUT-B", "none"] {
            for shops in [nil, Set(["yunlai-douyin"])] as [Set<String>?] {
                var query = OrderQuery(limit: 7, offset: 3)
                query.sku = sku
                query.shops = shops
                let expected = specs.filter { $0.matches(query) }.sorted { $0.savedAt > $1.savedAt }.dropFirst(3).prefix(7).map(\.id)
                #expect(try await store.orders(matching: query).map(\.key.platformOrderId) == Array(expected))
                for fallback in [SQLiteOrderSearch(query, skuShops: nil), SQLiteOrderSearch(query, skuShops: tooMany)] {
                    let found = try await database.reader.read { db in try String.fetchAll(db, sql: fallback.sql, arguments: fallback.arguments) }
                    let ids = try found.map { try JSONDecoder().decode(CanonicalOrder.self, from: Data($0.utf8)).key.platformOrderId }
                    #expect(ids == Array(expected), "\(sku) \(String(describing: shops))")
                }
            }
        }
        var every = OrderQuery()
        every.sku = "sku-a"
        #expect(specs.filter { $0.matches(every) }.count > 10)  // the pages above are full ones
    }

    // MARK: meaning

    @Test func theIdPrefixIsAPrefixWhateverItsCharacters() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ids = [
            "100%", "10%0", "1000", "100_1", "10_00", "1*2", "1[2]", "订单1", "订单2", "订购3", "A\u{10FFFF}", "A\u{10FFFF}\u{10FFFF}x",
            "A\u{10FFFE}", "B", "\u{10FFFF}z", "\u{10FFFF}", "a\u{D7FF}", "a\u{E000}", "e\u{301}x", "éx", "",
        ]
        let specs = ids.enumerated().map { Spec(id: $1, savedAt: 1_790_000_000_000 + Int64($0)) }
        let (_, store) = try await Self.open(directory, specs)
        let expectations: [(String, Set<String>)] = [
            ("10%", ["10%0"]),
            ("100_", ["100_1"]),
            ("10_", ["10_00"]),
            ("1*", ["1*2"]),
            ("1[", ["1[2]"]),
            ("订单", ["订单1", "订单2"]),
            ("订", ["订单1", "订单2", "订购3"]),
            ("A\u{10FFFF}", ["A\u{10FFFF}", "A\u{10FFFF}\u{10FFFF}x"]),
            ("A\u{10FFFF}\u{10FFFF}", ["A\u{10FFFF}\u{10FFFF}x"]),
            ("\u{10FFFF}", ["\u{10FFFF}z", "\u{10FFFF}"]),
            ("a\u{D7FF}", ["a\u{D7FF}"]),
            ("e\u{301}", ["e\u{301}x"]),  // by scalars: the decomposed é is not the composed one
            ("é", ["éx"]),
            ("1000", ["1000"]),
            ("10000", []),
        ]
        // Compared by scalars: Swift's `==` would take "e\u{301}x" and "éx" for the same id.
        func scalars(_ ids: some Sequence<String>) -> Set<[UInt32]> { Set(ids.map { $0.unicodeScalars.map(\.value) }) }
        for (prefix, expected) in expectations {
            let found = try await Self.ids(store) { $0.platformOrderIdPrefix = prefix }
            #expect(
                scalars(found) == scalars(expected) && found.count == expected.count,
                "prefix \(prefix.unicodeScalars.map { String($0.value, radix: 16) })"
            )
        }
        // An empty prefix is no filter.
        #expect(try await Self.ids(store) { $0.platformOrderIdPrefix = "" }.count == ids.count)
    }

    @Test func successorsOfPrefixes() {
        #expect(SQLiteOrderSearch.successor(ofPrefix: "abc") == "abd")
        #expect(SQLiteOrderSearch.successor(ofPrefix: "a\u{D7FF}") == "a\u{E000}")
        #expect(SQLiteOrderSearch.successor(ofPrefix: "a\u{10FFFF}") == "b")
        #expect(SQLiteOrderSearch.successor(ofPrefix: "a\u{10FFFF}\u{10FFFF}") == "b")
        #expect(SQLiteOrderSearch.successor(ofPrefix: "\u{10FFFF}") == nil)
        #expect(SQLiteOrderSearch.successor(ofPrefix: "") == nil)
        #expect(SQLiteOrderSearch.successor(ofPrefix: "9") == ":")
    }

    @Test func thePhoneTailComesFromTheTailFieldElseTheMaskedPhone() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let specs = [
            Spec(id: "tail-field", maskedPhone: "138****5678", phoneTail: "5678"),
            Spec(id: "masked-only", maskedPhone: "139****1234", savedAt: 1_790_000_000_001),
            Spec(id: "field-wins", maskedPhone: "137****1234", phoneTail: "9999", savedAt: 1_790_000_000_002),
            Spec(id: "empty-field", maskedPhone: "136****1234", phoneTail: "", savedAt: 1_790_000_000_003),
            Spec(id: "no-phone", savedAt: 1_790_000_000_004),
            Spec(id: "short", maskedPhone: "34", savedAt: 1_790_000_000_005),
            Spec(id: "no-snapshot", createdAt: nil, savedAt: 1_790_000_000_006),
        ]
        let (_, store) = try await Self.open(directory, specs)
        #expect(Set(try await Self.ids(store) { $0.phoneTail = "1234" }) == ["masked-only"])
        #expect(Set(try await Self.ids(store) { $0.phoneTail = "234" }) == ["masked-only"])
        #expect(Set(try await Self.ids(store) { $0.phoneTail = "4" }) == ["masked-only", "short"])
        #expect(Set(try await Self.ids(store) { $0.phoneTail = "34" }) == ["masked-only", "short"])
        #expect(Set(try await Self.ids(store) { $0.phoneTail = "9999" }) == ["field-wins"])
        #expect(Set(try await Self.ids(store) { $0.phoneTail = "5678" }) == ["tail-field"])
        #expect(Set(try await Self.ids(store) { $0.phoneTail = "****5678" }).isEmpty)  // the field holds only the digits
        #expect(Set(try await Self.ids(store) { $0.phoneTail = "9****1234" }) == ["masked-only"])
        #expect(Set(try await Self.ids(store) { $0.phoneTail = "0034" }).isEmpty)  // longer than the phone
    }

    @Test func everySearchReturnsWhatItsFiltersMeanInTheListsOrder() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var random = SeededRandom(seed: 0x5EA5_0014)
        let day: Int64 = 86_400_000
        let start: Int64 = 1_788_192_000_000 - 8 * 3_600_000  // a Beijing midnight
        let shops: [(Platform, String)] = [(.douyin, "yunlai-douyin"), (.douyin, "linyin-douyin"), (.taobao, "linyin-taobao")]
        let alphabet = ["6", "9", "3", "%", "_", "订", "\u{10FFFF}"]
        var specs: [Spec] = []
        for index in 0..<400 {
            let shop = shops[random.below(shops.count)]
            let tail = String(1000 + random.below(20))
            var spec = Spec(
                platform: shop.0,
                shop: shop.1,
                id: (0..<(1 + random.below(3))).map { _ in alphabet[random.below(alphabet.count)] }.joined() + "\(index)",
                status: OrderStatus.allCases[random.below(5)],
                createdAt: random.below(30) == 0 ? nil : start + Int64(random.below(12)) * day + Int64(random.below(Int(day))),
                maskedPhone: random.below(10) == 0 ? nil : "13\(random.below(10))****\(tail)",
                phoneTail: random.below(3) == 0 ? String(1000 + random.below(20)) : nil,
                lines: (0..<(1 + random.below(3))).map { _ in (["A", "B", "X"][random.below(3)], [nil, "X", "Y"][random.below(3)]) },
                event: [nil, "e1", "e2"][random.below(3)],
                savedAt: 1_790_000_000_000 + Int64(index) * 7919 % 400 * 1000
            )
            if random.below(5) == 0 { spec.savedAt += 1 }  // distinct times: the reference order has no ties
            specs.append(spec)
        }
        let (_, store) = try await Self.open(directory, specs)
        for round in 0..<600 {
            var query = OrderQuery(limit: 1 + random.below(15), offset: random.below(4) == 0 ? random.below(20) : 0)
            if random.below(4) == 0 { query.status = OrderStatus.allCases[random.below(5)] }
            if random.below(5) == 0 {
                let id = specs[random.below(specs.count)].id
                query.platformOrderIdPrefix = String(id.unicodeScalars.prefix(1 + random.below(3)).map(Character.init))
            }
            if random.below(5) == 0 { query.phoneTail = String(String(1000 + random.below(20)).suffix(1 + random.below(4))) }
            if random.below(4) == 0 { query.sku = ["A", "B", "X", "Y", "Z"][random.below(5)] }
            if random.below(5) == 0 { query.liveEventId = ["e1", "e2"][random.below(2)] }
            if random.below(3) == 0 {
                let from = start + Int64(random.below(12)) * day + (random.below(2) == 0 ? 0 : Int64(random.below(Int(day))))
                query.createdFrom = Timestamp(millisecondsSince1970: from)
                if random.below(5) != 0 {
                    query.createdBefore = Timestamp(millisecondsSince1970: from + Int64(1 + random.below(8)) * day / Int64(1 + random.below(3)))
                }
            } else if random.below(8) == 0 {
                query.createdBefore = Timestamp(millisecondsSince1970: start + Int64(random.below(12)) * day)
            }
            if random.below(6) == 0 { query.platform = [.douyin, .taobao][random.below(2)] }
            if random.below(6) == 0 { query.shop = shops[random.below(shops.count)].1 }
            if random.below(3) == 0 { query.shops = Set(shops.map(\.1).filter { _ in random.below(2) == 0 }) }
            let expected = specs.filter { $0.matches(query) }.sorted { $0.savedAt > $1.savedAt }.dropFirst(query.offset).prefix(query.limit).map(\.id)
            let found = try await store.orders(matching: query).map(\.key.platformOrderId)
            #expect(found == Array(expected), "round \(round): \(query)")
        }
    }

    @Test func windowsOpenAtOneEndOrLongerThanTheArmsGiveTheSameAnswers() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let start: Int64 = 1_788_192_000_000
        let day: Int64 = 86_400_000
        // 50 orders over 490 days.
        let specs = (0..<50).map { (index: Int) -> Spec in
            var spec = Spec(id: "o\(index)")
            spec.status = index % 2 == 0 ? .paid : .shipped
            spec.createdAt = start + Int64(index) * 10 * day
            spec.savedAt = 1_790_000_000_000 + Int64(index * 7 % 50)
            return spec
        }
        let (_, store) = try await Self.open(directory, specs)
        /// `index`: the index the search reads (`nil`: none).
        func check(_ configure: (inout OrderQuery) -> Void, index: String?) async throws {
            var query = OrderQuery(limit: 10, offset: 2)
            configure(&query)
            let plan = try await store.searchPlan(for: query).filter { !$0.hasPrefix("probe:") }
            if let index {
                #expect(plan.contains { $0.contains("INDEX \(index) ") || $0.hasSuffix("INDEX \(index)") }, "\(query) \(plan)")
            } else {
                // Only the outer select's rowid lookups of an empty list remain.
                #expect(!plan.contains { $0.contains("INDEX") || Self.isScan($0) }, "\(query) \(plan)")
            }
            let matching: [Spec] = specs.filter { $0.matches(query) }.sorted { $0.savedAt > $1.savedAt }
            let expected: [String] = matching.dropFirst(2).prefix(10).map { $0.id }
            let found: [String] = try await store.orders(matching: query).map { $0.key.platformOrderId }
            #expect(found == expected, "\(query)")
        }
        // Open at one end: closed by the days that hold orders (390 days of one status: arms).
        try await check(
            {
                $0.status = .paid
                $0.createdFrom = Timestamp(millisecondsSince1970: start + 100 * day)
            },
            index: "orders_status_day"
        )
        try await check(
            {
                $0.status = .paid
                $0.createdBefore = Timestamp(millisecondsSince1970: start + 300 * day)
            },
            index: "orders_status_day"
        )
        try await check({ $0.createdBefore = Timestamp(millisecondsSince1970: start + 30 * day) }, index: "orders_status_day")
        // Past the arms (480 days of one status, 390 × 5 statuses): the list's order, by status or as a whole.
        try await check(
            {
                $0.status = .paid
                $0.createdFrom = Timestamp(millisecondsSince1970: start)
                $0.createdBefore = Timestamp(millisecondsSince1970: start + 480 * day)
            },
            index: "orders_status_updated"
        )
        try await check({ $0.createdFrom = Timestamp(millisecondsSince1970: start + 100 * day) }, index: "orders_updated")
        // A window beyond the data, or empty: nothing, without reading orders.
        try await check({ $0.createdFrom = Timestamp(millisecondsSince1970: start + 600 * day) }, index: nil)
        var empty = OrderQuery()
        empty.createdFrom = Timestamp(millisecondsSince1970: start + 600 * day)
        #expect(SQLiteOrderSearch.dayArms(empty, dataDays: 0...100) == [])
        // Extreme bounds never overflow the day arithmetic.
        var query = OrderQuery(limit: 10)
        query.status = .paid
        query.createdFrom = Timestamp(millisecondsSince1970: .min)
        query.createdBefore = Timestamp(millisecondsSince1970: .max)
        #expect(SQLiteOrderSearch.dayArms(query) == nil)
        #expect(try await store.orders(matching: query).count == 10)
        query.createdFrom = Timestamp(millisecondsSince1970: .max - 1)
        #expect(try await store.orders(matching: query).isEmpty)
        query.createdFrom = nil
        query.createdBefore = Timestamp(millisecondsSince1970: .min)
        #expect(SQLiteOrderSearch.dayArms(query, dataDays: 0...10) == nil)
        #expect(try await store.orders(matching: query).isEmpty)
    }

    // MARK: writes and the migration

    @Test func theStoreKeepsTheSearchColumnsWhenAnOrderChanges() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .tests)
        let inbox = SQLiteInboxStore.withRunningWriter(database: database)
        let store = database
        let key = OrderKey(platform: .douyin, shop: "yunlai-douyin", platformOrderId: "6930001")
        func commit(_ status: OrderStatus, phone: String, sku: String, at seconds: Int64) async throws {
            let snapshot = OrderSnapshot(
                status: status,
                platformStatus: "x",
                totalFen: 100,
                paidFen: 100,
                createdAt: Timestamp(secondsSince1970: 1_788_200_000),
                lines: [OrderLine(lineId: "1", productId: "p", skuId: sku, outSkuId: "OUT-" + sku, title: "椪柑", quantity: 1, paidFen: 100)],
                buyer: BuyerInfo(maskedPhone: phone)
            )
            let id = try await inbox.append([
                InboxDelivery(
                    platform: .douyin,
                    shop: key.shop,
                    deliveryId: "d\(seconds)",
                    kind: .push,
                    receivedAt: Timestamp(secondsSince1970: seconds),
                    text: "{}"
                )
            ])[0].id
            let observation = OrderObservation(
                key: key,
                source: .detail,
                event: "detail",
                platformUpdatedAt: Timestamp(secondsSince1970: seconds),
                snapshot: snapshot
            )
            _ = try await store.commit(
                [
                    ProcessedDelivery(
                        inboxId: id,
                        deliveryId: "d\(seconds)",
                        observations: [PreparedObservation(observation: observation, rawPayload: "{}")]
                    )
                ],
                at: Timestamp(secondsSince1970: seconds + 1)
            )
        }
        try await commit(.paid, phone: "138****5678", sku: "sku-a", at: 1_788_300_000)
        try await commit(.shipped, phone: "138****4321", sku: "sku-b", at: 1_788_400_000)
        let row = try #require(
            try database.reader.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT o.phone_reversed, o.updated_local_at AS o_updated, l.updated_local_at AS l_updated, l.sku_id
                        FROM orders o JOIN order_lines l USING (platform, shop, platform_order_id)
                        """
                )
            }
        )
        #expect(row["phone_reversed"] as String? == "1234****831")
        #expect(row["o_updated"] as Int64? == 1_788_400_001_000 && row["l_updated"] as Int64? == 1_788_400_001_000)
        #expect(try await Self.ids(store) { $0.phoneTail = "4321" } == ["6930001"])
        #expect(try await Self.ids(store) { $0.phoneTail = "5678" }.isEmpty)
        #expect(try await Self.ids(store) { $0.sku = "OUT-sku-b" } == ["6930001"])
        #expect(try await Self.ids(store) { $0.sku = "sku-a" }.isEmpty)
    }

    @Test func ordersStoredBeforeTheMigrationAreFoundAfterIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let specs = [
            Spec(id: "6930001", maskedPhone: "138****5678", phoneTail: "5678", lines: [("sku-a", "OUT-A")], savedAt: 1_790_000_000_003),
            Spec(id: "6930002", maskedPhone: "139****1234", lines: [("sku-b", "OUT-B"), ("sku-a", nil)], savedAt: 1_790_000_000_002),
            Spec(id: "6930003", lines: [("sku-c", "OUT-A")], savedAt: 1_790_000_000_001),
            Spec(id: "6930004", createdAt: nil, savedAt: 1_790_000_000_000),
        ]
        let (database, _) = try await Self.open(directory, specs)
        // Back to the schema before `v8-order-search`, as a database written by the previous release.
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    DROP INDEX orders_order_id; DROP INDEX orders_phone; DROP INDEX orders_live_event_updated;
                    DROP INDEX orders_status_updated; DROP INDEX orders_status_day;
                    DROP INDEX order_lines_sku_shop; DROP INDEX order_lines_out_sku_shop;
                    ALTER TABLE orders DROP COLUMN phone_reversed;
                    ALTER TABLE order_lines DROP COLUMN updated_local_at;
                    CREATE INDEX order_lines_sku ON order_lines (sku_id);
                    DELETE FROM grdb_migrations WHERE identifier = 'v8-order-search';
                    """
            )
        }
        let reopened = try SQLiteDatabase.open(path: directory.file("gateway.sqlite"), synchronous: "normal", keys: .tests)
        let store = reopened
        let rows = try reopened.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT platform_order_id, phone_reversed FROM orders ORDER BY platform_order_id")
        }
        #expect(rows.map { $0["phone_reversed"] as String? } == ["8765", "4321****931", nil, nil])
        let unmatched = try await reopened.reader.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM order_lines l JOIN orders o USING (platform, shop, platform_order_id)
                    WHERE l.updated_local_at IS NOT o.updated_local_at
                    """
            )
        }
        #expect(unmatched == 0)
        #expect(try await Self.ids(store) { $0.phoneTail = "1234" } == ["6930002"])
        #expect(try await Self.ids(store) { $0.phoneTail = "5678" } == ["6930001"])
        #expect(try await Self.ids(store) { $0.sku = "sku-a" } == ["6930001", "6930002"])
        #expect(try await Self.ids(store) { $0.sku = "OUT-A" } == ["6930001", "6930003"])
        #expect(try await Self.ids(store) { $0.platformOrderIdPrefix = "693000" } == ["6930001", "6930002", "6930003", "6930004"])
        var phoneQuery = OrderQuery(limit: 5)
        phoneQuery.phoneTail = "1234"
        let plan = try await store.searchPlan(for: phoneQuery)
        #expect(plan.contains { !$0.hasPrefix("probe:") && $0.contains("orders_phone") } && !plan.contains(where: Self.isScan), "\(plan)")
    }
}
