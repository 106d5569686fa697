#include "auth/user_directory.h"

#include "audit/audit_log.h"
#include "auth/password.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "util/clock.h"
#include "util/log.h"

#include <future>

namespace fd {
namespace {

const Text kBadCredentials{QStringLiteral("Wrong login or password."),
                           QStringLiteral("用户名或密码错误。")};

UserRecord readUser(const QSqlQuery& q) {
    UserRecord u;
    u.id = q.value(0).toLongLong();
    u.login = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.staffId = q.value(3).toLongLong();
    u.active = q.value(4).toInt() != 0;
    if (!q.value(5).isNull() && !q.value(5).toString().isEmpty())
        u.lockedUntil = fromStorage(q.value(5).toString());
    u.roles = q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    return u;
}

const QString kSelectUser = QStringLiteral(
    "SELECT u.id, u.login, u.display_name, coalesce(u.staff_id, 0), u.active, u.locked_until, "
    "(SELECT group_concat(role, ',') FROM (SELECT role FROM user_roles r WHERE r.user_id = u.id "
    "ORDER BY role) AS own) FROM users u ");

} // namespace

UserDirectory::UserDirectory(const Database& db, const Clock& clock, LockoutPolicy policy)
    : db_(db), clock_(clock), policy_(policy) {}

Result<UserRecord> UserDirectory::find(const QString& login) const {
    auto q = sql::one(db_.connection(), kSelectUser + QStringLiteral("WHERE u.login = ?"), {login},
                      Error::notFound(QStringLiteral("login"),
                                      {QStringLiteral("No user with login %1.").arg(login),
                                       QStringLiteral("用户 %1 不存在。").arg(login)}));
    if (!q)
        return fail(q.error());
    return readUser(*q);
}

Result<UserRecord> UserDirectory::findById(qint64 id) const {
    auto q = sql::one(
        db_.connection(), kSelectUser + QStringLiteral("WHERE u.id = ?"), {id},
        Error::notFound(QStringLiteral("user"), {QStringLiteral("No user with id %1.").arg(id),
                                                 QStringLiteral("用户 %1 不存在。").arg(id)}));
    if (!q)
        return fail(q.error());
    return readUser(*q);
}

Result<QList<UserRecord>> UserDirectory::list() const {
    auto q = sql::exec(db_.connection(), kSelectUser + QStringLiteral("ORDER BY u.login"));
    if (!q)
        return fail(q.error());
    QList<UserRecord> out;
    while (q->next())
        out.push_back(readUser(*q));
    return out;
}

Result<int> UserDirectory::count() const {
    auto v = sql::scalar(db_.connection(), QStringLiteral("SELECT count(*) FROM users"));
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Status UserDirectory::recordAttempt(const QString& login, bool ok) const {
    auto tx = WriteTransaction::begin(db_.connection(), db_.dialect());
    if (!tx)
        return fail(tx.error());
    const QString now = toStorage(clock_.nowUtc());
    auto ins =
        sql::exec(db_.connection(),
                  QStringLiteral("INSERT INTO login_attempts(login, at_utc, ok) VALUES (?,?,?)"),
                  {login, now, ok ? 1 : 0});
    if (!ins)
        return fail(ins.error());
    if (ok) {
        auto reset = sql::exec(
            db_.connection(),
            QStringLiteral("UPDATE users SET attempts_reset_at = ? WHERE login = ?"), {now, login});
        if (!reset)
            return fail(reset.error());
        return tx->commit();
    }
    const QString windowStart = toStorage(clock_.nowUtc().addSecs(-60LL * policy_.windowMinutes));
    auto failures = sql::scalar(
        db_.connection(),
        QStringLiteral("SELECT count(*) FROM login_attempts a JOIN users u ON u.login = a.login "
                       "WHERE a.login = ? AND a.ok = 0 AND a.at_utc > ? AND a.at_utc > "
                       "u.attempts_reset_at"),
        {login, windowStart});
    if (!failures)
        return fail(failures.error());
    if (failures->toInt() >= policy_.maxFailures) {
        const QDateTime until = clock_.nowUtc().addSecs(60LL * policy_.lockMinutes);
        auto lock =
            sql::exec(db_.connection(),
                      QStringLiteral("UPDATE users SET locked_until = ? WHERE login = ? AND "
                                     "(locked_until IS NULL OR locked_until < ?)"),
                      {toStorage(until), login, now});
        if (!lock)
            return fail(lock.error());
        if (lock->numRowsAffected() > 0) {
            log::get("fd.auth")->warn("account {} locked after {} failed logins", login,
                                      failures->toInt());
            AuditEntry e{QStringLiteral("system"),
                         QStringLiteral("auth.lockout"),
                         QStringLiteral("user"),
                         login,
                         {},
                         {{QStringLiteral("locked_until"), toStorage(until)}},
                         QStringLiteral("%1 failed logins within %2 minutes")
                             .arg(failures->toInt())
                             .arg(policy_.windowMinutes),
                         policy_.policyVersion,
                         {}};
            if (auto seq = AuditLog::append(db_.connection(), clock_.nowUtc(), e); !seq)
                return fail(seq.error());
        }
    }
    return tx->commit();
}

Result<Actor> UserDirectory::toActor(const UserRecord& u) const {
    return Actor{u.id, u.login, u.displayName, u.roles, u.staffId};
}

Result<Actor> UserDirectory::authenticate(const QString& login, const QString& clear,
                                          const WhileChecking& meanwhile) const {
    // Read into a value and let the statement go before recordAttempt() writes: a statement
    // left active keeps its read snapshot, and SQLite refuses the write lock to a connection
    // whose snapshot is older than another process's commit (SQLITE_BUSY_SNAPSHOT).
    auto stored =
        sql::scalar(db_.connection(),
                    QStringLiteral("SELECT password_hash FROM users WHERE login = ?"), {login});
    if (!stored)
        return fail(stored.error());
    if (!stored->isValid()) {
        password::verify(QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$"
                                        "RdescudvJCsgt3ub+b+dWRWJTmaaJObG"),
                         clear); // same work as a real check, so timing reveals nothing
        return fail(Error::auth(kBadCredentials));
    }
    const QString storedHash = stored->toString();
    auto user = find(login);
    if (!user)
        return fail(user.error());
    const QDateTime now = clock_.nowUtc();
    if (user->lockedUntil.isValid() && user->lockedUntil > now) {
        const qint64 minutes = (now.secsTo(user->lockedUntil) + 59) / 60;
        return fail(Error::auth(
            {QStringLiteral("The account %1 is locked after repeated failed logins; try again in "
                            "%2 minutes or ask an administrator to unlock it.")
                 .arg(login)
                 .arg(minutes),
             QStringLiteral("账户 %1 因多次登录失败已被锁定；请 %2 分钟后再试，或请管理员解锁。")
                 .arg(login)
                 .arg(minutes)}));
    }
    if (!user->active)
        return fail(Error::auth({QStringLiteral("The account %1 is disabled.").arg(login),
                                 QStringLiteral("账户 %1 已停用。").arg(login)}));
    bool ok = false;
    if (meanwhile) {
        // The check is pure computation on values: it needs no connection of this thread.
        auto check = std::async(std::launch::async, [storedHash, clear] {
            return password::verify(storedHash, clear);
        });
        if (auto claimed = toActor(*user); claimed)
            meanwhile(*claimed);
        ok = check.get();
    } else {
        ok = password::verify(storedHash, clear);
    }
    if (auto rec = recordAttempt(login, ok); !rec)
        return fail(rec.error());
    if (!ok) {
        auto again = find(login);
        if (again && again->lockedUntil.isValid() && again->lockedUntil > now)
            return authenticate(login, clear); // report the lockout that just began
        return fail(Error::auth(kBadCredentials));
    }
    if (password::needsRehash(storedHash)) {
        if (auto fresh = password::hash(clear); fresh) {
            auto tx = WriteTransaction::begin(db_.connection(), db_.dialect());
            if (tx && setPasswordHash(user->id, *fresh))
                (void)tx->commit();
        }
    }
    log::get("fd.auth")->info("login {}", login);
    return toActor(*user);
}

Result<qint64> UserDirectory::insert(const QString& login, const QString& displayName,
                                     const QString& hash, const QStringList& roles,
                                     qint64 staffId) const {
    auto inserted = sql::insertId(db_.connection(),
                                  QStringLiteral("INSERT INTO users(login, display_name, staff_id, "
                                                 "password_hash, created_at) VALUES (?,?,?,?,?)"),
                                  {login, displayName, staffId > 0 ? QVariant(staffId) : QVariant(),
                                   hash, toStorage(clock_.nowUtc())});
    if (!inserted)
        return fail(inserted.error());
    const qint64 id = *inserted;
    if (auto ok = setRoles(id, roles); !ok)
        return fail(ok.error());
    return id;
}

Status UserDirectory::setRoles(qint64 userId, const QStringList& roles) const {
    auto del = sql::exec(db_.connection(),
                         QStringLiteral("DELETE FROM user_roles WHERE user_id = ?"), {userId});
    if (!del)
        return fail(del.error());
    for (const QString& role : roles) {
        auto ins = sql::exec(db_.connection(),
                             QStringLiteral("INSERT INTO user_roles(user_id, role) VALUES (?, ?)"),
                             {userId, role});
        if (!ins)
            return fail(ins.error());
    }
    return {};
}

Status UserDirectory::unlock(qint64 userId) const {
    auto q = sql::exec(db_.connection(),
                       QStringLiteral("UPDATE users SET locked_until = NULL, attempts_reset_at = ? "
                                      "WHERE id = ?"),
                       {toStorage(clock_.nowUtc()), userId});
    if (!q)
        return fail(q.error());
    return {};
}

Status UserDirectory::setActive(qint64 userId, bool active) const {
    auto q = sql::exec(db_.connection(), QStringLiteral("UPDATE users SET active = ? WHERE id = ?"),
                       {active ? 1 : 0, userId});
    if (!q)
        return fail(q.error());
    return {};
}

Status UserDirectory::setPasswordHash(qint64 userId, const QString& hash) const {
    auto q = sql::exec(db_.connection(),
                       QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"),
                       {hash, userId});
    if (!q)
        return fail(q.error());
    return {};
}

} // namespace fd
