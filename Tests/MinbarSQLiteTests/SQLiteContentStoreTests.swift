import Foundation
import GRDB
import MinbarCore
import Testing

@testable import MinbarSQLite

@Suite struct SQLiteContentStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func publish(
        _ store: SQLiteContentStore, _ title: String, hoursAgo: Double, category: Category?, extra: [Category] = [], tags: [MinbarCore.Tag] = [],
        authors: [Author] = [], breakingFor hours: Double? = nil
    ) async throws -> Article {
        try await store.saveArticle(
            ArticleInput(
                title: title, body: ArticleBody(html: "<p>\(title)</p>"), status: .published,
                publishedAt: now.addingTimeInterval(-hoursAgo * 3600),
                breaking: hours.map { BreakingNews(until: now.addingTimeInterval($0 * 3600)) },
                primaryCategoryID: category?.id, extraCategoryIDs: extra.map(\.id), tagIDs: tags.map(\.id), authorIDs: authors.map(\.id)))
    }

    @Test func opensInWALModeAndMigratesOnce() throws {
        let (store, directory) = try temporaryStore()
        let mode = try store.database.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // Opening the same file again finds the schema in place.
        let again = try AppDatabase(path: directory + "/minbar.sqlite")
        let tables = try again.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(Set(tables).isSuperset(of: ["article", "category", "tag", "author", "article_tag", "setting"]))
    }

    @Test func savesAndReadsAnArticleWithItsRelations() async throws {
        let (store, _) = try temporaryStore(now: { now })
        let room = try await Newsroom.make(in: store)
        let saved = try await store.saveArticle(
            ArticleInput(
                title: "تحالف فرنسي – روسي", excerpt: "ملخص", body: ArticleBody(html: "<p>نص</p>", source: "نص", format: .markdown),
                status: .published, publishedAt: now, breaking: BreakingNews(), sourceCredit: "وكالات",
                primaryCategoryID: room.gulf.id, extraCategoryIDs: [room.economy.id], tagIDs: [room.water.id, room.oil.id],
                authorIDs: [room.centre.id, room.salma.id], featuredImage: FeaturedImage(url: "/media/a.jpg", alt: "صورة", caption: "تعليق")))
        let loaded = try #require(try await store.article(slug: "تحالف-فرنسي-روسي"))
        #expect(loaded == saved)
        #expect(loaded.primaryCategory == room.gulf)
        #expect(loaded.categories.map(\.id) == [room.gulf.id, room.economy.id])
        #expect(loaded.tags.map(\.name) == ["المياه", "النفط"])
        #expect(loaded.authors.map(\.id) == [room.centre.id, room.salma.id])
        #expect(loaded.body.source == "نص" && loaded.body.format == .markdown)
        #expect(loaded.breaking?.until == nil && loaded.breaking?.since == now, "flagged without an end, since it was saved")
        #expect(loaded.sourceCredit == "وكالات")
        #expect(loaded.featuredImage == FeaturedImage(url: "/media/a.jpg", alt: "صورة", caption: "تعليق"))
        #expect(try await store.article(id: saved.id) == saved)
    }

    @Test func updatesInPlaceAndReplacesRelations() async throws {
        let (store, _) = try temporaryStore(now: { now })
        let room = try await Newsroom.make(in: store)
        let first = try await publish(store, "خبر أول", hoursAgo: 1, category: room.gulf, tags: [room.oil])
        var input = ArticleInput(
            id: first.id, title: "خبر معدل", slug: first.slug, body: ArticleBody(html: "<p>جديد</p>"), status: .published,
            publishedAt: first.publishedAt, primaryCategoryID: room.economy.id, tagIDs: [room.water.id])
        let updated = try await store.saveArticle(input)
        #expect(updated.id == first.id && updated.title == "خبر معدل" && updated.tags == [room.water])
        #expect(updated.categories == [room.economy])
        input.id = 9999
        input.slug = "غير-موجود"
        await #expect(throws: ContentStoreError.notFound("article 9999")) { try await store.saveArticle(input) }
    }

    @Test func refusesATakenSlugAndWritesNothing() async throws {
        let (store, _) = try temporaryStore(now: { now })
        let room = try await Newsroom.make(in: store)
        let first = try await publish(store, "خبر", hoursAgo: 1, category: room.gulf)
        // A typed slug that is taken is refused…
        await #expect(throws: ContentStoreError.slugTaken("خبر")) {
            try await store.saveArticle(
                ArticleInput(title: "خبر آخر", slug: first.slug, body: ArticleBody(html: "<p>x</p>"), status: .published, primaryCategoryID: room.economy.id))
        }
        #expect(try await store.articleCounts()[.published] == 1)
        // …one made from the same title is numbered, as WordPress does, and not an old slug either.
        #expect(try await publish(store, "خبر", hoursAgo: 2, category: room.economy).slug == "خبر-2")
        try await store.saveArticle(
            ArticleInput(id: first.id, title: "خبر", slug: "خبر-معدل", body: ArticleBody(html: "<p>خبر</p>"), status: .published, primaryCategoryID: room.gulf.id))
        #expect(try await publish(store, "خبر", hoursAgo: 3, category: room.economy).slug == "خبر-3", "خبر is the first article's former slug")
        await #expect(throws: ContentStoreError.slugTaken("النفط")) { try await store.saveTag(TagInput(name: "النفط")) }
    }

    @Test func refusesMissingReferencesAndWritesNothing() async throws {
        let (store, _) = try temporaryStore(now: { now })
        let room = try await Newsroom.make(in: store)
        await #expect(throws: ContentStoreError.missingReference(field: "tags", id: 404)) {
            try await store.saveArticle(
                ArticleInput(title: "x", body: ArticleBody(html: ""), status: .published, primaryCategoryID: room.gulf.id, tagIDs: [404]))
        }
        #expect(try await store.articleCounts().isEmpty)
        await #expect(throws: ValidationError.self) { try await store.saveArticle(ArticleInput(title: " ", body: ArticleBody(html: ""))) }
        await #expect(throws: ValidationError.self) {
            try await store.saveCategory(CategoryInput(id: room.middleEast.id, name: "الشرق الأوسط", parentID: room.gulf.id))
        }
        #expect(try await store.articleCounts().isEmpty)
    }

    @Test func listsWhatReadersMaySeeNewestFirst() async throws {
        let (store, _) = try temporaryStore(now: { now })
        let room = try await Newsroom.make(in: store)
        let old = try await publish(store, "قديم", hoursAgo: 30, category: room.middleEast, tags: [room.oil], authors: [room.salma])
        let gulf = try await publish(store, "خليجي", hoursAgo: 2, category: room.gulf, authors: [room.centre])
        let economy = try await publish(store, "اقتصادي", hoursAgo: 1, category: room.economy, extra: [room.gulf], tags: [room.oil])
        _ = try await publish(store, "لاحق", hoursAgo: -5, category: room.gulf)  // its time has not come
        _ = try await store.saveArticle(ArticleInput(title: "مسودة", body: ArticleBody(html: ""), primaryCategoryID: room.gulf.id))

        let all = try await store.articles(matching: .published(at: now))
        #expect(all.articles.map(\.title) == ["اقتصادي", "خليجي", "قديم"])
        #expect(all.total == 3)
        #expect(all.articles.allSatisfy { $0.body.html.isEmpty })

        var section = ArticleQuery.published(at: now)
        section.categoryIDs = try await store.categories().idsInTree(of: room.middleEast.id)
        #expect(try await store.articles(matching: section).articles.map(\.id) == [economy.id, gulf.id, old.id])

        var tag = ArticleQuery.published(at: now)
        tag.tagID = room.oil.id
        #expect(try await store.articles(matching: tag).articles.map(\.id) == [economy.id, old.id])

        var author = ArticleQuery.published(at: now)
        author.authorID = room.centre.id
        #expect(try await store.articles(matching: author).articles.map(\.id) == [gulf.id])

        var day = ArticleQuery.published(at: now)
        day.publishedRange = now.addingTimeInterval(-3 * 3600)..<now
        #expect(try await store.articles(matching: day).articles.map(\.id) == [economy.id, gulf.id])

        let second = try await store.articles(matching: ArticleQuery.published(at: now).page(2, perPage: 2))
        #expect(second.articles.map(\.id) == [old.id] && second.total == 3)
        let beyond = try await store.articles(matching: ArticleQuery.published(at: now).page(3, perPage: 2))
        #expect(beyond.articles.isEmpty && beyond.total == 3)
    }

    @Test func listsOnlyActiveBreakingNews() async throws {
        let (store, _) = try temporaryStore(now: { now })
        let room = try await Newsroom.make(in: store)
        let open = try await publish(store, "عاجل مفتوح", hoursAgo: 50, category: room.gulf)
        _ = try await store.saveArticle(
            ArticleInput(
                id: open.id, title: open.title, slug: open.slug, body: open.body, status: .published, publishedAt: open.publishedAt,
                breaking: BreakingNews(until: nil), primaryCategoryID: room.gulf.id))
        let soon = try await publish(store, "ينتهي قريباً", hoursAgo: 1, category: room.gulf, breakingFor: 2)
        _ = try await publish(store, "انتهى", hoursAgo: 3, category: room.gulf, breakingFor: -1)
        var query = ArticleQuery.published(at: now)
        query.breakingAt = now
        #expect(try await store.articles(matching: query).articles.map(\.id) == [soon.id, open.id])
        query.breakingAt = now.addingTimeInterval(3 * 3600)
        query.publishedBefore = query.breakingAt
        #expect(try await store.articles(matching: query).articles.map(\.id) == [open.id])
        #expect(try await store.nextContentChange(after: now) == now.addingTimeInterval(2 * 3600))
    }

    @Test func relatedArticlesShareATagOrSectionNewestFirstNeverItself() async throws {
        let (store, _) = try temporaryStore(now: { now })
        let room = try await Newsroom.make(in: store)
        let subject = try await publish(store, "الموضوع", hoursAgo: 10, category: room.gulf, tags: [room.oil])
        let byTag = try await publish(store, "نفس الوسم", hoursAgo: 20, category: room.economy, tags: [room.oil])
        let bySection = try await publish(store, "نفس القسم", hoursAgo: 5, category: room.gulf)
        _ = try await publish(store, "لا علاقة", hoursAgo: 1, category: room.economy, tags: [room.water])
        _ = try await publish(store, "لم ينشر بعد", hoursAgo: -1, category: room.gulf, tags: [room.oil])
        let related = try await store.relatedArticles(to: subject, now: now, limit: 4)
        #expect(related.map(\.id) == [bySection.id, byTag.id])
        #expect(try await store.relatedArticles(to: subject, now: now, limit: 1).map(\.id) == [bySection.id])
    }

    @Test func keepsSettingsAndFillsDefaults() async throws {
        let (store, _) = try temporaryStore()
        #expect(try await store.siteSettings() == SiteSettings())
        var settings = SiteSettings()
        settings.name = "منبر"
        settings.digits = .arabicIndic
        settings.monthStyle = .levantine
        settings.timeZone = "Asia/Riyadh"
        try await store.saveSiteSettings(settings)
        #expect(try await store.siteSettings() == settings)
        settings.timeZone = "Nowhere/Else"
        await #expect(throws: ValidationError.self) { try await store.saveSiteSettings(settings) }
        #expect(try await store.siteSettings().timeZone == "Asia/Riyadh")
    }

    @Test func storesSlugsDecoded() async throws {
        let (store, _) = try temporaryStore()
        let tag = try await store.saveTag(TagInput(name: "المركز الديمقراطى العربى", slug: "%D8%A7%D9%84%D9%85%D8%B1%D9%83%D8%B2"))
        #expect(tag.slug == "المركز")
        let raw = try await store.database.pool.read { db in try String.fetchOne(db, sql: "SELECT slug FROM tag") }
        #expect(raw == "المركز")
    }
}
