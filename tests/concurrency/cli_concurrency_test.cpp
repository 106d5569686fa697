// Several frontdeskctl processes writing one database file at once: every action waits for
// the write lock and succeeds (WriteTransaction::begin), and the audit chain stays whole.
#include "audit/audit_log.h"
#include "db/database.h"
#include "db/sql.h"
#include "writer_loop.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace fd;
using namespace fd::testing;

namespace {

const QString kAdminPass = QStringLiteral("admin-pass");
const QString kClerkPass = QStringLiteral("clerk-pass");

// Processes events until every loop is done or `ms` have passed.
bool waitForLoops(const std::vector<std::unique_ptr<WriterLoop>>& loops, int ms) {
    QDeadlineTimer deadline(ms);
    auto allDone = [&] {
        for (const auto& l : loops)
            if (!l->done())
                return false;
        return true;
    };
    while (!allDone()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

} // namespace

TEST(Concurrency, FourProcessesLogOneHundredCallsWithoutAFailure) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("frontdesk.db"));
    const QString data = dir.filePath(QStringLiteral("data"));
    QString out;
    ASSERT_EQ(runToEnd({QStringLiteral("--db"), db, QStringLiteral("init"),
                        QStringLiteral("--admin"), QStringLiteral("admin")},
                       {kAdminPass}, data, &out),
              0)
        << out.toStdString();
    ASSERT_EQ(runToEnd({QStringLiteral("--db"), db, QStringLiteral("user"), QStringLiteral("add"),
                        QStringLiteral("clerk"), QStringLiteral("--name"), QStringLiteral("王芳"),
                        QStringLiteral("--role"), QStringLiteral("clerk"), QStringLiteral("--as"),
                        QStringLiteral("admin")},
                       {kAdminPass, kClerkPass}, data, &out),
              0)
        << out.toStdString();

    std::vector<std::unique_ptr<WriterLoop>> loops;
    for (int i = 0; i < 4; ++i)
        loops.push_back(
            std::make_unique<WriterLoop>(WriterLoop::Options{db,
                                                             data,
                                                             QStringLiteral("clerk"),
                                                             kClerkPass,
                                                             25,
                                                             QStringLiteral("w%1").arg(i + 1),
                                                             {}}));
    for (auto& l : loops)
        l->start(); // four processes at once
    ASSERT_TRUE(waitForLoops(loops, 120000)) << "the writers did not finish in time";

    QStringList errors;
    int failed = 0;
    for (const auto& l : loops) {
        failed += l->failed();
        errors += l->errors();
    }
    EXPECT_EQ(failed, 0) << errors.join(QLatin1Char('\n')).toStdString();

    auto database = Database::openSqlite(db);
    ASSERT_TRUE(database);
    auto calls =
        sql::scalar((*database)->connection(), QStringLiteral("SELECT count(*) FROM phone_calls"));
    ASSERT_TRUE(calls);
    EXPECT_EQ(calls->toInt(), 100);
    auto chain = AuditLog::verify(**database, std::nullopt);
    ASSERT_TRUE(chain) << chain.error().message.en.toStdString();
    EXPECT_TRUE(chain->ok) << chain->problem.toStdString();
    // init, user.add and one row per call
    EXPECT_EQ(chain->rows, 102);
}
