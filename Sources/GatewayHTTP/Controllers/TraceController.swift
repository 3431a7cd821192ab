import GatewayCore
import Hummingbird

/// `GET /trace/{code}`: the public traceability page of a shipped parcel (no login).
///
/// Simplified Chinese first, English with `?lang=en`. It shows the produce, grade, weight, harvest date,
/// village, cooperative/base and enterprise, and the household only as the household agreed (masked by
/// default) — never anything about the buyer. An unknown or not yet shipped code gets a clear 404 page.
struct TraceController: Sendable {
    let supply: any SupplyStore

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/trace/:code") { request, context in
            let english = request.uri.queryParameters.get("lang") == "en"
            let code = try context.parameters.require("code")
            guard let view = try await supply.trace(code: code) else {
                return Self.page(
                    english: english,
                    status: 404,
                    title: english ? "Unknown code" : "未找到此溯源码",
                    body: Self.unknown(code, english: english)
                )
            }
            return Self.page(
                english: english,
                status: 200,
                title: english ? "Parcel \(view.code)" : "溯源码 \(view.code)",
                body: Self.details(view, english: english)
            )
        }
    }

    static func details(_ view: TraceView, english: Bool) -> String {
        let weight = Weight.kilogramsString(fromGrams: view.grams)
        let origin = [view.cooperative, view.base].compactMap { $0 }.map(escape).joined(separator: " · ")
        let rows: [(String, String, String)] = [
            ("产品", "Produce", escape(view.productTitle)),
            ("等级", "Grade", escape(view.grade)),
            ("净重", "Net weight", "\(weight) kg"),
            ("采摘日期", "Harvested", escape(view.harvestDate)),
            ("产地村", "Village", escape(view.village)),
            ("合作社 / 基地", "Cooperative / base", origin.isEmpty ? "—" : origin),
            ("供货农户", "Grown by", escape(view.householdName) + (view.registeredPoor ? (english ? " (registered poor household)" : "（建档立卡户）") : "")),
            ("收购企业", "Enterprise", escape(view.enterpriseName)),
        ]
        let table = rows.map { "<tr><th>\(english ? $0.1 : $0.0)</th><td>\($0.2)</td></tr>" }.joined()
        let lead =
            english
            ? "This parcel was grown in Baojing County, Hunan, and bought from the household below."
            : "这箱产品产自湖南省保靖县，由以下农户供货，企业收购。"
        return "<p>\(lead)</p><table>\(table)</table>"
    }

    static func unknown(_ code: String, english: Bool) -> String {
        english
            ? "<p>No shipped parcel has the code <code>\(escape(code))</code>. Check the code on the label (letters and digits, 10 characters).</p>"
            : "<p>没有已发货的包裹使用溯源码 <code>\(escape(code))</code>。请核对箱子标签上的 10 位字母数字码。</p>"
    }

    static func page(english: Bool, status: Int, title: String, body: String) -> Response {
        let switcher = english ? "<a href=\"?lang=zh\">中文</a>" : "<a href=\"?lang=en\">English</a>"
        let head = "<!doctype html><html lang=\"\(english ? "en" : "zh-CN")\"><head><meta charset=\"utf-8\">"
        let meta = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(escape(title))</title>"
        let style =
            "<style>body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}"
            + "h1{font-size:1.4rem}th{text-align:left;padding:.4rem 1rem .4rem 0;color:#555;font-weight:normal}td{padding:.4rem 0}"
            + "nav{float:right}</style></head>"
        let brand = english ? "Baojing County produce traceability" : "保靖县农产品溯源"
        let content = "<body><nav>\(switcher)</nav><p>\(brand)</p><h1>\(escape(title))</h1>\(body)</body></html>"
        return ConsoleRenderer.html(head + meta + style + content, status: HTTPResponse.Status(code: status))
    }

    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
