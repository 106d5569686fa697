#pragma once

#include "rules/policy.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <optional>

namespace fd {

// A policy version stored in the database (table policy_versions). The newest is in force.
struct StoredPolicy {
    qint64 id = 0;
    QString version;
    QString sha256;
    QByteArray source;
    QString origin; // "built-in" or "applied"
};

namespace policy_store {

// The newest stored version, or none on a database that has not stored one yet.
Result<std::optional<StoredPolicy>> latest(const QSqlDatabase& db);
// The id of the newest stored version (0 when there is none): a cheap check for a change.
Result<qint64> latestId(const QSqlDatabase& db);
// Stores a version in the caller's write transaction; returns its id.
Result<qint64> store(const QSqlDatabase& db, const Policy& policy, const QString& origin,
                     const QString& appliedBy, const QDateTime& nowUtc);

} // namespace policy_store
} // namespace fd
