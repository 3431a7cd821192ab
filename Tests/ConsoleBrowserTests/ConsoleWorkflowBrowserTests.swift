import Foundation
import GatewayCore
import GatewayRuntime
import GatewayStorage
import Testing

/// The staff workflows in a real headless Chromium: resolve an exception by adding a SKU mapping, import a statement and
/// resolve a difference; the new pages render (screenshots with `GATEWAY_SCREENSHOTS=DIR`).
@Suite(.serialized, .disabled(if: ProcessInfo.processInfo.environment["GATEWAY_SKIP_BROWSER"] == "1", "GATEWAY_SKIP_BROWSER=1"))
struct ConsoleWorkflowBrowserTests {
    let helper = ConsoleBrowserTests()

    @Test func addingTheMissingMappingResolvesTheExceptionAndReservesTheLine() async throws {
        try await helper.withBrowser { browser, harness in
            try await harness.seedMasterData()
            try await harness.commitOrder(id: ConsoleBrowserHarness.heldOrderId, sku: ConsoleBrowserHarness.unmappedSku, paidFen: 5990)
            let key = OrderKey(platform: .douyin, shop: "yunlai-douyin", platformOrderId: ConsoleBrowserHarness.heldOrderId)
            #expect(try await harness.server.stores.inventory.fulfilments(of: key).map(\.state) == [.held])

            try await browser.open(harness.baseURL + "/console/exceptions")
            try await helper.signIn(browser, harness, user: "wang.fang", password: ConsoleBrowserHarness.password)
            let row = "#exceptions tr.exception[data-order-id='\(ConsoleBrowserHarness.heldOrderId)']"
            try await helper.eventually("the exception queue") { try await browser.elements(row).count == 1 }
            #expect(try await browser.attribute(try await browser.element(row), "data-kind") == "unmapped_sku")
            #expect(try await browser.text(row).contains(ConsoleBrowserHarness.heldOrderId))
            #expect(
                try await browser.attribute(try await browser.element("\(row) input[name='platform_sku']"), "value")
                    == ConsoleBrowserHarness.unmappedSku
            )
            try await helper.screenshot(browser, "10-exceptions")

            // Re-running without a fix keeps it open and says why.
            try await browser.type("\(row) .resolve-form input.note", "先重试一次")
            try await helper.clickAndWaitForNewPage(browser, "\(row) .resolve-form button.resolve")
            try await helper.eventually("the re-run result") { try await browser.elements("#exception-result").count == 1 }
            #expect(try await browser.text("#exception-result").contains("仍未解决"))

            // Add the mapping: 1 platform SKU = 2 × APPLE5.
            try await browser.type("\(row) .mapping-form input.quantity", "2")
            try await helper.clickAndWaitForNewPage(browser, "\(row) .mapping-form button.add-mapping")
            try await helper.eventually("the mapping result") { try await browser.elements("#exception-result").count == 1 }
            let result = try await browser.text("#exception-result")
            #expect(result.contains("已解决"), "\(result)")
            #expect(result.contains("APPLE5 ×2"))
            #expect(try await browser.elements(row).isEmpty)
            try await helper.screenshot(browser, "11-exception-resolved")

            let fulfilment = try await harness.server.stores.inventory.fulfilments(of: key)
            #expect(fulfilment.map(\.state) == [.reserved])
            #expect(fulfilment.first?.reservations.reduce(0) { $0 + $1.quantity } == 2)

            // The stock page shows the reservation; staff can set on hand and safety.
            try await browser.open(harness.baseURL + "/console/inventory")
            let stock = "#stock tr.stock-row[data-sku='APPLE5']"
            #expect(try await browser.text("\(stock) td.reserved") == "2")
            #expect(try await browser.text("\(stock) td.available") == "46")
            try await browser.type("\(stock) input[name='on_hand']", "60")
            try await helper.clickAndWaitForNewPage(browser, "\(stock) form.stock-form button")
            try await helper.eventually("the saved stock") { try await browser.elements("#inventory-result").count == 1 }
            #expect(try await browser.text("\(stock) td.available") == "56")
            try await helper.screenshot(browser, "12-inventory")

            // The board and households pages render for the same user.
            try await browser.open(harness.baseURL + "/console/board")
            #expect(try await browser.text("h1") == "实时看板")
            try await helper.screenshot(browser, "13-board")
            try await browser.open(harness.baseURL + "/console/households")
            #expect(try await browser.elements("#impact").count == 1)
            try await helper.screenshot(browser, "14-households")
        }
    }

    @Test func importAStatementAndResolveTheDifference() async throws {
        try await helper.withBrowser { browser, harness in
            try await harness.commitOrder(id: ConsoleBrowserHarness.secondOrderId, sku: "sku-yunlai-douyin", paidFen: 5990)
            try await browser.open(harness.baseURL + "/console/reconciliation")
            try await helper.signIn(browser, harness, user: "wang.fang", password: ConsoleBrowserHarness.password)
            try await helper.eventually("the reconciliation page") { try await browser.elements("#import-form").count == 1 }
            #expect(try await browser.elements("#no-runs").count == 1)
            let statement = """
                platform_order_id,amount_yuan,status,kind
                \(ConsoleBrowserHarness.ownOrderId),35.9,已结算,sale
                \(ConsoleBrowserHarness.secondOrderId),59.80,已结算,sale
                """
            try await browser.type("#import-text", statement)
            try await browser.type("#import-file-name", "douyin-2025-11.csv")
            try await browser.script("document.querySelector('#import-format').value = 'generic'")
            try await helper.screenshot(browser, "20-reconciliation")
            try await helper.clickAndWaitForNewPage(browser, "#import-submit")
            try await helper.eventually("the run page") { try await browser.elements("#run-lines").count == 1 }
            #expect(try await browser.text("#totals tr[data-class='matched'] td.count") == "1")
            #expect(try await browser.text("#totals tr[data-class='amount-differs'] td.count") == "1")
            let differs = "#run-lines tr.run-line[data-class='amount-differs']"
            #expect(try await browser.attribute(try await browser.element(differs), "data-order-id") == ConsoleBrowserHarness.secondOrderId)
            #expect(try await browser.text(differs).contains("¥59.80"))
            #expect(try await browser.text(differs).contains("¥59.90"))
            #expect(try await browser.elements("#run-lines tr.run-line[data-class='matched'] form").isEmpty)
            try await helper.screenshot(browser, "21-reconciliation-run")

            try await browser.type("\(differs) input.reason", "platform-adjustment")
            try await browser.type("\(differs) input.note", "平台补贴 0.10 元")
            try await helper.clickAndWaitForNewPage(browser, "\(differs) button.resolve")
            try await helper.eventually("the resolution") { try await browser.elements("#resolve-result").count == 1 }
            #expect(try await browser.text("\(differs) .resolved").contains("platform-adjustment"))
            #expect(try await browser.text(differs).contains("wang.fang"))
            #expect(try await browser.elements("\(differs) form").isEmpty)
            let csv = try await browser.attribute(try await browser.element("#export-csv"), "href") ?? ""
            #expect(csv.hasSuffix("/lines.csv"))
            try await helper.screenshot(browser, "22-reconciliation-resolved")

            // The run is listed; the audit log has the import and the resolution.
            try await browser.open(harness.baseURL + "/console/reconciliation")
            #expect(try await browser.elements("#runs a.run-link").count == 1)
            let audit = try await harness.server.stores.audit.entries(subject: nil, limit: 100).map(\.action)
            #expect(audit.contains("reconciliation.import"))
            #expect(audit.contains("reconciliation.resolve"))
        }
    }
}
