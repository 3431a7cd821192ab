import GatewayCore
import GatewayStorage

extension DataKeyRing {
    /// One random data key for every database these tests open (a file reopened in a test opens with the same key).
    static let tests = DataKeyRing.random(id: "tests")
}
