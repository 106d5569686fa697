// The desktop's daily backup of a server database: a pg_dump archive made off the window's
// thread with the worker's own server connection, verified and recorded once an office day.
// Needs a server (FD_TEST_PG); without it the test is skipped.
#include "auto_backup.h"
#include "db/sql.h"
#include "server_database.h"
#include "services/services.h"
#include "test_services.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace fd;

TEST(AutoBackupOnServer, MakesTheDaysDumpOnItsOwnThreadAndRecordsItOnce) {
    fd::testing::ServerDatabase server;
    FD_NEEDS_SERVER(server);
    auto clock = std::make_shared<FixedClock>(fd::testing::startTime());
    ServicesOptions o;
    o.databasePath = server.address();
    o.clock = clock;
    auto s = Services::open(std::move(o));
    ASSERT_TRUE(s) << s.error().message.en.toStdString();
    ASSERT_TRUE((*s)->initialise(QStringLiteral("admin"), QStringLiteral("管理员"),
                                 QStringLiteral("admin-pass")));
    const auto backupRuns = [&s] {
        auto n = sql::scalar((*s)->database().connection(),
                             QStringLiteral("SELECT count(*) FROM backup_runs"));
        return n ? n->toLongLong() : -1;
    };

    QTemporaryDir backups;
    gui::AutoBackup autoBackup(**s, backups.path(), QStringLiteral("frontdesk (admin)"));
    QSignalSpy finished(&autoBackup, &gui::AutoBackup::finished);
    ASSERT_TRUE(autoBackup.checkNow());
    EXPECT_TRUE(autoBackup.running());
    ASSERT_TRUE(!finished.isEmpty() || finished.wait(60000));
    ASSERT_EQ(finished.size(), 1);
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(2).toString().toStdString();
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    const QString copy = QDir(backups.path()).filePath(QStringLiteral("frontdesk-2026-03-02.dump"));
    EXPECT_TRUE(QFile::exists(copy));
    EXPECT_TRUE(finished.at(0).at(2).toString().contains(copy))
        << finished.at(0).at(2).toString().toStdString();
    EXPECT_EQ(backupRuns(), 1);

    // Later the same office day the check finds the record and copies nothing.
    clock->advanceSeconds(3 * 3600);
    EXPECT_FALSE(autoBackup.checkNow());
    EXPECT_EQ(QDir(backups.path()).entryList(QDir::Files).size(), 1);
    EXPECT_EQ(backupRuns(), 1);
}
