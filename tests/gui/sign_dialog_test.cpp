// The sign dialog: meanings in Chinese, each signer's password checked, distinct people.
#include "gui_test_support.h"
#include "sign_dialog.h"
#include "test_services.h"

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QtTest/QTest>
#include <gtest/gtest.h>

using namespace fd;
using fd::testing::TestServices;

namespace {

void fill(gui::SignDialog& d, int index, const QString& login, const QString& password) {
    fd::testing::typeText(d.findChild<QLineEdit*>(QStringLiteral("login%1").arg(index)), login);
    fd::testing::typeText(d.findChild<QLineEdit*>(QStringLiteral("password%1").arg(index)),
                          password);
}

} // namespace

TEST(SignDialog, ShowsEachMeaningInChinese) {
    TestServices ts;
    gui::SignDialog d(ts.services(),
                      {{QStringLiteral("outgoing"), {}}, {QStringLiteral("incoming"), {}}},
                      QStringLiteral("交班记录 #12"));
    QStringList titles;
    for (const QGroupBox* box : d.findChildren<QGroupBox*>())
        titles << box->title();
    EXPECT_EQ(titles, (QStringList{QStringLiteral("交班人签字"), QStringLiteral("接班人签字")}));
    EXPECT_EQ(gui::SignatureMeanings::title(QStringLiteral("archivist")),
              QStringLiteral("档案管理员签字"));
    gui::SignatureMeanings::add(QStringLiteral("witness"),
                                {QStringLiteral("Witness"), QStringLiteral("见证人签字")});
    EXPECT_EQ(gui::SignatureMeanings::title(QStringLiteral("witness")),
              QStringLiteral("见证人签字"));
}

TEST(SignDialog, RefusesASignerWhoAlreadySignedInTheSameDialog) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")}, QStringLiteral("李娜"));
    gui::SignDialog d(ts.services(),
                      {{QStringLiteral("outgoing"), {}}, {QStringLiteral("incoming"), {}}},
                      QStringLiteral("交班记录 #12"));
    d.show();
    fill(d, 0, QStringLiteral("lina"), TestServices::passwordOf(QStringLiteral("lina")));
    fill(d, 1, QStringLiteral("lina"), TestServices::passwordOf(QStringLiteral("lina")));
    d.accept();
    EXPECT_NE(d.result(), QDialog::Accepted);
    EXPECT_TRUE(d.isVisible());
    EXPECT_TRUE(d.problem().contains(QStringLiteral("接班人签字"))) << d.problem().toStdString();
    EXPECT_TRUE(d.problem().contains(QStringLiteral("李娜"))) << d.problem().toStdString();
}

TEST(SignDialog, RefusesAWrongPasswordAndAcceptsTwoPeople) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")});
    ts.addUser(QStringLiteral("zhao"), {QStringLiteral("clerk")});
    gui::SignDialog d(ts.services(),
                      {{QStringLiteral("outgoing"), {}}, {QStringLiteral("incoming"), {}}},
                      QStringLiteral("交班记录 #12"));
    d.show();
    fill(d, 0, QStringLiteral("lina"), TestServices::passwordOf(QStringLiteral("lina")));
    fill(d, 1, QStringLiteral("zhao"), QStringLiteral("not-his-password"));
    d.accept();
    EXPECT_NE(d.result(), QDialog::Accepted);
    EXPECT_TRUE(d.problem().contains(QStringLiteral("用户名或密码错误")))
        << d.problem().toStdString();
    fill(d, 1, {}, TestServices::passwordOf(QStringLiteral("zhao")));
    d.accept();
    EXPECT_EQ(d.result(), QDialog::Accepted);
    const auto sigs = d.signatures();
    ASSERT_EQ(sigs.size(), 2u);
    EXPECT_EQ(sigs[0].meaning, QStringLiteral("outgoing"));
    EXPECT_EQ(sigs[0].login, QStringLiteral("lina"));
    EXPECT_EQ(sigs[1].meaning, QStringLiteral("incoming"));
    EXPECT_EQ(sigs[1].login, QStringLiteral("zhao"));
}

TEST(SignDialog, RefusesASignerWithoutTheRequiredRole) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")});
    gui::SignDialog d(ts.services(), {{QStringLiteral("approver"), QStringLiteral("supervisor")}},
                      QStringLiteral("申请 #3"));
    d.show();
    fill(d, 0, QStringLiteral("lina"), TestServices::passwordOf(QStringLiteral("lina")));
    d.accept();
    EXPECT_NE(d.result(), QDialog::Accepted);
    EXPECT_TRUE(d.problem().contains(QStringLiteral("客服主管"))) << d.problem().toStdString();
}

TEST(SignDialog, NamesEveryRoleARequirementAcceptsWhenTheSignerHoldsNone) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")}, QStringLiteral("李娜"));
    gui::SignDialog d(ts.services(),
                      {{QStringLiteral("approver"), QStringLiteral("supervisor,cs_manager")}},
                      QStringLiteral("申请 #3"));
    d.show();
    fill(d, 0, QStringLiteral("lina"), TestServices::passwordOf(QStringLiteral("lina")));
    d.accept();
    EXPECT_NE(d.result(), QDialog::Accepted);
    EXPECT_TRUE(d.problem().contains(QStringLiteral("李娜 不具备“客服主管或客服部经理”角色")))
        << d.problem().toStdString();
    QStringList labels;
    for (const QLabel* l : d.findChildren<QLabel*>())
        labels << l->text();
    EXPECT_TRUE(labels.contains(QStringLiteral("客服主管或客服部经理")))
        << labels.join(QLatin1Char('|')).toStdString();
}
