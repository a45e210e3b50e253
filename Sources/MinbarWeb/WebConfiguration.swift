import Foundation

/// How the web application behaves. Read by `minbar serve` from its options.
public struct WebConfiguration: Sendable {
    /// Keep rendered pages in memory (`--no-page-cache` turns it off, for measuring renders).
    public var pageCacheEnabled = true
    /// Most bytes of rendered pages kept in memory.
    public var pageCacheBytes = 32 * 1024 * 1024
    /// Longest time a cached page is served without being rendered again, in seconds, even
    /// when no change was announced (another process such as an import may write the store).
    public var maximumPageAge: TimeInterval = 60
    /// Longest request target (path and query) accepted, in bytes; longer gets 414.
    public var maximumURILength = 2048
    /// The address used in absolute URLs (canonical links, feeds, sitemaps) unless the site
    /// setting `url` names the public one. No trailing slash.
    public var baseURL = "http://127.0.0.1:8080"
    /// Take the client's address from `X-Forwarded-For` and the scheme from
    /// `X-Forwarded-Proto` (`--behind-proxy`): only behind a proxy that sets them, otherwise
    /// anyone could pick the address rate limits count.
    public var trustProxyHeaders = false
    /// How long, at most, readers keep seeing an article page without a comment just approved
    /// by the reader rule (the poster sees it at once). Comments arriving faster than this cost
    /// one render per period, not one each. Moderators' actions show at once.
    public var commentRefreshDelay: TimeInterval = 1

    public init() {}
}
