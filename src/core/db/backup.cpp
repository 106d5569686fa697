#include "db/backup.h"

#include "audit/audit_log.h"
#include "util/log.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVersionNumber>
#include <sqlite3.h>

namespace fd {
namespace {

Error cancelled() {
    return Error::badInput(QStringLiteral("backup"),
                           {QStringLiteral("Backup cancelled."), QStringLiteral("备份已取消。")});
}

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
            return fail(cancelled());
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

Error toolMissing(const QString& name) {
    return Error::storage(
        {QStringLiteral("%1 was not found: install the PostgreSQL client programs "
                        "(postgresql-client-15 or newer) to copy or check a server database.")
             .arg(name),
         QStringLiteral("未找到 %1：请安装 PostgreSQL 客户端程序（postgresql-client-15 "
                        "或更新版本）以复制或校验服务器数据库。")
             .arg(name)});
}

// What a PostgreSQL client program said and left.
struct ToolRun {
    bool ok = false;        // exit code 0
    bool cancelled = false; // stopped because `keepGoing` said so
    QByteArray out;         // stdout, unless discarded
    QString why;            // stderr (or why it did not start), trimmed
};

// Runs `program` to its end; `keepGoing` is asked every 100 ms (false: the program is killed).
ToolRun runTool(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                bool discardOutput, const std::function<bool()>& keepGoing = {}) {
    ToolRun run;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    if (discardOutput)
        p.setStandardOutputFile(QProcess::nullDevice());
    p.start(program, args);
    if (!p.waitForStarted(30000)) {
        run.why = p.errorString();
        return run;
    }
    while (p.state() != QProcess::NotRunning) {
        p.waitForFinished(100);
        if (keepGoing && p.state() != QProcess::NotRunning && !keepGoing()) {
            p.kill();
            p.waitForFinished(-1);
            run.cancelled = true;
            return run;
        }
    }
    if (!discardOutput)
        run.out = p.readAllStandardOutput();
    run.why = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    if (run.why.size() > 2000)
        run.why = QStringLiteral("…") + run.why.right(2000);
    run.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!run.ok && run.why.isEmpty())
        run.why = p.exitStatus() == QProcess::NormalExit
                      ? QStringLiteral("exit code %1").arg(p.exitCode())
                      : QStringLiteral("the program crashed");
    return run;
}

// The environment pg_dump connects with: the desk's own server address, never a password
// (libpq reads PGPASSFILE or ~/.pgpass, as the program's own connections do).
QProcessEnvironment serverEnvironment(const ServerAddress& a) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGHOST"), a.host);
    env.insert(QStringLiteral("PGPORT"), QString::number(a.port));
    if (!a.user.isEmpty())
        env.insert(QStringLiteral("PGUSER"), a.user);
    env.insert(QStringLiteral("PGDATABASE"), a.database);
    if (!a.sslmode.isEmpty())
        env.insert(QStringLiteral("PGSSLMODE"), a.sslmode);
    env.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("frontdesk-backup"));
    env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("10"));
    return env;
}

// pg_dump --format=custom into DEST.part, renamed to DEST when pg_dump ends well.
Status dumpServer(const Database& db, const QString& destination, const BackupProgress& progress) {
    const ServerAddress& address = db.server();
    const QString program = postgresTool(QStringLiteral("pg_dump"));
    if (program.isEmpty())
        return fail(toolMissing(QStringLiteral("pg_dump")));
    const QString part = destination + QStringLiteral(".part");
    QFile::remove(part); // left by an interrupted copy to the same name
    if (progress && !progress(0.0))
        return fail(cancelled());
    const ToolRun run = runTool(program,
                                {QStringLiteral("--format=custom"), QStringLiteral("--no-password"),
                                 QStringLiteral("--file=") + part},
                                serverEnvironment(address), true,
                                [&progress] { return !progress || progress(0.0); });
    if (run.cancelled) {
        QFile::remove(part);
        return fail(cancelled());
    }
    if (!run.ok || !QFileInfo::exists(part)) {
        QFile::remove(part);
        const QString server = address.text();
        const QString why = run.why.isEmpty() ? QStringLiteral("no archive was written") : run.why;
        return fail(Error::storage(
            {QStringLiteral("pg_dump could not copy the server database %1: %2").arg(server, why),
             QStringLiteral("pg_dump 无法复制服务器数据库 %1：%2").arg(server, why)}));
    }
    if (!QFile::rename(part, destination)) {
        QFile::remove(part);
        return fail(Error::storage({QStringLiteral("The copy cannot be named %1.").arg(destination),
                                    QStringLiteral("副本无法命名为 %1。").arg(destination)}));
    }
    if (progress)
        progress(1.0);
    return {};
}

Error damaged(const QString& source, const QString& why) {
    return Error::integrity({QStringLiteral("%1 is damaged: %2").arg(source, why),
                             QStringLiteral("%1 已损坏：%2").arg(source, why)});
}

Error chainBroken(const QString& source, const ChainReport& chain) {
    return Error::integrity({QStringLiteral("%1: the audit chain is broken at sequence %2 (%3).")
                                 .arg(source)
                                 .arg(chain.firstBrokenSeq)
                                 .arg(chain.problem),
                             QStringLiteral("%1：审计链在序号 %2 处断裂（%3）。")
                                 .arg(source)
                                 .arg(chain.firstBrokenSeq)
                                 .arg(chain.problem)});
}

// A pg_dump archive, checked without a server: its table of contents, every data block, and
// the audit chain on the audit table's rows it holds.
Result<BackupCheck> verifyDump(const QString& source) {
    const QString program = postgresTool(QStringLiteral("pg_restore"));
    if (program.isEmpty())
        return fail(toolMissing(QStringLiteral("pg_restore")));
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const ToolRun list = runTool(program, {QStringLiteral("--list"), source}, env, false);
    if (!list.ok)
        return fail(damaged(source, list.why));
    static const QRegularExpression auditData(
        QStringLiteral("^\\d+; \\d+ \\d+ TABLE DATA \\S+ audit_log "),
        QRegularExpression::MultilineOption);
    if (!auditData.match(QString::fromUtf8(list.out)).hasMatch())
        return fail(damaged(source, QStringLiteral("the archive holds no audit table data")));
    // A truncated archive still lists its contents: every block is read to its end.
    const ToolRun whole = runTool(program, {QStringLiteral("--file=-"), source}, env, true);
    if (!whole.ok)
        return fail(damaged(source, whole.why));
    const ToolRun audit =
        runTool(program,
                {QStringLiteral("--data-only"), QStringLiteral("--table=audit_log"),
                 QStringLiteral("--file=-"), source},
                env, false);
    if (!audit.ok)
        return fail(damaged(source, audit.why));
    auto chain = AuditLog::verifyCopyText(audit.out);
    if (!chain)
        return fail(damaged(source, chain.error().message.en));
    if (!chain->ok)
        return fail(chainBroken(source, *chain));
    BackupCheck check;
    check.integrityOk = true;
    check.integrityMessage = QStringLiteral("ok");
    check.auditRows = chain->rows;
    check.auditHead = chain->head;
    check.serverDump = true;
    return check;
}

} // namespace

bool isServerDump(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(5) == QByteArrayLiteral("PGDMP");
}

QString postgresTool(const QString& name) {
    const QString onPath = QStandardPaths::findExecutable(name);
    if (!onPath.isEmpty())
        return onPath;
    // Debian and Ubuntu keep the client programs of each major version in a folder of its own.
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(found.begin(), found.end(), [](const QString& a, const QString& b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString& version : found) {
        const QString candidate = QStandardPaths::findExecutable(
            name, {versions.filePath(version) + QStringLiteral("/bin")});
        if (!candidate.isEmpty())
            return candidate;
    }
    return {};
}

Status backupTo(const Database& db, const QString& destination, const BackupProgress& progress) {
    if (QFileInfo::exists(destination))
        return fail(Error::badInput(
            QStringLiteral("dest"),
            {QStringLiteral("%1 exists already; choose a new file.").arg(destination),
             QStringLiteral("%1 已存在，请另选文件名。").arg(destination)}));
    if (db.dialect() != Dialect::SQLite) {
        if (auto ok = dumpServer(db, destination, progress); !ok)
            return ok;
        log::get("fd.db")->info("server database dumped to {}", destination);
        return {};
    }
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
    if (isServerDump(source))
        return verifyDump(source);
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
        return fail(chainBroken(source, *chain));
    check.auditRows = chain->rows;
    check.auditHead = chain->head;
    return check;
}

Status restoreFrom(const Database& db, const QString& source, const BackupProgress& progress) {
    if (db.dialect() != Dialect::SQLite)
        return fail(Error::badInput(
            QStringLiteral("src"),
            {QStringLiteral("A server database is not replaced in place (its audit trail is kept "
                            "for good). Restore %1 into a new, empty database with pg_restore, "
                            "then point the desks at it: docs/deployment.md, \"Backups on the "
                            "server\".")
                 .arg(source),
             QStringLiteral("服务器数据库不会被原地替换（其审计记录永久保留）。请用 pg_restore "
                            "把 %1 恢复到一个新的空数据库，再让各工作台连接它：见 "
                            "docs/deployment.md 的“Backups on the server”一节。")
                 .arg(source)}));
    if (isServerDump(source))
        return fail(Error::badInput(
            QStringLiteral("src"),
            {QStringLiteral("%1 is a copy of a server database (pg_dump); it is restored into a "
                            "new server database with pg_restore (docs/deployment.md, \"Backups "
                            "on the server\"), not into a database file.")
                 .arg(source),
             QStringLiteral("%1 是服务器数据库的副本（pg_dump）；应使用 pg_restore 恢复到新的"
                            "服务器数据库（见 docs/deployment.md 的“Backups on the server”一节），"
                            "而不是数据库文件。")
                 .arg(source)}));
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
