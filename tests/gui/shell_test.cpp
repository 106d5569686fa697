// The shell: sign-in and lockout, navigation by role, the idle lock, the status bar.
#include "all_modules.h"
#include "auto_backup.h"
#include "gui_test_support.h"
#include "idle_lock.h"
#include "login_dialog.h"
#include "main_window.h"
#include "message_line.h"
#include "page_registry.h"
#include "pages/core/approvals_page.h"
#include "pages/core/lists_page.h"
#include "query_list_view.h"
#include "session.h"
#include "sign_in.h"
#include "test_services.h"
#include "translations.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QTest>
#include <gtest/gtest.h>

using namespace fd;
using fd::testing::TestServices;

namespace {

void signInWith(gui::LoginDialog& dialog, const QString& login, const QString& password) {
    auto* loginEdit = dialog.findChild<QLineEdit*>(QStringLiteral("login"));
    auto* passwordEdit = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
    loginEdit->clear();
    fd::testing::typeText(loginEdit, login);
    fd::testing::typeText(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
}

} // namespace

TEST(LoginDialog, SignsInWithTheRightPassword) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")}, QStringLiteral("李娜"));
    gui::LoginDialog dialog(ts.services());
    dialog.show();
    signInWith(dialog, QStringLiteral("lina"), TestServices::passwordOf(QStringLiteral("lina")));
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.actor().login, QStringLiteral("lina"));
    EXPECT_EQ(dialog.actor().displayName, QStringLiteral("李娜"));
}

TEST(LoginDialog, ShowsWrongPasswordAndStaysOpen) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")});
    gui::LoginDialog dialog(ts.services());
    dialog.show();
    signInWith(dialog, QStringLiteral("lina"), QStringLiteral("wrong-password"));
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.message(), QStringLiteral("用户名或密码错误。"));
    EXPECT_TRUE(dialog.findChild<QLineEdit*>(QStringLiteral("password"))->text().isEmpty());
}

TEST(LoginDialog, ShowsLockoutWithMinutesLeftAfterRepeatedFailures) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")});
    gui::LoginDialog dialog(ts.services());
    dialog.show();
    for (int i = 0; i < 5; ++i)
        signInWith(dialog, QStringLiteral("lina"), QStringLiteral("wrong-password"));
    ts.clock().advanceSeconds(60);
    // Even the right password is refused while locked; the message names the minutes.
    signInWith(dialog, QStringLiteral("lina"), TestServices::passwordOf(QStringLiteral("lina")));
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("已被锁定")))
        << dialog.message().toStdString();
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("29 分钟")))
        << dialog.message().toStdString();
}

namespace {

QList<gui::MainWindow*> mainWindows() {
    QList<gui::MainWindow*> out;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* window = qobject_cast<gui::MainWindow*>(w))
            out << window;
    return out;
}

} // namespace

TEST(SignIn, TheWindowIsBuiltWhileThePasswordIsCheckedAndNothingRunsBeforeItSucceeds) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")}, QStringLiteral("李娜"));
    QTemporaryDir backups;
    gui::MainWindowOptions options;
    options.backupDirectory = backups.path();
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::SignIn signIn(ts.services(), pages, options);
    gui::LoginDialog dialog(ts.services());
    signIn.attach(dialog);
    dialog.show();

    // A wrong password: the window built during the check is never shown, its day backup
    // never starts, and it goes when the dialog does.
    signInWith(dialog, QStringLiteral("lina"), QStringLiteral("wrong-password"));
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    ASSERT_EQ(mainWindows().size(), 1);
    EXPECT_FALSE(mainWindows().first()->isVisible());
    ASSERT_NE(mainWindows().first()->autoBackup(), nullptr);
    EXPECT_FALSE(mainWindows().first()->autoBackup()->running());
    signIn.discard();
    EXPECT_TRUE(mainWindows().isEmpty());

    // The right one: the person's window, built while it was checked, shown when taken.
    signInWith(dialog, QStringLiteral("lina"), TestServices::passwordOf(QStringLiteral("lina")));
    ASSERT_EQ(dialog.result(), QDialog::Accepted);
    ASSERT_EQ(mainWindows().size(), 1);
    gui::MainWindow* built = mainWindows().first();
    gui::Desk desk = signIn.take(dialog.actor());
    EXPECT_EQ(desk.window.get(), built);
    EXPECT_EQ(desk.session->actor().login, QStringLiteral("lina"));
    EXPECT_FALSE(desk.window->autoBackup()->running());
    EXPECT_EQ(ts.count(QStringLiteral("backup_runs")), 0);
    desk.window->show();
    EXPECT_TRUE(desk.window->autoBackup()->running());
    QSignalSpy finished(desk.window->autoBackup(), &gui::AutoBackup::finished);
    ASSERT_TRUE(!finished.isEmpty() || finished.wait(60000));
}

TEST(MainWindow, EveryPageFitsA1280By800WindowAfterItsLongestMessageInBothLanguages) {
    TestServices ts;
    gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    struct Restore {
        ~Restore() { gui::Translations::install(QStringLiteral("zh_CN")); }
    } restore;
    const QString longest =
        QStringLiteral("借阅申请 #7 已提交，等待办公室主任审批（第1篇 第1.2.1条）：") +
        QStringLiteral("案卷 QT-S9-001 业主大会会议纪要、WS-S1-001 市物业管理条例及实施细则，")
            .repeated(6);
    for (const QString& language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
        SCOPED_TRACE(language.toStdString());
        ASSERT_TRUE(gui::Translations::install(language));
        gui::MainWindow window(session, pages);
        window.resize(1280, 800);
        window.show();
        ASSERT_GE(window.pageIds().size(), 4);
        for (const QString& id : window.pageIds()) {
            SCOPED_TRACE(id.toStdString());
            gui::Page* page = window.showPage(id);
            ASSERT_NE(page, nullptr);
            for (gui::MessageLine* line : page->findChildren<gui::MessageLine*>())
                line->setText(longest);
            QApplication::processEvents();
            EXPECT_LE(window.width(), 1280);
            EXPECT_LE(window.height(), 800);
            EXPECT_LE(window.minimumSizeHint().width(), 1280);
            // A search box keeps room to type in.
            // FD_GUI_TEST_OUTPUT=DIR keeps each page as drawn, to look at.
            if (const QByteArray keep = qgetenv("FD_GUI_TEST_OUTPUT"); !keep.isEmpty())
                window.grab().save(QStringLiteral("%1/page-%2-%3.png")
                                       .arg(QString::fromLocal8Bit(keep), id, language));
            if (auto* search = page->findChild<QLineEdit*>(QStringLiteral("search"))) {
                EXPECT_GE(search->width(), 300) << search->width();
            }
        }
    }
}

TEST(MainWindow, ClerkSeesOnlyPagesTheirRolesCanUse) {
    TestServices ts;
    const Actor clerk = ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")});
    gui::Session session(ts.services(), clerk);
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    window.show();
    const QStringList ids = window.pageIds();
    EXPECT_TRUE(ids.contains(QStringLiteral("dashboard")));
    EXPECT_TRUE(ids.contains(QStringLiteral("lists")));
    // Without approval.decide the approvals page lists only the clerk's own requests: no
    // view of requests waiting for a decision, and no approve or reject.
    auto* approvals =
        qobject_cast<gui::ApprovalsPage*>(window.showPage(QStringLiteral("approvals")));
    ASSERT_NE(approvals, nullptr);
    auto* view = approvals->findChild<QComboBox*>(QStringLiteral("view"));
    ASSERT_EQ(view->count(), 1);
    EXPECT_EQ(view->currentData().toString(), QStringLiteral("requested_by_me"));
    EXPECT_FALSE(approvals->findChild<QPushButton*>(QStringLiteral("approveButton"))
                     ->isVisibleTo(approvals));
    auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    EXPECT_EQ(nav->count(), ids.size());
}

TEST(MainWindow, SupervisorSeesTheApprovalInbox) {
    TestServices ts;
    const Actor sup = ts.addUser(QStringLiteral("wang"), {QStringLiteral("supervisor")});
    gui::Session session(ts.services(), sup);
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    EXPECT_TRUE(window.pageIds().contains(QStringLiteral("approvals")));
    EXPECT_NE(window.showPage(QStringLiteral("approvals")), nullptr);
}

TEST(MainWindow, StatusBarShowsUserRolesDatabaseAndAuditHead) {
    TestServices ts;
    const Actor sup =
        ts.addUser(QStringLiteral("wang"), {QStringLiteral("supervisor")}, QStringLiteral("王芳"));
    gui::Session session(ts.services(), sup);
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    const QString status = window.statusText();
    EXPECT_TRUE(status.contains(QStringLiteral("王芳"))) << status.toStdString();
    EXPECT_TRUE(status.contains(QStringLiteral("客服主管"))) << status.toStdString();
    EXPECT_TRUE(status.contains(ts.path())) << status.toStdString();
    EXPECT_TRUE(status.contains(QStringLiteral("%1:").arg(ts.auditCount())))
        << status.toStdString();
}

TEST(IdleLock, LocksAfterTimeoutAndKeepsFormInputAcrossUnlock) {
    TestServices ts;
    const Actor clerk = ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")});
    gui::Session session(ts.services(), clerk);
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages, {std::chrono::milliseconds(200)});
    window.show();
    auto* lists = qobject_cast<gui::ListsPage*>(window.showPage(QStringLiteral("lists")));
    ASSERT_NE(lists, nullptr);
    fd::testing::typeText(lists->list()->filter(), QStringLiteral("未保存的输入"));

    ASSERT_TRUE(fd::testing::waitUntil([&] { return window.isLocked(); }, 3000));
    EXPECT_FALSE(lists->isVisible()); // hidden behind the lock screen

    auto* password = window.lockScreen()->findChild<QLineEdit*>(QStringLiteral("unlockPassword"));
    fd::testing::typeText(password, QStringLiteral("wrong-password"));
    QTest::keyClick(password, Qt::Key_Return);
    EXPECT_TRUE(window.isLocked());
    EXPECT_EQ(window.lockScreen()->message(), QStringLiteral("用户名或密码错误。"));

    fd::testing::typeText(password, TestServices::passwordOf(QStringLiteral("lina")));
    QTest::mouseClick(window.lockScreen()->findChild<QPushButton*>(QStringLiteral("unlockButton")),
                      Qt::LeftButton);
    EXPECT_FALSE(window.isLocked());
    EXPECT_TRUE(lists->isVisible());
    EXPECT_EQ(lists->list()->filter()->text(), QStringLiteral("未保存的输入"));
}

TEST(IdleLock, InputKeepsTheSessionOpen) {
    TestServices ts;
    const Actor clerk = ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")});
    gui::Session session(ts.services(), clerk);
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages, {std::chrono::milliseconds(400)});
    window.show();
    auto* lists = qobject_cast<gui::ListsPage*>(window.showPage(QStringLiteral("lists")));
    for (int i = 0; i < 8; ++i) { // 8 x 100 ms of typing, longer than the timeout
        QTest::keyClick(lists->list()->filter(), Qt::Key_A);
        QTest::qWait(100);
        EXPECT_FALSE(window.isLocked());
    }
}

TEST(IdleLock, SignOutFromTheLockScreen) {
    TestServices ts;
    const Actor clerk = ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")});
    gui::Session session(ts.services(), clerk);
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    bool signedOut = false;
    QObject::connect(&window, &gui::MainWindow::signOutRequested, &window,
                     [&] { signedOut = true; });
    window.show();
    window.lock();
    QTest::mouseClick(window.lockScreen()->findChild<QPushButton*>(QStringLiteral("signOutButton")),
                      Qt::LeftButton);
    EXPECT_TRUE(signedOut);
}

TEST(IdleLock, TimeoutDefaultsToThePolicyParameter) {
    TestServices ts;
    gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    EXPECT_EQ(window.idleWatcher()->timeout(), std::chrono::minutes(15));
}

TEST(MainWindow, LocksWhenTheAccountIsDisabledAtAnotherDeskAndTheNextActionIsRefused) {
    TestServices ts;
    const Actor sup =
        ts.addUser(QStringLiteral("wang"), {QStringLiteral("supervisor")}, QStringLiteral("王芳"));
    gui::Session session(ts.services(), sup);
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    window.show();
    ASSERT_TRUE(ts.run(QStringLiteral("user.deactivate"), QStringLiteral("admin"),
                       {{QStringLiteral("login"), QStringLiteral("wang")}}));
    // The window still holds the session; its next action meets the database's answer.
    auto r = ts->bus().execute(
        {QStringLiteral("approval.reject"), {{QStringLiteral("id"), 1}}, session.actor(), {}, {}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Auth);
    ASSERT_TRUE(fd::testing::waitUntil([&] { return window.isLocked(); }, 3000));
    EXPECT_TRUE(window.lockScreen()->message().contains(QStringLiteral("已停用")))
        << window.lockScreen()->message().toStdString();
    // The password no longer unlocks it.
    auto* password = window.lockScreen()->findChild<QLineEdit*>(QStringLiteral("unlockPassword"));
    fd::testing::typeText(password, TestServices::passwordOf(QStringLiteral("wang")));
    QTest::keyClick(password, Qt::Key_Return);
    EXPECT_TRUE(window.isLocked());
}

TEST(MainWindow, RolesChangedAtAnotherDeskFollowOnTheStatusRefresh) {
    TestServices ts;
    const Actor clerk = ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")});
    gui::Session session(ts.services(), clerk);
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    ASSERT_TRUE(ts.run(QStringLiteral("user.set_roles"), QStringLiteral("admin"),
                       {{QStringLiteral("login"), QStringLiteral("lina")},
                        {QStringLiteral("roles"), QStringLiteral("cashier")}}));
    window.refreshStatus();
    EXPECT_EQ(session.actor().roles, QStringList{QStringLiteral("cashier")});
    EXPECT_TRUE(window.statusText().contains(QStringLiteral("收费员")));
    EXPECT_FALSE(session.permits(QStringLiteral("handover.open")));
}

TEST(MainWindow, ADemoDatabaseShowsItsBannerAndARealOneDoesNot) {
    {
        TestServices ts;
        gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
        const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
        gui::MainWindow window(session, pages);
        EXPECT_EQ(window.findChild<QLabel*>(QStringLiteral("demoBanner")), nullptr);
    }
    QTemporaryDir dir;
    ServicesOptions o;
    o.databasePath = dir.filePath(QStringLiteral("demo.db"));
    o.clock = std::make_shared<FixedClock>(fd::testing::startTime());
    auto s = fd::openServices(std::move(o));
    ASSERT_TRUE(s);
    auto admin = (*s)->initialise(QStringLiteral("admin"), QStringLiteral("管理员"),
                                  QStringLiteral("admin-pass"), true);
    ASSERT_TRUE(admin);
    auto u = (*s)->users().find(QStringLiteral("admin"));
    ASSERT_TRUE(u);
    gui::Session session(**s, Actor{u->id, u->login, u->displayName, u->roles, u->staffId});
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    auto* banner = window.findChild<QLabel*>(QStringLiteral("demoBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->text().contains(QStringLiteral("演示数据库")))
        << banner->text().toStdString();
}
