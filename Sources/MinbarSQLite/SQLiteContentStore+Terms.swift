import Foundation
import GRDB
import MinbarCore

extension SQLiteContentStore {
    // MARK: Sections

    public func categories() async throws -> [Category] {
        try await pool.read { db in try Self.fetchCategories(db) }
    }

    static func fetchCategories(_ db: Database) throws -> [Category] {
        try db.fetchRows(sql: "SELECT * FROM category ORDER BY position, name").map(Self.category(from:))
    }

    public func category(slug: String) async throws -> Category? {
        try await pool.read { db in
            try db.fetchRow(sql: "SELECT * FROM category WHERE slug = ?", arguments: [slug]).map(Self.category(from:))
        }
    }

    public func saveCategory(_ input: CategoryInput) async throws -> Category {
        let (name, slug) = try TermValidation.nameAndSlug(name: input.name, slug: input.slug)
        return try await pool.write { db in
            if let parentID = input.parentID {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM category WHERE id = ?", arguments: [parentID]) != nil else {
                    throw ContentStoreError.missingReference(field: "parent_id", id: parentID)
                }
                if let id = input.id, try Self.fetchCategories(db).idsInTree(of: id).contains(parentID) {
                    throw ValidationError(
                        field: "parent_id", ar: "لا يمكن أن يكون القسم أباً لنفسه أو لأحد آبائه.",
                        en: "A section cannot be its own ancestor.")
                }
            }
            try Self.ensureSlugFree(db, table: "category", slug: slug, except: input.id)
            try Self.recordTermRename(db, kind: .category, id: input.id, newSlug: slug)
            let arguments: StatementArguments = [slug, name, input.description, input.parentID, input.position]
            let id = try Self.upsert(
                db, table: "category", id: input.id, columns: ["slug", "name", "description", "parent_id", "position"],
                arguments: arguments)
            return Category(id: id, slug: slug, name: name, description: input.description, parentID: input.parentID, position: input.position)
        }
    }

    static func category(from row: Row) -> Category {
        Category(
            id: row["id"], slug: row["slug"], name: row["name"], description: row["description"], parentID: row["parent_id"],
            position: row["position"])
    }

    // MARK: Tags

    public func tag(slug: String) async throws -> Tag? {
        try await pool.read { db in
            try db.fetchRow(sql: "SELECT * FROM tag WHERE slug = ?", arguments: [slug]).map(Self.tag(from:))
        }
    }

    public func tags() async throws -> [Tag] {
        try await pool.read { db in try db.fetchRows(sql: "SELECT * FROM tag ORDER BY name").map(Self.tag(from:)) }
    }

    public func saveTag(_ input: TagInput) async throws -> Tag {
        let (name, slug) = try TermValidation.nameAndSlug(name: input.name, slug: input.slug)
        return try await pool.write { db in
            try Self.ensureSlugFree(db, table: "tag", slug: slug, except: input.id)
            try Self.recordTermRename(db, kind: .tag, id: input.id, newSlug: slug)
            let id = try Self.upsert(
                db, table: "tag", id: input.id, columns: ["slug", "name", "description"], arguments: [slug, name, input.description])
            return Tag(id: id, slug: slug, name: name, description: input.description)
        }
    }

    static func tag(from row: Row) -> Tag {
        Tag(id: row["id"], slug: row["slug"], name: row["name"], description: row["description"])
    }

    // MARK: Authors

    public func author(slug: String) async throws -> Author? {
        try await pool.read { db in
            try db.fetchRow(sql: "SELECT * FROM author WHERE slug = ?", arguments: [slug]).map(Self.author(from:))
        }
    }

    public func authors() async throws -> [Author] {
        try await pool.read { db in try db.fetchRows(sql: "SELECT * FROM author ORDER BY name").map(Self.author(from:)) }
    }

    public func saveAuthor(_ input: AuthorInput) async throws -> Author {
        let (name, slug) = try TermValidation.nameAndSlug(name: input.name, slug: input.slug)
        return try await pool.write { db in
            try Self.ensureSlugFree(db, table: "author", slug: slug, except: input.id)
            try Self.recordTermRename(db, kind: .author, id: input.id, newSlug: slug)
            let id = try Self.upsert(
                db, table: "author", id: input.id, columns: ["slug", "name", "kind", "bio", "avatar_url"],
                arguments: [slug, name, input.kind.rawValue, input.bio, input.avatarURL])
            return Author(id: id, slug: slug, name: name, kind: input.kind, bio: input.bio, avatarURL: input.avatarURL)
        }
    }

    static func author(from row: Row) -> Author {
        Author(
            id: row["id"], slug: row["slug"], name: row["name"], kind: Author.Kind(rawValue: row["kind"]) ?? .person,
            bio: row["bio"], avatarURL: row["avatar_url"])
    }

    // MARK: Shared

    /// Throws `slugTaken` when another row of `table` has the slug.
    static func ensureSlugFree(_ db: Database, table: String, slug: String, except id: Int64?) throws {
        let owner = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM \(table) WHERE slug = ?"), arguments: [slug])
        if let owner, owner != id { throw ContentStoreError.slugTaken(slug) }
    }

    /// Inserts a row (id nil) or updates row `id`; returns the row's id.
    static func upsert(_ db: Database, table: String, id: Int64?, columns: [String], arguments: StatementArguments) throws -> Int64 {
        if let id {
            let assignments = columns.map { "\($0) = ?" }.joined(separator: ", ")
            try db.run(sql: "UPDATE \(table) SET \(assignments) WHERE id = ?", arguments: arguments + [id])
            guard db.changesCount > 0 else { throw ContentStoreError.notFound("\(table) \(id)") }
            return id
        }
        try db.run(
            sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))",
            arguments: arguments)
        return db.lastInsertedRowID
    }
}
