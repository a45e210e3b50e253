import GRDB

extension Database {
    /// Rows of a query through the connection's statement cache: a page render runs the same
    /// few queries over and over, and compiling them again each time showed in profiles.
    func fetchRows(sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    /// The first row of a query, through the statement cache.
    func fetchRow(sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    /// Runs a statement through the statement cache: imports write the same few statements for
    /// every article.
    func run(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

extension DatabasePool {
    /// Reads in one snapshot, as `read` does, with the transaction's BEGIN and COMMIT taken from
    /// the connection's statement cache: `read` compiles both again for every call, which was an
    /// eighth of a search's time.
    func snapshotRead<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await unsafeRead { db in
            try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
            let value: T
            do {
                value = try body(db)
            } catch {
                try? db.cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
                throw error
            }
            do {
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
            } catch {
                try? db.cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
                throw error
            }
            return value
        }
    }
}
