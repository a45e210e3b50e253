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

    @Test func aSelectiveQueryScoresEveryMatch() {
        let (match, sql) = SQLiteContentStore.candidateQuery(Self.plan(["شويغو", "موسكو"]), vocabulary: Self.vocabulary, limit: 200)
        #expect(match == "(\"شويغو\") OR (\"موسكو\")")
        #expect(sql.contains("ORDER BY rank LIMIT 400"))
    }

    @Test func rareClausesAloneFindTheCandidatesOfAMixedQuery() {
        let (match, sql) = SQLiteContentStore.candidateQuery(Self.plan(["الحكومه", "شويغو"]), vocabulary: Self.vocabulary, limit: 200)
        #expect(match == "(\"شويغو\")")
        #expect(sql.contains("ORDER BY rank"))
    }

    @Test func aQueryOfCommonWordsTakesTheNewestArticlesOfItsLeastCommonWord() {
        let (match, sql) = SQLiteContentStore.candidateQuery(Self.plan(["الحكومه", "الجديده", "مجهوله"]), vocabulary: Self.vocabulary, limit: 200)
        #expect(match == "(\"الجديده\")", "a word the site never uses is not the least common one")
        #expect(sql.contains("ORDER BY rowid DESC LIMIT 400"))
        #expect(sql.contains("bm25(article_search"))
    }
}
