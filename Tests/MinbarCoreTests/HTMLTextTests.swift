import Testing

@testable import MinbarCore

@Suite struct HTMLTextTests {
    @Test func escapesMarkup() {
        #expect(HTMLText.escape(#"<script>alert("x")</script> & 'y'"#) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
    }

    @Test func makesParagraphs() {
        #expect(HTMLText.paragraphs(["أ < ب", "ج"]) == "<p>أ &lt; ب</p>\n<p>ج</p>")
    }

    @Test func extractsPlainText() {
        #expect(HTMLText.plainText(fromHTML: "<p>وزير&nbsp;الدفاع</p><p>&quot;قال&quot; &#1575;&#x644;</p>") == "وزير الدفاع \"قال\" ال")
    }

    @Test func plainTextCollapsesEveryKindOfSpaceAndDropsTags() {
        #expect(HTMLText.plainText(fromHTML: "  <h2>عنوان</h2>\n\t<p>فقرة  أولى</p><ul><li>بند</li></ul>  ") == "عنوان فقرة أولى بند")
        #expect(HTMLText.plainText(fromHTML: "<p>a&amp;b &lt;c&gt;</p>") == "a&b <c>")
        #expect(HTMLText.plainText(fromHTML: "") == "")
        #expect(HTMLText.plainText(fromHTML: "<p>وزير</p><p>الدفاع</p>") == "وزير الدفاع")
        #expect(HTMLText.plainText(fromHTML: "أ\u{00A0}\u{3000}ب&#x2003;ج\u{2029}د\u{0085}هـ") == "أ ب ج د هـ")
        #expect(HTMLText.plainText(fromHTML: "&lt;p&gt;نص&lt;/p&gt; &amp;nbsp; &unknown; & ;") == "<p>نص</p> &nbsp; &unknown; & ;")
        #expect(HTMLText.plainText(fromHTML: "<br>&nbsp;<b>نص</b>&nbsp;") == "نص")
        #expect(HTMLText.plainText(fromHTML: "Ünïcode 😀 中文&#128512;") == "Ünïcode 😀 中文😀")
    }

    @Test func cutsExcerptsAtWords() {
        let text = Array(repeating: "كلمة", count: 50).joined(separator: " ")
        let excerpt = ArticleExcerpt.make(fromText: text, maximumWords: 10)
        #expect(excerpt.hasSuffix("…"))
        #expect(excerpt.split(separator: " ").count == 10)
        #expect(ArticleExcerpt.make(fromText: "قصير جداً") == "قصير جداً")
    }

    @Test func walksCategoryTrees() {
        let categories = [
            Category(id: 1, slug: "a", name: "أ", position: 2), Category(id: 2, slug: "b", name: "ب", parentID: 1),
            Category(id: 3, slug: "c", name: "ج", parentID: 2), Category(id: 4, slug: "d", name: "د", position: 1),
        ]
        #expect(Set(categories.idsInTree(of: 1)) == [1, 2, 3])
        #expect(categories.topLevel.map(\.id) == [4, 1])
        #expect(categories.ancestry(of: categories[2]).map(\.id) == [3, 2, 1])
    }
}
