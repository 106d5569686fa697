#include "db/backup_schedule.h"

#include "audit/audit_log.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "services/services.h"
#include "util/log.h"
#include "util/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace fd::backups {
namespace {

const QRegularExpression& copyPattern() {
    static const QRegularExpression re(
        QStringLiteral("^frontdesk-(\\d{4}-\\d{2}-\\d{2})\\.(?:db|dump)$"));
    return re;
}

// A copy being written: frontdesk-YYYY-MM-DD.db.<pid>.part, renamed once verified (a server's
// dump is written to frontdesk-YYYY-MM-DD.dump.<pid>.part.part while pg_dump runs).
const QRegularExpression& partPattern() {
    static const QRegularExpression re(QStringLiteral(
        "^frontdesk-(\\d{4}-\\d{2}-\\d{2})\\.(?:db|dump)\\.\\d+\\.part(?:\\.part)?$"));
    return re;
}

std::optional<QDate> dayIn(const QRegularExpression& re, const QString& name) {
    const auto m = re.match(name);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate day = QDate::fromString(m.captured(1), Qt::ISODate);
    if (!day.isValid())
        return std::nullopt;
    return day;
}

// The office day of `clock`'s present as a UTC interval [from, to).
std::pair<QString, QString> officeDayInUtc(const Clock& clock) {
    const QDate today = clock.officeToday();
    const QDateTime from(today, QTime(0, 0), Clock::officeZone());
    const QDateTime to(today.addDays(1), QTime(0, 0), Clock::officeZone());
    return {toStorage(from.toUTC()), toStorage(to.toUTC())};
}

Result<std::optional<BackupRun>> oneRun(const QSqlDatabase& db, const QString& where,
                                        const QVariantList& bindings) {
    auto q = sql::exec(db,
                       QStringLiteral("SELECT id, at_utc, path, audit_rows, audit_head, size_bytes "
                                      "FROM backup_runs ") +
                           where + QStringLiteral(" ORDER BY at_utc DESC, id DESC LIMIT 1"),
                       bindings);
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<BackupRun>{};
    return std::optional<BackupRun>{BackupRun{
        q->value(0).toLongLong(), fromStorage(q->value(1).toString()), q->value(2).toString(),
        q->value(3).toLongLong(), q->value(4).toString(), q->value(5).toLongLong()}};
}

// The head of a copy's audit chain (SEQ:HASH), read from the copy itself.
Result<QString> headOfCopy(const QString& path) {
    if (isServerDump(path)) {
        auto check = verifyBackup(path);
        if (!check)
            return fail(check.error());
        return check->auditHead.text();
    }
    DatabaseOptions options;
    options.allowNetworkShare = true;
    auto copy = Database::openSqlite(path, options);
    if (!copy)
        return fail(copy.error());
    auto head = AuditLog::head((*copy)->connection());
    (*copy)->closeThreadConnection();
    if (!head)
        return fail(head.error());
    return head->text();
}

void removeWithSidecars(const QString& path) {
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".part"));
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
}

Error folderError(const QString& directory) {
    return Error::storage({QStringLiteral("The backup folder %1 cannot be created.").arg(directory),
                           QStringLiteral("无法创建备份文件夹 %1。").arg(directory)});
}

} // namespace

QString defaultDirectory() {
    return QDir(paths::dataDirectory()).filePath(QStringLiteral("backups"));
}

QString fileNameFor(QDate officeDay, Dialect dialect) {
    return QStringLiteral("frontdesk-%1.%2")
        .arg(officeDay.toString(Qt::ISODate),
             dialect == Dialect::PostgreSQL ? QStringLiteral("dump") : QStringLiteral("db"));
}

std::optional<QDate> dayOfFileName(const QString& fileName) {
    return dayIn(copyPattern(), fileName);
}

RetentionPlan planRetention(const QStringList& fileNames, QDate today, int daily, int monthly) {
    std::vector<std::pair<QDate, QString>> copies;
    for (const QString& name : fileNames)
        if (const auto day = dayOfFileName(name))
            copies.emplace_back(*day, name);
    // Newest first; a day copied by both engines (an office that moved) in a fixed order.
    std::sort(copies.begin(), copies.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second > b.second;
    });

    QSet<QString> keep;
    for (int i = 0; i < daily && i < static_cast<int>(copies.size()); ++i)
        keep.insert(copies[i].second);
    const QDate thisMonth(today.year(), today.month(), 1);
    for (int m = 0; m < monthly; ++m) {
        const QDate month = thisMonth.addMonths(-m);
        const auto newest = std::find_if(copies.cbegin(), copies.cend(), [&](const auto& c) {
            return c.first.year() == month.year() && c.first.month() == month.month();
        });
        if (newest != copies.cend())
            keep.insert(newest->second);
    }

    RetentionPlan plan;
    for (const auto& [day, name] : copies)
        if (keep.contains(name))
            plan.keep << name;
    for (auto it = copies.crbegin(); it != copies.crend(); ++it)
        if (!keep.contains(it->second))
            plan.remove << it->second;
    return plan;
}

Result<QStringList> applyRetention(const QString& directory, QDate today) {
    const QDir dir(directory);
    if (!dir.exists())
        return QStringList{};
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    const RetentionPlan plan = planRetention(names, today);
    QStringList removed;
    for (const QString& name : plan.remove) {
        if (!QFile::remove(dir.filePath(name)))
            return fail(Error::storage(
                {QStringLiteral("The old backup %1 cannot be deleted.").arg(dir.filePath(name)),
                 QStringLiteral("无法删除旧备份 %1。").arg(dir.filePath(name))}));
        QFile::remove(dir.filePath(name) + QStringLiteral("-wal"));
        QFile::remove(dir.filePath(name) + QStringLiteral("-shm"));
        removed << name;
    }
    // Partial copies of earlier days were left by an interrupted run.
    for (const QString& name : names)
        if (const auto day = dayIn(partPattern(), name); day && *day < today)
            if (QFile::remove(dir.filePath(name)))
                removed << name;
    if (!removed.isEmpty())
        log::get("fd.db")->info("backup retention in {} deleted {}", directory,
                                removed.join(QStringLiteral(", ")));
    return removed;
}

Result<std::optional<BackupRun>> lastVerified(const QSqlDatabase& db) {
    return oneRun(db, {}, {});
}

Result<std::optional<BackupRun>> todaysVerified(const QSqlDatabase& db, const Clock& clock) {
    const auto [from, to] = officeDayInUtc(clock);
    return oneRun(db, QStringLiteral("WHERE at_utc >= ? AND at_utc < ?"), {from, to});
}

Result<BackupRun> recordVerified(const Services& services, const QString& path,
                                 const BackupCheck& check, const QString& by) {
    // The verification walked the copy's chain; its head is the copy's own.
    auto head =
        check.auditHead.hash.isEmpty() ? headOfCopy(path) : Result<QString>(check.auditHead.text());
    if (!head)
        return fail(head.error());
    const QString absolute = QFileInfo(path).absoluteFilePath();
    BackupRun run{0,     services.clock().nowUtc(), absolute, check.auditRows,
                  *head, QFileInfo(path).size()};

    const Database& database = services.database();
    const QSqlDatabase db = database.connection();
    auto tx = WriteTransaction::begin(db, database.dialect());
    if (!tx)
        return fail(tx.error());
    // Another desk writing to the same folder may have recorded this copy a moment ago.
    const auto [from, to] = officeDayInUtc(services.clock());
    auto same = oneRun(db, QStringLiteral("WHERE path = ? AND at_utc >= ? AND at_utc < ?"),
                       {absolute, from, to});
    if (!same)
        return fail(same.error());
    if (*same)
        return **same;
    auto ins =
        sql::exec(db,
                  QStringLiteral("INSERT INTO backup_runs(at_utc, path, audit_rows, "
                                 "audit_head, size_bytes) VALUES (?,?,?,?,?)"),
                  {toStorage(run.atUtc), run.path, run.auditRows, run.auditHead, run.sizeBytes});
    if (!ins)
        return fail(ins.error());
    run.id = ins->lastInsertId().toLongLong();
    const AuditEntry entry{QStringLiteral("system"),
                           QStringLiteral("backup.verified"),
                           QStringLiteral("backup_run"),
                           QString::number(run.id),
                           {},
                           {{QStringLiteral("path"), run.path},
                            {QStringLiteral("audit_rows"), run.auditRows},
                            {QStringLiteral("audit_head"), run.auditHead},
                            {QStringLiteral("size_bytes"), run.sizeBytes},
                            {QStringLiteral("by"), by}},
                           {},
                           services.policy().version(),
                           {}};
    if (auto seq = AuditLog::append(db, run.atUtc, entry); !seq)
        return fail(seq.error());
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    log::get("fd.db")->info("verified backup {} recorded ({} audit rows, head {})", run.path,
                            run.auditRows, run.auditHead);
    return run;
}

Result<DailyOutcome> runDaily(const Services& services, const QString& directory, const QString& by,
                              const BackupProgress& progress) {
    const QSqlDatabase db = services.database().connection();
    const QDate today = services.clock().officeToday();
    DailyOutcome outcome;

    auto recorded = todaysVerified(db, services.clock());
    if (!recorded)
        return fail(recorded.error());
    if (*recorded) {
        outcome.run = **recorded; // by this desk or another: the database is copied today
    } else {
        if (!QDir().mkpath(directory))
            return fail(folderError(directory));
        const QString target =
            QDir(directory).filePath(fileNameFor(today, services.database().dialect()));
        // A copy of today that is there but not recorded (an interrupted run, or another desk
        // writing to the same folder) is recorded when it verifies, else made again.
        if (QFileInfo::exists(target)) {
            if (auto check = verifyBackup(target)) {
                auto run = recordVerified(services, target, *check, by);
                if (!run)
                    return fail(run.error());
                outcome.run = *run;
            } else {
                log::get("fd.db")->warn("unrecorded copy {} fails verification; made again",
                                        target);
                removeWithSidecars(target);
            }
        }
        if (outcome.run.id == 0) {
            const QString part =
                target + QStringLiteral(".%1.part").arg(QCoreApplication::applicationPid());
            removeWithSidecars(part);
            if (auto ok = backupTo(services.database(), part, progress); !ok)
                return fail(ok.error());
            auto check = verifyBackup(part);
            if (!check) {
                removeWithSidecars(part);
                return fail(check.error());
            }
            const bool renamed = QFile::rename(part, target);
            if (!renamed && QFileInfo::exists(target)) {
                // Another run (a desk, or cron) named today's copy first: it stands, recorded
                // once whoever records it (recordVerified finds the other's record).
                removeWithSidecars(part);
                auto theirs = verifyBackup(target);
                if (!theirs)
                    return fail(theirs.error());
                auto run = recordVerified(services, target, *theirs, by);
                if (!run)
                    return fail(run.error());
                outcome.run = *run;
            } else if (!renamed) {
                removeWithSidecars(part);
                return fail(Error::storage(
                    {QStringLiteral("The verified copy cannot be named %1.").arg(target),
                     QStringLiteral("已校验的副本无法命名为 %1。").arg(target)}));
            } else {
                auto run = recordVerified(services, target, *check, by);
                if (!run)
                    return fail(run.error());
                outcome.run = *run;
                outcome.made = true;
            }
        }
    }
    auto removed = applyRetention(directory, today);
    if (!removed)
        return fail(removed.error());
    outcome.removed = *removed;
    return outcome;
}

} // namespace fd::backups
