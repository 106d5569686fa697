#include "db/sql.h"

#include "util/log.h"

#include <QSqlError>

namespace fd::sql {

Error errorFrom(const QSqlQuery& query, const QString& what) {
    const QSqlError err = query.lastError();
    const QString text = err.databaseText().isEmpty() ? err.text() : err.databaseText();
    log::get("fd.db")->error("{} failed: {} [{}]", what, text, err.nativeErrorCode());
    if (text.contains(QStringLiteral("full"), Qt::CaseInsensitive) ||
        err.nativeErrorCode() == QStringLiteral("13"))
        return Error::storage(
            {QStringLiteral("The disk is full: nothing was saved (%1).").arg(what),
             QStringLiteral("磁盘已满：未保存任何内容（%1）。").arg(what)});
    return Error::storage({QStringLiteral("Database error in %1: %2").arg(what, text),
                           QStringLiteral("数据库错误（%1）：%2").arg(what, text)});
}

Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& statement,
                       const QVariantList& bindings) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(statement))
        return fail(errorFrom(q, statement.left(60)));
    for (int i = 0; i < bindings.size(); ++i)
        q.bindValue(i, bindings.at(i));
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

} // namespace fd::sql
