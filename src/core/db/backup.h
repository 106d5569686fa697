#pragma once

#include "db/database.h"
#include "util/error.h"

#include <functional>

namespace fd {

// Progress in [0, 1]; return false to cancel.
using BackupProgress = std::function<bool(double)>;

// Online copy with SQLite's backup API: consistent while others keep writing.
Status backupTo(const Database& db, const QString& destination,
                const BackupProgress& progress = {});

struct BackupCheck {
    bool integrityOk = false;
    QString integrityMessage;
    qint64 auditRows = 0;
};

// Opens a copy read-only and checks it: PRAGMA integrity_check, then the audit chain.
Result<BackupCheck> verifyBackup(const QString& source);

// Verifies the copy first and only then replaces the live database's content with it.
Status restoreFrom(const Database& db, const QString& source, const BackupProgress& progress = {});

} // namespace fd
