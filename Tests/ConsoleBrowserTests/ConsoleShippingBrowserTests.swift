import Foundation
import GatewayCore
import GatewayRuntime
import GatewayStorage
import Testing

/// Shipping as a warehouse worker does it, in a real headless Chromium: scan a parcel's trace label (the scanner types
/// the code and Enter), scan the tracking number, and the order is shipped — its stock consumed, its write-back queued.
@Suite(.serialized, .disabled(if: ProcessInfo.processInfo.environment["GATEWAY_SKIP_BROWSER"] == "1", "GATEWAY_SKIP_BROWSER=1"))
struct ConsoleShippingBrowserTests {
    let helper = ConsoleBrowserTests()
    static let orderId = "4984023467827309900"
    static let enter = "\u{E007}"

    @Test func scanningALabelThenATrackingNumberShipsTheOrder() async throws {
        try await helper.withBrowser { browser, harness in
            let stores = harness.server.stores
            let household = Household(id: "HS1", name: "彭金花", village: "吕洞村", registeredPoor: true, members: 4)
            let (key, code) = try await harness.seedAllocatedOrder(id: Self.orderId, sku: "sku-ship-apple", household: household, lotId: "LS1")

            try await browser.open(harness.baseURL + "/console/shipping")
            try await helper.signIn(browser, harness, user: "wang.fang", password: ConsoleBrowserHarness.password)
            try await helper.eventually("the scan form") { try await browser.elements("#scan-form").count == 1 }
            // The scanner: the label's code and Enter — the form waits for the tracking number — then the waybill and Enter.
            try await browser.type("#trace-code", code + Self.enter)
            #expect(try await browser.elements("#shipping-result").isEmpty, "not sent without a tracking number")
            try await browser.type("#tracking-no", "sf7000000001" + Self.enter)
            try await helper.eventually("the result") { try await browser.elements("#shipping-result").count == 1 }
            let result = try await browser.text("#shipping-result")
            #expect(result.contains(Self.orderId) && result.contains("SF7000000001"), "\(result)")
            try await helper.screenshot(browser, "31-shipped")

            let shipments = try #require(stores.shipments)
            let recorded = try await shipments.shipments(of: key)
            #expect(recorded.map(\.trackingNumber) == ["SF7000000001"])
            #expect(recorded.first?.traceCodes == [code])
            #expect(recorded.first?.recordedBy == "wang.fang")

            // The order page lists the shipment, and offers no second "ship" form: nothing is left to ship.
            try await browser.open(harness.baseURL + "/console/orders/douyin/yunlai-douyin/\(Self.orderId)")
            try await helper.eventually("the shipments table") { try await browser.elements("#shipments tr.shipment").count == 1 }
            #expect(try await browser.elements("#ship-form").isEmpty)
        }
    }
}
