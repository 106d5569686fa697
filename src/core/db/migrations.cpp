#include "db/migrations.h"

#include "db/backup.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "util/clock.h"
#include "util/log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <sqlite3.h>

namespace fd {
namespace {

constexpr const char* kDeskRole = "frontdesk_desk";

const QString kCreateMeta =
    QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                   " area TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
                   " applied_at TEXT NOT NULL, PRIMARY KEY (area, version)) STRICT");

Error newerDatabase(const QString& area, int dbVersion, int known) {
    return Error::integrity(
        {QStringLiteral("This database was written by a newer Frontdesk (area %1 is at schema "
                        "version %2; this program knows up to %3). Install the newer program; "
                        "nothing was changed.")
             .arg(area)
             .arg(dbVersion)
             .arg(known),
         QStringLiteral(
             "该数据库由更新版本的前台系统创建（%1 模块结构版本 %2，本程序最高支持 %3）。"
             "请安装新版程序；数据库未作任何更改。")
             .arg(area)
             .arg(dbVersion)
             .arg(known)});
}

// PostgreSQL: the desks' role. Tables belong to the owner role that migrates; desks sign in
// with login roles that are members of frontdesk_desk, which may read and write every table
// but not change or remove what the regulations keep: a table whose rows a trigger refuses to
// update or delete without condition (the audit trail, signatures, policy versions, backup
// records) loses UPDATE or DELETE by grant too, and TRUNCATE is never granted. Rows kept under
// a condition (a completed sheet, an issued document) stay protected by their triggers.
Status grantDesks(const QSqlDatabase& db) {
    const QString desk = QString::fromLatin1(kDeskRole);
    auto role =
        sql::scalar(db, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"), {desk});
    if (!role)
        return fail(role.error());
    if (role->toInt() == 0)
        return {}; // a one-role server (a trial): the triggers alone
    auto schema = sql::scalar(db, QStringLiteral("SELECT current_schema()"));
    if (!schema)
        return fail(schema.error());
    const QString in = schema->toString();
    QStringList statements = {
        QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(in, desk),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1 TO %2")
            .arg(in, desk),
        QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %1 TO %2").arg(in, desk),
        QStringLiteral("REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM %1").arg(desk)};
    // Row triggers calling fd_refuse with no WHEN and no column list, by event: 16 UPDATE,
    // 8 DELETE (pg_trigger.tgtype).
    auto kept = sql::exec(
        db, QStringLiteral("SELECT c.relname, bool_or(t.tgtype & 16 <> 0), bool_or(t.tgtype & 8 "
                           "<> 0) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                           "JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'fd_refuse' "
                           "AND t.tgqual IS NULL AND t.tgattr = '' AND t.tgtype & 1 = 1 AND "
                           "c.relnamespace = current_schema()::regnamespace GROUP BY c.relname"));
    if (!kept)
        return fail(kept.error());
    while (kept->next()) {
        const QString table = kept->value(0).toString();
        if (kept->value(1).toBool())
            statements << QStringLiteral("REVOKE UPDATE ON %1 FROM %2").arg(table, desk);
        if (kept->value(2).toBool())
            statements << QStringLiteral("REVOKE DELETE ON %1 FROM %2").arg(table, desk);
    }
    kept->finish();
    for (const QString& statement : statements)
        if (auto done = sql::exec(db, statement); !done)
            return fail(done.error());
    return {};
}

} // namespace

Migrator::Migrator(std::vector<MigrationSource> sources) : sources_(std::move(sources)) {}

Result<std::vector<MigrationStep>> Migrator::steps() const {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3,})_([A-Za-z0-9_]+)\\.sql$"));
    std::vector<MigrationStep> out;
    for (const MigrationSource& source : sources_) {
        const QDir dir(source.directory);
        const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        int last = 0;
        for (const QString& file : files) {
            const auto m = pattern.match(file);
            if (!m.hasMatch())
                return fail(
                    Error::internal(QStringLiteral("bad migration file name %1").arg(file)));
            const int version = m.captured(1).toInt();
            if (version != last + 1)
                return fail(Error::internal(
                    QStringLiteral("migration %1/%2 is out of order").arg(source.area, file)));
            last = version;
            out.push_back({source.area, version, m.captured(2), dir.filePath(file)});
        }
    }
    return out;
}

Result<QMap<QString, int>> Migrator::appliedVersions(const Database& db) {
    QMap<QString, int> versions;
    auto exists = sql::scalar(db.connection(), DialectSql::tableExists(db.dialect()),
                              {QStringLiteral("schema_migrations")});
    if (!exists)
        return fail(exists.error());
    if (exists->toInt() == 0)
        return versions;
    auto q =
        sql::exec(db.connection(),
                  QStringLiteral("SELECT area, max(version) FROM schema_migrations GROUP BY area"));
    if (!q)
        return fail(q.error());
    while (q->next())
        versions.insert(q->value(0).toString(), q->value(1).toInt());
    return versions;
}

Status execScript(const Database& db, const QString& script) {
    if (db.dialect() == Dialect::SQLite) {
        sqlite3* handle = db.sqliteHandle();
        if (handle == nullptr)
            return fail(Error::internal(QStringLiteral("no SQLite handle")));
        char* message = nullptr;
        const QByteArray utf8 = script.toUtf8();
        if (sqlite3_exec(handle, utf8.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
            const QString why = QString::fromUtf8(message);
            sqlite3_free(message);
            return fail(Error::storage({QStringLiteral("SQL script failed: %1").arg(why),
                                        QStringLiteral("SQL 脚本执行失败：%1").arg(why)}));
        }
        return {};
    }
    // A whole script in one simple query (several statements, no parameters).
    QSqlQuery q(db.connection());
    if (!q.exec(script)) {
        const QString why = q.lastError().text();
        return fail(Error::storage({QStringLiteral("SQL script failed: %1").arg(why),
                                    QStringLiteral("SQL 脚本执行失败：%1").arg(why)}));
    }
    return {};
}

Result<MigrationReport> Migrator::apply(const Database& db, const Clock& clock,
                                        const QString& backupDirectory) const {
    auto all = steps();
    if (!all)
        return fail(all.error());
    auto applied = appliedVersions(db);
    if (!applied)
        return fail(applied.error());

    QMap<QString, int> known;
    for (const auto& s : *all)
        known[s.area] = std::max(known.value(s.area), s.version);
    for (auto it = applied->cbegin(); it != applied->cend(); ++it) {
        if (it.value() > known.value(it.key(), 0))
            return fail(newerDatabase(it.key(), it.value(), known.value(it.key(), 0)));
    }

    std::vector<MigrationStep> pending;
    for (const auto& s : *all)
        if (s.version > applied->value(s.area, 0))
            pending.push_back(s);

    MigrationReport report;
    if (pending.empty())
        return report;

    // An existing database file is copied before its schema changes (a server database is
    // copied with pg_dump by the office's backup).
    if (!applied->isEmpty() && db.dialect() == Dialect::SQLite &&
        db.path() != QStringLiteral(":memory:")) {
        const QString dir =
            backupDirectory.isEmpty() ? QFileInfo(db.path()).absolutePath() : backupDirectory;
        const QString dest = QDir(dir).filePath(
            QFileInfo(db.path()).completeBaseName() + QStringLiteral(".pre-migration-") +
            clock.nowUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".db"));
        if (auto ok = backupTo(db, dest); !ok)
            return fail(ok.error());
        report.backupPath = dest;
    }

    {
        auto meta = sql::exec(db.connection(), DialectSql::adaptScript(db.dialect(), kCreateMeta));
        if (!meta)
            return fail(meta.error());
    }
    for (const MigrationStep& step : pending) {
        QFile f(step.file);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error::internal(QStringLiteral("cannot read %1").arg(step.file)));
        const QString script =
            DialectSql::adaptScript(db.dialect(), QString::fromUtf8(f.readAll()));
        auto tx = WriteTransaction::begin(db.connection(), db.dialect());
        if (!tx)
            return fail(tx.error());
        if (auto ok = execScript(db, script); !ok) {
            log::get("fd.db")->error("migration {}/{} failed", step.area, step.version);
            Error e = ok.error();
            e.message.en = QStringLiteral("Migration %1 %2 (%3) failed and was rolled back: %4")
                               .arg(step.area)
                               .arg(step.version)
                               .arg(step.name, e.message.en);
            e.message.zh = QStringLiteral("数据库升级 %1 %2（%3）失败，已回滚：%4")
                               .arg(step.area)
                               .arg(step.version)
                               .arg(step.name, e.message.zh);
            return fail(e);
        }
        if (db.dialect() == Dialect::PostgreSQL)
            if (auto ok = sql::continueAllIds(db.connection()); !ok)
                return fail(ok.error());
        auto rec = sql::exec(db.connection(),
                             QStringLiteral("INSERT INTO schema_migrations(area, version, name, "
                                            "applied_at) VALUES (?, ?, ?, ?)"),
                             {step.area, step.version, step.name, toStorage(clock.nowUtc())});
        if (!rec)
            return fail(rec.error());
        if (auto ok = tx->commit(); !ok)
            return fail(ok.error());
        log::get("fd.db")->info("applied migration {}/{:03} {}", step.area, step.version,
                                step.name);
        ++report.applied;
    }
    if (db.dialect() == Dialect::PostgreSQL)
        if (auto ok = grantDesks(db.connection()); !ok)
            return fail(ok.error());
    return report;
}

} // namespace fd
