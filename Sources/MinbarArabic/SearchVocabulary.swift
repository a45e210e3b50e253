/// The words a site uses, with how many articles use each: what keeps light stemming honest.
///
/// A prefix or suffix is stripped only when what is left is itself a word of the site, used at
/// least as often as the whole word, and (for a one-letter prefix) the whole word never takes the
/// article ال (which would show it is a word in its own right). So والتحالفات meets التحالف,
/// while وزير (الوزير is a word), واشنطن, بوتين and ألمانيا stay whole.
public struct SearchVocabulary: Sendable {
    /// Folded word → number of articles using it.
    public private(set) var frequencies: [String: Int]
    /// Stem → the words that reduce to it.
    private var groups: [String: Set<String>] = [:]
    /// Word → its stem.
    private var stems: [String: String] = [:]
    /// Deletion neighbourhood of long stems, for one-letter spelling variants of names.
    private var deletions: [String: Set<String>] = [:]

    /// Shortest stem a suffix or prefix may leave.
    static let minimumStemLength = 3
    /// Shortest stem that may match a one-letter variant (شويغو/سويغو).
    public static let fuzzyMinimumLength = 5

    static let articlePrefixes = ["وال", "بال", "فال", "كال", "لل", "ال"]
    static let letterPrefixes: [Character] = ["و", "ف", "ب", "ك", "ل"]
    static let suffixes = ["هما", "كما", "تان", "تين", "ات", "ان", "ون", "ين", "ها", "هم", "هن", "كم", "نا", "يه", "ه", "ي"]

    public init(frequencies: [String: Int] = [:]) {
        self.frequencies = frequencies
        rebuild()
    }

    public var isEmpty: Bool { frequencies.isEmpty }

    /// How many articles use the word.
    public func frequency(_ word: String) -> Int { frequencies[word] ?? 0 }

    /// The stem of a folded word under this vocabulary.
    public func stem(_ word: String) -> String {
        if let known = stems[word] { return known }
        return computeStem(word)
    }

    func computeStem(_ word: String) -> String {
        var current = word
        // Article prefixes: ال and its combinations.
        for prefix in Self.articlePrefixes where current.hasPrefix(prefix) {
            let rest = String(current.dropFirst(prefix.count))
            // The article is stripped when the bare word is attested (الإرهاب → إرهاب), never from
            // a name that only occurs with it (ألمانيا, الجزائر).
            if rest.count >= Self.minimumStemLength - 1, frequency(rest) > 0 || hasStemmableForm(rest) {
                current = rest
            }
            break
        }
        // One-letter prefixes (و ف ب ك ل), when the word is not a word on its own.
        if current == word, let first = current.first, Self.letterPrefixes.contains(first), current.count > Self.minimumStemLength {
            let rest = String(current.dropFirst())
            if isWord(rest, comparedTo: current) && frequency("ال" + current) == 0 {
                current = computeStem(rest)
                return current
            }
        }
        // Suffixes: the longest that leaves a word; ات and تان/تين may stand for ة.
        for suffix in Self.suffixes where current.hasSuffix(suffix) {
            let rest = String(current.dropLast(suffix.count))
            guard rest.count >= Self.minimumStemLength else { continue }
            if ["ات", "تان", "تين", "ان", "ين"].contains(suffix), isWord(rest + "ه", comparedTo: current) { return rest + "ه" }
            if isWord(rest, comparedTo: current) { return rest }
        }
        return current
    }

    /// Whether `candidate` is a word of the site used at least as often as `whole`.
    func isWord(_ candidate: String, comparedTo whole: String) -> Bool {
        let count = frequency(candidate)
        return count > 0 && count >= frequency(whole)
    }

    /// Whether a word without ال is attested with a suffix (ارهابي for ارهاب) though never bare.
    func hasStemmableForm(_ rest: String) -> Bool {
        Self.suffixes.contains { frequency(rest + $0) > 0 }
    }

    /// Every word of the site with the same stem as `word` (the word itself included when used).
    public func family(of word: String) -> Set<String> {
        let stem = stem(word)
        var family = groups[stem] ?? []
        if frequency(word) > 0 { family.insert(word) }
        if frequency(stem) > 0 { family.insert(stem) }
        return family
    }

    /// Words of the site whose stem is one letter away from this word's stem (a substitution, or
    /// a letter added or dropped inside the word), for stems of five letters or more.
    public func spellingVariants(of word: String) -> Set<String> {
        let stem = stem(word)
        guard stem.count >= Self.fuzzyMinimumLength, !stem.allSatisfy(\.isNumber) else { return [] }
        var stemsFound = Set<String>()
        for key in Self.deletionKeys(of: stem) + [stem] {
            for candidate in deletions[key] ?? [] where candidate != stem && Self.isOneEditApart(stem, candidate) {
                stemsFound.insert(candidate)
            }
        }
        for candidate in deletions[stem] ?? [] where candidate != stem { stemsFound.insert(candidate) }
        return stemsFound.reduce(into: Set<String>()) { words, variant in words.formUnion(groups[variant] ?? []) }
    }

    /// The closest word of the site to an unknown one, for "did you mean".
    public func suggestion(for word: String) -> String? {
        spellingVariants(of: word).max { frequency($0) < frequency($1) }
    }

    // MARK: Building

    /// Counts the words of an article that was added (or, with `-1`, removed).
    public mutating func count(_ words: Set<String>, by delta: Int = 1) {
        for word in words {
            let value = frequency(word) + delta
            frequencies[word] = value > 0 ? value : nil
        }
    }

    /// Recomputes stems and groups after the counts changed.
    public mutating func rebuild() {
        var stems: [String: String] = [:]
        var groups: [String: Set<String>] = [:]
        stems.reserveCapacity(frequencies.count)
        for word in frequencies.keys {
            let stem = computeStem(word)
            stems[word] = stem
            groups[stem, default: []].insert(word)
        }
        var deletions: [String: Set<String>] = [:]
        for stem in groups.keys where stem.count >= Self.fuzzyMinimumLength {
            for key in Self.deletionKeys(of: stem) { deletions[key, default: []].insert(stem) }
            deletions[stem, default: []].insert(stem)
        }
        self.stems = stems
        self.groups = groups
        self.deletions = deletions
    }

    /// The word with one inner letter removed, for each inner position (never the first letter,
    /// so a prefix letter such as ب in بطاقة is not a spelling variant).
    static func deletionKeys(of word: String) -> [String] {
        let letters = Array(word)
        guard letters.count > 1 else { return [] }
        return (1..<letters.count).map { index in
            var copy = letters
            copy.remove(at: index)
            return String(copy)
        }
    }

    static func isOneEditApart(_ a: String, _ b: String) -> Bool {
        let x = Array(a)
        let y = Array(b)
        if x.count == y.count {
            let differences = zip(x, y).filter { $0 != $1 }.count
            return differences == 1
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        guard long.count - short.count == 1, short.first == long.first else { return false }
        var i = 0
        var j = 0
        var skipped = false
        while i < short.count && j < long.count {
            if short[i] == long[j] {
                i += 1
                j += 1
            } else if !skipped {
                skipped = true
                j += 1
            } else {
                return false
            }
        }
        return true
    }
}
