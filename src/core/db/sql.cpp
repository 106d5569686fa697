#include "db/sql.h"

#include "db/dialect.h"

#include "util/log.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

namespace fd::sql {

Error serverUnreachable(const QString& what) {
    log::get("fd.db")->warn("the database server cannot be reached ({})", what);
    return Error::storage({QStringLiteral("The database server cannot be reached; retrying. "
                                          "Nothing was saved."),
                           QStringLiteral("无法连接数据库服务器，正在重试；本次未保存任何内容。")});
}

Error errorFrom(const QSqlQuery& query, const QString& what) {
    const QSqlError err = query.lastError();
    const QString text = err.databaseText().isEmpty() ? err.text() : err.databaseText();
    log::get("fd.db")->error("{} failed: {} [{}]", what, text, err.nativeErrorCode());
    // The server went away (restarted, or the network): the transaction died with the
    // connection, so nothing of it was written.
    if (query.driver() != nullptr && query.driver()->dbmsType() == QSqlDriver::PostgreSQL) {
        if (!query.driver()->isOpen() || err.type() == QSqlError::ConnectionError ||
            text.contains(QStringLiteral("server closed the connection")) ||
            text.contains(QStringLiteral("no connection to the server")) ||
            text.contains(QStringLiteral("terminating connection")))
            return serverUnreachable(what);
    }
    if (text.contains(QStringLiteral("full"), Qt::CaseInsensitive) ||
        err.nativeErrorCode() == QStringLiteral("13"))
        return Error::storage(
            {QStringLiteral("The disk is full: nothing was saved (%1).").arg(what),
             QStringLiteral("磁盘已满：未保存任何内容（%1）。").arg(what)});
    return Error::storage({QStringLiteral("Database error in %1: %2").arg(what, text),
                           QStringLiteral("数据库错误（%1）：%2").arg(what, text)});
}

namespace {

// A yes/no value as the schema stores flags on both engines: the integer 1 or 0 (SQLite
// converts a bound bool so; PostgreSQL would refuse a boolean for an integer column).
QVariant bindable(const QVariant& value) {
    if (value.typeId() == QMetaType::Bool)
        return QVariant(value.toBool() ? 1 : 0);
    return value;
}

} // namespace

Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& statement,
                       const QVariantList& bindings) {
    QSqlQuery q(db);
    // SQLite steps rows as they are read. PostgreSQL's driver would read a forward-only
    // query row by row and lose it when another statement runs on the connection before
    // the last row: there a query holds its whole result.
    q.setForwardOnly(dialectOf(db) == Dialect::SQLite);
    // Without values a statement runs as it is: PostgreSQL prepares no DDL.
    if (bindings.isEmpty()) {
        if (!q.exec(statement))
            return fail(errorFrom(q, statement.left(60)));
        return q;
    }
    if (!q.prepare(statement))
        return fail(errorFrom(q, statement.left(60)));
    for (int i = 0; i < bindings.size(); ++i)
        q.bindValue(i, bindable(bindings.at(i)));
    if (!q.exec())
        return fail(errorFrom(q, statement.left(60)));
    return q;
}

Result<QVariant> scalar(const QSqlDatabase& db, const QString& statement,
                        const QVariantList& bindings) {
    auto q = exec(db, statement, bindings);
    if (!q)
        return fail(q.error());
    if (!q->next())
        return QVariant();
    return q->value(0);
}

Status run(const QSqlDatabase& db, const QString& statement, const QVariantList& bindings) {
    auto q = exec(db, statement, bindings);
    if (!q)
        return fail(q.error());
    return {};
}

Result<qint64> insertId(const QSqlDatabase& db, const QString& statement,
                        const QVariantList& bindings) {
    auto q = one(db, statement + QStringLiteral(" RETURNING id"), bindings,
                 Error::internal(QStringLiteral("insert returned no id")));
    if (!q)
        return fail(q.error());
    const qint64 id = q->value(0).toLongLong();
    q->finish();
    return id;
}

Result<QSqlQuery*> Statements::exec(const QString& statement, const QVariantList& bindings) {
    auto it = prepared_.find(statement);
    if (it == prepared_.end()) {
        auto q = std::make_unique<QSqlQuery>(db_);
        q->setForwardOnly(dialectOf(db_) == Dialect::SQLite);
        if (!q->prepare(statement))
            return fail(errorFrom(*q, statement.left(60)));
        it = prepared_.emplace(statement, std::move(q)).first;
    }
    QSqlQuery& q = *it->second;
    q.finish();
    for (int i = 0; i < bindings.size(); ++i)
        q.bindValue(i, bindable(bindings.at(i)));
    if (!q.exec())
        return fail(errorFrom(q, statement.left(60)));
    return &q;
}

Status Statements::run(const QString& statement, const QVariantList& bindings) {
    auto q = exec(statement, bindings);
    if (!q)
        return fail(q.error());
    (*q)->finish();
    return {};
}

Result<qint64> Statements::insertId(const QString& statement, const QVariantList& bindings) {
    // The row id as SQLite reports it, not through RETURNING: a RETURNING statement opens a
    // statement savepoint, which makes a full-text index flush its pending rows to disk on
    // every insert (an import of thousands of indexed records would take minutes).
    auto q = exec(statement, bindings);
    if (!q)
        return fail(q.error());
    const QVariant id = (*q)->lastInsertId();
    (*q)->finish();
    if (!id.isValid())
        return fail(Error::internal(QStringLiteral("insert returned no id")));
    return id.toLongLong();
}

Result<QSqlQuery> one(const QSqlDatabase& db, const QString& statement,
                      const QVariantList& bindings, Error none) {
    auto q = exec(db, statement, bindings);
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(std::move(none));
    return q;
}

Result<QVariant> value(const QSqlDatabase& db, const QString& statement,
                       const QVariantList& bindings, Error none) {
    auto q = one(db, statement, bindings, std::move(none));
    if (!q)
        return fail(q.error());
    return q->value(0);
}

Result<QList<qint64>> ids(const QSqlDatabase& db, const QString& statement,
                          const QVariantList& bindings) {
    return list<qint64>(db, statement, bindings,
                        [](const QSqlQuery& q) { return q.value(0).toLongLong(); });
}

QVariant Row::value(const char* name) const {
    const int i = query_.record().indexOf(QLatin1String(name));
    return i < 0 ? QVariant() : query_.value(i);
}

QString Row::text(const char* name) const {
    return value(name).toString();
}

qint64 Row::id(const char* name) const {
    return value(name).toLongLong();
}

int Row::integer(const char* name) const {
    return value(name).toInt();
}

bool Row::flag(const char* name) const {
    return value(name).toBool();
}

Status continueIds(const QSqlDatabase& db, const QString& table) {
    if (dialectOf(db) == Dialect::SQLite)
        return {};
    return run(db, QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                  "coalesce((SELECT max(id) FROM %1), 0) + 1, false)")
                       .arg(table));
}

Status continueAllIds(const QSqlDatabase& db) {
    if (dialectOf(db) == Dialect::SQLite)
        return {};
    auto columns = exec(db, QStringLiteral("SELECT table_name, column_name FROM "
                                           "information_schema.columns WHERE table_schema = "
                                           "current_schema() AND is_identity = 'YES'"));
    if (!columns)
        return fail(columns.error());
    QList<QPair<QString, QString>> identities;
    while (columns->next())
        identities.push_back({columns->value(0).toString(), columns->value(1).toString()});
    columns->finish();
    for (const auto& [table, column] : identities)
        if (auto moved = run(db, QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', "
                                                "'%2'), coalesce((SELECT max(%2) FROM %1), 0) + "
                                                "1, false)")
                                     .arg(table, column));
            !moved)
            return fail(moved.error());
    return {};
}

} // namespace fd::sql
