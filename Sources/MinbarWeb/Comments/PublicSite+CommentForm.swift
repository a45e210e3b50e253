import Foundation
import HTTPTypes
import Hummingbird
import MinbarArabic
import MinbarCore

extension PublicSite {
    /// The largest comment form read, in bytes: a comment far over the length limit still reads,
    /// so the reader is told what to fix rather than refused blindly.
    static let maximumCommentFormBytes = 1_500_000
    /// The honeypot: a field people never see or fill, named so form-filling bots do.
    static let honeypotField = "phone"

    /// GET /comments/token?article=ID: a fresh form token (the article page itself is cached and
    /// shared, so the token is fetched by the page's script when the reader starts).
    public func commentToken(_ request: Request) async -> Response {
        guard let id = request.uri.queryParameters.get("article").flatMap({ Int64($0) }),
            let signer = try? await commentGuard()
        else {
            return (try? JSONResponse.response(["error": "article"], status: .badRequest)) ?? Response(status: .badRequest)
        }
        var response = (try? JSONResponse.response(["token": signer.token(articleID: id, issued: clock())])) ?? Response(status: .internalServerError)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// POST /comments/: validates, applies the spam defences, stores durably, then sends the
    /// reader back to the article (their comment shown, awaiting moderation if it must). Any
    /// refusal answers with the form again: a clear message and every field as typed.
    public func postComment(_ request: Request, context: SiteRequestContext) async -> Response {
        let now = clock()
        let language = currentSettings.language
        func text(_ ar: String, _ en: String) -> String { language == "en" ? en : ar }
        guard let comments = commentStore, let signer = try? await commentGuard() else {
            return await errorResponse(.notFound, request: request)
        }
        var mutable = request
        guard let buffer = try? await mutable.collectBody(upTo: Self.maximumCommentFormBytes) else {
            return await errorResponse(
                .badRequest(LocalizedText(ar: "التعليق أطول بكثير من الحد المسموح؛ لم يُحفظ شيء.", en: "The comment is far over the size limit; nothing was saved.")),
                request: request)
        }
        let form = FormData(String(buffer: buffer))
        guard let articleID = Int64(form["article_id"]), let article = try? await store.article(id: articleID), article.isPublic(at: now) else {
            return await errorResponse(
                .badRequest(LocalizedText(ar: "المقال الذي تعلّق عليه غير موجود أو لم يُنشر؛ لم يُحفظ شيء.", en: "The article you are commenting on does not exist or is not published; nothing was saved.")),
                request: request)
        }
        let settings = currentSettings
        let address = request.clientAddress(context: context, trustProxy: configuration.trustProxyHeaders)
        let parentText = form["comment_parent"].trimmingCharacters(in: .whitespaces)
        var input = CommentInput(
            articleID: articleID, parentID: Int64(parentText), authorName: form["author"], authorEmail: form["email"],
            authorURL: form["url"], body: form["comment"], address: address, userAgent: request.headers[.userAgent] ?? "")

        func again(_ status: HTTPResponse.Status, message: String?, errors: [FieldError] = []) async -> Response {
            await commentFormPage(article: article, input: input, status: status, message: message, errors: errors, token: signer.token(articleID: articleID, issued: now))
        }

        guard article.acceptsComments(at: now, closeAfterDays: settings.commentsCloseAfterDays) else {
            return await again(.forbidden, message: text("التعليقات مغلقة على هذا المقال؛ لم يُحفظ تعليقك.", "Comments are closed on this article; your comment was not saved."))
        }
        if !parentText.isEmpty, input.parentID == nil {
            return await again(.badRequest, message: text("رقم التعليق الذي تردّ عليه غير صالح.", "The id of the comment you reply to is not valid."))
        }
        // A filled honeypot: a program, not a person. Nothing is stored.
        if !form[Self.honeypotField].isEmpty {
            return await again(.badRequest, message: text("تعذر قبول التعليق. اترك الحقل المخفي فارغاً.", "The comment could not be accepted. Leave the hidden field empty."))
        }
        var problems: [FieldError] = []
        do {
            input = try input.validated()
        } catch {
            problems = error.errors
        }
        switch signer.check(form["token"], articleID: articleID, now: now, minimumSeconds: settings.commentMinimumSeconds) {
        case .valid:
            break
        case .missing:
            return await again(.badRequest, message: text(
                "للتأكد من أن مرسل التعليق شخص لا برنامج، راجع تعليقك ثم اضغط «إرسال التعليق» مرة أخرى.",
                "To make sure a person sends this comment, check it and press “Post comment” again."), errors: problems)
        case .forged:
            return await again(.badRequest, message: text(
                "رمز النموذج غير صالح (ربما نُسخ من صفحة أخرى). أعد الإرسال من هذا النموذج.",
                "The form token is not valid (perhaps copied from another page). Send again from this form."), errors: problems)
        case .expired:
            return await again(.badRequest, message: text(
                "انتهت صلاحية النموذج لأن الصفحة فُتحت منذ وقت طويل. أعد الإرسال من هذا النموذج.",
                "The form expired because the page was opened long ago. Send again from this form."), errors: problems)
        case .tooFast(let seconds):
            return await again(.tooManyRequests, message: text(
                "أُرسل التعليق بسرعة لا يكتب بها إنسان. انتظر \(seconds) ثوانٍ ثم أرسله مرة أخرى.",
                "The comment was sent faster than a person types. Wait \(seconds) seconds, then send it again."), errors: problems)
        }
        guard problems.isEmpty else {
            return await again(.badRequest, message: text("لم يُحفظ التعليق. صحّح ما يلي:", "The comment was not saved. Please fix the following:"), errors: problems)
        }
        do {
            if let parentID = input.parentID {
                guard let parent = try await comments.comment(id: parentID), parent.status == .approved else {
                    return await again(.badRequest, message: text("التعليق الذي تردّ عليه غير موجود أو لم يُنشر.", "The comment you reply to does not exist or is not published."))
                }
                guard parent.articleID == articleID else {
                    return await again(.badRequest, message: text("التعليق الذي تردّ عليه ليس في هذا المقال.", "The comment you reply to belongs to another article."))
                }
            }
            let recent = try await comments.commentCount(address: address, since: now.addingTimeInterval(-600))
            if recent >= settings.commentRateLimit {
                return await again(.tooManyRequests, message: text(
                    "أرسلت تعليقات كثيرة في وقت قصير. انتظر عشر دقائق ثم أرسل تعليقك، وهو باقٍ هنا.",
                    "You sent many comments in a short time. Wait ten minutes, then send this one; it is kept here."))
            }
            let links = CommentText.linkCount(input.body)
            if links > settings.commentMaximumLinks {
                return await again(.badRequest, message: text(
                    "التعليق يحوي \(links) روابط، والحد \(settings.commentMaximumLinks). احذف بعضها ثم أرسله.",
                    "The comment holds \(links) links; at most \(settings.commentMaximumLinks) are allowed. Remove some, then send it."))
            }
            if try await comments.isDuplicateComment(articleID: articleID, email: input.authorEmail, body: input.body) {
                return await again(.conflict, message: text("نشرت هذا التعليق نفسه من قبل على هذا المقال.", "You already posted this same comment on this article."))
            }
            let status: CommentStatus
            if CommentBlocklist(settings.commentBlocklist).blocks(input) {
                status = .spam
            } else {
                switch settings.commentModeration {
                case .none: status = .approved
                case .all: status = .pending
                case .firstTime: status = try await comments.hasApprovedComment(email: input.authorEmail) ? .approved : .pending
                }
            }
            let saved = try await comments.addComment(input, status: status, maximumDepth: settings.commentThreadDepth, now: now)
            logger.info("comment \(saved.id) on article \(articleID): \(status.rawValue)")
            if status == .approved { await commentsChanged(articleIDs: [articleID], within: configuration.commentRefreshDelay) }
            let ids = signer.ids(fromCookie: Cookies.value(Cookies.commenter, in: request)) + [saved.id]
            let builder = pageBuilder(try await snapshot(at: now), now: now)
            var headers: HTTPFields = [.location: builder.articleEncodedPath(article) + "#comment-\(saved.id)", .cacheControl: "no-store"]
            headers.append(
                HTTPField(
                    name: .setCookie,
                    value: Cookies.header(Cookies.commenter, value: signer.cookie(ids: ids), maxAge: 30 * 86_400, secure: request.isHTTPS(trustProxy: configuration.trustProxyHeaders))))
            return Response(status: .seeOther, headers: headers)
        } catch let error as ValidationError {
            return await again(.badRequest, message: error.errors.first?.message.text(for: language), errors: error.errors)
        } catch {
            logger.error("saving a comment failed: \(error)")
            return await again(.internalServerError, message: text("تعذر حفظ التعليق الآن؛ نصّك باقٍ هنا، أعد المحاولة بعد قليل.", "The comment could not be saved right now; your text is kept here, try again shortly."))
        }
    }

    /// GET /comments/reply/{id}/: the form to answer one comment, for browsers without JavaScript.
    public func replyForm(_ request: Request, commentID: Int64) async -> Response {
        let now = clock()
        guard let comments = commentStore, let signer = try? await commentGuard(), let parent = try? await comments.comment(id: commentID),
            parent.status == .approved, let article = try? await store.article(id: parent.articleID), article.isPublic(at: now)
        else {
            return await errorResponse(.notFound, request: request)
        }
        let input = CommentInput(articleID: article.id, parentID: parent.id, authorName: "", authorEmail: "", body: "")
        return await commentFormPage(
            article: article, input: input, status: .ok, message: nil, errors: [],
            token: signer.token(articleID: article.id, issued: now), replyingTo: parent)
    }

    /// The comment form on a page of its own, never cached.
    func commentFormPage(
        article: Article, input: CommentInput, status: HTTPResponse.Status, message: String?, errors: [FieldError], token: String,
        replyingTo: Comment? = nil
    ) async -> Response {
        let now = clock()
        guard let snapshot = try? await snapshot(at: now) else { return Response(status: .internalServerError) }
        let builder = pageBuilder(snapshot, now: now)
        let language = snapshot.settings.language
        let errorTexts = errors.messagesByField(in: language)
        var parent = replyingTo
        if parent == nil, let parentID = input.parentID, let comments = commentStore { parent = try? await comments.comment(id: parentID) }
        var view = builder.frame(
            title: builder.string("leave_comment"), canonicalPath: builder.articleEncodedPath(article), description: nil, bodyClass: "comment-form-page")
        view.meta.robots = "noindex"
        view.commentForm = CommentFormView(
            articleID: String(article.id), articleTitle: article.title, articleURL: builder.articlePath(article),
            parentID: input.parentID.map(String.init) ?? "",
            replyingTo: parent.map { "\($0.authorName): " + String($0.body.prefix(140)) }, message: message, errors: errorTexts,
            author: input.authorName, email: input.authorEmail, url: input.authorURL, comment: input.body, token: token)
        let html = render(view, candidates: ["comment-form", "index"]) ?? ""
        var page = CachedPage(
            status: status, html: html, lastModified: nil, validUntil: .distantPast, cacheControl: "no-store", compress: false,
            extraHeaders: snapshot.securityHeaders)
        page.makePrivate()
        return Response(status: status, headers: page.identityHeaders, body: .init(byteBuffer: page.body))
    }
}
