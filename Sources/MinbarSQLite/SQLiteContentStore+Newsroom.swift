import Foundation
import GRDB
import MinbarCore
import MinbarArabic

extension SQLiteContentStore: NewsroomStore {
    // MARK: Accounts

    public func createUser(email: String, name: String, role: Role, passwordHash: String, authorID: Int64?) async throws -> User {
        let email = try AccountValidation.email(email)
        let name = try AccountValidation.name(name)
        let now = self.now()
        return try await pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE email = ?", arguments: [email]) != nil {
                throw ContentStoreError.emailTaken(email)
            }
            try Self.ensureExist(db, table: "author", field: "author_id", ids: [authorID].compactMap { $0 })
            try db.execute(
                sql: "INSERT INTO user (email, name, role, password_hash, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [email, name, role.rawValue, passwordHash, authorID, now])
            return User(id: db.lastInsertedRowID, email: email, name: name, role: role, authorID: authorID, createdAt: now)
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await pool.read { db in try db.fetchRow(sql: "SELECT * FROM user WHERE id = ?", arguments: [id]).map(Self.user(from:)) }
    }

    public func credentials(email: String) async throws -> (user: User, passwordHash: String)? {
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return try await pool.read { db in
            try db.fetchRow(sql: "SELECT * FROM user WHERE email = ?", arguments: [email]).map { (Self.user(from: $0), $0["password_hash"]) }
        }
    }

    public func users() async throws -> [User] {
        try await pool.read { db in try db.fetchRows(sql: "SELECT * FROM user ORDER BY name").map(Self.user(from:)) }
    }

    public func setRole(userID: Int64, role: Role) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE user SET role = ? WHERE id = ?", arguments: [role.rawValue, userID])
            guard db.changesCount > 0 else { throw ContentStoreError.notFound("user \(userID)") }
        }
    }

    public func setAuthor(userID: Int64, authorID: Int64?) async throws {
        try await pool.write { db in
            try Self.ensureExist(db, table: "author", field: "author_id", ids: [authorID].compactMap { $0 })
            try db.execute(sql: "UPDATE user SET author_id = ? WHERE id = ?", arguments: [authorID, userID])
            guard db.changesCount > 0 else { throw ContentStoreError.notFound("user \(userID)") }
        }
    }

    public func authorProfile(forUser userID: Int64) async throws -> Author {
        try await pool.write { db in
            guard let user = try db.fetchRow(sql: "SELECT * FROM user WHERE id = ?", arguments: [userID]).map(Self.user(from:)) else {
                throw ContentStoreError.notFound("user \(userID)")
            }
            if let authorID = user.authorID,
                let author = try db.fetchRow(sql: "SELECT * FROM author WHERE id = ?", arguments: [authorID]).map(Self.author(from:))
            {
                return author
            }
            let (name, base) = try TermValidation.nameAndSlug(name: user.name, slug: "")
            var slug = base
            var number = 2
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM author WHERE slug = ?", arguments: [slug]) != nil {
                slug = Slug.numbered(base, number)
                number += 1
            }
            try db.execute(sql: "INSERT INTO author (slug, name, kind, bio) VALUES (?, ?, 'person', '')", arguments: [slug, name])
            let author = Author(id: db.lastInsertedRowID, slug: slug, name: name, kind: .person, bio: "", avatarURL: nil)
            try db.execute(sql: "UPDATE user SET author_id = ? WHERE id = ?", arguments: [author.id, userID])
            return author
        }
    }

    public func setPasswordHash(userID: Int64, hash: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE user SET password_hash = ? WHERE id = ?", arguments: [hash, userID])
            guard db.changesCount > 0 else { throw ContentStoreError.notFound("user \(userID)") }
            try db.execute(sql: "DELETE FROM session WHERE user_id = ?", arguments: [userID])
        }
    }

    static func user(from row: Row) -> User {
        User(
            id: row["id"], email: row["email"], name: row["name"], role: Role(rawValue: row["role"]) ?? .contributor,
            authorID: row["author_id"], createdAt: row["created_at"])
    }

    // MARK: Sessions

    public func createSession(_ session: AdminSession) async throws {
        try await pool.write { db in
            // Expired sessions are cleared as new ones start.
            try db.execute(sql: "DELETE FROM session WHERE expires_at <= ?", arguments: [session.createdAt])
            try db.execute(
                sql: "INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at, address) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [session.tokenHash, session.userID, session.csrfToken, session.createdAt, session.expiresAt, session.address])
        }
    }

    public func session(tokenHash: String, now: Date) async throws -> (session: AdminSession, user: User)? {
        try await pool.read { db in
            guard
                let row = try db.fetchRow(
                    sql: """
                        SELECT s.token_hash, s.csrf_token, s.created_at AS session_created, s.expires_at, s.address, u.*
                        FROM session s JOIN user u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?
                        """,
                    arguments: [tokenHash, now])
            else { return nil }
            let user = Self.user(from: row)
            let session = AdminSession(
                tokenHash: row["token_hash"], userID: user.id, csrfToken: row["csrf_token"], createdAt: row["session_created"],
                expiresAt: row["expires_at"], address: row["address"])
            return (session, user)
        }
    }

    public func revokeSession(tokenHash: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func revokeSessions(userID: Int64) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE user_id = ?", arguments: [userID])
            return db.changesCount
        }
    }

    // MARK: Sign-in throttling

    public func recordFailedSignIn(keys: [String], at: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM failed_sign_in WHERE at < ?", arguments: [at.addingTimeInterval(-86_400)])
            for key in keys {
                try db.execute(sql: "INSERT INTO failed_sign_in (key, at) VALUES (?, ?)", arguments: [key, at])
            }
        }
    }

    public func failedSignIns(key: String, since: Date) async throws -> (count: Int, latest: Date?) {
        try await pool.read { db in
            let row = try db.fetchRow(
                sql: "SELECT COUNT(*) AS n, MAX(at) AS latest FROM failed_sign_in WHERE key = ? AND at >= ?", arguments: [key, since])
            return (row?["n"] ?? 0, row?["latest"])
        }
    }

    public func clearFailedSignIns(key: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM failed_sign_in WHERE key = ?", arguments: [key]) }
    }

    // MARK: Revisions and autosaves

    public func revisions(articleID: Int64) async throws -> [ArticleRevision] {
        try await pool.read { db in
            try db.fetchRows(
                sql: """
                    SELECT r.article_id, r.number, r.title, r.slug, r.excerpt, '' AS body_html, '' AS body_source, r.body_format,
                        r.status, r.saved_at, r.user_id, u.name AS user_name
                    FROM article_revision r LEFT JOIN user u ON u.id = r.user_id WHERE r.article_id = ? ORDER BY r.number DESC
                    """,
                arguments: [articleID]
            ).map(Self.revision(from:))
        }
    }

    public func revision(articleID: Int64, number: Int) async throws -> ArticleRevision? {
        try await pool.read { db in
            try db.fetchRow(
                sql: """
                    SELECT r.*, u.name AS user_name FROM article_revision r LEFT JOIN user u ON u.id = r.user_id
                    WHERE r.article_id = ? AND r.number = ?
                    """,
                arguments: [articleID, number]
            ).map(Self.revision(from:))
        }
    }

    static func revision(from row: Row) -> ArticleRevision {
        ArticleRevision(
            articleID: row["article_id"], number: row["number"], title: row["title"], slug: row["slug"], excerpt: row["excerpt"],
            body: ArticleBody(
                html: row["body_html"], source: row["body_source"], format: ArticleBody.Format(rawValue: row["body_format"]) ?? .html),
            status: ArticleStatus(rawValue: row["status"]) ?? .draft, savedAt: row["saved_at"], userID: row["user_id"],
            userName: row["user_name"])
    }

    public func saveAutosave(_ autosave: Autosave) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO autosave (article_id, user_id, title, excerpt, body_source, saved_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (article_id, user_id) DO UPDATE SET title = excluded.title, excerpt = excluded.excerpt,
                        body_source = excluded.body_source, saved_at = excluded.saved_at
                    """,
                arguments: [
                    autosave.articleID ?? 0, autosave.userID, autosave.title, autosave.excerpt, autosave.bodySource, autosave.savedAt,
                ])
        }
    }

    public func autosave(articleID: Int64?, userID: Int64) async throws -> Autosave? {
        try await pool.read { db in
            try db.fetchRow(sql: "SELECT * FROM autosave WHERE article_id = ? AND user_id = ?", arguments: [articleID ?? 0, userID]).map {
                let stored: Int64 = $0["article_id"]
                return Autosave(
                    articleID: stored == 0 ? nil : stored, userID: $0["user_id"], title: $0["title"], excerpt: $0["excerpt"],
                    bodySource: $0["body_source"], savedAt: $0["saved_at"])
            }
        }
    }

    public func discardAutosave(articleID: Int64?, userID: Int64) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM autosave WHERE article_id = ? AND user_id = ?", arguments: [articleID ?? 0, userID])
        }
    }

    // MARK: Schedule

    public func publishDueArticles(now: Date) async throws -> [Int64] {
        try await pool.write { db in
            let due = try Int64.fetchAll(
                db, sql: "SELECT id FROM article WHERE status = ? AND published_at <= ?", arguments: [ArticleStatus.scheduled.rawValue, now])
            guard !due.isEmpty else { return [] }
            try db.execute(
                sql: "UPDATE article SET status = ?, modified_at = ? WHERE id IN (\(databaseQuestionMarks(count: due.count)))",
                arguments: [ArticleStatus.published.rawValue, now] + StatementArguments(due))
            return due
        }
    }

    public func nextScheduledPublication() async throws -> Date? {
        try await pool.read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(published_at) FROM article WHERE status = ?", arguments: [ArticleStatus.scheduled.rawValue])
        }
    }

    public func publishedPerDay(since: Date, timeZone: TimeZone) async throws -> [Date: Int] {
        let dates = try await pool.read { db in
            try Date.fetchAll(
                db, sql: "SELECT published_at FROM article WHERE status = ? AND published_at >= ? AND published_at <= ?",
                arguments: [ArticleStatus.published.rawValue, since, self.now()])
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var counts: [Date: Int] = [:]
        for date in dates { counts[calendar.startOfDay(for: date), default: 0] += 1 }
        return counts
    }

    // MARK: Sections, tags, authors

    public func category(id: Int64) async throws -> Category? {
        try await pool.read { db in try db.fetchRow(sql: "SELECT * FROM category WHERE id = ?", arguments: [id]).map(Self.category(from:)) }
    }

    public func tag(id: Int64) async throws -> Tag? {
        try await pool.read { db in try db.fetchRow(sql: "SELECT * FROM tag WHERE id = ?", arguments: [id]).map(Self.tag(from:)) }
    }

    public func author(id: Int64) async throws -> Author? {
        try await pool.read { db in try db.fetchRow(sql: "SELECT * FROM author WHERE id = ?", arguments: [id]).map(Self.author(from:)) }
    }

    public func tags(named names: [String]) async throws -> [Tag] {
        var result: [Tag] = []
        var seen = Set<Int64>()
        for raw in names {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { continue }
            let (_, slug) = try TermValidation.nameAndSlug(name: name, slug: "")
            let existing = try await pool.read { db in
                try db.fetchRow(sql: "SELECT * FROM tag WHERE name = ? OR slug = ?", arguments: [name, slug]).map(Self.tag(from:))
            }
            var tag: Tag
            if let existing { tag = existing } else { tag = try await saveTag(TagInput(name: name)) }
            if seen.insert(tag.id).inserted { result.append(tag) }
        }
        return result
    }

    public func mergeTags(_ sources: [Int64], into target: Int64) async throws {
        let sources = sources.filter { $0 != target }
        guard !sources.isEmpty else { return }
        try await pool.write { db in
            try Self.ensureExist(db, table: "tag", field: "tags", ids: sources + [target])
            let marks = databaseQuestionMarks(count: sources.count)
            try Self.moveLinks(db, .tag, from: sources, to: target)
            try Self.keepFormerSlugs(db, kind: .tag, ids: sources, target: target)
            try db.execute(sql: "DELETE FROM tag WHERE id IN (\(marks))", arguments: StatementArguments(sources))
            try Self.touchArticles(db, sql: "SELECT article_id FROM article_tag WHERE tag_id = ?", arguments: [target], now: self.now())
        }
    }

    public func deleteCategory(id: Int64, moveTo: Int64?) async throws {
        try await deleteTerm(
            .category, id: id, moveTo: moveTo,
            sameTarget: LocalizedText(ar: "اختر قسماً آخر تنتقل إليه المقالات.", en: "Choose another section for the articles."))
    }

    public func deleteTag(id: Int64) async throws {
        try await deleteTerm(.tag, id: id, moveTo: nil)
    }

    public func deleteAuthor(id: Int64, moveTo: Int64?) async throws {
        try await deleteTerm(
            .author, id: id, moveTo: moveTo,
            sameTarget: LocalizedText(ar: "اختر كاتباً آخر تنتقل إليه المقالات.", en: "Choose another author for the articles."))
    }

    /// Deletes a section, tag or author; with `moveTo`, its articles go to that one (a section
    /// also as primary) and its addresses redirect there.
    func deleteTerm(_ kind: TermKind, id: Int64, moveTo: Int64?, sameTarget: LocalizedText? = nil) async throws {
        let table = kind.rawValue
        let links = "article_\(table)"
        let column = "\(table)_id"
        try await pool.write { db in
            try Self.ensureExist(db, table: table, field: "id", ids: [id])
            if let moveTo {
                guard moveTo != id else {
                    throw ValidationError([
                        FieldError(field: "move_to", message: sameTarget ?? LocalizedText(ar: "اختر عنصراً آخر.", en: "Choose another one."))
                    ])
                }
                try Self.ensureExist(db, table: table, field: "move_to", ids: [moveTo])
                try Self.moveLinks(db, kind, from: [id], to: moveTo)
                if kind == .category {
                    try db.execute(sql: "UPDATE article SET primary_category_id = ? WHERE primary_category_id = ?", arguments: [moveTo, id])
                }
                try Self.keepFormerSlugs(db, kind: kind, ids: [id], target: moveTo)
            }
            try Self.touchArticles(db, sql: "SELECT article_id FROM \(links) WHERE \(column) = ?", arguments: [id], now: self.now())
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
        }
    }

    /// Links the articles of the `from` terms to `to` as well (once each).
    static func moveLinks(_ db: Database, _ kind: TermKind, from ids: [Int64], to target: Int64) throws {
        let links = "article_\(kind.rawValue)"
        let column = "\(kind.rawValue)_id"
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO \(links) (article_id, \(column), position)
                SELECT article_id, ?, position FROM \(links) WHERE \(column) IN (\(databaseQuestionMarks(count: ids.count)))
                """,
            arguments: [target] + StatementArguments(ids))
    }

    public func formerTermSlug(_ kind: TermKind, slug: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(
                db,
                sql: "SELECT t.slug FROM term_former_slug f JOIN \(kind.rawValue) t ON t.id = f.term_id WHERE f.kind = ? AND f.slug = ?",
                arguments: [kind.rawValue, slug])
        }
    }

    public func termArticleCounts(_ kind: TermKind) async throws -> [Int64: Int] {
        let table = "article_\(kind.rawValue)"
        let column = "\(kind.rawValue)_id"
        return try await pool.read { db in
            var counts: [Int64: Int] = [:]
            for row in try db.fetchRows(sql: "SELECT \(column) AS term, COUNT(*) AS n FROM \(table) GROUP BY \(column)") {
                counts[row["term"]] = row["n"]
            }
            return counts
        }
    }

    /// Records the slugs (current and former) of terms about to disappear as former slugs of `target`.
    static func keepFormerSlugs(_ db: Database, kind: TermKind, ids: [Int64], target: Int64) throws {
        let marks = databaseQuestionMarks(count: ids.count)
        try db.execute(
            sql: "UPDATE term_former_slug SET term_id = ? WHERE kind = ? AND term_id IN (\(marks))",
            arguments: [target, kind.rawValue] + StatementArguments(ids))
        try db.execute(
            sql: "INSERT OR REPLACE INTO term_former_slug (kind, slug, term_id) SELECT ?, slug, ? FROM \(kind.rawValue) WHERE id IN (\(marks))",
            arguments: [kind.rawValue, target] + StatementArguments(ids))
    }

    /// Records a term's old slug when it is renamed (called inside the rename's transaction).
    static func recordTermRename(_ db: Database, kind: TermKind, id: Int64?, newSlug: String) throws {
        guard let id, let old = try String.fetchOne(db, sql: "SELECT slug FROM \(kind.rawValue) WHERE id = ?", arguments: [id]),
            old != newSlug
        else { return }
        try db.execute(
            sql: "INSERT OR REPLACE INTO term_former_slug (kind, slug, term_id) VALUES (?, ?, ?)", arguments: [kind.rawValue, old, id])
        try db.execute(sql: "DELETE FROM term_former_slug WHERE kind = ? AND slug = ?", arguments: [kind.rawValue, newSlug])
    }

    /// Marks articles as changed (their pages, feeds and sitemaps show the change).
    static func touchArticles(_ db: Database, sql: String, arguments: StatementArguments, now: Date) throws {
        try db.execute(sql: "UPDATE article SET modified_at = ? WHERE id IN (\(sql))", arguments: [now] + arguments)
    }
}
