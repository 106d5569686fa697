#pragma once

#include "util/error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>
#include <memory>
#include <unordered_map>

#include <utility>

namespace fd::sql {

// Prepares, binds and executes one statement; every failure becomes an Error that says
// what failed (a full disk is recognised and named).
Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& statement,
                       const QVariantList& bindings = {});
// The first column of the first row, or an invalid QVariant when there is no row.
Result<QVariant> scalar(const QSqlDatabase& db, const QString& statement,
                        const QVariantList& bindings = {});
// Runs a statement whose rows are not needed.
Status run(const QSqlDatabase& db, const QString& statement, const QVariantList& bindings = {});
// Runs an INSERT (given without its RETURNING clause) and gives the new row's id.
Result<qint64> insertId(const QSqlDatabase& db, const QString& statement,
                        const QVariantList& bindings = {});

// Statements prepared once and run many times, for bulk writes (an import's thousands of
// rows): the same calls as exec, run and insertId, without parsing the SQL each time. A
// statement's previous rows are discarded when it runs again.
// After rows were written with ids of their own (an import keeping the file's numbering):
// the next row without an id gets one past them. Nothing to do on SQLite, whose rowid
// follows the largest id; PostgreSQL's identity sequence is moved.
Status continueIds(const QSqlDatabase& db, const QString& table);
// The same for every table's identity (after a migration's rows, or a whole office copied).
Status continueAllIds(const QSqlDatabase& db);

class Statements final {
public:
    explicit Statements(QSqlDatabase db) : db_(std::move(db)) {}
    Result<QSqlQuery*> exec(const QString& statement, const QVariantList& bindings = {});
    Status run(const QString& statement, const QVariantList& bindings = {});
    Result<qint64> insertId(const QString& statement, const QVariantList& bindings = {});
    [[nodiscard]] const QSqlDatabase& database() const { return db_; }

private:
    QSqlDatabase db_;
    // Each query stays where it is while others are added: exec's pointer stays valid.
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> prepared_;
};

// Runs a statement and gives the query on its first row; `none` when there is no row
// (a record that does not exist).
Result<QSqlQuery> one(const QSqlDatabase& db, const QString& statement,
                      const QVariantList& bindings, Error none);
// The first column of the first row; `none` when there is no row (a record that does not
// exist).
Result<QVariant> value(const QSqlDatabase& db, const QString& statement,
                       const QVariantList& bindings, Error none);
// The first column of every row, as ids.
Result<QList<qint64>> ids(const QSqlDatabase& db, const QString& statement,
                          const QVariantList& bindings = {});

// Every row of a statement, each made into a T by `read(const QSqlQuery&)`.
template <typename T, typename Read>
Result<QList<T>> list(const QSqlDatabase& db, const QString& statement,
                      const QVariantList& bindings, Read&& read) {
    auto q = exec(db, statement, bindings);
    if (!q)
        return fail(q.error());
    QList<T> out;
    while (q->next())
        out.push_back(std::forward<Read>(read)(*q));
    return out;
}

// The current row of a query, read by the column names the SELECT gives ("SELECT id,
// status AS state ..." → row.text("state")), so that reordering a SELECT cannot shift
// the fields. For new code; a name the query lacks reads as an invalid value.
class Row final {
public:
    explicit Row(const QSqlQuery& query) : query_(query) {}
    [[nodiscard]] QVariant value(const char* name) const;
    [[nodiscard]] QString text(const char* name) const;
    [[nodiscard]] qint64 id(const char* name) const;
    [[nodiscard]] int integer(const char* name) const;
    [[nodiscard]] bool flag(const char* name) const;

private:
    const QSqlQuery& query_;
};

// A null QString binds as SQL NULL; this gives '' for NOT NULL text columns.
inline QString text(const QString& s) {
    return s.isNull() ? QString::fromLatin1("") : s;
}
// Error for a failed query, recognising SQLITE_FULL and constraint failures.
Error errorFrom(const QSqlQuery& query, const QString& what);
// The error of a statement the server never received or never finished: its connection
// is broken (see Database::connectionLost).
Error serverUnreachable(const QString& what);

} // namespace fd::sql
