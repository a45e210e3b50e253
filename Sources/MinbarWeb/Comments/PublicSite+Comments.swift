import Foundation
import HTTPTypes
import Hummingbird
import MinbarArabic
import MinbarCore

extension Cookies {
    /// The ids of the comments this browser posted, signed: it sees them while they await moderation.
    static let commenter = "minbar_commenter"
}

extension PublicSite {
    var commentStore: (any CommentStore)? { store as? any CommentStore }

    /// The signer of comment tokens and commenter cookies (its secret is read once).
    func commentGuard() async throws -> CommentGuard? {
        if let ready = commentGuardCache.withLock({ $0 }) { return ready }
        guard let comments = commentStore else { return nil }
        let made = CommentGuard(secret: try await comments.secret(named: "comments"))
        commentGuardCache.withLock { $0 = made }
        return made
    }

    /// The comment ids of the request's commenter cookie.
    func commenterCommentIDs(_ request: Request) async -> [Int64] {
        guard let value = Cookies.value(Cookies.commenter, in: request), let signer = try? await commentGuard() else { return [] }
        return signer.ids(fromCookie: value)
    }

    // MARK: Showing comments

    /// The comments part of an article page: approved comments (and this browser's pending ones)
    /// in threads, oldest first, `commentsPerPage` threads per page.
    func commentsView(_ article: Article, builder: PageBuilder, page: Int, pendingIDs: [Int64]) async throws -> CommentsView? {
        guard let comments = commentStore else { return nil }
        let settings = builder.settings
        let all = try await comments.comments(articleID: article.id, statuses: [.approved], including: pendingIDs)
            .filter { $0.status == .approved || pendingIDs.contains($0.id) && ($0.status == .pending || $0.status == .spam) }
        var children: [Int64: [Comment]] = [:]
        let ids = Set(all.map(\.id))
        var roots: [Comment] = []
        for comment in all {
            if let parent = comment.parentID, ids.contains(parent) {
                children[parent, default: []].append(comment)
            } else {
                roots.append(comment)
            }
        }
        let open = article.acceptsComments(at: builder.now, closeAfterDays: settings.commentsCloseAfterDays)
        let articlePath = builder.articlePath(article)
        func view(_ comment: Comment, depth: Int) -> CommentView {
            let replies = (children[comment.id] ?? []).map { view($0, depth: depth + 1) }
            let date = builder.formatter.dateTime(comment.createdAt)
            return CommentView(
                id: String(comment.id), authorName: comment.authorName, authorURL: comment.authorURL, dateText: date,
                dateISO: builder.formatter.iso8601(comment.createdAt), bodyHTML: CommentText.html(comment.body),
                pending: comment.status != .approved, children: replies, hasChildren: !replies.isEmpty,
                canReply: open && comment.status == .approved && depth < settings.commentThreadDepth,
                replyURL: "/comments/reply/\(comment.id)/")
        }
        let perPage = settings.commentsPerPage
        let totalPages = max(1, (roots.count + perPage - 1) / perPage)
        let shown = roots.dropFirst((page - 1) * perPage).prefix(perPage)
        let approved = all.filter { $0.status == .approved }.count
        var pagination: PaginationView?
        if totalPages > 1 {
            func link(_ number: Int) -> String { number == 1 ? articlePath + "#comments" : articlePath + "comment-page-\(number)/#comments" }
            pagination = PaginationView(
                pages: (1...totalPages).map { PageLink(label: builder.number($0), url: link($0), current: $0 == page) },
                prevURL: page > 1 ? link(page - 1) : nil, nextURL: page < totalPages ? link(page + 1) : nil,
                status: builder.string("page_of").replacingOccurrences(of: "{page}", with: builder.number(page))
                    .replacingOccurrences(of: "{pages}", with: builder.number(totalPages)))
        }
        // Only the poster's own comments awaiting moderation: "no comments yet" above them would be wrong.
        let pendingOwn = all.count - approved
        let countText =
            approved == 0 && pendingOwn > 0
            ? builder.string(pendingOwn == 1 ? "your_comment" : "your_comments") : builder.commentCountLabel(approved)
        return CommentsView(
            articleID: String(article.id), countText: countText, hasComments: !shown.isEmpty,
            threads: shown.map { view($0, depth: 1) }, pagination: pagination, open: open,
            closedText: builder.string("comments_closed"), tokenURL: "/comments/token?article=\(article.id)",
            feedURL: articlePath + "feed/")
    }

    /// RSS of the newest approved comments: the site's or one article's. No email address ever.
    func commentsFeed(_ match: PermalinkStructure.Match?, builder: PageBuilder, dates: FeedDates) async throws -> (String, Date?) {
        guard let comments = commentStore else { throw PageError.notFound }
        let settings = builder.settings
        var article: Article?
        if let match {
            let found: Article?
            if let slug = match.slug { found = try await store.article(slug: slug) } else if let id = match.id { found = try await store.article(id: id) } else { found = nil }
            guard let found, found.isPublic(at: builder.now) else { throw PageError.notFound }
            article = found
        }
        let latest = try await comments.latestComments(articleID: article?.id, limit: settings.feedItems)
        var titles: [Int64: Article] = [:]
        if let article { titles[article.id] = article }
        for id in Set(latest.map(\.articleID)) where titles[id] == nil {
            titles[id] = try await store.article(id: id)
        }
        let items: [FeedWriter.Item] = latest.compactMap { comment in
            guard let on = titles[comment.articleID], on.isPublic(at: builder.now) else { return nil }
            let url = builder.absolute(builder.articleEncodedPath(on)) + "#comment-\(comment.id)"
            let title = settings.language == "en" ? "\(comment.authorName) on \(on.title)" : "تعليق \(comment.authorName) على «\(on.title)»"
            return FeedWriter.Item(
                id: url, url: url, title: title, summary: comment.body, contentHTML: CommentText.html(comment.body),
                published: comment.createdAt, modified: comment.createdAt, authors: [(comment.authorName, comment.authorURL ?? "")],
                categories: [], imageURL: nil)
        }
        let feedPath = article.map { builder.articlePath($0) + "feed/" } ?? "/comments/feed/"
        let channel = FeedWriter.Channel(
            title: (settings.language == "en" ? "Comments – " : "التعليقات – ") + (article?.title ?? settings.name),
            description: settings.tagline, language: settings.language,
            pageURL: builder.absolute(article.map { builder.articleEncodedPath($0) } ?? "/"), feedURL: builder.absolute(feedPath),
            updated: latest.first?.createdAt ?? article?.modifiedAt ?? builder.now)
        return (FeedWriter(dates: dates).write(.rss, channel: channel, items: items), latest.first?.createdAt)
    }

    /// Forgets the cached pages that show an article's comments (its pages and comment feeds).
    /// Cards elsewhere show the new count when their page is next rendered (at most
    /// `maximumPageAge` later).
    func commentsChanged(articleIDs: Set<Int64>, within delay: TimeInterval = 0) async {
        guard !articleIDs.isEmpty else { return }
        let now = clock()
        guard let snapshot = try? await snapshot(at: now) else { return cache.removeAll() }
        let builder = pageBuilder(snapshot, now: now)
        var matches: [PermalinkStructure.Match] = []
        for id in articleIDs {
            guard let article = try? await store.article(id: id) else { continue }
            let segments = builder.articlePath(article).split(separator: "/").map(String.init)
            if let match = snapshot.permalink.match(segments) { matches.append(match) }
        }
        let affected = { (route: SiteRoute) -> Bool in
            switch route {
            case .article(let match), .articleComments(let match, _): return matches.contains(match)
            case .commentsFeed(let match): return match == nil || matches.contains(match!)
            default: return false
            }
        }
        if delay > 0 {
            cache.expire(where: affected, by: now.addingTimeInterval(delay))
        } else {
            cache.remove(where: affected)
        }
    }
}
