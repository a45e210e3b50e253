import Foundation
import Testing

@testable import MinbarImport

/// What a reader gave for a whole file.
struct ReadExport {
    var site: WXRSite?
    var authors: [WXRAuthor] = []
    var terms: [WXRTerm] = []
    var items: [WXRItem] = []
    var warnings: [WXRWarning] = []

    static func of(_ url: URL) throws -> ReadExport {
        let reader = try WXRReader(contentsOf: url)
        var result = ReadExport()
        while let record = try reader.next() {
            switch record {
            case .site(let site):
                #expect(result.site == nil, "the site record comes once")
                #expect(result.authors.isEmpty && result.terms.isEmpty && result.items.isEmpty, "and first")
                result.site = site
            case .author(let author): result.authors.append(author)
            case .term(let term): result.terms.append(term)
            case .item(let item): result.items.append(item)
            }
        }
        #expect(reader.bytesRead <= reader.totalBytes + 1)
        result.warnings = reader.warnings
        return result
    }

    static func of(_ text: String) throws -> ReadExport {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wxr-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try of(url)
    }
}

/// A WXR 1.2 document around `body` (channel fields, authors, terms, items).
func export(_ body: String, version: String? = "1.2") -> String {
    """
    <?xml version="1.0" encoding="UTF-8" ?>
    <!-- generator="WordPress/6.1" -->
    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
    \txmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
    <channel>
    \t<title>موقع الأخبار</title>
    \t<link>https://news.example</link>
    \t<language>ar</language>
    \(version.map { "\t<wp:wxr_version>\($0)</wp:wxr_version>\n" } ?? "")\t<wp:base_site_url>https://news.example</wp:base_site_url>
    \t<wp:base_blog_url>https://news.example</wp:base_blog_url>
    \(body)
    </channel>
    </rss>

    """
}

@Suite struct WXRReaderTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/fixtures/wordpress")
        .standardized

    @Test func anArabicPostWithItsTermsMetaAndThreadedCommentsIsReadWhole() throws {
        let read = try ReadExport.of(export("""
            \t<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[sara]]></wp:author_login><wp:author_email><![CDATA[sara@news.example]]></wp:author_email><wp:author_display_name><![CDATA[سارة الأحمد]]></wp:author_display_name><wp:author_first_name><![CDATA[سارة]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
            \t<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename><![CDATA[%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[سياسة]]></wp:cat_name></wp:category>
            \t<wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug><![CDATA[%d8%b3%d9%88%d8%b1%d9%8a%d8%a7]]></wp:tag_slug><wp:tag_name><![CDATA[سوريا]]></wp:tag_name></wp:tag>
            \t<item>
            \t\t<title><![CDATA[تحالف فرنسي روسي & «خطة»]]></title>
            \t\t<link>https://news.example/2015/12/21/%d8%aa%d8%ad%d8%a7%d9%84%d9%81/</link>
            \t\t<dc:creator><![CDATA[sara]]></dc:creator>
            \t\t<content:encoded><![CDATA[<!-- wp:paragraph -->\r\n<p>فقرة أولى.</p>\r\n<!-- /wp:paragraph -->]]></content:encoded>
            \t\t<excerpt:encoded><![CDATA[مقتطف]]></excerpt:encoded>
            \t\t<wp:post_id>1024</wp:post_id>
            \t\t<wp:post_date><![CDATA[2015-12-21 12:00:00]]></wp:post_date>
            \t\t<wp:post_date_gmt><![CDATA[2015-12-21 10:00:00]]></wp:post_date_gmt>
            \t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>
            \t\t<wp:post_name><![CDATA[%d8%aa%d8%ad%d8%a7%d9%84%d9%81]]></wp:post_name>
            \t\t<wp:status><![CDATA[publish]]></wp:status>
            \t\t<wp:post_parent>0</wp:post_parent>
            \t\t<wp:menu_order>0</wp:menu_order>
            \t\t<wp:post_type><![CDATA[post]]></wp:post_type>
            \t\t<wp:post_password><![CDATA[]]></wp:post_password>
            \t\t<wp:is_sticky>1</wp:is_sticky>
            \t\t<category domain="category" nicename="%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9"><![CDATA[سياسة]]></category>
            \t\t<category domain="post_tag" nicename="%d8%b3%d9%88%d8%b1%d9%8a%d8%a7"><![CDATA[سوريا]]></category>
            \t\t<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[77]]></wp:meta_value></wp:postmeta>
            \t\t<wp:postmeta><wp:meta_key><![CDATA[_wp_old_slug]]></wp:meta_key><wp:meta_value><![CDATA[old-slug]]></wp:meta_value></wp:postmeta>
            \t\t<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author><![CDATA[قارئ]]></wp:comment_author><wp:comment_author_email><![CDATA[r@example.org]]></wp:comment_author_email><wp:comment_date><![CDATA[2015-12-21 13:00:00]]></wp:comment_date><wp:comment_content><![CDATA[تعليق <b>أول</b>]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
            \t\t<wp:comment><wp:comment_id>8</wp:comment_id><wp:comment_author><![CDATA[آخر]]></wp:comment_author><wp:comment_content><![CDATA[رد]]></wp:comment_content><wp:comment_approved><![CDATA[0]]></wp:comment_approved><wp:comment_parent>7</wp:comment_parent></wp:comment>
            \t</item>
            """))
        let site = try #require(read.site)
        #expect(site.title == "موقع الأخبار" && site.wxrVersion == "1.2" && site.baseSiteURL == "https://news.example")
        #expect(read.authors.map(\.displayName) == ["سارة الأحمد"])
        #expect(read.authors.first?.id == 2 && read.authors.first?.login == "sara")
        #expect(read.terms.map(\.taxonomy) == ["category", "post_tag"])
        #expect(read.terms.first?.name == "سياسة" && read.terms.first?.slug == "%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9")
        let item = try #require(read.items.first)
        #expect(item.title == "تحالف فرنسي روسي & «خطة»")
        #expect(item.postID == 1024 && item.postType == "post" && item.status == "publish" && item.isSticky)
        #expect(item.content == "<!-- wp:paragraph -->\n<p>فقرة أولى.</p>\n<!-- /wp:paragraph -->", "Windows line ends read as \\n")
        #expect(item.terms == [
            WXRItemTerm(domain: "category", slug: "%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9", name: "سياسة"),
            WXRItemTerm(domain: "post_tag", slug: "%d8%b3%d9%88%d8%b1%d9%8a%d8%a7", name: "سوريا"),
        ])
        #expect(item.meta("_thumbnail_id") == "77" && item.meta("_wp_old_slug") == "old-slug")
        #expect(item.comments.map(\.id) == [7, 8])
        #expect(item.comments[1].parent == 7 && item.comments[0].parent == nil)
        #expect(item.comments[0].content == "تعليق <b>أول</b>" && item.comments[0].approved == "1")
        #expect(item.line == 15)
        #expect(read.warnings.isEmpty, "\(read.warnings)")
    }

    @Test func aRawCDATACloseInsideCDATAIsReadAsWordPressReadsIt() throws {
        // crazy-cdata.xml of WordPress's importer tests, and its escaped twin: the same values.
        let raw = export("""
            <item><title>Hello world!</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
            <content:encoded><![CDATA[Content with nested <![CDATA[ tags ]]> :)]]></content:encoded>
            <wp:postmeta><wp:meta_key>Plain string</wp:meta_key><wp:meta_value><![CDATA[Foo]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key>Closing CDATA</wp:meta_key><wp:meta_value><![CDATA[]]>]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key>Alot of CDATA</wp:meta_key><wp:meta_value><![CDATA[This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>]]></wp:meta_value></wp:postmeta>
            </item>
            """, version: "1.1")
        let escaped = export("""
            <item><title>Hello world!</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
            <content:encoded><![CDATA[Content with nested <![CDATA[ tags ]]]]><![CDATA[> :)]]></content:encoded>
            <wp:postmeta><wp:meta_key>Plain string</wp:meta_key><wp:meta_value><![CDATA[Foo]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key>Closing CDATA</wp:meta_key><wp:meta_value><![CDATA[]]]]><![CDATA[>]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key>Alot of CDATA</wp:meta_key><wp:meta_value><![CDATA[This has <![CDATA[ opening and ]]]]><![CDATA[> closing <![CDATA[ tags like this: ]]]]><![CDATA[>]]></wp:meta_value></wp:postmeta>
            </item>
            """, version: "1.1")
        for (name, text) in [("raw", raw), ("escaped", escaped)] {
            let read = try ReadExport.of(text)
            let item = try #require(read.items.first, "\(name)")
            #expect(item.content == "Content with nested <![CDATA[ tags ]]> :)", "\(name)")
            #expect(item.meta == [
                WXRMeta(key: "Plain string", value: "Foo"), WXRMeta(key: "Closing CDATA", value: "]]>"),
                WXRMeta(key: "Alot of CDATA", value: "This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>"),
            ], "\(name)")
            #expect((name == "raw") == read.warnings.contains { $0.message.contains("raw ]]>") })
        }
    }

    @Test func entitiesForbiddenCharactersAndSeveralCDATASectionsAreReadAsXMLReadsThem() throws {
        let read = try ReadExport.of(export("""
            <item><title>A &amp; B &lt;b&gt; &#1587;&#x644;&#1575;&#1605; &quot;q&quot; &apos;a&apos; &nbsp;</title>
            <wp:post_id>3</wp:post_id>
            <content:encoded><![CDATA[line one]]><![CDATA[line two]]></content:encoded>
            <excerpt:encoded>bell\u{07} here</excerpt:encoded>
            </item>
            """))
        let item = try #require(read.items.first)
        #expect(item.title == "A & B <b> سلام \"q\" 'a' &nbsp;")
        #expect(item.content == "line oneline two")
        #expect(item.excerpt == "bell here")
        #expect(read.warnings.contains { $0.message.contains("XML forbids") })
        #expect(read.warnings.contains { $0.message.contains("entities XML does not define") })
    }

    @Test func declarationsThatCanReadFilesOrExplodeAreRefused() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <rss version="2.0"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&xxe;</title></item></channel></rss>
            """
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <rss><channel><title>&lol2;</title></channel></rss>
            """
        for document in [xxe, laughs] {
            #expect {
                _ = try ReadExport.of(document)
            } throws: { error in
                let error = error as? WXRError
                return error?.line == 2 && error?.message.contains("DOCTYPE") == true
            }
        }
        // The shared XXE fixtures, when they are beside the checkout: every one refused.
        let xxeFolder = Self.shared.deletingLastPathComponent().appendingPathComponent("security/xxe")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: xxeFolder.path)) ?? [] where !name.hasSuffix(".txt") {
            #expect(throws: WXRError.self, "\(name)") { _ = try ReadExport.of(xxeFolder.appendingPathComponent(name)) }
        }
    }

    @Test func aCutOffOrForeignFileIsRefusedWithItsLineAndColumn() throws {
        let whole = export("<item><title>Broken</title><wp:post_id>1</wp:post_id>\n<content:encoded><![CDATA[نص طويل]]></content:encoded></item>")
        let cut = String(whole.prefix(whole.count - 60))
        #expect {
            _ = try ReadExport.of(cut)
        } throws: { error in
            guard let error = error as? WXRError else { return false }
            return error.line > 0 && error.column > 0 && (error.message.contains("cut off") || error.message.contains("never closed"))
        }
        // The malformed-simple case of WordPress's importer tests: an item never closed.
        let unclosed = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
            <title>Malformed</title>
            <wp:wxr_version>1.2</wp:wxr_version>

            <item>
            <title>Broken</title>
            <wp:post_id>1</wp:post_id>
            <!-- Missing closing tags intentionally -->
            """
        #expect {
            _ = try ReadExport.of(unclosed)
        } throws: { error in
            (error as? WXRError)?.line == 7 && (error as? WXRError)?.column == 1
        }
        #expect(throws: WXRError.self) { _ = try ReadExport.of("<html><body>not an export</body></html>") }
        #expect(throws: WXRError.self) { _ = try ReadExport.of(export("<item><wp:post_id>1</wp:post_id></item>", version: "abc")) }
        // A missing version is read, with a warning.
        let unversioned = try ReadExport.of(export("<item><wp:post_id>1</wp:post_id></item>", version: nil))
        #expect(unversioned.items.count == 1)
        #expect(unversioned.warnings.contains { $0.message.contains("wxr_version") })
    }

    @Test func aLargeExportIsReadInPiecesWithFlatMemory() throws {
        // 3,000 posts of ~3 KB: larger than the reader's piece, records across piece edges.
        let paragraph = String(repeating: "فقرة من نص المقال الطويل لاختبار القراءة على دفعات. ", count: 30)
        var body = ""
        for id in 1...3_000 {
            body += "<item><title>خبر \(id)</title><wp:post_id>\(id)</wp:post_id><wp:post_type>post</wp:post_type>"
            body += "<content:encoded><![CDATA[<p>\(paragraph)</p>]]></content:encoded></item>\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wxr-large-\(UUID().uuidString).xml")
        try Data(export(body).utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try WXRReader(contentsOf: url)
        #expect(reader.totalBytes > 4 * WXRReader.chunkBytes)
        var ids: [Int] = []
        while let record = try reader.next() {
            if case .item(let item) = record {
                ids.append(item.postID ?? 0)
                #expect(item.content.hasSuffix("</p>"))
            }
        }
        #expect(ids == Array(1...3_000))
    }

    @Test func everyWordPressImporterTestFileIsReadWithItsCountsOrRefused() throws {
        let folder = Self.shared.appendingPathComponent("importer")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            // shared/ is not beside this checkout (the cases above carry the same inputs).
            return
        }
        let refused: Set<String> = ["malformed.xml", "malformed-simple.xml", "invalid-version-tag.xml"]
        for name in names.sorted() where name.hasSuffix(".xml") {
            let url = folder.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            func count(_ tag: String) -> Int { text.components(separatedBy: tag).count - 1 }
            if refused.contains(name) {
                #expect(throws: WXRError.self, "\(name)") { _ = try ReadExport.of(url) }
                continue
            }
            let read = try ReadExport.of(url)
            // Counted by hand where a plain count of tags is wrong: an author field inside an
            // item; authors, items and terms in other namespaces or with declarations on them.
            let expected: [String: (items: Int, authors: Int, terms: Int)] = [
                "authors-multiline.xml": (1, 3, 0),
                // A "wp" prefix bound to a fake namespace and a custom namespace are not
                // WordPress's; "wp2" bound to export/1.1 is.
                "namespace-edge-cases.xml": (6, 2, 2),
            ]
            let counts = expected[name] ?? (count("<item>"), count("<wp:author>"), count("<wp:category>") + count("<wp:tag>") + count("<wp:term>"))
            #expect(read.items.count == counts.items, "\(name) items")
            #expect(read.authors.count == counts.authors, "\(name) authors")
            #expect(read.terms.count == counts.terms, "\(name) terms")
        }
        // Namespaces decide, not prefixes: a hijacked "wp" prefix reads as no WordPress field.
        let edge = try ReadExport.of(folder.appendingPathComponent("namespace-edge-cases.xml"))
        #expect(edge.authors.map(\.login) == ["real_user", "version_conflict"])
        #expect(edge.items.map(\.postID) == [1, 2, 3, 4, nil, 6])
        #expect(edge.items[0].meta.map(\.key) == ["normal_key"])
        #expect(edge.items[4].meta.isEmpty)
        #expect(edge.terms.map(\.id) == [100, 102])
        for name in ["themeunittestdata.wordpress.xml", "theme-preview.xml"] {
            let read = try ReadExport.of(Self.shared.appendingPathComponent(name))
            #expect(!read.items.isEmpty, "\(name)")
        }
    }
}

@Suite struct WXRSurveyTests {
    @Test func theDryRunCountsByTypeAndStatusAndNamesWhatTheSanitizerRemoves() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("survey-\(UUID().uuidString).xml")
        try Data(export("""
            <wp:author><wp:author_login>a</wp:author_login></wp:author>
            <wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:cat_name>أخبار</wp:cat_name></wp:category>
            <item><wp:post_id>10</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:is_sticky>1</wp:is_sticky>
            <content:encoded><![CDATA[فقرة.<script>alert(1)</script>]]></content:encoded>
            <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_approved>1</wp:comment_approved></wp:comment>
            <wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_approved>spam</wp:comment_approved></wp:comment>
            <wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_type>pingback</wp:comment_type><wp:comment_approved>1</wp:comment_approved></wp:comment></item>
            <item><wp:post_id>11</wp:post_id><wp:post_type>post</wp:post_type><wp:status>draft</wp:status><wp:post_password>سر</wp:post_password>
            <content:encoded><![CDATA[<img src="x" onerror="alert(2)"> [contact-form-7 id="1"]]]></content:encoded></item>
            <item><wp:post_id>12</wp:post_id><wp:post_type>page</wp:post_type><wp:status>publish</wp:status></item>
            <item><wp:post_id>13</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status></item>
            """).utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let survey = try WXRSurvey.read(url)
        #expect(survey.items == ["post": ["publish": 1, "draft": 1], "page": ["publish": 1], "attachment": ["inherit": 1]])
        #expect(survey.terms == ["category": 1] && survey.authors == 1)
        #expect(survey.comments == ["1": 1, "spam": 1] && survey.pingbacks == 1)
        #expect(survey.stickyPosts == 1 && survey.passwordProtected == 1 && survey.attachments == 1)
        #expect(survey.scriptsRemoved == [10, 11])
        #expect(survey.contentNotes.map(\.id) == [11])
        let report = survey.report()
        #expect(report.contains("post: 2 (draft 1, publish 1)"))
        #expect(report.contains("comments: 2 (approved 1, spam 1); pingbacks and trackbacks: 1"))
        #expect(report.contains("script removed by the sanitizer (WordPress IDs): 10, 11"))
        #expect(report.contains("post 11: shortcodes without their plugin kept as text: [contact-form-7]"))
    }
}
