import Foundation
import HTTPTypes
import MinbarArabic
import MinbarCore

/// Feeds, sitemaps and robots.txt: what feed readers, search engines and aggregators read.
extension PublicSite {
    /// Google News wants the articles of the last two days.
    static let newsWindow: TimeInterval = 2 * 24 * 3600

    func document(_ route: SiteRoute, builder: PageBuilder, snapshot: SiteSnapshot, compress: Bool) async throws -> CachedPage {
        let dates = FeedDates(timeZone: builder.timeZone)
        let text: String
        let contentType: String
        var lastModified: Date?
        switch route {
        case .feed(let scope, let format, let page):
            (text, lastModified) = try await feed(scope, format, page: page, builder: builder, dates: dates)
            contentType = format.contentType
        case .commentsFeed(let match):
            (text, lastModified) = try await commentsFeed(match, builder: builder, dates: dates)
            contentType = FeedFormat.rss.contentType
        case .sitemapIndex:
            (text, lastModified) = try await sitemapIndex(builder: builder, dates: dates)
            contentType = "application/xml; charset=utf-8"
        case .sitemap(let part):
            (text, lastModified) = try await sitemap(part, builder: builder, dates: dates)
            contentType = "application/xml; charset=utf-8"
        case .robots:
            text = """
                User-agent: *
                Disallow: /admin/
                Disallow: /?s=
                Disallow: /search/

                Sitemap: \(builder.absolute(SiteRoute.sitemapIndex.path()))
                Sitemap: \(builder.absolute(SiteRoute.sitemap(.news).path()))

                """
            contentType = "text/plain; charset=utf-8"
        default:
            throw PageError.notFound
        }
        var validUntil = builder.now.addingTimeInterval(configuration.maximumPageAge)
        if let nextChange = snapshot.nextContentChange, nextChange < validUntil { validUntil = nextChange }
        return CachedPage(
            html: text, lastModified: lastModified, validUntil: validUntil, contentType: contentType, compress: compress,
            extraHeaders: [.xContentTypeOptions: "nosniff"])
    }

    // MARK: Feeds

    func feed(_ scope: FeedScope, _ format: FeedFormat, page number: Int, builder: PageBuilder, dates: FeedDates) async throws -> (String, Date?) {
        let settings = builder.settings
        var query = ArticleQuery.published(at: builder.now).page(number, perPage: settings.feedItems)
        query.withoutBody = !settings.feedFullText
        var title = settings.name
        var description = settings.tagline
        let page: SiteRoute
        switch scope {
        case .site:
            page = .home(page: 1)
        case .category(let slug):
            guard let category = builder.categories.first(where: { $0.slug == slug }) else { throw PageError.notFound }
            query.categoryIDs = builder.categories.idsInTree(of: category.id)
            title += " – " + category.name
            if !category.description.isEmpty { description = category.description }
            page = .category(slug: slug, page: 1)
        case .tag(let slug):
            guard let tag = try await store.tag(slug: slug) else { throw PageError.notFound }
            query.tagID = tag.id
            title += " – " + tag.name
            page = .tag(slug: slug, page: 1)
        case .author(let slug):
            guard let author = try await store.author(slug: slug) else { throw PageError.notFound }
            query.authorID = author.id
            title += " – " + author.name
            if !author.bio.isEmpty { description = author.bio }
            page = .author(slug: slug, page: 1)
        }
        let result = try await store.articles(matching: query)
        // Page 1 of an empty feed is a feed with no items; a page past the last is not a page.
        if number > 1, result.articles.isEmpty { throw PageError.notFound }
        let articles = result.articles
        let items = articles.map { article -> FeedWriter.Item in
            let url = builder.absolute(builder.articleEncodedPath(article))
            let image = article.featuredImage.map(ResponsiveImages.feedImage)
            var item = FeedWriter.Item(
                id: builder.absolute(SiteRoute.articleID(article.id).path()), url: url, title: article.title,
                summary: article.excerpt.isEmpty ? ArticleExcerpt.make(fromHTML: article.body.html) : article.excerpt,
                contentHTML: settings.feedFullText ? builder.absoluteMediaSources(article.body.html) : nil,
                published: article.publishedAt ?? article.createdAt, modified: article.modifiedAt,
                authors: article.authors.map { ($0.name, builder.absolute(SiteRoute.author(slug: $0.slug, page: 1).path(encoded: true))) },
                categories: article.categories.map(\.name) + article.tags.map(\.name),
                imageURL: image.map { builder.absoluteMedia($0.path) })
            item.imageType = image?.type
            item.imageBytes = image?.bytes
            item.imageWidth = image?.width
            item.imageHeight = image?.height
            return item
        }
        let updated = articles.map(\.modifiedAt).max()
        let channel = FeedWriter.Channel(
            title: title, description: description, language: settings.language,
            pageURL: builder.absolute(page.path(encoded: true)), feedURL: builder.absolute(SiteRoute.feed(scope, format, page: number).path(encoded: true)),
            updated: updated ?? builder.now,
            nextURL: query.offset + articles.count < result.total
                ? builder.absolute(SiteRoute.feed(scope, format, page: number + 1).path(encoded: true)) : nil)
        return (FeedWriter(dates: dates).write(format, channel: channel, items: items), updated)
    }

    // MARK: Sitemaps

    /// The months (site time zone) with public articles, newest first, with their count and
    /// newest modification.
    func articleMonths(builder: PageBuilder) async throws -> [(year: Int, month: Int, count: Int, modified: Date)] {
        var months: [(year: Int, month: Int, count: Int, modified: Date)] = []
        for stamp in try await store.publicationStamps(now: builder.now) {
            let day = builder.formatter.day(of: stamp.publishedAt)
            if let last = months.last, last.year == day.year, last.month == day.month {
                months[months.count - 1].count += 1
                months[months.count - 1].modified = max(last.modified, stamp.modifiedAt)
            } else {
                months.append((day.year, day.month, 1, stamp.modifiedAt))
            }
        }
        return months
    }

    func sitemapIndex(builder: PageBuilder, dates: FeedDates) async throws -> (String, Date?) {
        var entries: [SitemapWriter.Entry] = []
        let months = try await articleMonths(builder: builder)
        for month in months {
            let parts = (month.count + SitemapPart.urlLimit - 1) / SitemapPart.urlLimit
            for part in 1...max(parts, 1) {
                let file = SiteRoute.sitemap(.articles(year: month.year, month: month.month, part: part))
                entries.append(.init(url: builder.absolute(file.path()), lastModified: month.modified))
            }
        }
        let newest = months.map(\.modified).max()
        for part in [SitemapPart.categories, .tags, .authors, .news] {
            entries.append(.init(url: builder.absolute(SiteRoute.sitemap(part).path()), lastModified: newest))
        }
        return (SitemapWriter(dates: dates).index(entries), newest)
    }

    func sitemap(_ part: SitemapPart, builder: PageBuilder, dates: FeedDates) async throws -> (String, Date?) {
        let writer = SitemapWriter(dates: dates)
        let now = builder.now
        switch part {
        case .articles(let year, let month, let number):
            guard let range = Self.archiveRange(year: year, month: month, day: nil, timeZone: builder.timeZone) else {
                throw PageError.notFound
            }
            var query = ArticleQuery.published(at: now).page(number, perPage: SitemapPart.urlLimit)
            query.publishedRange = range
            let page = try await store.articles(matching: query)
            guard !page.articles.isEmpty else { throw PageError.notFound }
            let entries = page.articles.map {
                SitemapWriter.Entry(url: builder.absolute(builder.articleEncodedPath($0)), lastModified: $0.modifiedAt)
            }
            return (writer.urls(entries), page.articles.map(\.modifiedAt).max())
        case .news:
            var query = ArticleQuery.published(at: now)
            query.publishedRange = now.addingTimeInterval(-Self.newsWindow)..<now.addingTimeInterval(1)
            query.limit = SitemapPart.urlLimit
            let articles = try await store.articles(matching: query).articles
            let entries = articles.map {
                SitemapWriter.NewsEntry(
                    url: builder.absolute(builder.articleEncodedPath($0)), title: $0.title, published: $0.publishedAt ?? $0.createdAt)
            }
            return (writer.news(entries, publication: builder.settings.name, language: builder.settings.language), articles.map(\.modifiedAt).max())
        case .categories, .tags, .authors:
            let modified = try await store.termsLastModified(now: now)
            var entries: [SitemapWriter.Entry] = []
            switch part {
            case .categories:
                entries.append(.init(url: builder.absolute("/"), lastModified: modified.categories.values.max()))
                for category in builder.categories {
                    let newest = builder.categories.idsInTree(of: category.id).compactMap { modified.categories[$0] }.max()
                    entries.append(.init(url: builder.absolute(SiteRoute.category(slug: category.slug, page: 1).path(encoded: true)), lastModified: newest))
                }
            case .tags:
                for tag in try await store.tags() {
                    guard let newest = modified.tags[tag.id] else { continue }
                    entries.append(.init(url: builder.absolute(SiteRoute.tag(slug: tag.slug, page: 1).path(encoded: true)), lastModified: newest))
                }
            default:
                for author in try await store.authors() {
                    guard let newest = modified.authors[author.id] else { continue }
                    entries.append(.init(url: builder.absolute(SiteRoute.author(slug: author.slug, page: 1).path(encoded: true)), lastModified: newest))
                }
            }
            return (writer.urls(entries), entries.compactMap(\.lastModified).max())
        }
    }
}
