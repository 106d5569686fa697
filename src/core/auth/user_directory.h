#pragma once

#include "auth/identity.h"
#include "util/error.h"

#include <QDateTime>
#include <QList>
#include <functional>

namespace fd {

class Database;
class Clock;

struct LockoutPolicy {
    int maxFailures = 5;
    int windowMinutes = 15;
    int lockMinutes = 30;
    QString policyVersion; // recorded on the audit row of a lockout
};

struct UserRecord {
    qint64 id = 0;
    QString login;
    QString displayName;
    QStringList roles;
    qint64 staffId = 0;
    bool active = true;
    QDateTime lockedUntil; // invalid when not locked
};

// Users, roles and password checks. Creating and changing users are audited actions
// (registered by the core module); this class does the storage work inside them.
class UserDirectory final {
public:
    UserDirectory(const Database& db, const Clock& clock, LockoutPolicy policy);

    // What a caller does while a password is checked on another thread (argon2id takes a
    // tenth of a second and more): it is told who claims to sign in, and may prepare, but
    // must neither write nor show anything until authenticate returns that person.
    using WhileChecking = std::function<void(const Actor& claimed)>;

    // Checks login and password, records the attempt, locks after repeated failures.
    // `meanwhile` runs on the caller's thread during the password check, for an active,
    // unlocked account only.
    Result<Actor> authenticate(const QString& login, const QString& password,
                               const WhileChecking& meanwhile = {}) const;

    // Storage operations used by the user.* action handlers (caller holds the transaction).
    Result<qint64> insert(const QString& login, const QString& displayName, const QString& hash,
                          const QStringList& roles, qint64 staffId) const;
    Status setRoles(qint64 userId, const QStringList& roles) const;
    Status unlock(qint64 userId) const;
    Status setActive(qint64 userId, bool active) const;
    Status setPasswordHash(qint64 userId, const QString& hash) const;

    Result<UserRecord> find(const QString& login) const;
    Result<UserRecord> findById(qint64 id) const;
    Result<QList<UserRecord>> list() const;
    Result<int> count() const;

    [[nodiscard]] const LockoutPolicy& lockoutPolicy() const { return policy_; }

private:
    Status recordAttempt(const QString& login, bool ok) const;
    Result<Actor> toActor(const UserRecord& u) const;

    const Database& db_;
    const Clock& clock_;
    LockoutPolicy policy_;
};

} // namespace fd
