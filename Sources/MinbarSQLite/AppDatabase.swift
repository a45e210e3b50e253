import Foundation
import GRDB
import MinbarArabic
import MinbarCore

/// The SQLite database of one Minbar site: a WAL-mode `DatabasePool` whose schema is brought up
/// to date by append-only migrations when it is opened.
public struct AppDatabase: Sendable {
    /// The connection pool: concurrent readers, one writer.
    public let pool: DatabasePool

    /// Opens (creating when needed) the database at `path` and migrates it.
    ///
    /// ```swift
    /// let database = try AppDatabase(path: "minbar-data/minbar.sqlite")
    /// ```
    public init(path: String) throws {
        SQLiteTuning.applied
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Readers never wait for the writer in WAL mode; writers wait up to 5 s for each other
        // (several processes, e.g. `minbar serve` and an import).
        configuration.busyMode = .timeout(5)
        configuration.maximumReaderCount = 8
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Read the file through memory mapping (no read syscall per page; as much of it as the
            // SQLite build allows, 2 GB for Debian's: a 100,000-article site is 1.1 GB, and a
            // 256 MB map left most search reads to syscalls) and keep 16 MB of pages per
            // connection: search reads many index pages per query.
            try db.execute(sql: "PRAGMA mmap_size = 17179869184")
            try db.execute(sql: "PRAGMA cache_size = -16384")
            // Arabic-folded text, for title filters that find أ/ا/إ, ة/ه and ى/ي alike.
            db.add(function: DatabaseFunction("minbar_fold", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(ArabicAnalyzer.foldedText)
            })
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    /// The schema's history. A migration that has shipped is never changed: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-content") { db in
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "author") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("slug", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("kind", .text).notNull().defaults(to: "person")
                t.column("bio", .text).notNull().defaults(to: "")
                t.column("avatar_url", .text)
            }
            try db.create(table: "category") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("slug", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("description", .text).notNull().defaults(to: "")
                t.column("parent_id", .integer).references("category", onDelete: .setNull)
                t.column("position", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "tag") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("slug", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("description", .text).notNull().defaults(to: "")
            }
            try db.create(table: "article") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("slug", .text).notNull().unique()
                t.column("title", .text).notNull()
                t.column("excerpt", .text).notNull().defaults(to: "")
                t.column("body_html", .text).notNull()
                t.column("body_source", .text).notNull()
                t.column("body_format", .text).notNull().defaults(to: "html")
                t.column("status", .text).notNull()
                t.column("published_at", .datetime)
                t.column("modified_at", .datetime).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("breaking", .boolean).notNull().defaults(to: false)
                t.column("breaking_until", .datetime)
                t.column("source_credit", .text)
                t.column("primary_category_id", .integer).references("category", onDelete: .setNull)
                t.column("featured_image_url", .text)
                t.column("featured_image_alt", .text).notNull().defaults(to: "")
                t.column("featured_image_caption", .text).notNull().defaults(to: "")
            }
            try db.create(index: "article_on_status_published_at", on: "article", columns: ["status", "published_at"])
            for (table, column, parent) in [
                ("article_category", "category_id", "category"), ("article_tag", "tag_id", "tag"),
                ("article_author", "author_id", "author"),
            ] {
                try db.create(table: table) { t in
                    t.column("article_id", .integer).notNull().references("article", onDelete: .cascade)
                    t.column(column, .integer).notNull().references(parent, onDelete: .cascade)
                    t.column("position", .integer).notNull().defaults(to: 0)
                    t.primaryKey(["article_id", column])
                }
                try db.create(index: "\(table)_on_\(column)", on: table, columns: [column, "article_id"])
            }
        }
        migrator.registerMigration("v2-former-slugs") { db in
            // Slugs an article had before a rename: their addresses answer 301 to the new one.
            try db.create(table: "article_former_slug") { t in
                t.primaryKey("slug", .text)
                t.column("article_id", .integer).notNull().references("article", onDelete: .cascade)
            }
        }
        migrator.registerMigration("v3-search") { db in
            // Pre-analysed text (MinbarArabic's folded words, space-separated) in an FTS5 table
            // whose rowid is the article id; unicode61 only splits it on the spaces.
            // `labels` holds the names of the article's tags, sections and authors.
            try db.execute(
                sql: "CREATE VIRTUAL TABLE article_search USING fts5(title, body, labels, tokenize = 'unicode61 remove_diacritics 0')")
            // The site's vocabulary: how many articles use each folded word (guards stemming).
            try db.create(table: "search_term") { t in
                t.primaryKey("term", .text)
                t.column("articles", .integer).notNull()
            }
            // Editor-managed synonyms: phrases of one group find each other.
            try db.create(table: "search_synonym") { t in
                t.primaryKey("phrase", .text)
                t.column("group_id", .integer).notNull()
            }
            // Articles written before search existed are indexed now, so an upgraded site
            // searches at once.
            for row in try Row.fetchAll(db, sql: "SELECT id, title, body_html FROM article") {
                _ = try SQLiteContentStore.indexForSearch(
                    db, id: row["id"], title: row["title"], bodyHTML: row["body_html"], storingText: false)
            }
        }
        migrator.registerMigration("v4-newsroom") { db in
            try db.create(table: "user") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("email", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("role", .text).notNull()
                t.column("password_hash", .text).notNull()
                t.column("author_id", .integer).references("author", onDelete: .setNull)
                t.column("created_at", .datetime).notNull()
            }
            // Sessions survive restarts; the cookie's token is stored only as its SHA-256.
            try db.create(table: "session") { t in
                t.primaryKey("token_hash", .text)
                t.column("user_id", .integer).notNull().references("user", onDelete: .cascade)
                t.column("csrf_token", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("expires_at", .datetime).notNull()
                t.column("address", .text).notNull().defaults(to: "")
            }
            try db.create(table: "failed_sign_in") { t in
                t.column("key", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(index: "failed_sign_in_on_key_at", on: "failed_sign_in", columns: ["key", "at"])
            try db.alter(table: "article") { t in
                t.add(column: "revision", .integer).notNull().defaults(to: 1)
                t.add(column: "owner_id", .integer).references("user", onDelete: .setNull)
            }
            try db.create(table: "article_revision") { t in
                t.column("article_id", .integer).notNull().references("article", onDelete: .cascade)
                t.column("number", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("slug", .text).notNull()
                t.column("excerpt", .text).notNull()
                t.column("body_html", .text).notNull()
                t.column("body_source", .text).notNull()
                t.column("body_format", .text).notNull()
                t.column("status", .text).notNull()
                t.column("saved_at", .datetime).notNull()
                t.column("user_id", .integer).references("user", onDelete: .setNull)
                t.primaryKey(["article_id", "number"])
            }
            try db.create(table: "autosave") { t in
                // 0 for an article not saved yet.
                t.column("article_id", .integer).notNull()
                t.column("user_id", .integer).notNull().references("user", onDelete: .cascade)
                t.column("title", .text).notNull()
                t.column("excerpt", .text).notNull()
                t.column("body_source", .text).notNull()
                t.column("saved_at", .datetime).notNull()
                t.primaryKey(["article_id", "user_id"])
            }
            // Addresses of renamed or merged sections, tags and authors keep working (301).
            try db.create(table: "term_former_slug") { t in
                t.column("kind", .text).notNull()
                t.column("slug", .text).notNull()
                t.column("term_id", .integer).notNull()
                t.primaryKey(["kind", "slug"])
            }
            try db.create(index: "article_on_modified_at", on: "article", columns: ["modified_at"])
        }
        migrator.registerMigration("v5-comments") { db in
            try db.alter(table: "article") { t in
                t.add(column: "comments_open", .boolean).notNull().defaults(to: true)
            }
            try db.create(table: "comment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("article_id", .integer).notNull().references("article", onDelete: .cascade)
                t.column("parent_id", .integer).references("comment", onDelete: .setNull)
                t.column("author_name", .text).notNull()
                t.column("author_email", .text).notNull()
                t.column("author_url", .text)
                t.column("body", .text).notNull()
                t.column("status", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("address", .text).notNull().defaults(to: "")
                t.column("user_agent", .text).notNull().defaults(to: "")
                t.column("user_id", .integer).references("user", onDelete: .setNull)
            }
            try db.create(index: "comment_on_article_status", on: "comment", columns: ["article_id", "status", "created_at"])
            try db.create(index: "comment_on_email_status", on: "comment", columns: ["author_email", "status"])
            try db.create(index: "comment_on_address_created", on: "comment", columns: ["address", "created_at"])
            try db.create(index: "comment_on_status_created", on: "comment", columns: ["status", "created_at"])
            // Keys the server signs with (comment form tokens, the commenter cookie).
            try db.create(table: "site_secret") { t in
                t.primaryKey("name", .text)
                t.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("v6-search-filter") { db in
            // Whether a search candidate is published, without reading its row: article rows hold
            // their bodies and often spill into overflow pages.
            try db.create(index: "article_search_filter", on: "article", columns: ["id", "status", "published_at"])
        }
        migrator.registerMigration("v7-big-site-lists") { db in
            // Breaking news (home, ticker) without reading every published article's row.
            try db.create(index: "article_on_breaking", on: "article", columns: ["breaking", "status", "published_at"])
            // Sitemaps list every public article's times: from the index alone. It begins with
            // (status, published_at), which makes that index redundant.
            try db.create(index: "article_stamps", on: "article", columns: ["status", "published_at", "id", "modified_at"])
            try db.drop(index: "article_on_status_published_at")
        }
        migrator.registerMigration("v8-starter-synonyms") { db in
            // Common synonyms of news writing (NewsSynonyms), as editor groups editors may remove;
            // a group with a phrase the site already has is left out (the editors' own wins).
            try insertSynonymGroups(db, NewsSynonyms.starter)
        }
        migrator.registerMigration("v9-article-text") { db in
            // Each article body's plain text, written with its search row: snippets are cut from
            // it instead of turning every hit's HTML into text again.
            try db.create(table: "article_text") { t in
                t.primaryKey("article_id", .integer).references("article", onDelete: .cascade)
                t.column("body", .text).notNull()
            }
            let rows = try Row.fetchCursor(db, sql: "SELECT id, body_html FROM article")
            while let row = try rows.next() {
                try db.execute(
                    sql: "INSERT INTO article_text (article_id, body) VALUES (?, ?)",
                    arguments: [row[0] as Int64, HTMLText.plainText(fromHTML: row[1])])
            }
        }
        migrator.registerMigration("v10-fold-name-letters-and-hundred") { db in
            // The analyzer now folds the letters names are written with (گ پ چ ژ ڤ) and spells
            // مائة as مئة: articles whose text or labels have them are indexed again, so ڤيغا is
            // found as فيغا and 20 بالمئة finds 20 بالمائة. Read once, checked here: one pass.
            let letters: Set<Unicode.Scalar> = ["\u{06AF}", "\u{067E}", "\u{0686}", "\u{0698}", "\u{06A4}", "\u{06A5}"]
            func needsIndexing(_ text: String) -> Bool {
                text.unicodeScalars.contains { letters.contains($0) } || text.contains("مائ")
            }
            try reindexArticles(db, whereTextHas: needsIndexing)
        }
        migrator.registerMigration("v11-more-starter-synonyms") { db in
            // The groups added to the starter list since v8, for sites that started before them
            // (a new site has them from v8, so they are skipped here as already there).
            try insertSynonymGroups(db, NewsSynonyms.added2026December)
        }
        migrator.registerMigration("v12-starter-synonyms-second-batch") { db in
            // The same for the groups added after v11, and the phrases added to earlier groups.
            try insertSynonymGroups(db, NewsSynonyms.added2026DecemberSecond)
            try extendSynonymGroups(db, NewsSynonyms.extended2026December)
        }
        migrator.registerMigration("v13-numbers-with-thousands-separators") { db in
            // The analyzer now reads 1,500 and ١٬٥٠٠ as one number, 1500: articles that write a
            // number so are indexed again, so a search for 1500 finds them.
            try reindexArticles(db, whereTextHas: ArabicAnalyzer.mayHaveThousandsSeparator)
        }
        migrator.registerMigration("v14-numbers-before-letters") { db in
            // And reads a number written against the letter after it (٢٠٢٥م, 1446هـ) as a word
            // of its own, so a search for 2025 finds it.
            try reindexArticles(db, whereTextHas: ArabicAnalyzer.mayHaveNumberBeforeALetter)
        }
        migrator.registerMigration("v15-unix-line-ends") { db in
            // Text typed in a browser arrived with CRLF line ends, which a line-by-line revision
            // diff never split ("\r\n" is one Swift Character): stored text keeps LF only now.
            // Bodies' HTML and the search index are left as they are (white space in HTML).
            let lf = "replace(replace(%@, char(13) || char(10), char(10)), char(13), char(10))"
            for (table, columns) in [
                ("article", ["body_source", "excerpt"]), ("article_revision", ["body_source", "excerpt"]),
                ("autosave", ["body_source", "excerpt"]), ("comment", ["body"]),
            ] {
                for column in columns {
                    try db.execute(
                        sql: "UPDATE \(table) SET \(column) = \(lf.replacingOccurrences(of: "%@", with: column)) WHERE instr(\(column), char(13)) > 0")
                }
            }
        }
        migrator.registerMigration("v16-breaking-since") { db in
            // When a breaking flag was set, so the ticker shows the newest flag first; flags set
            // before this version count from the article's last change.
            try db.alter(table: "article") { t in t.add(column: "breaking_since", .datetime) }
            try db.execute(sql: "UPDATE article SET breaking_since = modified_at WHERE breaking")
        }
        migrator.registerMigration("v17-media") { db in
            // The photo library: one row per upload, its copies as JSON (they are read and
            // written together), `search_text` folded for the library's search.
            try db.create(table: "media") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("key", .text).notNull().unique()
                t.column("title", .text).notNull()
                t.column("alt_text", .text).notNull().defaults(to: "")
                t.column("caption", .text).notNull().defaults(to: "")
                t.column("credit", .text).notNull().defaults(to: "")
                t.column("original_name", .text).notNull()
                t.column("format", .text).notNull()
                t.column("width", .integer).notNull().defaults(to: 0)
                t.column("height", .integer).notNull().defaults(to: 0)
                t.column("status", .text).notNull()
                t.column("failure", .text)
                t.column("copies", .text).notNull().defaults(to: "[]")
                t.column("uploaded_at", .datetime).notNull()
                t.column("owner_id", .integer).references("user", onDelete: .setNull)
                t.column("search_text", .text).notNull().defaults(to: "")
            }
            try db.create(index: "media_on_uploaded_at", on: "media", columns: ["uploaded_at"])
            try db.alter(table: "article") { t in
                t.add(column: "featured_media_id", .integer).references("media", onDelete: .setNull)
            }
            // Which articles use which items: the featured image and images in the body.
            try db.create(table: "article_media") { t in
                t.column("article_id", .integer).notNull().references("article", onDelete: .cascade)
                t.column("media_id", .integer).notNull().references("media", onDelete: .cascade)
                t.column("featured", .boolean).notNull().defaults(to: false)
                t.primaryKey(["article_id", "media_id"])
            }
            try db.create(index: "article_media_on_media", on: "article_media", columns: ["media_id"])
        }
        return migrator
    }

    /// Indexes again the articles whose title, body or a label (tag, section, author) the
    /// analyzer now reads differently (`needsIndexing` says which texts may be), in one pass.
    static func reindexArticles(_ db: Database, whereTextHas needsIndexing: (String) -> Bool) throws {
        var ids = Set<Int64>()
        let articles = try Row.fetchCursor(db, sql: "SELECT id, title, body_html FROM article")
        while let row = try articles.next() {
            if needsIndexing(row[1]) || needsIndexing(row[2]) { ids.insert(row[0]) }
        }
        let labelled = try Row.fetchCursor(
            db,
            sql: """
                SELECT l.article_id, t.name FROM article_tag l JOIN tag t ON t.id = l.tag_id
                UNION ALL SELECT l.article_id, c.name FROM article_category l JOIN category c ON c.id = l.category_id
                UNION ALL SELECT l.article_id, p.name FROM article_author l JOIN author p ON p.id = l.author_id
                """)
        while let row = try labelled.next() {
            if needsIndexing(row[1]) { ids.insert(row[0]) }
        }
        for id in ids.sorted() {
            guard let row = try Row.fetchOne(db, sql: "SELECT title, body_html FROM article WHERE id = ?", arguments: [id]) else { continue }
            _ = try SQLiteContentStore.indexForSearch(db, id: id, title: row["title"], bodyHTML: row["body_html"])
        }
    }

    /// Adds phrases to the site's group that has `to` (none when its editors deleted it),
    /// leaving out a phrase the site already has in any group.
    static func extendSynonymGroups(_ db: Database, _ extensions: [(to: String, phrases: [String])]) throws {
        for (to, phrases) in extensions {
            guard let group = try Int64.fetchOne(db, sql: "SELECT group_id FROM search_synonym WHERE phrase = ?", arguments: [to]) else {
                continue
            }
            for phrase in phrases {
                try db.execute(sql: "INSERT OR IGNORE INTO search_synonym (phrase, group_id) VALUES (?, ?)", arguments: [phrase, group])
            }
        }
    }

    /// Adds synonym groups, leaving out a group with a phrase the site already has.
    static func insertSynonymGroups(_ db: Database, _ groups: [[String]]) throws {
        var next = (try Int64.fetchOne(db, sql: "SELECT MAX(group_id) FROM search_synonym") ?? 0) + 1
        for group in groups {
            let taken = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM search_synonym WHERE phrase IN (\(databaseQuestionMarks(count: group.count)))",
                arguments: StatementArguments(group)) ?? 0
            guard taken == 0 else { continue }
            for phrase in group {
                try db.execute(sql: "INSERT INTO search_synonym (phrase, group_id) VALUES (?, ?)", arguments: [phrase, next])
            }
            next += 1
        }
    }
}
