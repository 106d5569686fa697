// WriteTransaction::begin and statements left active on the connection: each one is named
// and counted, and strict mode refuses to begin (its old snapshot would make SQLite refuse
// the write lock at once once another process has committed).
#include "db/sql.h"
#include "db/transaction.h"
#include "test_services.h"

#include <gtest/gtest.h>

using namespace fd;
using fd::testing::TestServices;

TEST(WriteLock, StrictModeRefusesToBeginWhileAQueryOnTheConnectionIsStillActive) {
    TestServices ts;
    ts.addUser(QStringLiteral("wangfang"), {QStringLiteral("clerk")});
    const QSqlDatabase db = ts->database().connection();
    const int before = WriteTransaction::activeStatementsSeen();
    auto q = sql::exec(db, QStringLiteral("SELECT login FROM users ORDER BY id"));
    ASSERT_TRUE(q);
    ASSERT_TRUE(q->next()); // a row read, more to come: the statement stays active

    WriteTransaction::setStrict(true);
    auto refused = WriteTransaction::begin(db, ts->database().dialect());
    WriteTransaction::setStrict(false);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Internal);
    EXPECT_TRUE(refused.error().message.en.contains(QStringLiteral("SELECT login FROM users")))
        << refused.error().message.en.toStdString();
    EXPECT_EQ(WriteTransaction::activeStatementsSeen(), before + 1);

    q->finish();
    auto begun = WriteTransaction::begin(db, ts->database().dialect());
    ASSERT_TRUE(begun) << begun.error().message.en.toStdString();
    EXPECT_EQ(WriteTransaction::activeStatementsSeen(), before + 1);
}

TEST(WriteLock, GivesUpWithLockedOnlyAfterTheBusyTimeoutWhenAnotherConnectionKeepsTheLock) {
    TestServices ts;
    DatabaseOptions shortWait;
    shortWait.busyTimeoutMs = 300;
    auto holder = Database::openSqlite(ts.path());
    auto waiter = Database::openSqlite(ts.path(), shortWait);
    ASSERT_TRUE(holder && waiter);
    auto held = WriteTransaction::begin((*holder)->connection(), Dialect::SQLite);
    ASSERT_TRUE(held);

    auto late = WriteTransaction::begin((*waiter)->connection(), Dialect::SQLite);
    ASSERT_FALSE(late);
    EXPECT_TRUE(late.error().message.en.contains(QStringLiteral("locked")))
        << late.error().message.en.toStdString();
    EXPECT_GE(WriteTransaction::lastLockWait().count(), 300 * 1000);
    EXPECT_LT(WriteTransaction::lastLockWait().count(), 5000 * 1000);
}
