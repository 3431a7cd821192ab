import GatewayCore

/// The demo's couriers and tracking numbers: plausible for each courier and the same for the same seed and order.
struct DemoTrackingNumbers {
    /// The demo's seed.
    let seed: UInt64

    /// The courier and tracking number of an order: a courier the order's platform has a verified code for (Youzan:
    /// only STO), and a number shaped like that courier's; `nil` when the platform has none.
    func parcel(for order: OrderKey) -> (courier: Courier, trackingNumber: TrackingNumber)? {
        let couriers = Courier.allCases.filter { $0.code(on: order.platform) != nil }
        guard !couriers.isEmpty else { return nil }
        var random = SplitMix64(state: seed ^ Self.fnv1a(order.platform.rawValue + "/" + order.shop + "/" + order.platformOrderId))
        let courier = couriers[Int(random.next() % UInt64(couriers.count))]
        let shape = Self.shape(of: courier)
        var digits = ""
        for _ in 0..<shape.digits { digits.append(Character(String(random.next() % 10))) }
        guard let number = TrackingNumber(shape.prefix + digits) else { return nil }
        return (courier, number)
    }

    /// A courier's usual prefix and digit count (SF SF + 13, ZTO 7 + 13, YTO YT + 13, …).
    static func shape(of courier: Courier) -> (prefix: String, digits: Int) {
        switch courier {
        case .sf: ("SF", 13)
        case .zto: ("7", 13)
        case .yto: ("YT", 13)
        case .yunda: ("43", 13)
        case .sto: ("77", 11)
        case .jd: ("JDVA", 11)
        case .ems: ("11", 11)
        case .postb: ("98", 11)
        case .jt: ("JT", 13)
        }
    }

    /// FNV-1a over the text's bytes: stable across runs (unlike `hashValue`).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// SplitMix64, a small deterministic generator.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }
}
