import CSQLiteTuning
import Testing

@testable import MinbarSQLite

/// SQLite's memory statistics take a process-wide lock on every allocation; with eight readers
/// searching at once that lock was a fifth of a search's time. They must stay off.
@Suite struct SQLiteTuningTests {
    @Test func sqliteDoesNotCountItsMemory() async throws {
        let (store, _) = try temporaryStore()
        _ = try await store.articleCounts()
        #expect(sqlite3_memory_used() == 0, "memory statistics are on: every allocation takes a global lock")
    }
}
