#pragma once

#include "db/dialect.h"
#include "util/error.h"

#include <QSqlDatabase>
#include <chrono>

namespace fd {

// A write transaction begun with BEGIN IMMEDIATE; rolls back unless committed.
//
// How a writer waits (SQLite): before BEGIN IMMEDIATE, begin() looks for statements still
// active on the connection. Such a statement keeps an old read snapshot open, and SQLite
// then refuses the write lock at once (SQLITE_BUSY_SNAPSHOT) without waiting for the busy
// timeout; each one is logged (fd.db, naming its SQL) and counted, and in strict mode
// begin() refuses. If BEGIN IMMEDIATE still answers "busy" or "locked", begin() retries
// with a short jittered backoff until the connection's busy timeout has elapsed: a busy
// database waits, then succeeds.
class WriteTransaction final {
public:
    static Result<WriteTransaction> begin(const QSqlDatabase& db, Dialect dialect);
    WriteTransaction(WriteTransaction&& other) noexcept;
    WriteTransaction& operator=(WriteTransaction&&) = delete;
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction();

    Status commit();
    void rollback();
    [[nodiscard]] bool active() const { return active_; }

    // Statements found still active when a write transaction began, in this process.
    [[nodiscard]] static int activeStatementsSeen();
    // Strict: begin() fails (an internal error naming the SQL) instead of only logging such
    // a statement. Also on when the environment has FD_DB_STRICT=1 (for child processes).
    static void setStrict(bool strict);
    // The time the last begin() of this thread spent obtaining the write lock.
    [[nodiscard]] static std::chrono::microseconds lastLockWait();

private:
    explicit WriteTransaction(QSqlDatabase db);
    QSqlDatabase db_;
    bool active_ = false;
};

} // namespace fd
