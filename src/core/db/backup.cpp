#include "db/backup.h"

#include "audit/audit_log.h"
#include "util/log.h"

#include <QFileInfo>
#include <sqlite3.h>

namespace fd {
namespace {

Status copyPages(sqlite3* from, sqlite3* to, const BackupProgress& progress) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (backup == nullptr) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(to));
        return fail(Error::storage({QStringLiteral("Backup could not start: %1").arg(why),
                                    QStringLiteral("备份无法开始：%1").arg(why)}));
    }
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 256);
        const int total = sqlite3_backup_pagecount(backup);
        const int left = sqlite3_backup_remaining(backup);
        if (progress && total > 0 && !progress(1.0 - static_cast<double>(left) / total)) {
            sqlite3_backup_finish(backup);
            return fail(
                Error::badInput(QStringLiteral("backup"), {QStringLiteral("Backup cancelled."),
                                                           QStringLiteral("备份已取消。")}));
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        const QString why = QString::fromUtf8(sqlite3_errstr(rc));
        return fail(Error::storage({QStringLiteral("Backup failed: %1").arg(why),
                                    QStringLiteral("备份失败：%1").arg(why)}));
    }
    return {};
}

struct RawHandle {
    sqlite3* db = nullptr;
    ~RawHandle() { sqlite3_close_v2(db); }
};

} // namespace

Status backupTo(const Database& db, const QString& destination, const BackupProgress& progress) {
    if (db.dialect() != Dialect::SQLite)
        return fail(Error::internal(QStringLiteral("backup of a server database uses pg_dump")));
    if (QFileInfo::exists(destination))
        return fail(Error::badInput(
            QStringLiteral("dest"),
            {QStringLiteral("%1 exists already; choose a new file.").arg(destination),
             QStringLiteral("%1 已存在，请另选文件名。").arg(destination)}));
    RawHandle out;
    if (sqlite3_open_v2(QFile::encodeName(destination).constData(), &out.db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        return fail(Error::storage({QStringLiteral("Cannot create %1").arg(destination),
                                    QStringLiteral("无法创建 %1").arg(destination)}));
    if (auto ok = copyPages(db.sqliteHandle(), out.db, progress); !ok) {
        sqlite3_close_v2(out.db);
        out.db = nullptr;
        QFile::remove(destination);
        return ok;
    }
    log::get("fd.db")->info("backup written to {}", destination);
    return {};
}

Result<BackupCheck> verifyBackup(const QString& source) {
    if (!QFileInfo::exists(source))
        return fail(Error::badInput(QStringLiteral("src"),
                                    {QStringLiteral("%1 does not exist.").arg(source),
                                     QStringLiteral("%1 不存在。").arg(source)}));
    BackupCheck check;
    {
        RawHandle in;
        if (sqlite3_open_v2(QFile::encodeName(source).constData(), &in.db, SQLITE_OPEN_READONLY,
                            nullptr) != SQLITE_OK)
            return fail(Error::integrity({QStringLiteral("%1 is not a database.").arg(source),
                                          QStringLiteral("%1 不是数据库文件。").arg(source)}));
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(in.db, "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK) {
            const QString why = QString::fromUtf8(sqlite3_errmsg(in.db));
            return fail(Error::integrity({QStringLiteral("%1 is damaged: %2").arg(source, why),
                                          QStringLiteral("%1 已损坏：%2").arg(source, why)}));
        }
        QStringList problems;
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            problems << QString::fromUtf8(
                reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE) {
            const QString why = QString::fromUtf8(sqlite3_errmsg(in.db));
            return fail(Error::integrity({QStringLiteral("%1 is damaged: %2").arg(source, why),
                                          QStringLiteral("%1 已损坏：%2").arg(source, why)}));
        }
        check.integrityMessage = problems.join(QLatin1Char('\n'));
        check.integrityOk = problems == QStringList{QStringLiteral("ok")};
        if (!check.integrityOk)
            return fail(Error::integrity(
                {QStringLiteral("%1 fails the integrity check: %2")
                     .arg(source, check.integrityMessage),
                 QStringLiteral("%1 未通过完整性检查：%2").arg(source, check.integrityMessage)}));
    }
    DatabaseOptions options;
    options.allowNetworkShare = true;
    auto copy = Database::openSqlite(source, options);
    if (!copy)
        return fail(copy.error());
    auto chain = AuditLog::verify(**copy);
    (*copy)->closeThreadConnection();
    if (!chain)
        return fail(chain.error());
    if (!chain->ok)
        return fail(
            Error::integrity({QStringLiteral("%1: the audit chain is broken at sequence %2 (%3).")
                                  .arg(source)
                                  .arg(chain->firstBrokenSeq)
                                  .arg(chain->problem),
                              QStringLiteral("%1：审计链在序号 %2 处断裂（%3）。")
                                  .arg(source)
                                  .arg(chain->firstBrokenSeq)
                                  .arg(chain->problem)}));
    check.auditRows = chain->rows;
    return check;
}

Status restoreFrom(const Database& db, const QString& source, const BackupProgress& progress) {
    auto check = verifyBackup(source);
    if (!check)
        return fail(check.error());
    RawHandle in;
    if (sqlite3_open_v2(QFile::encodeName(source).constData(), &in.db, SQLITE_OPEN_READONLY,
                        nullptr) != SQLITE_OK)
        return fail(Error::storage({QStringLiteral("Cannot open %1").arg(source),
                                    QStringLiteral("无法打开 %1").arg(source)}));
    if (auto ok = copyPages(in.db, db.sqliteHandle(), progress); !ok)
        return ok;
    log::get("fd.db")->warn("database restored from {} ({} audit rows)", source, check->auditRows);
    return {};
}

} // namespace fd
