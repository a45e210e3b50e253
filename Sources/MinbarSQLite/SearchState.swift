import GRDB
import MinbarArabic
import MinbarCore
import Synchronization

/// The search vocabulary and synonyms kept in memory, shared by every copy of the store.
final class SearchState: Sendable {
    struct Contents {
        var vocabulary = SearchVocabulary()
        var loaded = false
        /// Counts changed since the stems were last computed.
        var stale = false
        var synonyms: SynonymTable?
        /// Counted up by every change of the word counts.
        var version = 0
        /// When the synonyms were read: another process (`minbar synonyms`) may change them.
        var synonymsRead = ContinuousClock.Instant.now
    }

    let contents = Mutex(Contents())

    /// Query words' clauses for the current vocabulary and synonyms.
    let clauses = ClauseCache()

    /// One reader or rebuilder of the vocabulary at a time: concurrent searches after a start or
    /// a write wait for one load instead of each reading or rebuilding it (the background
    /// preparation at start and the first reader's search did it twice).
    private let loading = Mutex(())

    /// The vocabulary with up-to-date stems, read from the database the first time.
    func vocabulary(in pool: DatabasePool) throws -> SearchVocabulary {
        if let ready = contents.withLock({ $0.loaded && !$0.stale ? $0.vocabulary : nil }) { return ready }
        return try loading.withLock { _ in
            if let ready = contents.withLock({ $0.loaded && !$0.stale ? $0.vocabulary : nil }) { return ready }
            let (needsLoad, current, version) = contents.withLock { (!$0.loaded, $0.vocabulary, $0.version) }
            var vocabulary = current
            if needsLoad {
                let rows = try pool.read { db in try Row.fetchAll(db, sql: "SELECT term, articles FROM search_term") }
                vocabulary = SearchVocabulary(frequencies: Dictionary(uniqueKeysWithValues: rows.map { ($0["term"], $0["articles"]) }))
            } else {
                vocabulary.rebuild()
            }
            let result = vocabulary
            contents.withLock {
                // Counts applied while this was rebuilt stay (the next search rebuilds again).
                guard needsLoad || $0.version == version else { return }
                $0.vocabulary = result
                $0.loaded = true
                $0.stale = false
            }
            return result
        }
    }

    /// Applies the word counts of an article that was indexed (after its transaction committed).
    func apply(removed: Set<String>, added: Set<String>) {
        contents.withLock { contents in
            guard contents.loaded else { return }
            contents.vocabulary.count(removed, by: -1)
            contents.vocabulary.count(added, by: 1)
            contents.version += 1
            contents.stale = true
        }
    }

    func forgetVocabulary() {
        contents.withLock { $0 = Contents(vocabulary: SearchVocabulary(), loaded: false, stale: false, synonyms: $0.synonyms) }
    }

    /// How long synonyms read from the database are used before being read again.
    static let synonymsLifetime: Duration = .seconds(60)

    func synonyms(in pool: DatabasePool) throws -> SynonymTable {
        if let known = contents.withLock({ $0.synonyms != nil && $0.synonymsRead.duration(to: .now) < Self.synonymsLifetime ? $0.synonyms : nil }) {
            return known
        }
        let rows = try pool.read { db in try Row.fetchAll(db, sql: "SELECT group_id, phrase FROM search_synonym ORDER BY group_id, phrase") }
        var groups: [Int64: [String]] = [:]
        for row in rows { groups[row["group_id"], default: []].append(row["phrase"]) }
        let read = groups.keys.sorted().map { groups[$0]! }
        return contents.withLock {
            // The same groups keep the same table (and the clauses worked out from it).
            let result = $0.synonyms.flatMap { $0.groups == read ? $0 : nil } ?? SynonymTable(read)
            $0.synonyms = result
            $0.synonymsRead = .now
            return result
        }
    }

    func forgetSynonyms() { contents.withLock { $0.synonyms = nil } }
}
