import Hummingbird
import NIOCore

/// `GET /api/v1/openapi.json` and `GET /api/v1/openapi.yaml`: the staff API's OpenAPI 3.1 document, public (no token),
/// so that integrators can generate a client before they hold a token.
struct OpenAPIController: Sendable {
    let document: OpenAPIDocument

    func addRoutes(to router: Router<AppRequestContext>) {
        let json = ByteBuffer(string: document.json)
        let yaml = ByteBuffer(string: document.yaml)
        router.get("\(APIErrorMiddleware.prefix)/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: json))
        }
        router.get("\(APIErrorMiddleware.prefix)/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: .init(byteBuffer: yaml))
        }
    }
}
