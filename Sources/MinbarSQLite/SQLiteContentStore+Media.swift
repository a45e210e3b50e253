import Foundation
import GRDB
import MinbarArabic
import MinbarCore

extension SQLiteContentStore: MediaLibrary {
    public func createMedia(key: String, originalName: String, format: ImageFormat, title: String, ownerID: Int64?, at: Date) async throws -> MediaItem {
        try await pool.write { db in
            var unique = key
            var number = 2
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM media WHERE key = ?", arguments: [unique]) != nil {
                unique = Slug.numbered(key, number)
                number += 1
            }
            let item = MediaItem(
                id: 0, key: unique, title: title, originalName: originalName, format: format, status: .processing, uploadedAt: at, ownerID: ownerID)
            try db.execute(
                sql: """
                    INSERT INTO media (key, title, original_name, format, status, uploaded_at, owner_id, search_text)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [unique, title, originalName, format.rawValue, MediaStatus.processing.rawValue, at, ownerID, Self.mediaSearchText(item)])
            var made = item
            made.id = db.lastInsertedRowID
            return made
        }
    }

    public func finishMedia(id: Int64, width: Int, height: Int, copies: [MediaCopy], status: MediaStatus, failure: String?) async throws {
        let json = String(decoding: try JSONEncoder().encode(copies), as: UTF8.self)
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE media SET width = ?, height = ?, copies = ?, status = ?, failure = ? WHERE id = ?",
                arguments: [width, height, json, status.rawValue, failure, id])
            guard db.changesCount > 0 else { throw ContentStoreError.notFound("media \(id)") }
        }
    }

    public func saveMediaDetails(id: Int64, _ details: MediaDetails) async throws -> MediaItem {
        let details = try details.validated()
        return try await pool.write { db in
            guard var item = try Self.mediaItem(db, id: id) else { throw ContentStoreError.notFound("media \(id)") }
            item.title = details.title
            item.altText = details.altText
            item.caption = details.caption
            item.credit = details.credit
            try db.execute(
                sql: "UPDATE media SET title = ?, alt_text = ?, caption = ?, credit = ?, search_text = ? WHERE id = ?",
                arguments: [item.title, item.altText, item.caption, item.credit, Self.mediaSearchText(item), id])
            return item
        }
    }

    public func media(id: Int64) async throws -> MediaItem? {
        try await pool.read { db in try Self.mediaItem(db, id: id) }
    }

    public func media(key: String) async throws -> MediaItem? {
        try await pool.read { db in try db.fetchRow(sql: "SELECT * FROM media WHERE key = ?", arguments: [key]).map(Self.mediaItem(from:)) }
    }

    public func mediaItems(matching query: MediaQuery, timeZone: TimeZone) async throws -> (items: [MediaItem], total: Int) {
        try await pool.read { db in
            var clauses: [String] = []
            var arguments = StatementArguments()
            if let text = query.text.map(ArabicAnalyzer.foldedText), !text.isEmpty {
                // Each word found inside the folded text, its article (ال، وال، بال، لل…) left
                // off: «الوزير» finds «وزير الخارجية», «المدرجات» «مدرجات».
                for word in text.split(separator: " ") {
                    clauses.append("instr(search_text, ?) > 0")
                    arguments += [Self.withoutArticle(word)]
                }
            }
            if let month = query.month {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = timeZone
                if let start = calendar.date(from: DateComponents(year: month.year, month: month.month, day: 1)),
                    let end = calendar.date(byAdding: .month, value: 1, to: start)
                {
                    clauses.append("uploaded_at >= ? AND uploaded_at < ?")
                    arguments += [start, end]
                }
            }
            if let format = query.format {
                clauses.append("format = ?")
                arguments += [format.rawValue]
            }
            if query.unusedOnly { clauses.append("NOT EXISTS (SELECT 1 FROM article_media u WHERE u.media_id = media.id)") }
            if let owner = query.ownerID {
                clauses.append("owner_id = ?")
                arguments += [owner]
            }
            if query.readyOnly {
                clauses.append("status = ?")
                arguments += [MediaStatus.ready.rawValue]
            }
            let filter = clauses.isEmpty ? "1 = 1" : clauses.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM media WHERE \(filter)", arguments: arguments) ?? 0
            let items = try db.fetchRows(
                sql: "SELECT * FROM media WHERE \(filter) ORDER BY uploaded_at DESC, id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [query.limit, query.offset]
            ).map(Self.mediaItem(from:))
            return (items, total)
        }
    }

    public func mediaMonths(timeZone: TimeZone) async throws -> [(year: Int, month: Int)] {
        // The zone's offset now: a month's edge is off by an hour across a change of summer time.
        let offset = timeZone.secondsFromGMT()
        let months = try await pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT strftime('%Y-%m', uploaded_at, ? || ' seconds') AS month FROM media ORDER BY month DESC",
                arguments: [String(offset)])
        }
        return months.compactMap { text in
            let parts = text.split(separator: "-").compactMap { Int($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    public func mediaItems(keys: Set<String>) async throws -> [MediaItem] {
        guard !keys.isEmpty else { return [] }
        return try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM media WHERE status = 'ready' AND key IN (\(databaseQuestionMarks(count: keys.count)))",
                arguments: StatementArguments(Array(keys))
            ).map(Self.mediaItem(from:))
        }
    }

    public func allMediaIDs() async throws -> [Int64] {
        try await pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM media ORDER BY id") }
    }

    public func mediaUses(id: Int64) async throws -> [MediaUse] {
        try await pool.read { db in
            try db.fetchRows(
                sql: """
                    SELECT a.id, a.title, a.status, u.featured FROM article_media u JOIN article a ON a.id = u.article_id
                    WHERE u.media_id = ? ORDER BY a.modified_at DESC
                    """, arguments: [id]
            ).map {
                MediaUse(articleID: $0[0], title: $0[1], status: ArticleStatus(rawValue: $0[2]) ?? .draft, asFeaturedImage: $0[3])
            }
        }
    }

    public func deleteMedia(id: Int64) async throws {
        try await pool.write { db in
            let uses = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_media WHERE media_id = ?", arguments: [id]) ?? 0
            guard uses == 0 else { throw ContentStoreError.inUse(articles: uses) }
            try db.execute(sql: "DELETE FROM media WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { throw ContentStoreError.notFound("media \(id)") }
        }
    }

    // MARK: Rows

    static func mediaItem(_ db: Database, id: Int64) throws -> MediaItem? {
        try db.fetchRow(sql: "SELECT * FROM media WHERE id = ?", arguments: [id]).map(mediaItem(from:))
    }

    static func mediaItem(from row: Row) -> MediaItem {
        let copiesJSON: String = row["copies"]
        return MediaItem(
            id: row["id"], key: row["key"], title: row["title"], altText: row["alt_text"], caption: row["caption"], credit: row["credit"],
            originalName: row["original_name"], format: ImageFormat(rawValue: row["format"]) ?? .jpeg, width: row["width"], height: row["height"],
            status: MediaStatus(rawValue: row["status"]) ?? .failed, failure: row["failure"],
            copies: (try? JSONDecoder().decode([MediaCopy].self, from: Data(copiesJSON.utf8))) ?? [],
            uploadedAt: row["uploaded_at"], ownerID: row["owner_id"])
    }

    /// A folded word without its leading article, when at least three letters are left.
    static func withoutArticle(_ word: Substring) -> String {
        for article in ["وال", "بال", "فال", "كال", "لل", "ال"] where word.hasPrefix(article) && word.count - article.count >= 3 {
            return String(word.dropFirst(article.count))
        }
        return String(word)
    }

    /// What the library's search looks in, Arabic folded.
    static func mediaSearchText(_ item: MediaItem) -> String {
        ArabicAnalyzer.foldedText([item.title, item.altText, item.caption, item.credit, item.originalName].joined(separator: " "))
    }

    // MARK: Articles' images

    /// Links an article to the items it shows; checks its featured item can be one.
    static func writeMediaLinks(_ db: Database, articleID: Int64, input: ArticleInput) throws {
        try db.execute(sql: "DELETE FROM article_media WHERE article_id = ?", arguments: [articleID])
        if let mediaID = input.featuredImage?.mediaID {
            try db.execute(sql: "INSERT INTO article_media (article_id, media_id, featured) VALUES (?, ?, 1)", arguments: [articleID, mediaID])
        }
        let keys = MediaItem.keys(inHTML: input.body.html)
        guard !keys.isEmpty else { return }
        let ids = try Int64.fetchAll(
            db, sql: "SELECT id FROM media WHERE key IN (\(databaseQuestionMarks(count: keys.count)))", arguments: StatementArguments(Array(keys)))
        for id in ids where id != input.featuredImage?.mediaID {
            try db.execute(sql: "INSERT INTO article_media (article_id, media_id, featured) VALUES (?, ?, 0)", arguments: [articleID, id])
        }
    }

    /// The featured image an input asks for, as stored: a library item's full copy, its alt
    /// text and caption unless the article gives its own. Refused without alt text.
    static func featuredImage(_ db: Database, for input: ArticleInput) throws -> FeaturedImage? {
        guard let image = input.featuredImage else { return nil }
        guard let mediaID = image.mediaID else { return image }
        guard let item = try mediaItem(db, id: mediaID) else { throw ContentStoreError.missingReference(field: "featured_image", id: mediaID) }
        var problems = ValidationErrorCollector()
        if item.status != .ready {
            problems.add(
                "featured_image", ar: "الصورة المختارة لم تجهز بعد (أو تعذّرت معالجتها)؛ اختر صورة جاهزة.",
                en: "The chosen image is not ready (or could not be processed); choose a ready one.")
        } else if image.alt.isEmpty && item.altText.isEmpty {
            problems.add(
                "featured_image", ar: "أضف نصاً بديلاً للصورة «\(item.title)» في مكتبة الوسائط قبل جعلها صورة بارزة؛ يقرؤه من لا يرى الصورة.",
                en: "Give the image “\(item.title)” alt text in the media library before making it a featured image; it is read to people who cannot see it.")
        }
        try problems.throwIfAny()
        return FeaturedImage(media: item, alt: image.alt, caption: image.caption)
    }
}
