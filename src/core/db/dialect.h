#pragma once

#include <QString>

namespace fd {

// The one place where SQLite and PostgreSQL differ. Modules write portable SQL
// (RETURNING, ISO text timestamps, integer money) and leave the rest to this seam.
enum class Dialect { SQLite, PostgreSQL };

struct DialectSql {
    // Starts a write transaction that holds the write lock from its first statement.
    static QString beginWrite(Dialect d);
    // Adapts a migration script written for SQLite (STRICT tables, INTEGER PRIMARY KEY).
    static QString adaptScript(Dialect d, const QString& sqliteScript);
    static QString qtDriver(Dialect d);
};

} // namespace fd
