import MinbarArabic
import Synchronization

/// Query words' clauses (their forms, counterparts, variants and synonyms), kept for the
/// vocabulary and synonym table they were worked out from: readers' queries share words, and
/// working a word's forms out again was most of planning a query. Emptied when either changes
/// (every write rebuilds the vocabulary) and when it holds `limit` words.
public final class ClauseCache: Sendable {
    struct Contents {
        var vocabulary = -1
        var synonyms = -1
        var clauses: [String: SearchPlan.Clause] = [:]
    }

    private let contents = Mutex(Contents())
    let limit: Int

    public init(limit: Int = 50_000) {
        self.limit = limit
    }

    /// The clause of a typed word under this vocabulary and these synonyms, made by `make` the
    /// first time.
    func clause(
        for word: String, vocabulary: SearchVocabulary, synonyms: SynonymTable, make: () -> SearchPlan.Clause
    ) -> SearchPlan.Clause {
        let known = contents.withLock { contents -> SearchPlan.Clause? in
            guard contents.vocabulary == vocabulary.generation, contents.synonyms == synonyms.generation else { return nil }
            return contents.clauses[word]
        }
        if let known { return known }
        let made = make()
        contents.withLock { contents in
            if contents.vocabulary != vocabulary.generation || contents.synonyms != synonyms.generation {
                // Only forward: a search still planning with an older vocabulary leaves the cache alone.
                guard vocabulary.generation >= contents.vocabulary, synonyms.generation >= contents.synonyms else { return }
                contents = Contents(vocabulary: vocabulary.generation, synonyms: synonyms.generation)
            }
            if contents.clauses.count >= limit { contents.clauses.removeAll(keepingCapacity: true) }
            contents.clauses[word] = made
        }
        return made
    }

    /// How many words' clauses are kept (for tests).
    var count: Int { contents.withLock { $0.clauses.count } }
}
