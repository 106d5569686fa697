// An approval reads as the form it approves, in words; the approver signs that text; the
// requester sees the request in its list and hears of the decision (R6-4, R3-3.2).
#include "auth/signature_book.h"
#include "db/sql.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "output/table_text.h"
#include "page_registry.h"
#include "pages/core/approvals_page.h"
#include "pages/core/dashboard_page.h"
#include "pages/handover/front_desk_tab.h"
#include "pages/handover/handover_page.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "session.h"
#include "test_services.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest/QTest>
#include <gtest/gtest.h>
#include <thread>

using namespace fd;
using fd::testing::TestServices;

namespace {

// A clerk asks to forward drawings to a resident; a supervisor decides.
struct CustodyFixture {
    TestServices ts;
    qint64 residentId = 0;
    qint64 approvalId = 0;
    CustodyFixture() {
        ts.addUser(QStringLiteral("wangfang"), {QStringLiteral("clerk")}, QStringLiteral("王芳"));
        ts.addUser(QStringLiteral("zhouhong"), {QStringLiteral("supervisor")},
                   QStringLiteral("周红"));
        ts.run(QStringLiteral("resident.create_building"), QStringLiteral("admin"),
               {{QStringLiteral("code"), QStringLiteral("3")},
                {QStringLiteral("name"), QStringLiteral("3号楼")}});
        ts.run(QStringLiteral("resident.create_room"), QStringLiteral("admin"),
               {{QStringLiteral("building_code"), QStringLiteral("3")},
                {QStringLiteral("unit"), QStringLiteral("2")},
                {QStringLiteral("number"), QStringLiteral("1502")}});
        auto resident = ts.run(QStringLiteral("resident.register"), QStringLiteral("admin"),
                               {{QStringLiteral("room_code"), QStringLiteral("3-2-1502")},
                                {QStringLiteral("kind"), QStringLiteral("owner")},
                                {QStringLiteral("name"), QStringLiteral("张建国")}});
        EXPECT_TRUE(resident) << resident.error().message.en.toStdString();
        residentId = resident ? resident->entityId.toLongLong() : 0;
        approvalId = request(QStringLiteral("装修图纸一份"));
    }
    qint64 request(const QString& item) {
        auto r = ts.run(QStringLiteral("custody.request"), QStringLiteral("wangfang"),
                        {{QStringLiteral("kind"), QStringLiteral("forwarding")},
                         {QStringLiteral("item"), item},
                         {QStringLiteral("depositor"), QStringLiteral("设计公司 吴工")},
                         {QStringLiteral("recipient"), QStringLiteral("张建国")},
                         {QStringLiteral("unit"), QStringLiteral("3-2-1502")},
                         {QStringLiteral("resident_id"), residentId}});
        EXPECT_TRUE(r) << r.error().message.en.toStdString();
        return r ? r->approvalId : 0;
    }
    QStringList formLines(const QString& login, bool chinese) {
        auto r = ts->query(QStringLiteral("approval"), {{QStringLiteral("id"), approvalId}},
                           ts.actor(login));
        EXPECT_TRUE(r) << r.error().message.en.toStdString();
        QStringList lines;
        if (r)
            for (const QStringList& row : TableSnapshot::of(*r, chinese).rows)
                lines << row.join(chinese ? QStringLiteral("：") : QStringLiteral(": "));
        return lines;
    }
};

// Codes a reader must never meet in an approval.
void expectNoCodes(const QString& text) {
    for (const char* code : {"custody.request", "forwarding", "supervisor", "cs_manager", "pending",
                             "resident_id", "{", "R6-4", "T0"})
        EXPECT_FALSE(text.contains(QString::fromUtf8(code))) << code << "\n" << text.toStdString();
}

} // namespace

TEST(ApprovalForm, ACustodyRequestReadsAsItsFormWithWordsNamesOfficeTimeAndTheClause) {
    CustodyFixture f;
    const QStringList zh = f.formLines(QStringLiteral("zhouhong"), true);
    const QString text = zh.join(QLatin1Char('\n'));
    EXPECT_EQ(zh.value(0), QStringLiteral("申请：物品寄存/转交（申请 #%1）").arg(f.approvalId));
    EXPECT_TRUE(zh.contains(QStringLiteral("类别：转交"))) << text.toStdString();
    EXPECT_TRUE(zh.contains(QStringLiteral("物品：装修图纸一份"))) << text.toStdString();
    EXPECT_TRUE(zh.contains(QStringLiteral("住户：张建国 3-2-1502"))) << text.toStdString();
    // Office time (the test clock stands at 09:00 in the office), not a UTC timestamp.
    EXPECT_TRUE(zh.contains(QStringLiteral("申请人：王芳，2026-03-02 09:00")))
        << text.toStdString();
    EXPECT_TRUE(zh.contains(
        QStringLiteral("为何需要审批：代存、转交物品须经主管或部门经理批准（第6篇 第4条）")))
        << text.toStdString();
    EXPECT_TRUE(zh.contains(QStringLiteral("审批人：客服主管或客服部经理"))) << text.toStdString();
    EXPECT_TRUE(zh.contains(QStringLiteral("状态：待批准"))) << text.toStdString();
    expectNoCodes(text);

    const QString en = f.formLines(QStringLiteral("zhouhong"), false).join(QLatin1Char('\n'));
    EXPECT_TRUE(en.contains(QStringLiteral("Kind: Forwarding"))) << en.toStdString();
    EXPECT_TRUE(en.contains(QStringLiteral("(Part 6, clause 4)"))) << en.toStdString();
    EXPECT_TRUE(en.contains(QStringLiteral("Approved by: Supervisor or CS manager")) ||
                en.contains(QStringLiteral("Approved by: ")))
        << en.toStdString();
}

TEST(ApprovalForm, ARequestIsReadOnlyByItsRequesterAndThoseWhoMayDecideIt) {
    CustodyFixture f;
    f.ts.addUser(QStringLiteral("keeper"), {QStringLiteral("archivist")}, QStringLiteral("档案员"));
    EXPECT_TRUE(f.ts->query(QStringLiteral("approval"), {{QStringLiteral("id"), f.approvalId}},
                            f.ts.actor(QStringLiteral("wangfang"))));
    auto other = f.ts->query(QStringLiteral("approval"), {{QStringLiteral("id"), f.approvalId}},
                             f.ts.actor(QStringLiteral("keeper")));
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().field, QStringLiteral("id"));
}

TEST(ApprovalForm, TheDecisionSignatureCoversTheFormAsShownAndStaysValid) {
    CustodyFixture f;
    auto done = f.ts.run(
        QStringLiteral("approval.approve"), QStringLiteral("zhouhong"),
        {{QStringLiteral("id"), f.approvalId}, {QStringLiteral("note"), QStringLiteral("同意")}},
        {f.ts.sign(QStringLiteral("approver"), QStringLiteral("zhouhong"))});
    ASSERT_TRUE(done) << done.error().message.en.toStdString();
    const QSqlDatabase db = f.ts->database().connection();
    auto form = loadApprovalForm(f.ts.services(), db, f.approvalId);
    ASSERT_TRUE(form);
    auto sigs =
        f.ts->signatures().forRecord(db, QStringLiteral("approval"), QString::number(f.approvalId));
    ASSERT_TRUE(sigs);
    ASSERT_EQ(sigs->size(), 1);
    EXPECT_EQ(sigs->first().contentHash, SignatureBook::hashContent(form->canonical()));
    EXPECT_TRUE(sigs->first().valid);
    // The canonical form is what the approver read, in both languages, with the decision.
    const QString canonical = QString::fromUtf8(form->canonical());
    EXPECT_TRUE(canonical.contains(QStringLiteral("装修图纸一份")));
    EXPECT_TRUE(canonical.contains(QStringLiteral("已批准")));
    EXPECT_TRUE(canonical.contains(QStringLiteral("同意")));
    // A later rename of the resident does not change what was signed: the form was stored
    // as the request was made.
    ASSERT_TRUE(sql::exec(db, QStringLiteral("UPDATE residents SET name = '张某' WHERE id = ?"),
                          {f.residentId}));
    auto again =
        f.ts->signatures().forRecord(db, QStringLiteral("approval"), QString::number(f.approvalId));
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->first().valid);
}

TEST(ApprovalsPage, TheSupervisorReadsTheFormAndSignsTheSameTextWithOnlyThePassword) {
    CustodyFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("zhouhong")));
    gui::ApprovalsPage page(session);
    page.resize(1100, 700);
    page.show();
    QAbstractItemModelTester tester(page.list()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(page.list()->selectWhere(QStringLiteral("id"), QString::number(f.approvalId)));
    const QString shown = page.formText();
    EXPECT_TRUE(shown.contains(QStringLiteral("物品：装修图纸一份"))) << shown.toStdString();
    expectNoCodes(shown);
    // The list reads in words too: the request's title, its approvers and its status.
    const QTableView* table = page.list()->table();
    QStringList cells;
    for (int c = 0; c < table->model()->columnCount(); ++c)
        cells << table->model()->index(0, c).data().toString();
    EXPECT_TRUE(cells.contains(QStringLiteral("物品寄存/转交")))
        << cells.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(cells.contains(QStringLiteral("待批准")))
        << cells.join(QLatin1Char('|')).toStdString();
    expectNoCodes(cells.join(QLatin1Char('|')));

    fd::testing::typeText(page.findChild<QLineEdit*>(QStringLiteral("note")),
                          QStringLiteral("同意转交"));
    QString signedText;
    QString login;
    fd::testing::onNextModal([&](QWidget* dialog) {
        signedText = dialog->findChild<QPlainTextEdit*>(QStringLiteral("summary"))->toPlainText();
        login = dialog->findChild<QLineEdit*>(QStringLiteral("login0"))->text();
        fd::testing::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("password0")),
                              TestServices::passwordOf(QStringLiteral("zhouhong")));
        qobject_cast<QDialog*>(dialog)->accept();
    });
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("approveButton")),
                      Qt::LeftButton);
    EXPECT_EQ(login, QStringLiteral("zhouhong"));
    EXPECT_TRUE(signedText.startsWith(shown)) << signedText.toStdString();
    EXPECT_TRUE(signedText.contains(QStringLiteral("决定：批准"))) << signedText.toStdString();
    EXPECT_TRUE(signedText.contains(QStringLiteral("意见：同意转交"))) << signedText.toStdString();
    EXPECT_EQ(page.list()->model()->rowCount(), 0); // decided: no longer waiting
}

TEST(CustodyList, AWaitingRequestShowsAsWaitingWithItsRequestNumberAndTheRequestTime) {
    CustodyFixture f;
    // One request approved an hour later (its item registered when asked), one waiting.
    const qint64 second = f.request(QStringLiteral("雨伞一把"));
    f.ts.clock().advanceSeconds(3600);
    auto approved = f.ts.run(QStringLiteral("approval.approve"), QStringLiteral("zhouhong"),
                             {{QStringLiteral("id"), f.approvalId}},
                             {f.ts.sign(QStringLiteral("approver"), QStringLiteral("zhouhong"))});
    ASSERT_TRUE(approved);
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("wangfang")));
    gui::HandoverPage page(session);
    page.show();
    gui::QueryListView* list = page.frontDeskTab()->custodyList();
    const gui::QueryTableModel* m = list->model();
    ASSERT_EQ(m->rowCount(), 2);
    const QAbstractItemModel* shown = list->table()->model();
    auto text = [&](int row, const QString& key) {
        return shown->index(row, m->columnOf(key)).data().toString();
    };
    // The waiting request first: 待批准 under its request number, no item number yet.
    EXPECT_EQ(text(0, QStringLiteral("status")), QStringLiteral("待批准"));
    EXPECT_EQ(text(0, QStringLiteral("request")), QString::number(second));
    EXPECT_EQ(text(0, QStringLiteral("id")), QString());
    EXPECT_EQ(text(0, QStringLiteral("item")), QStringLiteral("雨伞一把"));
    // The approved item: its own number beside its request's; registered when it was asked
    // for (09:00), not when it was approved (10:00).
    EXPECT_EQ(text(1, QStringLiteral("status")), QStringLiteral("存放中"));
    EXPECT_EQ(text(1, QStringLiteral("request")), QString::number(f.approvalId));
    EXPECT_NE(text(1, QStringLiteral("id")), QString());
    EXPECT_EQ(text(1, QStringLiteral("received_at")), QStringLiteral("2026-03-02 09:00"));
    EXPECT_EQ(text(1, QStringLiteral("approved_by")), QStringLiteral("周红"));
}

TEST(MainWindow, TheRequesterHearsOfTheDecisionOnTheDashboardAndInTheStatusBar) {
    CustodyFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("wangfang")));
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    window.show();
    EXPECT_EQ(window.noticeDecisions(), QString()); // nothing decided yet
    f.ts.clock().advanceSeconds(20 * 60);
    // Decided at another desk.
    auto rejected = f.ts.run(QStringLiteral("approval.reject"), QStringLiteral("zhouhong"),
                             {{QStringLiteral("id"), f.approvalId},
                              {QStringLiteral("note"), QStringLiteral("请住户本人来取")}},
                             {f.ts.sign(QStringLiteral("approver"), QStringLiteral("zhouhong"))});
    ASSERT_TRUE(rejected);
    const QString line = window.noticeDecisions();
    EXPECT_EQ(line,
              QStringLiteral("你的申请已驳回：#%1 物品寄存/转交（周红）——意见：请住户本人来取")
                  .arg(f.approvalId));
    EXPECT_EQ(window.statusBar()->currentMessage(), line);
    EXPECT_EQ(window.noticeDecisions(), QString()); // told once
    auto* dashboard = qobject_cast<gui::DashboardPage*>(window.page(QStringLiteral("dashboard")));
    ASSERT_NE(dashboard, nullptr);
    dashboard->refresh();
    QStringList entries;
    for (int g = 0; g < dashboard->tree()->topLevelItemCount(); ++g)
        for (int i = 0; i < dashboard->tree()->topLevelItem(g)->childCount(); ++i)
            entries << dashboard->tree()->topLevelItem(g)->child(i)->text(0);
    EXPECT_TRUE(entries.contains(line)) << entries.join(QLatin1Char('\n')).toStdString();
    // Opening it shows the request, with its decision, among my requests.
    ASSERT_TRUE(window.openRecord(QStringLiteral("approvals"), QStringLiteral("approval"),
                                  QString::number(f.approvalId)));
    auto* inbox = qobject_cast<gui::ApprovalsPage*>(window.page(QStringLiteral("approvals")));
    ASSERT_NE(inbox, nullptr);
    EXPECT_TRUE(inbox->formText().contains(QStringLiteral("状态：已驳回")))
        << inbox->formText().toStdString();
    EXPECT_TRUE(inbox->formText().contains(QStringLiteral("意见：请住户本人来取")));
}

TEST(MainWindow, TheApprovalsCountFollowsEveryDecision) {
    CustodyFixture f;
    f.request(QStringLiteral("钥匙一串"));
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("zhouhong")));
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    window.show();
    auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    const int row = window.pageIds().indexOf(QStringLiteral("approvals"));
    ASSERT_GE(row, 0);
    EXPECT_TRUE(nav->item(row)->text().endsWith(QStringLiteral("(2)")))
        << nav->item(row)->text().toStdString();
    auto done = f.ts.run(QStringLiteral("approval.approve"), QStringLiteral("zhouhong"),
                         {{QStringLiteral("id"), f.approvalId}},
                         {f.ts.sign(QStringLiteral("approver"), QStringLiteral("zhouhong"))});
    ASSERT_TRUE(done);
    session.notifyChanged(QStringLiteral("approval"));
    EXPECT_TRUE(nav->item(row)->text().endsWith(QStringLiteral("(1)")))
        << nav->item(row)->text().toStdString();
}

TEST(MainWindow, CtrlFSearchesCtrlNStartsANewRecordAndF5Refreshes) {
    TestServices ts;
    gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    window.show();
    QApplication::setActiveWindow(&window);
    ASSERT_NE(window.showPage(QStringLiteral("archives")), nullptr);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    ASSERT_NE(QApplication::focusWidget(), nullptr);
    EXPECT_EQ(QApplication::focusWidget()->objectName(), QStringLiteral("search"));
    // Ctrl+N on the archives opens the loan request.
    bool opened = false;
    fd::testing::onNextModal([&](QWidget* dialog) {
        opened = true;
        qobject_cast<QDialog*>(dialog)->reject();
    });
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    EXPECT_TRUE(opened);
    // F5 reads the approvals list again: a request made at another desk appears.
    ASSERT_NE(window.showPage(QStringLiteral("approvals")), nullptr);
    auto* inbox = qobject_cast<gui::ApprovalsPage*>(window.page(QStringLiteral("approvals")));
    inbox->showWaitingForMe(false);
    const int before = inbox->list()->model()->rowCount();
    auto asked = ts.run(QStringLiteral("custody.request"), QStringLiteral("admin"),
                        {{QStringLiteral("kind"), QStringLiteral("custody")},
                         {QStringLiteral("item"), QStringLiteral("雨伞")},
                         {QStringLiteral("depositor"), QStringLiteral("住户")},
                         {QStringLiteral("recipient"), QStringLiteral("住户")}});
    ASSERT_TRUE(asked) << asked.error().message.en.toStdString();
    ASSERT_GT(asked->approvalId, 0);
    QApplication::setActiveWindow(&window); // back from the loan dialog
    QTest::keyClick(&window, Qt::Key_F5);
    EXPECT_EQ(inbox->list()->model()->rowCount(), before + 1);
}

// Other desks see changes: a decision committed on another connection (a desk of its own)
// reaches the requester's open window within two seconds, without F5: the navigation count,
// the notice in the status bar and the page in front are read again.
TEST(MainWindow, ADecisionAtAnotherDeskReachesTheRequestersOpenWindowWithinTwoSeconds) {
    CustodyFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("wangfang")));
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    window.show();
    window.showPage(QStringLiteral("approvals"));
    QSignalSpy shown(&window, &gui::MainWindow::otherDesksChangeShown);
    f.ts.clock().advanceSeconds(5 * 60);
    Result<ActionResult> approved = fail(Error::internal(QStringLiteral("not run")));
    std::thread supervisorDesk([&] {
        approved = f.ts.run(QStringLiteral("approval.approve"), QStringLiteral("zhouhong"),
                            {{QStringLiteral("id"), f.approvalId}},
                            {f.ts.sign(QStringLiteral("approver"), QStringLiteral("zhouhong"))});
        f.ts.services().database().closeThreadConnection();
    });
    supervisorDesk.join();
    ASSERT_TRUE(approved) << approved.error().message.en.toStdString();
    ASSERT_TRUE(shown.wait(2000));
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(
        QStringLiteral("你的申请已批准：#%1").arg(f.approvalId)))
        << window.statusBar()->currentMessage().toStdString();
    auto* inbox = qobject_cast<gui::ApprovalsPage*>(window.page(QStringLiteral("approvals")));
    ASSERT_NE(inbox, nullptr);
    EXPECT_EQ(window.serverStatusText(), QString()); // a file: no server to lose
}
