import Foundation
import HTTPTypes
import Hummingbird
import MinbarCore

extension AdminSite {
    static let commentPageSize = 30

    /// GET /admin/comments: the moderation queue, by state and article, with bulk actions,
    /// replies and edits. Authors see the comments on their own articles only.
    func commentQueue(_ request: Request) async -> Response {
        await page(request) { visitor in
            guard visitor.permissions.canOpenCommentQueue else { throw AdminError.notAllowed }
            let language = visitor.language
            let parameters = request.uri.queryParameters
            let status = parameters.get("status").flatMap(CommentStatus.init(rawValue:)) ?? .pending
            var query = CommentQuery()
            query.statuses = [status]
            query.articleID = parameters.get("article").flatMap { Int64($0) }
            let ownOnly = !visitor.permissions.canModerateComments
            if ownOnly { query.articleOwnerID = visitor.user.id }
            let pageNumber = max(1, parameters.get("page").flatMap { Int($0) } ?? 1)
            query.offset = (pageNumber - 1) * Self.commentPageSize
            query.limit = Self.commentPageSize
            let (comments, total) = try await store.moderationQueue(query)
            let counts = try await store.commentCountsByStatus(articleOwnerID: ownOnly ? visitor.user.id : nil)
            let formatter = dateFormatter(visitor)
            let rows: [[String: Any]] = comments.map { item in
                let comment = item.comment
                return [
                    "id": comment.id, "author": comment.authorName, "email": comment.authorEmail, "url": comment.authorURL as Any,
                    "address": comment.address, "body": comment.body, "bodyHTML": CommentText.html(comment.body),
                    "date": formatter.dateTime(comment.createdAt), "articleID": comment.articleID, "articleTitle": item.articleTitle,
                    "isReply": comment.parentID != nil, "canReply": comment.status == .approved,
                ]
            }
            let totalPages = max(1, (total + Self.commentPageSize - 1) / Self.commentPageSize)
            func link(_ page: Int) -> String {
                "/admin/comments?status=\(status.rawValue)" + (query.articleID.map { "&article=\($0)" } ?? "") + "&page=\(page)"
            }
            let view = frame(
                visitor, title: AdminStrings.text("comments", language),
                extra: [
                    "comments": rows, "hasComments": !rows.isEmpty, "status": status.rawValue,
                    "statuses": CommentStatus.allCases.map {
                        ["value": $0.rawValue, "label": AdminStrings.text("comment_\($0.rawValue)", language), "count": counts[$0] ?? 0, "current": $0 == status]
                    },
                    "articleFilter": query.articleID as Any,
                    "operations": Self.operations(for: status).map { ["value": $0, "label": AdminStrings.text("op_\($0)", language)] },
                    "back": link(pageNumber), "page": pageNumber, "totalPages": totalPages,
                    "prevURL": (pageNumber > 1 ? link(pageNumber - 1) : nil) as Any,
                    "nextURL": (pageNumber < totalPages ? link(pageNumber + 1) : nil) as Any,
                    "notice": parameters.get("done").map { _ in AdminStrings.text("saved", language) } as Any,
                ])
            return htmlResponse(render("comments", view: view))
        }
    }

    /// What can be done from a state: approve, mark spam, trash, restore.
    static func operations(for status: CommentStatus) -> [String] {
        switch status {
        case .pending: return ["approve", "spam", "trash"]
        case .approved: return ["unapprove", "spam", "trash"]
        case .spam: return ["restore", "trash"]
        case .trash: return ["restore", "spam"]
        }
    }

    /// The comments of `ids` after checking the visitor may moderate every one of them.
    func moderatable(_ ids: [Int64], by visitor: Visitor) async throws -> [Comment] {
        var found: [Comment] = []
        for id in ids {
            guard let comment = try await store.comment(id: id), let article = try await store.article(id: comment.articleID) else {
                throw AdminError.notFound
            }
            guard visitor.permissions.canModerate(articleOwnerID: article.ownerID) else { throw AdminError.notAllowed }
            found.append(comment)
        }
        return found
    }

    /// POST /admin/comments/bulk: approve, unapprove, spam, trash or restore one or many.
    func moderateComments(_ request: Request) async -> Response {
        await action(request) { visitor, form in
            let (ids, bad) = form.ids("ids")
            guard bad.isEmpty, !ids.isEmpty else {
                throw AdminError.badRequest(LocalizedText(ar: "حدّد تعليقاً واحداً على الأقل.", en: "Select at least one comment."))
            }
            let target: CommentStatus
            switch form["operation"] {
            case "approve": target = .approved
            case "unapprove", "restore": target = .pending
            case "spam": target = .spam
            case "trash": target = .trash
            default:
                throw AdminError.badRequest(LocalizedText(ar: "اختر إجراءً.", en: "Choose an action."))
            }
            _ = try await moderatable(ids, by: visitor)
            let articles = try await store.setCommentStatus(ids: ids, to: target)
            await site.commentsChanged(articleIDs: articles)
            return redirect(Self.safeNext(form["back"]) ?? "/admin/comments?done=1")
        }
    }

    /// POST /admin/comments/{id}/reply: an approved reply written by the signed-in user.
    func replyToComment(_ request: Request, id: Int64) async -> Response {
        await action(request) { visitor, form in
            guard let parent = try await moderatable([id], by: visitor).first else { throw AdminError.notFound }
            let settings = site.currentSettings
            do {
                try await store.addComment(
                    CommentInput(
                        articleID: parent.articleID, parentID: parent.id, authorName: visitor.user.name, authorEmail: visitor.user.email,
                        body: form["body"], address: "admin", userID: visitor.user.id),
                    status: .approved, maximumDepth: settings.commentThreadDepth, now: now)
            } catch let error as ValidationError {
                throw AdminError.badRequest(error.errors.first?.message ?? LocalizedText(ar: "رد غير صالح.", en: "Invalid reply."))
            }
            await site.commentsChanged(articleIDs: [parent.articleID])
            return redirect(Self.safeNext(form["back"]) ?? "/admin/comments?status=approved&done=1")
        }
    }

    /// POST /admin/comments/{id}/edit: corrects a comment's text.
    func editComment(_ request: Request, id: Int64) async -> Response {
        await action(request) { visitor, form in
            guard let comment = try await moderatable([id], by: visitor).first else { throw AdminError.notFound }
            try await store.updateCommentBody(id: id, body: form["body"])
            await site.commentsChanged(articleIDs: [comment.articleID])
            return redirect(Self.safeNext(form["back"]) ?? "/admin/comments?done=1")
        }
    }
}
