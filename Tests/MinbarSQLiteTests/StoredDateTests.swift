import Foundation
import GRDB
import Testing

@testable import MinbarSQLite

/// Dates read by arithmetic are the dates GRDB reads, to the last bit.
@Suite struct StoredDateTests {
    @Test func arithmeticGivesGRDBsDates() throws {
        // As AppDatabase does before any connection: SQLite takes its configuration only then.
        SQLiteTuning.applied
        let queue = try DatabaseQueue()
        var generator = SystemRandomNumberGenerator()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (d DATETIME)")
            for _ in 0..<3_000 {
                // 1901 to 2099, to the millisecond, as GRDB writes them.
                let instant = Date(timeIntervalSince1970: Double(Int64.random(in: -2_170_000_000_000...4_070_000_000_000, using: &generator)) / 1_000)
                try db.execute(sql: "INSERT INTO t (d) VALUES (?)", arguments: [instant])
            }
            try db.execute(sql: "INSERT INTO t (d) VALUES (NULL), ('2015-12-21 10:00:00'), ('2015-12-21'), ('2015-12-21T10:00:00Z')")
            // Where the sum's order shows in the last bit (CI found it among random instants).
            try db.execute(sql: "INSERT INTO t (d) VALUES ('2001-01-04 15:08:19.166')")
            for row in try Row.fetchAll(db, sql: "SELECT d FROM t") {
                let grdb: Date? = row[0]
                let ours = StoredDate.read(row, 0)
                #expect(ours == grdb, "\(row[0] as String? ?? "NULL")")
            }
            // Straight from a statement (rows of a cursor are not copied).
            let cursor = try Row.fetchCursor(db, sql: "SELECT d FROM t")
            while let row = try cursor.next() {
                #expect(StoredDate.read(row, 0) == (row[0] as Date?))
            }
        }
    }
}
