public import GatewayCore
public import Hummingbird

/// Role checks for controllers: call one before touching data, e.g. `try context.requireRead(enterprise: shopEnterprise)`.
extension AppRequestContext {
    /// The authenticated principal.
    /// - Throws: `401 Unauthorized` when the request is not authenticated.
    public func requirePrincipal() throws -> StaffPrincipal {
        guard let principal else { throw HTTPError(.unauthorized, message: "authentication required") }
        return principal
    }

    /// Requires read access to data of an enterprise (`nil`: data that belongs to no enterprise).
    /// - Throws: `401` unauthenticated, `403 Forbidden` for another enterprise's data.
    @discardableResult
    public func requireRead(enterprise: String?) throws -> StaffPrincipal {
        let principal = try requirePrincipal()
        guard principal.canRead(enterprise: enterprise) else {
            throw HTTPError(.forbidden, message: "\(principal.user.username) may not read \(enterprise ?? "unassigned") data")
        }
        return principal
    }

    /// Requires write access to data of an enterprise (`nil`: data that belongs to no enterprise).
    /// - Throws: `401` unauthenticated, `403 Forbidden` for auditors and another enterprise's data.
    @discardableResult
    public func requireWrite(enterprise: String?) throws -> StaffPrincipal {
        let principal = try requirePrincipal()
        guard principal.canWrite(enterprise: enterprise) else {
            throw HTTPError(.forbidden, message: "\(principal.user.username) may not change \(enterprise ?? "unassigned") data")
        }
        return principal
    }

    /// Requires the admin role (user and token management).
    /// - Throws: `401` unauthenticated, `403 Forbidden` for anyone else.
    @discardableResult
    public func requireAdmin() throws -> StaffPrincipal {
        let principal = try requirePrincipal()
        guard principal.canAdminister else { throw HTTPError(.forbidden, message: "admin role required") }
        return principal
    }
}
