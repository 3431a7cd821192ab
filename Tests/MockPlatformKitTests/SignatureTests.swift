import Crypto
import Foundation
import MockPlatformKit
import Testing

@Suite("Douyin signatures")
struct SignatureTests {
    let secret = TestConfiguration.yunlaiSecret
    let appKey = TestConfiguration.yunlaiKey
    let paramJSON = #"{"page":0,"size":100,"update_time_end":1700003600,"update_time_start":1700000000}"#

    @Test("HMAC-SHA256 request sign matches a vector computed outside Swift")
    func hmacVector() {
        // python3: hmac.new(secret, secret+"app_key"+key+"method"+…+"v"+"2"+secret, sha256).hexdigest()
        let expected = "75dc72830ededd5362db6e872d7f0b396911b6a55964f2dbd9d972155df386ea"
        let signed = DouyinSigner.sign(
            appKey: appKey,
            appSecret: secret,
            method: "order.searchList",
            paramJSON: paramJSON,
            timestamp: "1700000000",
            signMethod: .hmacSHA256
        )
        #expect(signed == expected)
        let independent = DouyinTestClient.hmacSign(
            secret: secret,
            appKey: appKey,
            method: "order.searchList",
            paramJSON: paramJSON,
            timestamp: "1700000000"
        )
        #expect(independent == expected)
    }

    @Test("MD5 request sign matches a vector computed outside Swift")
    func md5Vector() {
        let expected = "e1e77340d535acc996ff37fa1ecea052"
        let signed = DouyinSigner.sign(
            appKey: appKey,
            appSecret: secret,
            method: "order.searchList",
            paramJSON: paramJSON,
            timestamp: "1700000000",
            signMethod: .md5
        )
        #expect(signed == expected)
        #expect(
            DouyinTestClient.md5Sign(secret: secret, appKey: appKey, method: "order.searchList", paramJSON: paramJSON, timestamp: "1700000000")
                == expected
        )
    }

    @Test("the string to sign is secret-wrapped key/value pairs in fixed order")
    func stringToSign() {
        let text = DouyinSigner.stringToSign(appKey: "k", appSecret: "s", method: "m.n", paramJSON: "{}", timestamp: "1")
        #expect(text == "sapp_keykmethodm.nparam_json{}timestamp1v2s")
    }

    @Test("push event-sign is MD5(app_key + body + app_secret)")
    func pushVector() {
        let body =
            #"[{"data":"{\"p_id\":4984023467827309610,\"s_ids\":[4984023467827309611],\"shop_id\":4463798}","msg_id":"7000000000000000001","tag":"100"}]"#
        let expected = "15234dc8563ef295a4a05881fcfb00cc"
        #expect(DouyinSigner.pushSignature(appKey: appKey, appSecret: secret, body: Array(body.utf8)) == expected)
        let independent = DouyinTestClient.hex(Insecure.MD5.hash(data: Data((appKey + body + secret).utf8)))
        #expect(independent == expected)
    }

    @Test("canonical param_json sorts keys recursively and keeps 19-digit numbers exact")
    func canonicalForm() throws {
        let text = #"{ "size": 100, "b": {"z": 1, "a": [ {"y": 2, "x": 9223372036854775807} ]}, "a": "湖南/长沙" }"#
        let canonical = try DouyinSigner.canonicalParamJSON(text)
        #expect(canonical == #"{"a":"湖南/长沙","b":{"a":[{"x":9223372036854775807,"y":2}],"z":1},"size":100}"#)
        #expect(DouyinSigner.isCanonicalParamJSON(canonical))
        #expect(!DouyinSigner.isCanonicalParamJSON(text))
        #expect(!DouyinSigner.isCanonicalParamJSON(#"{"b":1,"a":2}"#))
        #expect(!DouyinSigner.isCanonicalParamJSON(#"{"a":1,"a":2}"#))
        #expect(DouyinSigner.isCanonicalParamJSON(#"{"a":"\u6e56","b":[]}"#))
    }
}
