import Synchronization
import MinbarArabic

/// A site's synonym groups, analysed once and looked up by word (a query is planned against
/// every group without reading them all: a site starts with over a hundred).
public struct SynonymTable: Sendable {
    /// The groups as editors wrote them.
    public let groups: [[String]]
    /// Each group's phrases as folded words (phrases without a word dropped).
    let folded: [[[String]]]
    /// First word of a phrase, folded and without an article → (group, phrase) places in `folded`:
    /// a group's بنك is found from البنك and its البترول from بترول, whatever words the site uses.
    let byFirstWord: [String: [(group: Int, phrase: Int)]]

    /// Which table this is (a new number for every table made), for what was worked out from it.
    public let generation: Int
    private static let generations = Atomic<Int>(0)

    public init(_ groups: [[String]] = []) {
        generation = Self.generations.add(1, ordering: .relaxed).newValue
        self.groups = groups
        folded = groups.map { group in group.map { ArabicAnalyzer.tokens(in: $0).map(\.term) }.filter { !$0.isEmpty } }
        var index: [String: [(group: Int, phrase: Int)]] = [:]
        for (group, phrases) in folded.enumerated() {
            for (phrase, words) in phrases.enumerated() { index[Self.key(words[0]), default: []].append((group, phrase)) }
        }
        byFirstWord = index
    }

    public var isEmpty: Bool { groups.isEmpty }

    /// How a word is looked up: folded, without an article.
    static func key(_ word: String) -> String { SearchVocabulary.withoutArticle(word) }

    /// Whether a word stands for a phrase's word: the same, or the same but for an article.
    static func spells(_ word: String, _ phraseWord: String) -> Bool {
        word == phraseWord || key(word) == key(phraseWord)
    }

    /// Groups with a one-word phrase that is one of `words`.
    func groups(withWordIn words: some Sequence<String>) -> [Int] {
        var found: [Int] = []
        for word in words {
            for place in byFirstWord[Self.key(word)] ?? [] where folded[place.group][place.phrase].count == 1 && !found.contains(place.group) {
                found.append(place.group)
            }
        }
        return found.sorted()
    }

    /// Phrases of several words that start with `word` (give or take an article).
    func phrases(startingWith word: String) -> [(group: Int, words: [String])] {
        (byFirstWord[Self.key(word)] ?? []).compactMap { place in
            let words = folded[place.group][place.phrase]
            return words.count > 1 ? (place.group, words) : nil
        }
    }
}
