import Foundation
import GRDB
import MinbarCore

extension SQLiteContentStore: CommentStore {
    public func addComment(_ input: CommentInput, status: CommentStatus, maximumDepth: Int, now: Date) async throws -> Comment {
        let input = try input.validated()
        // A comment the reader was told is received survives a crash or a power cut: this one
        // transaction is synced to disk before the answer goes out (the rest of the site keeps
        // WAL's NORMAL setting).
        return try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
            var saved: Comment?
            try db.inTransaction {
                if let parentID = input.parentID {
                    guard let parent = try db.fetchRow(sql: "SELECT article_id, parent_id FROM comment WHERE id = ? AND status = 'approved'", arguments: [parentID]) else {
                        throw ValidationError(
                            field: "comment_parent", ar: "التعليق الذي تردّ عليه غير موجود أو لم يُنشر.",
                            en: "The comment you are replying to does not exist or is not published.")
                    }
                    guard parent["article_id"] as Int64 == input.articleID else {
                        throw ValidationError(
                            field: "comment_parent", ar: "التعليق الذي تردّ عليه ليس في هذا المقال.",
                            en: "The comment you are replying to belongs to another article.")
                    }
                    if try Self.depth(db, of: parentID) >= maximumDepth {
                        throw ValidationError(
                            field: "comment_parent", ar: "لا يمكن الرد بأعمق من \(maximumDepth) مستويات؛ ردّ على تعليق أعلى.",
                            en: "Replies cannot nest deeper than \(maximumDepth) levels; reply to a comment higher up.")
                    }
                }
                try db.execute(
                    sql: """
                        INSERT INTO comment (article_id, parent_id, author_name, author_email, author_url, body, status, created_at, address, user_agent, user_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        input.articleID, input.parentID, input.authorName, input.authorEmail, input.authorURL.isEmpty ? nil : input.authorURL,
                        input.body, status.rawValue, now, input.address, String(input.userAgent.prefix(300)), input.userID,
                    ])
                saved = Comment(
                    id: db.lastInsertedRowID, articleID: input.articleID, parentID: input.parentID, authorName: input.authorName,
                    authorEmail: input.authorEmail, authorURL: input.authorURL.isEmpty ? nil : input.authorURL, body: input.body,
                    status: status, createdAt: now, address: input.address, userAgent: input.userAgent, userID: input.userID)
                return .commit
            }
            guard let saved else { throw ContentStoreError.notFound("comment") }
            return saved
        }
    }

    /// 1 for a top-level comment, 2 for a reply to it, and so on.
    static func depth(_ db: Database, of id: Int64) throws -> Int {
        var depth = 1
        var current: Int64? = try Int64.fetchOne(db, sql: "SELECT parent_id FROM comment WHERE id = ?", arguments: [id])
        while let parent = current, depth < 100 {
            depth += 1
            current = try Int64.fetchOne(db, sql: "SELECT parent_id FROM comment WHERE id = ?", arguments: [parent])
        }
        return depth
    }

    public func comment(id: Int64) async throws -> Comment? {
        try await pool.read { db in try db.fetchRow(sql: "SELECT * FROM comment WHERE id = ?", arguments: [id]).map(Self.comment(from:)) }
    }

    public func comments(articleID: Int64, statuses: Set<CommentStatus>, including ids: [Int64]) async throws -> [Comment] {
        try await pool.read { db in
            var arguments: StatementArguments = [articleID]
            var clauses: [String] = []
            if !statuses.isEmpty {
                clauses.append("status IN (\(databaseQuestionMarks(count: statuses.count)))")
                arguments += StatementArguments(statuses.map(\.rawValue).sorted())
            }
            if !ids.isEmpty {
                clauses.append("id IN (\(databaseQuestionMarks(count: ids.count)))")
                arguments += StatementArguments(ids)
            }
            guard !clauses.isEmpty else { return [] }
            return try db.fetchRows(
                sql: "SELECT * FROM comment WHERE article_id = ? AND (\(clauses.joined(separator: " OR "))) ORDER BY created_at, id",
                arguments: arguments
            ).map(Self.comment(from:))
        }
    }

    public func hasApprovedComment(email: String) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM comment WHERE author_email = ? AND status = 'approved' LIMIT 1", arguments: [email]) != nil
        }
    }

    public func commentCount(address: String, since: Date) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM comment WHERE address = ? AND created_at >= ?", arguments: [address, since]) ?? 0
        }
    }

    public func isDuplicateComment(articleID: Int64, email: String, body: String) async throws -> Bool {
        let body = body.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return try await pool.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM comment WHERE article_id = ? AND author_email = ? AND body = ? AND status <> 'trash' LIMIT 1",
                arguments: [articleID, email.lowercased(), body]) != nil
        }
    }

    public func moderationQueue(_ query: CommentQuery) async throws -> (comments: [ModeratedComment], total: Int) {
        try await pool.read { db in
            var clauses = ["1 = 1"]
            var arguments = StatementArguments()
            if !query.statuses.isEmpty {
                clauses.append("c.status IN (\(databaseQuestionMarks(count: query.statuses.count)))")
                arguments += StatementArguments(query.statuses.map(\.rawValue).sorted())
            }
            if let articleID = query.articleID {
                clauses.append("c.article_id = ?")
                arguments += [articleID]
            }
            if let owner = query.articleOwnerID {
                clauses.append("a.owner_id = ?")
                arguments += [owner]
            }
            let filter = clauses.joined(separator: " AND ")
            let total =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM comment c JOIN article a ON a.id = c.article_id WHERE \(filter)", arguments: arguments)
                ?? 0
            let rows = try db.fetchRows(
                sql: """
                    SELECT c.*, a.title AS article_title, a.owner_id AS article_owner FROM comment c JOIN article a ON a.id = c.article_id
                    WHERE \(filter) ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?
                    """,
                arguments: arguments + [query.limit, query.offset])
            return (rows.map { ModeratedComment(comment: Self.comment(from: $0), articleTitle: $0["article_title"], articleOwnerID: $0["article_owner"]) }, total)
        }
    }

    public func commentCountsByStatus(articleOwnerID: Int64?) async throws -> [CommentStatus: Int] {
        try await pool.read { db in
            var counts: [CommentStatus: Int] = [:]
            let rows =
                if let owner = articleOwnerID {
                    try db.fetchRows(
                        sql: "SELECT c.status, COUNT(*) AS n FROM comment c JOIN article a ON a.id = c.article_id WHERE a.owner_id = ? GROUP BY c.status",
                        arguments: [owner])
                } else {
                    try db.fetchRows(sql: "SELECT status, COUNT(*) AS n FROM comment GROUP BY status")
                }
            for row in rows {
                if let status = CommentStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    public func setCommentStatus(ids: [Int64], to status: CommentStatus) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await pool.write { db in
            let marks = databaseQuestionMarks(count: ids.count)
            let articles = try Int64.fetchAll(db, sql: "SELECT DISTINCT article_id FROM comment WHERE id IN (\(marks))", arguments: StatementArguments(ids))
            try db.execute(sql: "UPDATE comment SET status = ? WHERE id IN (\(marks))", arguments: [status.rawValue] + StatementArguments(ids))
            return Set(articles)
        }
    }

    public func updateCommentBody(id: Int64, body: String) async throws {
        let text = body.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= CommentInput.maximumBodyLength else {
            throw ValidationError(
                field: "comment", ar: "نص التعليق مطلوب، وحدّه \(CommentInput.maximumBodyLength) حرف.",
                en: "The comment text is required and at most \(CommentInput.maximumBodyLength) characters.")
        }
        try await pool.write { db in
            try db.execute(sql: "UPDATE comment SET body = ? WHERE id = ?", arguments: [text, id])
            guard db.changesCount > 0 else { throw ContentStoreError.notFound("comment \(id)") }
        }
    }

    public func latestComments(articleID: Int64?, limit: Int) async throws -> [Comment] {
        try await pool.read { db in
            if let articleID {
                return try db.fetchRows(
                    sql: "SELECT * FROM comment WHERE article_id = ? AND status = 'approved' ORDER BY created_at DESC, id DESC LIMIT ?",
                    arguments: [articleID, limit]
                ).map(Self.comment(from:))
            }
            return try db.fetchRows(
                sql: """
                    SELECT c.* FROM comment c JOIN article a ON a.id = c.article_id
                    WHERE c.status = 'approved' AND a.status = 'published' ORDER BY c.created_at DESC, c.id DESC LIMIT ?
                    """,
                arguments: [limit]
            ).map(Self.comment(from:))
        }
    }

    public func setCommentsOpen(articleID: Int64, open: Bool) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE article SET comments_open = ? WHERE id = ?", arguments: [open, articleID])
            guard db.changesCount > 0 else { throw ContentStoreError.notFound("article \(articleID)") }
        }
    }

    static func comment(from row: Row) -> Comment {
        Comment(
            id: row["id"], articleID: row["article_id"], parentID: row["parent_id"], authorName: row["author_name"],
            authorEmail: row["author_email"], authorURL: row["author_url"], body: row["body"],
            status: CommentStatus(rawValue: row["status"]) ?? .pending, createdAt: row["created_at"], address: row["address"],
            userAgent: row["user_agent"], userID: row["user_id"])
    }

    /// A random secret kept in the database under `name`, made on first use: the same on every
    /// server of a site and across restarts.
    public func secret(named name: String) async throws -> String {
        try await pool.write { db in
            if let value = try String.fetchOne(db, sql: "SELECT value FROM site_secret WHERE name = ?", arguments: [name]) { return value }
            var generator = SystemRandomNumberGenerator()
            let value = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
            try db.execute(sql: "INSERT INTO site_secret (name, value) VALUES (?, ?)", arguments: [name, value])
            return value
        }
    }
}
