import Testing

@testable import MinbarArabic

@Suite struct SlugTests {
    @Test(arguments: [
        ("تحالف فرنسي – روسي ضد تنظيم “الدولة الإسلامية” في سوريا", "تحالف-فرنسي-روسي-ضد-تنظيم-الدولة-الإسلامية-في-سوريا"),
        ("عَاجِـــل: وزراء خارجية عرب في عمّان", "عاجل-وزراء-خارجية-عرب-في-عمان"),
        ("Breaking News — G20 Summit!", "breaking-news-g20-summit"),
        ("الشرق الأوسط", "الشرق-الأوسط"),
        ("قمة G20 في الرياض ٢٠٢٦", "قمة-g20-في-الرياض-٢٠٢٦"),
        ("  ؟؟ ،، ", ""),
    ])
    func makesReadableSlugs(title: String, slug: String) {
        #expect(Slug.make(from: title) == slug)
    }

    @Test func keepsSlugsShort() {
        let title = Array(repeating: "كلمة", count: 100).joined(separator: " ")
        let slug = Slug.make(from: title)
        #expect(slug.count <= Slug.maximumLength)
        #expect(!slug.hasSuffix("-"))
        #expect(Slug.isValid(slug))
    }

    @Test func encodedAndDecodedFormsNormalizeAlike() {
        let slug = "تحالف-فرنسي-روسي"
        let encoded = Slug.percentEncoded(slug)
        #expect(encoded.hasPrefix("%D8%AA"))
        #expect(encoded.allSatisfy { $0.isASCII })
        #expect(Slug.normalize(encoded) == slug)
        #expect(Slug.normalize(slug) == slug)
        // Harakat, tatweel and a decomposed form reach the same stored slug.
        #expect(Slug.normalize("تَحالُف-فرنســي-روسي") == slug)
    }

    @Test func malformedPercentEncodingIsRejected() {
        #expect(Slug.normalize("%D8%A") == nil)
        #expect(Slug.normalize("%ZZ") == nil)
    }

    @Test func validatesStoredSlugs() {
        #expect(Slug.isValid("الشرق-الأوسط"))
        #expect(!Slug.isValid(""))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid("-a"))
        #expect(!Slug.isValid("a/b"))
        #expect(!Slug.isValid("a b"))
        #expect(!Slug.isValid("a?b"))
    }

    @Test func canonicalFormDropsHarakatAndTatweelOnly() {
        #expect(ArabicNormalizer.canonical("مُحَمَّدٌ") == "محمد")
        #expect(ArabicNormalizer.canonical("الـــعـــربـــيـة") == "العربية")
        // Letters are kept as written: folding أ/ا, ى/ي, ة/ه is search's business.
        #expect(ArabicNormalizer.canonical("المركز الديمقراطى العربى") == "المركز الديمقراطى العربى")
        #expect(ArabicNormalizer.canonical("أحمد") == "أحمد")
    }
}
