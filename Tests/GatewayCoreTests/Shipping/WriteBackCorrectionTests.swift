import GatewayCore
import Testing

/// ``WriteBackCorrection``: every state of a write-back × a changed or unchanged correction.
@Suite struct WriteBackCorrectionTests {
    static func writeBack(_ state: WriteBackLifecycle.State, platform: Platform = .douyin) -> ShipmentWriteBack {
        ShipmentWriteBack(
            id: 7,
            shipmentId: 7,
            order: OrderKey(platform: platform, shop: "s", platformOrderId: "o1"),
            state: state,
            trackingNumber: "SF1000000001",
            courier: .sf,
            updatedAt: Timestamp(secondsSince1970: 1)
        )
    }

    static let newNumber = TrackingNumber("SF1000000002")

    @Test func eachStateIsCorrectedAsWrittenOut() throws {
        let resend = WriteBackLifecycle.State.pending(attempts: 0, notBefore: nil)
        let rejected = try WriteBackCorrection.decide(Self.writeBack(.rejected(reason: "bad")), courier: nil, trackingNumber: Self.newNumber)
        #expect(rejected == WriteBackCorrection(state: resend, replacingTrackingNumber: nil))
        let conflict = try WriteBackCorrection.decide(
            Self.writeBack(.conflict(platformTrackingNumber: "YT9")),
            courier: nil,
            trackingNumber: Self.newNumber
        )
        #expect(conflict == WriteBackCorrection(state: resend, replacingTrackingNumber: "YT9"), "ours replaces theirs with the edit call")
        let adopt = try WriteBackCorrection.decide(
            Self.writeBack(.conflict(platformTrackingNumber: "yt9999999")),
            courier: nil,
            trackingNumber: TrackingNumber("YT9999999")
        )
        #expect(adopt.replacingTrackingNumber == nil, "taking the platform's number needs no edit")
        let edited = try WriteBackCorrection.decide(Self.writeBack(.confirmed), courier: .zto, trackingNumber: nil)
        #expect(edited == WriteBackCorrection(state: resend, replacingTrackingNumber: "SF1000000001"))
        let pending = WriteBackLifecycle.State.pending(attempts: 2, notBefore: Timestamp(secondsSince1970: 9))
        #expect(try WriteBackCorrection.decide(Self.writeBack(pending), courier: .zto, trackingNumber: nil).state == pending)
        #expect(throws: ShipmentCorrectionError.self) {
            _ = try WriteBackCorrection.decide(Self.writeBack(.confirmed), courier: .sf, trackingNumber: TrackingNumber("sf1000000001"))
        }
        for state: WriteBackLifecycle.State in [.sending(attempts: 1), .unknownOutcome(attempts: 1), .handled(by: "a")] {
            #expect(throws: ShipmentCorrectionError.self, "\(state)") {
                _ = try WriteBackCorrection.decide(Self.writeBack(state), courier: nil, trackingNumber: Self.newNumber)
            }
        }
    }
}
