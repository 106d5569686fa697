// How refusals and bad input read.
#include "gui_test_support.h"
#include "refusal.h"
#include "test_services.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <gtest/gtest.h>

using namespace fd;

TEST(Refusal, ClauseIdReadsAsPartAndSection) {
    EXPECT_EQ(gui::clauseLabel(QStringLiteral("R1-1.2.2")), QStringLiteral("第1篇 第1.2.2条"));
    EXPECT_EQ(gui::clauseLabel(QStringLiteral("R6-3")), QStringLiteral("第6篇 第3条"));
    EXPECT_EQ(gui::clauseLabel(QStringLiteral("policy")), QStringLiteral("policy"));
}

TEST(Refusal, ShowsTheRuleMessageWithItsClause) {
    const Error e =
        Error::refused(QStringLiteral("archive-documents-read-only"), QStringLiteral("R1-1.2.2"),
                       {QStringLiteral("Document archives are read, not lent [R1-1.2.2]"),
                        QStringLiteral("文书档案只阅不借【R1-1.2.2】")});
    EXPECT_EQ(gui::errorText(e), QStringLiteral("「第1篇 第1.2.2条：文书档案只阅不借」"));
}

TEST(Refusal, BadInputShowsTheFieldMessageAndFocusesTheField) {
    QWidget form;
    auto* name = new QLineEdit(&form);
    auto* other = new QLineEdit(&form);
    form.show();
    other->setFocus();
    QApplication::setActiveWindow(&form);
    const Error e = Error::badInput(QStringLiteral("name"), {QStringLiteral("Name is required."),
                                                             QStringLiteral("必须填写姓名。")});
    QString shown;
    fd::testing::onNextModal([&](QWidget* box) {
        shown = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label"))->text();
        qobject_cast<QDialog*>(box)->accept();
    });
    gui::showError(&form, e, {{QStringLiteral("name"), name}});
    EXPECT_EQ(shown, QStringLiteral("必须填写姓名。"));
    EXPECT_TRUE(fd::testing::waitUntil([&] { return form.focusWidget() == name; }, 2000));
}
