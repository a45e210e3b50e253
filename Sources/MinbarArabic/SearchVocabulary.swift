import Synchronization

/// The words a site uses, with how many articles use each: what keeps light stemming honest.
///
/// A prefix or suffix is stripped only when what is left is itself a word of the site, used at
/// least as often as the whole word, and (for a one-letter prefix) the whole word never takes the
/// article ال (which would show it is a word in its own right). So والتحالفات meets التحالف,
/// while وزير (الوزير is a word), واشنطن, بوتين and ألمانيا stay whole.
public struct SearchVocabulary: Sendable {
    /// Folded word → number of articles using it.
    public private(set) var frequencies: [String: Int]
    /// Which computation of the stems this is: every `rebuild` takes a new number, so what was
    /// worked out from one vocabulary (a query word's forms) is known to hold for it alone.
    public private(set) var generation = 0
    private static let generations = Atomic<Int>(0)
    /// Stem → the words that reduce to it.
    private var groups: [String: Set<String>] = [:]
    /// Word → its stem.
    private var stems: [String: String] = [:]
    /// Deletion neighbourhood of long stems, for one-letter spelling variants of names.
    private var deletions: [String: Set<String>] = [:]
    /// Long stems by their letters with transliteration letters merged (`skeleton`), for
    /// names written with other letters for one sound (غوتيريش/جوتيريس).
    private var transliterations: [String: Set<String>] = [:]
    /// Forms written after an article prefix, with how many different prefixed words show them
    /// (سيول in والسيول and بالسيول): stems even if never bare. One alone proves nothing
    /// (مانيا in المانيا).
    private var afterArticle: [String: Int] = [:]
    /// Every word, in UTF-8 byte order, for completing a word as a reader types it.
    private var sortedWords: [String] = []
    /// For a form that may be a stem, the different unprefixed words that reduce to it by a
    /// suffix (بطاقه ← بطاقات): a stem shared by several words is a stem of the site.
    private var suffixedForms: [String: Set<String>] = [:]

    /// Shortest stem a suffix or prefix may leave.
    static let minimumStemLength = 3
    /// Shortest stem that may match a one-letter variant (شويغو/سويغو).
    public static let fuzzyMinimumLength = 5

    static let articlePrefixes = ["وال", "بال", "فال", "كال", "لل", "ال"]
    static let letterPrefixes: [Character] = ["و", "ف", "ب", "ك", "ل"]
    /// Suffixes light stemming may strip. Not ي/ية: the nisba adjective is its own word
    /// (سكري is not سكر, مصري is not مصر).
    /// Nor ه: after folding it is also the ة ending (بطاقة), which must stay.
    static let suffixes = ["هما", "كما", "تان", "تين", "ات", "ان", "ون", "ين", "ها", "هم", "هن", "كم", "نا", "ا"]
    /// Suffixes that also end names (بوتين, فلسطين, روسيا): stripped only when what is left is used
    /// at least as often as the whole word.
    static let guardedSuffixes: Set<String> = ["ين", "ون", "ان", "ا"]

    public init(frequencies: [String: Int] = [:]) {
        self.frequencies = frequencies
        rebuild()
    }

    public var isEmpty: Bool { frequencies.isEmpty }

    /// How many articles use the word.
    public func frequency(_ word: String) -> Int { frequencies[word] ?? 0 }

    /// How many articles use the site's most common word: close to the number of articles.
    public private(set) var mostCommonFrequency = 0

    /// Whether a word is so common (في، على، إلى) that it says nothing about what an article is
    /// about: used by more than 40% of as many articles as the most common word, on a site of
    /// at least 50 articles.
    public func isCommon(_ word: String) -> Bool {
        mostCommonFrequency >= 50 && Double(frequency(word)) > 0.4 * Double(mostCommonFrequency)
    }

    /// The stem of a folded word under this vocabulary.
    public func stem(_ word: String) -> String {
        if let known = stems[word] { return known }
        return computeStem(word)
    }

    func computeStem(_ word: String) -> String {
        var current = word
        // Article prefixes: ال and its combinations, stripped when the rest is a stem of the site
        // (الإرهاب → إرهاب), never from a name that only occurs with it (ألمانيا, الجزائر).
        var strippedArticle = false
        var withoutArticle: String?
        for prefix in Self.articlePrefixes where current.hasPrefix(prefix) {
            let rest = String(current.dropFirst(prefix.count))
            if rest.count >= Self.minimumStemLength - 1, isAttested(rest) {
                current = rest
                strippedArticle = true
            } else if rest.count > Self.minimumStemLength {
                withoutArticle = rest
            }
            break
        }
        // A suffix first: a word that reads as a stem plus an ending (بطاقات → بطاقة) keeps its
        // first letter.
        // (And what is left is stemmed like any word: المهندسين → المهندس → مهندس, so the plural
        // and the singular share a stem.)
        if let stem = strippingSuffix(current) { return stem == current ? stem : computeStem(stem) }
        // The article and an ending together, where the site writes neither the word without
        // the article nor with the article without the ending (الفلسطينيون beside فلسطيني).
        // (The guards weigh the word as written: الزيتون is used, زيتون is not.)
        if let bare = withoutArticle, let stem = strippingSuffix(bare, writtenAs: word) { return computeStem(stem) }
        // One-letter prefixes (و ف ب ك ل), when the whole is not a word on its own: الوزير shows
        // that وزير is one, so it never becomes زير; لبنما that بنما is one (a preposition never
        // stands before another), ووادي that وادي is.
        if !strippedArticle, let first = current.first, Self.letterPrefixes.contains(first), current.count > Self.minimumStemLength,
            frequency("ال" + current) == 0, !takesAPrefixItself(current)
        {
            let rest = String(current.dropFirst())
            let restStem = computeStem(rest)
            // A rest that is a noun shows it (the article, or a preposition other than this one);
            // one that never does (نما, أدى: verbs) must be used clearly more than the whole.
            // (Or the tanween alif of a noun in the accusative: عضوا shows عضو in كعضو.)
            let restIsANoun = frequency("ال" + rest) > 0 || (afterArticle[rest] ?? 0) > 0
                || ["ب", "ك", "ل"].contains { $0 != String(first) && frequency($0 + rest) > 0 }
                || frequency(rest + "ا") > 0
            // (More than twice for a rest with no sign of being a noun: وسام stays whole beside
            // سام written twice. For a noun, as much as the whole suffices: requiring more kept
            // وسائل whole beside السائل but lost لحوت → حوت on the DEV kit.)
            let needed = restIsANoun ? frequency(current) : 2 * frequency(current) + 1
            if (isAttested(rest) && support(rest) >= needed) || (restStem != rest && isAttested(restStem)) {
                return restStem
            }
        }
        return current
    }

    /// Whether the site writes a word beginning with a prefix letter behind a prefix of its own
    /// where that prefix could not stand before the letter as a prefix: behind a preposition
    /// (لبنما, ببوتين) if it begins with ب ك ل; behind any prefix letter (ووادي, بوادي) if it
    /// begins with و or ف, which stand first.
    func takesAPrefixItself(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        let before: [Character] = first == "و" || first == "ف" ? Self.letterPrefixes : ["ب", "ك", "ل"]
        return before.contains { frequency(String($0) + word) > 0 }
    }

    /// The word without the longest suffix that leaves a stem of the site, or nil.
    func strippingSuffix(_ word: String, writtenAs written: String? = nil) -> String? {
        for suffix in Self.suffixes where word.hasSuffix(suffix) {
            let rest = String(word.dropLast(suffix.count))
            guard rest.count >= Self.minimumStemLength else { continue }
            // A feminine plural or dual (مهندسات, معلمتين → مهندسة, معلمة). Not ان/ين: a
            // feminine dual keeps its ت (سلطتان), so سلطان is not سلطة, nor عمران عمرة.
            if ["ات", "تان", "تين"].contains(suffix), isANoun(rest + "ه") { return rest + "ه" }
            // A feminine noun's ة is written ت before a pronoun (حكومتها, سياستهم → حكومة, سياسة).
            if Self.pronounSuffixes.contains(suffix), !isAttested(rest), rest.hasSuffix("ت"), isANoun(rest.dropLast() + "ه") {
                return rest.dropLast() + "ه"
            }
            // A pronoun stands after a noun or a verb: a rest the site writes with the article is
            // a noun (اقتصادها beside الاقتصاد).
            guard isAttested(rest) || (Self.pronounSuffixes.contains(suffix) && frequency("ال" + rest) > 0) else { continue }
            if Self.guardedSuffixes.contains(suffix), !mayStripGuarded(suffix, from: written ?? word, leaving: rest) { continue }
            return rest
        }
        // A nisba adjective's feminine (الأمريكية, الأردنية → الأمريكي, الأردني) where the site
        // writes the masculine. Not from a base of two letters, where the shape is a noun of its
        // own (قضية, هدية, ضحية are not قضى, هدي, ضحى).
        if word.hasSuffix("يه"), Self.withoutArticle(word).count >= 5 {
            let masculine = String(word.dropLast())
            if isANoun(masculine) { return masculine }
        }
        // A sound masculine plural in a construct drops its ن (موظفو الشركة, لاعبو المنتخب): it
        // is the plural the site writes in full, where it does (الموظفين). Names ending in و
        // (شويغو, ماركو) have no such plural beside them; from five letters (مترو is not مترين).
        if word.hasSuffix("و"), word.count >= 5 {
            let rest = String(word.dropLast())
            let forms: [String] = [rest + "ين", "ال" + rest + "ين", rest + "ون", "ال" + rest + "ون"]
            let full = forms.filter { frequency($0) > 0 }
            if let most = full.max(by: { (frequency($0), $1) < (frequency($1), $0) }) { return most }
        }
        // And before the pronoun ه, which is not an ending of its own (it is also the folded ة):
        // حكومته → حكومة, from five letters (بيته, قوته stay as they are).
        if word.count >= 5, word.hasSuffix("ته"), !isAttested(String(word.dropLast())), isANoun(word.dropLast(2) + "ه") {
            return word.dropLast(2) + "ه"
        }
        return nil
    }

    /// Whether a feminine form is a stem of the site or written with the article (الحكومة once).
    func isANoun(_ form: String) -> Bool { isAttested(form) || frequency("ال" + form) > 0 }

    /// The suffixes that are pronouns (after which a feminine noun's ة is written ت).
    static let pronounSuffixes: Set<String> = ["هما", "كما", "ها", "هم", "هن", "كم", "نا"]

    /// Whether a suffix that also ends names may go: never from a word with a nisba of its own
    /// (البحريني: البحرين is a place, not the dual of البحر); else when the rest is used more than
    /// twice as much as the whole word, or the other case or number is written too (مهندسين
    /// beside مهندسون, بلدين beside بلدان), or, for the tanween alif, the rest takes the article
    /// (سيولا beside السيول).
    func mayStripGuarded(_ suffix: String, from word: String, leaving rest: String) -> Bool {
        // The sound plural of a nisba adjective (الفلسطينيون, السوريين → فلسطيني, سوري): no name
        // ends so, and its singular is a word of the site (strippingSuffix checked that).
        if suffix == "ون" || suffix == "ين", rest.count >= 4, rest.hasSuffix("ي") { return true }
        // A word with a nisba adjective of its own (البحريني, لبناني, فلسطيني) is a name, not a
        // stem and an ending: البحرين is not the dual of البحر.
        if suffix != "ا" {
            let bare = word.hasPrefix("ال") ? String(word.dropFirst(2)) : word
            if [bare + "ي", "ال" + bare + "ي", bare + "يه", "ال" + bare + "يه"].contains(where: { frequency($0) > 0 }) { return false }
        }
        let support = support(rest)
        if support > 2 * frequency(word) { return true }
        switch suffix {
        case "ين": return frequency(rest + "ون") > 0 || frequency(rest + "ان") > 0
        case "ون": return frequency(rest + "ين") > 0
        case "ان": return frequency(rest + "ين") > 0
        case "ا": return frequency("ال" + rest) > 0 && support >= frequency(word)
        default: return false
        }
    }

    /// Whether a form is a stem of the site: written bare (with or without the article), or
    /// shared by several words.
    func isAttested(_ form: String) -> Bool {
        frequency(form) > 0 || (afterArticle[form] ?? 0) >= 2 || (suffixedForms[form]?.count ?? 0) >= 2
    }

    /// How much a form is used besides in the word being stemmed: bare, or as the base of
    /// other words (the word itself is one of those, hence the -1).
    func support(_ form: String) -> Int {
        frequency(form) + max((suffixedForms[form]?.count ?? 0) - 1, 0)
    }

    /// The word without an article prefix, without a one-letter prefix, and as it is.
    static func unprefixed(_ word: String) -> (afterArticle: String?, forms: Set<String>) {
        var forms: Set<String> = [word]
        var afterArticle: String?
        for prefix in articlePrefixes where word.hasPrefix(prefix) && word.count - prefix.count >= 2 {
            afterArticle = String(word.dropFirst(prefix.count))
            forms.insert(afterArticle!)
            break
        }
        if let first = word.first, letterPrefixes.contains(first), word.count > 3 { forms.insert(String(word.dropFirst())) }
        return (afterArticle, forms)
    }

    /// The word without a leading article (البنك → بنك, للمصرف → مصرف, والهزة → هزة) when three
    /// letters or more are left, else as it is: for matching words against a list someone wrote
    /// (synonym groups), where the list's word and the article are both known to be words.
    public static func withoutArticle(_ word: String) -> String {
        for prefix in articlePrefixes where word.hasPrefix(prefix) && word.count - prefix.count >= minimumStemLength {
            return String(word.dropFirst(prefix.count))
        }
        return word
    }

    /// Whether two words differ only by what is attached in front (وزير, الوزير, ووزير;
    /// الانتخابات, لانتخابات): they share a form as written or `unprefixed`. Only for words already
    /// in one family: on its own it would cut وزير to زير.
    public static func differOnlyInFront(_ a: String, _ b: String) -> Bool {
        !unprefixed(a).forms.isDisjoint(with: unprefixed(b).forms)
    }

    /// Every word of the site with the same stem as `word` (the word itself included when used).
    public func family(of word: String) -> Set<String> {
        let stem = stem(word)
        var family = groups[stem] ?? []
        if frequency(word) > 0 { family.insert(word) }
        if frequency(stem) > 0 { family.insert(stem) }
        // A word the site only writes with the article (زير in الزير).
        if frequency(word) == 0 {
            for prefix in Self.articlePrefixes where frequency(prefix + word) > 0 {
                family.formUnion(groups[self.stem(prefix + word)] ?? [prefix + word])
            }
        }
        // A word typed with the article that the site writes with it behind و ب ف ك ل (الشر in
        // والشر, للشر): the same word, even where the site never writes it bare to show a stem.
        if word.hasPrefix("ال"), word.count >= 4 {
            let bare = String(word.dropFirst(2))
            for prefix in Self.articlePrefixes where prefix != "ال" && frequency(prefix + bare) > 0 {
                family.formUnion(groups[self.stem(prefix + bare)] ?? [prefix + bare])
            }
            // And the words whose stem is the word without it (الحكومة, حكومتها → حكومة) where the
            // site never writes that stem bare to join them by.
            if stem == word, let others = groups[bare] { family.formUnion(others) }
        }
        return family
    }

    /// The word's family and the site's words that are the word behind a prefix (لهجوم, والهجوم),
    /// for matching a phrase whose first word may carry one: in a phrase the words next to it
    /// say what it is, so a prefix needs no other evidence.
    public func writtenForms(of word: String) -> Set<String> {
        var forms = family(of: word)
        let bare = word.hasPrefix("ال") && word.count > 4 ? String(word.dropFirst(2)) : word
        for prefix in Self.letterPrefixes.map(String.init) + Self.articlePrefixes {
            for form in [prefix + word, prefix + bare] where frequency(form) > 0 && form != word { forms.insert(form) }
        }
        return forms
    }

    /// The site's words that are this word with a conjunction or preposition in front (الدولة:
    /// والدولة, للدولة, وبالدولة; دولة: لدولة, ودولة), nothing else: the article stays as typed.
    public func attachedForms(of word: String) -> [String] {
        var forms: [String] = []
        if word.hasPrefix("ال"), word.count > 3 {
            let bare = word.dropFirst(2)
            forms = ["و", "ف", "ب", "ك", "وب", "فب", "وك"].map { $0 + word } + ["لل", "ولل", "فلل"].map { $0 + bare }
        } else {
            forms = ["و", "ف", "ب", "ك", "ل", "وب", "فب", "ول", "فل", "وك"].map { $0 + word }
        }
        return forms.filter { frequency($0) > 0 }
    }

    /// The ways a word may be written as two words the site uses, the first a short name part
    /// (دي ميستورا, لو دريان, عبد الله, أبو ظبي, رام الله, نيو يورك): compound names are written
    /// both joined and apart. Search asks for the two in a row, so words that merely exist
    /// (لم + اذا in لماذا) find nothing unless written so.
    public func writtenApart(_ word: String) -> [[String]] {
        let letters = Array(word)
        guard letters.count >= 5, !word.allSatisfy(\.isNumber) else { return [] }
        var pairs: [[String]] = []
        for cut in 2...min(4, letters.count - 3) {
            let first = String(letters[..<cut])
            let second = String(letters[cut...])
            if frequency(first) > 0, frequency(second) > 0 { pairs.append([first, second]) }
        }
        return pairs
    }

    /// The site's words that are the broken plural or singular of this word (وزير ↔ وزراء), with
    /// their families.
    public func numberCounterparts(of word: String) -> Set<String> {
        let base = Self.withoutArticle(word)
        var found = Set<String>()
        var seen = Set<BrokenPlurals.Counterpart>()
        for source in Set([base, stem(base)]) {
            for counterpart in BrokenPlurals.counterparts(of: source) where seen.insert(counterpart).inserted {
                let candidate = counterpart.form
                let prefixed = Self.articlePrefixes.map { $0 + candidate }.filter { frequency($0) > 0 }
                guard isAttested(candidate) || !prefixed.isEmpty else { continue }
                switch counterpart.evidence {
                case .used: break
                case .nouns:
                    // The singular a noun (with the article); the plural too, or, where the site
                    // only writes it in a construct (جيوش المنطقة), a singular never written as a
                    // present verb (يدخل: دخول is its verbal noun, not a plural of الدخل).
                    let singular = counterpart.plural == candidate ? source : candidate
                    guard frequency("ال" + singular) > 0,
                        frequency("ال" + counterpart.plural) > 0 || frequency("ي" + singular) + frequency("ت" + singular) == 0
                    else { continue }
                case .pluralWithoutArticle:
                    guard frequency(counterpart.plural) > 0 else { continue }
                case .notAVerb:
                    guard frequency("ي" + candidate) + frequency("ت" + candidate) == 0 else { continue }
                case .notAFeminine:
                    let plural = counterpart.plural
                    let masculine = String(plural.dropLast())
                    guard (frequency(masculine) + frequency("ال" + masculine)) * 4 < frequency(plural) + frequency("ال" + plural) else { continue }
                case .notAnAdjective:
                    let plural = counterpart.plural
                    let feminine = frequency(plural + "ه") + frequency("ال" + plural + "ه")
                    let elative = "ا" + plural.dropLast()
                    guard feminine * 4 < frequency(plural) + frequency("ال" + plural), frequency(elative) + frequency("ال" + elative) == 0 else { continue }
                }
                found.formUnion(family(of: candidate))
                found.formUnion(prefixed)
            }
        }
        found.formUnion(nationalityCounterparts(of: base))
        return found
    }

    /// A people and one of them (الروس ↔ الروسي، الروسية; الألمان ↔ الألماني): the collective
    /// plural of a nationality is its adjective without the nisba ي. Only where the site writes
    /// the country as the adjective's stem + يا (روسيا, ألمانيا) about as often as the adjective
    /// itself, so a word and an unrelated nisba (السكر, السكري: سكريا is at most an adjective's
    /// accusative) stay apart.
    func nationalityCounterparts(of base: String) -> Set<String> {
        var people = base
        if base.hasSuffix("يه") {
            people = String(base.dropLast(2))
        } else if base.hasSuffix("ي") {
            people = String(base.dropLast())
        }
        guard people.count >= Self.minimumStemLength else { return [] }
        let adjective = people + "ي"
        let adjectiveUse = frequency(adjective) + frequency("ال" + adjective)
        let country = frequency(people + "يا")
        guard adjectiveUse > 0, country > 0, country * 4 >= adjectiveUse else { return [] }
        var found = Set<String>()
        for form in [people, adjective, adjective + "ه"] where form != base {
            found.formUnion(family(of: form))
            found.formUnion(Self.articlePrefixes.map { $0 + form }.filter { frequency($0) > 0 })
        }
        return found
    }

    /// Words of the site whose stem is one letter away from this word's stem (a substitution, or
    /// a letter added or dropped inside the word), for stems of five letters or more.
    public func spellingVariants(of word: String) -> Set<String> {
        let stem = stem(word)
        // Letters counted without an article the stem kept (a word the site only writes with
        // it): المصرف is a four-letter word, not a name that may lose a letter to الصرف.
        let length = Self.withoutArticle(stem).count
        guard length >= Self.fuzzyMinimumLength - 1, !stem.allSatisfy(\.isNumber) else { return [] }
        var stemsFound = Set<String>()
        // The stem, and the stem give or take the article: a word the site writes only without it
        // (مسئولية for المسؤولية typed) or only with it has its stem so.
        let bare = Self.withoutArticle(stem)
        for base in [stem, bare == stem ? "ال" + stem : bare] {
            for key in Self.deletionKeys(of: base) + [base] {
                for candidate in deletions[key] ?? []
                where candidate != stem && max(Self.withoutArticle(candidate).count, length) >= Self.fuzzyMinimumLength
                    && Self.isOneEditApart(base, candidate) && !Self.differByAPrefixLetter(base, candidate)
                {
                    stemsFound.insert(candidate)
                }
            }
            for candidate in deletions[base] ?? []
            where candidate != stem && Self.isOneEditApart(base, candidate) && !Self.differByAPrefixLetter(base, candidate) {
                stemsFound.insert(candidate)
            }
        }
        if length >= Self.transliterationMinimumLength {
            for candidate in transliterations[String(Self.skeleton(of: stem))] ?? [] where Self.isTransliteration(stem, candidate) {
                stemsFound.insert(candidate)
            }
        }
        return stemsFound.reduce(into: Set<String>()) { words, variant in words.formUnion(groups[variant] ?? []) }
    }

    /// Whether one word is the other with و ف ب ك ل in front (رهان, البرهان; سام, وسام): a
    /// prefix or a word of its own, which the prefix rules decide, never a spelling variant.
    static func differByAPrefixLetter(_ a: String, _ b: String) -> Bool {
        let (x, y) = (withoutArticle(a), withoutArticle(b))
        guard x.count != y.count else { return false }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        guard let first = long.first, letterPrefixes.contains(first) else { return false }
        return long.dropFirst() == short
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
        generation = Self.generations.add(1, ordering: .relaxed).newValue
        mostCommonFrequency = frequencies.values.max() ?? 0
        var afterArticle: [String: Int] = [:]
        var suffixedForms: [String: Set<String>] = [:]
        for word in frequencies.keys {
            let (bare, forms) = Self.unprefixed(word)
            if let bare { afterArticle[bare, default: 0] += 1 }
            for form in forms {
                for suffix in Self.suffixes where form.hasSuffix(suffix) && form.count - suffix.count >= Self.minimumStemLength {
                    let rest = String(form.dropLast(suffix.count))
                    suffixedForms[rest, default: []].insert(form)
                    if ["ات", "تان", "تين"].contains(suffix) { suffixedForms[rest + "ه", default: []].insert(form) }
                }
            }
        }
        self.afterArticle = afterArticle
        self.suffixedForms = suffixedForms
        var stems: [String: String] = [:]
        var groups: [String: Set<String>] = [:]
        stems.reserveCapacity(frequencies.count)
        for word in frequencies.keys {
            let stem = computeStem(word)
            stems[word] = stem
            groups[stem, default: []].insert(word)
        }
        var deletions: [String: Set<String>] = [:]
        for stem in groups.keys where stem.count >= Self.fuzzyMinimumLength - 1 {
            for key in Self.deletionKeys(of: stem) { deletions[key, default: []].insert(stem) }
            deletions[stem, default: []].insert(stem)
        }
        var transliterations: [String: Set<String>] = [:]
        for stem in groups.keys where stem.count >= Self.transliterationMinimumLength {
            transliterations[String(Self.skeleton(of: stem)), default: []].insert(stem)
        }
        self.stems = stems
        self.groups = groups
        self.deletions = deletions
        self.transliterations = transliterations
        sortedWords = frequencies.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Shortest start of a word that is completed: shorter ones (ال، و) start most words.
    public static let completionMinimumLength = 3

    /// The site's most used words that begin with `prefix` (folded), most used first: what a
    /// reader typing `prefix` probably means.
    ///
    /// ```swift
    /// vocabulary.completions(of: "فرن", limit: 3) // ["فرنسا", "الفرنسي"…] as the site uses them
    /// ```
    public func completions(of prefix: String, limit: Int) -> [String] {
        guard prefix.count >= Self.completionMinimumLength, limit > 0 else { return [] }
        let key = Array(prefix.utf8)
        var low = 0
        var high = sortedWords.count
        while low < high {
            let middle = (low + high) / 2
            if sortedWords[middle].utf8.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        var found: [(word: String, count: Int)] = []
        var index = low
        // Bounded: a short start of a very common stem can begin thousands of words.
        while index < sortedWords.count, found.count < 20_000, sortedWords[index].utf8.starts(with: key) {
            found.append((sortedWords[index], frequency(sortedWords[index])))
            index += 1
        }
        return found.sorted { $0.count > $1.count || ($0.count == $1.count && $0.word < $1.word) }.prefix(limit).map(\.word)
    }

    /// The word with one letter removed, for each position. (`isOneEditApart` refuses a letter
    /// added or dropped at the start, so a prefix letter such as ب in بطاقة is not a variant.)
    static func deletionKeys(of word: String) -> [String] {
        let letters = Array(word)
        guard letters.count > 1 else { return [] }
        return (0..<letters.count).map { index in
            var copy = letters
            copy.remove(at: index)
            return String(copy)
        }
    }

    /// Letters that write one sound of a foreign name: g (ج غ ق ك), s and sh (س ش ص), t (ت ط),
    /// d (د ض), z (ز ذ ظ).
    static let transliterationLetter: [Character: Character] = [
        "ج": "ك", "غ": "ك", "ق": "ك", "ش": "س", "ص": "س", "ط": "ت", "ض": "د", "ذ": "ز", "ظ": "ز",
    ]

    /// A word's letters with the letters of one sound merged.
    static func skeleton(of word: String) -> [Character] {
        word.map { transliterationLetter[$0] ?? $0 }
    }

    /// Whether two long words are one name written with other letters for its sounds in more
    /// than one place (غوتيريش/جوتيريس): the same once those letters are merged. Only from seven
    /// letters: shorter words of Arabic differ so (تسجيل, تشغيل; الشوط, الصوت), and one such
    /// letter is already a one-letter variant.
    static func isTransliteration(_ a: String, _ b: String) -> Bool {
        a != b && a.count >= transliterationMinimumLength && skeleton(of: a) == skeleton(of: b)
    }

    static let transliterationMinimumLength = 7

    static func isOneEditApart(_ a: String, _ b: String) -> Bool {
        let x = Array(a)
        let y = Array(b)
        if x.count == y.count {
            let differences = zip(x, y).filter { $0 != $1 }.count
            return differences == 1
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        guard long.count - short.count == 1, short.first == long.first else { return false }
        // A letter added at the end that is the feminine ة (folded ه) or the nisba ي makes
        // another word (سيولة is not سيول, كويتي is not كويت), not another spelling of it.
        if long.last == "ه" || long.last == "ي", Array(long.dropLast()) == short { return false }
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
