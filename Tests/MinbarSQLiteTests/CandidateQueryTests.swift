import Foundation
import GRDB
import MinbarArabic
@testable import MinbarCore
import Testing

@testable import MinbarSQLite

/// How a search finds its candidates on a big site: by how many articles each clause can match.
@Suite struct CandidateQueryTests {
    static let vocabulary = SearchVocabulary(frequencies: ["الحكومه": 60_000, "الجديده": 40_000, "شويغو": 12, "موسكو": 800, "في": 99_000])

    static func plan(_ words: [String]) -> SearchPlan {
        SearchPlan(clauses: words.map { SearchPlan.Clause(words: [$0], alternatives: [.init(words: [$0], level: .exact)], isPhrase: false) })
    }

    @Test func aSelectiveQueryLetsFTS5RankItsMatches() {
        let candidates = SQLiteContentStore.candidateQuery(Self.plan(["شويغو", "موسكو"]), vocabulary: Self.vocabulary, limit: 200)
        #expect(candidates.match == "(\"شويغو\") OR (\"موسكو\")")
        #expect(candidates.kind == .ranked)
        #expect(candidates.sql.contains("ORDER BY rank LIMIT 400"))
    }

    @Test func aFewMatchesAreAllReadAndRankedHere() {
        let candidates = SQLiteContentStore.candidateQuery(Self.plan(["شويغو", "مجهوله"]), vocabulary: Self.vocabulary, limit: 200)
        #expect(candidates.kind == .all, "12 matches at most: reading them costs less than FTS5's ranked path")
        #expect(candidates.weighedClauses == [0, 1])
    }

    @Test func rareClausesAloneFindTheCandidatesOfAMixedQuery() {
        let candidates = SQLiteContentStore.candidateQuery(Self.plan(["الحكومه", "شويغو"]), vocabulary: Self.vocabulary, limit: 200)
        #expect(candidates.match == "(\"شويغو\")")
        #expect(candidates.kind == .all)
        #expect(candidates.weighedClauses == [1], "BM25 weighs what FTS5 matched; the re-ranking weighs the rest")
    }

    @Test func aQueryOfCommonWordsTakesTheNewestArticlesOfItsLeastCommonWord() {
        let candidates = SQLiteContentStore.candidateQuery(Self.plan(["الحكومه", "الجديده", "مجهوله"]), vocabulary: Self.vocabulary, limit: 200)
        #expect(candidates.match == "(\"الجديده\")", "a word the site never uses is not the least common one")
        #expect(candidates.kind == .newest)
        #expect(candidates.sql.contains("ORDER BY rowid DESC LIMIT 200"))
        #expect(!candidates.sql.contains("bm25"), "FTS5's bm25() would walk every article of the common words")
        #expect(candidates.weighedClauses == [0, 1, 2])
    }

    /// The ranking computes BM25 itself, with FTS5's parameters and averages: for clauses of one
    /// spelling it is FTS5's bm25() (clauses of several count as one term each, which FTS5 cannot
    /// say; see SearchRankingTests).
    @Test func bm25ComputedHereIsFTS5sBM25() async throws {
        let (store, _) = try temporaryStore()
        let newsroom = try await Newsroom.make(in: store)
        let bodies = [
            "قال وزير الدفاع الروسي سيرغي شويغو إن موسكو سترد. وأضاف شويغو أن الرد قريب.",
            "أعلنت الحكومة الجديدة في موسكو خطة للمياه والنفط.",
            "وزير الدفاع يزور الخليج، ووزير الخارجية يلتقي نظيره في موسكو.",
            "النفط والمياه في الخليج: تقرير طويل عن وزير الطاقة والحكومة والسدود والأنهار والزراعة.",
            "خبر قصير.",
        ]
        for (number, body) in bodies.enumerated() {
            _ = try await store.saveArticle(
                ArticleInput(
                    title: number == 2 ? "وزير الدفاع في موسكو" : "خبر رقم \(number)", slug: "bm25-\(number)",
                    body: ArticleBody(html: "<p>\(body)</p>"), status: .published,
                    publishedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(number)),
                    primaryCategoryID: newsroom.gulf.id, tagIDs: number == 3 ? [newsroom.oil.id, newsroom.water.id] : [],
                    authorIDs: [newsroom.salma.id]))
        }
        let vocabulary = try store.searchState.vocabulary(in: store.database.pool)
        for text in ["شويغو", "وزير الدفاع", "موسكو النفط", "\"وزير الدفاع\" موسكو", "المياه الخليج"] {
            var typed = try #require(SearchPlanner.plan(text, vocabulary: vocabulary))
            for index in typed.clauses.indices { typed.clauses[index].alternatives = [typed.clauses[index].alternatives[0]] }
            let plan = typed
            var every = SQLiteContentStore.candidateQuery(plan, vocabulary: vocabulary, limit: 200)
            every.weighedClauses = Array(plan.clauses.indices)
            let candidates = every
            let expression = SQLiteContentStore.ftsExpression(plan)
            let matcher = SearchMatcher(plan)
            try await store.database.pool.read { db in
                let inputs = try SQLiteContentStore.bm25Inputs(db, plan: plan, candidates: candidates, vocabulary: vocabulary)
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.title, s.body || ' | ' || s.labels AS body, bm25(article_search, 2.0, 1.0, 1.5) AS rank
                        FROM article_search s WHERE article_search MATCH ?
                        """,
                    arguments: [expression])
                #expect(!rows.isEmpty, "\(text) finds something")
                for row in rows {
                    let ours = matcher.bm25(title: matcher.encode(row["title"]), body: matcher.encode(row["body"]), inputs: inputs)
                    let theirs: Double = -(row["rank"] as Double)
                    #expect(ours > 0)
                    #expect(abs(ours - theirs) < 1e-9 * max(1, abs(theirs)), "\(text): \(ours) here, \(theirs) in FTS5")
                }
            }
        }
    }

    /// Another process (an import) may add articles the server's word counts do not know yet:
    /// a query the counts call rare then matches more than expected, and each match must still
    /// be listed once.
    @Test func wordCountsBehindTheIndexListEachMatchOnce() async throws {
        let (server, directory) = try temporaryStore()
        let newsroom = try await Newsroom.make(in: server)
        _ = try await server.search(SearchQuery(text: "السدود"), now: Date())  // counts loaded
        let importer = SQLiteContentStore(database: try AppDatabase(path: directory + "/minbar.sqlite"))
        let inputs = (1...45).map { number in
            ArticleInput(
                title: "الكنغر رقم \(number)", slug: "kangaroo-\(number)", body: ArticleBody(html: "<p>خبر عن الكنغر \(number).</p>"),
                status: .published, publishedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(number)),
                primaryCategoryID: newsroom.gulf.id)
        }
        #expect(try await importer.saveArticles(inputs) == 45)
        let found = try await server.search(SearchQuery(text: "الكنغر", perPage: 100), now: Date())
        #expect(found.total == 45)
        #expect(Set(found.hits.map(\.article.id)).count == found.hits.count, "no article twice")
        #expect(found.hits.count == 45)
    }
}
