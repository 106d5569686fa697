#pragma once

#include "util/error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

namespace fd::sql {

// Prepares, binds and executes one statement; every failure becomes an Error that says
// what failed (a full disk is recognised and named).
Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& statement,
                       const QVariantList& bindings = {});
// The first column of the first row, or an invalid QVariant when there is no row.
Result<QVariant> scalar(const QSqlDatabase& db, const QString& statement,
                        const QVariantList& bindings = {});
// A null QString binds as SQL NULL; this gives '' for NOT NULL text columns.
inline QString text(const QString& s) {
    return s.isNull() ? QString::fromLatin1("") : s;
}
// Error for a failed query, recognising SQLITE_FULL and constraint failures.
Error errorFrom(const QSqlQuery& query, const QString& what);

} // namespace fd::sql
