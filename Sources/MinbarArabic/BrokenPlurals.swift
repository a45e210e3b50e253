/// Broken plurals by pattern: وزير/وزراء, مقبرة/مقابر, سفينة/سفن, برميل/براميل, طالب/طلاب,
/// فيلم/أفلام. Each pattern rewrites the letters of a folded word into the other number's
/// candidate forms; search keeps only candidates the site actually uses, so a pattern never
/// invents a word.
public enum BrokenPlurals {
    /// Candidate singulars and plurals of a folded word (without the article).
    public static func counterparts(of word: String) -> Set<String> {
        let c = Array(word)
        var out = Set<String>()
        func add(_ letters: [Character]) { out.insert(String(letters)) }
        let n = c.count
        // Plural → singular
        if n == 5, c[2] == "ا" {  // مفاعل، فواعل: مقابر → مقبرة، مكاتب → مكتب، شوارع → شارع
            add([c[0], c[1], c[3], c[4], "ه"])
            add([c[0], c[1], c[3], c[4]])
            if c[1] == "و" { add([c[0], "ا", c[3], c[4]]); add([c[0], "ا", c[3], c[4], "ه"]) }
        }
        if n == 6, c[2] == "ا", c[4] == "ي" {  // فعاليل، مفاعيل: براميل → برميل، مشاريع → مشروع
            add([c[0], c[1], c[3], "ي", c[5]])
            add([c[0], c[1], c[3], "و", c[5]])
            if c[1] == "و" { add([c[0], "ا", c[3], "و", c[5]]) }
        }
        if n == 5, c[3] == "ا", c[4] == "ء" {  // فعلاء: وزراء → وزير
            add([c[0], c[1], "ي", c[2]])
        }
        if n == 4, c[2] == "ا" {  // فعال: طلاب → طالب، كبار → كبير، جبال → جبل
            add([c[0], "ا", c[1], c[3]])
            add([c[0], c[1], "ي", c[3]])
            add([c[0], c[1], c[3]])
        }
        if n == 5, c[0] == "ا", c[3] == "ا" {  // أفعال: أفلام → فيلم، أسعار → سعر
            add([c[1], c[2], c[4]])
            add([c[1], "ي", c[2], c[4]])
        }
        if n == 3 {  // فعل، فُعُل: سفن → سفينة، مدن → مدينة، دول → دولة
            add([c[0], c[1], "ي", c[2], "ه"])
            add([c[0], c[1], c[2], "ه"])
        }
        if n == 5, c[0] == "ا", c[4] == "ه" {  // أفعلة: أسلحة → سلاح
            add([c[1], c[2], "ا", c[3]])
        }
        // Singular → plural
        if n == 4, c[2] == "ي" {  // فعيل → فعلاء، فعال: وزير → وزراء، كبير → كبار
            add([c[0], c[1], c[3], "ا", "ء"])
            add([c[0], c[1], "ا", c[3]])
        }
        if n == 5, c[4] == "ه" {  // مفعلة، فعيلة: مقبرة → مقابر، سفينة → سفن، مدينة → مدن
            add([c[0], c[1], "ا", c[2], c[3]])
            if c[2] == "ي" { add([c[0], c[1], c[3]]) }
        }
        if n == 4, c[1] == "ا" {  // فاعل → فعال، فواعل: طالب → طلاب، شارع → شوارع
            add([c[0], c[2], "ا", c[3]])
            add([c[0], "و", "ا", c[2], c[3]])
        }
        if n == 4, c[1] == "ي" {  // فيلم → أفلام
            add(["ا", c[0], c[2], "ا", c[3]])
        }
        if n == 3 {  // فعل → أفعال: سعر → أسعار
            add(["ا", c[0], c[1], "ا", c[2]])
        }
        if n == 5, c[3] == "ي" || c[3] == "و" {  // فعليل، مفعول → فعاليل، مفاعيل
            add([c[0], c[1], "ا", c[2], "ي", c[4]])
        }
        if n == 4, c[3] == "ه" {  // فعلة → فعل: دولة → دول
            add([c[0], c[1], c[2]])
        }
        out.remove(word)
        return out
    }

    /// Counterparts by patterns whose other side is also a verb's shape (فعول: دروس → درس, but
    /// قبول is not قبل, هجوم is not هجم): search takes them only where the site writes both
    /// words with the article, as nouns.
    public static func nounCounterparts(of word: String) -> Set<String> {
        let c = Array(word)
        var out = Set<String>()
        if c.count == 4, c[2] == "و", c[1] != "ا", c[1] != "و" {  // فعول → فعل: دروس → درس، جيوش → جيش
            out.insert(String([c[0], c[1], c[3]]))
        }
        if c.count == 3 {  // فعل → فعول: قلب → قلوب، بنك → بنوك
            out.insert(String([c[0], c[1], "و", c[2]]))
        }
        out.remove(word)
        return out
    }
}
