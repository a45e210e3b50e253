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
