#include "services/policy_store.h"

#include "db/sql.h"
#include "util/clock.h"

namespace fd::policy_store {

Result<std::optional<StoredPolicy>> latest(const QSqlDatabase& db) {
    auto q = sql::exec(db, QStringLiteral("SELECT id, version, sha256, source, origin FROM "
                                          "policy_versions ORDER BY id DESC LIMIT 1"));
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<StoredPolicy>{};
    StoredPolicy p{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                   q->value(3).toString().toUtf8(), q->value(4).toString()};
    q->finish();
    return std::optional<StoredPolicy>{std::move(p)};
}

Result<qint64> latestId(const QSqlDatabase& db) {
    auto v = sql::scalar(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM policy_versions"));
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<qint64> store(const QSqlDatabase& db, const Policy& policy, const QString& origin,
                     const QString& appliedBy, const QDateTime& nowUtc) {
    return sql::insertId(db,
                         QStringLiteral("INSERT INTO policy_versions(version, sha256, source, "
                                        "origin, applied_at, applied_by) VALUES (?,?,?,?,?,?)"),
                         {policy.version(), policy.sha256(), QString::fromUtf8(policy.source()),
                          origin, toStorage(nowUtc), appliedBy});
}

} // namespace fd::policy_store
