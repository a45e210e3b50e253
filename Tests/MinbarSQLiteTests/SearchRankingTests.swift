import Foundation
import GRDB
import MinbarArabic
import MinbarCore
import Testing

@testable import MinbarSQLite

/// What a reader sees first for queries whose words the site writes in several forms.
@Suite struct SearchRankingTests {
    /// Saves published articles (title, body), oldest first, a day apart.
    static func site(_ articles: [(String, String)]) async throws -> SQLiteContentStore {
        let (store, _) = try temporaryStore()
        let newsroom = try await Newsroom.make(in: store)
        for (number, (title, body)) in articles.enumerated() {
            _ = try await store.saveArticle(
                ArticleInput(
                    title: title, slug: "article-\(number)", body: ArticleBody(html: "<p>\(body)</p>"), status: .published,
                    publishedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(number) * 86_400),
                    primaryCategoryID: newsroom.economy.id))
        }
        return store
    }

    static func slugs(_ store: SQLiteContentStore, _ text: String) async throws -> [String] {
        try await store.search(SearchQuery(text: text, perPage: 20), now: Date(timeIntervalSince1970: 1_800_000_000)).hits.map(\.article.slug)
    }

    /// A site made by an older Minbar: its schema brought up to `migration`, then `prepare`
    /// writes what that version wrote; it is opened with today's code (the later migrations run).
    static func siteFromBefore(upTo migration: String, _ prepare: @escaping @Sendable (Database) throws -> Void) async throws -> SQLiteContentStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        do {
            SQLiteTuning.applied  // as AppDatabase does before any connection
            let pool = try DatabasePool(path: directory + "/minbar.sqlite")
            try AppDatabase.migrator.migrate(pool, upTo: migration)
            try await pool.write(prepare)
        }
        return SQLiteContentStore(database: try AppDatabase(path: directory + "/minbar.sqlite"))
    }

    /// A published article of 2020 in a new section, written as a migration-era row; its id.
    static func insertOldArticle(_ db: Database, slug: String, title: String, bodyHTML: String) throws -> Int64 {
        try db.execute(sql: "INSERT INTO category (slug, name) VALUES (?, 'العالم')", arguments: [slug + "-section"])
        try db.execute(
            sql: """
                INSERT INTO article (slug, title, excerpt, body_html, body_source, body_format, status, published_at,
                    modified_at, created_at, primary_category_id)
                VALUES (?, ?, '', ?, '', 'html', 'published',
                    '2020-01-01 10:00:00.000', '2020-01-01 10:00:00.000', '2020-01-01 10:00:00.000', ?)
                """,
            arguments: [slug, title, bodyHTML, db.lastInsertedRowID])
        return db.lastInsertedRowID
    }

    /// The search row of an old article as an older analyzer wrote it (`title` and `body`
    /// folded then, section العالم), the site's word counts for it, and its plain text if that
    /// version kept one.
    static func insertOldSearchRow(_ db: Database, id: Int64, title: String, body: String, text: String? = nil) throws {
        try db.execute(
            sql: "INSERT INTO article_search (rowid, title, body, labels) VALUES (?, ?, ?, 'العالم')", arguments: [id, title, body])
        if let text { try db.execute(sql: "INSERT INTO article_text (article_id, body) VALUES (?, ?)", arguments: [id, text]) }
        let words = Set((title + " " + body + " العالم").split(separator: " ").map(String.init))
        for term in words {
            try db.execute(sql: "INSERT INTO search_term (term, articles) VALUES (?, 1)", arguments: [term])
        }
    }

    /// The holdout's hard cases (bench/search-holdout): a compound name typed joined finds it
    /// written apart; Panama is not "grew"; a valley is not "led to"; the wounded (جرحى) are found
    /// by جريح.
    @Test func namesAndWordsThatLookPrefixedOrPluralAreFoundAsTheyAre() async throws {
        let store = try await Self.site([
            ("دي ميستورا يبدأ جولة إقليمية", "بدأ المبعوث الأممي ستافان دي ميستورا جولة تشمل الرباط ونواكشوط."),
            ("ديميستورا في الرباط", "وصل المبعوث ستافان ديميستورا الى الرباط."),
            ("قناة بنما تستأنف الملاحة", "أعلنت هيئة قناة بنما استئناف حركة السفن بعد الجفاف."),
            ("الاقتصاد نما بنسبة ٣٪", "نما الاقتصاد المغربي بنسبة 3 بالمائة خلال الربع الثالث."),
            ("وادي رم يستقبل السياح", "استقبلت محمية وادي رم أعدادا قياسية من السياح."),
            ("الأمطار أدت إلى إغلاق طرق", "أدى هطول الأمطار إلى إغلاق طرق، كما أدى إلى انقطاع الكهرباء."),
            ("انقلاب حافلة قرب وهران", "أصيب خمسة عشر شخصا ونقل الجرحى إلى المستشفى."),
        ])
        #expect(Set(try await Self.slugs(store, "ديميستورا")) == ["article-0", "article-1"])
        #expect(try await Self.slugs(store, "بنما") == ["article-2"])
        #expect(try await Self.slugs(store, "نما") == ["article-3"])
        #expect(try await Self.slugs(store, "وادي") == ["article-4"])
        #expect(try await Self.slugs(store, "جريح") == ["article-6"])
        #expect(try await Self.slugs(store, "3 بالمئة") == ["article-3"], "مائة written مئة")
    }

    /// A rarer form of a typed word (بنك beside البنك) is not worth more than the word itself:
    /// the article titled with the typed phrase comes first.
    @Test func aRareFormOfATypedWordDoesNotOutrankTheWordItself() async throws {
        let store = try await Self.site([
            ("البنك المركزي يبقي أسعار الفائدة دون تغيير", "قررت لجنة السياسة النقدية في البنك المركزي الإبقاء على أسعار الفائدة. وأرجع البنك قراره إلى تباطؤ التضخم."),
            ("بنك محلي يتعرض لهجوم يعطل خدماته", "تعرض أحد البنوك لهجوم عطل خدماته. وأكد البنك المركزي أنه يتابع الحادث."),
            ("البنك الدولي يقرض الأردن", "وافق البنك الدولي على قرض جديد."),
            ("البنك الدولي يتوقع نموا", "قال البنك الدولي إن النمو سيتسارع."),
            ("البنك الإسلامي للتنمية يمول مشروعا", "أعلن البنك الإسلامي للتنمية تمويل مشروع للمياه."),
            ("خبر عن الطقس", "أمطار غزيرة في المنطقة."),
        ])
        let found = try await Self.slugs(store, "البنك المركزي")
        #expect(found.first == "article-0", "\(found)")
        #expect(found.prefix(2).contains("article-1"))
    }

    /// An editor's synonym of several words (مرض السكر = السكري) finds the articles that use the
    /// other word, and each typed word still matches in all its forms (لهجوم إلكتروني).
    @Test func multiWordSynonymsFindTheOtherWordAndKeepEachWordsForms() async throws {
        let store = try await Self.site([
            ("دراسة: ربع البالغين معرضون لداء السكري", "حذرت الدراسة من انتشار السكري بين الشباب."),
            ("ارتفاع أسعار السكر قبل العيد", "ارتفعت أسعار السكر في الأسواق."),
            ("بنك كويتي يتعرض لهجوم إلكتروني", "تعرض بنك لهجوم إلكتروني عطل خدماته."),
            ("قرصنة حسابات شركة اتصالات", "أعلنت الشركة أن قراصنة اخترقوا أنظمتها في عملية قرصنة واسعة."),
            ("مرض نادر في القرى", "ظهر مرض جلدي في القرى النائية."),
        ])
        try await store.saveSynonymGroup(["مرض السكر", "السكري"])
        try await store.saveSynonymGroup(["قرصنة", "هجوم إلكتروني"])
        let diabetes = try await Self.slugs(store, "مرض السكر")
        #expect(diabetes.first == "article-0", "\(diabetes)")
        let sugar = try await Self.slugs(store, "أسعار السكر")
        #expect(sugar.first == "article-1")
        #expect(!sugar.contains("article-0"), "السكر alone is not السكري: only the editor's phrase is")
        let attack = try await Self.slugs(store, "هجوم إلكتروني")
        #expect(Set(attack.prefix(2)) == ["article-2", "article-3"], "\(attack)")
        let piracy = try await Self.slugs(store, "قرصنة")
        #expect(Set(piracy.prefix(2)) == ["article-2", "article-3"], "the phrase synonym as the site writes it (لهجوم): \(piracy)")
    }
}

/// The synonyms a new site starts with.
@Suite struct StarterSynonymTests {
    @Test func aNewSiteFindsTheNewsSynonymsItStartsWith() async throws {
        let store = try await SearchRankingTests.site([
            ("انطلاق كأس العالم بمشاركة ٤٨ منتخباً", "تنطلق بطولة كأس العالم الصيف المقبل."),
            ("الذكاء الاصطناعي يدخل غرف الأخبار", "تستعمل الصحف الذكاء الاصطناعي في التحرير."),
            ("المدن الصناعية تجذب المستثمرين", "افتتحت الحكومة منطقة صناعية جديدة قرب الميناء."),
            ("أسعار السكر ترتفع", "ارتفع سعر السكر في الأسواق."),
            ("دراسة عن داء السكري", "يصيب السكري ملايين البالغين."),
        ])
        #expect(try await store.synonymGroups().count == NewsSynonyms.starter.count)
        #expect(try await SearchRankingTests.slugs(store, "المونديال") == ["article-0"])
        #expect(try await SearchRankingTests.slugs(store, "الذكاء الصناعي").first == "article-1")
        // A word with another sense outside the phrase stays itself.
        #expect(!(try await SearchRankingTests.slugs(store, "صناعية")).contains("article-1"), "صناعي is also industrial")
        #expect(try await SearchRankingTests.slugs(store, "أسعار السكر") == ["article-3"], "السكر is also sugar")
        #expect(try await SearchRankingTests.slugs(store, "مرض السكر").first == "article-4")
        // Editors may remove a starter group.
        #expect(try await store.deleteSynonymGroup(containing: "المونديال"))
        #expect(try await SearchRankingTests.slugs(store, "المونديال").isEmpty)
    }
}

extension StarterSynonymTests {
    /// A small site writes each word once and with the article (البنك, الهزة الأرضية): the groups,
    /// written without it (بنك = مصرف, زلزال = هزة أرضية), still join them, both ways. And a word
    /// the site only writes with the article is not taken for a long name that may lose a letter:
    /// المصرف does not find الصرف الصحي.
    @Test func groupsJoinWordsTheSiteOnlyWritesWithTheArticle() async throws {
        let store = try await SearchRankingTests.site([
            ("أرباح البنك ترتفع", "أعلن البنك عن أرباحه السنوية."),
            ("المصرف يطلق خدمة جديدة", "قال المصرف إن الخدمة متاحة للجميع."),
            ("الزلزال يضرب الساحل", "شعر السكان بالزلزال فجرا."),
            ("الهزة الأرضية تثير الذعر", "خرج الناس إلى الشوارع بعد الهزة الأرضية."),
            ("مشروع الصرف الصحي", "بدأت أعمال الصرف الصحي في الحي."),
        ])
        #expect(Set(try await SearchRankingTests.slugs(store, "البنك")) == ["article-0", "article-1"])
        #expect(Set(try await SearchRankingTests.slugs(store, "المصرف")) == ["article-0", "article-1"], "not الصرف الصحي")
        #expect(Set(try await SearchRankingTests.slugs(store, "الزلزال")) == ["article-2", "article-3"])
        #expect(Set(try await SearchRankingTests.slugs(store, "الهزة الأرضية").prefix(2)) == ["article-2", "article-3"])
        #expect(try await SearchRankingTests.slugs(store, "الصرف") == ["article-4"])
    }

    /// A site that started before the groups added in December 2026 gets them when it opens
    /// (migrations v11 and v12), and a starter group its editors deleted stays deleted.
    @Test func aSiteFromBeforeGetsTheAddedGroupsOnly() async throws {
        let store = try await SearchRankingTests.siteFromBefore(upTo: "v10-fold-name-letters-and-hundred") { db in
            // As that site was: without the added groups, and without one its editors deleted.
            let added = (NewsSynonyms.added2026December + NewsSynonyms.added2026DecemberSecond).flatMap { $0 }
                + NewsSynonyms.extended2026December.flatMap(\.phrases)
            try db.execute(
                sql: "DELETE FROM search_synonym WHERE phrase IN (\(databaseQuestionMarks(count: added.count)))",
                arguments: StatementArguments(added))
            for deleted in ["المونديال", "الأجور"] {
                try db.execute(
                    sql: "DELETE FROM search_synonym WHERE group_id = (SELECT group_id FROM search_synonym WHERE phrase = ?)", arguments: [deleted])
            }
        }
        #expect(try await store.synonymGroups().count == NewsSynonyms.starter.count - 2)
        let groups = try await store.synonymGroups().map { Set($0) }
        #expect(groups.contains(["المريخ", "الكوكب الأحمر"]))
        #expect(groups.contains(["البنوك", "المصارف"]))
        #expect(groups.contains(["الاعتقال", "الاحتجاز", "التوقيف"]), "a phrase added to a group the site has")
        #expect(!groups.contains { $0.contains("المونديال") }, "deleted by its editors")
        #expect(!groups.contains { $0.contains("المرتبات") }, "not added back to a group its editors deleted")
    }

    /// Every phrase added to an earlier group is in that group of the starter list (so a new site
    /// and an upgraded one have the same groups).
    @Test func phrasesAddedToGroupsAreInThoseGroups() {
        for (to, phrases) in NewsSynonyms.extended2026December {
            let group = NewsSynonyms.starter.filter { $0.contains(to) }
            #expect(group.count == 1 && Set(phrases).isSubset(of: group[0]), "\(to): \(phrases)")
        }
    }
}

/// Snippets come from each body's plain text, kept beside the search row.
@Suite struct ArticleTextTests {
    /// A site from before the texts were kept gets them when it opens, and its snippets still
    /// mark the words as written.
    @Test func aSiteFromBeforeGetsItsTextsAndItsSnippets() async throws {
        let html = "<p>قال <b>وزيرُ</b> المالية إن الموازنة جاهزة.</p>"
        let store = try await SearchRankingTests.siteFromBefore(upTo: "v8-starter-synonyms") { db in
            let id = try SearchRankingTests.insertOldArticle(db, slug: "old", title: "خبر قديم", bodyHTML: html)
            _ = try SQLiteContentStore.indexForSearch(db, id: id, title: "خبر قديم", bodyHTML: html, storingText: false)
        }
        let text = try await store.database.pool.read { db in try String.fetchOne(db, sql: "SELECT body FROM article_text") }
        #expect(text == "قال وزيرُ المالية إن الموازنة جاهزة.")
        let found = try await store.search(SearchQuery(text: "وزير"), now: Date())
        #expect(found.hits.first?.snippetHTML.contains("<mark>وزيرُ</mark>") == true, "\(found.hits.first?.snippetHTML ?? "none")")
    }

    /// A site indexed before the analyzer folded گ پ چ ژ ڤ finds its ڤيغا article as فيغا (four
    /// letters: too short for a spelling variant) and its مائتي as مئتي once it upgrades
    /// (migration v10 indexes those articles again).
    @Test func aSiteFromBeforeFindsNamesWrittenWithPersianLetters() async throws {
        let store = try await SearchRankingTests.siteFromBefore(upTo: "v9-article-text") { db in
            let id = try SearchRankingTests.insertOldArticle(
                db, slug: "vega", title: "تتويج ڤيغا", bodyHTML: "<p>توج الإسباني ڤيغا باللقب وجائزة مائتي ألف.</p>")
            // The row as the analyzer wrote it then: ڤ and مائتي kept.
            try SearchRankingTests.insertOldSearchRow(db, id: id, title: "تتويج ڤيغا", body: "توج الاسباني ڤيغا باللقب وجايزه مايتي الف")
        }
        let found = try await store.search(SearchQuery(text: "فيغا"), now: Date())
        #expect(found.hits.map(\.article.slug) == ["vega"])
        let typed = try await store.search(SearchQuery(text: "ڤيغا"), now: Date())
        #expect(typed.hits.map(\.article.slug) == ["vega"])
        let hundreds = try await store.search(SearchQuery(text: "مئتي"), now: Date())
        #expect(hundreds.hits.map(\.article.slug) == ["vega"], "مائتي written مئتي")
    }

    /// A site from before numbers with thousands separators were read as one (v13) finds
    /// ١٬٥٠٠ by 1500 and by 1,500, and marks the whole number in the snippet.
    @Test func aSiteFromBeforeFindsNumbersWrittenWithThousandsSeparators() async throws {
        let store = try await SearchRankingTests.siteFromBefore(upTo: "v12-starter-synonyms-second-batch") { db in
            let id = try SearchRankingTests.insertOldArticle(
                db, slug: "wheat", title: "وصول شحنة القمح", bodyHTML: "<p>وصلت شحنة من ١٬٥٠٠ طن من القمح.</p>")
            // The row as the analyzer wrote it then: the number in two words.
            try SearchRankingTests.insertOldSearchRow(
                db, id: id, title: "وصول شحنه القمح", body: "وصلت شحنه من 1 500 طن من القمح", text: "وصلت شحنة من ١٬٥٠٠ طن من القمح.")
        }
        let found = try await store.search(SearchQuery(text: "1500"), now: Date())
        #expect(found.hits.map(\.article.slug) == ["wheat"])
        #expect(found.hits.first?.snippetHTML.contains("<mark>١٬٥٠٠</mark>") == true, "\(found.hits.first?.snippetHTML ?? "")")
        #expect(try await store.search(SearchQuery(text: "1,500"), now: Date()).hits.map(\.article.slug) == ["wheat"])
    }

    /// A site from before a year against its era letter was read as the year (v14) finds
    /// ٢٠٢٥م by 2025.
    @Test func aSiteFromBeforeFindsYearsWrittenWithTheirEra() async throws {
        let store = try await SearchRankingTests.siteFromBefore(upTo: "v13-numbers-with-thousands-separators") { db in
            let id = try SearchRankingTests.insertOldArticle(db, slug: "plan", title: "خطة التنمية", bodyHTML: "<p>خطة التنمية لعام ٢٠٢٥م.</p>")
            // The row as the analyzer wrote it then: the year and its letter as one word.
            try SearchRankingTests.insertOldSearchRow(db, id: id, title: "خطه التنميه", body: "خطه التنميه لعام 2025م", text: "خطة التنمية لعام ٢٠٢٥م.")
        }
        let found = try await store.search(SearchQuery(text: "2025"), now: Date())
        #expect(found.hits.map(\.article.slug) == ["plan"])
        #expect(found.hits.first?.snippetHTML.contains("<mark>٢٠٢٥</mark>م") == true, "\(found.hits.first?.snippetHTML ?? "")")
    }
}
