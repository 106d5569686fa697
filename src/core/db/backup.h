#pragma once

#include "audit/audit_log.h"
#include "db/database.h"
#include "util/error.h"

#include <functional>

namespace fd {

// Progress in [0, 1]; return false to cancel.
using BackupProgress = std::function<bool(double)>;

// Online copy, consistent while others keep writing. A database file is copied with SQLite's
// backup API; a server database with pg_dump --format=custom (connection details in PGHOST,
// PGPORT, PGUSER, PGDATABASE, PGSSLMODE; libpq reads the password from PGPASSFILE or
// ~/.pgpass), written to DEST.part and renamed to DEST once complete. A failing copy leaves
// no file.
Status backupTo(const Database& db, const QString& destination,
                const BackupProgress& progress = {});

struct BackupCheck {
    bool integrityOk = false;
    QString integrityMessage;
    qint64 auditRows = 0;
    AuditHead auditHead;     // the copy's last audit row, from the copy's own chain
    bool serverDump = false; // a pg_dump archive of a server database, not a database file
};

// Checks a copy without changing it. A database file: PRAGMA integrity_check, then the audit
// chain. A pg_dump archive (no server needed): pg_restore --list reads its table of contents,
// every data block is read to its end, then the audit chain is walked on the audit table's
// rows as the archive holds them.
Result<BackupCheck> verifyBackup(const QString& source);

// Whether `path` is a pg_dump custom-format archive (it starts with PGDMP).
bool isServerDump(const QString& path);

// Where the PostgreSQL client program `name` (pg_dump, pg_restore) is: on PATH, else in the
// newest /usr/lib/postgresql/N/bin; empty when it is not installed.
QString postgresTool(const QString& name);

// Verifies the copy first and only then replaces the live database file's content with it.
// A server database is never replaced in place: restoring a pg_dump archive means a new, empty
// database (docs/deployment.md, "Backups on the server"); asking for it is refused.
Status restoreFrom(const Database& db, const QString& source, const BackupProgress& progress = {});

} // namespace fd
