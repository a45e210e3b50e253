/// Broken plurals by pattern: وزير/وزراء, مقبرة/مقابر, سفينة/سفن, برميل/براميل, طالب/طلاب,
/// فيلم/أفلام, جريح/جرحى, جريمة/جرائم, صديق/أصدقاء. Each pattern is a plural shape and the singular shapes
/// it comes from, over the root's letters; it is read both ways, so a plural finds its singular
/// and a singular its plural. Search keeps only candidates the site actually uses, with the
/// evidence the pattern asks for, so a pattern never invents a word.
public enum BrokenPlurals {
    /// What the site must show before a pattern's counterpart is taken.
    public enum Evidence: Sendable, Hashable {
        /// The counterpart is a word of the site.
        case used
        /// The singular is written with the article, as a noun, and so is the plural or else the
        /// singular is never a present verb: the shape is also a verbal noun's (قبول is not قبل,
        /// هجوم is not هجم, دخول is not الدخل where the site writes يدخل).
        case nouns
        /// The plural is also written without the article: a name that only ever has it (الجزائر,
        /// which has the shape of جزيرة's plural) is not a plural.
        case pluralWithoutArticle
        /// The singular's shape is also a verb's and its masdar's (طلب beside يطلب: الطلاب are not
        /// الطلب; بين beside يبين): taken only when the site never writes it as a present verb.
        case notAVerb
        /// The plural's shape is also an adjective's feminine (أخيرة beside أخير, against أنظمة):
        /// taken only when the site seldom writes the shape without its ة.
        case notAFeminine
        /// The plural's shape is also a nisba adjective's (جرحى/مرضى against مصري, عملي, غربي) and a
        /// feminine elative's (كبرى, وسطى): taken only when the site seldom writes it with the
        /// feminine ة, as adjectives are, and never writes its masculine elative (أكبر, أوسط).
        case notAnAdjective
    }

    /// A word's counterpart in the other number.
    public struct Counterpart: Sendable, Hashable {
        public let form: String
        /// Which of the two words is the plural.
        public let plural: String
        public let evidence: Evidence
    }

    /// A plural shape and its singulars. Digits stand for root letters (the same digit, the same
    /// letter); every other letter must be there as written (folded: ة → ه, ى and ئ → ي).
    struct Pattern {
        let plural: [Unicode.Scalar]
        let singulars: [[Unicode.Scalar]]
        /// The singular shapes that propose the plural. A singular shape that most words of its
        /// length have (فعل, مفعل without its م) would link unrelated words (طلب → طلاب, بين → بيان),
        /// so those are read from the plural only.
        let readBack: [[Unicode.Scalar]]
        let evidence: Evidence
        /// Letters a root slot may not hold in this pattern (فعول's second: قوم is not a plural).
        let notRoot: [Unicode.Scalar: Set<Unicode.Scalar>]
        /// A root's و or ي may be the other (hamza seats fold apart: رؤساء → روساء, رئيس → رييس).
        let weakLettersAlternate: Bool

        init(
            _ plural: String, _ singulars: [String], readBack: [String]? = nil, evidence: Evidence = .used,
            notRoot: [Unicode.Scalar: Set<Unicode.Scalar>] = [:], weakLettersAlternate: Bool = false
        ) {
            self.plural = Array(plural.unicodeScalars)
            self.singulars = singulars.map { Array($0.unicodeScalars) }
            self.readBack = (readBack ?? singulars).map { Array($0.unicodeScalars) }
            self.evidence = evidence
            self.notRoot = notRoot
            self.weakLettersAlternate = weakLettersAlternate
        }
    }

    static let patterns: [Pattern] = [
        Pattern("ا12ا3", ["123", "1ي23"]),  // أفعال: أسعار → سعر، أفلام → فيلم
        Pattern("12ا3", ["1ا23", "12ي3"]),  // فعال: طلاب → طالب، كبار → كبير
        Pattern("12ا3", ["123"], readBack: [], evidence: .notAVerb),  // فعال: جبال → جبل (not الطلاب → الطلب)
        // مفاعل، فعالل: مقابر → مقبرة، مكاتب → مكتب. A third ي is فعائل's (below, with its evidence).
        Pattern("12ا34", ["1234ه", "1234"], readBack: ["1234ه"], notRoot: ["3": ["ي"]]),
        Pattern("م1ا23", ["م123"]),  // مفاعل: مراكز → مركز، مصانع → مصنع
        Pattern("1وا23", ["1ا23", "1ا23ه"], notRoot: ["3": ["ي"]]),  // فواعل: شوارع → شارع، عواصم → عاصمة
        Pattern("12ا3ي4", ["123ي4", "123و4", "123ا4"]),  // فعاليل، مفاعيل: براميل، مشاريع، تماثيل
        Pattern("1وا3ي4", ["1ا3و4"]),  // فواعيل: صواريخ → صاروخ
        Pattern("123اء", ["12ي3"], weakLettersAlternate: true),  // فعلاء: وزراء → وزير، رؤساء → رئيس
        Pattern("ا123اء", ["12ي3"]),  // أفعلاء: أصدقاء → صديق
        Pattern("ا12اء", ["12ي2"]),  // أفعّاء: أطباء → طبيب، أشقاء → شقيق
        Pattern("123ي", ["12ي3"], evidence: .notAnAdjective, notRoot: ["1": ["ا"]]),  // فعلى: جرحى → جريح، قتلى → قتيل
        Pattern("12اي3", ["12ي3ه", "12ا3ه", "12ي3"], evidence: .pluralWithoutArticle, notRoot: ["3": ["ي"]]),  // فعائل: جرائم، رسائل
        Pattern("123", ["12ي3ه", "123ه"]),  // فِعَل، فُعُل: سفن → سفينة، مدن → مدينة، دول → دولة
        Pattern("ا123ه", ["12ا3"], evidence: .notAFeminine),  // أفعلة: أسلحة → سلاح، أنظمة → نظام
        Pattern("12و3", ["123"], evidence: .nouns, notRoot: ["2": ["ا", "و"]]),  // فعول: جيوش → جيش، بنوك → بنك
    ]

    /// Candidate counterparts of a folded word (without the article), each with the evidence
    /// its pattern asks for.
    public static func counterparts(of word: String) -> [Counterpart] {
        let letters = Array(word.unicodeScalars)
        var out: [Counterpart] = []
        func add(_ form: [Unicode.Scalar], plural: [Unicode.Scalar], _ pattern: Pattern) {
            guard form != letters else { return }
            out.append(Counterpart(form: string(form), plural: string(plural), evidence: pattern.evidence))
        }
        for pattern in patterns {
            if let root = match(letters, pattern.plural, pattern) {
                for singular in pattern.singulars {
                    for form in fill(singular, root, pattern) { add(form, plural: letters, pattern) }
                }
            }
            for singular in pattern.readBack {
                guard let root = match(letters, singular, pattern) else { continue }
                for form in fill(pattern.plural, root, pattern) { add(form, plural: form, pattern) }
            }
        }
        // Sound plurals of words in -اة: قنوات → قناة، مباريات → مباراة، فتيات → فتاة.
        if letters.count >= 5, word.hasSuffix("يات") || word.hasSuffix("وات") {
            out.append(Counterpart(form: string(letters.dropLast(3)) + "اه", plural: word, evidence: .used))
        }
        if letters.count >= 4, word.hasSuffix("اه") {
            let stem = string(letters.dropLast(2))
            for ending in ["يات", "وات"] { out.append(Counterpart(form: stem + ending, plural: stem + ending, evidence: .used)) }
        }
        return out
    }

    static func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The root slot ("1"…"4") a shape's scalar stands for, or nil for a letter.
    @inline(__always)
    static func slot(_ scalar: Unicode.Scalar) -> Int? {
        (0x31...0x34).contains(scalar.value) ? Int(scalar.value - 0x31) : nil
    }

    /// The root letters of a word of this shape (by slot), or nil.
    static func match(_ word: [Unicode.Scalar], _ shape: [Unicode.Scalar], _ pattern: Pattern) -> [Unicode.Scalar?]? {
        guard word.count == shape.count else { return nil }
        var root: [Unicode.Scalar?] = [nil, nil, nil, nil]
        for (letter, mark) in zip(word, shape) {
            if let index = slot(mark) {
                if let excluded = pattern.notRoot[mark], excluded.contains(letter) { return nil }
                if let bound = root[index] {
                    if bound != letter { return nil }
                } else {
                    root[index] = letter
                }
            } else if mark != letter {
                return nil
            }
        }
        return root
    }

    /// The shape filled with the root (both readings of a weak letter where the pattern allows).
    static func fill(_ shape: [Unicode.Scalar], _ root: [Unicode.Scalar?], _ pattern: Pattern) -> [[Unicode.Scalar]] {
        var form: [Unicode.Scalar] = []
        form.reserveCapacity(shape.count)
        for mark in shape {
            if let index = slot(mark) {
                guard let letter = root[index] else { return [] }
                form.append(letter)
            } else {
                form.append(mark)
            }
        }
        guard pattern.weakLettersAlternate else { return [form] }
        var forms = [form]
        for (index, mark) in shape.enumerated() where slot(mark) != nil && (form[index] == "و" || form[index] == "ي") {
            var other = form
            other[index] = form[index] == "و" ? "ي" : "و"
            forms.append(other)
        }
        return forms
    }
}
