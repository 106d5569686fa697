// The approval inbox: approve through the sign dialog; the requester cannot approve.
#include "gui_test_support.h"
#include "main_window.h"
#include "notes_module.h"
#include "page_registry.h"
#include "pages/core/approvals_page.h"
#include "pages/core/dashboard_page.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "session.h"
#include "test_services.h"

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest/QTest>
#include <gtest/gtest.h>

using namespace fd;
using fd::testing::TestServices;

namespace {

struct ApprovalFixture {
    QTemporaryDir policyDir;
    std::unique_ptr<TestServices> ts;
    qint64 approvalId = 0;

    ApprovalFixture() {
        ts = std::make_unique<TestServices>(std::vector<Module>{fd::testing::notesModule()}, true,
                                            fd::testing::writeNotesPolicy(policyDir.path()));
        ts->addUser(QStringLiteral("lina"), {QStringLiteral("clerk")}, QStringLiteral("李娜"));
        ts->addUser(QStringLiteral("wang"), {QStringLiteral("supervisor")}, QStringLiteral("王芳"));
        auto note = ts->run(QStringLiteral("note.add"), QStringLiteral("lina"),
                            {{QStringLiteral("text"), QStringLiteral("通知")}});
        auto pending = ts->run(QStringLiteral("note.publish"), QStringLiteral("lina"),
                               {{QStringLiteral("id"), note->entityId}});
        approvalId = pending->approvalId;
    }

    QString approvalStatus() const {
        auto r = ts->services().query(QStringLiteral("approvals"),
                                      {{QStringLiteral("status"), QStringLiteral("approved")}},
                                      ts->actor(QStringLiteral("admin")));
        return r && !r->rows.isEmpty() ? QStringLiteral("approved") : QStringLiteral("pending");
    }
};

void signInDialog(QWidget* dialog, const QString& login, const QString& password) {
    auto* loginEdit = dialog->findChild<QLineEdit*>(QStringLiteral("login0"));
    loginEdit->clear();
    fd::testing::typeText(loginEdit, login);
    fd::testing::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("password0")), password);
    qobject_cast<QDialog*>(dialog)->accept();
}

} // namespace

TEST(ApprovalInbox, DashboardEntryOpensTheRequestInTheInbox) {
    ApprovalFixture f;
    gui::Session session(f.ts->services(), f.ts->actor(QStringLiteral("wang")));
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    window.show();
    auto* dashboard = qobject_cast<gui::DashboardPage*>(window.page(QStringLiteral("dashboard")));
    ASSERT_NE(dashboard, nullptr);
    // The request is in the inbox's source and the notes' own: shown and counted once; no
    // category without an item is listed. (The office keeps no emergency key sets yet, which
    // the keys area flags per category, R3-4.5.5: those entries are not the request's.)
    QList<QTreeWidgetItem*> entries;
    for (int g = 0; g < dashboard->tree()->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = dashboard->tree()->topLevelItem(g);
        EXPECT_GT(group->childCount(), 0) << group->text(0).toStdString();
        for (int i = 0; i < group->childCount(); ++i)
            if (!group->child(i)->text(0).contains(QStringLiteral("紧急备用钥匙")))
                entries << group->child(i);
    }
    ASSERT_EQ(entries.size(), 1);
    QTreeWidgetItem* item = entries.first();
    ASSERT_NE(item, nullptr);
    emit dashboard->tree()->itemActivated(item, 0);
    EXPECT_EQ(window.currentPageId(), QStringLiteral("approvals"));
    auto* inbox = qobject_cast<gui::ApprovalsPage*>(window.page(QStringLiteral("approvals")));
    const int row = inbox->list()->currentRow();
    ASSERT_GE(row, 0);
    EXPECT_EQ(inbox->list()->model()->value(row, QStringLiteral("id")).toLongLong(), f.approvalId);
}

TEST(ApprovalInbox, ApprovesThroughTheSignDialog) {
    ApprovalFixture f;
    gui::Session session(f.ts->services(), f.ts->actor(QStringLiteral("wang")));
    gui::ApprovalsPage page(session);
    page.show();
    gui::QueryTableModel* model = page.list()->model();
    ASSERT_EQ(model->rowCount(), 1);
    page.list()->selectWhere(QStringLiteral("id"), QString::number(f.approvalId));
    const qint64 auditBefore = f.ts->auditCount();
    QString meaning;
    QString filledIn;
    bool passwordFocused = false;
    fd::testing::onNextModal([&](QWidget* dialog) {
        meaning = dialog->findChildren<QGroupBox*>().value(0)->title();
        // The approver is the person signed in: only the password is typed.
        filledIn = dialog->findChild<QLineEdit*>(QStringLiteral("login0"))->text();
        auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("password0"));
        passwordFocused = dialog->focusWidget() == password;
        fd::testing::typeText(password, TestServices::passwordOf(QStringLiteral("wang")));
        qobject_cast<QDialog*>(dialog)->accept();
    });
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("approveButton")),
                      Qt::LeftButton);
    EXPECT_EQ(meaning, QStringLiteral("审批人签字"));
    EXPECT_EQ(filledIn, QStringLiteral("wang"));
    EXPECT_TRUE(passwordFocused);
    EXPECT_EQ(f.approvalStatus(), QStringLiteral("approved"));
    EXPECT_EQ(f.ts->auditCount(), auditBefore + 2); // the decision and the published note
    EXPECT_EQ(model->rowCount(), 0);                // the inbox reloaded
}

TEST(ApprovalInbox, ShowsTheRefusalWhenTheRequesterSigns) {
    ApprovalFixture f;
    f.ts->run(QStringLiteral("user.set_roles"), QStringLiteral("admin"),
              {{QStringLiteral("login"), QStringLiteral("lina")},
               {QStringLiteral("roles"), QStringLiteral("clerk,supervisor")}});
    gui::Session session(f.ts->services(), f.ts->actor(QStringLiteral("wang")));
    gui::ApprovalsPage page(session);
    page.show();
    page.list()->selectWhere(QStringLiteral("id"), QString::number(f.approvalId));
    const qint64 auditBefore = f.ts->auditCount();
    QString refusal;
    fd::testing::onNextModal([&](QWidget* dialog) {
        fd::testing::onNextModal([&](QWidget* box) {
            refusal = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label"))->text();
            qobject_cast<QDialog*>(box)->accept();
        });
        signInDialog(dialog, QStringLiteral("lina"),
                     TestServices::passwordOf(QStringLiteral("lina")));
    });
    page.decide(true);
    // The rule's message with its clause, the detail the check adds kept after it.
    EXPECT_TRUE(refusal.startsWith(QStringLiteral("「第3篇 第3.1条：申请人不能审批自己的申请")))
        << refusal.toStdString();
    EXPECT_TRUE(refusal.endsWith(QStringLiteral("」"))) << refusal.toStdString();
    EXPECT_EQ(f.ts->auditCount(), auditBefore);
    EXPECT_EQ(f.approvalStatus(), QStringLiteral("pending"));
}
