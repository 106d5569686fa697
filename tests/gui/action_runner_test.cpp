// The page toolkit: ActionRunner asks ActionBus::preview before it runs, so the sign
// dialog asks for the signers the rules name and a refusal is shown with its clause before
// anybody signs; the form generated from an action's parameters (R8-2.4, R2-1.2).
#include "action_form_dialog.h"
#include "action_runner.h"
#include "gui_test_support.h"
#include "session.h"
#include "test_services.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest/QTest>
#include <gtest/gtest.h>

using namespace fd;
using fd::testing::TestServices;

namespace {

struct DutyFixture {
    TestServices ts;
    Actor clerk;
    Actor supervisor;
    qint64 duty = 0;
    DutyFixture() {
        clerk = ts.addUser(QStringLiteral("wangfang"), {QStringLiteral("clerk")},
                           QStringLiteral("王芳"));
        supervisor = ts.addUser(QStringLiteral("zhouhong"), {QStringLiteral("supervisor")},
                                QStringLiteral("周红"));
    }
    qint64 startDuty(const QString& login) {
        auto r = ts.run(QStringLiteral("duty.start"), login, {});
        EXPECT_TRUE(r) << (r ? "" : r.error().message.en.toStdString());
        return r ? r->result.value(QStringLiteral("duty_id")).toInteger() : 0;
    }
    QVariantMap endParams(qint64 id) const {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("happenings"), QStringLiteral("夜间平稳")},
                {QStringLiteral("handling"), QStringLiteral("无")}};
    }
};

} // namespace

TEST(ActionRunner, AsksForTheSignerTheRulesNameWithTheirRole) {
    DutyFixture f;
    const qint64 duty = f.startDuty(QStringLiteral("zhouhong"));
    gui::Session session(f.ts.services(), f.supervisor);
    QWidget parent;
    gui::ActionRunner runner(session, &parent);
    QStringList meanings;
    int signers = 0;
    fd::testing::onNextModal([&](QWidget* dialog) {
        for (const QGroupBox* box : dialog->findChildren<QGroupBox*>())
            meanings << box->title();
        signers = static_cast<int>(dialog->findChildren<QGroupBox*>().size());
        fd::testing::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("login0")),
                              QStringLiteral("zhouhong"));
        fd::testing::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("password0")),
                              TestServices::passwordOf(QStringLiteral("zhouhong")));
        qobject_cast<QDialog*>(dialog)->accept();
    });
    const qint64 before = f.ts.auditCount();
    auto done = runner.run(QStringLiteral("duty.override_end"), f.endParams(duty),
                           QStringLiteral("接班人因病缺勤，经理同意"));
    ASSERT_TRUE(done) << runner.message().toStdString();
    // The requirement is the one the rule duty-early-end-signed names (R8-2.4), as the
    // preview returned it: the supervisor's signature by a supervisor or CS manager.
    ASSERT_EQ(runner.asked().size(), 1u);
    EXPECT_EQ(runner.asked().front().meaning, QStringLiteral("supervisor"));
    EXPECT_EQ(runner.asked().front().role, QStringLiteral("supervisor,cs_manager"));
    EXPECT_EQ(signers, 1);
    EXPECT_EQ(f.ts.auditCount(), before + 1);
    EXPECT_FALSE(runner.cancelled());
}

TEST(ActionRunner, ShowsARefusalWithItsClauseWithoutAskingAnyoneToSign) {
    DutyFixture f;
    const qint64 duty = f.startDuty(QStringLiteral("wangfang"));
    gui::Session session(f.ts.services(), f.clerk);
    QWidget parent;
    gui::ActionRunner runner(session, &parent);
    QString shown;
    QString kind;
    fd::testing::onNextModal([&](QWidget* box) {
        kind = box->objectName();
        if (auto* label = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label")))
            shown = label->text();
        box->close();
    });
    const qint64 before = f.ts.auditCount();
    auto done = runner.run(QStringLiteral("duty.end"), f.endParams(duty));
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().kind, Error::Kind::Refused);
    // The first box is the refusal, not a sign dialog.
    EXPECT_EQ(kind, QStringLiteral("errorBox"));
    EXPECT_TRUE(shown.startsWith(QStringLiteral("「第8篇 第2.4条："))) << shown.toStdString();
    EXPECT_EQ(runner.message(), shown);
    EXPECT_TRUE(runner.asked().empty());
    EXPECT_EQ(f.ts.auditCount(), before);
}

TEST(ActionRunner, ADoneActionTellsThePagesOfTheAreaThatRegisteredIt) {
    DutyFixture f;
    gui::Session session(f.ts.services(), f.clerk);
    QWidget parent;
    gui::ActionRunner runner(session, &parent);
    QSignalSpy areas(&session, &gui::Session::areaChanged);
    QSignalSpy changes(&session, &gui::Session::dataChanged);
    ASSERT_TRUE(runner.run(QStringLiteral("duty.start"), {}));
    ASSERT_EQ(areas.count(), 1);
    // The duty log is the handover area's: its page follows without a list of prefixes.
    EXPECT_EQ(areas.at(0).at(0).toString(), QStringLiteral("handover"));
    EXPECT_EQ(changes.at(0).at(0).toString(), QStringLiteral("duty.start"));
    // Another area's action, and a name no area registered.
    session.notifyChanged(QStringLiteral("resident.update"));
    EXPECT_EQ(areas.last().at(0).toString(), QStringLiteral("residents"));
    session.notifyChanged(QStringLiteral("document.edit"));
    EXPECT_EQ(areas.last().at(0).toString(), QStringLiteral("archives"));
    const auto told = areas.count();
    session.notifyChanged(QStringLiteral("audit"));
    EXPECT_EQ(areas.count(), told);
}

TEST(ActionFormDialog, BuildsItsFieldsFromTheActionsParameters) {
    DutyFixture f;
    gui::Session session(f.ts.services(), f.clerk);
    gui::FormSpec spec;
    spec.fixed = {{QStringLiteral("duty_id"), 1}};
    spec.choices = {{QStringLiteral("severity"),
                     {{QStringLiteral("normal"), QStringLiteral("一般")},
                      {QStringLiteral("major"), QStringLiteral("重大")}}}};
    gui::ActionFormDialog dialog(session, QStringLiteral("duty.incident"), spec);
    // The title is the action's; the fields are its parameters, each typed by its kind and
    // labelled by the parameter's label; the fixed duty is not asked.
    EXPECT_EQ(dialog.windowTitle(), QStringLiteral("登记突发事件"));
    EXPECT_EQ(dialog.field(QStringLiteral("duty_id")), nullptr);
    EXPECT_NE(qobject_cast<QLineEdit*>(dialog.field(QStringLiteral("title"))), nullptr);
    EXPECT_NE(qobject_cast<QPlainTextEdit*>(dialog.field(QStringLiteral("description"))), nullptr);
    auto* severity = qobject_cast<QComboBox*>(dialog.field(QStringLiteral("severity")));
    ASSERT_NE(severity, nullptr);
    EXPECT_EQ(severity->itemText(1), QStringLiteral("重大"));
    auto* form = dialog.findChild<QFormLayout*>();
    const QString label =
        qobject_cast<QLabel*>(form->labelForField(dialog.field(QStringLiteral("title"))))->text();
    EXPECT_TRUE(label.startsWith(QStringLiteral("事件"))) << label.toStdString();
    EXPECT_TRUE(label.endsWith(QStringLiteral("*"))) << label.toStdString(); // required
    // A new record sends what was filled in, with the fixed values.
    qobject_cast<QLineEdit*>(dialog.field(QStringLiteral("title")))
        ->setText(QStringLiteral("停电"));
    const QVariantMap values = dialog.values();
    EXPECT_EQ(values.value(QStringLiteral("title")).toString(), QStringLiteral("停电"));
    EXPECT_EQ(values.value(QStringLiteral("duty_id")).toInt(), 1);
    EXPECT_FALSE(values.contains(QStringLiteral("description")));
}

TEST(ActionFormDialog, AMissingFieldIsNamedByItsLabelFocusedAndMarkedUntilChanged) {
    DutyFixture f;
    const qint64 duty = f.startDuty(QStringLiteral("wangfang"));
    gui::Session session(f.ts.services(), f.clerk);
    gui::FormSpec spec;
    spec.fixed = {{QStringLiteral("duty_id"), duty}};
    gui::ActionFormDialog dialog(session, QStringLiteral("duty.incident"), spec);
    dialog.show();
    auto* title = qobject_cast<QLineEdit*>(dialog.field(QStringLiteral("title")));
    ASSERT_NE(title, nullptr);
    QString shown;
    fd::testing::onNextModal([&](QWidget* box) {
        if (auto* label = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label")))
            shown = label->text();
        box->close();
    });
    const qint64 before = f.ts.auditCount();
    dialog.accept();
    EXPECT_TRUE(dialog.isVisible()); // the form stays open
    EXPECT_EQ(f.ts.auditCount(), before);
    // The message names the field as the form labels it, not by its key.
    EXPECT_TRUE(shown.contains(QStringLiteral("「事件"))) << shown.toStdString();
    EXPECT_FALSE(shown.contains(QStringLiteral("title"))) << shown.toStdString();
    EXPECT_EQ(dialog.focusWidget(), title);
    EXPECT_TRUE(title->property("refused").toBool());
    fd::testing::typeText(title, QStringLiteral("停电"));
    EXPECT_FALSE(title->property("refused").toBool());
}

TEST(ActionFormDialog, AnEditFormSendsWhatChangedAndAnEmptiedFieldAsEmpty) {
    DutyFixture f;
    gui::Session session(f.ts.services(), f.clerk);
    gui::FormSpec spec;
    spec.fixed = {{QStringLiteral("sheet_id"), 1}, {QStringLiteral("id"), 2}};
    spec.edit = true;
    spec.initial = {{QStringLiteral("cause"), QStringLiteral("门禁卡失效")},
                    {QStringLiteral("course"), QStringLiteral("已登记")},
                    {QStringLiteral("result"), QStringLiteral("明日补卡")},
                    {QStringLiteral("severity"), QStringLiteral("normal")},
                    {QStringLiteral("status"), QStringLiteral("open")}};
    gui::ActionFormDialog dialog(session, QStringLiteral("handover.update_matter"), spec);
    auto* result = qobject_cast<QPlainTextEdit*>(dialog.field(QStringLiteral("result")));
    ASSERT_NE(result, nullptr);
    EXPECT_EQ(result->toPlainText(), QStringLiteral("明日补卡"));
    result->clear();
    const QVariantMap values = dialog.values();
    EXPECT_EQ(values.size(), 3); // sheet_id, id, result
    ASSERT_TRUE(values.contains(QStringLiteral("result")));
    EXPECT_TRUE(values.value(QStringLiteral("result")).toString().isEmpty());
    EXPECT_FALSE(values.contains(QStringLiteral("course")));
}
