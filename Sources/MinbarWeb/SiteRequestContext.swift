import Hummingbird

/// Per-request data of the Minbar application. Later layers add the signed-in user and the
/// CSRF token here instead of in globals.
public struct SiteRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
