import Foundation

/// Every text the console shows, in Simplified Chinese and English.
///
/// Templates read them with the dot replaced by an underscore (`orders.title` → `{{t.orders_title}}`, since
/// Mustache splits names at dots); controllers use ``text(_:_:)``. To add a page's texts, add
/// entries here (keep the key prefixed with the page, e.g. `inventory.title`).
public enum ConsoleStrings {
    /// `key: (zh, en)`.
    static let table: [String: (zh: String, en: String)] = [
        "app.title": ("直播订单网关", "Livestream order gateway"),
        "app.console": ("管理控制台", "Console"),
        "nav.board": ("实时看板", "Live board"),
        "nav.orders": ("订单", "Orders"),
        "nav.exceptions": ("异常", "Exceptions"),
        "nav.inventory": ("库存", "Inventory"),
        "nav.households": ("农户", "Households"),
        "nav.reconciliation": ("对账", "Reconciliation"),
        "nav.logout": ("退出登录", "Sign out"),
        "nav.language": ("English", "中文"),
        "role.admin": ("管理员", "Admin"),
        "role.staff": ("企业员工", "Staff"),
        "role.auditor": ("审计员", "Auditor"),
        "common.comingSoon": ("即将推出", "Coming soon"),
        "common.comingSoonBody": ("此页面正在建设中。", "This page is being built."),
        "common.search": ("搜索", "Search"),
        "common.reset": ("清除", "Clear"),
        "common.exportCSV": ("导出 CSV", "Export CSV"),
        "common.previous": ("上一页", "Previous"),
        "common.next": ("下一页", "Next"),
        "common.any": ("全部", "Any"),
        "common.none": ("无", "None"),
        "common.back": ("返回", "Back"),
        "error.title": ("出错了", "Something went wrong"),
        "error.forbidden": ("您没有权限查看此内容。", "You are not allowed to see this."),
        "error.notFound": ("找不到该内容。", "Not found."),
        "error.csrf": ("表单已过期，请刷新页面后重试。", "The form expired; reload the page and try again."),
        "error.other": ("请求无法完成。", "The request could not be completed."),
        "login.title": ("登录", "Sign in"),
        "login.username": ("用户名", "Username"),
        "login.password": ("密码", "Password"),
        "login.submit": ("登录", "Sign in"),
        "login.failed": ("用户名或密码错误。", "Wrong username or password."),
        "login.locked": ("登录失败次数过多，账户已锁定，请稍后再试。", "Too many failed attempts; the account is locked for a while."),
        "login.unavailable": ("登录暂不可用。", "Sign-in is not available."),
        "orders.title": ("订单查询", "Orders"),
        "orders.orderId": ("平台订单号", "Platform order id"),
        "orders.phoneTail": ("手机尾号", "Phone tail"),
        "orders.status": ("状态", "Status"),
        "orders.sku": ("SKU", "SKU"),
        "orders.shop": ("店铺", "Shop"),
        "orders.platform": ("平台", "Platform"),
        "orders.from": ("下单日期起", "Created from"),
        "orders.to": ("下单日期止", "Created to"),
        "orders.createdAt": ("下单时间", "Created"),
        "orders.paid": ("实付(元)", "Paid (yuan)"),
        "orders.items": ("商品", "Items"),
        "orders.buyer": ("买家", "Buyer"),
        "orders.empty": ("没有符合条件的订单。", "No orders match."),
        "orders.count": ("本页订单数", "Orders on this page"),
        "orders.badFilter": ("筛选条件有误", "Invalid filter"),
        "order.title": ("订单详情", "Order"),
        "order.lines": ("商品明细", "Lines"),
        "order.lineTitle": ("商品", "Item"),
        "order.quantity": ("数量", "Qty"),
        "order.refund": ("退款", "Refund"),
        "order.amounts": ("金额", "Amounts"),
        "order.total": ("订单总额", "Total"),
        "order.postage": ("运费", "Postage"),
        "order.discount": ("优惠", "Discount"),
        "order.paidAt": ("付款时间", "Paid at"),
        "order.updatedAt": ("平台更新时间", "Platform updated"),
        "order.revision": ("版本", "Revision"),
        "order.liveRoom": ("直播间", "Live room"),
        "order.region": ("地区", "Region"),
        "order.phone": ("手机", "Phone"),
        "order.name": ("姓名", "Name"),
        "order.timeline": ("时间线", "Timeline"),
        "order.recordedAt": ("记录时间", "Recorded"),
        "order.source": ("来源", "Source"),
        "order.event": ("事件", "Event"),
        "order.decision": ("合并结果", "Merge decision"),
        "order.statusChange": ("状态变化", "Status change"),
        "order.received": ("收到次数", "Received"),
        "order.rawPayload": ("原始报文", "Raw payload"),
        "order.showPayload": ("查看原始报文", "Show raw payload"),
        "order.platformStatus": ("平台状态", "Platform status"),
        "status.created": ("待付款", "Created"),
        "status.paid": ("已付款", "Paid"),
        "status.shipped": ("已发货", "Shipped"),
        "status.completed": ("已完成", "Completed"),
        "status.cancelled": ("已取消", "Cancelled"),
        "decision.applied": ("已应用", "Applied"),
        "decision.stale": ("过期(忽略)", "Stale (ignored)"),
        "decision.duplicate": ("重复(忽略)", "Duplicate (ignored)"),
        "source.push": ("推送", "Push"),
        "source.poll": ("轮询", "Poll"),
        "source.detail": ("详情拉取", "Detail fetch"),
        "refund.none": ("无", "None"),
        "refund.requested": ("退款中", "Requested"),
        "refund.refunded": ("已退款", "Refunded"),
    ]

    /// One text in a language; the key itself when it is missing (so a missing text is visible, not blank).
    public static func text(_ key: String, _ language: ConsoleLanguage) -> String {
        guard let entry = table[key] else { return key }
        return language == .zh ? entry.zh : entry.en
    }

    /// The whole table in one language, for templates: `{{t.orders_title}}` reads `orders.title`.
    static func dictionary(_ language: ConsoleLanguage) -> [String: String] {
        var result: [String: String] = [:]
        for (key, entry) in table { result[key.replacingOccurrences(of: ".", with: "_")] = language == .zh ? entry.zh : entry.en }
        return result
    }
}
