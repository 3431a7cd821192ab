import GatewayImport
import Testing

@Suite struct CSVDocumentTests {
    @Test func readsHeaderRowsAndLineNumbers() throws {
        let text = "\u{FEFF}code, name \r\nA,\"multi\nline\"\r\n\r\nB,plain\r\n"
        let document = try CSVDocument.parse(text, source: "t.csv")
        #expect(document.header == ["code", "name"])
        #expect(document.rows.count == 2)
        #expect(document.rows[0].line == 2)
        #expect(document.rows[0][1] == "multi\nline")
        #expect(document.rows[1].line == 5)
        #expect(document.rows[1][0] == "B")
    }

    @Test func namesEveryMissingColumn() throws {
        let document = try CSVDocument.parse("a,b\n1,2\n", source: "t.csv")
        #expect(throws: ImportError.self) { try document.requireColumns(["a", "c", "d"]) }
        do {
            _ = try document.requireColumns(["a", "c", "d"])
        } catch {
            #expect(error.description.contains("c, d"))
        }
    }

    @Test func exportQuotesWhatNeedsIt() throws {
        let text = CSVExport.text(header: ["id", "note"], rows: [["1", "a, \"b\""]], byteOrderMark: false)
        #expect(text == "id,note\r\n1,\"a, \"\"b\"\"\"\r\n")
        let back = try CSVDocument.parse(text, source: "x")
        #expect(back.rows[0][1] == "a, \"b\"")
    }
}

@Suite struct CSVDocumentTitleLineTests {
    @Test func skipsTitleLinesWithWindowsLineEnds() throws {
        let document = try CSVDocument.parse("账单标题\r\n导出时间 2026-11-29\r\nid,amount\r\n1,2.50\r\n", source: "t.csv", headerLine: 3)
        #expect(document.header == ["id", "amount"])
        #expect(document.rows.first?.line == 4)
    }
}
