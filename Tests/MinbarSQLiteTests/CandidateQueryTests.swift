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
        let candidates = SQLiteContentStore.candidateQuery(Self.plan(["شويغو", "موسكو"]), vocabulary: Self.vocabulary, limit: 200)
        #expect(candidates.match == "(\"شويغو\") OR (\"موسكو\")")
        #expect(candidates.sql.contains("ORDER BY rank LIMIT 400"))
        #expect(candidates.ranksByBM25)
    }

    @Test func rareClausesAloneFindTheCandidatesOfAMixedQuery() {
        let candidates = SQLiteContentStore.candidateQuery(Self.plan(["الحكومه", "شويغو"]), vocabulary: Self.vocabulary, limit: 200)
        #expect(candidates.match == "(\"شويغو\")")
        #expect(candidates.sql.contains("ORDER BY rank"))
        #expect(candidates.clauseFrequencies == [60_000, 12], "the ranking still weighs the common clause")
    }

    @Test func aQueryOfCommonWordsTakesTheNewestArticlesOfItsLeastCommonWord() {
        let candidates = SQLiteContentStore.candidateQuery(Self.plan(["الحكومه", "الجديده", "مجهوله"]), vocabulary: Self.vocabulary, limit: 200)
        #expect(candidates.match == "(\"الجديده\")", "a word the site never uses is not the least common one")
        #expect(candidates.sql.contains("ORDER BY rowid DESC LIMIT 200"))
        #expect(!candidates.sql.contains("bm25"), "FTS5's bm25() would walk every article of the common words")
        #expect(!candidates.ranksByBM25 && candidates.documents == 99_000)
    }

    @Test func bm25FromTheCountsPrefersTheRarerWordAndTheTitle() {
        let plan = Self.plan(["الحكومه", "شويغو"])
        let matcher = SearchMatcher(plan)
        func relevance(_ title: String, _ body: String) -> Double {
            matcher.relevance(
                title: matcher.encode(title), body: matcher.encode(body), documents: 99_000, clauseFrequencies: [60_000, 12],
                averageLength: 20)
        }
        let rare = relevance("خبر", "قال شويغو كلاما كثيرا")
        let common = relevance("خبر", "قالت الحكومه كلاما كثيرا")
        #expect(rare > common)
        #expect(relevance("شويغو", "قال كلاما كثيرا") > rare, "a word in the title counts more")
        #expect(relevance("شويغو", "قالت الحكومه كلاما") > relevance("شويغو", "قال كلاما كثيرا"))
        #expect(relevance("خبر", "كلام") == 0)
    }
}
