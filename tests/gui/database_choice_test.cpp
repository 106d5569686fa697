// Where a desk keeps its data: the settings and the first-run dialog choose a file or the
// office's server; the address is made from the fields, never with a password.
#include "database_choice.h"
#include "first_run_dialog.h"
#include "gui_test_support.h"
#include "settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QRadioButton>
#include <QSettings>
#include <QtTest/QTest>
#include <gtest/gtest.h>

using namespace fd::gui;
using fd::testing::onNextModal;
using fd::testing::typeText;

namespace {

const QString kAddress =
    QStringLiteral("postgresql://desk_front@db.office:5432/frontdesk?sslmode=verify-full");

void fillServer(DatabaseChoice& choice) {
    choice.serverChoice()->click();
    typeText(choice.hostField(), QStringLiteral("db.office"));
    typeText(choice.userField(), QStringLiteral("desk_front"));
    choice.sslModeField()->setCurrentIndex(
        choice.sslModeField()->findData(QStringLiteral("verify-full")));
}

} // namespace

TEST(DatabaseChoice, TheServersFieldsMakeItsAddressWithoutAPassword) {
    DatabaseChoice choice;
    choice.show();
    EXPECT_FALSE(choice.onServer()); // a file on this computer unless the office has a server
    EXPECT_FALSE(choice.hostField()->isEnabled());
    fillServer(choice);
    EXPECT_TRUE(choice.hostField()->isEnabled());
    EXPECT_EQ(choice.text(), kAddress);
    EXPECT_EQ(choice.problem(), QString());
    EXPECT_FALSE(choice.text().contains(QLatin1Char(':') + QStringLiteral("//desk_front:")));

    DatabaseChoice again;
    again.setText(kAddress);
    EXPECT_TRUE(again.onServer());
    EXPECT_EQ(again.hostField()->text(), QStringLiteral("db.office"));
    EXPECT_EQ(again.text(), kAddress);
}

TEST(DatabaseChoice, AMissingServerFieldIsNamedInChinese) {
    DatabaseChoice choice;
    choice.serverChoice()->click();
    typeText(choice.userField(), QStringLiteral("desk_front"));
    EXPECT_TRUE(choice.problem().contains(QStringLiteral("服务器")))
        << choice.problem().toStdString();
    typeText(choice.hostField(), QStringLiteral("db.office"));
    choice.databaseField()->clear();
    EXPECT_TRUE(choice.problem().contains(QStringLiteral("数据库")))
        << choice.problem().toStdString();
}

TEST(SettingsDialog, KeepsTheServerAddressAndRefusesOneWithAFieldMissing) {
    SettingsDialog dialog(AppSettings{});
    dialog.show();
    DatabaseChoice* choice = dialog.databaseChoice();
    choice->serverChoice()->click();
    QString warned;
    onNextModal([&](QWidget* w) {
        if (auto* box = qobject_cast<QMessageBox*>(w)) {
            warned = box->text();
            box->accept();
        }
    });
    QMetaObject::invokeMethod(dialog.findChild<QDialogButtonBox*>(), "accepted");
    EXPECT_TRUE(warned.contains(QStringLiteral("服务器"))) << warned.toStdString();
    EXPECT_TRUE(dialog.isVisible()); // not closed, nothing kept
    fillServer(*choice);
    EXPECT_EQ(dialog.settings().databasePath, kAddress);
}

TEST(FirstRunDialog, SavesTheChosenServerInTheSettings) {
    QSettings().remove(QStringLiteral("database/path"));
    EXPECT_FALSE(AppSettings::load().databaseChosen);
    FirstRunDialog dialog;
    dialog.show();
    fillServer(*dialog.choice());
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    const AppSettings saved = AppSettings::load();
    EXPECT_TRUE(saved.databaseChosen);
    EXPECT_EQ(saved.databasePath, kAddress);
    QSettings().remove(QStringLiteral("database/path"));
}
