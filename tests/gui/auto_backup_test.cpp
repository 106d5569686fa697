// The daily backup of the desktop program: made off the window's thread at start, then on
// the timer's check when the office day changes.
#include "audit/audit_log.h"
#include "auto_backup.h"
#include "main_window.h"
#include "page_registry.h"
#include "pages/core/dashboard_page.h"
#include "session.h"
#include "test_services.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace fd;
using fd::testing::TestServices;

TEST(AutoBackup, TheWindowsStartMakesTheDaysBackupWithoutBlockingAndTheTimerTheNextDays) {
    TestServices ts;
    QTemporaryDir backups;
    gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindowOptions options;
    options.backupDirectory = backups.path();
    gui::MainWindow window(session, pages, options);
    ASSERT_NE(window.autoBackup(), nullptr);
    QSignalSpy finished(window.autoBackup(), &gui::AutoBackup::finished);
    // The copy starts when the window is first shown, and runs on its own thread with its
    // own connection while the window works.
    EXPECT_FALSE(window.autoBackup()->running());
    window.show();
    EXPECT_TRUE(window.autoBackup()->running());
    auto* dashboard = qobject_cast<gui::DashboardPage*>(window.page(QStringLiteral("dashboard")));
    ASSERT_NE(dashboard, nullptr);
    const int warnedItems = dashboard->itemCount(); // the "no verified backup" warning among them
    EXPECT_GE(warnedItems, 1);

    ASSERT_TRUE(!finished.isEmpty() || finished.wait(60000));
    EXPECT_FALSE(window.autoBackup()->running());
    ASSERT_EQ(finished.size(), 1);
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(2).toString().toStdString();
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    const QString copy = QDir(backups.path()).filePath(QStringLiteral("frontdesk-2026-03-02.db"));
    EXPECT_TRUE(QFile::exists(copy));
    EXPECT_EQ(ts.count(QStringLiteral("backup_runs")), 1);
    auto chain = AuditLog::verify(ts.services().database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
    auto* status = window.findChild<QLabel*>(QStringLiteral("backupStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().contains(QStringLiteral("frontdesk-2026-03-02.db")))
        << status->text().toStdString();
    EXPECT_EQ(dashboard->itemCount(), warnedItems - 1); // the warning is gone

    // Later the same day the timer's check finds the record and copies nothing.
    ts.clock().advanceSeconds(3 * 3600);
    EXPECT_FALSE(window.autoBackup()->checkNow());
    // The next office day it makes that day's copy.
    ts.clock().advanceSeconds(21 * 3600);
    ASSERT_TRUE(window.autoBackup()->checkNow());
    ASSERT_TRUE(finished.size() == 2 || finished.wait(60000));
    EXPECT_TRUE(finished.at(1).at(1).toBool()) << finished.at(1).at(2).toString().toStdString();
    EXPECT_TRUE(
        QFile::exists(QDir(backups.path()).filePath(QStringLiteral("frontdesk-2026-03-03.db"))));
    EXPECT_EQ(ts.count(QStringLiteral("backup_runs")), 2);
}

TEST(AutoBackup, WithoutABackupFolderTheWindowMakesNoCopy) {
    TestServices ts;
    gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    EXPECT_EQ(window.autoBackup(), nullptr);
    EXPECT_EQ(ts.count(QStringLiteral("backup_runs")), 0);
}
