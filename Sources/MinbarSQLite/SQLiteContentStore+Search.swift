import Foundation
import GRDB
import MinbarArabic
import MinbarCore

extension SQLiteContentStore: SearchIndex {
    /// Most candidates FTS5 hands to the ranking.
    static let candidateLimit = 200
    /// The best candidates by BM25 that are re-ranked (coverage, title, proximity, recency); the
    /// rest follow in BM25 order. Pages past the first few are rarely read, and each re-ranked
    /// candidate's text is read and scanned (on the DEV kit, 15 ranks as well as 100 did).
    static let rerankLimit = 30
    /// Above this many matching articles a clause is "common" (في، الحكومة on a big site):
    /// scoring every match would cost more than the answer is worth.
    static let selectiveMatchLimit = 1_500

    // MARK: Indexing

    /// Writes an article's analysed text to the index and updates the word counts; returns the
    /// words it stopped and started using.
    static func indexForSearch(
        _ db: Database, id: Int64, title: String, bodyHTML: String, storingText: Bool = true
    ) throws -> (Set<String>, Set<String>) {
        var removed = Set<String>()
        if let old = try db.fetchRow(sql: "SELECT title, body, labels FROM article_search WHERE rowid = ?", arguments: [id]) {
            let oldText = [old["title"], old["body"], old["labels"]].compactMap { $0 as String? }.joined(separator: " ")
            removed = Set(oldText.foldedWords)
            try db.execute(sql: "DELETE FROM article_search WHERE rowid = ?", arguments: [id])
        }
        let text = HTMLText.plainText(fromHTML: bodyHTML)
        let added = try insertSearchRow(
            db, id: id, foldedTitle: ArabicAnalyzer.foldedText(title), foldedBody: ArabicAnalyzer.foldedText(text),
            text: storingText ? text : nil)
        // Word counts in a few statements per article, not one per word.
        let gone = Array(removed.subtracting(added))
        for chunk in stride(from: 0, to: gone.count, by: 500).map({ Array(gone[$0..<min($0 + 500, gone.count)]) }) {
            try db.execute(
                sql: "UPDATE search_term SET articles = articles - 1 WHERE term IN (\(databaseQuestionMarks(count: chunk.count)))",
                arguments: StatementArguments(chunk))
        }
        if !gone.isEmpty { try db.execute(sql: "DELETE FROM search_term WHERE articles <= 0") }
        let new = Array(added.subtracting(removed))
        for chunk in stride(from: 0, to: new.count, by: 500).map({ Array(new[$0..<min($0 + 500, new.count)]) }) {
            try db.execute(
                sql: "INSERT INTO search_term (term, articles) VALUES "
                    + Array(repeating: "(?, 1)", count: chunk.count).joined(separator: ", ")
                    + " ON CONFLICT (term) DO UPDATE SET articles = articles + 1",
                arguments: StatementArguments(chunk))
        }
        return (removed.subtracting(added), added.subtracting(removed))
    }

    /// Writes an article's search row from its folded title and body (labels read here), and the
    /// body's plain text that snippets are cut from (`article_text`: turning each hit's HTML into
    /// text was an eighth of a search); returns the words it uses. The word counts are the
    /// caller's to update.
    static func insertSearchRow(_ db: Database, id: Int64, foldedTitle: String, foldedBody: String, text: String?) throws -> Set<String> {
        let labels = try String.fetchAll(
            db.cachedStatement(sql: """
                SELECT t.name FROM article_tag l JOIN tag t ON t.id = l.tag_id WHERE l.article_id = ?
                UNION ALL SELECT c.name FROM article_category l JOIN category c ON c.id = l.category_id WHERE l.article_id = ?
                UNION ALL SELECT p.name FROM article_author l JOIN author p ON p.id = l.author_id WHERE l.article_id = ?
                """),
            arguments: [id, id, id])
        let foldedLabels = labels.map(ArabicAnalyzer.foldedText).joined(separator: " | ")
        try db.run(
            sql: "INSERT INTO article_search (rowid, title, body, labels) VALUES (?, ?, ?, ?)",
            arguments: [id, foldedTitle, foldedBody, foldedLabels])
        if let text {
            try db.run(sql: "INSERT OR REPLACE INTO article_text (article_id, body) VALUES (?, ?)", arguments: [id, text])
        }
        return Set((foldedTitle + " " + foldedBody + " " + foldedLabels).foldedWords.filter { $0 != "|" })
    }

    public func rebuildSearchIndex(progress: @Sendable (Int, Int) -> Void) async throws -> Int {
        let ids = try await pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM article ORDER BY id") }
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM article_search")
            try db.execute(sql: "DELETE FROM search_term")
        }
        searchState.forgetVocabulary()
        var done = 0
        for batch in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            try await pool.write { db in
                for row in try db.fetchRows(
                    sql: "SELECT id, title, body_html FROM article WHERE id IN (\(databaseQuestionMarks(count: batch.count)))",
                    arguments: StatementArguments(batch))
                {
                    _ = try Self.indexForSearch(db, id: row["id"], title: row["title"], bodyHTML: row["body_html"])
                }
            }
            done += batch.count
            progress(done, ids.count)
        }
        searchState.forgetVocabulary()
        return ids.count
    }

    // MARK: Searching

    /// Reads the search vocabulary and synonyms now (about a second on a 100,000-article site),
    /// so the first reader to search after a start does not wait for it.
    public func prepareSearch() async throws {
        _ = try searchState.vocabulary(in: pool)
        _ = try searchState.synonyms(in: pool)
    }

    public func search(_ query: SearchQuery, now: Date) async throws -> SearchResults {
        let vocabulary = try searchState.vocabulary(in: pool)
        let synonyms = try searchState.synonyms(in: pool)
        let planned =
            query.isRelatedLookup
            ? SearchPlanner.relatedPlan(query.text, vocabulary: vocabulary)
            : SearchPlanner.plan(query.text, vocabulary: vocabulary, synonyms: synonyms, cache: searchState.clauses)
        guard let plan = planned else { return SearchResults() }
        let limit = min(query.candidateLimit ?? Self.candidateLimit, Self.candidateLimit)
        let candidates = Self.candidateQuery(plan, vocabulary: vocabulary, limit: limit)
        let match = candidates.match
        // Every candidate is joined with its article and filtered; with a generous FTS5 limit
        // for the rows the filters drop.
        let publication = Self.unixSeconds("a.published_at")
        var sql: String
        switch candidates.kind {
        case .all:
            // Few matches: all of them with their folded text, in one statement.
            sql = """
                SELECT s.rowid, 0.0, \(publication), s.title, s.body, s.labels
                FROM article_search s
                JOIN article a INDEXED BY article_search_filter ON a.id = s.rowid
                WHERE s.article_search MATCH ? AND a.status = ? AND a.published_at <= ?
                """
        case .ranked, .newest:
            // FTS5 finds (and for `.ranked` ranks) the candidates alone, then they are filtered.
            sql = """
                SELECT a.id, f.rank AS rank, \(publication)
                FROM (\(candidates.sql)) f
                JOIN article a INDEXED BY article_search_filter ON a.id = f.rowid
                WHERE a.status = ? AND a.published_at <= ?
                """
        }
        var arguments: StatementArguments = [match, ArticleStatus.published.rawValue, now]
        if let categoryIDs = query.categoryIDs {
            sql += " AND a.id IN (SELECT article_id FROM article_category WHERE category_id IN (\(databaseQuestionMarks(count: max(categoryIDs.count, 1)))))"
            arguments += StatementArguments(categoryIDs.isEmpty ? [-1] : categoryIDs)
        }
        if !query.excludingIDs.isEmpty {
            sql += " AND a.id NOT IN (\(databaseQuestionMarks(count: query.excludingIDs.count)))"
            arguments += StatementArguments(query.excludingIDs)
        }
        // `.all` expects few rows from the word counts; the limit bounds it should they lag
        // behind the index (another process importing).
        sql += candidates.kind == .all ? " LIMIT \(limit * 2)" : " ORDER BY f.rank LIMIT \(limit)"
        // One read: candidates, ranking and the page's articles.
        let candidateSQL = sql
        let candidateArguments = arguments
        let matcher = SearchMatcher(plan)
        let (total, hasMore, hits) = try await pool.snapshotRead { db -> (Int, Bool, [SearchHit]) in
            // (id, publication time) best first (the statement orders them by rank), and the folded
            // text of those re-ranked; read by column number from cursors, as there are hundreds.
            var candidateRows: [(id: Int64, published: Double)] = []
            // Folded texts as word ids, read from SQLite's bytes (no String made for them).
            var foldedTexts: [Int64: (title: [Int32], body: [Int32])] = [:]
            func encode(_ row: Row, title: Int) throws -> (title: [Int32], body: [Int32]) {
                let ids = try (title...(title + 2)).map { index in
                    try row.withUnsafeData(atIndex: index) { data in data.map { $0.withUnsafeBytes { matcher.encode(bytes: $0) } } ?? [] }
                }
                // The body, then its labels after the separator (as the index's BM25 counts them).
                return (ids[0], ids[1] + [SearchMatcher.separator] + ids[2])
            }
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: candidateSQL), arguments: candidateArguments)
            while let row = try cursor.next() {
                candidateRows.append((row[0], row[2]))
                if candidates.kind == .all { foldedTexts[row[0]] = try encode(row, title: 3) }
            }
            if candidates.kind != .all, !candidateRows.isEmpty {
                // The folded text of the best candidates that passed the filters, and only theirs.
                let best = candidateRows.prefix(Self.rerankLimit).map(\.id)
                let texts = try Row.fetchCursor(
                    db.cachedStatement(
                        sql: "SELECT rowid, title, body, labels FROM article_search WHERE rowid IN (\(databaseQuestionMarks(count: best.count)))"),
                    arguments: StatementArguments(best))
                while let row = try texts.next() { foldedTexts[row[0]] = try encode(row, title: 1) }
            }
            // The re-ranked candidates' words as ids (each body is read once; the same ids make
            // the snippet).
            var texts: [(id: Int64, published: Double, title: [Int32], body: [Int32])] = []
            for row in candidateRows.prefix(candidates.kind == .all ? candidateRows.count : Self.rerankLimit) {
                guard let folded = foldedTexts[row.id] else { continue }
                texts.append((row.id, row.published, folded.title, folded.body))
            }
            var scored: [(id: Int64, score: Double)] = []
            var bodies: [Int64: [Int32]] = [:]
            if !texts.isEmpty {
                // BM25 over clauses (FTS5's rank only chose the candidates).
                let weights = try Self.bm25Inputs(db, plan: plan, candidates: candidates, vocabulary: vocabulary)
                for text in texts {
                    // A quoted phrase must be there as typed.
                    guard matcher.phrasesPresent(title: text.title, body: text.body) else { continue }
                    let relevance = matcher.bm25(title: text.title, body: text.body, inputs: weights)
                    let score = matcher.score(relevance: relevance, title: text.title, body: text.body, age: now.timeIntervalSince1970 - text.published)
                    scored.append((text.id, score))
                    if query.withSnippets { bodies[text.id] = text.body }
                }
            }
            scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.id > $1.id) }
            // Quoted phrases are checked in the text, so only re-ranked candidates can hold them.
            if candidates.kind != .all, !plan.clauses.contains(where: \.isPhrase) {
                scored += candidateRows.dropFirst(Self.rerankLimit).map { ($0.id, 0) }
            }
            let start = (max(query.page, 1) - 1) * query.perPage
            let pageIDs = start < scored.count ? Array(scored[start..<min(scored.count, start + query.perPage)]) : []
            // The statement's limit reached: more articles match than are listed.
            // (Common words only: thousands match by construction.)
            let hasMore = candidates.kind == .newest || (candidates.kind == .ranked && candidateRows.count >= limit)
            guard !pageIDs.isEmpty else { return (scored.count, hasMore, []) }
            // Hits carry what results show (no tags, no body source: reading a page of hits'
            // tags was a tenth of a search).
            let articles = try Self.fetchArticles(
                db, sql: "SELECT \(Self.summaryColumns) FROM article a WHERE a.id IN (\(databaseQuestionMarks(count: pageIDs.count)))",
                arguments: StatementArguments(pageIDs.map(\.id)), withTags: false)
            // The plain text of the hits' bodies, for snippets.
            var plainTexts: [Int64: String] = [:]
            if query.withSnippets {
                let cursor = try Row.fetchCursor(
                    db.cachedStatement(
                        sql: "SELECT article_id, body FROM article_text WHERE article_id IN (\(databaseQuestionMarks(count: pageIDs.count)))"),
                    arguments: StatementArguments(pageIDs.map(\.id)))
                while let row = try cursor.next() { plainTexts[row[0]] = row[1] }
                let missing = pageIDs.map(\.id).filter { plainTexts[$0] == nil }
                if !missing.isEmpty {
                    for row in try db.fetchRows(
                        sql: "SELECT id, body_html FROM article WHERE id IN (\(databaseQuestionMarks(count: missing.count)))",
                        arguments: StatementArguments(missing))
                    {
                        plainTexts[row[0]] = HTMLText.plainText(fromHTML: row[1])
                    }
                }
            }
            let byID = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0) })
            let hits = pageIDs.compactMap { id, score -> SearchHit? in
                guard let article = byID[id] else { return nil }
                var snippet = ""
                if query.withSnippets {
                    let text = plainTexts[id] ?? ""
                    if let body = bodies[id] {
                        snippet = SearchPlanner.snippet(text: text, matcher: matcher, ids: body)
                    } else {
                        snippet = SearchPlanner.snippet(plan, text: text)
                    }
                }
                return SearchHit(article: article, score: score, snippetHTML: snippet)
            }
            return (scored.count, hasMore, hits)
        }
        var suggestion: String?
        if total < 3 {
            let words = plan.clauses.flatMap(\.words)
            let corrected = words.map { vocabulary.frequency($0) > 0 ? $0 : (vocabulary.suggestion(for: $0) ?? $0) }
            if corrected != words { suggestion = corrected.joined(separator: " ") }
        }
        return SearchResults(hits: hits, total: total, hasMore: hasMore, suggestion: suggestion)
    }

    /// How a plan's candidates are found and ranked.
    struct Candidates {
        enum Kind {
            /// Few matches (at most `rerankLimit`): all of them are read with their text and
            /// ranked here by `SearchMatcher.bm25` (FTS5's formula over clauses).
            case all
            /// FTS5 ranks the matches by BM25 (`sql`), the best are re-ranked here.
            case ranked
            /// The newest matches of the least common clause (`sql`), ranked here by BM25 over
            /// every clause.
            case newest
        }
        var kind: Kind
        /// The FTS5 MATCH expression.
        var match: String
        /// For `.ranked` and `.newest`: the subquery giving (rowid, rank) best first.
        var sql: String
        /// The clauses BM25 weighs: those in `match`, or every clause for `.newest`.
        var weighedClauses: [Int]
    }

    /// The candidates of a plan.
    ///
    /// Scoring every match is what a search costs, so the expression depends on how many
    /// articles each clause can match (the site's word counts, in memory):
    /// - all clauses together match few articles: every clause; with at most `rerankLimit`
    ///   matches all are read at once and ranked here (FTS5's ranked path costs more than
    ///   reading them), else best BM25 first;
    /// - some clauses are rare: only those find candidates (an article with none of the rare
    ///   words is a poor answer), the same way; the ranking then weighs every clause;
    /// - every clause is common: the newest articles with the least common clause are the
    ///   candidates (FTS5 walks them newest first and stops), and the ranking scores them with
    ///   BM25 from the counts in memory — FTS5's bm25() would walk every article of each common
    ///   word to count them; on a news site, the newest articles about a very common subject are
    ///   the ones readers look for.
    static func candidateQuery(_ plan: SearchPlan, vocabulary: SearchVocabulary, limit: Int) -> Candidates {
        let frequencies = plan.clauses.map { clause in
            clause.alternatives.reduce(0) { sum, alternative in
                sum + (alternative.words.map { vocabulary.frequency($0) }.min() ?? 0)
            }
        }
        let found = { (clauses: [Int]) in
            let expression = clauses.map { clauseExpression(plan.clauses[$0]) }.joined(separator: " OR ")
            if clauses.reduce(0, { $0 + frequencies[$1] }) <= rerankLimit {
                return Candidates(kind: .all, match: expression, sql: "", weighedClauses: clauses)
            }
            return Candidates(
                kind: .ranked, match: expression,
                sql: "SELECT rowid, rank FROM article_search WHERE article_search MATCH ? AND rank MATCH 'bm25(2.0, 1.0, 1.5)' ORDER BY rank LIMIT \(limit * 2)",
                weighedClauses: clauses)
        }
        if frequencies.reduce(0, +) <= selectiveMatchLimit {
            return found(Array(plan.clauses.indices))
        }
        // Words the site never uses match nothing: they neither narrow nor require.
        let rare = plan.clauses.indices.filter { frequencies[$0] > 0 && frequencies[$0] <= selectiveMatchLimit }
        if !rare.isEmpty {
            return found(rare)
        }
        // Every clause is common: the least common one finds the newest candidates (FTS5 stops
        // after them; requiring all clauses would walk every common list to intersect them), and
        // the ranking weighs the others. Newest first is the order past the re-ranked ones.
        let used = plan.clauses.indices.filter { frequencies[$0] > 0 }
        let narrowest = used.min { frequencies[$0] < frequencies[$1] }.map { clauseExpression(plan.clauses[$0]) } ?? ftsExpression(plan)
        return Candidates(
            kind: .newest, match: narrowest,
            sql: "SELECT rowid, -rowid AS rank FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT \(limit)",
            weighedClauses: Array(plan.clauses.indices))
    }

    /// What BM25 needs beyond a candidate's text, as FTS5's bm25() takes it: the index's row
    /// count and average row length (its averages record), and for each alternative of a
    /// weighed clause the number of articles holding it (single words from the counts in memory;
    /// a phrase counted by FTS5 only when that can change its clause's IDF, which is its most
    /// used alternative's: a phrase is never more used than its rarest word, so when a single
    /// word of the clause is used at least that much, that bound stands in for the count —
    /// synonym phrases written several ways would otherwise cost a query each).
    static func bm25Inputs(
        _ db: Database, plan: SearchPlan, candidates: Candidates, vocabulary: SearchVocabulary
    ) throws -> SearchMatcher.BM25Inputs {
        let (rows, tokens) = try indexTotals(db)
        var documentCounts: [[Int?]] = plan.clauses.map { Array(repeating: nil, count: $0.alternatives.count) }
        for clause in candidates.weighedClauses {
            let alternatives = plan.clauses[clause].alternatives
            let mostUsedWord = alternatives.filter { $0.words.count == 1 }.map { vocabulary.frequency($0.words[0]) }.max() ?? 0
            for (index, alternative) in alternatives.enumerated() {
                let rarest = alternative.words.map { vocabulary.frequency($0) }.min() ?? 0
                if alternative.words.count > 1, rarest <= selectiveMatchLimit, rarest > mostUsedWord {
                    documentCounts[clause][index] = try Int.fetchOne(
                        db.cachedStatement(sql: "SELECT count(*) FROM article_search WHERE article_search MATCH ?"),
                        arguments: ["\"" + alternative.words.joined(separator: " ") + "\""]) ?? 0
                } else {
                    documentCounts[clause][index] = rarest
                }
            }
        }
        return SearchMatcher.BM25Inputs(
            documents: max(rows, 1), averageLength: rows > 0 ? Double(tokens) / Double(rows) : 1, documentCounts: documentCounts)
    }

    /// The FTS5 index's row count and total token count over all columns, from its averages
    /// record (`article_search_data` row 1: varints, the row count then each column's tokens).
    static func indexTotals(_ db: Database) throws -> (rows: Int, tokens: Int) {
        guard let block = try Data.fetchOne(db.cachedStatement(sql: "SELECT block FROM article_search_data WHERE id = 1")) else {
            return (0, 0)
        }
        var values: [Int] = []
        var index = block.startIndex
        while index < block.endIndex {
            // SQLite's varint: up to eight bytes of seven bits, high bit set to continue, then a
            // ninth byte of eight bits.
            var value: UInt64 = 0
            var length = 0
            while index < block.endIndex {
                let byte = block[index]
                index += 1
                length += 1
                if length == 9 {
                    value = (value << 8) | UInt64(byte)
                    break
                }
                value = (value << 7) | UInt64(byte & 0x7F)
                if byte & 0x80 == 0 { break }
            }
            values.append(Int(truncatingIfNeeded: value))
        }
        guard let rows = values.first else { return (0, 0) }
        return (rows, values.dropFirst().reduce(0, +))
    }

    static func clauseExpression(_ clause: SearchPlan.Clause) -> String {
        "(" + clause.alternatives.map { "\"" + $0.words.joined(separator: " ") + "\"" }.joined(separator: " OR ") + ")"
    }

    /// The plan as an FTS5 MATCH expression: every alternative quoted (so no typed character is
    /// FTS5 syntax), alternatives and clauses joined with OR; ranking and phrase checks follow.
    static func ftsExpression(_ plan: SearchPlan) -> String {
        plan.clauses.map(clauseExpression).joined(separator: " OR ")
    }

    /// Titles for search-as-you-type: every word typed in the title, the last one completed from
    /// the site's words (its most used completions), newest first. FTS5 walks the title matches
    /// newest first and stops (a prefix query `وزير*` made it merge every word beginning so,
    /// seconds on a big site).
    public func suggestions(for text: String, now: Date, limit: Int) async throws -> [Article] {
        let words = ArabicAnalyzer.tokens(in: text).map(\.term).suffix(SearchPlanner.maximumWords)
        guard let last = words.last else { return [] }
        let vocabulary = try searchState.vocabulary(in: pool)
        let endings = ([last] + vocabulary.completions(of: last, limit: Self.suggestionCompletions)).filter { vocabulary.frequency($0) > 0 }
        guard !endings.isEmpty, words.dropLast().allSatisfy({ vocabulary.frequency($0) > 0 }) else { return [] }
        let match = (words.dropLast().map { "title : \"\($0)\"" } + ["(" + Set(endings).sorted().map { "title : \"\($0)\"" }.joined(separator: " OR ") + ")"])
            .joined(separator: " AND ")
        return try await pool.read { db in
            try Self.fetchArticles(
                db,
                sql: """
                    SELECT \(Self.summaryColumns) FROM article a
                    WHERE a.id IN (SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT \(limit * 8))
                    AND a.status = ? AND a.published_at <= ?
                    ORDER BY a.published_at DESC LIMIT ?
                    """,
                arguments: [match, ArticleStatus.published.rawValue, now, limit], withTags: false)
        }
    }

    /// How many completions of the last word typed a suggestion looks for.
    static let suggestionCompletions = 8

    // MARK: Synonyms

    static let maximumSynonymLength = 100
    static let maximumSynonymPhrases = 20

    public func synonymGroups() async throws -> [[String]] {
        try searchState.synonyms(in: pool).groups
    }

    public func saveSynonymGroup(_ phrases: [String]) async throws {
        let cleaned = Array(Set(phrases.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty })).sorted()
        if let long = cleaned.first(where: { $0.count > Self.maximumSynonymLength }) {
            throw ValidationError(
                field: "phrases", ar: "العبارة «\(long.prefix(30))…» أطول من \(Self.maximumSynonymLength) حرف.",
                en: "The phrase “\(long.prefix(30))…” is longer than \(Self.maximumSynonymLength) characters.")
        }
        if let wordless = cleaned.first(where: { ArabicAnalyzer.tokens(in: $0).isEmpty }) {
            throw ValidationError(
                field: "phrases", ar: "العبارة «\(wordless)» لا كلمة فيها.", en: "The phrase “\(wordless)” has no word in it.")
        }
        guard cleaned.count >= 2, cleaned.count <= Self.maximumSynonymPhrases else {
            throw ValidationError(
                field: "phrases", ar: "مجموعة المرادفات تحتاج عبارتين على الأقل، و\(Self.maximumSynonymPhrases) على الأكثر.",
                en: "A synonym group needs at least two phrases and at most \(Self.maximumSynonymPhrases).")
        }
        try await pool.write { db in
            let next = (try Int64.fetchOne(db, sql: "SELECT MAX(group_id) FROM search_synonym") ?? 0) + 1
            for phrase in cleaned {
                try db.execute(sql: "DELETE FROM search_synonym WHERE phrase = ?", arguments: [phrase])
                try db.execute(sql: "INSERT INTO search_synonym (phrase, group_id) VALUES (?, ?)", arguments: [phrase, next])
            }
        }
        searchState.forgetSynonyms()
    }

    public func deleteSynonymGroup(containing phrase: String) async throws -> Bool {
        let deleted = try await pool.write { db -> Bool in
            guard let group = try Int64.fetchOne(db, sql: "SELECT group_id FROM search_synonym WHERE phrase = ?", arguments: [phrase]) else {
                return false
            }
            try db.execute(sql: "DELETE FROM search_synonym WHERE group_id = ?", arguments: [group])
            return true
        }
        searchState.forgetSynonyms()
        return deleted
    }
}
