#include "db/transaction.h"

#include "db/sql.h"

#include <QSqlQuery>

namespace fd {

WriteTransaction::WriteTransaction(QSqlDatabase db) : db_(std::move(db)), active_(true) {}

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : db_(std::move(other.db_)), active_(other.active_) {
    other.active_ = false;
}

Result<WriteTransaction> WriteTransaction::begin(const QSqlDatabase& db, Dialect dialect) {
    QSqlQuery q(db);
    if (!q.exec(DialectSql::beginWrite(dialect)))
        return fail(sql::errorFrom(q, QStringLiteral("begin transaction")));
    return WriteTransaction(db);
}

WriteTransaction::~WriteTransaction() {
    rollback();
}

Status WriteTransaction::commit() {
    if (!active_)
        return fail(Error::internal(QStringLiteral("commit without an active transaction")));
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error e = sql::errorFrom(q, QStringLiteral("commit"));
        rollback();
        return fail(e);
    }
    active_ = false;
    return {};
}

void WriteTransaction::rollback() {
    if (!active_)
        return;
    QSqlQuery q(db_);
    q.exec(QStringLiteral("ROLLBACK"));
    active_ = false;
}

} // namespace fd
