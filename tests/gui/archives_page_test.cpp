// The archives page: search as you type, the loan cycle through the page's dialogs
// (request → approval → checkout with two signatures → return with the count), and a refusal
// shown with its clause.
#include "date_field.h"
#include "db/sql.h"
#include "gui_test_support.h"
#include "pages/archives/archives_page.h"
#include "query_table_model.h"
#include "refusal.h"
#include "session.h"
#include "test_services.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace fd;
using fd::testing::TestServices;

namespace {

void ok(const Result<ActionResult>& r) {
    ASSERT_TRUE(r.has_value()) << r.error().message.en.toStdString();
}

// An archive with a maintenance volume of two items and an official-document volume; an
// archivist, the office manager and a staff borrower (staff record 501).
struct ArchiveFixture {
    TestServices ts;
    ArchiveFixture() {
        for (const auto& [login, roles, staff] :
             {std::tuple{"keeper", "archivist", 0}, std::tuple{"om_chen", "office_manager", 0},
              std::tuple{"clerk1", "doc_clerk", 501}}) {
            QVariantMap p{
                {QStringLiteral("login"), QString::fromUtf8(login)},
                {QStringLiteral("name"), QString::fromUtf8(login)},
                {QStringLiteral("roles"), QString::fromUtf8(roles)},
                {QStringLiteral("password"), TestServices::passwordOf(QString::fromUtf8(login))}};
            if (staff > 0)
                p.insert(QStringLiteral("staff_id"), staff);
            ok(ts.run(QStringLiteral("user.add"), QStringLiteral("admin"), p));
        }
        ok(ts.run(QStringLiteral("archive.add_cabinet"), QStringLiteral("keeper"),
                  {{QStringLiteral("code"), QStringLiteral("A01")},
                   {QStringLiteral("name"), QStringLiteral("一号柜")},
                   {QStringLiteral("locked"), false}}));
        volume(QStringLiteral("WY-001"), QStringLiteral("公共区域维修记录"), 4);
        volume(QStringLiteral("WS-001"), QStringLiteral("公司发文汇编"), 3);
        for (const QString& title :
             {QStringLiteral("电梯年检报告"), QStringLiteral("水泵维修记录")})
            ok(ts.run(QStringLiteral("archive.file_item"), QStringLiteral("keeper"),
                      {{QStringLiteral("volume"), QStringLiteral("WY-001")},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("item_date"), QDate(2020, 6, 1)},
                       {QStringLiteral("pages"), 3},
                       {QStringLiteral("responsible"), QStringLiteral("王芳")}},
                      {ts.sign(QStringLiteral("handed_over"), QStringLiteral("clerk1")),
                       ts.sign(QStringLiteral("received"), QStringLiteral("keeper"))}));
    }
    void volume(const QString& number, const QString& title, int category) {
        ok(ts.run(QStringLiteral("archive.create_volume"), QStringLiteral("keeper"),
                  {{QStringLiteral("number"), number},
                   {QStringLiteral("title"), title},
                   {QStringLiteral("category_id"), category},
                   {QStringLiteral("department"), QStringLiteral("客服部")},
                   {QStringLiteral("retention_years"), 10},
                   {QStringLiteral("confidentiality"), QStringLiteral("ordinary")},
                   {QStringLiteral("cabinet"), QStringLiteral("A01")},
                   {QStringLiteral("date_from"), QDate(2020, 1, 1)},
                   {QStringLiteral("date_to"), QDate(2020, 12, 31)}}));
    }
};

// Fills the loan request dialog (the borrower is the person signed in) and presses OK.
void fillLoanRequest(QWidget* dialog, const QString& volumes, const QString& mode) {
    dialog->findChild<QLineEdit*>(QStringLiteral("volumes"))->setText(volumes);
    dialog->findChild<QLineEdit*>(QStringLiteral("purpose"))
        ->setText(QStringLiteral("查阅维修记录"));
    auto* how = dialog->findChild<QComboBox*>(QStringLiteral("mode"));
    how->setCurrentIndex(how->findData(mode));
    qobject_cast<QDialog*>(dialog)->accept();
}

// Counts the items in the count dialog, then signs as archivist and borrower.
void countAndSign(QWidget* counted, int count, int* expected, QString* summary) {
    auto* spin = counted->findChild<QSpinBox*>(QStringLiteral("count"));
    *expected = spin->value();
    spin->setValue(count);
    fd::testing::onNextModal([summary](QWidget* sign) {
        *summary = sign->objectName();
        for (const auto& [index, login] :
             {std::pair{0, QStringLiteral("keeper")}, std::pair{1, QStringLiteral("clerk1")}}) {
            sign->findChild<QLineEdit*>(QStringLiteral("login%1").arg(index))->setText(login);
            sign->findChild<QLineEdit*>(QStringLiteral("password%1").arg(index))
                ->setText(TestServices::passwordOf(login));
        }
        qobject_cast<QDialog*>(sign)->accept();
    });
    qobject_cast<QDialog*>(counted)->accept();
}

QString loanStatus(TestServices& ts, qint64 loan) {
    auto r = ts->query(QStringLiteral("archive.loans"), {}, ts.actor(QStringLiteral("keeper")));
    for (const QVariantList& row : r->rows)
        if (row[0].toLongLong() == loan)
            return row[7].toString();
    return {};
}

} // namespace

TEST(ArchivesPage, SearchesAsYouTypeAndShowsTheVolumesItems) {
    ArchiveFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("keeper")));
    gui::ArchivesPage page(session);
    QAbstractItemModelTester results(page.results(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester items(page.items(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.show();
    page.searchBox()->setText(QStringLiteral("维修"));
    // Debounced: the hits come after the pause, a volume and an item of it.
    ASSERT_TRUE(fd::testing::waitUntil([&] { return page.results()->rowCount() == 2; }, 3000));
    // The scanner types a number: its volume is selected with its in-volume list.
    page.searchBox()->setText(QStringLiteral("WY-001"));
    ASSERT_TRUE(fd::testing::waitUntil([&] { return page.items()->rowCount() == 2; }, 3000));
    EXPECT_EQ(page.currentVolume(), QStringLiteral("WY-001"));
    EXPECT_EQ(page.items()->value(0, QStringLiteral("title")).toString(),
              QStringLiteral("电梯年检报告"));
}

TEST(ArchivesPage, LoanCycleThroughThePagesDialogs) {
    ArchiveFixture f;
    gui::Session borrower(f.ts.services(), f.ts.actor(QStringLiteral("clerk1")));
    gui::ArchivesPage request(borrower);
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("keeper")));
    gui::ArchivesPage page(session);
    QAbstractItemModelTester loans(page.loans(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester pending(page.pending(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.show();

    // The borrower's request waits for the office manager (R3-4.4.4, R1-1.2.1).
    fd::testing::onNextModal(
        [](QWidget* d) { fillLoanRequest(d, QStringLiteral("WY-001"), QStringLiteral("lend")); });
    ASSERT_TRUE(request.requestLoan());
    EXPECT_TRUE(request.status().contains(QStringLiteral("#"))) << request.status().toStdString();
    EXPECT_EQ(f.ts.count(QStringLiteral("archive_loans")), 0);
    page.refresh();
    ASSERT_EQ(page.pending()->rowCount(), 1);
    const qint64 approval = page.pending()->value(0, QStringLiteral("id")).toLongLong();

    // Approved through the bus, with the approver's signature.
    ok(f.ts.run(QStringLiteral("approval.approve"), QStringLiteral("om_chen"),
                {{QStringLiteral("id"), approval}},
                {f.ts.sign(QStringLiteral("approver"), QStringLiteral("om_chen"))}));
    session.notifyChanged(QStringLiteral("approval"));
    EXPECT_EQ(page.pending()->rowCount(), 0);
    ASSERT_EQ(page.loans()->rowCount(), 1);
    const qint64 loan = page.loans()->value(0, QStringLiteral("id")).toLongLong();
    EXPECT_EQ(loanStatus(f.ts, loan), QStringLiteral("approved"));

    // Checkout: both count face to face and sign in the page's sign dialog (R1-1.2.5).
    page.selectLoan(loan);
    int expected = 0;
    QString signDialog;
    fd::testing::onNextModal([&](QWidget* d) { countAndSign(d, 2, &expected, &signDialog); });
    ASSERT_TRUE(page.checkOut()) << page.status().toStdString();
    EXPECT_EQ(expected, 2);
    EXPECT_EQ(signDialog, QStringLiteral("signDialog"));
    EXPECT_EQ(loanStatus(f.ts, loan), QStringLiteral("out"));
    auto sigs = f.ts->signatures().forRecord(f.ts->database().connection(),
                                             QStringLiteral("archive_loan_checkout"),
                                             QString::number(loan));
    ASSERT_TRUE(sigs.has_value());
    EXPECT_EQ(sigs->size(), 2);

    // Return with the count and the condition.
    page.selectLoan(loan);
    fd::testing::onNextModal([&](QWidget* d) { countAndSign(d, 2, &expected, &signDialog); });
    ASSERT_TRUE(page.giveBack()) << page.status().toStdString();
    EXPECT_EQ(loanStatus(f.ts, loan), QStringLiteral("returned"));
    auto back = sql::scalar(f.ts->database().connection(),
                            QStringLiteral("SELECT return_count || ':' || return_condition FROM "
                                           "archive_loans WHERE id = ?"),
                            {loan});
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->toString(), QStringLiteral("2:good"));
}

TEST(ArchivesPage, TheLoanFormProposesADueDateTheRuleAllowsForEachMode) {
    ArchiveFixture f;
    gui::Session borrower(f.ts.services(), f.ts.actor(QStringLiteral("clerk1")));
    gui::ArchivesPage page(borrower);
    page.show();
    const QDate today = f.ts->clock().officeToday();
    QDate onSite, onSiteLatest, lend, lendLatest;
    fd::testing::onNextModal([&](QWidget* d) {
        auto* due = d->findChild<gui::DateField*>();
        auto* how = d->findChild<QComboBox*>(QStringLiteral("mode"));
        how->setCurrentIndex(how->findData(QStringLiteral("on_site")));
        onSite = due->date();
        onSiteLatest = due->latest();
        how->setCurrentIndex(how->findData(QStringLiteral("lend")));
        lend = due->date();
        lendLatest = due->latest();
        // Sent as proposed: the rule of the longest period (R1-1.1.5) does not refuse it.
        fillLoanRequest(d, QStringLiteral("WY-001"), QStringLiteral("lend"));
    });
    ASSERT_TRUE(page.requestLoan()) << page.status().toStdString();
    // Reading on site lasts a day at most; lending a week is proposed, two weeks allowed.
    EXPECT_EQ(onSite, today.addDays(1));
    EXPECT_EQ(onSiteLatest, today.addDays(1));
    EXPECT_EQ(lend, today.addDays(7));
    EXPECT_EQ(lendLatest, today.addDays(14));
}

TEST(ArchivesPage, TheLoanFormTakesADueDateTypedAsPeopleWriteIt) {
    ArchiveFixture f;
    gui::Session borrower(f.ts.services(), f.ts.actor(QStringLiteral("clerk1")));
    gui::ArchivesPage page(borrower);
    page.show();
    const QDate today = f.ts->clock().officeToday();
    const QDate inTenDays = today.addDays(10);
    // Full-width digits, as a Chinese input method types them.
    const auto fullWidth = [](int n) {
        QString out;
        for (const QChar c : QString::number(n))
            out += QChar(0xFF10 + c.digitValue());
        return out;
    };
    fd::testing::onNextModal([&](QWidget* d) {
        d->findChild<QLineEdit*>(QStringLiteral("volumes"))->setText(QStringLiteral("WY-001"));
        d->findChild<QLineEdit*>(QStringLiteral("purpose"))
            ->setText(QStringLiteral("查阅维修记录"));
        auto* how = d->findChild<QComboBox*>(QStringLiteral("mode"));
        how->setCurrentIndex(how->findData(QStringLiteral("lend")));
        // The month and day of this year, without the year.
        auto* due = d->findChild<QLineEdit*>(QStringLiteral("due_date"));
        due->clear();
        fd::testing::typeText(due,
                              QStringLiteral("%1月%2日")
                                  .arg(fullWidth(inTenDays.month()), fullWidth(inTenDays.day())));
        qobject_cast<QDialog*>(d)->accept();
    });
    ASSERT_TRUE(page.requestLoan()) << page.status().toStdString();
    // The request (waiting for approval, or a loan) carries the day typed.
    auto loans =
        f.ts->query(QStringLiteral("archive.loans"), {}, f.ts.actor(QStringLiteral("keeper")));
    ASSERT_TRUE(loans);
    ASSERT_FALSE(loans->rows.isEmpty());
    EXPECT_EQ(loans->rows.first().value(6).toString(), inTenDays.toString(Qt::ISODate));
}

TEST(ArchivesPage, LendingAnOfficialDocumentArchiveIsRefusedWithItsClause) {
    ArchiveFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("clerk1")));
    gui::ArchivesPage page(session);
    const qint64 audit = f.ts.auditCount();
    QString refusal;
    fd::testing::onNextModal([&](QWidget* d) {
        fd::testing::onNextModal([&](QWidget* box) {
            refusal = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label"))->text();
            qobject_cast<QDialog*>(box)->accept();
        });
        fillLoanRequest(d, QStringLiteral("WS-001"), QStringLiteral("lend"));
        // The form stays open after the refusal, for a correction.
        EXPECT_TRUE(d->isVisible());
        qobject_cast<QDialog*>(d)->reject();
    });
    EXPECT_FALSE(page.requestLoan());
    EXPECT_TRUE(refusal.contains(gui::clauseLabel(QStringLiteral("R1-1.2.2"))))
        << refusal.toStdString();
    EXPECT_EQ(f.ts.auditCount(), audit);
    EXPECT_EQ(f.ts.count(QStringLiteral("approvals")), 0);
}

TEST(ArchivesPage, LoanScreenShowsThatLendingToAVisitorWouldLeaveTheCompany) {
    ArchiveFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("keeper")));
    gui::ArchivesPage page(session);
    bool checked = false;
    fd::testing::onNextModal([&](QWidget* d) {
        auto* kind = d->findChild<QComboBox*>(QStringLiteral("borrower_kind"));
        auto* mode = d->findChild<QComboBox*>(QStringLiteral("mode"));
        auto* where = d->findChild<QLabel*>(QStringLiteral("leavesCompany"));
        ASSERT_TRUE(kind && mode && where);
        auto* modes = qobject_cast<QStandardItemModel*>(mode->model());
        ASSERT_NE(modes, nullptr);
        const int lend = mode->findData(QStringLiteral("lend"));
        mode->setCurrentIndex(lend);
        // An outside organisation: lending would leave the building, so it is not offered.
        kind->setCurrentIndex(kind->findData(QStringLiteral("outside")));
        EXPECT_FALSE(modes->item(lend)->isEnabled());
        EXPECT_EQ(mode->currentData().toString(), QStringLiteral("on_site"));
        EXPECT_TRUE(where->text().contains(QStringLiteral("R1-2.5.1")))
            << where->text().toStdString();
        EXPECT_TRUE(where->text().contains(QStringLiteral("带出公司")))
            << where->text().toStdString();
        // A staff member borrows inside the company.
        kind->setCurrentIndex(kind->findData(QStringLiteral("staff")));
        EXPECT_TRUE(modes->item(lend)->isEnabled());
        EXPECT_TRUE(where->text().contains(QStringLiteral("不出公司")))
            << where->text().toStdString();
        checked = true;
        qobject_cast<QDialog*>(d)->reject();
    });
    EXPECT_FALSE(page.requestLoan());
    EXPECT_TRUE(checked);
}

TEST(ArchivesPage, OutsideBorrowerChecksOutSigningOnPaperWithNameAndId) {
    ArchiveFixture f;
    auto r = f.ts.run(QStringLiteral("archive.request_loan"), QStringLiteral("keeper"),
                      {{QStringLiteral("borrower_kind"), QStringLiteral("outside")},
                       {QStringLiteral("borrower_name"), QStringLiteral("李审计")},
                       {QStringLiteral("organisation"), QStringLiteral("审计事务所")},
                       {QStringLiteral("introduction_letter"), QStringLiteral("审计〔2026〕3号")},
                       {QStringLiteral("id_document"), QStringLiteral("身份证 110101199001011234")},
                       {QStringLiteral("purpose"), QStringLiteral("年度审计")},
                       {QStringLiteral("mode"), QStringLiteral("on_site")},
                       {QStringLiteral("due_date"), f.ts.services().clock().officeToday()},
                       {QStringLiteral("volumes"), QStringLiteral("WY-001")}});
    ASSERT_TRUE(r.has_value()) << r.error().message.en.toStdString();
    auto a = f.ts.run(QStringLiteral("approval.approve"), QStringLiteral("om_chen"),
                      {{QStringLiteral("id"), r->approvalId}},
                      {f.ts.sign(QStringLiteral("approver"), QStringLiteral("om_chen"))});
    ASSERT_TRUE(a.has_value()) << a.error().message.en.toStdString();
    const qint64 loan = a->result.value(QStringLiteral("executed"))
                            .toObject()
                            .value(QStringLiteral("loan_id"))
                            .toInteger();
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("keeper")));
    gui::ArchivesPage page(session);
    page.selectLoan(loan);
    bool borrowerLine = true;
    fd::testing::onNextModal([&](QWidget* counted) {
        counted->findChild<QSpinBox*>(QStringLiteral("count"))->setValue(2);
        counted->findChild<QLineEdit*>(QStringLiteral("signer_name"))
            ->setText(QStringLiteral("李审计"));
        counted->findChild<QLineEdit*>(QStringLiteral("signer_id_document"))
            ->setText(QStringLiteral("身份证 110101199001011234"));
        fd::testing::onNextModal([&](QWidget* sign) {
            // Only the archivist signs with a password; the auditor signs the slip.
            borrowerLine = sign->findChild<QLineEdit*>(QStringLiteral("login1")) != nullptr;
            sign->findChild<QLineEdit*>(QStringLiteral("login0"))
                ->setText(QStringLiteral("keeper"));
            sign->findChild<QLineEdit*>(QStringLiteral("password0"))
                ->setText(TestServices::passwordOf(QStringLiteral("keeper")));
            qobject_cast<QDialog*>(sign)->accept();
        });
        qobject_cast<QDialog*>(counted)->accept();
    });
    ASSERT_TRUE(page.checkOut()) << page.status().toStdString();
    EXPECT_FALSE(borrowerLine);
    EXPECT_EQ(loanStatus(f.ts, loan), QStringLiteral("out"));
    auto signer = sql::scalar(f.ts->database().connection(),
                              QStringLiteral("SELECT checkout_signer_name FROM archive_loans "
                                             "WHERE id = ?"),
                              {loan});
    ASSERT_TRUE(signer.has_value());
    EXPECT_EQ(signer->toString(), QStringLiteral("李审计"));
}

TEST(ArchivesPage, PrintsTheGeneralCatalogueToPdf) {
    ArchiveFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("keeper")));
    gui::ArchivesPage page(session);
    auto doc = page.generalCatalogue();
    ASSERT_TRUE(doc.has_value()) << doc.error().message.en.toStdString();
    ASSERT_EQ(doc->tables.size(), 1);
    EXPECT_EQ(doc->tables[0].rows.size(), 2);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalogue.pdf"));
    ASSERT_TRUE(page.printCatalogueToPdf(path));
    QFile pdf(path);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdf.read(5).startsWith("%PDF"));
}

// A return one item short opens an incident; the dashboard's "待书面报告的事故" entry opens the
// page's incidents list on it, and the written report is written in the page's dialog: an
// empty report is refused with the dialog left open, then the report is recorded (R1-1.2.6).
TEST(ArchivesPage, WritesTheReportOfAnIncidentOpenedFromTheDashboard) {
    ArchiveFixture f;
    ok(f.ts.run(QStringLiteral("archive.request_loan"), QStringLiteral("keeper"),
                {{QStringLiteral("borrower_kind"), QStringLiteral("staff")},
                 {QStringLiteral("borrower_staff_id"), 501},
                 {QStringLiteral("borrower_name"), QStringLiteral("clerk1")},
                 {QStringLiteral("purpose"), QStringLiteral("查阅维修记录")},
                 {QStringLiteral("mode"), QStringLiteral("lend")},
                 {QStringLiteral("due_date"), f.ts->clock().officeToday().addDays(7)},
                 {QStringLiteral("volumes"), QStringLiteral("WY-001")}}));
    auto approval =
        sql::scalar(f.ts->database().connection(), QStringLiteral("SELECT max(id) FROM approvals"));
    ASSERT_TRUE(approval.has_value());
    ok(f.ts.run(QStringLiteral("approval.approve"), QStringLiteral("om_chen"),
                {{QStringLiteral("id"), approval->toLongLong()}},
                {f.ts.sign(QStringLiteral("approver"), QStringLiteral("om_chen"))}));
    const qint64 loan = sql::scalar(f.ts->database().connection(),
                                    QStringLiteral("SELECT max(id) FROM archive_loans"))
                            ->toLongLong();
    const std::vector<SignatureInput> both{
        f.ts.sign(QStringLiteral("archivist"), QStringLiteral("keeper")),
        f.ts.sign(QStringLiteral("borrower"), QStringLiteral("clerk1"))};
    ok(f.ts.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"),
                {{QStringLiteral("loan_id"), loan}, {QStringLiteral("count"), 2}}, both));

    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("keeper")));
    gui::ArchivesPage page(session);
    QAbstractItemModelTester incidents(page.incidents(),
                                       QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.show();
    EXPECT_EQ(page.incidents()->rowCount(), 0);

    // Returned one item short, through the page's count and sign dialogs.
    page.selectLoan(loan);
    int expected = 0;
    QString signDialog;
    fd::testing::onNextModal([&](QWidget* d) { countAndSign(d, 1, &expected, &signDialog); });
    ASSERT_TRUE(page.giveBack()) << page.status().toStdString();
    EXPECT_TRUE(page.status().contains(QStringLiteral("R1-1.2.6"))) << page.status().toStdString();
    ASSERT_EQ(page.incidents()->rowCount(), 1);
    EXPECT_EQ(page.incidents()->value(0, QStringLiteral("kind")).toString(),
              QStringLiteral("missing"));

    // The dashboard's entry names the incident; opening it shows the incidents list on it.
    AttentionItem entry;
    for (const AttentionSource& src : f.ts->attention().all())
        if (src.id == QStringLiteral("archive.incidents")) {
            EXPECT_EQ(src.title.zh, QStringLiteral("待书面报告的事故"));
            auto items = src.items(f.ts.services(), f.ts.actor(QStringLiteral("keeper")));
            ASSERT_TRUE(items.has_value());
            ASSERT_EQ(items->size(), 1);
            entry = items->first();
        }
    ASSERT_EQ(entry.entity, QStringLiteral("archive_incident"));
    // Listed in the office's time (UTC+8); the dashboard keeps the moment itself.
    EXPECT_EQ(page.incidents()->value(0, QStringLiteral("opened_at")).toString(),
              QStringLiteral("2026-03-02 09:00"));
    EXPECT_EQ(entry.since, f.ts->clock().nowUtc());
    EXPECT_TRUE(entry.text.zh.contains(QStringLiteral("缺失"))) << entry.text.zh.toStdString();
    page.tabs()->setCurrentIndex(0);
    ASSERT_TRUE(page.openRecord(entry.entity, entry.entityId));
    EXPECT_EQ(page.tabs()->currentWidget()->findChild<QTableView*>(QStringLiteral("incidents")),
              page.findChild<QTableView*>(QStringLiteral("incidents")));
    EXPECT_EQ(page.currentIncidentId(), entry.entityId.toLongLong());

    // An empty report is refused naming the field; the dialog stays open for the text.
    const QString text = QStringLiteral("借阅人归还时短少《水泵维修记录》一份，经查系借阅期间遗失，"
                                        "已报告管理处经理，责任人陈静，按规定追究责任。");
    QString refusal;
    QString summary;
    fd::testing::onNextModal([&](QWidget* d) {
        summary = d->findChild<QLabel*>(QStringLiteral("incidentSummary"))->text();
        fd::testing::onNextModal([&](QWidget* box) {
            refusal = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label"))->text();
            qobject_cast<QDialog*>(box)->accept();
        });
        qobject_cast<QDialog*>(d)->accept();
        EXPECT_TRUE(d->isVisible());
        auto* edit = d->findChild<QPlainTextEdit*>(QStringLiteral("report"));
        edit->setFocus();
        fd::testing::typeText(edit, text);
        qobject_cast<QDialog*>(d)->accept();
    });
    const qint64 audit = f.ts.auditCount();
    ASSERT_TRUE(page.writeIncidentReport()) << page.status().toStdString();
    EXPECT_FALSE(refusal.isEmpty());
    EXPECT_TRUE(summary.contains(QString::number(loan))) << summary.toStdString();
    EXPECT_EQ(f.ts.auditCount(), audit + 1);
    auto stored = sql::exec(f.ts->database().connection(),
                            QStringLiteral("SELECT status, report, reported_by FROM "
                                           "archive_incidents WHERE id = ?"),
                            {entry.entityId.toLongLong()});
    ASSERT_TRUE(stored.has_value() && stored->next());
    EXPECT_EQ(stored->value(0).toString(), QStringLiteral("reported"));
    EXPECT_EQ(stored->value(1).toString(), text);
    EXPECT_EQ(stored->value(2).toString(), QStringLiteral("keeper"));
    // Reported: off the list and off the dashboard.
    EXPECT_EQ(page.incidents()->rowCount(), 0);
    for (const AttentionSource& src : f.ts->attention().all()) {
        if (src.id == QStringLiteral("archive.incidents")) {
            EXPECT_TRUE(
                src.items(f.ts.services(), f.ts.actor(QStringLiteral("keeper")))->isEmpty());
        }
    }
}

// Flags read as words in the lists and in prints: 原件/复印件 for an item, 未封存 for a volume
// not sealed yet.
TEST(ArchivesPage, FlagsReadAsWordsInListsAndPrintsAndTitlesGetTheWidth) {
    ArchiveFixture f;
    ok(f.ts.run(QStringLiteral("archive.file_item"), QStringLiteral("keeper"),
                {{QStringLiteral("volume"), QStringLiteral("WY-001")},
                 {QStringLiteral("title"), QStringLiteral("配电房巡查记录")},
                 {QStringLiteral("item_date"), QDate(2020, 7, 1)},
                 {QStringLiteral("original"), false},
                 {QStringLiteral("copy_reason"), QStringLiteral("原件存集团")},
                 {QStringLiteral("pages"), 2},
                 {QStringLiteral("responsible"), QStringLiteral("王芳")}},
                {f.ts.sign(QStringLiteral("handed_over"), QStringLiteral("clerk1")),
                 f.ts.sign(QStringLiteral("received"), QStringLiteral("keeper"))}));
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("keeper")));
    gui::ArchivesPage page(session);
    page.searchBox()->setText(QStringLiteral("WY-001"));
    page.searchNow();
    ASSERT_EQ(page.items()->rowCount(), 3);
    // The title takes the width that is left; the cabinet code fits its content.
    page.resize(1070, 700);
    page.show();
    QApplication::processEvents();
    auto* results = page.findChild<QTableView*>(QStringLiteral("results"));
    ASSERT_NE(results, nullptr);
    const int title = page.results()->columnOf(QStringLiteral("title"));
    const int cabinet = page.results()->columnOf(QStringLiteral("cabinet"));
    ASSERT_GE(title, 0);
    ASSERT_GE(cabinet, 0);
    EXPECT_GT(results->columnWidth(title), 2 * results->columnWidth(cabinet))
        << results->columnWidth(title) << " vs " << results->columnWidth(cabinet);
    EXPECT_EQ(results->horizontalHeader()->sectionResizeMode(title), QHeaderView::Stretch);
    const int original = page.items()->columnOf(QStringLiteral("original"));
    ASSERT_GE(original, 0);
    QStringList shown;
    for (int r = 0; r < page.items()->rowCount(); ++r)
        shown << page.items()->data(page.items()->index(r, original)).toString();
    const QString yes = gui::display({QStringLiteral("Original"), QStringLiteral("原件")});
    const QString copy = gui::display({QStringLiteral("Copy"), QStringLiteral("复印件")});
    EXPECT_EQ(shown, (QStringList{yes, yes, copy}));
    // The raw flag stays for sorting and scripts.
    EXPECT_EQ(page.items()->value(2, QStringLiteral("original")).toInt(), 0);

    auto doc = page.generalCatalogue();
    ASSERT_TRUE(doc.has_value()) << doc.error().message.en.toStdString();
    const int sealed = static_cast<int>(doc->tables[0].headers.indexOf(
        gui::display({QStringLiteral("Sealed"), QStringLiteral("封存时间")})));
    ASSERT_GE(sealed, 0);
    EXPECT_EQ(doc->tables[0].rows[0][sealed],
              gui::display({QStringLiteral("Not sealed"), QStringLiteral("未封存")}));
}
