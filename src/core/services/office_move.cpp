#include "services/office_move.h"

#include "db/dialect.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "services/services.h"
#include "util/log.h"

#include <QSet>
#include <QSqlRecord>

namespace fd {
namespace {

constexpr int kBindingsPerStatement = 30000; // below PostgreSQL's 65535 parameters

Error chainError(const QString& where, const ChainReport& report) {
    return Error::integrity(
        {QStringLiteral("The audit chain of %1 is broken at sequence %2 (%3); nothing was copied.")
             .arg(where)
             .arg(report.firstBrokenSeq)
             .arg(report.problem),
         QStringLiteral("%1 的审计链在序号 %2 处断裂（%3）；未复制任何内容。")
             .arg(where)
             .arg(report.firstBrokenSeq)
             .arg(report.problem)});
}

struct SourceTable {
    QString name;
    QStringList columns;
    QSet<QString> parents; // tables its foreign keys name
};

// The file's tables that hold rows of their own: not SQLite's, not the migrations' record,
// not a full-text table nor the tables SQLite keeps for it (areas rebuild those).
Result<QList<SourceTable>> sourceTables(const QSqlDatabase& db) {
    auto q = sql::exec(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = "
                                          "'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    if (!q)
        return fail(q.error());
    QStringList virtualTables;
    QList<SourceTable> tables;
    while (q->next()) {
        const QString name = q->value(0).toString();
        if (q->value(1).toString().startsWith(QStringLiteral("CREATE VIRTUAL TABLE"),
                                              Qt::CaseInsensitive))
            virtualTables << name;
        else if (name != QStringLiteral("schema_migrations"))
            tables.push_back({name, {}, {}});
    }
    q->finish();
    QList<SourceTable> kept;
    for (SourceTable& t : tables) {
        const bool shadow =
            std::any_of(virtualTables.cbegin(), virtualTables.cend(),
                        [&](const QString& v) { return t.name.startsWith(v + QLatin1Char('_')); });
        if (shadow)
            continue;
        auto cols =
            sql::exec(db, QStringLiteral("SELECT name FROM pragma_table_info(?)"), {t.name});
        if (!cols)
            return fail(cols.error());
        while (cols->next())
            t.columns << cols->value(0).toString();
        cols->finish();
        auto keys = sql::exec(
            db, QStringLiteral("SELECT \"table\" FROM pragma_foreign_key_list(?)"), {t.name});
        if (!keys)
            return fail(keys.error());
        while (keys->next())
            if (keys->value(0).toString() != t.name)
                t.parents.insert(keys->value(0).toString());
        keys->finish();
        kept.push_back(t);
    }
    return kept;
}

// Parents before children.
Result<QList<SourceTable>> inCopyOrder(QList<SourceTable> tables) {
    QList<SourceTable> ordered;
    QSet<QString> placed;
    while (!tables.isEmpty()) {
        const auto ready = std::find_if(tables.begin(), tables.end(), [&](const SourceTable& t) {
            return std::all_of(t.parents.cbegin(), t.parents.cend(),
                               [&](const QString& p) { return placed.contains(p); });
        });
        if (ready == tables.end())
            return fail(Error::internal(QStringLiteral("tables refer to each other in a circle: %1")
                                            .arg(tables.first().name)));
        placed.insert(ready->name);
        ordered.push_back(*ready);
        tables.erase(ready);
    }
    return ordered;
}

Result<QSet<QString>> serverColumns(const QSqlDatabase& db, const QString& table) {
    auto q = sql::exec(db,
                       QStringLiteral("SELECT column_name FROM information_schema.columns WHERE "
                                      "table_schema = current_schema() AND table_name = ? AND "
                                      "is_generated = 'NEVER'"),
                       {table});
    if (!q)
        return fail(q.error());
    QSet<QString> out;
    while (q->next())
        out.insert(q->value(0).toString());
    return out;
}

// Copies one table's rows in statements of many rows each.
Result<qint64> copyRows(const QSqlDatabase& from, const QSqlDatabase& to, const SourceTable& table,
                        const QStringList& columns) {
    QStringList quoted;
    for (const QString& c : columns)
        quoted << QLatin1Char('"') + c + QLatin1Char('"');
    QSqlQuery rows(from);
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT %1 FROM \"%2\" ORDER BY rowid")
                       .arg(quoted.join(QStringLiteral(", ")), table.name)))
        return fail(sql::errorFrom(rows, table.name));
    const int perRow = static_cast<int>(columns.size());
    const int perStatement = std::max(1, kBindingsPerStatement / std::max(1, perRow));
    const QString head = QStringLiteral("INSERT INTO \"%1\" (%2) VALUES ")
                             .arg(table.name, quoted.join(QStringLiteral(", ")));
    const QString oneRow = QLatin1Char('(') +
                           QStringList(perRow, QStringLiteral("?")).join(QLatin1Char(',')) +
                           QLatin1Char(')');
    qint64 copied = 0;
    QVariantList values;
    int pending = 0;
    const auto flush = [&]() -> Status {
        if (pending == 0)
            return {};
        QStringList tuples(pending, oneRow);
        auto done = sql::run(to, head + tuples.join(QLatin1Char(',')), values);
        values.clear();
        copied += pending;
        pending = 0;
        return done;
    };
    while (rows.next()) {
        for (int i = 0; i < perRow; ++i)
            values << rows.value(i);
        if (++pending == perStatement)
            if (auto ok = flush(); !ok)
                return fail(ok.error());
    }
    if (auto ok = flush(); !ok)
        return fail(ok.error());
    return copied;
}

} // namespace

Result<OfficeMove> moveOffice(const Services& from, const Services& to) {
    const QSqlDatabase source = from.database().connection();
    const QSqlDatabase server = to.database().connection();
    if (from.database().dialect() != Dialect::SQLite ||
        to.database().dialect() != Dialect::PostgreSQL)
        return fail(Error::badInput(
            QStringLiteral("to"),
            {QStringLiteral("An office moves from its database file to a PostgreSQL server "
                            "(--db FILE migrate --to postgresql://…)."),
             QStringLiteral("只能从数据库文件迁移到 PostgreSQL 服务器（--db 文件 migrate --to "
                            "postgresql://…）。")}));
    auto sourceChain = AuditLog::verify(from.database());
    if (!sourceChain)
        return fail(sourceChain.error());
    if (!sourceChain->ok)
        return fail(chainError(from.database().path(), *sourceChain));

    for (const QString& table : {QStringLiteral("audit_log"), QStringLiteral("users")}) {
        auto rows = sql::scalar(server, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        if (!rows)
            return fail(rows.error());
        if (rows->toLongLong() > 0)
            return fail(Error::badInput(
                QStringLiteral("to"),
                {QStringLiteral("The server database %1 is not empty (it has %2 rows in %3); an "
                                "office moves only into an empty database. Nothing was copied.")
                     .arg(to.database().path())
                     .arg(rows->toLongLong())
                     .arg(table),
                 QStringLiteral("服务器数据库 %1 不是空的（%3 中有 %2 行）；只能迁移到空数据库。"
                                "未复制任何内容。")
                     .arg(to.database().path())
                     .arg(rows->toLongLong())
                     .arg(table)}));
    }

    auto found = sourceTables(source);
    if (!found)
        return fail(found.error());
    auto ordered = inCopyOrder(*found);
    if (!ordered)
        return fail(ordered.error());

    OfficeMove move;
    move.sourceHead = sourceChain->head;
    move.auditRows = sourceChain->rows;
    auto tx = WriteTransaction::begin(server, Dialect::PostgreSQL);
    if (!tx)
        return fail(tx.error());
    // Rows the server's migrations wrote (the filing scope's categories) give way to the
    // office's own, children first.
    for (auto it = ordered->crbegin(); it != ordered->crend(); ++it)
        if (auto ok = sql::run(server, QStringLiteral("DELETE FROM \"%1\"").arg(it->name)); !ok)
            return fail(ok.error());
    for (const SourceTable& table : *ordered) {
        auto onServer = serverColumns(server, table.name);
        if (!onServer)
            return fail(onServer.error());
        if (onServer->isEmpty())
            return fail(Error::integrity(
                {QStringLiteral("The server database has no table %1; nothing was copied.")
                     .arg(table.name),
                 QStringLiteral("服务器数据库没有表 %1；未复制任何内容。").arg(table.name)}));
        QStringList columns;
        for (const QString& c : table.columns)
            if (onServer->contains(c))
                columns << c;
        auto copied = copyRows(source, server, table, columns);
        if (!copied)
            return fail(copied.error());
        move.rows += *copied;
        ++move.tables;
    }
    if (auto ok = sql::continueAllIds(server); !ok)
        return fail(ok.error());
    for (const Module& m : to.modules())
        if (m.rebuildDerived)
            if (auto ok = m.rebuildDerived(server); !ok)
                return fail(ok.error());
    // The copy ends where the file's chain ends, or nothing is kept.
    auto copiedHead = AuditLog::head(server);
    if (!copiedHead)
        return fail(copiedHead.error());
    if (copiedHead->seq != move.sourceHead.seq || copiedHead->hash != move.sourceHead.hash)
        return fail(Error::integrity(
            {QStringLiteral("The copied chain ends at %1, not at the file's %2; nothing was kept.")
                 .arg(copiedHead->text(), move.sourceHead.text()),
             QStringLiteral("复制后的审计链止于 %1，而非文件的 %2；未保留任何内容。")
                 .arg(copiedHead->text(), move.sourceHead.text())}));
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());

    auto serverChain = AuditLog::verify(to.database());
    if (!serverChain)
        return fail(serverChain.error());
    if (!serverChain->ok)
        return fail(chainError(to.database().path(), *serverChain));
    move.serverHead = serverChain->head;
    log::get("fd.db")->info("office moved from {} to {}: {} tables, {} rows, head {}",
                            from.database().path(), to.database().path(), move.tables, move.rows,
                            move.serverHead.text());
    return move;
}

} // namespace fd
