#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call: these wrappers can. */

/* Stops SQLite counting its memory use: the count takes a process-wide lock on every
   allocation, and every query allocates. Must run before the first connection opens. */
static inline int minbar_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
