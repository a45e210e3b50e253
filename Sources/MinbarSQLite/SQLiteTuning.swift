import CSQLiteTuning

/// Process-wide SQLite settings, applied once before the first connection opens.
enum SQLiteTuning {
    /// Without memory statistics: SQLite counts its allocations under a process-wide lock, and
    /// concurrent searches allocate all the time.
    static let applied: Void = {
        _ = minbar_sqlite_disable_memory_statistics()
    }()
}
