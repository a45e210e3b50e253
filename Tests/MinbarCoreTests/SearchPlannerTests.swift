import Foundation
import MinbarArabic
import Testing

@testable import MinbarCore

@Suite struct SearchPlannerTests {
    let vocabulary = SearchVocabulary(frequencies: [
        "الدوله": 10, "الاسلاميه": 8, "دوله": 3, "تنظيم": 9, "وزير": 12, "الوزير": 4, "الدفاع": 7, "داعش": 5,
    ])

    @Test func quotedPhrasesAndOddCharactersBecomeSafeClauses() throws {
        let plan = try #require(SearchPlanner.plan("\"الدولة الإسلامية\" وزير* (NEAR) OR:", vocabulary: vocabulary))
        #expect(plan.clauses.first?.isPhrase == true)
        #expect(plan.clauses.first?.words == ["الدوله", "الاسلاميه"])
        #expect(plan.clauses.flatMap(\.words).allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber } })
        #expect(SearchPlanner.plan("ً ، ؟ «»", vocabulary: vocabulary) == nil)
    }

    @Test func synonymsJoinWordsAndPhrases() throws {
        let plan = try #require(SearchPlanner.plan("داعش", vocabulary: vocabulary, synonyms: [["داعش", "تنظيم الدولة الإسلامية"]]))
        #expect(plan.clauses[0].alternatives.contains { $0.words == ["تنظيم", "الدوله", "الاسلاميه"] && $0.level == .synonym })
        let typed = try #require(
            SearchPlanner.plan("تنظيم الدولة الإسلامية", vocabulary: vocabulary, synonyms: [["داعش", "تنظيم الدولة الإسلامية"]]))
        #expect(typed.clauses.count == 1)
        #expect(typed.clauses[0].alternatives.contains { $0.words == ["داعش"] })
    }

    @Test func ranksFullExactAdjacentMatchesFirst() throws {
        let plan = try #require(SearchPlanner.plan("وزير الدفاع", vocabulary: vocabulary))
        let matcher = SearchMatcher(plan)
        func score(_ title: String, _ body: String) -> Double {
            matcher.score(relevance: 5, titleWords: ArabicAnalyzer.foldedText(title).foldedWords,
                          bodyWords: ArabicAnalyzer.foldedText(body).foldedWords, age: 0)
        }
        let adjacent = score("وزير الدفاع يزور موسكو", "")
        let apart = score("وزير يزور موسكو", "تحدث عن الدفاع")
        let family = score("الوزير يزور موسكو", "تحدث عن الدفاع")
        let half = score("وزير يزور موسكو", "")
        #expect(adjacent > apart)
        #expect(apart > family)
        #expect(family > half)
        #expect(score("", "") < half)
    }

    @Test func snippetsMarkTheOriginalSpelling() throws {
        let plan = try #require(SearchPlanner.plan("الإرهاب", vocabulary: SearchVocabulary(frequencies: ["الارهاب": 2, "ارهاب": 1])))
        let snippet = SearchPlanner.snippet(plan, text: "قال إن مكافحة الإرهابِ <أولوية> & ضرورة")
        #expect(snippet.contains("<mark>الإرهابِ</mark>"))
        #expect(snippet.contains("&lt;أولوية&gt; &amp; ضرورة"))
    }

    @Test func aLongArticleSnippetIsCutAroundItsFirstMatchLikeTheWholeTextWould() throws {
        let plan = try #require(SearchPlanner.plan("وزير الدفاع", vocabulary: vocabulary))
        let filler = Array(repeating: "كلام عام عن الأحداث اليومية في المنطقة.", count: 400).joined(separator: " ")
        let text = filler + " قال وزير الدفاع إن الاجتماع مهم. " + filler
        let matcher = SearchMatcher(plan)
        let ids = matcher.encode(ArabicAnalyzer.foldedText(text))
        let first = matcher.firstMatch(in: ids)
        #expect(first > 0)
        let windowed = SearchPlanner.snippet(plan, text: text, nearWord: first, of: ids.count)
        #expect(windowed.contains("<mark>وزير</mark> <mark>الدفاع</mark>"))
        #expect(windowed.hasPrefix("… ") && windowed.hasSuffix(" …"))
        #expect(windowed == SearchPlanner.snippet(plan, text: text), "the same snippet as analysing the whole text")
        // A wrong estimate still finds the match.
        #expect(SearchPlanner.snippet(plan, text: text, nearWord: 0, of: ids.count).contains("<mark>وزير</mark>"))
    }
}
