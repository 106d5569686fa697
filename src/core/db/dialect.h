#pragma once

#include <QString>

namespace fd {

// The one place where SQLite and PostgreSQL differ. Modules write portable SQL
// (RETURNING, ISO text timestamps, integer money) and leave the rest to this seam.
enum class Dialect { SQLite, PostgreSQL };

// The engine a connection speaks to.
Dialect dialectOf(const class QSqlDatabase& db);

struct DialectSql {
    // Starts a write transaction that holds the write lock from its first statement.
    static QString beginWrite(Dialect d);
    // Taken right after beginWrite (empty: none needed). PostgreSQL: the office's one writer
    // lock, a transaction-scoped advisory lock, so that desks write one after another as
    // SQLite's writers do: the audit chain never forks, and a rule that reads and then writes
    // sees every earlier commit (READ COMMITTED reads the newest committed rows).
    static QString writeLock(Dialect d);
    // A migration script for one engine: keeps the engine's own blocks ("-- @sqlite" or
    // "-- @postgresql" up to "-- @end") and the common lines; on PostgreSQL, adapts SQLite's
    // types (STRICT dropped, INTEGER PRIMARY KEY as an identity, INTEGER as BIGINT).
    static QString adaptScript(Dialect d, const QString& sqliteScript);
    static QString qtDriver(Dialect d);
    // A count (0 or 1) of the tables named by its one placeholder.
    static QString tableExists(Dialect d);
};

} // namespace fd
