import Foundation
import HTTPTypes
import MinbarCore

/// What every page render needs and rarely changes, read from the store in one go.
final class SiteSnapshot: Sendable {
    let settings: SiteSettings
    /// The parsed permalink structure of `settings`.
    let permalink: PermalinkStructure
    /// Structures the site used before, whose addresses redirect.
    let previousPermalinks: [PermalinkStructure]
    /// Every section, for menus and section pages.
    let categories: [Category]
    /// When what readers see next changes by itself (publication time, breaking expiry).
    let nextContentChange: Date?
    /// Headers of public HTML pages, allowing the site owner's injected scripts.
    let securityHeaders: HTTPFields

    init(settings: SiteSettings, categories: [Category], nextContentChange: Date?) {
        self.settings = settings
        self.permalink = settings.permalink
        self.previousPermalinks = settings.previousPermalinks
        self.categories = categories
        self.nextContentChange = nextContentChange
        self.securityHeaders = SecurityHeaders.forInjectedCode(settings.headCode + settings.footerCode)
    }

    static func read(from store: any ContentStore, now: Date) async throws -> SiteSnapshot {
        SiteSnapshot(
            settings: try await store.siteSettings(), categories: try await store.categories(),
            nextContentChange: try await store.nextContentChange(after: now))
    }
}
