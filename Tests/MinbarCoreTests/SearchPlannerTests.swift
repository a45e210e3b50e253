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
        #expect(typed.clauses.count == 3, "each word keeps its own forms")
        #expect(typed.clauses.allSatisfy { clause in clause.alternatives.contains { $0.words == ["داعش"] && $0.level == .synonym } })
        let partly = try #require(SearchPlanner.plan("الدولة الإسلامية", vocabulary: vocabulary, synonyms: [["داعش", "تنظيم الدولة الإسلامية"]]))
        #expect(!partly.clauses.contains { clause in clause.alternatives.contains { $0.words == ["داعش"] } }, "only the whole phrase stands for داعش")
    }

    /// A word's clause is kept for the vocabulary it was worked out from: the same plan from the
    /// cache, and a new one once the site's words change (a new article uses الانتخاب).
    @Test func wordClausesAreKeptUntilTheVocabularyChanges() throws {
        var site = SearchVocabulary(frequencies: ["انتخابات": 4, "الانتخابات": 9])
        let cache = ClauseCache()
        let first = try #require(SearchPlanner.plan("الانتخابات", vocabulary: site, cache: cache))
        #expect(cache.count == 1)
        #expect(SearchPlanner.plan("الانتخابات", vocabulary: site, cache: cache) == first)
        #expect(first == SearchPlanner.plan("الانتخابات", vocabulary: site), "the cache changes nothing")
        site.count(["لانتخابات"])
        site.rebuild()
        let later = try #require(SearchPlanner.plan("الانتخابات", vocabulary: site, cache: cache))
        #expect(later.clauses[0].alternatives.contains { $0.words == ["لانتخابات"] })
        #expect(!first.clauses[0].alternatives.contains { $0.words == ["لانتخابات"] })
    }

    /// Compound names are written joined and apart: typed joined, they also match the two words
    /// in a row (ديميستورا → دي ميستورا, عبدالله → عبد الله); typed apart, the joined word.
    /// A quoted phrase matches as typed, or with a conjunction or preposition on its first word
    /// (للدولة الإسلامية), never with other words or endings.
    @Test func aQuotedPhraseTakesAPrepositionOnItsFirstWord() throws {
        let site = SearchVocabulary(frequencies: ["للدوله": 2, "والدوله": 1, "الدول": 4, "دوله": 3, "الاسلاميه": 5])
        let plan = try #require(SearchPlanner.plan("\"الدولة الإسلامية\"", vocabulary: site))
        #expect(plan.clauses.count == 1 && plan.clauses[0].isPhrase)
        #expect(Set(plan.clauses[0].alternatives.map(\.words)) == [["الدوله", "الاسلاميه"], ["للدوله", "الاسلاميه"], ["والدوله", "الاسلاميه"]])
    }

    @Test func compoundNamesMatchJoinedAndApart() throws {
        let site = SearchVocabulary(frequencies: [
            "دي": 3, "ميستورا": 4, "ديميستورا": 1, "عبد": 5, "الله": 30, "لم": 9, "اذا": 12, "لماذا": 4, "لودريان": 2,
        ])
        let joined = try #require(SearchPlanner.plan("ديميستورا", vocabulary: site))
        #expect(joined.clauses.count == 1)
        #expect(joined.clauses[0].alternatives.contains { $0.words == ["دي", "ميستورا"] })
        let name = try #require(SearchPlanner.plan("عبدالله", vocabulary: site))
        #expect(name.clauses[0].alternatives.contains { $0.words == ["عبد", "الله"] })
        let apart = try #require(SearchPlanner.plan("لو دريان", vocabulary: site))
        #expect(apart.clauses.count == 1 && apart.clauses[0].alternatives.contains { $0.words == ["لودريان"] })
        #expect(SearchPlanner.plan("وزير", vocabulary: site)?.clauses[0].alternatives.count == 1, "nothing to split")
    }

    /// An article or a conjunction attached to the word (الانتخابات, لانتخابات for انتخابات) leaves it
    /// the word the reader typed, ranked just below the typed form; other endings (the singular
    /// انتخاب) stay a step below.
    @Test func attachedArticlesAndConjunctionsLeaveTheWordAsTyped() throws {
        let site = SearchVocabulary(frequencies: ["انتخابات": 4, "الانتخابات": 9, "لانتخابات": 2, "انتخاب": 3, "الانتخاب": 2])
        let plan = try #require(SearchPlanner.plan("انتخابات", vocabulary: site))
        let levels = Dictionary(uniqueKeysWithValues: plan.clauses[0].alternatives.map { ($0.words[0], $0.level) })
        #expect(levels["انتخابات"] == .exact)
        #expect(levels["الانتخابات"] == .attached)
        #expect(levels["لانتخابات"] == .attached)
        #expect(levels["انتخاب"] == .family)
        let minister = try #require(SearchPlanner.plan("وزير", vocabulary: SearchVocabulary(frequencies: ["وزير": 5, "الوزير": 4, "ووزير": 2, "وزراء": 3])))
        #expect(minister.clauses[0].alternatives.contains { $0.words == ["الوزير"] && $0.level == .attached }, "و belongs to وزير")
        let matcher = SearchMatcher(plan)
        func score(_ title: String) -> Double { matcher.score(relevance: 5, titleWords: title.foldedWords, bodyWords: [], age: 0) }
        #expect(score("انتخابات نقابة المهندسين") > score("الانتخابات النيابية"))
        #expect(score("الانتخابات النيابية") > 0.98 * score("انتخابات نقابة المهندسين"))
        #expect(score("الانتخابات النيابية") > score("الانتخاب المباشر"))
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

    @Test func aSnippetFromTheIndexWordsIsTheSnippetOfTheWholeText() throws {
        let plan = try #require(SearchPlanner.plan("وزير الدفاع", vocabulary: vocabulary))
        let matcher = SearchMatcher(plan)
        let filler = Array(repeating: "كلامٌ عامّ عن الأحداث اليومية في المنطقة ـ ﻻ ٢٠٢٧ Ünited، ", count: 40).joined(separator: " ")
        let texts = [
            filler + " قال وزيرُ الدفاع إن الاجتماع مهم. " + filler,
            "قال وزير الدفاع: «نعم» & <لا>",
            filler + " وزير " + filler + " الدفاع وزير الدفاع",
            "لا شيء هنا " + filler,
            "ـــ َ وزير",
        ]
        for text in texts {
            let ids = matcher.encode(ArabicAnalyzer.foldedText(text) + " | تصنيف")
            let fast = SearchPlanner.snippet(text: text, matcher: matcher, ids: ids)
            #expect(fast == SearchPlanner.snippet(plan, text: text), "the same snippet as analysing the whole text")
        }
        let long = SearchPlanner.snippet(text: texts[0], matcher: matcher, ids: matcher.encode(ArabicAnalyzer.foldedText(texts[0])))
        #expect(long.contains("<mark>وزيرُ</mark> <mark>الدفاع</mark>"))
        #expect(long.hasPrefix("… ") && long.hasSuffix(" …"))
    }

    @Test func wordRangesCountWordsAsTokensDo() {
        let text = "ـــ َ قال وزيرُ الدفاع: «نعم» ﻻ ﷲ ٢٠٢٧ Ünited 5G، ؟ 😀 a\u{00A0}b ـَـ c‍d 中文 x_y ١٫٥ 1,500 ١٬٥٠٠، 2,5 ٣٬٢٠ 7,000,000 ab,123 ٤٬٥٠٠ ٢٠٢٥م 1446هـ عام2025م"
        let tokens = ArabicAnalyzer.tokens(in: text)
        for first in 0..<tokens.count {
            #expect(ArabicAnalyzer.wordRanges(in: text, from: first, count: 3) == tokens.dropFirst(first).prefix(3).map(\.range))
        }
        #expect(ArabicAnalyzer.wordRanges(in: text, from: tokens.count, count: 3).isEmpty)
    }
}
