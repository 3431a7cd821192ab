import Testing

@testable import GatewayCore

/// ``Fingerprint/of(_:)`` hashes a field-by-field text that must equal the snapshot's reflection (`String(describing:)`,
/// what stored orders' fingerprints were computed from): compared over random snapshots with awkward strings.
@Suite struct FingerprintTests {
    static let awkward = ["", "paid", "椪柑 5kg", "a\"b", "back\\slash", "line\nbreak\ttab", "\u{0}nul", "emoji 🍊", "e\u{301}", "\u{7F}del", "'quote'"]

    static func text(_ random: inout SplitMix64) -> String {
        awkward[Int(random.next() % UInt64(awkward.count))] + String(random.next() % 1000)
    }

    static func optionalText(_ random: inout SplitMix64) -> String? { random.next() % 3 == 0 ? nil : text(&random) }

    static func snapshot(_ random: inout SplitMix64) -> OrderSnapshot {
        let statuses: [OrderStatus] = [.created, .paid, .shipped, .completed, .cancelled]
        let refunds: [RefundState] = [.none, .requested, .refunded]
        var buyer = BuyerInfo(province: optionalText(&random))
        buyer.maskedName = optionalText(&random)
        buyer.maskedPhone = optionalText(&random)
        buyer.phoneTail = optionalText(&random)
        buyer.city = optionalText(&random)
        if random.next() % 2 == 0 { buyer.platformCiphertext = ["b": text(&random), "a": text(&random)] }
        if random.next() % 2 == 0 { buyer.receiver = BuyerContact(name: "张三", phone: "13800000000", address: "保靖县") }
        var snapshot = OrderSnapshot(
            status: statuses[Int(random.next() % 5)],
            platformStatus: text(&random),
            totalFen: Int64(bitPattern: random.next()) % 1_000_000,
            paidFen: Int64(random.next() % 1_000_000),
            createdAt: Timestamp(millisecondsSince1970: Int64(random.next() % 2_000_000_000_000)),
            lines: (0..<Int(random.next() % 4)).map { index in
                var line = OrderLine(
                    lineId: String(index),
                    productId: text(&random),
                    skuId: text(&random),
                    title: text(&random),
                    quantity: Int(random.next() % 100),
                    paidFen: Int64(random.next() % 100_000),
                    refundState: refunds[Int(random.next() % 3)]
                )
                line.outSkuId = optionalText(&random)
                line.refundedAfterShipment = random.next() % 2 == 0
                return line
            },
            buyer: buyer
        )
        snapshot.postageFen = Int64(random.next() % 1000)
        snapshot.discountFen = -Int64(random.next() % 1000)
        snapshot.paidAt = random.next() % 2 == 0 ? nil : Timestamp(millisecondsSince1970: Int64(random.next() % 2_000_000_000_000))
        snapshot.liveRoomId = optionalText(&random)
        snapshot.authorId = optionalText(&random)
        return snapshot
    }

    @Test func theFieldByFieldTextIsTheReflectionText() {
        var random = SplitMix64(seed: 14)
        for _ in 0..<2_000 {
            var snapshot = Self.snapshot(&random)
            snapshot.buyer.platformCiphertext = [:]
            #expect(Fingerprint.reflectionText(of: snapshot) == String(describing: snapshot))
        }
    }

    @Test func fingerprintsAreTheOnesStoredOrdersHave() {
        var random = SplitMix64(seed: 15)
        for _ in 0..<500 {
            let snapshot = Self.snapshot(&random)
            var stable = snapshot
            let ciphertext = stable.buyer.platformCiphertext.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            stable.buyer.platformCiphertext = [:]
            let reference = Fingerprint.fnv1a(String(describing: stable) + ciphertext.joined(separator: "&"))
            #expect(Fingerprint.of(snapshot) == reference)
        }
    }

    @Test func aChangeInAnyFieldChangesTheFingerprint() {
        var random = SplitMix64(seed: 16)
        let base = Self.snapshot(&random)
        var changes: [(String, (inout OrderSnapshot) -> Void)] = [
            ("status", { $0.status = $0.status == .paid ? .shipped : .paid }),
            ("platformStatus", { $0.platformStatus += "x" }),
            ("postageFen", { $0.postageFen += 1 }),
            ("paidAt", { $0.paidAt = Timestamp(millisecondsSince1970: 7) }),
            ("buyer.city", { $0.buyer.city = "x" + ($0.buyer.city ?? "") }),
            ("authorId", { $0.authorId = "x" + ($0.authorId ?? "") }),
        ]
        changes.append(("lines", { $0.lines.append(OrderLine(lineId: "9", productId: "p", skuId: "s", title: "t", quantity: 1, paidFen: 1)) }))
        for (name, change) in changes {
            var changed = base
            change(&changed)
            #expect(Fingerprint.of(changed) != Fingerprint.of(base), "\(name)")
        }
    }
}
