import Foundation
import MinbarCore

/// The demo newsroom that `minbar serve --demo` starts with: the seed article exactly as
/// `seed-article.json` gives it, and the demo articles of `demo-site.json`.
public enum DemoSite {
    /// The seed article's fixture, a verbatim copy of `shared/fixtures/seed-article/seed-article.json`.
    public static func seedFixture() throws -> SeedFixture {
        try JSONDecoder().decode(SeedFixture.self, from: Data(contentsOf: resource("seed-article")))
    }

    /// The demo site's sections, authors and articles.
    public static func content() throws -> DemoContent {
        try JSONDecoder().decode(DemoContent.self, from: Data(contentsOf: resource("demo-site")))
    }

    static func resource(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Content") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Content/\(name).json"])
        }
        return url
    }

    /// Whether the store has no articles yet (the demo installs only there).
    public static func isEmpty(_ store: some ContentStore) async throws -> Bool {
        try await store.articleCounts().values.reduce(0, +) == 0
    }

    /// Fills an empty store with the demo site; does nothing (returns false) when the store
    /// already has articles.
    ///
    /// - Parameters:
    ///   - store: the store to fill.
    ///   - now: the moment the demo's relative dates count back from.
    ///   - photos: featured images for the newest demo stories (the seed article keeps none).
    ///   - progress: called after each article with (done, total).
    @discardableResult
    public static func install(
        into store: some ContentStore, now: Date = Date(), photos: [FeaturedImage] = [], progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> Bool {
        let counts = try await store.articleCounts()
        guard counts.values.reduce(0, +) == 0 else { return false }

        let seed = try seedFixture()
        let demo = try content()
        var settings = demo.site
        settings.name = seed.site.name
        try await store.saveSiteSettings(settings)

        var authorIDs: [String: Int64] = [:]
        let seedAuthor = try await store.saveAuthor(
            AuthorInput(name: seed.article.author.name, kind: .organization, bio: seed.article.author.bio))
        authorIDs[seedAuthor.slug] = seedAuthor.id
        for author in demo.authors {
            let saved = try await store.saveAuthor(AuthorInput(name: author.name, slug: author.slug, kind: author.kind, bio: author.bio))
            authorIDs[saved.slug] = saved.id
        }

        var categoryIDs: [String: Int64] = [:]
        for category in demo.categories {
            let saved = try await store.saveCategory(
                CategoryInput(
                    name: category.name, slug: category.slug, description: category.description,
                    parentID: category.parent.flatMap { categoryIDs[$0] }, position: category.position))
            categoryIDs[saved.slug] = saved.id
        }

        var tagIDs: [String: Int64] = [:]
        func tagID(_ name: String) async throws -> Int64 {
            if let id = tagIDs[name] { return id }
            let tag = try await store.saveTag(TagInput(name: name))
            tagIDs[name] = tag.id
            return tag.id
        }

        let total = demo.articles.count + 1
        // The seed article: published 2015-12-21, breaking with no end time.
        let seedCategory = try await categoryID(named: seed.article.category, in: demo, ids: categoryIDs)
        var seedTags: [Int64] = []
        for name in seed.article.tags { seedTags.append(try await tagID(name)) }
        try await store.saveArticle(
            ArticleInput(
                title: seed.article.title,
                excerpt: ArticleExcerpt.make(fromText: seed.article.paragraphs[0]),
                body: ArticleBody(html: HTMLText.paragraphs(seed.article.paragraphs)),
                status: .published,
                publishedAt: try seedPublicationDate(seed.article.published, timeZone: settings.resolvedTimeZone),
                breaking: seed.article.breaking ? BreakingNews(until: nil) : nil,
                sourceCredit: seed.article.sourceCredit,
                primaryCategoryID: seedCategory, tagIDs: seedTags, authorIDs: [seedAuthor.id]))
        progress(1, total)

        // The demo's own photos go to its newest stories; the seed article stays as its fixture is.
        let newest = demo.articles.indices.sorted { demo.articles[$0].hoursAgo < demo.articles[$1].hoursAgo }
        let photoOf = Dictionary(uniqueKeysWithValues: zip(newest, photos))
        for (index, article) in demo.articles.enumerated() {
            var tags: [Int64] = []
            for name in article.tags { tags.append(try await tagID(name)) }
            let published = now.addingTimeInterval(-Double(article.hoursAgo) * 3600)
            let body = article.bodyHTML ?? HTMLText.paragraphs(article.paragraphs)
            try await store.saveArticle(
                ArticleInput(
                    title: article.title, slug: article.slug ?? "",
                    excerpt: article.excerpt ?? ArticleExcerpt.make(fromText: article.paragraphs[0]),
                    body: ArticleBody(html: body), status: .published, publishedAt: published,
                    breaking: article.breakingHours.map { BreakingNews(until: now.addingTimeInterval(Double($0) * 3600)) },
                    sourceCredit: article.sourceCredit,
                    primaryCategoryID: categoryIDs[article.category],
                    extraCategoryIDs: (article.extraCategories ?? []).compactMap { categoryIDs[$0] },
                    tagIDs: tags, authorIDs: article.authors.compactMap { authorIDs[$0] },
                    featuredImage: photoOf[index]))
            progress(index + 2, total)
        }
        return true
    }

    static func categoryID(named name: String, in demo: DemoContent, ids: [String: Int64]) async throws -> Int64? {
        demo.categories.first { $0.name == name }.flatMap { ids[$0.slug] }
    }

    /// Noon of the seed's publication day in the site's zone, so the day is the same everywhere.
    static func seedPublicationDate(_ day: String, timeZone: TimeZone) throws -> Date {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { throw CocoaError(.formatting) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)) else {
            throw CocoaError(.formatting)
        }
        return date
    }
}

/// `seed-article.json`: the Arabic article page Minbar's default theme must reproduce.
public struct SeedFixture: Decodable, Sendable {
    public struct Site: Decodable, Sendable {
        public var name: String
        public var language: String
        public var direction: String
    }
    public struct SeedAuthor: Decodable, Sendable {
        public var name: String
        public var bio: String
    }
    public struct SeedArticle: Decodable, Sendable {
        public var title: String
        public var category: String
        public var breaking: Bool
        public var byline: String
        public var published: String
        public var paragraphs: [String]
        public var sourceCredit: String
        public var tags: [String]
        public var author: SeedAuthor

        enum CodingKeys: String, CodingKey {
            case title, category, breaking, byline, published, paragraphs, tags, author
            case sourceCredit = "source_credit"
        }
    }
    /// One element the article page must show, in order.
    public struct PageElement: Decodable, Sendable {
        public var what: String
        public var text: String
    }

    public var site: Site
    public var article: SeedArticle
    public var pageElements: [PageElement]

    enum CodingKeys: String, CodingKey {
        case site, article
        case pageElements = "page_elements"
    }
}

/// `demo-site.json`: the demo newsroom.
public struct DemoContent: Decodable, Sendable {
    public struct DemoAuthor: Decodable, Sendable {
        public var slug: String
        public var name: String
        public var kind: Author.Kind
        public var bio: String
    }
    public struct DemoCategory: Decodable, Sendable {
        public var slug: String
        public var name: String
        public var description: String
        public var parent: String?
        public var position: Int
    }
    public struct DemoArticle: Decodable, Sendable {
        public var title: String
        public var slug: String?
        public var category: String
        public var extraCategories: [String]?
        public var hoursAgo: Int
        public var authors: [String]
        public var tags: [String]
        public var paragraphs: [String]
        public var bodyHTML: String?
        public var excerpt: String?
        public var breakingHours: Int?
        public var sourceCredit: String?

        enum CodingKeys: String, CodingKey {
            case title, slug, category, authors, tags, paragraphs, excerpt
            case extraCategories = "extra_categories"
            case hoursAgo = "hours_ago"
            case bodyHTML = "body_html"
            case breakingHours = "breaking_hours"
            case sourceCredit = "source_credit"
        }
    }

    public var site: SiteSettings
    public var authors: [DemoAuthor]
    public var categories: [DemoCategory]
    public var articles: [DemoArticle]
}
