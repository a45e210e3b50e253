import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinbarCore
import NIOCore
import Testing

@testable import MinbarWeb

/// What an editor met in the first hour (issue 14): bylines, a headline used twice, error
/// messages that blamed the wrong field, featured-image addresses.
@Suite struct EditorFindingsTests {
    static func fields(_ title: String, _ extra: [(String, String)] = []) -> [(String, String)] {
        [("title", title), ("body", "فقرة أولى."), ("primary_category", "1"), ("categories", "1")] + extra
    }

    /// The first administrator, made as the README says (no author profile), publishes under
    /// their own name; an article whose byline is unchecked shows no «بقلم».
    @Test func aNewArticleIsBylinedToItsWriterAndOneWithoutAuthorShowsNoByline() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let admin = try await client.signIn(as: .administrator)
            let form = try await client.get("/admin/articles/new", as: admin)
            #expect(form.body.contains("value=\"me\" checked"), "the writer's own byline is chosen by default")
            let saved = try await client.post("/admin/articles/new", as: admin, Self.fields("خبر بقلم المدير", [("authors", "me"), ("do", "publish")]))
            let id = try #require(saved.savedArticleID)
            let article = try #require(try await harness.store.article(id: id))
            let user = try await harness.user(.administrator)
            #expect(article.authors.map(\.name) == [user.name])
            #expect(user.authorID == article.authors.first?.id, "the profile is linked to the account")
            let page = try await client.page(try await harness.test.path(of: article))
            #expect(page.body.contains("<span class=\"byline-label\">بقلم</span> <a href=\"/author/"))
            #expect(!page.body.contains("\"author\":[]"))
            // The next article's form offers the profile itself.
            let next = try await client.get("/admin/articles/new", as: admin)
            #expect(next.body.contains("value=\"\(article.authors[0].id)\" checked"))
            #expect(!next.body.contains("value=\"me\""))
            // No author chosen: no byline at all, and JSON-LD names the publisher.
            let anonymous = try await client.post("/admin/articles/new", as: admin, Self.fields("خبر بلا كاتب", [("do", "publish")]))
            let bareID = try #require(anonymous.savedArticleID)
            let bare = try #require(try await harness.store.article(id: bareID))
            #expect(bare.authors.isEmpty)
            let barePage = try await client.page(try await harness.test.path(of: bare))
            #expect(!barePage.body.contains("byline-label"))
            #expect(!barePage.body.contains("\"author\":[]"))
            #expect(barePage.body.contains("\"author\":[{\"@type\":\"Organization\""))
        }
    }

    @Test func anAdministratorLinksAnAccountToAnAuthorProfile() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let admin = try await client.signIn(as: .administrator)
            let editor = try await harness.user(.editor)
            let author = try #require(try await harness.store.authors().last)
            let users = try await client.get("/admin/users", as: admin)
            #expect(users.body.contains("action=\"/admin/users/\(editor.id)/author\""))
            let link = try await client.post("/admin/users/\(editor.id)/author", as: admin, [("author_id", String(author.id))])
            #expect(link.status == .seeOther)
            #expect(try await harness.user(.editor).authorID == author.id)
            let fresh = try await client.post("/admin/users/\(editor.id)/author", as: admin, [("author_id", "new")])
            #expect(fresh.status == .seeOther)
            let made = try #require(try await harness.user(.editor).authorID)
            #expect(try await harness.store.author(id: made)?.name == editor.name)
            let editorBrowser = try await client.signIn(as: .editor)
            let refused = try await client.post("/admin/users/\(editor.id)/author", as: editorBrowser, [("author_id", "")])
            #expect(refused.status == .forbidden)
        }
    }

    /// The same headline twice gets a slug of its own, as WordPress gives, and the editor is told.
    @Test func theSameHeadlineTwiceGetsANumberedSlugAndTheEditorIsTold() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let first = try await client.post("/admin/articles/new", as: editor, Self.fields("انقطاع الكهرباء في العاصمة", [("do", "publish")]))
            #expect(first.headers[.location]?.contains("numbered") == false)
            let second = try await client.post("/admin/articles/new", as: editor, Self.fields("انقطاع الكهرباء في العاصمة", [("do", "publish")]))
            let id = try #require(second.savedArticleID)
            #expect(try await harness.store.article(id: id)?.slug == "انقطاع-الكهرباء-في-العاصمة-2")
            let notice = try await client.get(try #require(second.headers[.location]), as: editor)
            #expect(notice.body.contains("فصار رابط هذا المقال «انقطاع-الكهرباء-في-العاصمة-2»"))
            let third = try await client.post("/admin/articles/new", as: editor, Self.fields("انقطاع الكهرباء في العاصمة", [("do", "draft")]))
            let thirdID = try #require(third.savedArticleID)
            #expect(try await harness.store.article(id: thirdID)?.slug == "انقطاع-الكهرباء-في-العاصمة-3")
            // A slug typed by the editor is theirs: taken, it is refused, not renumbered.
            let typed = try await client.post(
                "/admin/articles/new", as: editor, Self.fields("عنوان آخر", [("slug", "انقطاع-الكهرباء-في-العاصمة"), ("do", "draft")]))
            #expect(typed.status == .badRequest)
            #expect(typed.fieldError("slug")?.contains("مستخدم") == true)
        }
    }

    /// Each message names the field that is wrong and what to change.
    @Test func errorsBlameTheFieldThatIsWrong() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let tagsBefore = try await harness.store.tags().count
            let longSlug = try await client.post(
                "/admin/articles/new", as: editor, Self.fields("عنوان", [("slug", String(repeating: "ب", count: 201)), ("do", "draft")]))
            #expect(longSlug.fieldError("slug")?.contains("أطول من 200 حرف") == true, "\(longSlug.fieldError("slug") ?? "")")
            let longTitle = try await client.post("/admin/articles/new", as: editor, Self.fields(String(repeating: "ت", count: 301), [("do", "draft")]))
            #expect(longTitle.fieldError("title")?.contains("أطول من 300 حرف؛") == true, "\(longTitle.fieldError("title") ?? "")")
            #expect(longTitle.fieldError("slug") == nil, "no slug was typed: no slug error")
            let longTag = try await client.post(
                "/admin/articles/new", as: editor, Self.fields("عنوان", [("tags", "سياسة، " + String(repeating: "و", count: 201)), ("do", "draft")]))
            #expect(longTag.status == .badRequest)
            #expect(longTag.fieldError("tags")?.contains("أطول من 200 حرف") == true, "\(longTag.fieldError("tags") ?? "")")
            #expect(try await harness.store.tags().count == tagsBefore, "no tag created by a refused save")
            let symbols = try await client.post("/admin/articles/new", as: editor, Self.fields("؟!", [("do", "draft")]))
            #expect(symbols.fieldError("slug")?.contains("اكتب الرابط المختصر بنفسك") == true)
        }
    }

    /// Only addresses the page can show are accepted as a featured image.
    @Test func featuredImagesAreHTTPSOrTheSitesOwnMedia() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            for bad in ["javascript:alert(1)", "ftp://files.example/a.jpg", "images/a.jpg", "http://news.example/a.jpg", "https://", "//evil.example/a.jpg", "data:image/png;base64,AAAA"] {
                let page = try await client.post(
                    "/admin/articles/new", as: editor, Self.fields("صورة", [("image_url", bad), ("image_alt", "وصف"), ("do", "draft")]))
                #expect(page.status == .badRequest, "\(bad)")
                #expect(page.fieldError("featured_image_url")?.contains("https://") == true, "\(bad): \(page.fieldError("featured_image_url") ?? "")")
                #expect(page.body.contains("value=\"\(HTMLText.escape(bad))\""), "the address stays typed")
            }
            for good in ["https://images.news.example/2026/12/a.jpg", "/media/2026/12/a-300.webp"] {
                let page = try await client.post(
                    "/admin/articles/new", as: editor, Self.fields("صورة", [("image_url", good), ("image_alt", "وصف"), ("do", "draft")]))
                #expect(page.savedArticleID != nil, "\(good)")
            }
        }
    }
}

/// Counts written as Arabic counts them: the noun follows the last two digits.
@Suite struct ArabicCountTests {
    @Test func commentCountsTakeTheRightNounForm() async throws {
        let test = try await TestSite.demo()
        let builder = test.site.pageBuilder(try await test.site.snapshot(at: test.clock.now), now: test.clock.now)
        let expected: [Int: String] = [
            1: "تعليق واحد", 2: "تعليقان", 3: "3 تعليقات", 10: "10 تعليقات", 11: "11 تعليقاً", 99: "99 تعليقاً", 100: "100 تعليق",
            102: "102 تعليق", 103: "103 تعليقات", 111: "111 تعليقاً", 1000: "1000 تعليق",
        ]
        for (count, text) in expected { #expect(builder.commentCountLabel(count) == text, "\(count)") }
    }
}
