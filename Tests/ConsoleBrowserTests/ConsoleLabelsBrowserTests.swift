import Foundation
import GatewayCore
import GatewayRuntime
import GatewayStorage
import Testing

/// A parcel label's print view in a real headless Chromium: the page renders, and the QR code in a screenshot of it
/// decodes with `zbarimg` (Debian's `zbar-tools`) to exactly the public trace URL (`trace.public_base_url` + `/trace/CODE`).
@Suite(.serialized, .disabled(if: ProcessInfo.processInfo.environment["GATEWAY_SKIP_BROWSER"] == "1", "GATEWAY_SKIP_BROWSER=1"))
struct ConsoleLabelsBrowserTests {
    let helper = ConsoleBrowserTests()
    static let orderId = "4984023467827309800"
    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// What `zbarimg` reads from an image (QR codes only), one symbol per line.
    static func decode(_ png: Data) throws -> String {
        let zbarimg = try #require(Self.zbarimg, "zbarimg is not installed (Debian: apt-get install zbar-tools)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("label-\(UUID().uuidString).png")
        try png.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aLabelsPrintViewShowsTheCodeAndItsQRCodeDecodesToTheTraceURL() async throws {
        try await helper.withBrowser { browser, harness in
            let stores = harness.server.stores
            let household = Household(id: "HB1", name: "田秀英", village: "夯沙村", registeredPoor: true, members: 4)
            let (key, code) = try await harness.seedAllocatedOrder(id: Self.orderId, sku: "sku-label-apple", household: household, lotId: "LB1")

            try await browser.open(harness.baseURL + "/console/labels/\(code)")
            try await helper.signIn(browser, harness, user: "wang.fang", password: ConsoleBrowserHarness.password)
            try await helper.eventually("the label") { try await browser.elements("section.label").count == 1 }
            #expect(try await browser.text("section.label .code") == code)
            #expect(try await browser.text("section.label .village") == "夯沙村")
            #expect(try await browser.text("section.label .grower") == "田**")
            #expect(try await browser.elements("section.label .qr svg").count == 1)
            try await helper.screenshot(browser, "30-label")

            let decoded = try Self.decode(try await browser.screenshot())
            #expect(decoded == ConsoleBrowserHarness.traceBaseURL + "/trace/" + code)
        }
    }
}
