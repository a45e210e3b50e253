import Foundation
import MinbarArabic

/// What a search query means once analysed: clauses (a word or a quoted phrase), each with the
/// spellings that may stand for it, graded so that exact forms rank above stems above spelling
/// variants. Backends turn a plan into their own query language (FTS5 MATCH, tsquery).
public struct SearchPlan: Sendable, Hashable {
    /// How close an alternative is to what the reader typed.
    public enum Level: Int, Sendable, Hashable, Comparable {
        case variant = 0, synonym = 1, family = 2, attached = 3, exact = 4
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        /// How much a match at this level counts.
        var weight: Double {
            switch self {
            case .exact: 1.0
            // Only a tie-breaker below the form typed: the same word for a reader.
            case .attached: 0.99
            case .family: 0.85
            case .synonym: 0.8
            case .variant: 0.6
            }
        }
    }

    /// A way to match a clause: one folded word, or several in a row (a phrase).
    public struct Alternative: Sendable, Hashable {
        public var words: [String]
        public var level: Level
    }

    public struct Clause: Sendable, Hashable {
        /// What the reader typed, folded.
        public var words: [String]
        public var alternatives: [Alternative]
        /// A quoted phrase must match as typed (its words in order).
        public var isPhrase: Bool
    }

    public var clauses: [Clause]
    /// Whether ranking looks at words standing next to each other (off for related articles,
    /// whose "query" is a bag of key words, not something typed).
    public var checksProximity = true

    /// Every single folded word that counts as a match, with its best level (for highlighting).
    public var matchingWords: [String: Level] {
        var words: [String: Level] = [:]
        for clause in clauses {
            for alternative in clause.alternatives {
                for word in alternative.words { words[word] = max(words[word] ?? alternative.level, alternative.level) }
            }
        }
        return words
    }
}

/// Turns what a reader typed into a `SearchPlan`, scores candidates, and cuts snippets.
public enum SearchPlanner {
    /// The longest query analysed, in words; the rest is ignored.
    public static let maximumWords = 12

    /// A light plan for related articles: the `count` rarest words of the site in the text (words
    /// most articles use say nothing about what this one is about), each with its family.
    public static func relatedPlan(_ text: String, vocabulary: SearchVocabulary, count: Int = 6) -> SearchPlan? {
        let words = Set(ArabicAnalyzer.tokens(in: text).map(\.term)).filter { $0.count >= 3 && vocabulary.frequency($0) > 0 }
        let rarest = words.sorted { (vocabulary.frequency($0), $0) < (vocabulary.frequency($1), $1) }.prefix(count)
        let clauses = rarest.map { word in
            SearchPlan.Clause(
                words: [word],
                alternatives: [.init(words: [word], level: .exact)]
                    + vocabulary.family(of: word).subtracting([word]).sorted().map { .init(words: [$0], level: .family) },
                isPhrase: false)
        }
        guard !clauses.isEmpty else { return nil }
        var plan = SearchPlan(clauses: Array(clauses))
        plan.checksProximity = false
        return plan
    }

    /// The plan of a query, or nil when it holds no word (only punctuation or harakat).
    public static func plan(_ text: String, vocabulary: SearchVocabulary, synonyms: [[String]]) -> SearchPlan? {
        plan(text, vocabulary: vocabulary, synonyms: SynonymTable(synonyms))
    }

    /// The plan of a query, or nil when it holds no word (only punctuation or harakat). Each
    /// word's clause is taken from `cache` when it has it for this vocabulary and these synonyms.
    public static func plan(
        _ text: String, vocabulary: SearchVocabulary, synonyms: SynonymTable = SynonymTable(), cache: ClauseCache? = nil
    ) -> SearchPlan? {
        var clauses: [SearchPlan.Clause] = []

        for (isPhrase, part) in splitQuoted(text) {
            let words = ArabicAnalyzer.tokens(in: part).map(\.term)
            guard !words.isEmpty else { continue }
            if isPhrase && words.count > 1 {
                // As typed, or with a conjunction or preposition on its first word as the site
                // writes it (للدولة الإسلامية, والدولة الإسلامية for "الدولة الإسلامية").
                let attached = vocabulary.attachedForms(of: words[0]).map { [$0] + words.dropFirst() }
                clauses.append(
                    .init(
                        words: words, alternatives: [.init(words: words, level: .exact)] + attached.map { .init(words: $0, level: .attached) },
                        isPhrase: true))
                continue
            }
            var index = 0
            while index < words.count {
                // Two typed words that the site writes as one (لو دريان → لودريان).
                if index + 1 < words.count, vocabulary.frequency(words[index] + words[index + 1]) > 0 {
                    let pair = [words[index], words[index + 1]]
                    var clause = wordClause(pair.joined(), vocabulary: vocabulary, synonyms: synonyms)
                    clause.words = pair
                    clause.alternatives.append(.init(words: pair, level: .exact))
                    clauses.append(clause)
                    index += 2
                    continue
                }
                let word = words[index]
                clauses.append(
                    cache?.clause(for: word, vocabulary: vocabulary, synonyms: synonyms) {
                        typedWordClause(word, vocabulary: vocabulary, synonyms: synonyms)
                    } ?? typedWordClause(word, vocabulary: vocabulary, synonyms: synonyms))
                index += 1
            }
        }
        // Multi-word synonyms typed as words (تنظيم الدولة → داعش, مرض السكر → السكري).
        clauses = addPhraseSynonyms(clauses, synonyms: synonyms, vocabulary: vocabulary)
        // Words most articles use (في، على) only add noise and cost beside other words.
        let telling = clauses.filter { $0.isPhrase || !vocabulary.isCommon($0.words.joined()) }
        if !telling.isEmpty { clauses = telling }
        guard !clauses.isEmpty else { return nil }
        return SearchPlan(clauses: Array(clauses.prefix(maximumWords)))
    }

    /// The clause of a word as typed: its forms, and the two words in a row where the site writes
    /// it as two (ديميستورا → دي ميستورا, عبدالله → عبد الله, أبوظبي → أبو ظبي).
    static func typedWordClause(_ word: String, vocabulary: SearchVocabulary, synonyms: SynonymTable) -> SearchPlan.Clause {
        var clause = wordClause(word, vocabulary: vocabulary, synonyms: synonyms)
        for pair in vocabulary.writtenApart(word) where !clause.alternatives.contains(where: { $0.words == pair }) {
            clause.alternatives.append(.init(words: pair, level: .exact))
        }
        return clause
    }

    static func wordClause(_ word: String, vocabulary: SearchVocabulary, synonyms: SynonymTable) -> SearchPlan.Clause {
        var alternatives: [SearchPlan.Alternative] = [.init(words: [word], level: .exact)]
        var seen: Set<[String]> = [[word]]
        func add(_ words: [String], _ level: SearchPlan.Level) {
            if seen.insert(words).inserted { alternatives.append(.init(words: words, level: level)) }
        }
        let family = vocabulary.family(of: word)
        // The word with only an article or a conjunction or preposition attached (الانتخابات,
        // لانتخابات for انتخابات) reads as the word itself; other endings (plural, dual) do not.
        for member in family.sorted() { add([member], SearchVocabulary.differOnlyInFront(word, member) ? .attached : .family) }
        for member in vocabulary.numberCounterparts(of: word).sorted() { add([member], .synonym) }
        if word.allSatisfy(\.isNumber) == false {
            for variant in vocabulary.spellingVariants(of: word).sorted() { add([variant], .variant) }
        }
        for months in MonthNames.equivalents(of: word) { add(months, .synonym) }
        // Groups with the word, or another word of its family, as a phrase of its own.
        for group in synonyms.groups(withWordIn: [word, vocabulary.stem(word)] + family) {
            for phrase in synonyms.folded[group] where phrase != [word] {
                for form in phraseForms(phrase, vocabulary: vocabulary) { add(form, .synonym) }
            }
        }
        return .init(words: [word], alternatives: alternatives, isPhrase: false)
    }

    /// When consecutive word clauses spell a multi-word synonym (each word as typed or one of
    /// its family, give or take an article: بالهجوم الإلكتروني, الهزة الأرضية), each of those clauses is also matched by the group's other
    /// phrases: an article saying قرصنة covers both words of هجوم إلكتروني, while one saying
    /// لهجوم إلكتروني still matches word by word. (Folding the words into one required phrase
    /// lost the words' families.)
    static func addPhraseSynonyms(_ clauses: [SearchPlan.Clause], synonyms: SynonymTable, vocabulary: SearchVocabulary) -> [SearchPlan.Clause] {
        guard !synonyms.isEmpty else { return clauses }
        var result = clauses
        // A typed word stands for a phrase's word as typed or in its family, not through a
        // synonym of its own (which would chain groups).
        func spells(_ clause: SearchPlan.Clause, _ word: String) -> Bool {
            !clause.isPhrase && clause.alternatives.contains { $0.level >= .family && $0.words.count == 1 && SynonymTable.spells($0.words[0], word) }
        }
        for start in clauses.indices where !clauses[start].isPhrase {
            for alternative in clauses[start].alternatives where alternative.level >= .family && alternative.words.count == 1 {
                for (group, phrase) in synonyms.phrases(startingWith: alternative.words[0]) where start + phrase.count <= clauses.count {
                    let run = start..<(start + phrase.count)
                    guard zip(clauses[run], phrase).allSatisfy(spells) else { continue }
                    let others = synonyms.folded[group].filter { $0 != phrase }.flatMap { phraseForms($0, vocabulary: vocabulary) }
                    for index in run {
                        for other in others where !result[index].alternatives.contains(where: { $0.words == other }) {
                            result[index].alternatives.append(.init(words: other, level: .synonym))
                        }
                    }
                }
            }
        }
        return result
    }

    /// The ways the site writes a synonym: a word with its family, a phrase with each word as
    /// given or in its most used written forms (هجوم إلكتروني → لهجوم إلكتروني), bounded.
    static func phraseForms(_ phrase: [String], vocabulary: SearchVocabulary, limit: Int = 12) -> [[String]] {
        guard phrase.count > 1 else {
            return [phrase] + vocabulary.family(of: phrase[0]).subtracting(phrase).sorted().map { [$0] }
        }
        let choices = phrase.map { word in
            [word] + vocabulary.writtenForms(of: word).subtracting([word]).sorted { (vocabulary.frequency($0), $1) > (vocabulary.frequency($1), $0) }.prefix(3)
        }
        var forms: [[String]] = [[]]
        for options in choices {
            forms = forms.flatMap { start in options.map { start + [$0] } }
        }
        // The phrase as given first, then the forms the site uses most.
        return Array(forms.prefix(limit))
    }

    /// The parts of a query in and out of quotes (straight, curly or guillemets).
    static func splitQuoted(_ text: String) -> [(Bool, String)] {
        var parts: [(Bool, String)] = []
        var current = ""
        var inside = false
        for character in text {
            if character == "\"" || character == "“" || character == "”" || character == "«" || character == "»" {
                if !current.isEmpty { parts.append((inside, current)) }
                current = ""
                inside.toggle()
            } else {
                current.append(character)
            }
        }
        // An unbalanced quote counts as if closed at the end.
        if !current.isEmpty { parts.append((inside, current)) }
        return parts
    }

    // MARK: Ranking

    /// Whether the words occur in a row in the text.
    public static func containsSequence(_ words: [String], in text: [String]) -> Bool {
        guard words.count <= text.count else { return false }
        for start in 0...(text.count - words.count) where text[start] == words[0] {
            if Array(text[start..<(start + words.count)]) == words { return true }
        }
        return false
    }

    // MARK: Snippets

    /// About `length` words of an article's plain text around its best cluster of matches, like
    /// `snippet(_:text:length:)`, found from the ids `matcher` gave the article's folded words
    /// (the index holds them word for word): only the words shown are located in the text, none
    /// is folded but the marked ones (checked against the index; any disagreement falls back to
    /// analysing the whole text).
    public static func snippet(text: String, matcher: SearchMatcher, ids: [Int32], length: Int = 30) -> String {
        let plan = matcher.plan
        let wordCount = ids.firstIndex(of: SearchMatcher.separator) ?? ids.count
        var hits: [Int] = []
        for index in 0..<wordCount where matcher.isHighlighted(ids[index]) { hits.append(index) }
        let start = bestWindow(hits, length: length)
        let shown = min(length, wordCount - start)
        guard shown > 0 else { return snippet(plan, text: text, length: length) }
        let ranges = ArabicAnalyzer.wordRanges(in: text, from: start, count: shown)
        guard ranges.count == shown else { return snippet(plan, text: text, length: length) }
        // The words shown and what lies between them, escaped, with the marked words in <mark>.
        var html = start > 0 ? "… " : ""
        var cursor = ranges[0].lowerBound
        for (offset, range) in ranges.enumerated() where matcher.isHighlighted(ids[start + offset]) {
            let word = String(text[range])
            let expected = matcher.word(ids[start + offset])
            guard ArabicAnalyzer.fold(word: word) == expected || ArabicAnalyzer.tokens(in: word).map(\.term) == [expected] else {
                return snippet(plan, text: text, length: length)
            }
            html += HTMLText.escape(String(text[cursor..<range.lowerBound])) + "<mark>" + HTMLText.escape(word) + "</mark>"
            cursor = range.upperBound
        }
        let cut = start + shown < wordCount
        html += HTMLText.escape(String(text[cursor..<(cut ? ranges[ranges.count - 1].upperBound : text.endIndex)]))
        if cut { html += " …" }
        return html
    }

    /// The first word of the `length`-word window holding the most matches (a quarter of the
    /// window before the first of them), given the matched word numbers in order.
    static func bestWindow(_ hits: [Int], length: Int) -> Int {
        var start = 0
        var bestCount = 0
        var lower = 0
        var upper = 0
        for hit in hits {
            let windowStart = max(0, hit - length / 4)
            while lower < hits.count, hits[lower] < windowStart { lower += 1 }
            while upper < hits.count, hits[upper] < windowStart + length { upper += 1 }
            if upper - lower > bestCount {
                bestCount = upper - lower
                start = windowStart
            }
        }
        return start
    }

    /// About `length` words of the original text around the best cluster of matches, escaped,
    /// with each matched word in `<mark>`.
    public static func snippet(_ plan: SearchPlan, text: String, length: Int = 30) -> String {
        let tokens = ArabicAnalyzer.tokens(in: text)
        guard !tokens.isEmpty else { return "" }
        let matching = plan.matchingWords
        let hits = tokens.indices.filter { matching[tokens[$0].term] != nil }
        let start = bestWindow(hits, length: length)
        let end = min(tokens.count, start + length)
        var html = start > 0 ? "… " : ""
        var cursor = tokens[start].range.lowerBound
        for index in start..<end {
            let token = tokens[index]
            html += HTMLText.escape(String(text[cursor..<token.range.lowerBound]))
            let word = HTMLText.escape(String(text[token.range]))
            html += matching[token.term] != nil ? "<mark>" + word + "</mark>" : word
            cursor = token.range.upperBound
        }
        if end < tokens.count {
            html += " …"
        } else {
            html += HTMLText.escape(String(text[cursor...]))
        }
        return html
    }
}

/// Scores candidates against one plan. Built once per search: the plan's words get small ids,
/// and each candidate's folded text is read once as bytes and turned into those ids (any other
/// word is -1), with no String made per word: candidates' bodies are long and there are hundreds.
public struct SearchMatcher: Sendable {
    let plan: SearchPlan
    /// The UTF-8 bytes of each word the plan knows, by id.
    let words: [[UInt8]]
    /// FNV-1a hash of a word's bytes → ids with that hash.
    let idsByHash: [UInt64: [Int32]]
    /// One bit per (byte length, last byte) of the plan's words: most words of a text differ
    /// from every word of the plan in one or the other, and are known as none without hashing.
    let shapes: [UInt64]
    /// The words as typed, in order.
    let typed: [Int32]
    /// Every alternative of every clause, in order: its clause, its place there, its words as
    /// ids (several for a phrase) and its level.
    let alternatives: [(clause: Int, index: Int, ids: [Int32], level: SearchPlan.Level)]
    /// Word id → the single-word alternatives it is (places in `alternatives`).
    let singleAlternatives: [[Int]]
    /// Word id → whether snippets mark it (`SearchPlan.matchingWords`).
    let highlighted: [Bool]
    /// The id of `|`, which the index puts between an article's body and its labels.
    public static let separator: Int32 = -2

    public init(_ plan: SearchPlan) {
        self.plan = plan
        var words: [[UInt8]] = []
        var ids: [[UInt8]: Int32] = [:]
        func id(_ word: String) -> Int32 {
            let bytes = Array(word.utf8)
            if let known = ids[bytes] { return known }
            let new = Int32(words.count)
            words.append(bytes)
            ids[bytes] = new
            return new
        }
        var alternatives: [(clause: Int, index: Int, ids: [Int32], level: SearchPlan.Level)] = []
        for (clauseIndex, clause) in plan.clauses.enumerated() {
            for (index, alternative) in clause.alternatives.enumerated() {
                alternatives.append((clauseIndex, index, alternative.words.map(id), alternative.level))
            }
        }
        typed = plan.clauses.flatMap(\.words).map(id)
        self.alternatives = alternatives
        var singles = [[Int]](repeating: [], count: words.count)
        for (index, alternative) in alternatives.enumerated() where alternative.ids.count == 1 {
            singles[Int(alternative.ids[0])].append(index)
        }
        singleAlternatives = singles
        let matching = plan.matchingWords
        highlighted = words.map { matching[String(decoding: $0, as: UTF8.self)] != nil }
        self.words = words
        var byHash: [UInt64: [Int32]] = [:]
        var shapes = [UInt64](repeating: 0, count: 64 * 256 / 64)
        for (index, word) in words.enumerated() {
            byHash[Self.hash(word[...]), default: []].append(Int32(index))
            if let last = word.last {
                let shape = Self.shape(length: word.count, last: last)
                shapes[shape >> 6] |= 1 << UInt64(shape & 63)
            }
        }
        idsByHash = byHash
        self.shapes = shapes
    }

    @inline(__always)
    static func shape(length: Int, last: UInt8) -> Int {
        min(length, 63) << 8 | Int(last)
    }

    static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// Whether snippets mark the word with this id.
    public func isHighlighted(_ id: Int32) -> Bool {
        id >= 0 && highlighted[Int(id)]
    }

    /// The folded word with this id.
    public func word(_ id: Int32) -> String {
        String(decoding: words[Int(id)], as: UTF8.self)
    }

    /// The ids of a folded text's space-separated words, in order (-1 for words the plan does
    /// not know, `separator` for `|`).
    public func encode(_ text: String) -> [Int32] {
        var text = text
        return text.withUTF8 { encode(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// `encode(_:)` over the UTF-8 bytes of folded text, as SQLite hands them (no String made).
    public func encode(bytes buffer: UnsafeRawBufferPointer) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(buffer.count / 5)
        var start = 0
        let count = buffer.count
        while start < count {
            while start < count, buffer[start] == 0x20 { start += 1 }
            guard start < count else { break }
            var end = start
            while end < count, buffer[end] != 0x20 { end += 1 }
            let slice = buffer[start..<end]
            var found: Int32 = end - start == 1 && buffer[start] == UInt8(ascii: "|") ? Self.separator : -1
            let shape = Self.shape(length: end - start, last: buffer[end - 1])
            if shapes[shape >> 6] & (1 << UInt64(shape & 63)) != 0, let candidates = idsByHash[Self.hash(slice)] {
                for candidate in candidates where words[Int(candidate)].elementsEqual(slice) {
                    found = candidate
                    break
                }
            }
            result.append(found)
            start = end
        }
        return result
    }

    static func contains(_ sequence: [Int32], in text: [Int32]) -> Bool {
        guard !sequence.isEmpty, sequence.count <= text.count else { return false }
        for start in 0...(text.count - sequence.count) where text[start] == sequence[0] {
            var index = 1
            while index < sequence.count, text[start + index] == sequence[index] { index += 1 }
            if index == sequence.count { return true }
        }
        return false
    }

    /// Whether every quoted phrase of the plan is in the title or body as typed.
    public func phrasesPresent(title: [Int32], body: [Int32]) -> Bool {
        for (index, clause) in plan.clauses.enumerated() where clause.isPhrase {
            // Any of its alternatives: a synonym of a phrase may be one word (مرض السكر → السكري).
            let found =
                alternatives.contains { $0.clause == index && $0.ids.count > 1 && (Self.contains($0.ids, in: title) || Self.contains($0.ids, in: body)) }
                || (title + body).contains { id in id >= 0 && singleAlternatives[Int(id)].contains { alternatives[$0].clause == index } }
            if !found { return false }
        }
        return true
    }

    /// What `bm25` needs beyond a candidate's text.
    public struct BM25Inputs: Sendable {
        /// Articles in the index.
        public var documents: Int
        /// Words per article, title, body and labels together.
        public var averageLength: Double
        /// For each clause and alternative, how many articles hold it; nil for alternatives
        /// that are not weighed (not in the MATCH expression whose BM25 this stands for).
        public var documentCounts: [[Int?]]

        public init(documents: Int, averageLength: Double, documentCounts: [[Int?]]) {
            self.documents = documents
            self.averageLength = averageLength
            self.documentCounts = documentCounts
        }
    }

    /// BM25 with FTS5's `bm25(2.0, 1.0, 1.5)` parameters, each clause counted as one term
    /// whatever spelling matched (as Lucene's SynonymQuery does): occurrences of any of its
    /// alternatives add up (twice in the title, once in the body, one and a half times in the
    /// labels after the first `separator`), and the clause's IDF is that of its most used
    /// alternative. Weighing each alternative with its own IDF (FTS5's OR) let a rare form
    /// outweigh the word typed: بنك in a title beat البنك المركزي for the query البنك المركزي.
    /// For a clause of one alternative this is exactly FTS5's bm25().
    public func bm25(title: [Int32], body: [Int32], inputs: BM25Inputs) -> Double {
        var frequencies = [Double](repeating: 0, count: alternatives.count)
        let labelsStart = body.firstIndex(of: Self.separator) ?? body.count
        for id in title where id >= 0 {
            for alternative in singleAlternatives[Int(id)] { frequencies[alternative] += 2.0 }
        }
        for (position, id) in body.enumerated() where id >= 0 {
            let weight = position < labelsStart ? 1.0 : 1.5
            for alternative in singleAlternatives[Int(id)] { frequencies[alternative] += weight }
        }
        for (index, alternative) in alternatives.enumerated() where alternative.ids.count > 1 {
            frequencies[index] += 2.0 * Double(Self.occurrences(of: alternative.ids, in: title[...]))
            frequencies[index] += 1.0 * Double(Self.occurrences(of: alternative.ids, in: body[..<labelsStart]))
            frequencies[index] += 1.5 * Double(Self.occurrences(of: alternative.ids, in: body[labelsStart...]))
        }
        let length = Double(title.count + body.count - body.lazy.filter { $0 == Self.separator }.count)
        let k1 = 1.2
        let b = 0.75
        let norm = k1 * (1 - b + b * length / max(inputs.averageLength, 1e-9))
        let n = Double(inputs.documents)
        let clauseCount = plan.clauses.count
        var tf = [Double](repeating: 0, count: clauseCount)
        var df = [Int](repeating: -1, count: clauseCount)
        for (index, alternative) in alternatives.enumerated() {
            guard let count = inputs.documentCounts[alternative.clause][alternative.index] else { continue }
            df[alternative.clause] = max(df[alternative.clause], count)
            tf[alternative.clause] += frequencies[index]
        }
        var total = 0.0
        for clause in 0..<clauseCount where df[clause] >= 0 && tf[clause] > 0 {
            var idf = log((n - Double(df[clause]) + 0.5) / (Double(df[clause]) + 0.5))
            if idf <= 0 { idf = 1e-6 }
            total += idf * tf[clause] * (k1 + 1) / (tf[clause] + norm)
        }
        return total
    }

    /// How many times a word sequence stands in a text (overlaps counted, as FTS5 counts phrase
    /// instances).
    static func occurrences(of sequence: [Int32], in text: ArraySlice<Int32>) -> Int {
        guard !sequence.isEmpty, sequence.count <= text.count else { return 0 }
        var found = 0
        var start = text.startIndex
        while start + sequence.count <= text.endIndex {
            if text[start] == sequence[0], text[start..<(start + sequence.count)].elementsEqual(sequence) { found += 1 }
            start += 1
        }
        return found
    }

    /// Convenience for folded texts (tests).
    public func score(relevance: Double, titleWords: [String], bodyWords: [String], age: TimeInterval) -> Double {
        score(relevance: relevance, title: encode(titleWords.joined(separator: " ")), body: encode(bodyWords.joined(separator: " ")), age: age)
    }

    public func score(relevance: Double, title: [Int32], body: [Int32], age: TimeInterval) -> Double {
        let count = plan.clauses.count
        var best = [SearchPlan.Level?](repeating: nil, count: count)
        var inTitle = [Bool](repeating: false, count: count)
        var adjacent = [Bool](repeating: false, count: max(count - 1, 0))
        let proximity = plan.checksProximity && count > 1
        for (field, ids) in [(0, title), (1, body)] {
            // Clauses matched at the previous position, for adjacency.
            var previous: [Int] = []
            for id in ids {
                guard id >= 0, !singleAlternatives[Int(id)].isEmpty else {
                    previous.removeAll(keepingCapacity: true)
                    continue
                }
                var current: [Int] = []
                for alternative in singleAlternatives[Int(id)] {
                    let (clause, level) = (alternatives[alternative].clause, alternatives[alternative].level)
                    if best[clause] == nil || level > best[clause]! { best[clause] = level }
                    if field == 0 { inTitle[clause] = true }
                    current.append(clause)
                    if proximity, clause > 0, previous.contains(clause - 1) { adjacent[clause - 1] = true }
                }
                previous = current
            }
        }
        for alternative in alternatives where alternative.ids.count > 1 {
            let titled = Self.contains(alternative.ids, in: title)
            guard titled || Self.contains(alternative.ids, in: body) else { continue }
            let clause = alternative.clause
            if best[clause] == nil || alternative.level > best[clause]! { best[clause] = alternative.level }
            if titled { inTitle[clause] = true }
        }
        var covered = 0.0
        var closeness = 0.0
        var titled = 0.0
        for clause in 0..<count {
            guard let level = best[clause] else { continue }
            covered += 1
            closeness += level.weight
            if inTitle[clause] { titled += 1 }
        }
        let total = Double(count)
        let coverage = covered / total
        // Words typed together that stand together in the article (a name, an expression).
        var nearness = 1.0
        if proximity {
            nearness = 1 + 0.4 * Double(adjacent.filter { $0 }.count) / Double(count - 1)
            // The words exactly as typed, next to each other: the reader's phrase itself.
            if Self.contains(typed, in: title) || Self.contains(typed, in: body) {
                nearness *= 1.5
            }
        }
        let days = max(0, age / 86_400)
        let recency = 1 + 0.05 * exp(-days / 365)
        let closenessShare = closeness / total
        return max(relevance, 0.01) * (0.15 + 0.85 * coverage * coverage) * (0.3 + 0.7 * closenessShare * closenessShare)
            * (1 + 0.25 * titled / total) * nearness * recency
    }
}

extension String {
    /// The space-separated words of folded text, split on bytes (splitting on Characters runs
    /// grapheme breaking over Arabic text and showed in profiles).
    public var foldedWords: [String] {
        utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Gregorian month names across the styles Arab countries use, for search.
enum MonthNames {
    /// The other names of a folded month name (ديسمبر ↔ كانون الاول), as folded word lists.
    static func equivalents(of word: String) -> [[String]] {
        table[word] ?? []
    }

    /// Folded single-word month name → the other style's name, folded (computed once).
    static let table: [String: [[String]]] = {
        var table: [String: [[String]]] = [:]
        for month in 1...12 {
            let egyptian = ArabicAnalyzer.tokens(in: MonthNameStyle.egyptian.monthName(month)).map(\.term)
            let levantine = ArabicAnalyzer.tokens(in: MonthNameStyle.levantine.monthName(month)).map(\.term)
            if egyptian.count == 1 { table[egyptian[0], default: []].append(levantine) }
            if levantine.count == 1 { table[levantine[0], default: []].append(egyptian) }
        }
        return table
    }()
}
