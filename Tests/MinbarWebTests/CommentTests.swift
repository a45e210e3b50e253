import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinbarCore
import NIOCore
import MinbarSQLite
import Testing

@testable import MinbarWeb

/// A reader at the seed article's comment form: fetches a token as the page's script does,
/// waits as a person would, posts.
struct Commenter {
    var address = "198.51.100.7"
    var cookie: String?

    static func fields(
        article: Int64, author: String = "قارئ", email: String = "reader@example.com", url: String = "", comment: String = "تعليق مفيد على المقال.",
        parent: String = "", token: String
    ) -> [(String, String)] {
        [("article_id", String(article)), ("comment_parent", parent), ("token", token), ("phone", ""), ("author", author), ("email", email), ("url", url), ("comment", comment)]
    }

    func token(_ client: some TestClientProtocol, article: Int64) async throws -> String {
        let page = try await client.page("/comments/token?article=\(article)")
        #expect(page.headers[.cacheControl] == "no-store")
        return try #require(page.body.between("\"token\":\"", "\""))
    }

    mutating func post(_ client: some TestClientProtocol, _ fields: [(String, String)]) async throws -> Page {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Forwarded-For")!: address]
        if let cookie { headers[.cookie] = cookie }
        let page = try await client.execute(uri: "/comments/", method: .post, headers: headers, body: ByteBuffer(string: FormBody.encode(fields))) { Page($0) }
        if let set = page.headers[values: .setCookie].first(where: { $0.hasPrefix("minbar_commenter=") }) {
            cookie = String(set.split(separator: ";")[0])
        }
        return page
    }

    func view(_ client: some TestClientProtocol, _ path: String) async throws -> Page {
        try await client.page(path, headers: cookie.map { [.cookie: $0] } ?? [:])
    }
}

@Suite struct CommentTests {
    struct Setup {
        let harness: AdminHarness
        let article: Article
        let path: String
        var clock: TestClock { harness.test.clock }
        var store: any CommentStore { harness.store }

        static func make(_ configure: (inout SiteSettings) -> Void = { _ in }) async throws -> Setup {
            let harness = try await AdminHarness.make()
            var settings = try await harness.store.siteSettings()
            configure(&settings)
            try await harness.store.saveSiteSettings(settings)
            try await harness.test.site.contentChanged()
            let article = try await harness.test.seedArticle()
            return Setup(harness: harness, article: article, path: try await harness.test.path(of: article))
        }

        /// Posts a comment the way a person does: token, a pause, the form.
        func post(_ client: some TestClientProtocol, as commenter: inout Commenter, article: Int64? = nil, wait: TimeInterval = 6, _ change: (inout [(String, String)]) -> Void = { _ in }) async throws -> Page {
            let id = article ?? self.article.id
            let token = try await commenter.token(client, article: id)
            clock.advance(by: wait)
            var fields = Commenter.fields(article: id, token: token)
            change(&fields)
            return try await commenter.post(client, fields)
        }

        func count() async throws -> Int {
            try await harness.store.moderationQueue({ var q = CommentQuery(); q.statuses = Set(CommentStatus.allCases); return q }()).total
        }
    }

    static func set(_ fields: inout [(String, String)], _ name: String, _ value: String) {
        fields.removeAll { $0.0 == name }
        fields.append((name, value))
    }

    // MARK: Posting and moderation

    @Test func aFirstCommentWaitsForApprovalAndOnlyItsPosterSeesIt() async throws {
        let setup = try await Setup.make()
        try await setup.harness.app.test(.router) { client in
            _ = try await client.page(setup.path)  // the page is cached for everyone
            var reader = Commenter()
            let posted = try await setup.post(client, as: &reader) { Self.set(&$0, "comment", "أول تعليق لي هنا") }
            #expect(posted.status == .seeOther)
            #expect(posted.headers[.location]?.contains("#comment-") == true)
            let cookie = try #require(posted.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let mine = try await reader.view(client, setup.path)
            #expect(mine.body.contains("أول تعليق لي هنا"))
            #expect(mine.body.contains("تعليقك بانتظار المراجعة"))
            // Above the poster's own comment, not "no comments yet".
            #expect(!mine.body.contains("لا توجد تعليقات بعد"))
            #expect(mine.body.contains("<h2 id=\"comments-heading\" class=\"section-heading\">تعليقك</h2>"))
            #expect(mine.headers[.cacheControl] == "private, no-store")
            let others = try await client.page(setup.path)
            #expect(!others.body.contains("أول تعليق لي هنا"))
            // An editor approves it: everyone sees it, the count shows, the next comment from the
            // same address is approved directly.
            let pending = try await setup.store.moderationQueue(CommentQuery()).comments
            let id = try #require(pending.first?.comment.id)
            let editor = try await client.signIn(as: .editor)
            let approve = try await client.post("/admin/comments/bulk", as: editor, [("ids", String(id)), ("operation", "approve")])
            #expect(approve.status == .seeOther)
            let approved = try await client.page(setup.path)
            #expect(approved.body.contains("أول تعليق لي هنا"))
            #expect(!approved.body.contains("تعليقك بانتظار المراجعة"))
            #expect(approved.body.contains("تعليق واحد"))
            let again = try await setup.post(client, as: &reader) { Self.set(&$0, "comment", "تعليق ثانٍ يُنشر مباشرة") }
            #expect(again.status == .seeOther)
            #expect(try await reader.view(client, setup.path).body.contains("تعليق ثانٍ يُنشر مباشرة"), "its poster sees it at once")
            // Other readers within a second (many comments at once cost one render, not one each).
            setup.clock.advance(by: 1)
            let latest = try await client.page(setup.path)
            #expect(latest.body.contains("تعليق ثانٍ يُنشر مباشرة"))
            #expect(latest.body.contains("تعليقان"))
        }
    }

    @Test func eachModerationStateChangeAndWhoMayMakeIt() async throws {
        let setup = try await Setup.make { $0.commentModeration = .all }
        var ownInput = ArticleInput(title: "مقال الكاتب", body: ArticleBody(html: "<p>نص</p>"), status: .published, primaryCategoryID: 1)
        ownInput.editorID = try await setup.harness.user(.author).id
        let ownArticle = try await setup.harness.store.saveArticle(ownInput)
        try await setup.harness.app.test(.router) { client in
            var reader = Commenter()
            _ = try await setup.post(client, as: &reader)
            reader.address = "198.51.100.8"
            _ = try await setup.post(client, as: &reader, article: ownArticle.id) { Self.set(&$0, "comment", "على مقال الكاتب") }
            let all = try await setup.store.moderationQueue(CommentQuery()).comments
            let onSeed = try #require(all.first { $0.comment.articleID == setup.article.id }?.comment.id)
            let onOwn = try #require(all.first { $0.comment.articleID == ownArticle.id }?.comment.id)
            let editor = try await client.signIn(as: .editor)
            for (operation, state) in [("approve", CommentStatus.approved), ("unapprove", .pending), ("spam", .spam), ("restore", .pending), ("trash", .trash), ("restore", .pending)] {
                let page = try await client.post("/admin/comments/bulk", as: editor, [("ids", String(onSeed)), ("operation", operation)])
                #expect(page.status == .seeOther)
                #expect(try await setup.store.comment(id: onSeed)?.status == state, "\(operation)")
            }
            // Many at once.
            let both = try await client.post("/admin/comments/bulk", as: editor, [("ids", String(onSeed)), ("ids", String(onOwn)), ("operation", "approve")])
            #expect(both.status == .seeOther)
            #expect(try await setup.store.comment(id: onOwn)?.status == .approved)
            // An author moderates comments on their own articles only; a contributor none.
            let author = try await client.signIn(as: .author)
            #expect(try await client.post("/admin/comments/bulk", as: author, [("ids", String(onOwn)), ("operation", "spam")]).status == .seeOther)
            #expect(try await client.post("/admin/comments/bulk", as: author, [("ids", String(onSeed)), ("operation", "spam")]).status == .forbidden)
            #expect(try await setup.store.comment(id: onSeed)?.status == .approved)
            let queue = try await client.get("/admin/comments?status=spam", as: author)
            #expect(queue.body.contains("على مقال الكاتب"))
            let contributor = try await client.signIn(as: .contributor)
            #expect(try await client.get("/admin/comments", as: contributor).status == .forbidden)
            // Reply from the admin and edit a comment's text.
            let reply = try await client.post("/admin/comments/\(onSeed)/reply", as: editor, [("body", "شكراً على ملاحظتك.")])
            #expect(reply.status == .seeOther)
            let edit = try await client.post("/admin/comments/\(onSeed)/edit", as: editor, [("body", "نص مصحح من المحرر")])
            #expect(edit.status == .seeOther)
            let page = try await client.page(setup.path)
            #expect(page.body.contains("نص مصحح من المحرر"))
            #expect(page.body.contains("شكراً على ملاحظتك."))
            #expect(page.body.contains("<ol class=\"children\">"))
        }
    }

    // MARK: Spam defences

    @Test func eachSpamDefenceRefusesAndKeepsWhatWasTyped() async throws {
        let setup = try await Setup.make {
            $0.commentBlocklist = "كازينو\nspammer@example.com"
            $0.commentModeration = .none
        }
        try await setup.harness.app.test(.router) { client in
            var reader = Commenter()
            // Honeypot.
            let bot = try await setup.post(client, as: &reader) { Self.set(&$0, "phone", "0123456789") }
            #expect(bot.status == .badRequest)
            // Too fast after the form was handed out.
            let fast = try await setup.post(client, as: &reader, wait: 1) { Self.set(&$0, "comment", "سريع جداً") }
            #expect(fast.status == .tooManyRequests)
            #expect(fast.body.contains("بسرعة لا يكتب بها إنسان"))
            #expect(fast.body.contains(">سريع جداً</textarea>"))
            // Too many links.
            let links = try await setup.post(client, as: &reader) { Self.set(&$0, "comment", "انظر https://a.example و https://b.example و www.c.example") }
            #expect(links.status == .badRequest)
            #expect(links.body.contains("روابط"))
            #expect(try await setup.count() == 0)
            // Accepted, then the same text again is a duplicate.
            let first = try await setup.post(client, as: &reader) { Self.set(&$0, "comment", "رأي واحد لا يتكرر") }
            #expect(first.status == .seeOther)
            let duplicate = try await setup.post(client, as: &reader) { Self.set(&$0, "comment", "رأي واحد لا يتكرر") }
            #expect(duplicate.status == .conflict)
            // Blocklisted word hidden with harakat and tatweel: stored as spam, never shown.
            let hidden = try await setup.post(client, as: &reader) { Self.set(&$0, "comment", "أفضل كـــازِينُو على الإنترنت") }
            #expect(hidden.status == .seeOther)
            let spam = try await setup.store.moderationQueue({ var q = CommentQuery(); q.statuses = [.spam]; return q }()).comments
            #expect(spam.map(\.comment.body) == ["أفضل كـــازِينُو على الإنترنت"])
            #expect(!(try await client.page(setup.path).body.contains("على الإنترنت")))
            let byEmail = try await setup.post(client, as: &reader) {
                Self.set(&$0, "email", "Spammer@Example.com")
                Self.set(&$0, "comment", "نص عادي من مرسل محظور")
            }
            #expect(byEmail.status == .seeOther)
            #expect(try await setup.store.moderationQueue({ var q = CommentQuery(); q.statuses = [.spam]; return q }()).total == 2)
            // Rate limit: the address has posted 3; two more reach the limit of 5 in 10 minutes.
            for text in ["تعليق رابع", "تعليق خامس"] { _ = try await setup.post(client, as: &reader) { Self.set(&$0, "comment", text) } }
            let limited = try await setup.post(client, as: &reader) { Self.set(&$0, "comment", "تعليق سادس") }
            #expect(limited.status == .tooManyRequests)
            #expect(limited.body.contains(">تعليق سادس</textarea>"))
            var other = Commenter(address: "203.0.113.9")
            let otherAddress = try await setup.post(client, as: &other) { Self.set(&$0, "comment", "من عنوان آخر") }
            #expect(otherAddress.status == .seeOther)
            setup.clock.advance(by: 601)
            let later = try await setup.post(client, as: &reader) { Self.set(&$0, "comment", "تعليق سادس") }
            #expect(later.status == .seeOther)
        }
    }

    // MARK: Bad input

    @Test func badInputGetsAClearErrorAndChangesNothing() async throws {
        let setup = try await Setup.make()
        let draft = try await setup.harness.store.saveArticle(ArticleInput(title: "مسودة بلا تعليقات", body: ArticleBody(html: "<p>x</p>"), status: .draft))
        var closedInput = ArticleInput(title: "مقال مغلق التعليقات", body: ArticleBody(html: "<p>x</p>"), status: .published, primaryCategoryID: 1)
        closedInput.commentsOpen = false
        let closed = try await setup.harness.store.saveArticle(closedInput)
        let other = try await setup.harness.store.saveArticle(ArticleInput(title: "مقال آخر", body: ArticleBody(html: "<p>x</p>"), status: .published, primaryCategoryID: 1))
        // An approved comment on another article, to reply to from the wrong place.
        let elsewhere = try await setup.store.addComment(
            CommentInput(articleID: other.id, authorName: "س", authorEmail: "s@example.com", body: "هناك"), status: .approved, maximumDepth: 3, now: setup.clock.now)
        try await setup.harness.app.test(.router) { client in
            var reader = Commenter()
            let before = try await setup.count()
            let cases: [(String, (inout [(String, String)]) -> Void, String)] = [
                ("no name", { Self.set(&$0, "author", " ") }, "الاسم مطلوب"),
                ("no email", { Self.set(&$0, "email", "") }, "البريد الإلكتروني مطلوب"),
                ("bad email", { Self.set(&$0, "email", "reader@") }, "البريد الإلكتروني غير صالح"),
                ("no comment", { Self.set(&$0, "comment", "  ") }, "اكتب تعليقك"),
                ("100,000 characters", { Self.set(&$0, "comment", String(repeating: "ب", count: 100_000)) }, "أطول من 10000 حرف"),
                ("reply elsewhere", { Self.set(&$0, "comment_parent", String(elsewhere.id)) }, "ليس في هذا المقال"),
                ("reply to nothing", { Self.set(&$0, "comment_parent", "999999") }, "غير موجود"),
                ("missing token", { Self.set(&$0, "token", "") }, "شخص لا برنامج"),
                ("forged token", { Self.set(&$0, "token", "\(setup.article.id).1800000000.forged") }, "رمز النموذج غير صالح"),
            ]
            for (name, change, message) in cases {
                let page = try await setup.post(client, as: &reader) {
                    Self.set(&$0, "author", "قارئة")
                    Self.set(&$0, "comment", "نصي المكتوب")
                    change(&$0)
                }
                #expect(page.status.code >= 400 && page.status.code < 500, "\(name): \(page.status)")
                #expect(page.body.contains(message), "\(name)")
                #expect(page.body.contains("name=\"token\" value=\"\(setup.article.id)."), "\(name): a fresh token to send again")
                if name == "no email" || name == "bad email" { #expect(page.body.contains("value=\"قارئة\""), "\(name): typed name kept") }
            }
            // The token of one article does not open another's form.
            let token = try await reader.token(client, article: other.id)
            setup.clock.advance(by: 6)
            let swapped = try await reader.post(client, Commenter.fields(article: setup.article.id, token: token))
            #expect(swapped.status == .badRequest)
            for (article, message) in [(closed.id, "التعليقات مغلقة"), (draft.id, "غير موجود أو لم يُنشر")] {
                let page = try await setup.post(client, as: &reader, article: article)
                #expect(page.status == .forbidden || page.status == .badRequest)
                #expect(page.body.contains(message))
            }
            #expect(try await setup.count() == before)
        }
    }

    @Test func commentsCloseByThemselvesAfterTheSiteSetNumberOfDays() async throws {
        let setup = try await Setup.make { $0.commentsCloseAfterDays = 30 }
        try await setup.harness.app.test(.router) { client in
            // The seed article was published in 2015: closed.
            let page = try await client.page(setup.path)
            #expect(page.body.contains("التعليقات مغلقة على هذا المقال."))
            #expect(!page.body.contains("id=\"comment-form\""))
            var reader = Commenter()
            #expect(try await setup.post(client, as: &reader).status == .forbidden)
        }
    }

    // MARK: Display and privacy

    @Test func threadsTextLinksDirectionAndScriptsShowAsReadersExpect() async throws {
        let setup = try await Setup.make { $0.commentModeration = .none }
        try await setup.harness.app.test(.router) { client in
            var reader = Commenter()
            _ = try await setup.post(client, as: &reader) {
                Self.set(&$0, "comment", "فقرة أولى فيها https://example.com/page.\n\nI agree <script>alert(1)</script><img src=x onerror=alert(2)>")
            }
            let top = try #require(try await setup.store.latestComments(articleID: setup.article.id, limit: 1).first)
            _ = try await setup.post(client, as: &reader) {
                Self.set(&$0, "comment_parent", String(top.id))
                Self.set(&$0, "comment", "رد على الأول")
            }
            let reply = try #require(try await setup.store.latestComments(articleID: setup.article.id, limit: 1).first)
            _ = try await setup.post(client, as: &reader) {
                Self.set(&$0, "comment_parent", String(reply.id))
                Self.set(&$0, "comment", "رد على الرد")
            }
            let deepest = try #require(try await setup.store.latestComments(articleID: setup.article.id, limit: 1).first)
            // Depth 3 is the default: no reply to the third level.
            let tooDeep = try await setup.post(client, as: &reader) {
                Self.set(&$0, "comment_parent", String(deepest.id))
                Self.set(&$0, "comment", "أعمق من المسموح")
            }
            #expect(tooDeep.status == .badRequest)
            #expect(tooDeep.body.contains("لا يمكن الرد بأعمق من 3 مستويات"))
            let page = try await client.page(setup.path).body
            #expect(page.contains("<a href=\"https://example.com/page\" rel=\"nofollow ugc\" dir=\"ltr\">https://example.com/page</a>."))
            #expect(page.contains("<div class=\"comment-body\" dir=\"auto\"><p>فقرة أولى"))
            #expect(page.contains("I agree &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"))
            #expect(!page.contains("<script>alert(1)"))
            let first = try #require(page.range(of: "id=\"comment-\(top.id)\""))
            let second = try #require(page.range(of: "id=\"comment-\(reply.id)\""))
            let third = try #require(page.range(of: "id=\"comment-\(deepest.id)\""))
            #expect(first.lowerBound < second.lowerBound && second.lowerBound < third.lowerBound)
            #expect(page[first.lowerBound..<third.lowerBound].components(separatedBy: "<ol class=\"children\">").count == 3)
            #expect(page.contains("data-reply-to=\"\(reply.id)\""))
            #expect(!page.contains("data-reply-to=\"\(deepest.id)\""))
            #expect(page.contains("<h2 id=\"comments-heading\" class=\"section-heading\">3 تعليقات</h2>"))
        }
    }

    @Test func theEmailAddressAppearsInNoPageFeedOrAnswer() async throws {
        let setup = try await Setup.make { $0.commentModeration = .none }
        try await setup.harness.app.test(.router) { client in
            var reader = Commenter()
            let secret = "hidden.reader@private-mail.example"
            _ = try await setup.post(client, as: &reader) {
                Self.set(&$0, "email", secret)
                Self.set(&$0, "url", "https://reader.example")
                Self.set(&$0, "comment", "تعليق يحمل بريداً لا يُنشر")
            }
            let top = try #require(try await setup.store.latestComments(articleID: setup.article.id, limit: 1).first)
            let pages = [
                setup.path, "/", "/comments/feed/", setup.path + "feed/", "/feed/", "/feed/atom/", "/feed.json", "/?s=تعليق",
                "/api/search?q=" + "تعليق".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, "/comments/reply/\(top.id)/",
                "/sitemap.xml",
            ]
            for path in pages {
                let page = try await reader.view(client, path)
                #expect(!page.body.lowercased().contains(secret), "\(path) shows the email")
                #expect(!page.body.contains("private-mail"), "\(path)")
            }
            let feed = try await client.page("/comments/feed/")
            #expect(feed.body.contains("تعليق يحمل بريداً لا يُنشر"))
            #expect(feed.headers[.contentType]?.contains("rss") == true)
            let articleFeed = try await client.page(setup.path + "feed/")
            #expect(articleFeed.status == .ok)
            #expect(articleFeed.body.contains("#comment-\(top.id)"))
        }
    }

    @Test func commentsArePaginatedPastTheSiteSetNumber() async throws {
        let setup = try await Setup.make {
            $0.commentModeration = .none
            $0.commentsPerPage = 5
        }
        for index in 1...7 {
            try await setup.store.addComment(
                CommentInput(articleID: setup.article.id, authorName: "قارئ \(index)", authorEmail: "r\(index)@example.com", body: "تعليق رقم \(index)"),
                status: .approved, maximumDepth: 3, now: setup.clock.now.addingTimeInterval(Double(index)))
        }
        try await setup.harness.test.site.contentChanged()
        try await setup.harness.app.test(.router) { client in
            let first = try await client.page(setup.path).body
            #expect(first.contains("تعليق رقم 1") && first.contains("تعليق رقم 5") && !first.contains("تعليق رقم 6"))
            #expect(first.contains("comment-page-2/#comments"))
            let second = try await client.page(setup.path + "comment-page-2/")
            #expect(second.status == .ok)
            #expect(second.body.contains("تعليق رقم 6") && second.body.contains("تعليق رقم 7") && !second.body.contains("تعليق رقم 5"))
            #expect(try await client.page(setup.path + "comment-page-3/").status == .notFound)
            #expect(try await client.page(setup.path + "comment-page-1/").status == .movedPermanently)
            // Cards count approved comments.
            let search = try await client.page("/?s=" + "تحالف فرنسي روسي".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(search.body.contains("<span class=\"card-comments\">7 تعليقات</span>"))
        }
    }

    @Test func anAcceptedCommentSurvivesTheServerStoppingRightAfter() async throws {
        let setup = try await Setup.make()
        try await setup.harness.app.test(.router) { client in
            var reader = Commenter()
            let page = try await setup.post(client, as: &reader) { Self.set(&$0, "comment", "يجب ألا يضيع") }
            #expect(page.status == .seeOther)
        }
        // A new connection to the same file (as after a crash and restart) finds it.
        let reopened = SQLiteContentStore(database: try AppDatabase(path: setup.harness.store.database.pool.path))
        #expect(try await reopened.moderationQueue(CommentQuery()).comments.map(\.comment.body) == ["يجب ألا يضيع"])
    }
}
