import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MinbarCore
import ServiceLifecycle

/// Builds the Minbar web application: the one place where routes and middleware are put together.
///
/// ```swift
/// let site = try await PublicSite(store: store, theme: theme)
/// let app = buildApplication(site: site, host: "127.0.0.1", port: 8080)
/// try await app.runService()
/// ```
public func buildApplication(
    site: PublicSite, admin: AdminSite? = nil, services: [any Service] = [], host: String = "127.0.0.1", port: Int = 8080,
    logger: Logger = Logger(label: "minbar"), onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(site: site, admin: admin),
        configuration: .init(address: .hostname(host, port: port), serverName: "Minbar"),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: logger)
}

/// The router of the whole application.
public func buildRouter(site: PublicSite, admin: AdminSite? = nil) -> Router<SiteRequestContext> {
    let router = Router(context: SiteRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLimitMiddleware(site: site))
    admin?.addRoutes(to: router)

    router.get("/healthz") { _, _ -> Response in
        do {
            try await site.store.checkHealth()
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: .init(string: "ok\n")))
        } catch {
            return Response(status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: .init(string: "store unavailable\n")))
        }
    }
    router.get("/assets/{name}") { request, context -> Response in
        guard let name = context.parameters.get("name"), let asset = site.theme.assets[name] else {
            return await site.errorResponse(.notFound, request: request)
        }
        return AssetResponse.response(for: asset, request: request)
    }
    if let media = admin?.media {
        let files = media.files
        let cache = media.fileCache
        router.get("/media/**") { request, context in
            await MediaFiles.respond(request, context: context, files: files, cache: cache, site: site)
        }
    }
    router.get("/api/search") { request, _ in await SearchAPI.respond(to: request, site: site) }
    router.get("/api/search/suggest") { request, _ in await SuggestAPI.respond(to: request, site: site) }
    router.post("/comments/") { request, context in await site.postComment(request, context: context) }
    router.get("/comments/token") { request, _ in await site.commentToken(request) }
    // The router does not fall back from /comments/… to the catch-all below: name the feed.
    router.get("/comments/feed") { request, _ in await site.respond(to: request) }
    router.get("/comments/reply/{id}") { request, context -> Response in
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else { return await site.errorResponse(.notFound, request: request) }
        return await site.replyForm(request, commentID: id)
    }
    router.get("/") { request, _ in await site.respond(to: request) }
    router.get("/**") { request, _ in await site.respond(to: request) }
    return router
}

/// Responses for theme assets: cached for a year (their URLs carry a content hash).
enum AssetResponse {
    static func response(for asset: Asset, request: Request) -> Response {
        let etag = "\"\(asset.hash)\""
        var headers: HTTPFields = [
            .contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable", .eTag: etag,
            .vary: "Accept-Encoding", .xContentTypeOptions: "nosniff",
        ]
        if let match = request.headers[.ifNoneMatch], match.contains(asset.hash) {
            return Response(status: .notModified, headers: headers)
        }
        if let gzipped = asset.gzippedBody, Gzip.isAccepted(by: request.headers[.acceptEncoding]) {
            headers[.contentEncoding] = "gzip"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: gzipped))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.body))
    }
}
