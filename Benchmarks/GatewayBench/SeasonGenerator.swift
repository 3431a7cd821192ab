import GatewayCore
import GatewayStorage
import GatewayTesting

/// A season of orders for `gateway-bench seed-orders` and `gateway-bench search`: 90 days (1 September to 29 November 2026,
/// Beijing time) of orders over thirteen shops of three enterprises on the six platforms, deterministic for a seed.
///
/// - **When**: order `i` of `n` is placed at the `(i + ½)/n` quantile of a minute-by-minute rate — a daily curve (quiet at
///   night, peaks at noon and in the evening) rising through the season — plus 26 livestreams (Tuesdays and Saturdays,
///   19:30–22:00) that sell about 30 % of the season at fourteen times the average rate. So `created_at` grows with `i`.
/// - **Where**: a livestream's extra orders come from its enterprise's shops and are attributed to it (`live_event_id`,
///   live room and author); every other order comes from any shop by its weight (Douyin 35 %, Kuaishou 18 %, Pinduoduo
///   15 %, Taobao 13 %, WeChat Channels 10 %, Youzan 9 %).
/// - **Ids** look like the platforms' own and grow with time: Douyin `69…` and WeChat Channels `37…` (19 digits), Taobao
///   `4…` (19), Kuaishou `2…` (16), Pinduoduo `yyMMdd-` and 15 digits, Youzan `E` and `yyyyMMddHHmmss` and 6 digits.
/// - **What**: 1–3 lines (60/30/10 %) of the enterprise's products by popularity (each enterprise has a slow seller at
///   about 1 % of its lines), 1–3 units each; platform SKU ids are per shop, the merchant code (`out_sku_id`) per product.
/// - **Who**: a masked name, a masked phone `1xx****dddd` (3 % have none), the phone's last four digits as a field on
///   Douyin, Kuaishou and WeChat Channels (90 % of theirs; elsewhere the search reads the masked phone), a province and
///   city, and for 85 % a plaintext receiver that storage seals.
/// - **Fate**: 6 % cancelled before payment; otherwise paid within 10 minutes, 3 % cancelled within a day after that, the
///   rest shipped within two days and completed 5–10 days later — each step only once its time is before the season's end,
///   so recent orders are still paid or shipped. One timeline entry per step (15 % from polling), 10 % of orders with a
///   repeated push; `updated_local_at` a few seconds after the last step. Paid lines have a line fulfilment.
struct SeasonGenerator: Sendable {
    /// A shop of the season.
    struct Shop: Sendable {
        let key: String
        let platform: Platform
        let enterprise: String
        let weight: Double
    }

    /// A product an enterprise sells.
    struct Product: Sendable {
        let code: String
        let title: String
        let priceFen: Int64
        let grams: Int64
        let weight: Double
    }

    /// 2026-09-01 00:00 Beijing time (UTC+8), in seconds since 1970.
    static let seasonStart: Int64 = 1_788_192_000
    /// Days in the season.
    static let days = 90
    /// The end of the season: the "now" of the generated orders (no step happens after it).
    static let seasonEnd = Timestamp(secondsSince1970: seasonStart + Int64(days) * 86_400)
    static let minutes = days * 1440

    static let shops: [Shop] = [
        Shop(key: "yunlai-douyin", platform: .douyin, enterprise: "yunlai", weight: 20),
        Shop(key: "linyin-douyin", platform: .douyin, enterprise: "linyin", weight: 10),
        Shop(key: "coop-douyin", platform: .douyin, enterprise: "coop", weight: 5),
        Shop(key: "yunlai-kuaishou", platform: .kuaishou, enterprise: "yunlai", weight: 12),
        Shop(key: "linyin-kuaishou", platform: .kuaishou, enterprise: "linyin", weight: 6),
        Shop(key: "yunlai-pinduoduo", platform: .pinduoduo, enterprise: "yunlai", weight: 10),
        Shop(key: "coop-pinduoduo", platform: .pinduoduo, enterprise: "coop", weight: 5),
        Shop(key: "linyin-taobao", platform: .taobao, enterprise: "linyin", weight: 8),
        Shop(key: "yunlai-taobao", platform: .taobao, enterprise: "yunlai", weight: 5),
        Shop(key: "linyin-wechat", platform: .wechatChannels, enterprise: "linyin", weight: 6),
        Shop(key: "yunlai-wechat", platform: .wechatChannels, enterprise: "yunlai", weight: 4),
        Shop(key: "yunlai-youzan", platform: .youzan, enterprise: "yunlai", weight: 5),
        Shop(key: "linyin-youzan", platform: .youzan, enterprise: "linyin", weight: 4),
    ]

    static let enterprises: [(id: String, name: String)] = [("yunlai", "云来农业"), ("linyin", "林音茶业"), ("coop", "保靖县农产品合作社")]

    static let catalogs: [String: [Product]] = [
        "yunlai": [
            Product(code: "BJPG-5KG-A", title: "保靖椪柑 5kg 特级", priceFen: 3990, grams: 5000, weight: 30),
            Product(code: "BJPG-5KG-B", title: "保靖椪柑 5kg 一级", priceFen: 3290, grams: 5000, weight: 20),
            Product(code: "BJPG-10KG-A", title: "保靖椪柑 10kg 特级整箱", priceFen: 6990, grams: 10000, weight: 18),
            Product(code: "BJPG-10KG-B", title: "保靖椪柑 10kg 一级整箱", priceFen: 5990, grams: 10000, weight: 10),
            Product(code: "XXMHT-3KG", title: "湘西猕猴桃 3kg", priceFen: 4590, grams: 3000, weight: 12),
            Product(code: "XXMHT-GIFT", title: "湘西猕猴桃 礼盒 5kg", priceFen: 9990, grams: 5000, weight: 1),
        ],
        "linyin": [
            Product(code: "BJHJC-250G", title: "保靖黄金茶 250g 明前", priceFen: 8800, grams: 250, weight: 40),
            Product(code: "BJHJC-100G", title: "保靖黄金茶 100g 明前", priceFen: 3900, grams: 100, weight: 30),
            Product(code: "BJHJC-500G-GIFT", title: "保靖黄金茶 500g 礼盒", priceFen: 26800, grams: 500, weight: 10),
            Product(code: "BJHJC-50G-TRY", title: "保靖黄金茶 50g 试饮装", priceFen: 990, grams: 50, weight: 1),
        ],
        "coop": [
            Product(code: "BJLJ-500G", title: "保靖剁辣椒 500g", priceFen: 2590, grams: 500, weight: 25),
            Product(code: "BJLR-1KG", title: "湘西腊肉 1kg", priceFen: 8900, grams: 1000, weight: 15),
            Product(code: "BJFM-500G", title: "保靖土蜂蜜 500g", priceFen: 6800, grams: 500, weight: 1),
        ],
    ]

    static let destinations: [(province: String, city: String, weight: Double)] = [
        ("湖南省", "长沙市", 22), ("广东省", "广州市", 14), ("湖北省", "武汉市", 8), ("北京市", "北京市", 7), ("上海市", "上海市", 7),
        ("浙江省", "杭州市", 7), ("江苏省", "南京市", 6), ("四川省", "成都市", 6), ("重庆市", "重庆市", 5), ("贵州省", "贵阳市", 4),
        ("河南省", "郑州市", 4), ("山东省", "济南市", 4), ("福建省", "福州市", 3), ("陕西省", "西安市", 3),
    ]

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")

    /// The season's livestreams and the enterprise each sells for.
    let events: [(event: LiveEvent, enterprise: String)]
    /// Cumulative order rate per minute of the season (normalized to end at 1).
    private let cumulative: [Double]
    /// Share of a minute's rate that comes from a livestream, and which (index into ``events``; -1 none).
    private let liveShare: [Double]
    private let liveEvent: [Int32]
    let seed: UInt64
    let count: Int

    /// Prepares a season of `count` orders.
    init(count: Int, seed: UInt64) {
        self.count = max(count, 1)
        self.seed = seed
        var events: [(event: LiveEvent, enterprise: String)] = []
        var eventOfMinute = [Int32](repeating: -1, count: Self.minutes)
        let hosts = ["yunlai", "linyin", "yunlai", "coop"]
        for day in 0..<Self.days {
            // 2026-09-01 is a Tuesday: livestreams on Tuesdays and Saturdays.
            guard day % 7 == 0 || day % 7 == 4 else { continue }
            let enterprise = hosts[events.count % hosts.count]
            let start = Self.seasonStart + Int64(day) * 86_400 + 19 * 3600 + 30 * 60
            let index = events.count
            let event = LiveEvent(
                id: "live-\(Self.beijingDate(start).compact)-\(enterprise)",
                title: "县长直播 \(Self.beijingDate(start).dashed)",
                shops: Self.shops.filter { $0.enterprise == enterprise }.map(\.key),
                roomIds: ["73018822334455\(String(index + 10))"],
                authorIds: ["3871234567890123456"],
                startsAt: Timestamp(secondsSince1970: start),
                endsAt: Timestamp(secondsSince1970: start + 150 * 60)
            )
            events.append((event, enterprise))
            let first = day * 1440 + 19 * 60 + 30
            for minute in first..<(first + 150) { eventOfMinute[minute] = Int32(index) }
        }
        // Beijing hours: quiet at night, a noon peak, an evening peak.
        let hourly: [Double] = [
            0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 0.9, 1.0, 1.1, 1.2, 1.4, 1.2, 1.0, 1.0, 1.0, 1.1, 1.3, 1.6, 1.8, 1.7, 1.2, 0.6,
        ]
        var base = [Double](repeating: 0, count: Self.minutes)
        for minute in 0..<Self.minutes {
            let day = Double(minute / 1440)
            base[minute] = hourly[(minute % 1440) / 60] * (0.6 + 0.8 * day / Double(Self.days))
        }
        let average = base.reduce(0, +) / Double(Self.minutes)
        var cumulative = [Double](repeating: 0, count: Self.minutes)
        var liveShare = [Double](repeating: 0, count: Self.minutes)
        var total = 0.0
        for minute in 0..<Self.minutes {
            let burst = eventOfMinute[minute] >= 0 ? 14 * average : 0
            total += base[minute] + burst
            cumulative[minute] = total
            liveShare[minute] = burst / (base[minute] + burst)
        }
        self.cumulative = cumulative.map { $0 / total }
        self.liveShare = liveShare
        self.liveEvent = eventOfMinute
        self.events = events
    }

    /// The master data the season's orders refer to: enterprises, their SKUs, the livestreams.
    func masterData() -> MasterDataSeed {
        let skus = Self.catalogs.flatMap { enterprise, products in
            products.map {
                EnterpriseSKU(code: $0.code, enterpriseId: enterprise, product: $0.code, grade: "A", netWeightGrams: $0.grams, title: $0.title)
            }
        }
        return MasterDataSeed(
            masterData: MasterData(enterprises: Self.enterprises.map { Enterprise(id: $0.id, name: $0.name) }, skus: skus),
            liveEvents: events.map(\.event)
        )
    }

    /// Order `index` (0 ≤ index < count) as it is stored at the end of the season.
    func entry(_ index: Int) -> SQLiteBulkOrderWriter.Entry {
        var random = SplitMix64(seed: seed &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        let quantile = (Double(index) + 0.5) / Double(count)
        let minute = Self.firstIndex(in: cumulative, atLeast: quantile)
        let created = Timestamp(
            millisecondsSince1970: (Self.seasonStart + Int64(minute) * 60) * 1000 + Int64(random.below(60_000))
        )
        let liveIndex = liveEvent[minute] >= 0 && random.unit() < liveShare[minute] ? Int(liveEvent[minute]) : nil
        let shop: Shop
        if let liveIndex {
            let enterprise = events[liveIndex].enterprise
            shop = random.pick(Self.shops.filter { $0.enterprise == enterprise }, weight: \.weight)
        } else {
            shop = random.pick(Self.shops, weight: \.weight)
        }
        let shopIndex = Self.shops.firstIndex { $0.key == shop.key } ?? 0
        let orderId = Self.orderId(platform: shop.platform, index: index, created: created, random: &random)
        let key = OrderKey(platform: shop.platform, shop: shop.key, platformOrderId: orderId)

        // Lines: distinct products of the enterprise by popularity.
        let catalog = Self.catalogs[shop.enterprise] ?? []
        let lineCount = min(catalog.count, [1, 1, 1, 1, 1, 1, 2, 2, 2, 3][random.below(10)])
        var chosen: [Int] = []
        while chosen.count < lineCount {
            let product = random.pickIndex(catalog, weight: \.weight)
            if !chosen.contains(product) { chosen.append(product) }
        }
        let lines = chosen.enumerated().map { position, productIndex -> OrderLine in
            let product = catalog[productIndex]
            let quantity = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3][random.below(10)]
            let skuId = String(1_786_000_000_000_000_000 + Int64(shopIndex) * 1000 + Int64(productIndex))
            let lineId = shop.platform == .pinduoduo || shop.platform == .wechatChannels ? skuId : String(position + 1)
            return OrderLine(
                lineId: lineId,
                productId: String(3_656_110_990_000_000_000 + Int64(shopIndex) * 1000 + Int64(productIndex / 2)),
                skuId: skuId,
                outSkuId: product.code,
                title: product.title,
                quantity: quantity,
                paidFen: product.priceFen * Int64(quantity)
            )
        }
        let totalFen = lines.reduce(Int64(0)) { $0 + $1.paidFen }

        // The buyer.
        let destination = random.pick(Self.destinations, weight: \.weight)
        let hasPhone = random.below(100) >= 3
        let tail = String(String(10_000 + random.below(10_000)).dropFirst())
        let phone =
            "1" + String([3, 5, 7, 8, 9][random.below(5)]) + String(random.below(10)) + String(10_000 + random.below(90_000)).dropFirst() + tail
        let givesTail = [.douyin, .kuaishou, .wechatChannels].contains(shop.platform) && random.below(10) < 9
        let surname = Self.surnames[random.below(Self.surnames.count)]
        var buyer = BuyerInfo(
            maskedName: String(surname) + "*",
            maskedPhone: hasPhone ? String(phone.prefix(3)) + "****" + tail : nil,
            phoneTail: hasPhone && givesTail ? tail : nil,
            province: destination.province,
            city: destination.city
        )
        if hasPhone && random.below(100) < 85 {
            buyer.receiver = BuyerContact(name: String(surname) + "晓明", phone: phone, address: destination.city + "芙蓉路\(1 + random.below(300))号")
        }

        // The steps the order went through, up to the end of the season.
        var steps: [(status: OrderStatus, at: Timestamp)] = [(.created, created)]
        var paidAt: Timestamp?
        let fate = random.below(100)
        if fate < 6 {
            steps.append((.cancelled, created.adding(seconds: Int64(300 + random.below(1500)))))
        } else {
            let paid = created.adding(seconds: Int64(30 + random.below(570)))
            steps.append((.paid, paid))
            paidAt = paid
            if fate < 9 {
                steps.append((.cancelled, paid.adding(seconds: Int64(3600 + random.below(82_800)))))
            } else {
                let shipped = paid.adding(seconds: Int64(6 * 3600 + random.below(42 * 3600)))
                steps.append((.shipped, shipped))
                steps.append((.completed, shipped.adding(seconds: Int64(5 * 86_400 + random.below(5 * 86_400)))))
            }
        }
        steps = steps.filter { $0.at <= Self.seasonEnd }
        if let paid = paidAt, paid > Self.seasonEnd { paidAt = nil }
        let last = steps[steps.count - 1]
        var evidence = StatusEvidence()
        var timeline: [TimelineEntry] = []
        var previous: OrderStatus?
        var recordedAt = created
        for step in steps {
            evidence.record(step.status, at: step.at, reopens: false)
            recordedAt = step.at.adding(milliseconds: Int64(500 + random.below(2500)))
            let source: ObservationSource = random.below(100) < 15 ? .poll : .push
            timeline.append(
                TimelineEntry(
                    inboxId: nil,
                    deliveryId: "\(source.rawValue)-\(orderId)-\(step.status.rawValue)",
                    receivedCount: 1,
                    source: source,
                    event: step.status.rawValue,
                    decision: .applied,
                    statusBefore: previous,
                    statusAfter: step.status,
                    platformUpdatedAt: step.at,
                    recordedAt: recordedAt,
                    rawPayload: Self.payload(key: key, status: step.status, at: step.at, lines: lines, province: destination.province)
                )
            )
            previous = step.status
        }
        let savedAt = recordedAt
        if random.below(10) == 0, let repeated = timeline.randomElement(using: &random) {
            var duplicate = repeated
            duplicate.decision = .duplicate
            duplicate.statusBefore = last.status
            duplicate.statusAfter = last.status
            duplicate.recordedAt = repeated.recordedAt.adding(seconds: Int64(1 + random.below(60)))
            if duplicate.recordedAt <= Self.seasonEnd { timeline.append(duplicate) }
        }
        let live = liveIndex.map { events[$0] }
        let snapshot = OrderSnapshot(
            status: last.status,
            platformStatus: Self.platformStatus(last.status, platform: shop.platform),
            totalFen: totalFen,
            paidFen: paidAt == nil ? 0 : totalFen,
            createdAt: created,
            paidAt: paidAt,
            lines: lines,
            buyer: buyer,
            liveRoomId: live?.event.roomIds.first,
            authorId: live?.event.authorIds.first
        )
        let order = CanonicalOrder(
            key: key,
            status: evidence.status,
            platformUpdatedAt: last.at,
            snapshot: snapshot,
            snapshotVersion: SnapshotVersion(
                platformUpdatedAt: last.at,
                statusRank: last.status.rank,
                sourcePrecedence: timeline.last?.source.precedence ?? 0,
                fingerprint: random.next()
            ),
            revision: steps.count,
            statusEvidence: evidence
        )
        var fulfilments: [LineFulfilment] = []
        if paidAt != nil {
            let state: FulfilmentState =
                switch evidence.status {
                case .cancelled: .released
                case .shipped, .completed: .consumed
                default: .reserved
                }
            fulfilments = lines.map { line in
                LineFulfilment(
                    order: key,
                    lineId: line.lineId,
                    state: state,
                    reservations: [
                        StockReservation(warehouseId: "\(shop.enterprise)-baojing", skuCode: line.outSkuId ?? "", quantity: line.quantity)
                    ],
                    enterpriseIds: [shop.enterprise],
                    skuId: line.skuId,
                    quantity: line.quantity
                )
            }
        }
        return SQLiteBulkOrderWriter.Entry(order: order, savedAt: savedAt, liveEventId: live?.event.id, timeline: timeline, fulfilments: fulfilments)
    }

    // MARK: shapes of the platforms' data

    /// A platform order id placed at `created`, unique in the season (its last six digits come from `index`).
    static func orderId(platform: Platform, index: Int, created: Timestamp, random: inout SplitMix64) -> String {
        let unique = String(1_000_000 + (index &* 7919) % 1_000_000).dropFirst()  // a bijection of index mod 10⁶
        let seconds = created.secondsSince1970 - 1_577_808_000  // since 2020-01-01 Beijing: 9 digits through 2051
        let time = String(1_000_000_000 + seconds).dropFirst()
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(random.below(10))) }) }
        let date = beijingDate(created.secondsSince1970)
        switch platform {
        case .douyin: return "69" + time + digits(2) + unique
        case .wechatChannels: return "37" + time + digits(2) + unique
        case .taobao: return "4" + time + digits(3) + unique
        case .kuaishou: return "2" + time + unique
        case .pinduoduo: return String(date.compact.dropFirst(2)) + "-" + digits(9) + unique
        case .youzan, .standard: return "E" + date.compact + date.clock + unique
        }
    }

    /// The platform's own status code or name for a canonical status (what `platformStatus` shows).
    static func platformStatus(_ status: OrderStatus, platform: Platform) -> String {
        let index = status.rank
        switch platform {
        case .douyin: return ["1", "2", "3", "5", "4"][index]
        case .kuaishou: return ["10", "30", "40", "70", "80"][index]
        case .pinduoduo: return ["0", "1", "2", "3", "4"][index]
        case .taobao: return ["WAIT_BUYER_PAY", "WAIT_SELLER_SEND_GOODS", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_FINISHED", "TRADE_CLOSED"][index]
        case .wechatChannels: return ["10", "20", "30", "100", "250"][index]
        case .youzan, .standard:
            return ["WAIT_BUYER_PAY", "WAIT_SELLER_SEND_GOODS", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_SUCCESS", "TRADE_CLOSED"][index]
        }
    }

    /// A raw payload of the size and shape platforms send (a few hundred bytes of JSON).
    static func payload(key: OrderKey, status: OrderStatus, at: Timestamp, lines: [OrderLine], province: String) -> String {
        let items = lines.map {
            #"{"sku_id":"\#($0.skuId)","out_sku_id":"\#($0.outSkuId ?? "")","product_id":"\#($0.productId)","title":"\#($0.title)","num":\#($0.quantity),"pay_amount":\#($0.paidFen)}"#
        }
        return #"{"platform":"\#(key.platform.rawValue)","shop":"\#(key.shop)","order_id":"\#(key.platformOrderId)","status":"\#(status.rawValue)","#
            + #""update_time":\#(at.secondsSince1970),"post_addr":{"province":"\#(province)"},"sku_orders":[\#(items.joined(separator: ","))]}"#
    }

    /// A Beijing-time date: `yyyyMMdd`, `yyyy-MM-dd` and `HHmmss`.
    static func beijingDate(_ seconds: Int64) -> (compact: String, dashed: String, clock: String) {
        let dashed = CalendarDay.beijing(Timestamp(secondsSince1970: seconds))
        let local = seconds + 8 * 3600
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let clock = two(secondOfDay / 3600) + two(secondOfDay % 3600 / 60) + two(secondOfDay % 60)
        return (dashed.filter { $0 != "-" }, dashed, clock)
    }

    /// The first index whose value is at least `value` in an increasing array (the last index when none is).
    static func firstIndex(in values: [Double], atLeast value: Double) -> Int {
        var low = 0
        var high = values.count - 1
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
