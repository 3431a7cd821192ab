import Crypto
import Foundation
import Testing

@testable import GatewayConnectors

@Suite struct KuaishouSignerTests {
    let signer = KuaishouSigner(signSecret: "sign-secret-1")
    var parameters: [String: String] {
        [
            "appkey": "ks7011223344", "method": "open.order.detail", "version": "1", "param": #"{"oid":2412345678901234567}"#,
            "timestamp": "1764400000000", "signMethod": "HMAC_SHA256", "access_token": "tok",
        ]
    }

    @Test func stringToSignIsSortedUnencodedWithSignSecretLast() {
        #expect(
            signer.stringToSign(parameters)
                == #"access_token=tok&appkey=ks7011223344&method=open.order.detail&param={"oid":2412345678901234567}&signMethod=HMAC_SHA256&timestamp=1764400000000&version=1&signSecret=sign-secret-1"#
        )
        var withSign = parameters
        withSign["sign"] = "ignored"
        #expect(signer.stringToSign(withSign) == signer.stringToSign(parameters))
    }

    @Test func hmacIsBase64AndMD5IsLowercaseHexMatchingPython() {
        // Values computed with Python's hmac/hashlib over the same string.
        #expect(signer.sign(parameters, method: .hmacSHA256) == "a9ZPJ7Bq777PM6yn96l4KxGPkou3HcviEphsiqZJzzU=")
        var md5 = parameters
        md5["signMethod"] = "MD5"
        #expect(signer.sign(md5, method: .md5) == "0d09be5e389b325078464c875d76f0eb")
        // And an independent computation with swift-crypto.
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array(signer.stringToSign(parameters).utf8),
            using: SymmetricKey(data: Array("sign-secret-1".utf8))
        )
        #expect(signer.sign(parameters, method: .hmacSHA256) == Data(mac).base64EncodedString())
    }

    @Test func verifyCatchesAWrongSecretAChangedParameterAndAMissingSign() {
        var signed = parameters
        signed["sign"] = signer.sign(parameters, method: .hmacSHA256)
        #expect(signer.verify(signed))
        #expect(!KuaishouSigner(signSecret: "other").verify(signed))
        var changed = signed
        changed["timestamp"] = "1764400000001"
        #expect(!signer.verify(changed))
        var missing = signed
        missing["sign"] = nil
        #expect(!signer.verify(missing))
        #expect(!signer.verify(signed.filter { $0.key != "signMethod" }))
    }
}
