import Crypto
public import GatewayCore
import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// Secrets for staff access: random tokens, their SHA-256 digests, bcrypt password hashes.
///
/// The directory only ever sees digests and hashes; the clear secrets live in cookies, the
/// `Authorization` header and (once) the CLI's output.
public enum StaffSecrets {
    /// A new random secret: 32 random bytes as 64 hex characters (cookie- and header-safe).
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Hex.encode(bytes)
    }

    /// The hex SHA-256 digest of a secret (what the directory stores and looks up).
    public static func digest(_ secret: String) -> String { Hex.encode(SHA256.hash(data: Array(secret.utf8))) }

    /// A bcrypt hash of a password.
    /// - Parameters:
    ///   - password: the clear password.
    ///   - cost: the bcrypt cost (log2 rounds, 4…31; 12 by default, tests use 4).
    public static func hashPassword(_ password: String, cost: Int = 12) -> String {
        Bcrypt.hash(password, cost: UInt8(clamping: min(31, max(4, cost))))
    }

    /// Whether a password matches a bcrypt hash (blocks the calling thread for the whole bcrypt run; prefer
    /// ``checkPassword(_:hash:)`` on request paths).
    public static func verifyPassword(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// Whether a password matches a bcrypt hash, checked on ``bcryptPool`` so the ~250 ms of a cost-12 hash never hold a
    /// thread of Swift's cooperative pool (request handling goes on meanwhile). `false` if the pool has been shut down.
    public static func checkPassword(_ password: String, hash: String) async -> Bool {
        (try? await bcryptPool.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }

    /// The dedicated threads bcrypt runs on (one per core, started on first use, alive for the whole process).
    static let bcryptPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount))
        pool.start()
        return pool
    }()

    /// Compares two strings without an early exit on the first difference.
    public static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
