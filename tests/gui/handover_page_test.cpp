// The shift handover page: a handover completed end to end with two signers through the
// page and the sign dialog, and an R2-2.4 refusal shown with its clause.
#include "gui_test_support.h"
#include "handover/handover_sheet.h"
#include "pages/handover/handover_page.h"
#include "session.h"
#include "test_services.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest/QTest>
#include <gtest/gtest.h>

using namespace fd;
using fd::testing::TestServices;

namespace {

struct HandoverFixture {
    TestServices ts;
    Actor wangfang;
    Actor liuyang;
    HandoverFixture() {
        wangfang = ts.addUser(QStringLiteral("wangfang"), {QStringLiteral("clerk")},
                              QStringLiteral("王芳"));
        liuyang = ts.addUser(QStringLiteral("liuyang"), {QStringLiteral("clerk")},
                             QStringLiteral("刘洋"));
    }
};

void click(gui::HandoverPage& page, const QString& button) {
    auto* b = page.findChild<QPushButton*>(button);
    ASSERT_NE(b, nullptr) << button.toStdString();
    ASSERT_TRUE(b->isEnabled()) << button.toStdString();
    QTest::mouseClick(b, Qt::LeftButton);
}

// Fills the action form that the next click opens and presses OK.
void fillNextForm(const QHash<QString, QString>& texts, const QHash<QString, QString>& choices) {
    fd::testing::onNextModal([texts, choices](QWidget* dialog) {
        for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
            if (auto* p = dialog->findChild<QPlainTextEdit*>(it.key()))
                p->setPlainText(it.value());
            else if (auto* e = dialog->findChild<QLineEdit*>(it.key()))
                e->setText(it.value());
        }
        for (auto it = choices.cbegin(); it != choices.cend(); ++it) {
            auto* c = dialog->findChild<QComboBox*>(it.key());
            c->setCurrentIndex(c->findData(it.value()));
        }
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
    });
}

void confirmEveryItem(gui::HandoverPage& page) {
    QTableWidget* list = page.checklistTable();
    for (int r = 0; r < list->rowCount(); ++r) {
        list->selectRow(r);
        click(page, QStringLiteral("itemPresent"));
    }
}

} // namespace

TEST(HandoverPage, CompletesAHandoverWithTwoSignersThroughTheSignDialog) {
    HandoverFixture f;
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.resize(1200, 800);
    page.show();
    QAbstractItemModelTester checklistTester(page.checklistTable()->model());
    QAbstractItemModelTester mattersTester(page.mattersTable()->model());

    click(page, QStringLiteral("openSheet"));
    ASSERT_NE(page.sheetId(), 0);
    ASSERT_EQ(page.checklistTable()->rowCount(), 5);
    EXPECT_EQ(page.checklistTable()->item(0, 1)->text(), QStringLiteral("未清点"));

    fillNextForm({{QStringLiteral("cause"), QStringLiteral("3-2-1502 业主报修漏水")},
                  {QStringLiteral("course"), QStringLiteral("已通知维修班")},
                  {QStringLiteral("result"), QStringLiteral("维修班明早处理")}},
                 {{QStringLiteral("severity"), QStringLiteral("normal")}});
    click(page, QStringLiteral("addMatter"));
    ASSERT_EQ(page.mattersTable()->rowCount(), 1);
    EXPECT_EQ(page.mattersTable()->item(0, 1)->text(), QStringLiteral("3-2-1502 业主报修漏水"));

    confirmEveryItem(page);
    EXPECT_EQ(page.checklistTable()->item(4, 1)->text(), QStringLiteral("齐全"));

    QStringList meanings;
    fd::testing::onNextModal([&](QWidget* dialog) {
        for (const QGroupBox* box : dialog->findChildren<QGroupBox*>())
            meanings << box->title();
        auto fill = [&](int i, const QString& login) {
            fd::testing::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("login%1").arg(i)),
                                  login);
            fd::testing::typeText(
                dialog->findChild<QLineEdit*>(QStringLiteral("password%1").arg(i)),
                TestServices::passwordOf(login));
        };
        fill(0, QStringLiteral("wangfang"));
        fill(1, QStringLiteral("liuyang"));
        qobject_cast<QDialog*>(dialog)->accept();
    });
    const qint64 auditBefore = f.ts.auditCount();
    click(page, QStringLiteral("complete"));

    EXPECT_EQ(meanings, (QStringList{QStringLiteral("交班人签字"), QStringLiteral("接班人签字")}));
    auto sheet = handover::loadSheet(f.ts->database().connection(), page.sheetId());
    ASSERT_TRUE(sheet.has_value());
    EXPECT_TRUE(sheet->completed());
    EXPECT_EQ(sheet->outgoingUserId, f.wangfang.userId);
    EXPECT_EQ(sheet->incomingUserId, f.liuyang.userId);
    EXPECT_EQ(f.ts.auditCount(), auditBefore + 1);
    EXPECT_TRUE(page.statusLabel()->text().contains(QStringLiteral("刘洋")))
        << page.statusLabel()->text().toStdString();
    // A completed sheet takes no more changes from the page.
    EXPECT_FALSE(page.findChild<QPushButton*>(QStringLiteral("complete"))->isEnabled());
    EXPECT_FALSE(page.findChild<QPushButton*>(QStringLiteral("addMatter"))->isEnabled());

    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("sheet.pdf"));
    ASSERT_TRUE(page.printSheetToPdf(pdf));
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
}

TEST(HandoverPage, ShowsTheRefusalWithItsClauseWhileAMajorMatterIsOpen) {
    HandoverFixture f;
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    click(page, QStringLiteral("openSheet"));
    ASSERT_NE(page.sheetId(), 0);
    fillNextForm({{QStringLiteral("cause"), QStringLiteral("地下车库水泵房进水")},
                  {QStringLiteral("course"), QStringLiteral("已报工程部抢修")},
                  {QStringLiteral("result"), QStringLiteral("抢修中")}},
                 {{QStringLiteral("severity"), QStringLiteral("major")},
                  {QStringLiteral("status"), QStringLiteral("open")}});
    click(page, QStringLiteral("addMatter"));
    ASSERT_EQ(page.mattersTable()->rowCount(), 1);
    confirmEveryItem(page);

    QString shown;
    QString boxName;
    fd::testing::onNextModal([&](QWidget* box) {
        boxName = box->objectName();
        if (auto* label = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label")))
            shown = label->text();
        qobject_cast<QDialog*>(box)->reject();
    });
    const qint64 auditBefore = f.ts.auditCount();
    click(page, QStringLiteral("complete"));

    // The refusal comes before anyone is asked to sign.
    EXPECT_EQ(boxName, QStringLiteral("errorBox"));
    EXPECT_TRUE(shown.contains(QStringLiteral("第2篇 2.4"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("重大或紧急事件未处理完毕"))) << shown.toStdString();
    EXPECT_TRUE(page.statusLabel()->text().contains(QStringLiteral("第2篇 2.4")));
    auto sheet = handover::loadSheet(f.ts->database().connection(), page.sheetId());
    ASSERT_TRUE(sheet.has_value());
    EXPECT_FALSE(sheet->completed());
    EXPECT_EQ(f.ts.auditCount(), auditBefore);
}

TEST(HandoverPage, KeepsTheMatterFormOpenAndWritesNothingWithoutACause) {
    HandoverFixture f;
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    click(page, QStringLiteral("openSheet"));
    const qint64 auditBefore = f.ts.auditCount();
    QString shown;
    bool formStillOpen = false;
    fd::testing::onNextModal([&](QWidget* form) {
        form->findChild<QPlainTextEdit*>(QStringLiteral("course"))
            ->setPlainText(QStringLiteral("电话通知业主"));
        fd::testing::onNextModal([&, form](QWidget* box) {
            if (auto* label = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label")))
                shown = label->text();
            qobject_cast<QDialog*>(box)->accept();
            QTimer::singleShot(50, form, [&, form] {
                formStillOpen = form->isVisible();
                qobject_cast<QDialog*>(form)->reject();
            });
        });
        form->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
    });
    click(page, QStringLiteral("addMatter"));
    EXPECT_TRUE(formStillOpen);
    EXPECT_TRUE(shown.contains(QStringLiteral("起因"))) << shown.toStdString();
    EXPECT_EQ(page.mattersTable()->rowCount(), 0);
    EXPECT_EQ(f.ts.auditCount(), auditBefore);
}
