import GatewayCore
import Testing

/// The courier list and its platform codes (`shipping.md` §8b.7).
@Suite struct CourierTests {
    @Test func theCodesAreTheDocumentedOnes() {
        #expect(Courier.sf.code(on: .douyin) == "shunfeng")
        #expect(Courier.sf.code(on: .kuaishou) == "4")
        #expect(Courier.sf.code(on: .pinduoduo) == "44")
        #expect(Courier.sf.code(on: .taobao) == "SF")
        #expect(Courier.jt.code(on: .wechatChannels) == "JTSD")
        #expect(Courier.yunda.code(on: .kuaishou) == "11")
        #expect(Courier.sto.code(on: .youzan) == "1")
    }

    @Test func unverifiedCodesAreNotGuessed() {
        #expect(Courier.jd.code(on: .taobao) == nil)
        #expect(Courier.jt.code(on: .taobao) == nil)
        #expect(Courier.postb.code(on: .wechatChannels) == nil)
        #expect(Courier.allCases.filter { $0.code(on: .youzan) != nil } == [.sto])
        #expect(Courier.allCases.allSatisfy { $0.code(on: .standard) == nil })
    }

    @Test func everyCourierHasACodeOnTheThreePlatformsWithFullTables() {
        for platform in [Platform.douyin, .kuaishou, .pinduoduo] {
            let codes = Courier.allCases.compactMap { $0.code(on: platform) }
            #expect(codes.count == Courier.allCases.count)
            #expect(Set(codes).count == codes.count, "no two couriers share a code on \(platform)")
        }
    }

    @Test func staffInputIsUnderstood() {
        #expect(Courier.parse("sf") == .sf)
        #expect(Courier.parse(" 顺丰 ") == .sf)
        #expect(Courier.parse("J&T") == .jt)
        #expect(Courier.parse("zhongtong") == .zto)
        #expect(Courier.parse("") == nil)
        #expect(Courier.parse("UPS") == nil)
        #expect(Courier.parse(String(repeating: "S", count: 10_000)) == nil)
    }
}
