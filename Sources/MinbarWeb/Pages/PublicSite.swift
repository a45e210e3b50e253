import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MinbarArabic
import MinbarCore
import Synchronization

/// The public site: resolves a request to a page, answers from the page cache, and renders on
/// a miss with one round of store reads and one template.
public final class PublicSite: Sendable {
    let store: any ContentStore
    let searchIndex: (any SearchIndex)?
    let theme: Theme
    let configuration: WebConfiguration
    let cache: PageCache<SiteRoute>
    /// `/api/search` answers by request (limit, page, text), kept like pages until content
    /// changes: readers search for the same names all day.
    let searchAnswers: PageCache<String>
    let clock: @Sendable () -> Date
    let logger: Logger
    /// What every render needs and rarely changes (settings, sections, the next instant content
    /// changes by itself), read once and replaced whole when content changes.
    private let state: Mutex<SiteSnapshot>
    /// Request targets already resolved to a route, so a cache hit skips percent-decoding and
    /// Unicode normalization. Bounded; emptied when content changes (the permalink may change).
    private let resolvedTargets = Mutex<[String: SiteRoute]>([:])
    /// The signer of comment form tokens and commenter cookies, once its secret is read.
    let commentGuardCache = Mutex<CommentGuard?>(nil)
    /// Related articles found for each article (by id), kept until content changes: finding
    /// them is most of an article page's render, and they change only when articles do.
    let relatedCache = Mutex<[Int64: [Int64]]>([:])
    static let relatedCacheLimit = 20_000
    /// Renders under way, by route: requests that miss the cache together wait for one render
    /// instead of each rendering the same page (a comment approved on a busy article, say).
    /// Renders for the cache under way, with the cache generation they read content after.
    private let rendersInFlight = Mutex<[SiteRoute: (generation: Int, task: Task<CachedPage, any Error>)]>([:])
    static let resolvedTargetLimit = 20_000

    public init(
        store: any ContentStore, search: (any SearchIndex)? = nil, theme: Theme, configuration: WebConfiguration = WebConfiguration(),
        logger: Logger = Logger(label: "minbar.web"), clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws {
        self.store = store
        self.searchIndex = search
        self.theme = theme
        self.configuration = configuration
        self.cache = PageCache(byteLimit: configuration.pageCacheBytes)
        self.searchAnswers = PageCache(byteLimit: configuration.pageCacheBytes / 4)
        self.clock = clock
        self.logger = logger
        self.serverAddress = Mutex(configuration.baseURL)
        self.state = Mutex(try await SiteSnapshot.read(from: store, now: clock()))
    }

    /// Forgets cached pages and rereads settings and sections: call after any write to the store.
    public func contentChanged() async throws {
        let fresh = try await SiteSnapshot.read(from: store, now: clock())
        state.withLock { $0 = fresh }
        resolvedTargets.withLock { $0.removeAll() }
        relatedCache.withLock { $0.removeAll() }
        cache.removeAll()
        searchAnswers.removeAll()
    }

    /// The current snapshot; reread first when content has changed by itself since (a scheduled
    /// article's time came, a breaking flag ended).
    func snapshot(at now: Date) async throws -> SiteSnapshot {
        let current = state.withLock { $0 }
        guard let change = current.nextContentChange, change <= now else { return current }
        let fresh = try await SiteSnapshot.read(from: store, now: now)
        state.withLock { $0 = fresh }
        // An article that just went live may be related to others.
        relatedCache.withLock { $0.removeAll() }
        return fresh
    }

    public var currentSettings: SiteSettings { state.withLock { $0.settings } }

    /// The address the server answers at, used for absolute URLs when the site setting `url` is
    /// empty. `minbar serve` sets it once the port is known.
    private let serverAddress: Mutex<String>
    var serverURL: String { serverAddress.withLock { $0 } }

    /// Records the address the server listens at (e.g. after binding port 0) and forgets pages
    /// rendered with another.
    public func serverStarted(at url: String) {
        serverAddress.withLock { $0 = url }
        cache.removeAll()
        searchAnswers.removeAll()
    }

    /// The view builder of one request.
    func pageBuilder(_ snapshot: SiteSnapshot, now: Date) -> PageBuilder {
        PageBuilder(settings: snapshot.settings, categories: snapshot.categories, theme: theme, now: now, serverURL: serverURL)
    }

    /// The route of a request target, memoized.
    func resolve(_ request: Request, snapshot: SiteSnapshot) -> SiteRouteResolution {
        let target = request.uri.string
        if let route = resolvedTargets.withLock({ $0[target] }) { return .route(route) }
        let resolution = SiteRoute.resolve(
            path: request.uri.path, query: request.uri.query, permalink: snapshot.permalink, previous: snapshot.previousPermalinks)
        if case .route(let route) = resolution {
            resolvedTargets.withLock { targets in
                if targets.count >= Self.resolvedTargetLimit { targets.removeAll(keepingCapacity: true) }
                targets[target] = route
            }
        }
        return resolution
    }

    // MARK: Responding

    /// Answers a GET or HEAD for a public page.
    public func respond(to request: Request) async -> Response {
        let now = clock()
        let current = state.withLock { $0 }
        switch resolve(request, snapshot: current) {
        case .redirect(let location):
            return Self.redirect(to: location)
        case .notFound:
            return await errorResponse(.notFound, request: request)
        case .badRequest(let message):
            return await errorResponse(.badRequest(message), request: request)
        case .route(let route):
            // A browser holding comments awaiting moderation sees them: its own page, never cached.
            if route.isArticlePage, Cookies.value(Cookies.commenter, in: request) != nil {
                let pending = await commenterCommentIDs(request)
                if !pending.isEmpty { return await privatePage(route, request: request, now: now, pendingCommentIDs: pending) }
            }
            if configuration.pageCacheEnabled, let page = cache.page(for: route, now: now) {
                return page.response(to: request)
            }
            return await respond(to: request) {
                // Taken before anything is read: a change while rendering keeps the page out.
                let generation = cache.generation
                let snapshot = try await snapshot(at: now)
                if configuration.pageCacheEnabled { return try await sharedRender(route, snapshot: snapshot, now: now, generation: generation) }
                return try await render(route, snapshot: snapshot, now: now, compress: Gzip.isAccepted(by: request.headers[.acceptEncoding]))
            }
        }
    }

    /// The rendered page, or the themed error page for what stopped it (500 for the unexpected).
    func respond(to request: Request, rendering: () async throws -> CachedPage) async -> Response {
        do {
            return try await rendering().response(to: request)
        } catch let error as PageError {
            return await errorResponse(error, request: request)
        } catch {
            logger.error("rendering \(request.uri.path) failed: \(error)")
            return await errorResponse(nil, request: request)
        }
    }

    /// Renders a page for the cache once, however many requests of one cache generation are
    /// waiting for it (a request after a change never waits for a render from before it).
    func sharedRender(_ route: SiteRoute, snapshot: SiteSnapshot, now: Date, generation: Int) async throws -> CachedPage {
        let (task, isOwner) = rendersInFlight.withLock { renders -> (Task<CachedPage, any Error>, Bool) in
            if let running = renders[route], running.generation == generation { return (running.task, false) }
            let task = Task { try await self.render(route, snapshot: snapshot, now: now, compress: true) }
            renders[route] = (generation, task)
            return (task, true)
        }
        guard isOwner else { return try await task.value }
        func finished() {
            rendersInFlight.withLock { renders in
                if renders[route]?.generation == generation { renders[route] = nil }
            }
        }
        do {
            let page = try await task.value
            cache.store(page, for: route, renderedSince: generation)
            finished()
            return page
        } catch {
            finished()
            throw error
        }
    }

    /// A page rendered for one browser only (its pending comments shown), not kept in the cache.
    func privatePage(_ route: SiteRoute, request: Request, now: Date, pendingCommentIDs: [Int64]) async -> Response {
        await respond(to: request) {
            var page = try await render(
                route, snapshot: try await snapshot(at: now), now: now, compress: Gzip.isAccepted(by: request.headers[.acceptEncoding]),
                pendingCommentIDs: pendingCommentIDs)
            page.makePrivate()
            return page
        }
    }

    static func redirect(to location: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "public, max-age=3600"])
    }

    /// A themed error page; `nil` means an unexpected failure (500).
    func errorResponse(_ error: PageError?, request: Request) async -> Response {
        let status: HTTPResponse.Status
        let title: LocalizedText
        let message: LocalizedText
        switch error {
        case .movedPermanently(let location):
            return Self.redirect(to: location)
        case .notFound:
            status = .notFound
            title = LocalizedText(ar: "الصفحة غير موجودة", en: "Page not found")
            message = LocalizedText(
                ar: "لم نجد ما تبحث عنه. ربما حُذفت الصفحة أو تغيّر رابطها؛ جرّب البحث أو عد إلى الصفحة الرئيسية.",
                en: "We could not find this page. It may have been removed or moved; try searching or go back to the home page.")
        case .badRequest(let text):
            status = .badRequest
            title = LocalizedText(ar: "طلب غير صالح", en: "Bad request")
            message = text
        case .uriTooLong:
            status = .uriTooLong
            title = LocalizedText(ar: "الرابط طويل جداً", en: "Address too long")
            message = LocalizedText(
                ar: "الرابط أطول من \(configuration.maximumURILength) حرف. تحقق منه أو ابدأ من الصفحة الرئيسية.",
                en: "The address is longer than \(configuration.maximumURILength) characters. Check it or start from the home page.")
        case nil:
            status = .internalServerError
            title = LocalizedText(ar: "حدث خطأ", en: "Something went wrong")
            message = LocalizedText(
                ar: "تعذر عرض هذه الصفحة الآن. أعد المحاولة بعد قليل.", en: "This page cannot be shown right now. Please try again shortly.")
        }
        let now = clock()
        var html: String?
        var language = "ar"
        let snapshot = try? await snapshot(at: now)
        if let snapshot {
            language = snapshot.settings.language
            let builder = pageBuilder(snapshot, now: now)
            var view = builder.frame(
                title: title.text(for: language), canonicalPath: "/", description: nil, bodyClass: "error error-\(status.code)")
            view.error = ErrorView(status: status.code, title: title.text(for: language), message: message.text(for: language))
            html = render(view, candidates: ["error-\(status.code)", "error", "index"])
        }
        let body =
            html
            ?? "<!doctype html><html lang=\"ar\" dir=\"rtl\"><meta charset=\"utf-8\"><title>\(HTMLText.escape(title.ar))</title>"
            + "<h1>\(HTMLText.escape(title.ar))</h1><p>\(HTMLText.escape(message.ar))</p></html>"
        let page = CachedPage(
            status: status, html: body, lastModified: nil, validUntil: .distantPast, cacheControl: "no-store",
            extraHeaders: snapshot?.securityHeaders ?? SecurityHeaders.html)
        return page.response(to: request)
    }

    // MARK: Rendering

    /// Renders a page of the public site (cache miss).
    func render(
        _ route: SiteRoute, snapshot: SiteSnapshot, now: Date, compress: Bool = true, pendingCommentIDs: [Int64] = []
    ) async throws -> CachedPage {
        let builder = pageBuilder(snapshot, now: now)
        var view: PageView
        var candidates: [String]
        var lastModified: Date?
        var shown: [Article] = []

        switch route {
        case .feed, .sitemapIndex, .sitemap, .robots, .commentsFeed:
            return try await document(route, builder: builder, snapshot: snapshot, compress: compress)
        case .home(let page) where page == 1:
            (view, shown) = try await homePage(builder)
            candidates = ["home", "index"]
        case .home, .category, .tag, .author, .archive:
            (view, shown, candidates) = try await listingPage(route, builder: builder)
        case .article(let match), .articleComments(let match, _):
            let found: Article?
            if let slug = match.slug {
                found = try await store.article(slug: slug)
            } else if let id = match.id {
                found = try await store.article(id: id)
            } else {
                found = nil
            }
            if found == nil, let slug = match.slug, let renamed = try await store.article(formerSlug: slug), renamed.isPublic(at: now) {
                throw PageError.movedPermanently(builder.articleEncodedPath(renamed))
            }
            guard let article = found, article.isPublic(at: now) else { throw PageError.notFound }
            let canonical = builder.articlePath(article)
            let requested = snapshot.permalink.match(canonical.split(separator: "/").map(String.init))
            if requested != match { throw PageError.movedPermanently(builder.articleEncodedPath(article)) }
            (view, shown) = try await articlePage(
                article, builder: builder, commentPage: route.page, pendingCommentIDs: pendingCommentIDs)
            if route.page > 1, view.article?.comments?.threads.isEmpty != false { throw PageError.notFound }
            candidates = [
                "article-\(article.slug)", (article.primaryCategory ?? article.categories.first).map { "article-\($0.slug)" },
                "article", "index",
            ].compactMap { $0 }
        case .articleID(let id):
            guard let article = try await store.article(id: id), article.isPublic(at: now) else { throw PageError.notFound }
            throw PageError.movedPermanently(builder.articleEncodedPath(article))
        case .search(let query, let page, let category):
            (view, shown) = try await searchPage(query: query, page: page, category: category, route: route, builder: builder)
            candidates = ["search", "index"]
        }
        lastModified = shown.map(\.modifiedAt).max()
        guard let html = render(view, candidates: candidates) else {
            throw ThemeError("the theme could not render \(candidates.first ?? "page")")
        }
        var validUntil = now.addingTimeInterval(configuration.maximumPageAge)
        if let nextChange = snapshot.nextContentChange, nextChange < validUntil { validUntil = nextChange }
        return CachedPage(
            html: html, lastModified: lastModified, validUntil: validUntil, compress: compress, extraHeaders: snapshot.securityHeaders)
    }

    /// Renders a view with the first template the theme has among `candidates`.
    func render(_ view: PageView, candidates: [String]) -> String? {
        let name = theme.templateName(from: candidates)
        return theme.templates.render(view, withTemplate: name)
    }

    /// A 301 to the page of the section, tag or author that used to have `slug` (renamed or
    /// merged in the admin), else 404.
    func formerTerm(_ kind: TermKind, slug: String, route: (String) -> SiteRoute) async throws -> PageError {
        guard let newsroom = store as? any NewsroomStore, let current = try await newsroom.formerTermSlug(kind, slug: slug) else {
            return .notFound
        }
        return .movedPermanently(route(current).path(encoded: true))
    }

    /// The public article page for an article that may not be saved or public yet: the admin's
    /// preview. Never cached.
    public func previewPage(of article: Article) async throws -> String {
        let now = clock()
        let snapshot = try await snapshot(at: now)
        let builder = pageBuilder(snapshot, now: now)
        var (view, _) = try await articlePage(article, builder: builder)
        view.meta.robots = "noindex, nofollow"
        guard let html = render(view, candidates: ["article-\(article.slug)", "article", "index"]) else {
            throw ThemeError("the theme could not render the article preview")
        }
        return html
    }

    // MARK: Pages

    /// Stories shown as cards under the lead story; the rest of the first page goes to the list.
    static let homeTopStories = 4

    func homePage(_ builder: PageBuilder) async throws -> (PageView, [Article]) {
        let now = builder.now
        var breakingQuery = ArticleQuery.published(at: now)
        breakingQuery.breakingAt = now
        breakingQuery.newestBreakingFirst = true
        breakingQuery.limit = 8
        breakingQuery.countsTotal = false
        let breaking = try await store.articles(matching: breakingQuery).articles

        let perPage = builder.settings.articlesPerPage
        let latestPage = try await store.articles(matching: ArticleQuery.published(at: now).page(1, perPage: perPage + 1))
        let latest = latestPage.articles
        var shown = breaking + latest

        // Each story once down the page (on a phone the latest list comes before the section
        // blocks): a block leaves out what the lead, the top stories, the latest list and the
        // blocks above it show.
        var onPage = latest.map(\.id)
        var sections: [HomeSection] = []
        for category in builder.categories.topLevel {
            var query = ArticleQuery.published(at: now)
            query.categoryIDs = builder.categories.idsInTree(of: category.id)
            query.excludingIDs = onPage
            query.limit = 4
            query.countsTotal = false
            let articles = try await store.articles(matching: query).articles
            guard !articles.isEmpty else { continue }
            shown += articles
            onPage += articles.map(\.id)
            sections.append(HomeSection(name: category.name, url: builder.categoryPath(category), articles: articles.map(builder.card)))
        }

        let settings = builder.settings
        var view = builder.frame(
            title: nil, canonicalPath: "/", description: settings.tagline, bodyClass: "home",
            jsonLD: [StructuredData.website(name: settings.name, url: builder.siteURL, description: settings.tagline, language: settings.language)])
        let olderURL = latestPage.total > perPage + 1 ? SiteRoute.home(page: 2).path() : nil
        view.nextURL = olderURL
        view.home = HomeView(
            breaking: breaking.map(builder.card), hasBreaking: !breaking.isEmpty, lead: latest.first.map(builder.leadCard),
            top: latest.dropFirst().prefix(Self.homeTopStories).map(builder.card),
            latest: latest.dropFirst(1 + Self.homeTopStories).map(builder.card), sections: sections, olderURL: olderURL)
        return (view, shown)
    }

    /// Related articles shown under an article.
    static let relatedCount = 4

    func articlePage(
        _ article: Article, builder: PageBuilder, commentPage: Int = 1, pendingCommentIDs: [Int64] = []
    ) async throws -> (PageView, [Article]) {
        // The comments are read while related articles are looked for.
        async let comments = commentsView(article, builder: builder, page: commentPage, pendingIDs: pendingCommentIDs)
        async let bodyMedia = store.mediaItems(keys: MediaItem.keys(inHTML: article.body.html))
        let related = try await relatedArticles(to: article, now: builder.now)
        let section = article.primaryCategory ?? article.categories.first
        let settings = builder.settings
        let url = builder.absolute(builder.articleEncodedPath(article))
        let description = article.excerpt.isEmpty ? ArticleExcerpt.make(fromHTML: article.body.html) : article.excerpt
        let published = builder.formatter.iso8601(article.publishedAt ?? article.createdAt)
        let modified = builder.formatter.iso8601(max(article.modifiedAt, article.publishedAt ?? article.modifiedAt))
        let social = article.featuredImage.map(ResponsiveImages.socialImage)
        let imageURL = social.map { builder.absoluteMedia($0.path) }
        var trail = [(name: settings.name, url: builder.absolute("/"))]
        if let section {
            for category in builder.categories.ancestry(of: section).reversed() {
                trail.append((category.name, builder.absolute(SiteRoute.category(slug: category.slug, page: 1).path(encoded: true))))
            }
        }
        trail.append((article.title, url))
        let jsonLD = [
            StructuredData.newsArticle(
                url: url, headline: article.title, description: description, published: published, modified: modified,
                authors: article.authors.map {
                    .init(name: $0.name, url: builder.absolute(SiteRoute.author(slug: $0.slug, page: 1).path(encoded: true)), isOrganization: $0.kind == .organization)
                },
                publisher: settings.name, publisherURL: builder.absolute("/"), logoURL: builder.absolute(theme.assetURL("favicon.svg")),
                section: section?.name, keywords: article.tags.map(\.name),
                images: article.featuredImage.map { ResponsiveImages.schemaImagePaths($0).map(builder.absoluteMedia) } ?? [],
                imageCredit: article.featuredImage?.media?.credit, language: settings.language),
            StructuredData.breadcrumbs(trail),
        ]
        var view = builder.frame(
            title: article.title, canonicalPath: builder.articleEncodedPath(article), description: description, bodyClass: "article",
            currentSection: section?.id, jsonLD: jsonLD)
        view.meta.ogType = "article"
        view.meta.imageURL = imageURL
        view.meta.imageWidth = social?.width
        view.meta.imageHeight = social?.height
        view.meta.imageAlt = article.featuredImage.flatMap { $0.alt.isEmpty ? nil : $0.alt }
        view.meta.twitterCard = imageURL == nil ? "summary" : "summary_large_image"
        view.meta.articleMeta = ArticleMeta(
            publishedTime: published, modifiedTime: modified, section: section?.name, tags: article.tags.map(\.name))
        let media = try await bodyMedia
        view.article = builder.articleView(article, related: related, bodyMedia: Dictionary(media.map { ($0.key, $0) }) { first, _ in first })
        view.article?.comments = try await comments
        if let feed = view.article?.comments?.feedURL {
            view.meta.feeds.append(FeedLink(title: builder.string("comments_feed"), type: "application/rss+xml", url: builder.absolute(feed)))
        }
        return (view, [article] + related)
    }

    /// Articles about the same thing: found by search with the article's title and tags, then
    /// filled with the newest articles sharing a tag or section.
    func relatedArticles(to article: Article, now: Date) async throws -> [Article] {
        if let ids = relatedCache.withLock({ $0[article.id] }) {
            var query = ArticleQuery.published(at: now)
            query.ids = ids
            query.limit = ids.count
            return ids.isEmpty ? [] : try await store.articles(matching: query).articles
        }
        let found = try await findRelatedArticles(to: article, now: now)
        relatedCache.withLock { cache in
            if cache.count >= Self.relatedCacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[article.id] = found.map(\.id)
        }
        return found
    }

    func findRelatedArticles(to article: Article, now: Date) async throws -> [Article] {
        // Both lookups at once (WAL readers run side by side); the shared-term list fills up.
        async let shared = store.relatedArticles(to: article, now: now, limit: Self.relatedCount)
        var related: [Article] = []
        if let searchIndex {
            let text = ([article.title] + article.tags.map(\.name)).joined(separator: " ")
            var query = SearchQuery(text: text, perPage: Self.relatedCount, excludingIDs: [article.id], candidateLimit: 20)
            query.withSnippets = false
            query.isRelatedLookup = true
            let results = try await searchIndex.search(query, now: now)
            // A hit sharing only a common word is no relation: keep those scoring near the best.
            let best = results.hits.first?.score ?? 0
            related = results.hits.filter { $0.score >= best * 0.25 }.map(\.article)
        }
        for candidate in try await shared where related.count < Self.relatedCount && !related.contains(where: { $0.id == candidate.id }) {
            related.append(candidate)
        }
        // Chosen by relevance, shown newest first.
        return related.sorted { ($0.publishedAt ?? $0.createdAt) > ($1.publishedAt ?? $1.createdAt) }
    }

    func listingPage(_ route: SiteRoute, builder: PageBuilder) async throws -> (PageView, [Article], [String]) {
        let now = builder.now
        var query = ArticleQuery.published(at: now)
        let title: String
        var intro: String?
        var kicker: String?
        var currentSection: Int64?
        var feedScope: FeedScope?
        let kind: String
        let candidates: [String]

        switch route {
        case .home:
            kind = "home"
            title = builder.string("latest")
            candidates = ["home-paged", "archive", "index"]
        case .category(let slug, let page):
            guard let category = builder.categories.first(where: { $0.slug == slug }) else {
                throw try await formerTerm(.category, slug: slug) { .category(slug: $0, page: page) }
            }
            query.categoryIDs = builder.categories.idsInTree(of: category.id)
            kind = "category"
            title = category.name
            intro = category.description.isEmpty ? nil : category.description
            kicker = builder.string("section")
            currentSection = category.id
            feedScope = .category(category.slug)
            candidates = ["category-\(category.slug)", "category", "archive", "index"]
        case .tag(let slug, let page):
            guard let tag = try await store.tag(slug: slug) else {
                throw try await formerTerm(.tag, slug: slug) { .tag(slug: $0, page: page) }
            }
            query.tagID = tag.id
            kind = "tag"
            title = tag.name
            intro = tag.description.isEmpty ? nil : tag.description
            kicker = builder.string("tag")
            feedScope = .tag(tag.slug)
            candidates = ["tag-\(tag.slug)", "tag", "archive", "index"]
        case .author(let slug, let page):
            guard let author = try await store.author(slug: slug) else {
                throw try await formerTerm(.author, slug: slug) { .author(slug: $0, page: page) }
            }
            query.authorID = author.id
            kind = "author"
            title = author.name
            intro = author.bio.isEmpty ? nil : author.bio
            kicker = builder.string("author")
            feedScope = .author(author.slug)
            candidates = ["author-\(author.slug)", "author", "archive", "index"]
        case .archive(let year, let month, let day, _):
            guard let range = Self.archiveRange(year: year, month: month, day: day, timeZone: builder.timeZone) else {
                throw PageError.notFound
            }
            query.publishedRange = range
            kind = "date"
            if let month, let day {
                title = builder.formatter.string(for: GregorianDay(year: year, month: month, day: day))
            } else if let month {
                title = builder.formatter.monthString(year: year, month: month)
            } else {
                title = builder.number(year)
            }
            kicker = builder.string("archive")
            candidates = ["date", "archive", "index"]
        default:
            throw PageError.notFound
        }

        let perPage = builder.settings.articlesPerPage
        let page = route.page
        let result = try await store.articles(matching: query.page(page, perPage: perPage))
        let totalPages = max(1, (result.total + perPage - 1) / perPage)
        if page > totalPages { throw PageError.notFound }
        // A date archive with nothing in it is not a page (WordPress answers 404 too).
        if case .archive = route, result.total == 0 { throw PageError.notFound }

        let pagination = builder.pagination(for: route, totalPages: totalPages)
        let pageSuffix = page > 1 ? " – " + pagination!.status : ""
        var view = builder.frame(
            title: title + pageSuffix, canonicalPath: route.path(encoded: true), description: intro, bodyClass: "listing \(kind)",
            currentSection: currentSection, feeds: feedScope.map { builder.feeds($0, title: builder.settings.name + " – " + title) } ?? [],
            jsonLD: [
                StructuredData.breadcrumbs([
                    (builder.settings.name, builder.absolute("/")), (title, builder.absolute(route.atPage(1).path(encoded: true))),
                ])
            ])
        view.prevURL = pagination?.prevURL
        view.nextURL = pagination?.nextURL
        view.listing = ListingView(
            kind: kind, title: title, intro: intro, kicker: kicker, articles: result.articles.map(builder.card),
            isEmpty: result.articles.isEmpty, pagination: pagination)
        return (view, result.articles, candidates)
    }

    /// The instants a date archive covers in the site's zone, or nil for a day that does not exist.
    static func archiveRange(year: Int, month: Int?, day: Int?, timeZone: TimeZone) -> Range<Date>? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month ?? 1, day: day ?? 1)
        guard let start = calendar.date(from: components) else { return nil }
        if let day, calendar.component(.day, from: start) != day { return nil }
        let unit: Calendar.Component = day != nil ? .day : (month != nil ? .month : .year)
        guard let end = calendar.date(byAdding: unit, value: 1, to: start) else { return nil }
        return start..<end
    }
}

/// Headers every HTML page carries.
enum SecurityHeaders {
    static let html: HTTPFields = headers(scriptSources: [])

    /// The headers of every public HTML page. `scriptSources` are what the site owner's injected
    /// code needs (hashes of its inline scripts, origins of its external ones); nothing else runs.
    static func headers(scriptSources: [String]) -> HTTPFields {
        let extra = scriptSources.isEmpty ? "" : " " + scriptSources.joined(separator: " ")
        let origins = scriptSources.filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
        let connect = origins.isEmpty ? "" : "; connect-src 'self' " + origins.joined(separator: " ")
        return [
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: "strict-origin-when-cross-origin",
            .contentSecurityPolicy:
                "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'\(extra)\(connect); "
                + "frame-ancestors 'self'; base-uri 'self'; form-action 'self'",
        ]
    }

    /// The headers for a site whose owner injected `code` (settings' head and footer code):
    /// its inline scripts are allowed by their SHA-256 and its script hosts by origin.
    static func forInjectedCode(_ code: String) -> HTTPFields {
        guard code.contains("<script") else { return html }
        var sources: [String] = []
        let pattern = try! NSRegularExpression(pattern: "<script([^>]*)>(.*?)</script\\s*>", options: [.caseInsensitive, .dotMatchesLineSeparators])
        let text = code as NSString
        for match in pattern.matches(in: code, range: NSRange(location: 0, length: text.length)) {
            let attributes = text.substring(with: match.range(at: 1))
            let body = text.substring(with: match.range(at: 2))
            if let src = attributes.range(of: #"src\s*=\s*["']?([^"' >]+)"#, options: .regularExpression) {
                let value = attributes[src].split(separator: "=", maxSplits: 1)[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
                if let url = URL(string: value.hasPrefix("//") ? "https:" + value : value), let scheme = url.scheme, let host = url.host {
                    sources.append("\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? ""))
                }
            } else if !body.isEmpty {
                sources.append("'sha256-" + Data(SHA256.hash(data: Data(body.utf8))).base64EncodedString() + "'")
            }
        }
        var seen = Set<String>()
        return headers(scriptSources: sources.filter { seen.insert($0).inserted })
    }
}

extension CachedPage {
    /// The response for a request: 304 when the client's copy is current, gzip when accepted.
    func response(to request: Request) -> Response {
        if status == .ok,
            isNotModified(ifNoneMatch: request.headers[.ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince])
        {
            var headers = identityHeaders
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        if let gzippedBody, let gzipHeaders, Gzip.isAccepted(by: request.headers[.acceptEncoding]) {
            return Response(status: status, headers: gzipHeaders, body: .init(byteBuffer: gzippedBody))
        }
        return Response(status: status, headers: identityHeaders, body: .init(byteBuffer: body))
    }
}
