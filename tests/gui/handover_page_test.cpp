// The shift handover page: a handover completed end to end with two signers through the
// page and the sign dialog, and an R2-2.4 refusal shown with its clause; an addendum to a
// completed sheet (R2-1.1). The front desk's custody release and phone bill in yuan (R6),
// the duty log's inspection, lighting check, incident report, swap, the R8-2.4 refusal and
// the supervisor's end without successor (R8), the duty record and incident report as PDF,
// and the page fitting a 1280x800 window.
#include "audit/audit_log.h"
#include "db/sql.h"
#include "gui_test_support.h"
#include "handover/handover_sheet.h"
#include "main_window.h"
#include "page_registry.h"
#include "pages/handover/duty_log_tab.h"
#include "pages/handover/front_desk_tab.h"
#include "pages/handover/handover_page.h"
#include "pages/handover/sheet_tab.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "session.h"
#include "test_services.h"
#include "translations.h"
#include "util/clock.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
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

// Signs the sign dialog that the next click opens, one signer a row.
void signNext(const QStringList& logins) {
    fd::testing::onNextModal([logins](QWidget* dialog) {
        for (int i = 0; i < logins.size(); ++i) {
            fd::testing::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("login%1").arg(i)),
                                  logins.at(i));
            fd::testing::typeText(
                dialog->findChild<QLineEdit*>(QStringLiteral("password%1").arg(i)),
                TestServices::passwordOf(logins.at(i)));
        }
        qobject_cast<QDialog*>(dialog)->accept();
    });
}

// Fills the action form that the next click opens and presses OK; the sign dialog that
// follows, when a rule asks for signatures, is signed by `signers`.
void fillNextForm(const QHash<QString, QString>& texts, const QHash<QString, QString>& choices,
                  const QStringList& signers = {}) {
    fd::testing::onNextModal([texts, choices, signers](QWidget* dialog) {
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
        if (!signers.isEmpty())
            signNext(signers);
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
    });
}

// The incoming person goes down the list; the front-desk keys they sign for (R6-7).
void confirmEveryItem(gui::HandoverPage& page,
                      const QString& incoming = QStringLiteral("liuyang")) {
    QTableWidget* list = page.sheetTab()->checklistTable();
    for (int r = 0; r < list->rowCount(); ++r) {
        list->selectRow(r);
        if (list->item(r, 0)->text() == QStringLiteral("前台钥匙"))
            signNext({incoming});
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
    QAbstractItemModelTester checklistTester(page.sheetTab()->checklistTable()->model());
    QAbstractItemModelTester mattersTester(page.sheetTab()->mattersTable()->model());

    click(page, QStringLiteral("openSheet"));
    ASSERT_NE(page.sheetTab()->sheetId(), 0);
    ASSERT_EQ(page.sheetTab()->checklistTable()->rowCount(), 5);
    EXPECT_EQ(page.sheetTab()->checklistTable()->item(0, 1)->text(), QStringLiteral("未清点"));

    fillNextForm({{QStringLiteral("cause"), QStringLiteral("3-2-1502 业主报修漏水")},
                  {QStringLiteral("course"), QStringLiteral("已通知维修班")},
                  {QStringLiteral("result"), QStringLiteral("维修班明早处理")}},
                 {{QStringLiteral("severity"), QStringLiteral("normal")}});
    click(page, QStringLiteral("addMatter"));
    ASSERT_EQ(page.sheetTab()->mattersTable()->rowCount(), 1);
    EXPECT_EQ(page.sheetTab()->mattersTable()->item(0, 1)->text(),
              QStringLiteral("3-2-1502 业主报修漏水"));

    confirmEveryItem(page);
    EXPECT_EQ(page.sheetTab()->checklistTable()->item(4, 1)->text(), QStringLiteral("齐全"));

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
    auto sheet = handover::loadSheet(f.ts->database().connection(), page.sheetTab()->sheetId());
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
    ASSERT_TRUE(page.sheetTab()->printSheetToPdf(pdf));
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
}

TEST(HandoverPage, ShowsTheRefusalWithItsClauseWhileAMajorMatterIsOpen) {
    HandoverFixture f;
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    click(page, QStringLiteral("openSheet"));
    ASSERT_NE(page.sheetTab()->sheetId(), 0);
    fillNextForm({{QStringLiteral("cause"), QStringLiteral("地下车库水泵房进水")},
                  {QStringLiteral("course"), QStringLiteral("已报工程部抢修")},
                  {QStringLiteral("result"), QStringLiteral("抢修中")}},
                 {{QStringLiteral("severity"), QStringLiteral("major")},
                  {QStringLiteral("status"), QStringLiteral("open")}});
    click(page, QStringLiteral("addMatter"));
    ASSERT_EQ(page.sheetTab()->mattersTable()->rowCount(), 1);
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
    EXPECT_TRUE(shown.contains(QStringLiteral("第2篇 第2.4条"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("重大或紧急事件未处理完毕"))) << shown.toStdString();
    EXPECT_TRUE(page.statusLabel()->text().contains(QStringLiteral("第2篇 第2.4条")));
    auto sheet = handover::loadSheet(f.ts->database().connection(), page.sheetTab()->sheetId());
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
    EXPECT_EQ(page.sheetTab()->mattersTable()->rowCount(), 0);
    EXPECT_EQ(f.ts.auditCount(), auditBefore);
}

// An emptied result of a matter is sent empty through the edit form and clears the stored
// result; the table shows it empty.
TEST(HandoverPage, EmptyingAMattersResultInTheEditFormClearsIt) {
    HandoverFixture f;
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    click(page, QStringLiteral("openSheet"));
    const qint64 sheet = page.sheetTab()->sheetId();
    ASSERT_NE(sheet, 0);
    ASSERT_TRUE(f.ts.run(QStringLiteral("handover.add_matter"), QStringLiteral("wangfang"),
                         {{QStringLiteral("sheet_id"), sheet},
                          {QStringLiteral("cause"), QStringLiteral("5-1-302 门禁卡失效")},
                          {QStringLiteral("course"), QStringLiteral("已登记")},
                          {QStringLiteral("result"), QStringLiteral("明日补卡")}}));
    page.refresh();
    ASSERT_EQ(page.sheetTab()->mattersTable()->rowCount(), 1);
    page.sheetTab()->mattersTable()->selectRow(0);
    QString result;
    fd::testing::onNextModal([&result](QWidget* dialog) {
        auto* field = dialog->findChild<QPlainTextEdit*>(QStringLiteral("result"));
        result = field->toPlainText();
        field->setFocus();
        field->selectAll();
        QTest::keyClick(field, Qt::Key_Delete);
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
    });
    const qint64 before = f.ts.auditCount();
    click(page, QStringLiteral("editMatter"));
    EXPECT_EQ(result, QStringLiteral("明日补卡"));
    EXPECT_TRUE(page.statusLabel()->text().contains(QStringLiteral("更新交接事项")))
        << page.statusLabel()->text().toStdString();
    EXPECT_EQ(f.ts.auditCount(), before + 1);
    auto stored = sql::scalar(f.ts->database().connection(),
                              QStringLiteral("SELECT result FROM handover_matters"));
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->toString().isEmpty()) << stored->toString().toStdString();
    ASSERT_EQ(page.sheetTab()->mattersTable()->rowCount(), 1);
    EXPECT_TRUE(page.sheetTab()->mattersTable()->item(0, 3)->text().isEmpty());
    EXPECT_EQ(page.sheetTab()->mattersTable()->item(0, 2)->text(), QStringLiteral("已登记"));
}

namespace {

// A clerk and a supervisor of the front desk, for the front-desk and duty tabs.
struct DeskFixture : HandoverFixture {
    Actor zhouhong;
    DeskFixture() {
        zhouhong = ts.addUser(QStringLiteral("zhouhong"), {QStringLiteral("supervisor")},
                              QStringLiteral("周红"));
    }
    qint64 startDuty(const QString& login) {
        auto r = ts.run(QStringLiteral("duty.start"), login, {});
        EXPECT_TRUE(r) << (r ? "" : r.error().message.en.toStdString());
        return r ? r->result.value(QStringLiteral("duty_id")).toInteger() : 0;
    }
    qint64 incident(qint64 duty, const QString& login, const QString& title) {
        auto r =
            ts.run(QStringLiteral("duty.incident"), login,
                   {{QStringLiteral("duty_id"), duty},
                    {QStringLiteral("title"), title},
                    {QStringLiteral("description"), QStringLiteral("暴雨后地下车库进水约5厘米")},
                    {QStringLiteral("handling"), QStringLiteral("通知工程部抽水")},
                    {QStringLiteral("severity"), QStringLiteral("major")}});
        EXPECT_TRUE(r) << (r ? "" : r.error().message.en.toStdString());
        return r ? r->result.value(QStringLiteral("incident_id")).toInteger() : 0;
    }
    // A front-desk sheet handed over from wangfang to liuyang.
    qint64 completedSheet() {
        auto opened = ts.run(QStringLiteral("handover.open"), QStringLiteral("wangfang"),
                             {{QStringLiteral("post"), QStringLiteral("front_desk")}});
        EXPECT_TRUE(opened);
        if (!opened)
            return 0;
        const qint64 sheet = opened->result.value(QStringLiteral("sheet_id")).toInteger();
        auto live = handover::loadLiveSheet(ts->database().connection(), sheet);
        EXPECT_TRUE(live);
        for (const auto& c : live->checklist)
            EXPECT_TRUE(ts.run(QStringLiteral("handover.confirm_item"), QStringLiteral("wangfang"),
                               {{QStringLiteral("sheet_id"), sheet},
                                {QStringLiteral("item"), c.item},
                                {QStringLiteral("state"), QStringLiteral("present")}},
                               {ts.sign(QStringLiteral("incoming"), QStringLiteral("liuyang"))}));
        auto done = ts.run(QStringLiteral("handover.complete"), QStringLiteral("wangfang"),
                           {{QStringLiteral("sheet_id"), sheet}},
                           {ts.sign(QStringLiteral("outgoing"), QStringLiteral("wangfang")),
                            ts.sign(QStringLiteral("incoming"), QStringLiteral("liuyang"))});
        EXPECT_TRUE(done) << (done ? "" : done.error().message.en.toStdString());
        return done ? sheet : 0;
    }
    QVariant scalar(const QString& statement, const QVariantList& bindings = {}) {
        auto v = sql::scalar(ts->database().connection(), statement, bindings);
        EXPECT_TRUE(v.has_value());
        return v ? *v : QVariant();
    }
};

void select(gui::QueryListView* list, qint64 id) {
    ASSERT_TRUE(list->selectWhere(QStringLiteral("id"), QString::number(id)));
}

} // namespace

TEST(HandoverPage, ReleasesTheSelectedCustodyItemToWhoCollectsIt) {
    DeskFixture f;
    auto request = f.ts.run(QStringLiteral("custody.request"), QStringLiteral("wangfang"),
                            {{QStringLiteral("kind"), QStringLiteral("forwarding")},
                             {QStringLiteral("item"), QStringLiteral("装修图纸")},
                             {QStringLiteral("depositor"), QStringLiteral("设计公司吴工")},
                             {QStringLiteral("recipient"), QStringLiteral("王先生")},
                             {QStringLiteral("unit"), QStringLiteral("A-1203")}});
    ASSERT_TRUE(request);
    auto approved = f.ts.run(QStringLiteral("approval.approve"), QStringLiteral("zhouhong"),
                             {{QStringLiteral("id"), request->approvalId}},
                             {f.ts.sign(QStringLiteral("approver"), QStringLiteral("zhouhong"))});
    ASSERT_TRUE(approved) << approved.error().message.en.toStdString();
    const qint64 id = approved->result.value(QStringLiteral("executed"))
                          .toObject()
                          .value(QStringLiteral("custody_id"))
                          .toInteger();

    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    page.openRecord(QStringLiteral("custody_item"), QString::number(id));
    EXPECT_EQ(page.frontDeskTab()->custodyList()->currentRow(), 0);
    QString label;
    fd::testing::onNextModal([&label](QWidget* dialog) {
        auto* form = dialog->findChild<QFormLayout*>();
        label =
            qobject_cast<QLabel*>(
                form->labelForField(dialog->findChild<QLineEdit*>(QStringLiteral("released_to"))))
                ->text();
        dialog->findChild<QLineEdit*>(QStringLiteral("released_to"))
            ->setText(QStringLiteral("王先生"));
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
    });
    const qint64 before = f.ts.auditCount();
    click(page, QStringLiteral("releaseCustody"));
    EXPECT_TRUE(label.contains(QStringLiteral("王先生"))) << label.toStdString();
    EXPECT_EQ(f.ts.auditCount(), before + 1);
    EXPECT_EQ(f.scalar(QStringLiteral("SELECT status || '/' || released_to FROM custody_items "
                                      "WHERE id = ?"),
                       {id})
                  .toString(),
              QStringLiteral("released/王先生"));
    EXPECT_EQ(page.frontDeskTab()
                  ->custodyList()
                  ->model()
                  ->value(0, QStringLiteral("released_to"))
                  .toString(),
              QStringLiteral("王先生"));
}

TEST(HandoverPage, RecordsTheMonthlyPhoneBillAndShowsItInYuanAgainstTheQuota) {
    DeskFixture f;
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    fillNextForm({{QStringLiteral("month"), QStringLiteral("2026-02")},
                  {QStringLiteral("amount"), QStringLiteral("236.00")}},
                 {});
    const qint64 before = f.ts.auditCount();
    click(page, QStringLiteral("recordBill"));
    EXPECT_EQ(f.ts.auditCount(), before + 1);
    EXPECT_EQ(f.scalar(QStringLiteral("SELECT amount_fen FROM phone_bills WHERE month = "
                                      "'2026-02'"))
                  .toLongLong(),
              23600);
    gui::QueryTableModel* bills = page.frontDeskTab()->billList()->model();
    ASSERT_EQ(bills->rowCount(), 1);
    EXPECT_EQ(bills->value(0, QStringLiteral("amount")).toString(), QStringLiteral("236.00"));
    EXPECT_EQ(bills->value(0, QStringLiteral("quota")).toString(), QStringLiteral("200.00"));
    EXPECT_EQ(bills->value(0, QStringLiteral("excess")).toString(), QStringLiteral("36.00"));
    EXPECT_EQ(bills->headerData(1, Qt::Horizontal).toString(), QStringLiteral("金额（元）"));
    EXPECT_TRUE(page.statusLabel()->text().contains(QStringLiteral("36.00")))
        << page.statusLabel()->text().toStdString();
}

TEST(HandoverPage, RecordsAnInspectionRoundInOneOfThePolicysAreas) {
    DeskFixture f;
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    click(page, QStringLiteral("startDuty"));
    ASSERT_EQ(page.dutyLogTab()->dutyList()->model()->rowCount(), 1);
    const qint64 duty =
        page.dutyLogTab()->dutyList()->model()->value(0, QStringLiteral("id")).toLongLong();
    select(page.dutyLogTab()->dutyList(), duty);
    QStringList areas;
    fd::testing::onNextModal([&areas](QWidget* dialog) {
        auto* area = dialog->findChild<QComboBox*>(QStringLiteral("area"));
        for (int i = 0; i < area->count(); ++i)
            areas << area->itemText(i);
        area->setCurrentIndex(area->findData(QStringLiteral("clubhouse")));
        dialog->findChild<QLineEdit*>(QStringLiteral("hygiene"))
            ->setText(QStringLiteral("泳池边有积水"));
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("findings"))
            ->setPlainText(QStringLiteral("已通知保洁处理"));
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
    });
    click(page, QStringLiteral("inspect"));
    EXPECT_EQ(areas, (QStringList{QStringLiteral("管理区域"), QStringLiteral("公共区域"),
                                  QStringLiteral("售楼处"), QStringLiteral("银行"),
                                  QStringLiteral("会所"), QStringLiteral("大厦绿化")}));
    EXPECT_EQ(f.scalar(QStringLiteral("SELECT area || '/' || hygiene FROM duty_inspections "
                                      "WHERE duty_id = ?"),
                       {duty})
                  .toString(),
              QStringLiteral("clubhouse/泳池边有积水"));
}

TEST(HandoverPage, RecordsALightingCheckAtASetTime) {
    DeskFixture f;
    const qint64 duty = f.startDuty(QStringLiteral("wangfang"));
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    select(page.dutyLogTab()->dutyList(), duty);
    fillNextForm({{QStringLiteral("note"), QStringLiteral("3号楼大堂灯未亮，已报修")}},
                 {{QStringLiteral("slot"), QStringLiteral("23:00")},
                  {QStringLiteral("lights_ok"), QStringLiteral("false")}});
    const qint64 before = f.ts.auditCount();
    click(page, QStringLiteral("lightingCheck"));
    EXPECT_EQ(f.ts.auditCount(), before + 1);
    EXPECT_EQ(f.scalar(QStringLiteral("SELECT slot || '/' || lights_ok || '/' || note FROM "
                                      "duty_lighting_checks WHERE duty_id = ?"),
                       {duty})
                  .toString(),
              QStringLiteral("23:00/0/3号楼大堂灯未亮，已报修"));
}

TEST(HandoverPage, SubmitsTheWrittenReportOfTheSelectedIncident) {
    DeskFixture f;
    const qint64 duty = f.startDuty(QStringLiteral("wangfang"));
    const qint64 incident =
        f.incident(duty, QStringLiteral("wangfang"), QStringLiteral("车库进水"));
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    ASSERT_EQ(page.dutyLogTab()->incidentList()->model()->rowCount(), 1);
    select(page.dutyLogTab()->incidentList(), incident);
    fillNextForm({{QStringLiteral("report"),
                   QStringLiteral("22:10 发现车库进水，22:20 工程部到场抽水，23:30 排净。")}},
                 {});
    click(page, QStringLiteral("incidentReport"));
    EXPECT_EQ(f.scalar(QStringLiteral("SELECT report FROM duty_incidents WHERE id = ?"), {incident})
                  .toString(),
              QStringLiteral("22:10 发现车库进水，22:20 工程部到场抽水，23:30 排净。"));
    EXPECT_FALSE(page.dutyLogTab()
                     ->incidentList()
                     ->model()
                     ->value(0, QStringLiteral("reported_at"))
                     .toString()
                     .isEmpty());
}

TEST(HandoverPage, RecordsADutySwapWithItsReason) {
    DeskFixture f;
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    fillNextForm({{QStringLiteral("duty_date"), QStringLiteral("2026-03-10")},
                  {QStringLiteral("from_login"), QStringLiteral("wangfang")},
                  {QStringLiteral("to_login"), QStringLiteral("liuyang")},
                  {QStringLiteral("reason"), QStringLiteral("家中老人住院")}},
                 {});
    click(page, QStringLiteral("recordSwap"));
    // The swap waits for the supervisor's approval (R8-1.8).
    EXPECT_EQ(f.scalar(QStringLiteral("SELECT json_extract(params, '$.duty_date') || '/' || "
                                      "reason FROM approvals WHERE action = 'duty.record_swap' "
                                      "AND requester_user_id = ? AND status = 'pending'"),
                       {f.wangfang.userId})
                  .toString(),
              QStringLiteral("2026-03-10/家中老人住院"));
}

TEST(HandoverPage, RefusesEndingADutyBeforeTheSuccessorSignsInWithTheClause) {
    DeskFixture f;
    const qint64 duty = f.startDuty(QStringLiteral("wangfang"));
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    // A clerk is not offered the supervisor's end without successor.
    ASSERT_TRUE(page.openRecord(QStringLiteral("duty_record"), QString::number(duty)));
    EXPECT_FALSE(page.findChild<QPushButton*>(QStringLiteral("overrideEndDuty"))->isVisible());
    EXPECT_TRUE(page.findChild<QPushButton*>(QStringLiteral("endDuty"))->isVisible());
    QString shown;
    fd::testing::onNextModal([&shown](QWidget* form) {
        form->findChild<QPlainTextEdit*>(QStringLiteral("happenings"))
            ->setPlainText(QStringLiteral("平稳"));
        form->findChild<QPlainTextEdit*>(QStringLiteral("handling"))
            ->setPlainText(QStringLiteral("无"));
        fd::testing::onNextModal([&shown, form](QWidget* box) {
            if (auto* label = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label")))
                shown = label->text();
            qobject_cast<QDialog*>(box)->accept();
            QTimer::singleShot(50, form, [form] { qobject_cast<QDialog*>(form)->reject(); });
        });
        form->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
    });
    const qint64 before = f.ts.auditCount();
    click(page, QStringLiteral("endDuty"));
    EXPECT_TRUE(shown.contains(QStringLiteral("第8篇 第2.4条"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("接班人未到岗签到"))) << shown.toStdString();
    EXPECT_EQ(f.ts.auditCount(), before);
    EXPECT_EQ(
        f.scalar(QStringLiteral("SELECT status FROM duty_records WHERE id = ?"), {duty}).toString(),
        QStringLiteral("on"));
}

TEST(HandoverPage, SupervisorEndsADutyWithoutSuccessorWithAReasonAndTheirSignature) {
    DeskFixture f;
    const qint64 duty = f.startDuty(QStringLiteral("zhouhong"));
    gui::Session session(f.ts.services(), f.zhouhong);
    gui::HandoverPage page(session);
    page.show();
    ASSERT_TRUE(page.openRecord(QStringLiteral("duty_record"), QString::number(duty)));
    EXPECT_TRUE(page.findChild<QPushButton*>(QStringLiteral("overrideEndDuty"))->isVisible());
    EXPECT_EQ(page.dutyLogTab()->dutyList()->currentRow(), 0);
    fillNextForm({{QStringLiteral("happenings"), QStringLiteral("夜间平稳")},
                  {QStringLiteral("handling"), QStringLiteral("无")},
                  {QStringLiteral("reason"), QStringLiteral("接班人因病缺勤，经理同意")}},
                 {}, {QStringLiteral("zhouhong")});
    click(page, QStringLiteral("overrideEndDuty"));
    EXPECT_EQ(f.scalar(QStringLiteral("SELECT status || '/' || override_reason FROM duty_records "
                                      "WHERE id = ?"),
                       {duty})
                  .toString(),
              QStringLiteral("ended/接班人因病缺勤，经理同意"));
}

TEST(HandoverPage, AddsAnAddendumToACompletedSheetAndShowsIt) {
    DeskFixture f;
    const qint64 sheet = f.completedSheet();
    ASSERT_NE(sheet, 0);

    gui::Session session(f.ts.services(), f.liuyang);
    gui::HandoverPage page(session);
    page.show();
    ASSERT_TRUE(page.openRecord(QStringLiteral("handover_sheet"), QString::number(sheet)));
    ASSERT_TRUE(page.sheetTab()->sheet().completed());
    EXPECT_FALSE(page.findChild<QPushButton*>(QStringLiteral("addMatter"))->isEnabled());
    EXPECT_EQ(page.sheetTab()->addendaTable()->rowCount(), 0);
    const QByteArray signedContent = handover::canonicalContent(page.sheetTab()->sheet());
    fillNextForm({{QStringLiteral("text"), QStringLiteral("更正：第1项钥匙应为12把")}}, {});
    click(page, QStringLiteral("addAddendum"));
    ASSERT_EQ(page.sheetTab()->addendaTable()->rowCount(), 1)
        << page.statusLabel()->text().toStdString();
    EXPECT_EQ(page.sheetTab()->addendaTable()->item(0, 1)->text(), QStringLiteral("刘洋"));
    EXPECT_EQ(page.sheetTab()->addendaTable()->item(0, 2)->text(),
              QStringLiteral("更正：第1项钥匙应为12把"));
    EXPECT_EQ(f.scalar(QStringLiteral("SELECT count(*) FROM handover_addenda WHERE sheet_id = ?"),
                       {sheet})
                  .toInt(),
              1);
    // The signed sheet itself stays as it was.
    auto after = handover::loadSheet(f.ts->database().connection(), sheet);
    ASSERT_TRUE(after);
    EXPECT_EQ(handover::canonicalContent(*after), signedContent);
    EXPECT_EQ(after->addenda.size(), 1);
}

// The printed sheet reads like the paper form in Chinese: states, severities and mail kinds
// as words, the room code and the audit anchor as printed, never a stored code (R6-8).
TEST(HandoverPage, PrintedSheetShowsWordsNotCodesAndKeepsRoomCodesAndTheAnchor) {
    DeskFixture f;
    ASSERT_TRUE(f.ts.run(QStringLiteral("mail.receive"), QStringLiteral("wangfang"),
                         {{QStringLiteral("kind"), QStringLiteral("letter")},
                          {QStringLiteral("addressee"), QStringLiteral("王先生")},
                          {QStringLiteral("unit"), QStringLiteral("A-1203")}}));
    auto opened = f.ts.run(QStringLiteral("handover.open"), QStringLiteral("wangfang"),
                           {{QStringLiteral("post"), QStringLiteral("front_desk")}});
    ASSERT_TRUE(opened);
    const qint64 sheet = opened->result.value(QStringLiteral("sheet_id")).toInteger();
    ASSERT_TRUE(f.ts.run(QStringLiteral("handover.add_matter"), QStringLiteral("wangfang"),
                         {{QStringLiteral("sheet_id"), sheet},
                          {QStringLiteral("cause"), QStringLiteral("A-1203 业主报修漏水")},
                          {QStringLiteral("course"), QStringLiteral("已通知维修部")},
                          {QStringLiteral("result"), QStringLiteral("待上门")},
                          {QStringLiteral("severity"), QStringLiteral("normal")},
                          {QStringLiteral("status"), QStringLiteral("open")}}));
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    ASSERT_TRUE(page.openRecord(QStringLiteral("handover_sheet"), QString::number(sheet)));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("sheet.pdf"));
    // The anchor is the chain's head when the sheet is read; the print itself is then
    // audited (print.form), one row later.
    auto head = AuditLog::head(f.ts->database().connection());
    ASSERT_TRUE(head);
    ASSERT_TRUE(page.sheetTab()->printSheetToPdf(pdf));
    const QString text = fd::testing::pdfText(pdf);
    EXPECT_EQ(AuditLog::head(f.ts->database().connection())->seq, head->seq + 1);
    fd::testing::expectPrinted(text, QStringLiteral("R6-8"),
                               {QStringLiteral("交接班记录"), QStringLiteral("一般"),
                                QStringLiteral("未处理"), QStringLiteral("未清点"),
                                QStringLiteral("信件"), QStringLiteral("A-1203"), head->text()});
    for (const QString& code :
         {QStringLiteral("normal"), QStringLiteral("open"), QStringLiteral("unconfirmed"),
          QStringLiteral("letter"), QStringLiteral("handled"), QStringLiteral("major")})
        EXPECT_FALSE(text.contains(code)) << code.toStdString() << "\n" << text.toStdString();
}

TEST(HandoverPage, PrintsTheDutyRecordAndTheIncidentReportToPdf) {
    DeskFixture f;
    const qint64 duty = f.startDuty(QStringLiteral("wangfang"));
    const qint64 incident =
        f.incident(duty, QStringLiteral("wangfang"), QStringLiteral("电梯困人"));
    gui::Session session(f.ts.services(), f.wangfang);
    gui::HandoverPage page(session);
    page.show();
    select(page.dutyLogTab()->dutyList(), duty);
    select(page.dutyLogTab()->incidentList(), incident);
    QTemporaryDir dir;
    const QString dutyPdf = dir.filePath(QStringLiteral("duty.pdf"));
    const QString incidentPdf = dir.filePath(QStringLiteral("incident.pdf"));
    ASSERT_TRUE(page.dutyLogTab()->printDutyToPdf(dutyPdf));
    ASSERT_TRUE(page.dutyLogTab()->printIncidentToPdf(incidentPdf));
    EXPECT_GT(QFileInfo(dutyPdf).size(), 1000);
    EXPECT_GT(QFileInfo(incidentPdf).size(), 1000);
    // The duty record form: who, from when, what happened and how it was handled (R8-1.3).
    fd::testing::expectPrinted(
        fd::testing::pdfText(dutyPdf), QStringLiteral("R8-1.3"),
        {QStringLiteral("值班记录"), QStringLiteral("王芳"), QStringLiteral("电梯困人")});
    fd::testing::expectPrinted(fd::testing::pdfText(incidentPdf), QStringLiteral("R8-1.6"),
                               {QStringLiteral("电梯困人"), QStringLiteral("王芳")});
}

TEST(HandoverPage, FitsTheWorkspaceOfA1280By800WindowWithoutClippingButtons) {
    DeskFixture f;
    const qint64 sheet = f.completedSheet();
    gui::Session session(f.ts.services(), f.zhouhong);
    // In both interface languages; the tests' own language is put back whatever happens.
    struct Restore {
        ~Restore() { gui::Translations::install(QStringLiteral("zh_CN")); }
    } restore;
    for (const QString& language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
        SCOPED_TRACE(language.toStdString());
        ASSERT_TRUE(gui::Translations::install(language));
        gui::HandoverPage page(session);
        // A completed sheet shows its addenda as a third list in the last row.
        ASSERT_TRUE(page.openRecord(QStringLiteral("handover_sheet"), QString::number(sheet)));
        // 1280 less the navigation (180) and margins; 800 less the title, menu and status bars.
        const QSize workspace(1070, 700);
        EXPECT_LE(page.minimumSizeHint().width(), workspace.width());
        EXPECT_LE(page.minimumSizeHint().height(), workspace.height());
        page.resize(workspace);
        page.show();
        auto* tabs = page.findChild<QTabWidget*>(QStringLiteral("tabs"));
        for (int t = 0; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            QApplication::processEvents();
            for (QPushButton* b : tabs->widget(t)->findChildren<QPushButton*>()) {
                if (!b->isVisible())
                    continue;
                EXPECT_GE(b->width(), b->sizeHint().width()) << b->text().toStdString();
                const QRect inPage(b->mapTo(&page, QPoint(0, 0)), b->size());
                EXPECT_TRUE(page.rect().contains(inPage)) << b->text().toStdString();
            }
        }
    }
}

TEST(HandoverPage, SignOutIsRefusedWithTheClauseWhileTheOwnSheetIsOpenAfterTheShift) {
    HandoverFixture f;
    auto opened = f.ts.run(QStringLiteral("handover.open"), QStringLiteral("wangfang"),
                           {{QStringLiteral("post"), QStringLiteral("front_desk")}});
    ASSERT_TRUE(opened);
    f.ts.clock().set(QDateTime(QDate(2026, 3, 2), QTime(16, 20), Clock::officeZone()).toUTC());
    gui::Session session(f.ts.services(), f.wangfang);
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    gui::MainWindow window(session, pages);
    bool signedOut = false;
    QObject::connect(&window, &gui::MainWindow::signOutRequested, &window,
                     [&] { signedOut = true; });
    window.show();
    QString shown;
    fd::testing::onNextModal([&](QWidget* box) {
        if (auto* label = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label")))
            shown = label->text();
        qobject_cast<QDialog*>(box)->reject();
    });
    EXPECT_FALSE(window.requestSignOut());
    EXPECT_FALSE(signedOut);
    EXPECT_TRUE(shown.contains(QStringLiteral("第6篇 第5条"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("不得签退"))) << shown.toStdString();
    // Another clerk without an open sheet goes.
    gui::Session other(f.ts.services(), f.liuyang);
    gui::MainWindow second(other, pages);
    bool secondOut = false;
    QObject::connect(&second, &gui::MainWindow::signOutRequested, &second,
                     [&] { secondOut = true; });
    EXPECT_TRUE(second.requestSignOut());
    EXPECT_TRUE(secondOut);
}

TEST(HandoverPage, PrintsTheMonthsExceptionsForTheCsManagerToPdf) {
    HandoverFixture f;
    const Actor manager = f.ts.addUser(QStringLiteral("sunjg"), {QStringLiteral("cs_manager")},
                                       QStringLiteral("孙建国"));
    gui::Session clerkSession(f.ts.services(), f.wangfang);
    gui::HandoverPage clerkPage(clerkSession);
    EXPECT_FALSE(clerkPage.findChild<QPushButton*>(QStringLiteral("printExceptions"))
                     ->isVisibleTo(&clerkPage));
    gui::Session session(f.ts.services(), manager);
    gui::HandoverPage page(session);
    EXPECT_TRUE(
        page.findChild<QPushButton*>(QStringLiteral("printExceptions"))->isVisibleTo(&page));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("exceptions.pdf"));
    ASSERT_TRUE(page.sheetTab()->printExceptionsToPdf(QStringLiteral("2026-03"), pdf));
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
    fd::testing::expectPrinted(fd::testing::pdfText(pdf), QStringLiteral("R2-2.4"),
                               {QStringLiteral("特批"), QStringLiteral("2026-03")});
}
