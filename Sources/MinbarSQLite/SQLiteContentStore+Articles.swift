import Foundation
import GRDB
import MinbarArabic
import MinbarCore

extension SQLiteContentStore {
    /// Approved comments of the article, read with it (an index lookup per article).
    static let commentCountColumn = "(SELECT COUNT(*) FROM comment c WHERE c.article_id = a.id AND c.status = 'approved') AS comment_count"

    /// An article's columns but its body (read by name, so their order does not matter).
    private static let bodilessColumns = """
        a.id, a.slug, a.title, a.excerpt, a.body_format, a.status, a.published_at,
        a.modified_at, a.created_at, a.breaking, a.breaking_until, a.breaking_since, a.source_credit, a.primary_category_id,
        a.featured_image_url, a.featured_image_alt, a.featured_image_caption, a.featured_media_id, a.revision, a.owner_id, a.comments_open,
        \(commentCountColumn)
        """

    /// What lists and cards show: no body.
    static let summaryColumns = bodilessColumns + ", '' AS body_html, '' AS body_source"

    /// A date column as seconds since 1970 computed by SQLite (a number to read, not a date
    /// string to parse: lists of every article read thousands).
    static func unixSeconds(_ column: String) -> String {
        "(julianday(\(column)) - 2440587.5) * 86400.0"
    }

    /// Every column of an article, with its comment count.
    static let fullColumns = "a.*, \(commentCountColumn)"

    public func article(id: Int64) async throws -> Article? {
        try await pool.read { db in
            try Self.fetchArticles(db, sql: "SELECT \(Self.fullColumns) FROM article a WHERE a.id = ?", arguments: [id]).first
        }
    }

    public func article(slug: String) async throws -> Article? {
        try await pool.read { db in
            try Self.fetchArticles(db, sql: "SELECT \(Self.fullColumns) FROM article a WHERE a.slug = ?", arguments: [slug]).first
        }
    }

    public func article(formerSlug slug: String) async throws -> Article? {
        try await pool.read { db in
            try Self.fetchArticles(
                db, sql: "SELECT \(Self.fullColumns) FROM article a JOIN article_former_slug f ON f.article_id = a.id WHERE f.slug = ?",
                arguments: [slug]
            ).first
        }
    }

    public func publicationStamps(now: Date) async throws -> [ArticleStamp] {
        // Every public article (sitemaps of a big site): times as numbers, read by column from a
        // cursor — parsing two date strings per row was most of a 100,000-article sitemap index.
        try await pool.read { db in
            var stamps: [ArticleStamp] = []
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT id, \(Self.unixSeconds("published_at")), \(Self.unixSeconds("modified_at"))
                        FROM article WHERE status = ? AND published_at <= ? ORDER BY published_at DESC, id DESC
                        """),
                arguments: [ArticleStatus.published.rawValue, now])
            while let row = try rows.next() {
                stamps.append(
                    ArticleStamp(
                        id: row[0], publishedAt: Date(timeIntervalSince1970: Self.wholeMilliseconds(row[1])),
                        modifiedAt: Date(timeIntervalSince1970: Self.wholeMilliseconds(row[2]))))
            }
            return stamps
        }
    }

    /// Seconds rounded to the millisecond the database keeps (julianday arithmetic leaves
    /// microsecond noise).
    static func wholeMilliseconds(_ seconds: Double) -> Double {
        (seconds * 1000).rounded() / 1000
    }

    public func termsLastModified(now: Date) async throws -> TermsLastModified {
        try await pool.read { db in
            func newest(_ table: String, _ column: String) throws -> [Int64: Date] {
                var result: [Int64: Date] = [:]
                for row in try db.fetchRows(
                    sql: """
                        SELECT l.\(column) AS term, MAX(a.modified_at) AS modified FROM \(table) l JOIN article a ON a.id = l.article_id
                        WHERE a.status = ? AND a.published_at <= ? GROUP BY l.\(column)
                        """,
                    arguments: [ArticleStatus.published.rawValue, now])
                {
                    result[row["term"]] = row["modified"]
                }
                return result
            }
            return TermsLastModified(
                categories: try newest("article_category", "category_id"), tags: try newest("article_tag", "tag_id"),
                authors: try newest("article_author", "author_id"))
        }
    }

    public func articles(matching query: ArticleQuery) async throws -> ArticlePage {
        try await pool.read { db in
            let (whereClause, arguments) = Self.filter(for: query)
            var total = Int.max
            if query.countsTotal {
                total = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM article a WHERE \(whereClause)"), arguments: arguments) ?? 0
            }
            guard total > query.offset, query.limit > 0 else { return ArticlePage(articles: [], total: query.countsTotal ? total : 0) }
            let columns = query.withoutBody ? Self.summaryColumns : Self.fullColumns
            let order =
                query.newestBreakingFirst
                ? "COALESCE(a.breaking_since, a.published_at) DESC, a.id DESC"
                : query.newestChangeFirst ? "a.modified_at DESC, a.id DESC" : "a.published_at DESC, a.id DESC"
            let articles = try Self.fetchArticles(
                db,
                sql: "SELECT \(columns) FROM article a WHERE \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?",
                arguments: arguments + [query.limit, query.offset])
            return ArticlePage(articles: articles, total: query.countsTotal ? total : articles.count)
        }
    }

    public func relatedArticles(to article: Article, now: Date, limit: Int) async throws -> [Article] {
        let tagIDs = article.tags.map(\.id)
        let categoryIDs = article.categories.map(\.id)
        guard !tagIDs.isEmpty || !categoryIDs.isEmpty, limit > 0 else { return [] }
        return try await pool.read { db in
            var shared: [String] = []
            var arguments: StatementArguments = ["published", now, article.id]
            if !tagIDs.isEmpty {
                shared.append("a.id IN (SELECT article_id FROM article_tag WHERE tag_id IN (\(databaseQuestionMarks(count: tagIDs.count))))")
                arguments += StatementArguments(tagIDs)
            }
            if !categoryIDs.isEmpty {
                shared.append(
                    "a.id IN (SELECT article_id FROM article_category WHERE category_id IN (\(databaseQuestionMarks(count: categoryIDs.count))))")
                arguments += StatementArguments(categoryIDs)
            }
            arguments += [limit]
            return try Self.fetchArticles(
                db,
                sql: """
                    SELECT \(Self.summaryColumns) FROM article a
                    WHERE a.status = ? AND a.published_at <= ? AND a.id <> ? AND (\(shared.joined(separator: " OR ")))
                    ORDER BY a.published_at DESC, a.id DESC LIMIT ?
                    """,
                arguments: arguments)
        }
    }

    public func nextContentChange(after now: Date) async throws -> Date? {
        try await pool.read { db in
            let publication = try Date.fetchOne(
                db, sql: "SELECT MIN(published_at) FROM article WHERE status IN (?, ?) AND published_at > ?",
                arguments: [ArticleStatus.published.rawValue, ArticleStatus.scheduled.rawValue, now])
            let expiry = try Date.fetchOne(
                db, sql: "SELECT MIN(breaking_until) FROM article WHERE breaking = ? AND breaking_until > ?", arguments: [true, now])
            return [publication, expiry].compactMap { $0 }.min()
        }
    }

    public func articleCounts() async throws -> [ArticleStatus: Int] {
        try await pool.read { db in
            var counts: [ArticleStatus: Int] = [:]
            for row in try db.fetchRows(sql: "SELECT status, COUNT(*) AS n FROM article GROUP BY status") {
                if let status = ArticleStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    @discardableResult
    public func saveArticle(_ input: ArticleInput) async throws -> Article {
        let now = self.now()
        let slugFromTitle = input.slug.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let input = try input.validated(now: now)
        let (saved, removed, added) = try await pool.write { db -> (Article, Set<String>, Set<String>) in
            let id = try Self.writeArticle(db, input, now: now, uniqueSlug: slugFromTitle)
            // The search index changes in the same transaction as the article.
            let (removed, added) = try Self.indexForSearch(db, id: id, title: input.title, bodyHTML: input.body.html)
            guard let saved = try Self.fetchArticles(db, sql: "SELECT \(Self.fullColumns) FROM article a WHERE a.id = ?", arguments: [id]).first else {
                throw ContentStoreError.notFound("article \(id)")
            }
            return (saved, removed, added)
        }
        searchState.apply(removed: removed, added: added)
        return saved
    }

    /// Creates many new articles in one transaction (imports, generated sites): the Arabic
    /// analysis runs on every core before the write, and the site's word counts change once for
    /// the whole batch. All or nothing; articles with an id go through `saveArticle`.
    public func saveArticles(_ inputs: [ArticleInput]) async throws -> Int {
        guard inputs.allSatisfy({ $0.id == nil }) else {
            for input in inputs { try await saveArticle(input) }
            return inputs.count
        }
        let now = self.now()
        var validated: [ArticleInput] = []
        for input in inputs { validated.append(try input.validated(now: now)) }
        let slugsFromTitles = inputs.map { $0.slug.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let ready = validated
        let analysed = await withTaskGroup(of: [(Int, String, String, String)].self) { group -> [(String, String, String)] in
            let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let share = (ready.count + workers - 1) / workers
            for start in stride(from: 0, to: ready.count, by: max(share, 1)) {
                let slice = Array(ready[start..<min(ready.count, start + share)].enumerated().map { (start + $0.offset, $0.element) })
                group.addTask {
                    slice.map { index, input in
                        let text = HTMLText.plainText(fromHTML: input.body.html)
                        return (index, ArabicAnalyzer.foldedText(input.title), ArabicAnalyzer.foldedText(text), text)
                    }
                }
            }
            var texts = [(String, String, String)](repeating: ("", "", ""), count: ready.count)
            for await part in group {
                for (index, title, body, text) in part { texts[index] = (title, body, text) }
            }
            return texts
        }
        let added = try await pool.write { db -> Set<String> in
            var counts: [String: Int] = [:]
            for (index, input) in ready.enumerated() {
                let id = try Self.writeArticle(db, input, now: now, uniqueSlug: slugsFromTitles[index])
                let words = try Self.insertSearchRow(
                    db, id: id, foldedTitle: analysed[index].0, foldedBody: analysed[index].1, text: analysed[index].2)
                for word in words { counts[word, default: 0] += 1 }
            }
            let terms = Array(counts)
            for chunk in stride(from: 0, to: terms.count, by: 400).map({ Array(terms[$0..<min($0 + 400, terms.count)]) }) {
                try db.execute(
                    sql: "INSERT INTO search_term (term, articles) VALUES "
                        + Array(repeating: "(?, ?)", count: chunk.count).joined(separator: ", ")
                        + " ON CONFLICT (term) DO UPDATE SET articles = articles + excluded.articles",
                    arguments: StatementArguments(chunk.flatMap { [$0.key, $0.value] as [any DatabaseValueConvertible] }))
            }
            return Set(counts.keys)
        }
        searchState.apply(removed: [], added: added)
        return ready.count
    }

    /// Writes an article row, its links and its revision (not its search row); returns its id.
    /// With `uniqueSlug` (a slug made from the title, not typed) a slug another article has, or
    /// had, gets the first free `-2`, `-3`… as WordPress does; a typed one is refused instead.
    static func writeArticle(_ db: Database, _ input: ArticleInput, now: Date, uniqueSlug: Bool = false) throws -> Int64 {
        var input = input
        do {
            if uniqueSlug { input.slug = try Self.freeArticleSlug(db, from: input.slug, except: input.id) }
            try Self.ensureSlugFree(db, table: "article", slug: input.slug, except: input.id)
            let categoryIDs = Self.unique([input.primaryCategoryID].compactMap { $0 } + input.extraCategoryIDs)
            try Self.ensureExist(db, table: "category", field: "categories", ids: categoryIDs)
            try Self.ensureExist(db, table: "tag", field: "tags", ids: input.tagIDs)
            try Self.ensureExist(db, table: "author", field: "authors", ids: input.authorIDs)

            let columns = [
                "slug", "title", "excerpt", "body_html", "body_source", "body_format", "status", "published_at", "modified_at",
                "breaking", "breaking_until", "source_credit", "primary_category_id", "featured_image_url", "featured_image_alt",
                "featured_image_caption", "comments_open", "breaking_since", "featured_media_id",
            ]
            let image = try Self.featuredImage(db, for: input)
            var arguments: StatementArguments = [
                input.slug, input.title, input.excerpt, input.body.html, input.body.source, input.body.format.rawValue,
                input.status.rawValue, input.publishedAt, now, input.breaking != nil, input.breaking?.until, input.sourceCredit,
                input.primaryCategoryID, image?.url, image?.alt ?? "", image?.caption ?? "",
                input.commentsOpen, try Self.breakingSince(db, input, now: now), image?.mediaID,
            ]
            let id: Int64
            if let existing = input.id {
                guard let current = try db.fetchRow(sql: "SELECT slug, revision FROM article WHERE id = ?", arguments: [existing]) else {
                    throw ContentStoreError.notFound("article \(existing)")
                }
                let oldSlug: String = current["slug"]
                let currentRevision: Int = current["revision"]
                if let expected = input.expectedRevision, expected != currentRevision {
                    throw ContentStoreError.conflict(currentRevision: currentRevision)
                }
                id = try Self.upsert(
                    db, table: "article", id: existing, columns: columns + ["revision"], arguments: arguments + [currentRevision + 1])
                if oldSlug != input.slug {
                    try db.run(sql: "DELETE FROM article_former_slug WHERE slug = ?", arguments: [oldSlug])
                    try db.run(sql: "INSERT INTO article_former_slug (slug, article_id) VALUES (?, ?)", arguments: [oldSlug, id])
                }
            } else {
                arguments += [now, input.editorID]
                id = try Self.upsert(db, table: "article", id: nil, columns: columns + ["created_at", "owner_id"], arguments: arguments)
            }
            // Every save keeps a revision of the text, numbered like the article's revision.
            try db.run(
                sql: """
                    INSERT INTO article_revision (article_id, number, title, slug, excerpt, body_html, body_source, body_format,
                        status, saved_at, user_id)
                    SELECT id, revision, title, slug, excerpt, body_html, body_source, body_format, status, ?, ? FROM article WHERE id = ?
                    """,
                arguments: [now, input.editorID, id])
            // A slug taken again stops redirecting to the article that had it before.
            try db.run(sql: "DELETE FROM article_former_slug WHERE slug = ?", arguments: [input.slug])
            try Self.replaceLinks(db, table: "article_category", column: "category_id", articleID: id, ids: categoryIDs)
            try Self.replaceLinks(db, table: "article_tag", column: "tag_id", articleID: id, ids: Self.unique(input.tagIDs))
            try Self.replaceLinks(db, table: "article_author", column: "author_id", articleID: id, ids: Self.unique(input.authorIDs))
            try Self.writeMediaLinks(db, articleID: id, input: input)
            return id
        }
    }

    /// When the article's breaking flag was set: kept while it stays on, now when it is set
    /// again (or set after it had run out), nil without a flag.
    static func breakingSince(_ db: Database, _ input: ArticleInput, now: Date) throws -> Date? {
        guard input.breaking != nil else { return nil }
        if let id = input.id,
            let row = try db.fetchRow(sql: "SELECT breaking, breaking_until, breaking_since FROM article WHERE id = ?", arguments: [id]),
            row["breaking"] as Bool, let since = StoredDate.read(row, 2)
        {
            let until = StoredDate.read(row, 1)
            if until.map({ $0 > now }) ?? true { return since }
        }
        return now
    }

    /// `slug`, or the first of `slug-2`, `slug-3`… that no other article has now or had before
    /// (an old link to another article keeps working).
    static func freeArticleSlug(_ db: Database, from slug: String, except id: Int64?) throws -> String {
        func taken(_ candidate: String) throws -> Bool {
            let owner = try Int64.fetchOne(
                db, sql: "SELECT id FROM article WHERE slug = ? UNION ALL SELECT article_id FROM article_former_slug WHERE slug = ? LIMIT 1",
                arguments: [candidate, candidate])
            return owner != nil && owner != id
        }
        guard try taken(slug) else { return slug }
        var number = 2
        while try taken(Slug.numbered(slug, number)) { number += 1 }
        return Slug.numbered(slug, number)
    }

    // MARK: Queries

    /// The WHERE clause (over alias `a`) and its arguments for a listing query.
    static func filter(for query: ArticleQuery) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        let statuses = query.statuses.map(\.rawValue).sorted()
        if !statuses.isEmpty {
            clauses.append("a.status IN (\(databaseQuestionMarks(count: statuses.count)))")
            arguments += StatementArguments(statuses)
        }
        if let before = query.publishedBefore {
            clauses.append("a.published_at <= ?")
            arguments += [before]
        }
        if let range = query.publishedRange {
            clauses.append("a.published_at >= ? AND a.published_at < ?")
            arguments += [range.lowerBound, range.upperBound]
        }
        if let categoryIDs = query.categoryIDs {
            if categoryIDs.isEmpty {
                clauses.append("1 = 0")
            } else {
                clauses.append(
                    "a.id IN (SELECT article_id FROM article_category WHERE category_id IN (\(databaseQuestionMarks(count: categoryIDs.count))))")
                arguments += StatementArguments(categoryIDs)
            }
        }
        if let tagID = query.tagID {
            clauses.append("a.id IN (SELECT article_id FROM article_tag WHERE tag_id = ?)")
            arguments += [tagID]
        }
        if let authorID = query.authorID {
            clauses.append("a.id IN (SELECT article_id FROM article_author WHERE author_id = ?)")
            arguments += [authorID]
        }
        if let moment = query.breakingAt {
            clauses.append("a.breaking = ? AND (a.breaking_until IS NULL OR a.breaking_until > ?)")
            arguments += [true, moment]
        }
        if let text = query.titleContains.map(ArabicAnalyzer.foldedText), !text.isEmpty {
            clauses.append("instr(minbar_fold(a.title), ?) > 0")
            arguments += [text]
        }
        if let ownerID = query.ownerID {
            clauses.append("a.owner_id = ?")
            arguments += [ownerID]
        }
        if let ids = query.ids {
            clauses.append(ids.isEmpty ? "1 = 0" : "a.id IN (\(databaseQuestionMarks(count: ids.count)))")
            arguments += StatementArguments(ids)
        }
        if !query.excludingIDs.isEmpty {
            clauses.append("a.id NOT IN (\(databaseQuestionMarks(count: query.excludingIDs.count)))")
            arguments += StatementArguments(query.excludingIDs)
        }
        return (clauses.isEmpty ? "1 = 1" : clauses.joined(separator: " AND "), arguments)
    }

    /// Articles of a query (over alias `a`) with their sections, tags (unless `withTags` is
    /// false) and authors, in the query's order: two statements whatever the number of articles.
    static func fetchArticles(_ db: Database, sql: String, arguments: StatementArguments, withTags: Bool = true) throws -> [Article] {
        let rows = try db.fetchRows(sql: sql, arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let c = ColumnPositions(rows[0])
        let ids: [Int64] = rows.map { $0[c["id"]] }
        let marks = databaseQuestionMarks(count: ids.count)
        let idArguments = StatementArguments(ids)

        // Sections, tags (unless not wanted) and authors of every article in one statement (three
        // showed in page renders): kind, article, position, then the term's columns.
        let tagLinksSQL = withTags
            ? """
                UNION ALL
                SELECT 1, l.article_id, l.position, t.id, t.slug, t.name, t.description, NULL, NULL, NULL, NULL
                FROM article_tag l JOIN tag t ON t.id = l.tag_id WHERE l.article_id IN (\(marks))
                """
            : ""
        var categoryLinks: [Int64: [Category]] = [:]
        var tagLinks: [Int64: [Tag]] = [:]
        var authorLinks: [Int64: [Author]] = [:]
        var categoriesByID: [Int64: Category] = [:]
        let links = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT 0, l.article_id, l.position, c.id, c.slug, c.name, c.description, c.parent_id, c.position, NULL, NULL
                    FROM article_category l JOIN category c ON c.id = l.category_id WHERE l.article_id IN (\(marks))
                    \(tagLinksSQL)
                    UNION ALL
                    SELECT 2, l.article_id, l.position, p.id, p.slug, p.name, p.bio, NULL, NULL, p.kind, p.avatar_url
                    FROM article_author l JOIN author p ON p.id = l.author_id WHERE l.article_id IN (\(marks))
                    ORDER BY 1, 2, 3, 4
                    """),
            arguments: idArguments + (withTags ? idArguments : []) + idArguments)
        while let row = try links.next() {
            let articleID: Int64 = row[1]
            switch row[0] as Int {
            case 0:
                let category = Category(id: row[3], slug: row[4], name: row[5], description: row[6], parentID: row[7], position: row[8])
                categoriesByID[category.id] = category
                categoryLinks[articleID, default: []].append(category)
            case 1:
                tagLinks[articleID, default: []].append(Tag(id: row[3], slug: row[4], name: row[5], description: row[6]))
            default:
                authorLinks[articleID, default: []].append(
                    Author(id: row[3], slug: row[4], name: row[5], kind: Author.Kind(rawValue: row[9]) ?? .person, bio: row[6], avatarURL: row[10]))
            }
        }
        // A primary section is normally among the article's sections; read any that is not.
        let missing = Set(rows.compactMap { $0[c["primary_category_id"]] as Int64? }).subtracting(categoriesByID.keys)
        if !missing.isEmpty {
            for row in try db.fetchRows(
                sql: "SELECT * FROM category WHERE id IN (\(databaseQuestionMarks(count: missing.count)))", arguments: StatementArguments(Array(missing)))
            {
                let category = Self.category(from: row)
                categoriesByID[category.id] = category
            }
        }

        // The library items of featured images, in one statement.
        var mediaByID: [Int64: MediaItem] = [:]
        let mediaIDs = Set(rows.compactMap { $0[c["featured_media_id"]] as Int64? })
        if !mediaIDs.isEmpty {
            for row in try db.fetchRows(
                sql: "SELECT * FROM media WHERE id IN (\(databaseQuestionMarks(count: mediaIDs.count)))", arguments: StatementArguments(Array(mediaIDs)))
            {
                let item = Self.mediaItem(from: row)
                mediaByID[item.id] = item
            }
        }
        return rows.map { row in
            let id: Int64 = row[c["id"]]
            let mediaID: Int64? = row[c["featured_media_id"]]
            let primaryID: Int64? = row[c["primary_category_id"]]
            let imageURL: String? = row[c["featured_image_url"]]
            let isBreaking: Bool = row[c["breaking"]]
            var article = Article(
                id: id, slug: row[c["slug"]], title: row[c["title"]], excerpt: row[c["excerpt"]],
                body: ArticleBody(
                    html: row[c["body_html"]], source: row[c["body_source"]],
                    format: ArticleBody.Format(rawValue: row[c["body_format"]]) ?? .html),
                status: ArticleStatus(rawValue: row[c["status"]]) ?? .draft,
                publishedAt: StoredDate.read(row, c["published_at"]), modifiedAt: StoredDate.read(row, c["modified_at"]) ?? row[c["modified_at"]],
                createdAt: StoredDate.read(row, c["created_at"]) ?? row[c["created_at"]],
                breaking: isBreaking
                    ? BreakingNews(until: StoredDate.read(row, c["breaking_until"]), since: StoredDate.read(row, c["breaking_since"])) : nil,
                sourceCredit: row[c["source_credit"]],
                primaryCategory: primaryID.flatMap { categoriesByID[$0] },
                categories: categoryLinks[id] ?? [],
                tags: tagLinks[id] ?? [],
                authors: authorLinks[id] ?? [],
                featuredImage: imageURL.map {
                    FeaturedImage(
                        url: $0, alt: row[c["featured_image_alt"]], caption: row[c["featured_image_caption"]], mediaID: mediaID,
                        media: mediaID.flatMap { mediaByID[$0] })
                },
                revision: row[c["revision"]], ownerID: row[c["owner_id"]])
            article.commentsOpen = row[c["comments_open"]]
            article.commentCount = row[c["comment_count"]] ?? 0
            return article
        }
    }

    /// Throws `missingReference` unless every id names a row of `table`.
    static func ensureExist(_ db: Database, table: String, field: String, ids: [Int64]) throws {
        let wanted = Set(ids)
        guard !wanted.isEmpty else { return }
        let found = Set(
            try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM \(table) WHERE id IN (\(databaseQuestionMarks(count: wanted.count)))"),
                arguments: StatementArguments(Array(wanted))))
        if let missing = wanted.subtracting(found).sorted().first {
            throw ContentStoreError.missingReference(field: field, id: missing)
        }
    }

    /// Replaces an article's links in a join table, keeping the given order.
    static func replaceLinks(_ db: Database, table: String, column: String, articleID: Int64, ids: [Int64]) throws {
        try db.run(sql: "DELETE FROM \(table) WHERE article_id = ?", arguments: [articleID])
        for (position, id) in ids.enumerated() {
            try db.run(
                sql: "INSERT INTO \(table) (article_id, \(column), position) VALUES (?, ?, ?)", arguments: [articleID, id, position])
        }
    }

    static func unique(_ ids: [Int64]) -> [Int64] {
        var seen = Set<Int64>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// Where each column of a result is, found once: GRDB's `row["name"]` lowercases every column
/// name on each lookup, and an article row has over twenty columns read for every card.
struct ColumnPositions {
    let positions: [String: Int]

    init(_ row: Row) {
        positions = Dictionary(row.columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(_ name: String) -> Int {
        guard let position = positions[name] else { preconditionFailure("no column \(name) in the result") }
        return position
    }
}
