#pragma once

#include "db/backup.h"
#include "util/clock.h"
#include "util/error.h"

#include <QSqlDatabase>
#include <QStringList>
#include <optional>

namespace fd {

class Services;

// The daily verified backup: one copy per office day, named frontdesk-YYYY-MM-DD.db (a server
// database's: frontdesk-YYYY-MM-DD.dump, a pg_dump archive), made by the desktop program (at
// start and on a timer) or by `frontdeskctl backup --auto` (cron), recorded in backup_runs
// with an audit row, and thinned out by the retention rule.
namespace backups {

inline constexpr int kDailyCopies = 30;   // the newest 30 daily copies
inline constexpr int kMonthlyCopies = 12; // the newest copy of each of the last 12 months

// backups/ inside the data folder.
QString defaultDirectory();

// The name the program gives the copy of an office day: frontdesk-YYYY-MM-DD.db, or .dump for a
// server database.
QString fileNameFor(QDate officeDay, Dialect dialect = Dialect::SQLite);
// The office day in a name the program gave (.db or .dump); nullopt for every other file.
std::optional<QDate> dayOfFileName(const QString& fileName);

struct RetentionPlan {
    QStringList keep;   // newest first
    QStringList remove; // oldest first
};

// Which of the program's copies to keep on `today`: the `daily` newest, and the newest copy
// of each of the `monthly` months up to and including today's month. Names the program did
// not give are in neither list (never deleted).
RetentionPlan planRetention(const QStringList& fileNames, QDate today, int daily = kDailyCopies,
                            int monthly = kMonthlyCopies);

// Applies planRetention to the copies in `directory` (and deletes partial copies left by an
// interrupted run of an earlier day); returns the names deleted.
Result<QStringList> applyRetention(const QString& directory, QDate today);

// One row of backup_runs.
struct BackupRun {
    qint64 id = 0;
    QDateTime atUtc;
    QString path;
    qint64 auditRows = 0;
    QString auditHead; // SEQ:HASH of the copy's last audit row
    qint64 sizeBytes = 0;
};

// The newest recorded verified backup; nullopt when there is none.
Result<std::optional<BackupRun>> lastVerified(const QSqlDatabase& db);
// The verified backup recorded during the office day of `clock`'s present, if any.
Result<std::optional<BackupRun>> todaysVerified(const QSqlDatabase& db, const Clock& clock);

// Records a verified copy: a backup_runs row and its audit row (action backup.verified) in
// one short write transaction on the calling thread's connection. `by` says what made it.
Result<BackupRun> recordVerified(const Services& services, const QString& path,
                                 const BackupCheck& check, const QString& by);

struct DailyOutcome {
    bool made = false;   // false: today's copy was recorded already
    BackupRun run;       // today's copy
    QStringList removed; // copies deleted by the retention rule
};

// Makes today's verified copy in `directory` unless one is recorded already: copies to a
// partial file, verifies it (integrity check or the pg_dump archive read through, then the
// audit chain), renames it to today's name, records it, then applies the retention rule. Uses the
// calling thread's connection, so it may run on a worker thread (which closes its connection
// afterwards). `progress` may cancel.
Result<DailyOutcome> runDaily(const Services& services, const QString& directory, const QString& by,
                              const BackupProgress& progress = {});

} // namespace backups
} // namespace fd
