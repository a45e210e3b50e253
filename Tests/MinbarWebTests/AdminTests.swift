import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinbarArabic
import MinbarCore
import NIOCore
import Testing

@testable import MinbarWeb

/// The newsroom admin: roles, CSRF, sign-in throttling, sessions, scheduling, revisions,
/// concurrent saves, bad input and what readers see after an edit.
@Suite struct AdminTests {
    static func article(_ title: String, _ extra: [(String, String)] = []) -> [(String, String)] {
        [("title", title), ("body", "فقرة أولى.\n\nفقرة **ثانية**."), ("primary_category", "1"), ("categories", "1"), ("tags", "اختبار")] + extra
    }

    // MARK: Roles

    @Test func eachRoleIsAllowedOrRefusedOnEachAction() async throws {
        let harness = try await AdminHarness.make()
        let adminsArticle = try await harness.store.saveArticle(
            ArticleInput(title: "مقال المدير", body: ArticleBody(html: "<p>نص</p>"), status: .draft, primaryCategoryID: 1))
        try await harness.app.test(.router) { client in
            for role in Role.allCases {
                let browser = try await client.signIn(as: role)
                let mayEditOthers = role == .administrator || role == .editor
                // Writing a draft: everyone.
                let draft = try await client.post("/admin/articles/new", as: browser, Self.article("مسودة \(role.rawValue)", [("do", "draft")]))
                #expect(draft.savedArticleID != nil, "\(role) draft")
                // Publishing: all but contributors.
                let countBefore = try await harness.store.articleCounts()[.published] ?? 0
                let publish = try await client.post("/admin/articles/new", as: browser, Self.article("منشور \(role.rawValue)", [("do", "publish")]))
                let countAfter = try await harness.store.articleCounts()[.published] ?? 0
                if role == .contributor {
                    #expect(publish.status == .forbidden)
                    #expect(countAfter == countBefore, "a refused publish writes nothing")
                } else {
                    #expect(publish.savedArticleID != nil, "\(role) publish")
                    #expect(countAfter == countBefore + 1)
                }
                // Editing someone else's article.
                let edit = try await client.post(
                    "/admin/articles/\(adminsArticle.id)", as: browser, Self.article("تعديل \(role.rawValue)", [("do", "draft")]))
                #expect(mayEditOthers ? edit.savedArticleID == adminsArticle.id : edit.status == .forbidden, "\(role) edit others")
                let opened = try await client.get("/admin/articles/\(adminsArticle.id)", as: browser)
                #expect(opened.status == (mayEditOthers ? .ok : .forbidden))
                // Tags, sections and authors.
                let tag = try await client.post("/admin/terms/tag", as: browser, [("name", "وسم \(role.rawValue)")])
                #expect(tag.status == (mayEditOthers ? .seeOther : .forbidden), "\(role) terms")
                #expect((try await harness.store.tags().contains { $0.name == "وسم \(role.rawValue)" }) == mayEditOthers)
                // Breaking news flag.
                let flag = try await client.post("/admin/articles/\(adminsArticle.id)/breaking", as: browser, [])
                #expect(flag.status == (mayEditOthers ? .seeOther : .forbidden), "\(role) breaking")
                // Settings and users: administrators only.
                let settings = try await client.post(
                    "/admin/settings", as: browser, [("name", "موقع \(role.rawValue)"), ("language", "ar"), ("time_zone", "UTC"), ("articles_per_page", "10")])
                #expect(settings.status == (role == .administrator ? .seeOther : .forbidden), "\(role) settings")
                let users = try await client.get("/admin/users", as: browser)
                #expect(users.status == (role == .administrator ? .ok : .forbidden), "\(role) users")
                let newUser = try await client.post(
                    "/admin/users", as: browser,
                    [("name", "جديد"), ("email", "new-\(role.rawValue)@news.example"), ("password", "كلمة سر طويلة جداً"), ("role", "editor")])
                #expect(newUser.status == (role == .administrator ? .seeOther : .forbidden), "\(role) add user")
            }
            let name = try await harness.store.siteSettings().name
            #expect(name == "موقع administrator")
        }
    }

    @Test func aContributorSubmitsForReviewButCannotTouchItOncePublished() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let contributor = try await client.signIn(as: .contributor)
            let submitted = try await client.post("/admin/articles/new", as: contributor, Self.article("للمراجعة", [("do", "pending")]))
            let id = try #require(submitted.savedArticleID)
            #expect(try await harness.store.article(id: id)?.status == .pending)
            // A editor publishes it; the contributor can no longer change it.
            let editor = try await client.signIn(as: .editor)
            let published = try await client.post("/admin/articles/\(id)", as: editor, Self.article("للمراجعة", [("do", "publish")]))
            #expect(published.savedArticleID == id)
            let again = try await client.post("/admin/articles/\(id)", as: contributor, Self.article("تغيير", [("do", "pending")]))
            #expect(again.status == .forbidden)
            #expect(try await harness.store.article(id: id)?.title == "للمراجعة")
        }
    }

    // MARK: CSRF and sessions

    @Test func aRequestWithoutAValidCSRFTokenGets403AndChangesNothing() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let admin = try await client.signIn(as: .administrator)
            let before = try await harness.store.articleCounts()
            for token in ["", "forged-token", admin.csrf + "x"] {
                let page = try await client.post("/admin/articles/new", as: admin, Self.article("بلا رمز", [("do", "publish")]), csrf: token)
                #expect(page.status == .forbidden)
                #expect(page.body.contains("رمز الحماية"))
            }
            let settings = try await client.post("/admin/settings", as: admin, [("name", "مخترق")], csrf: "nope")
            #expect(settings.status == .forbidden)
            #expect(try await harness.store.articleCounts() == before)
            #expect(try await harness.store.siteSettings().name != "مخترق")
            // The sign-in form checks its own token too.
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let body = FormBody.encode([("email", "administrator@news.example"), ("password", AdminHarness.password)])
            let login = try await client.execute(uri: "/admin/login", method: .post, headers: headers, body: ByteBuffer(string: body)) { Page($0) }
            #expect(login.status == .forbidden)
            #expect(login.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("minbar_session=") })
        }
    }

    @Test func sessionCookiesAreHttpOnlyLaxSecureOverHTTPSAndSurviveARestart() async throws {
        let harness = try await AdminHarness.make()
        let browser = try await harness.app.test(.router) { client -> AdminBrowser? in
            let (plain, response) = try await client.signIn("editor@news.example")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("minbar_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let (_, https) = try await client.signIn("editor@news.example", headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(https.headers[values: .setCookie].first { $0.hasPrefix("minbar_session=") }?.contains("Secure") == true)
            return plain
        }
        // A new server over the same data: the session still works.
        let restarted = try AdminSite(store: harness.store, site: harness.test.site, configuration: harness.admin.configuration)
        let app = buildApplication(site: harness.test.site, admin: restarted)
        try await app.test(.router) { client in
            let session = try #require(browser)
            let dashboard = try await client.get("/admin/", as: session)
            #expect(dashboard.status == .ok)
            // Signing out revokes it on the server, not only in the browser.
            let out = try await client.post("/admin/logout", as: session, [])
            #expect(out.status == .seeOther)
            let after = try await client.get("/admin/", as: session)
            #expect(after.status == .seeOther)
            #expect(after.headers[.location]?.hasPrefix("/admin/login") == true)
        }
    }

    @Test func repeatedFailuresAreRefusedForAWhileWithoutRevealingTheAccount() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let (_, unknown) = try await client.signIn("nobody@news.example", password: "wrong password!")
            let (_, wrong) = try await client.signIn("author@news.example", password: "wrong password!")
            #expect(unknown.status == .unauthorized)
            #expect(wrong.status == .unauthorized)
            let message = "البريد الإلكتروني أو كلمة المرور غير صحيحة."
            #expect(unknown.body.contains(message) && wrong.body.contains(message))
            for _ in 0..<4 { _ = try await client.signIn("author@news.example", password: "wrong password!") }
            // Five failures: even the right password is refused for now.
            let (refused, locked) = try await client.signIn("author@news.example")
            #expect(refused == nil)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("محاولات دخول فاشلة كثيرة"))
            // An unknown account hammered the same way gets the same answer.
            for _ in 0..<5 { _ = try await client.signIn("ghost@news.example", password: "wrong password!") }
            let (_, ghost) = try await client.signIn("ghost@news.example", password: "wrong password!")
            #expect(ghost.status == .tooManyRequests)
            // Other accounts are not locked by it.
            let (editor, _) = try await client.signIn("editor@news.example")
            #expect(editor != nil)
            harness.test.clock.advance(by: 16 * 60)
            let (later, _) = try await client.signIn("author@news.example")
            #expect(later != nil)
        }
    }

    // MARK: Scheduling

    @Test func aScheduledArticleGoesLiveAtItsTimeWhileTheServerRuns() async throws {
        let harness = try await AdminHarness.make()
        let scheduler = PublishingScheduler(
            store: harness.store, site: harness.test.site, interval: .milliseconds(20), clock: { harness.test.clock.now })
        let app = buildApplication(site: harness.test.site, admin: harness.admin, services: [scheduler])
        try await app.test(.live) { client in
            let editor = try await client.signIn(as: .editor)
            let zone = try await harness.store.siteSettings().resolvedTimeZone
            let at = ArticleForm.formatter(zone).string(from: harness.test.clock.now.addingTimeInterval(3600))
            let saved = try await client.post(
                "/admin/articles/new", as: editor, Self.article("خبر مجدول للساعة القادمة", [("do", "publish"), ("published_at", at)]))
            let id = try #require(saved.savedArticleID)
            #expect(try await harness.store.article(id: id)?.status == .scheduled)
            let before = try await client.page("/")
            #expect(!before.body.contains("خبر مجدول للساعة القادمة"))
            harness.test.clock.advance(by: 3601)
            var live = false
            for _ in 0..<100 where !live {
                try await Task.sleep(for: .milliseconds(20))
                live = try await client.page("/").body.contains("خبر مجدول للساعة القادمة")
            }
            #expect(live, "the home page shows the article without anyone saving anything")
            #expect(try await harness.store.article(id: id)?.status == .published)
        }
    }

    @Test func aScheduledArticleWhoseTimePassedDuringARestartGoesLiveAtStart() async throws {
        let harness = try await AdminHarness.make()
        let article = try await harness.store.saveArticle(
            ArticleInput(
                title: "مجدول قبل الإيقاف", body: ArticleBody(html: "<p>نص</p>"), status: .scheduled,
                publishedAt: harness.test.clock.now.addingTimeInterval(60), primaryCategoryID: 1))
        harness.test.clock.advance(by: 600)  // the server was down meanwhile
        let site = try await PublicSite(store: harness.store, search: harness.store, theme: harness.test.site.theme, clock: { harness.test.clock.now })
        let scheduler = PublishingScheduler(store: harness.store, site: site, clock: { harness.test.clock.now })
        #expect(try await scheduler.runOnce() == [article.id])
        try await buildApplication(site: site).test(.router) { client in
            let home = try await client.page("/")
            #expect(home.body.contains("مجدول قبل الإيقاف"))
        }
    }

    // MARK: Revisions and concurrent saves

    @Test func everySaveKeepsARevisionThatCanBeComparedAndRestored() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let first = try await client.post("/admin/articles/new", as: editor, Self.article("العنوان الأول", [("do", "draft")]))
            let id = try #require(first.savedArticleID)
            _ = try await client.post(
                "/admin/articles/\(id)", as: editor,
                [("title", "العنوان الثاني"), ("body", "فقرة أولى.\r\n\r\nفقرة جديدة تماماً."), ("revision", "1"), ("do", "draft")])
            let list = try await client.get("/admin/articles/\(id)/revisions", as: editor)
            #expect(list.status == .ok)
            #expect(list.body.contains("العنوان الأول") && list.body.contains("العنوان الثاني"))
            let compare = try await client.get("/admin/articles/\(id)/compare?from=1&to=2", as: editor)
            // The title changed one word of two: that word is marked, the other is not.
            #expect(compare.body.contains("<div class=\"removed\">العنوان <span class=\"word\">الأول</span>&#8203;</div>"))
            #expect(compare.body.contains("<div class=\"added\">العنوان <span class=\"word\">الثاني</span>&#8203;</div>"))
            // A line that kept too few of its words is shown replaced whole.
            #expect(compare.body.contains("<div class=\"removed\">فقرة **ثانية**.&#8203;</div><div class=\"added\">فقرة جديدة تماماً.&#8203;</div>"))
            #expect(compare.body.contains("<div class=\"same\">فقرة أولى.&#8203;</div>"))
            // Restoring asks first, and says what it will change.
            let ask = try await client.get("/admin/articles/\(id)/revisions/1/restore", as: editor)
            #expect(ask.status == .ok)
            #expect(ask.body.contains("name=\"confirm\" value=\"1\""))
            #expect(ask.body.contains("<span class=\"word\">الثاني</span>"))
            let unconfirmed = try await client.post("/admin/articles/\(id)/revisions/1/restore", as: editor, [])
            #expect(unconfirmed.headers[.location] == "/admin/articles/\(id)/revisions/1/restore")
            #expect(try await harness.store.article(id: id)?.title == "العنوان الثاني", "a post without confirming changes nothing")
            let restore = try await client.post("/admin/articles/\(id)/revisions/1/restore", as: editor, [("confirm", "1")])
            #expect(restore.status == .seeOther)
            let article = try #require(try await harness.store.article(id: id))
            #expect(article.title == "العنوان الأول")
            #expect(article.body.html.contains("<strong>ثانية</strong>"))
            #expect(try await harness.store.revisions(articleID: id).map(\.number) == [3, 2, 1])
            let notice = try await client.get(try #require(restore.headers[.location]), as: editor)
            #expect(notice.body.contains("استُعيدت النسخة رقم 1"), "the notice names the restored revision")
        }
    }

    /// A browser sends a textarea's lines with CRLF: an edit of one paragraph of a long body
    /// shows as that paragraph changed, not as the whole body removed and added again.
    @Test func aDiffOfBrowserTypedTextShowsOnlyWhatChanged() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let paragraphs = (1...4_000).map { "الفقرة رقم \($0) من التقرير." }
            let body = paragraphs.joined(separator: "\r\n\r\n")
            let first = try await client.post(
                "/admin/articles/new", as: editor, [("title", "تقرير طويل"), ("body", body), ("primary_category", "1"), ("do", "draft")])
            let id = try #require(first.savedArticleID)
            #expect(try await harness.store.article(id: id)?.body.source.contains("\r") == false, "stored with LF line ends")
            var edited = paragraphs
            edited[2_500] = "الفقرة رقم 2501 من التقرير بعد التصحيح."
            _ = try await client.post(
                "/admin/articles/\(id)", as: editor,
                [("title", "تقرير طويل"), ("body", edited.joined(separator: "\r\n\r\n")), ("primary_category", "1"), ("revision", "1"), ("do", "draft")])
            let compare = try await client.get("/admin/articles/\(id)/compare?from=1&to=2", as: editor)
            #expect(compare.body.components(separatedBy: "<div class=\"removed\">").count == 2, "one line removed")
            #expect(compare.body.components(separatedBy: "<div class=\"added\">").count == 2, "one line added")
            #expect(compare.body.contains("<div class=\"added\">الفقرة رقم 2501 من <span class=\"word\">التقرير بعد التصحيح.</span>&#8203;</div>"))
            #expect(compare.body.contains("<div class=\"same\">الفقرة رقم 4000 من التقرير.&#8203;</div>"))
        }
    }

    @Test func theSecondOfTwoConcurrentSavesIsShownTheirChangeAndMustChoose() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let admin = try await client.signIn(as: .administrator)
            let created = try await client.post("/admin/articles/new", as: editor, Self.article("مقال مشترك", [("do", "draft")]))
            let id = try #require(created.savedArticleID)
            // Both opened revision 1.
            let firstSave = try await client.post(
                "/admin/articles/\(id)", as: editor, [("title", "تعديل المحرر"), ("body", "نص المحرر"), ("revision", "1"), ("do", "draft")])
            #expect(firstSave.savedArticleID == id)
            let mine: [(String, String)] = [("title", "تعديل المدير"), ("body", "نص المدير الطويل")]
            let secondSave = try await client.post("/admin/articles/\(id)", as: admin, mine + [("revision", "1"), ("do", "draft")])
            #expect(secondSave.status == .conflict)
            #expect(secondSave.body.contains("عدّل شخص آخر هذا المقال"))
            #expect(secondSave.body.contains("value=\"تعديل المدير\""))
            #expect(secondSave.body.contains(">نص المدير الطويل</textarea>"))
            // What the other editor changed, and their text, are shown.
            #expect(secondSave.body.contains("<div class=\"removed\">مقال مشترك&#8203;</div><div class=\"added\">تعديل المحرر&#8203;</div>"))
            #expect(secondSave.body.contains("readonly dir=\"auto\">نص المحرر</textarea>"))
            // The form still says which revision this editor opened, so a plain second click is
            // refused again instead of overwriting.
            #expect(secondSave.body.contains("name=\"revision\" value=\"1\""))
            #expect(secondSave.body.contains("name=\"conflict_revision\" value=\"2\""))
            let plainRetry = try await client.post(
                "/admin/articles/\(id)", as: admin, mine + [("revision", "1"), ("conflict_revision", "2"), ("intended", "draft"), ("do", "draft")])
            #expect(plainRetry.status == .conflict)
            #expect(try await harness.store.article(id: id)?.title == "تعديل المحرر")
            // Keeping mine is an explicit choice.
            let keep = try await client.post(
                "/admin/articles/\(id)", as: admin, mine + [("revision", "1"), ("conflict_revision", "2"), ("intended", "draft"), ("resolve", "mine")])
            #expect(keep.savedArticleID == id)
            #expect(try await harness.store.article(id: id)?.title == "تعديل المدير")
            // Taking theirs drops this editor's autosave and opens the current version.
            try await harness.store.saveAutosave(
                Autosave(articleID: id, userID: try await harness.user(.editor).id, title: "مسودة", excerpt: "", bodySource: "x", savedAt: Date()))
            let take = try await client.post("/admin/articles/\(id)/take-theirs", as: editor, [])
            #expect(take.headers[.location] == "/admin/articles/\(id)?took=1")
            #expect(try await harness.store.autosave(articleID: id, userID: try await harness.user(.editor).id) == nil)
        }
    }

    @Test func autosavedTextIsOfferedWhenTheArticleIsOpenedAgain() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let author = try await client.signIn(as: .author)
            let created = try await client.post("/admin/articles/new", as: author, Self.article("مسودة الكاتب", [("do", "draft")]))
            let id = try #require(created.savedArticleID)
            harness.test.clock.advance(by: 30)
            let headers: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: author.cookie, HTTPField.Name("X-CSRF-Token")!: author.csrf,
            ]
            let body = FormBody.encode([("id", String(id)), ("title", "مسودة الكاتب"), ("excerpt", ""), ("body", "نص لم يُحفظ بعد قبل انقطاع الاتصال")])
            let saved = try await client.execute(uri: "/admin/autosave", method: .post, headers: headers, body: ByteBuffer(string: body)) { Page($0) }
            #expect(saved.status == .ok)
            #expect(saved.body.contains("saved_at"))
            let forged = try await client.execute(
                uri: "/admin/autosave", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: author.cookie],
                body: ByteBuffer(string: body)) { Page($0) }
            #expect(forged.status == .forbidden)
            let editor = try await client.get("/admin/articles/\(id)", as: author)
            #expect(editor.body.contains("id=\"autosave-offer\""))
            #expect(editor.body.contains("data-body=\"نص لم يُحفظ بعد قبل انقطاع الاتصال\""))
            // The article itself is untouched until the author saves.
            #expect(try await harness.store.article(id: id)?.body.source.contains("فقرة أولى") == true)
        }
    }

    // MARK: Bad input

    @Test func badInputIsShownBesideItsFieldWithEverythingTypedAndNothingSaved() async throws {
        let harness = try await AdminHarness.make()
        let existing = try await harness.test.seedArticle()
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let before = try await harness.store.articleCounts()
            let tagsBefore = try await harness.store.tags().count
            let cases: [(fields: [(String, String)], field: String, message: String)] = [
                ([("title", "   "), ("body", "نص محفوظ في النموذج")], "title", "العنوان مطلوب"),
                ([("title", "عنوان مكرر"), ("slug", existing.slug), ("body", "نص محفوظ في النموذج")], "slug", "مستخدم"),
                ([("title", "نص طويل جداً"), ("body", String(repeating: "كلمة ", count: 120_000))], "body", "أطول من الحد المسموح"),
                ([("title", "قسم مجهول"), ("body", "نص محفوظ في النموذج"), ("primary_category", "9999")], "categories", "9999"),
                ([("title", "تاريخ خاطئ"), ("body", "نص محفوظ في النموذج"), ("published_at", "29/11/2026")], "published_at", "بصيغة غير صحيحة"),
                ([("title", "وسم جديد لا يُنشأ"), ("body", "نص"), ("tags", "وسم-يتيم"), ("published_at", "غداً")], "published_at", "بصيغة غير صحيحة"),
            ]
            for (fields, field, message) in cases {
                let page = try await client.post("/admin/articles/new", as: editor, fields + [("do", "publish")])
                #expect(page.status == .badRequest, "\(field)")
                #expect(page.fieldError(field)?.contains(message) == true, "\(field): \(page.fieldError(field) ?? "no message")")
                if let title = fields.first(where: { $0.0 == "title" })?.1, !title.trimmingCharacters(in: .whitespaces).isEmpty {
                    #expect(page.body.contains("value=\"\(title)\""), "the title stays typed")
                }
                if fields.contains(where: { $0.1 == "نص محفوظ في النموذج" }) {
                    #expect(page.body.contains(">نص محفوظ في النموذج</textarea>"))
                }
            }
            #expect(try await harness.store.articleCounts() == before)
            #expect(try await harness.store.tags().count == tagsBefore)
        }
    }

    // MARK: What readers see

    @Test func flaggingBreakingNewsUpdatesTheCachedTickerAtOnce() async throws {
        let harness = try await AdminHarness.make()
        var query = ArticleQuery.published(at: harness.test.clock.now)
        query.limit = 40
        let calm = try #require(try await harness.store.articles(matching: query).articles.first { !$0.isBreaking(at: harness.test.clock.now) })
        try await harness.app.test(.router) { client in
            let ticker = { (body: String) in body.between("<ul class=\"ticker-items\">", "</ul>") ?? "" }
            let cached = try await client.page("/")
            #expect(!ticker(cached.body).contains(calm.title))
            let editor = try await client.signIn(as: .editor)
            let flag = try await client.post("/admin/articles/\(calm.id)/breaking", as: editor, [("back", "/admin/articles")])
            #expect(flag.status == .seeOther)
            #expect(ticker(try await client.page("/").body).contains(calm.title))
            _ = try await client.post("/admin/articles/\(calm.id)/breaking", as: editor, [])
            #expect(!ticker(try await client.page("/").body).contains(calm.title))
        }
    }

    /// The ticker leads with the story flagged last, whenever it was published.
    @Test func theTickerShowsTheNewestFlagFirst() async throws {
        let harness = try await AdminHarness.make()
        let clock = harness.test.clock
        var query = ArticleQuery.published(at: clock.now)
        query.limit = 40
        let calm = try await harness.store.articles(matching: query).articles.filter { !$0.isBreaking(at: clock.now) }
        // The oldest of three calm stories is flagged last.
        let stories = Array(calm.sorted { $0.publishedAt! > $1.publishedAt! }.prefix(3))
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            for story in stories {
                clock.advance(by: 60)
                _ = try await client.post("/admin/articles/\(story.id)/breaking", as: editor, [])
            }
            let ticker = try #require(try await client.page("/").body.between("<ul class=\"ticker-items\">", "</ul>"))
            let positions = stories.map { ticker.range(of: HTMLText.escape($0.title))!.lowerBound }
            #expect(positions[2] < positions[1] && positions[1] < positions[0], "newest flag first")
            // Saving a flagged story again keeps its place; unflagging and flagging moves it to the front.
            let first = stories[0]
            clock.advance(by: 60)
            _ = try await client.post("/admin/articles/\(first.id)/breaking", as: editor, [])
            _ = try await client.post("/admin/articles/\(first.id)/breaking", as: editor, [])
            let again = try #require(try await client.page("/").body.between("<ul class=\"ticker-items\">", "</ul>"))
            #expect(again.range(of: HTMLText.escape(first.title))!.lowerBound < again.range(of: HTMLText.escape(stories[2].title))!.lowerBound)
        }
    }

    @Test func scriptsInTitlesAndBodiesNeverReachAPageAsCode() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let admin = try await client.signIn(as: .administrator)
            let saved = try await client.post(
                "/admin/articles/new", as: admin,
                [
                    ("title", "عنوان <script>alert('t')</script>"), ("body", "نص <script>alert('b')</script><img src=\"x\" onerror=\"alert('i')\"> [رابط](javascript:alert('l'))"),
                    ("primary_category", "1"), ("categories", "1"), ("tags", "<b>وسم</b>"), ("do", "publish"),
                ])
            let id = try #require(saved.savedArticleID)
            let article = try #require(try await harness.store.article(id: id))
            let pages = [
                try await client.page(try await harness.test.path(of: article)).body, try await client.page("/").body,
                try await client.page("/feed/").body, try await client.get("/admin/articles", as: admin).body,
                try await client.get("/admin/articles/\(id)", as: admin).body, try await client.get("/admin/", as: admin).body,
            ]
            for body in pages {
                // As text (escaped) they may show; as markup, never.
                #expect(!body.contains("<script>alert"))
                #expect(!body.contains("onerror=\""))
                #expect(!body.contains("href=\"javascript"))
            }
            #expect(pages[0].contains("عنوان &lt;script&gt;"))
            #expect(!article.body.html.contains("<img"), "an image without a source a page can show is dropped, not left broken")
        }
    }

    @Test func renamedTagsAndMergedTagsKeepTheirOldAddresses() async throws {
        let harness = try await AdminHarness.make()
        let tags = try await harness.store.tags()
        let renamed = tags[0]
        let merged = tags[1]
        let target = tags[2]
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let save = try await client.post("/admin/terms/tag", as: editor, [("id", String(renamed.id)), ("name", renamed.name), ("slug", "وسم-جديد")])
            #expect(save.status == .seeOther)
            let old = try await client.page(SiteRoute.tag(slug: renamed.slug, page: 1).path(encoded: true))
            #expect(old.status == .movedPermanently)
            #expect(old.headers[.location] == SiteRoute.tag(slug: "وسم-جديد", page: 1).path(encoded: true))
            let merge = try await client.post("/admin/tags/merge", as: editor, [("ids", String(merged.id)), ("into", String(target.id))])
            #expect(merge.status == .seeOther)
            let gone = try await client.page(SiteRoute.tag(slug: merged.slug, page: 1).path(encoded: true))
            #expect(gone.status == .movedPermanently)
            #expect(gone.headers[.location] == SiteRoute.tag(slug: target.slug, page: 1).path(encoded: true))
        }
    }

    @Test func sectionsAreNestedAndOrderedFromTheAdmin() async throws {
        let harness = try await AdminHarness.make()
        let sections = try await harness.store.categories().filter { $0.parentID == nil }
        let parent = sections[0]
        let child = sections[1]
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let moved = try await client.post(
                "/admin/terms/category", as: editor,
                [("id", String(child.id)), ("name", child.name), ("slug", child.slug), ("parent_id", String(parent.id)), ("position", "7")])
            #expect(moved.status == .seeOther)
            let saved = try #require(try await harness.store.category(id: child.id))
            #expect(saved.parentID == parent.id)
            #expect(saved.position == 7)
            // A section cannot go under its own child; the message says why and nothing changes.
            let loop = try await client.post(
                "/admin/terms/category", as: editor,
                [("id", String(parent.id)), ("name", parent.name), ("slug", parent.slug), ("parent_id", String(child.id)), ("position", "0")])
            #expect(loop.status == .badRequest)
            #expect(loop.body.contains("لا يمكن أن يكون القسم أباً لنفسه"))
            #expect(try await harness.store.category(id: parent.id)?.parentID == nil)
            let badPosition = try await client.post(
                "/admin/terms/category", as: editor, [("id", String(child.id)), ("name", child.name), ("position", "أول")])
            #expect(badPosition.status == .badRequest)
            #expect(badPosition.body.contains("الترتيب عدد صحيح"))
        }
    }

    @Test func editorsManageSearchSynonymsAndReadersFindByThemAtOnce() async throws {
        let harness = try await AdminHarness.make()
        let article = try await harness.test.publish("القطط الأليفة تملأ شوارع المدينة", html: "<p>تكاثرت القطط في الأحياء القديمة.</p>")
        try await harness.app.test(.router) { client in
            func found(_ text: String) async throws -> [String] {
                let page = try await client.page("/api/search?q=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text))
                let answer = try JSONDecoder().decode(SearchTests.Answer.self, from: Data(page.body.utf8))
                return answer.results.map(\.title)
            }
            #expect(try await !found("الهررة").contains(article.title), "the article never says الهررة")
            let contributor = try await client.signIn(as: .contributor)
            #expect(try await client.post("/admin/synonyms", as: contributor, [("phrases", "الهررة\nالقطط")]).status == .forbidden)
            let editor = try await client.signIn(as: .editor)
            let lonely = try await client.post("/admin/synonyms", as: editor, [("phrases", "الهررة")])
            #expect(lonely.status == .badRequest)
            #expect(lonely.body.contains("عبارتين على الأقل"))
            #expect(lonely.body.contains(">الهررة</textarea>"), "what was typed is kept")
            let added = try await client.post("/admin/synonyms", as: editor, [("phrases", "الهررة، القطط")])
            #expect(added.status == .seeOther)
            let listed = try await client.get("/admin/synonyms", as: editor)
            #expect(listed.body.contains("<bdi>القطط</bdi>") && listed.body.contains("<bdi>الهررة</bdi>"))
            #expect(try await found("الهررة").contains(article.title), "found through its synonym, at once")
            let deleted = try await client.post("/admin/synonyms/delete", as: editor, [("phrase", "الهررة")])
            #expect(deleted.status == .seeOther)
            #expect(try await !found("الهررة").contains(article.title))
        }
    }

    @Test func existingTagsAreSuggestedAsTheEditorTypes() async throws {
        let harness = try await AdminHarness.make()
        try await harness.store.saveTag(TagInput(name: "الأمن المائي"))
        try await harness.store.saveTag(TagInput(name: "أزمة المياه"))
        try await harness.app.test(.router) { client in
            let signedOut = try await client.page("/admin/tags/suggest?q=" + "الما".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(signedOut.status == .unauthorized)
            let editor = try await client.signIn(as: .editor)
            // Typed without the hamza and with ه for ة: both tags still come.
            let typed = "المائ".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let page = try await client.get("/admin/tags/suggest?q=" + typed, as: editor)
            #expect(page.status == .ok)
            #expect(page.body.contains("الأمن المائي"))
            let other = try await client.get("/admin/tags/suggest?q=" + "ازمه".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, as: editor)
            #expect(other.body.contains("أزمة المياه"))
            #expect(!other.body.contains("الأمن المائي"))
        }
    }

    @Test func theAdminSpeaksArabicAndSwitchesToEnglish() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let arabic = try await client.get("/admin/", as: editor)
            #expect(arabic.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(arabic.body.contains("المقالات حسب الحالة"))
            #expect(arabic.body.contains("<svg class=\"chart\""))
            let switched = try await client.get("/admin/language/en?back=/admin/articles", as: editor)
            #expect(switched.headers[.location] == "/admin/articles")
            let cookie = try #require(switched.headers[.setCookie]?.split(separator: ";").first)
            let english = try await client.page("/admin/", headers: [.cookie: editor.cookie + "; " + cookie])
            #expect(english.body.contains("<html lang=\"en\" dir=\"ltr\">"))
            #expect(english.body.contains("Articles by status"))
            // Arabic content stays right to left in the English admin, and dates are English.
            let headers: HTTPFields = [.cookie: editor.cookie + "; " + cookie]
            let seed = try await harness.test.seedArticle()
            let form = try await client.page("/admin/articles/\(seed.id)", headers: headers)
            for field in ["id=\"title\"", "id=\"excerpt\"", "id=\"body\"", "id=\"tags\"", "id=\"source_credit\""] {
                let tag = try #require(form.body.range(of: field).map { form.body[$0.lowerBound...].prefix { $0 != ">" } })
                #expect(tag.contains("dir=\"auto\""), "\(field)")
            }
            let list = try await client.page("/admin/articles", headers: headers)
            #expect(list.body.contains("January 2027") || list.body.contains("December 2015"), "English month names")
            #expect(!list.body.contains("يناير") && !list.body.contains("ديسمبر"))
        }
    }

    /// The dashboard's sentence uses one kind of digits, and its chart's labels stay inside it
    /// in a right-to-left page (its geometry is left to right).
    @Test func theDashboardChartSpeaksOneKindOfDigits() async throws {
        for digits in DigitStyle.allCases {
            let harness = try await AdminHarness.make()
            var settings = try await harness.store.siteSettings()
            settings.digits = digits
            try await harness.store.saveSiteSettings(settings)
            try await harness.test.site.contentChanged()
            try await harness.app.test(.router) { client in
                let editor = try await client.signIn(as: .editor)
                let page = try await client.get("/admin/", as: editor)
                let summary = try #require(page.body.between("<p class=\"muted\">", "</p>"))
                let heading = try #require(page.body.between("<h2 id=\"chart-h\">", "</h2>"))
                let latin = CharacterSet(charactersIn: "0123456789")
                let indic = CharacterSet(charactersIn: "٠١٢٣٤٥٦٧٨٩")
                for text in [summary, heading] {
                    let scalars = text.unicodeScalars
                    if digits == .latin { #expect(!scalars.contains { indic.contains($0) }, "\(text)") }
                    else { #expect(!scalars.contains { latin.contains($0) }, "\(text)") }
                }
                #expect(summary.hasPrefix("نُشر "), "\(summary)")
                #expect(page.body.contains("<svg class=\"chart\" viewBox=\"0 0 600 160\" direction=\"ltr\""))
            }
        }
    }
}

/// The site owner's code injection: written into every page as given, and allowed to run by
/// the page's Content-Security-Policy (and nothing else is).
@Suite struct CodeInjectionTests {
    @Test func injectedAnalyticsIsWrittenAndAllowedByTheContentSecurityPolicy() async throws {
        let harness = try await AdminHarness.make()
        try await harness.app.test(.router) { client in
            let admin = try await client.signIn(as: .administrator)
            let head = "<script async src=\"https://analytics.example/tag.js\"></script>\n<script>window.dataLayer = [];</script>"
            let saved = try await client.post(
                "/admin/settings", as: admin,
                [("name", "منبر"), ("language", "ar"), ("time_zone", "Asia/Riyadh"), ("articles_per_page", "10"), ("head_code", head),
                 ("footer_code", "<noscript><img src=\"https://analytics.example/p.gif\" alt=\"\"></noscript>")])
            #expect(saved.status == .seeOther)
            let home = try await client.page("/")
            let headPart = try #require(home.body.between("<head>", "</head>"))
            #expect(headPart.contains(head))
            #expect(home.body.contains("<noscript><img src=\"https://analytics.example/p.gif\" alt=\"\"></noscript>\n</body>"))
            let policy = try #require(home.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'self' https://analytics.example 'sha256-"))
            #expect(policy.contains("connect-src 'self' https://analytics.example"))
            // Pages without injected code keep the strict policy.
            #expect(SecurityHeaders.forInjectedCode("")[.contentSecurityPolicy]?.contains("script-src 'self';") == true)
        }
    }
}
