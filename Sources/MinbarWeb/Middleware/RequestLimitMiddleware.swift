import Hummingbird

/// Refuses request targets longer than the configured limit with a themed 414, before any
/// routing or decoding work is done on them.
struct RequestLimitMiddleware: RouterMiddleware {
    typealias Context = SiteRequestContext
    let site: PublicSite

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.string.utf8.count > site.configuration.maximumURILength {
            return await site.errorResponse(.uriTooLong, request: request)
        }
        return try await next(request, context)
    }
}
