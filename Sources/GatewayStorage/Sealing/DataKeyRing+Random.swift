import Crypto
public import GatewayCore

extension DataKeyRing {
    /// A ring with one fresh random key that exists only in this value: for in-memory databases and tests.
    /// Whatever it seals cannot be opened by another process.
    public static func random(id: String = "ephemeral") -> DataKeyRing {
        let material = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        // A valid id and 32 bytes: neither initializer can fail, but nothing here traps if one did.
        if let key = try? DataKey(id: DataKey.isValidId(id) ? id : "ephemeral", material: material), let ring = try? DataKeyRing(keys: [key]) {
            return ring
        }
        preconditionFailure("a random 32-byte key under a valid id is always a valid ring")
    }
}
