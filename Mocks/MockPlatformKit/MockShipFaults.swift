/// Faults one shop's ship APIs inject, to exercise the gateway's shipment outbox: set them with
/// ``MockPlatform/setShipFaults(_:shop:)`` or `POST /_mock/ship-faults?shop=KEY&lost=N&delay_ms=MS&reject=N`
/// (`GET /_mock/ship-faults` lists them). Each count is used up one call at a time.
///
/// The ship APIs are every platform's ship and edit calls (Douyin `order.logisticsAdd`, `…AddMultiPack`,
/// `…Edit`; Kuaishou `open.seller.order.goods.deliver`, `open.order.goods.split.deliver`,
/// `open.seller.order.logistics.update`; Pinduoduo `pdd.logistics.online.send`; Taobao
/// `taobao.logistics.offline.send`, `taobao.logistics.consign.resend`; WeChat Channels
/// `/channels/ec/order/delivery/send`, `/channels/ec/order/deliveryinfo/update`; Youzan
/// `youzan.logistics.online.confirm`, `youzan.logistics.online.update`).
public struct MockShipFaults: Sendable, Equatable, Codable {
    /// How many of the shop's next **successful** ship calls are applied to the truth (the order ships, the push
    /// is made) and then answered, after ``lostAnswerDelayMilliseconds``, with a bare HTTP 504 `Gateway Timeout`
    /// instead of the success answer: the caller cannot tell that its shipment happened.
    public var lostAnswers: Int
    /// How long a lost answer is held before the 504, in milliseconds. Longer than the caller's timeout, the
    /// caller sees its own timeout instead.
    public var lostAnswerDelayMilliseconds: Int
    /// How many of the shop's next ship calls are refused with the platform's permanent "bad tracking number"
    /// error, without changing anything (see `SHIPPING-CHOICES.md` for each platform's code).
    public var rejections: Int

    /// Creates a profile; the defaults inject nothing.
    public init(lostAnswers: Int = 0, lostAnswerDelayMilliseconds: Int = 0, rejections: Int = 0) {
        self.lostAnswers = lostAnswers
        self.lostAnswerDelayMilliseconds = lostAnswerDelayMilliseconds
        self.rejections = rejections
    }

    /// No faults.
    public static let none = MockShipFaults()
}
