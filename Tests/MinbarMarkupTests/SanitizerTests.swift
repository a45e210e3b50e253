import Testing

@testable import MinbarMarkup

@Suite struct SanitizerTests {
    @Test func scriptsHandlersAndJavascriptURLsNeverSurvive() {
        let dirty = """
            <p onclick="steal()">نص <script>alert(1)</script><img src=x onerror="alert(2)"></p>
            <a href="javascript:alert(3)">رابط</a><a href=" JaVa\tScRiPt:alert(4)">ب</a>
            <iframe src="https://evil.example"></iframe><style>body{}</style><svg onload=alert(5)></svg>
            <form action="/x"><input type="text" name="q"></form>
            """
        let clean = HTMLSanitizer.sanitize(dirty)
        for forbidden in ["script", "onerror", "onclick", "javascript", "iframe", "<style", "svg", "onload", "<form", "type=\"text\""] {
            #expect(!clean.lowercased().contains(forbidden), "\(forbidden) survived: \(clean)")
        }
        // The image whose handler was stripped has no source a page can show: it is dropped too.
        #expect(clean.contains("<p>نص </p>"))
        #expect(clean.contains(">رابط</a>"))
    }

    @Test func allowedMarkupIsKeptAndUnknownElementsUnwrapped() {
        let clean = HTMLSanitizer.sanitize(
            "<h2 dir=\"rtl\">عنوان</h2><p><font color=red>أحمر</font> <a href=\"https://example.com/a?b=1&amp;c=2\" target=_blank>رابط</a></p><!-- note -->")
        #expect(clean == "<h2 dir=\"rtl\">عنوان</h2><p>أحمر <a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener\">رابط</a></p>")
    }

    @Test func brokenMarkupIsRepairedAndTextEscaped() {
        #expect(HTMLSanitizer.sanitize("<p>أ < ب & ج<b>غامق") == "<p>أ &lt; ب &amp; ج<b>غامق</b></p>")
        #expect(
            HTMLSanitizer.sanitize("<img src=\"https://cdn.example/a.jpg\" alt='\"x\"'>")
                == "<img src=\"https://cdn.example/a.jpg\" alt=\"&quot;x&quot;\">")
    }

    /// Images a page cannot show (no address, a relative or insecure one, another scheme) are
    /// dropped rather than left broken; https and the site's own media stay.
    @Test func onlyImagesAPageCanShowAreKept() {
        for bad in ["x", "a.jpg", "http://cdn.example/a.jpg", "data:image/png;base64,AAAA", "javascript:alert(1)", "//cdn.example/a.jpg", ""] {
            #expect(HTMLSanitizer.sanitize("<p>أ<img src=\"\(bad)\" alt=\"ب\"></p>") == "<p>أ</p>", "\(bad)")
        }
        #expect(HTMLSanitizer.sanitize("<p><img src=\"/media/2026/12/a.webp\" alt=\"ب\"></p>") == "<p><img src=\"/media/2026/12/a.webp\" alt=\"ب\"></p>")
    }

    @Test func markdownRendersWithTablesAndRawHTMLIsSanitized() {
        let html = Markdown.html(
            from: """
                ## خلفية

                فقرة **مهمة** و~~قديمة~~ مع رابط https://example.com

                | الدولة | العدد |
                |---|---|
                | مصر | ٣ |

                <script>alert(1)</script><b onmouseover="x()">نص</b>
                """)
        #expect(html.contains("<h2>خلفية</h2>"))
        #expect(html.contains("<strong>مهمة</strong>"))
        #expect(html.contains("<del>قديمة</del>"))
        #expect(html.contains("<a href=\"https://example.com\" rel=\"noopener\">https://example.com</a>"))
        #expect(html.contains("<td>مصر</td>"))
        #expect(!html.contains("script"))
        #expect(!html.contains("onmouseover"))
        #expect(html.contains("<b>نص</b>"))
    }
}
