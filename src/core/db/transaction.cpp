#include "db/transaction.h"

#include "db/database.h"
#include "db/sql.h"
#include "util/log.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fcntl.h>
#include <optional>
#include <sqlite3.h>
#include <thread>
#include <unistd.h>

namespace fd {
namespace {

using Clock = std::chrono::steady_clock; // a wait, not business time
using std::chrono::duration_cast;
using std::chrono::microseconds;
using std::chrono::milliseconds;

std::atomic<int> g_activeStatements{0};
std::atomic<bool> g_strict{false};
thread_local microseconds t_lastWait{0};

bool strictMode() {
    static const bool fromEnvironment = qEnvironmentVariableIntValue("FD_DB_STRICT") == 1;
    return fromEnvironment || g_strict.load();
}

// Statements of this connection that have stepped and are not reset: each holds a read
// snapshot (or an unfinished write) across the BEGIN.
QStringList activeStatements(sqlite3* handle) {
    QStringList out;
    for (sqlite3_stmt* s = sqlite3_next_stmt(handle, nullptr); s != nullptr;
         s = sqlite3_next_stmt(handle, s))
        if (sqlite3_stmt_busy(s) != 0)
            out << QString::fromUtf8(sqlite3_sql(s));
    return out;
}

Status checkNoActiveStatements(const QSqlDatabase& db) {
    sqlite3* handle = Database::sqliteHandle(db);
    if (handle == nullptr)
        return {};
    const QStringList active = activeStatements(handle);
    if (active.isEmpty())
        return {};
    g_activeStatements += static_cast<int>(active.size());
    for (const QString& sql : active)
        log::get("fd.db")->warn("write transaction begins while a statement is still active "
                                "(its read snapshot makes SQLite refuse the write lock): {}",
                                sql);
    if (strictMode())
        return fail(Error::internal(
            QStringLiteral("a write transaction began while a statement was still active: %1")
                .arg(active.join(QStringLiteral(" | ")))));
    return {};
}

bool isBusy(const QSqlError& e) {
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok && ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED);
}

milliseconds busyTimeout(const QSqlDatabase& db) {
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next())
        return milliseconds(q.value(0).toLongLong());
    return milliseconds(0);
}

// FD_LOCK_WAIT_LOG=FILE: one line per write transaction, the microseconds spent obtaining
// the write lock (for the concurrency benchmark; O_APPEND keeps lines whole across processes).
void reportWait(microseconds waited) {
    t_lastWait = waited;
    static const QByteArray path = qgetenv("FD_LOCK_WAIT_LOG");
    if (path.isEmpty())
        return;
    const int fd = ::open(path.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    const QByteArray line = QByteArray::number(static_cast<qlonglong>(waited.count())) + '\n';
    (void)!::write(fd, line.constData(), static_cast<size_t>(line.size()));
    ::close(fd);
}

} // namespace

WriteTransaction::WriteTransaction(QSqlDatabase db) : db_(std::move(db)), active_(true) {}

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : db_(std::move(other.db_)), active_(other.active_) {
    other.active_ = false;
}

Result<WriteTransaction> WriteTransaction::begin(const QSqlDatabase& db, Dialect dialect) {
    const bool sqlite = dialect == Dialect::SQLite;
    if (sqlite)
        if (auto ok = checkNoActiveStatements(db); !ok)
            return fail(ok.error());
    const auto started = Clock::now();
    std::optional<milliseconds> budget;
    int retries = 0;
    for (;;) {
        QSqlQuery q(db);
        if (q.exec(DialectSql::beginWrite(dialect))) {
            if (const QString lock = DialectSql::writeLock(dialect); !lock.isEmpty()) {
                QSqlQuery locked(db);
                if (!locked.exec(lock)) {
                    Error e = sql::errorFrom(locked, QStringLiteral("write lock"));
                    QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                    return fail(e);
                }
            }
            const auto waited = duration_cast<microseconds>(Clock::now() - started);
            reportWait(waited);
            if (retries > 0)
                log::get("fd.db")->debug("write lock obtained after {} retries, {} ms", retries,
                                         waited.count() / 1000);
            return WriteTransaction(db);
        }
        if (!sqlite || !isBusy(q.lastError()))
            return fail(sql::errorFrom(q, QStringLiteral("begin transaction")));
        if (!budget)
            budget = busyTimeout(db);
        const auto waited = Clock::now() - started;
        if (waited >= *budget) {
            reportWait(duration_cast<microseconds>(waited));
            log::get("fd.db")->warn("write lock not obtained within the busy timeout ({} ms, {} "
                                    "retries)",
                                    budget->count(), retries);
            return fail(sql::errorFrom(q, QStringLiteral("begin transaction")));
        }
        // Short jittered backoff (1 ms up to 2^n ms, at most 25 ms) so writers that collided
        // do not retry in step; never past the timeout.
        ++retries;
        const int cap = std::min(25, 1 << std::min(retries, 5));
        const auto pause = std::min<Clock::duration>(
            milliseconds(1 + QRandomGenerator::global()->bounded(cap)), *budget - waited);
        std::this_thread::sleep_for(pause);
    }
}

int WriteTransaction::activeStatementsSeen() {
    return g_activeStatements.load();
}

void WriteTransaction::setStrict(bool strict) {
    g_strict = strict;
}

std::chrono::microseconds WriteTransaction::lastLockWait() {
    return t_lastWait;
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
