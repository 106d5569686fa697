// The keys page (钥匙管理): a USB scanner's tag number and Enter open the form that fits the
// key (lend for a key in the cabinet, return for a key out, 领回 or lend for an owner's
// deposited ring), a loan needing the supervisor's approval waits in the list as 待批准, an
// unknown tag is named in the message line, the emergency set's countersignature, the
// dashboard's overdue loan, the shortcuts, and the roles that see the page.
#include "../modules/keys/keys_fixture.h"
#include "gui_test_support.h"
#include "pages/keys/keys_page.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "session.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QtTest/QTest>
#include <memory>

using namespace fd;
using fd::gui::KeysPage;
using fd::testing::KeysTest;
using fd::testing::TestServices;

namespace {

using Tester = QAbstractItemModelTester;

class KeysPageTest : public KeysTest {
protected:
    // The page as `login` sees it, its lists' models and proxies under the model tester.
    KeysPage& page(const QString& login) {
        session_ = std::make_unique<gui::Session>(t.services(), t.actor(login));
        page_ = std::make_unique<KeysPage>(*session_);
        for (const gui::KeyLists::Tab tab : {gui::KeyLists::RegisterTab, gui::KeyLists::OutTab,
                                             gui::KeyLists::OverdueTab, gui::KeyLists::LoansTab}) {
            testers_.push_back(std::make_unique<Tester>(page_->lists()->list(tab)->model(),
                                                        Tester::FailureReportingMode::Fatal));
            testers_.push_back(std::make_unique<Tester>(page_->lists()->list(tab)->proxy(),
                                                        Tester::FailureReportingMode::Fatal));
        }
        testers_.push_back(
            std::make_unique<Tester>(page_->history(), Tester::FailureReportingMode::Fatal));
        page_->resize(1100, 700);
        page_->show();
        return *page_;
    }

    // What the list of `tab` shows in column `key` of its first row with `tag` among its keys.
    QString shownFor(gui::KeyLists::Tab tab, const QString& tag, const QString& key) const {
        const gui::QueryTableModel* m = page_->lists()->list(tab)->model();
        const QString column =
            tab == gui::KeyLists::RegisterTab ? QStringLiteral("tag") : QStringLiteral("keys");
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->value(r, column).toString().contains(tag))
                return m->data(m->index(r, m->columnOf(key))).toString();
        return {};
    }

    std::unique_ptr<gui::Session> session_;
    std::unique_ptr<KeysPage> page_;
    std::vector<std::unique_ptr<Tester>> testers_;
};

// A scanner: the tag number typed key by key into `widget`, then Enter.
void scanInto(QWidget* widget, const QString& tag) {
    QTest::keyClicks(widget, tag);
    QTest::keyClick(widget, Qt::Key_Return);
}

void choose(QWidget* dialog, const QString& field, const QVariant& value) {
    auto* combo = dialog->findChild<QComboBox*>(field);
    ASSERT_NE(combo, nullptr) << field.toStdString();
    const int index = combo->findData(value.toString());
    ASSERT_GE(index, 0) << field.toStdString() << " = " << value.toString().toStdString();
    combo->setCurrentIndex(index);
}

void type(QWidget* dialog, const QString& field, const QString& text) {
    if (auto* e = dialog->findChild<QLineEdit*>(field))
        e->setText(text);
    else if (auto* p = dialog->findChild<QPlainTextEdit*>(field))
        p->setPlainText(text);
    else
        ADD_FAILURE() << "no field " << field.toStdString();
}

// Presses OK on a form. A refusal shown instead of the form closing fails the test and
// closes both, so that nothing waits; the watch ends with the press (no handler outlives it).
void accept(QWidget* dialog) {
    QTimer watch;
    watch.setInterval(20);
    QObject::connect(&watch, &QTimer::timeout, &watch, [] {
        // A refusal is a warning (bad input an information); a question is the page's own.
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box == nullptr || box->icon() == QMessageBox::Question)
            return;
        ADD_FAILURE() << "refused: " << box->text().toStdString();
        box->reject();
    });
    watch.start();
    auto* form = qobject_cast<QDialog*>(dialog);
    form->accept();
    if (form->isVisible())
        form->reject();
}

// The lend form as a clerk fills it for the technician's repair.
void lendToTechnician(QWidget* form, qint64 staffId, QString* seen) {
    *seen = form->objectName();
    choose(form, QStringLiteral("borrower_kind"), QStringLiteral("staff"));
    choose(form, QStringLiteral("borrower_staff_id"), staffId);
    choose(form, QStringLiteral("purpose"), QStringLiteral("repair"));
    // Only a staff borrower's fields are asked.
    EXPECT_FALSE(form->findChild<QLineEdit*>(QStringLiteral("organisation"))->isVisibleTo(form));
    accept(form);
}

} // namespace

TEST_F(KeysPageTest, AScannedKeyInTheCabinetOpensLendAndAScannedKeyOutOpensReturn) {
    key(QStringLiteral("GG-0001"));
    key(QStringLiteral("GG-0002"));
    deposit(); // an owner's ring: the longest category, 业主（住户）钥匙
    KeysPage& p = page(QStringLiteral("clerk"));
    ASSERT_EQ(p.lists()->list(gui::KeyLists::RegisterTab)->model()->rowCount(), 3);

    // The scan box has the focus; the scanner types the tag and Enter: the lend form.
    QString seen;
    fd::testing::onNextModal([&](QWidget* form) { lendToTechnician(form, techStaff, &seen); });
    scanInto(p.scanBox(), QStringLiteral("GG-0001"));
    EXPECT_EQ(seen, QStringLiteral("lendForm"));
    EXPECT_EQ(status(QStringLiteral("GG-0001")), QStringLiteral("out"));
    EXPECT_TRUE(p.status().contains(QStringLiteral("GG-0001"))) << p.status().toStdString();
    EXPECT_EQ(p.currentKey().tag, QStringLiteral("GG-0001"));
    EXPECT_EQ(
        shownFor(gui::KeyLists::RegisterTab, QStringLiteral("GG-0001"), QStringLiteral("status")),
        QStringLiteral("借出"));
    EXPECT_EQ(
        shownFor(gui::KeyLists::OutTab, QStringLiteral("GG-0001"), QStringLiteral("borrower")),
        QStringLiteral("马军"));
    EXPECT_TRUE(p.details().contains(QStringLiteral("马军"))) << p.details().toStdString();
    // The scan box holds the tag, selected: the next scan replaces it.
    EXPECT_EQ(p.scanBox()->selectedText(), QStringLiteral("GG-0001"));

    // Back an hour later, scanned with the focus on the register list: the return form,
    // the ring's count filled in.
    t.clock().advanceSeconds(3600);
    QString count;
    fd::testing::onNextModal([&](QWidget* form) {
        seen = form->objectName();
        count = form->findChild<QLineEdit*>(QStringLiteral("count"))->text();
        choose(form, QStringLiteral("condition"), QStringLiteral("good"));
        accept(form);
    });
    scanInto(p.lists()->list(gui::KeyLists::RegisterTab)->table(), QStringLiteral("GG-0001"));
    EXPECT_EQ(seen, QStringLiteral("returnForm"));
    EXPECT_EQ(count, QStringLiteral("1"));
    EXPECT_EQ(status(QStringLiteral("GG-0001")), QStringLiteral("in"));
    EXPECT_EQ(p.lists()->list(gui::KeyLists::OutTab)->model()->rowCount(), 0);
    EXPECT_TRUE(p.status().contains(QStringLiteral("归还"))) << p.status().toStdString();
    EXPECT_EQ(p.history()->rowCount(), 3); // registered, lent, returned
    // Reloaded while the search showed one key, the columns still fit every key's text.
    QTableView* table = p.lists()->list(gui::KeyLists::RegisterTab)->table();
    const int category =
        p.lists()->list(gui::KeyLists::RegisterTab)->model()->columnOf(QStringLiteral("category"));
    EXPECT_GE(table->columnWidth(category),
              table->fontMetrics().horizontalAdvance(QStringLiteral("业主（住户）钥匙")));
}

TEST_F(KeysPageTest, AScanIsCaughtWhileTheNavigationBesideThePageHasTheFocus) {
    key(QStringLiteral("GG-0001"));
    gui::Session session(t.services(), t.actor(QStringLiteral("clerk")));
    QWidget window;
    auto* layout = new QHBoxLayout(&window);
    auto* navigation = new QListWidget(&window);
    navigation->addItems({QStringLiteral("待办事项"), QStringLiteral("钥匙管理")});
    auto* keys = new KeysPage(session, &window);
    layout->addWidget(navigation);
    layout->addWidget(keys);
    window.show();
    // Shown, the page gives its scan box the focus.
    EXPECT_EQ(window.focusWidget(), keys->scanBox());
    navigation->setFocus();
    navigation->setCurrentRow(1);
    QString seen;
    fd::testing::onNextModal([&](QWidget* form) {
        seen = form->objectName();
        qobject_cast<QDialog*>(form)->reject();
    });
    scanInto(navigation, QStringLiteral("GG-0001"));
    EXPECT_EQ(seen, QStringLiteral("lendForm"));
    EXPECT_EQ(keys->currentKey().tag, QStringLiteral("GG-0001"));
    // The navigation kept its row: the tag's letters went to the scan box.
    EXPECT_EQ(navigation->currentRow(), 1);
    EXPECT_EQ(status(QStringLiteral("GG-0001")), QStringLiteral("in"));
}

TEST_F(KeysPageTest, AnEquipmentKeyLentWithoutApprovalWaitsInTheListAsWaiting) {
    key(QStringLiteral("SB-0001"), QStringLiteral("equipment"));
    KeysPage& p = page(QStringLiteral("clerk"));
    QString seen;
    fd::testing::onNextModal([&](QWidget* form) { lendToTechnician(form, techStaff, &seen); });
    scanInto(p.scanBox(), QStringLiteral("SB-0001"));
    EXPECT_EQ(seen, QStringLiteral("lendForm"));
    // Nothing left the cabinet: the request waits for the supervisor (R3-4.5.5).
    EXPECT_EQ(status(QStringLiteral("SB-0001")), QStringLiteral("in"));
    EXPECT_TRUE(p.status().contains(QStringLiteral("待批准"))) << p.status().toStdString();
    EXPECT_TRUE(p.status().contains(QStringLiteral("客服主管"))) << p.status().toStdString();
    EXPECT_EQ(
        shownFor(gui::KeyLists::LoansTab, QStringLiteral("SB-0001"), QStringLiteral("status")),
        QStringLiteral("待批准"));
    const qint64 request =
        shownFor(gui::KeyLists::LoansTab, QStringLiteral("SB-0001"), QStringLiteral("request"))
            .toLongLong();
    ASSERT_GT(request, 0);
    EXPECT_TRUE(p.details().contains(QStringLiteral("待批准"))) << p.details().toStdString();
    EXPECT_FALSE(p.findChild<QPushButton*>(QStringLiteral("lendButton"))->isEnabled());

    // Scanned again while it waits: said, and no second request.
    EXPECT_FALSE(p.scan(QStringLiteral("SB-0001")));
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr);
    EXPECT_TRUE(p.status().contains(QString::number(request))) << p.status().toStdString();
    EXPECT_EQ(t.count(QStringLiteral("approvals")), 1);

    // Approved by the supervisor with a signature: the key is out, the loan keeps the request.
    ASSERT_TRUE(approve(request));
    session_->notifyChanged(QStringLiteral("approval"));
    EXPECT_EQ(
        shownFor(gui::KeyLists::LoansTab, QStringLiteral("SB-0001"), QStringLiteral("status")),
        QStringLiteral("借出中"));
    EXPECT_EQ(shownFor(gui::KeyLists::OutTab, QStringLiteral("SB-0001"), QStringLiteral("request")),
              QString());
    EXPECT_EQ(
        shownFor(gui::KeyLists::RegisterTab, QStringLiteral("SB-0001"), QStringLiteral("status")),
        QStringLiteral("借出"));
}

TEST_F(KeysPageTest, AScannedOwnersRingOffersTakeBackWhichRecordsTheOwner) {
    const QString ring = deposit();
    KeysPage& p = page(QStringLiteral("clerk"));
    QString choice;
    QString seen;
    fd::testing::onNextModal([&](QWidget* box) {
        choice = box->objectName();
        fd::testing::onNextModal([&](QWidget* form) {
            seen = form->objectName();
            choose(form, QStringLiteral("taker_kind"), QStringLiteral("owner"));
            choose(form, QStringLiteral("taker_resident_id"), owner);
            type(form, QStringLiteral("taker_id_tail"), QStringLiteral("1234"));
            // The owner's name is in the registry: no name to type.
            EXPECT_FALSE(
                form->findChild<QLineEdit*>(QStringLiteral("taker_name"))->isVisibleTo(form));
            accept(form);
        });
        box->findChild<QPushButton*>(QStringLiteral("takeBackChoice"))->click();
    });
    scanInto(p.scanBox(), ring);
    EXPECT_EQ(choice, QStringLiteral("scanChoice"));
    EXPECT_EQ(seen, QStringLiteral("takeBackForm"));
    EXPECT_EQ(status(ring), QStringLiteral("retired"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT taker_name FROM key_takebacks")).toString(),
              QStringLiteral("周明"));
    EXPECT_TRUE(p.status().contains(QStringLiteral("领回"))) << p.status().toStdString();
    EXPECT_EQ(shownFor(gui::KeyLists::RegisterTab, ring, QStringLiteral("status")),
              QStringLiteral("已注销"));
    // The slots are no longer held.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM key_slots WHERE custody <> "
                                    "'not_held'"))
                  .toLongLong(),
              0);
}

TEST_F(KeysPageTest, AnUnknownTagIsNamedInTheMessageLine) {
    key(QStringLiteral("GG-0001"));
    KeysPage& p = page(QStringLiteral("clerk"));
    scanInto(p.lists()->list(gui::KeyLists::RegisterTab)->table(), QStringLiteral("GG-0099"));
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr);
    EXPECT_EQ(p.status(),
              QStringLiteral("没有挂牌号为 GG-0099 的钥匙。请核对挂牌，或先登记该钥匙。"));
    EXPECT_FALSE(p.currentKey().valid());
    EXPECT_EQ(status(QStringLiteral("GG-0001")), QStringLiteral("in"));
    EXPECT_EQ(p.scanBox()->text(), QStringLiteral("GG-0099"));
}

TEST_F(KeysPageTest, AnEmergencySetGoesOutAtOnceAndTheSupervisorCountersigns) {
    key(QStringLiteral("YJ-0002"), QStringLiteral("public"), true);
    KeysPage& p = page(QStringLiteral("keeper"));
    // The public set's only key is in; the other categories have no set (R3-4.5.5).
    EXPECT_EQ(p.lists()->tabText(gui::KeyLists::EmergencyTab),
              QStringLiteral("紧急备用钥匙（3 套不齐全）"));
    QString seen;
    fd::testing::onNextModal([&](QWidget* form) {
        seen = form->objectName();
        choose(form, QStringLiteral("borrower_kind"), QStringLiteral("staff"));
        choose(form, QStringLiteral("borrower_staff_id"), techStaff);
        type(form, QStringLiteral("reason"), QStringLiteral("楼道消防报警，须立即开门检查"));
        accept(form);
    });
    // Scanned: an emergency key leaves only as an emergency loan.
    scanInto(p.scanBox(), QStringLiteral("YJ-0002"));
    EXPECT_EQ(seen, QStringLiteral("emergencyForm"));
    EXPECT_EQ(status(QStringLiteral("YJ-0002")), QStringLiteral("out"));
    EXPECT_EQ(p.lists()->tabText(gui::KeyLists::EmergencyTab),
              QStringLiteral("紧急备用钥匙（4 套不齐全）"));
    ASSERT_EQ(p.lists()->unsignedLoans()->model()->rowCount(), 1);
    const qint64 loan =
        p.lists()->unsignedLoans()->model()->value(0, QStringLiteral("id")).toLongLong();

    // The supervisor countersigns with their password.
    ASSERT_TRUE(p.openRecord(QStringLiteral("key_loan"), QString::number(loan)));
    EXPECT_EQ(p.lists()->currentIndex(), gui::KeyLists::EmergencyTab);
    EXPECT_TRUE(p.findChild<QPushButton*>(QStringLiteral("countersignButton"))->isEnabled());
    fd::testing::onNextModal([](QWidget* sign) {
        sign->findChild<QLineEdit*>(QStringLiteral("login0"))->setText(QStringLiteral("sup"));
        sign->findChild<QLineEdit*>(QStringLiteral("password0"))
            ->setText(TestServices::passwordOf(QStringLiteral("sup")));
        qobject_cast<QDialog*>(sign)->accept();
    });
    ASSERT_TRUE(p.countersign()) << p.status().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT countersigned_by FROM key_loans WHERE id = ?"), {loan})
                  .toString(),
              QStringLiteral("sup"));
    EXPECT_EQ(p.lists()->unsignedLoans()->model()->rowCount(), 0);
    // The dashboard's incomplete set opens in the emergency sets list.
    ASSERT_TRUE(p.openRecord(QStringLiteral("key_emergency_set"), QStringLiteral("public")));
    const gui::QueryListView* sets = p.lists()->list(gui::KeyLists::EmergencyTab);
    EXPECT_EQ(sets->model()->value(sets->currentRow(), QStringLiteral("category")).toString(),
              QStringLiteral("public"));
}

TEST_F(KeysPageTest, TheDashboardsOverdueLoanOpensInTheOverdueList) {
    key(QStringLiteral("GG-0001"));
    auto lent = lendToStaff(QStringLiteral("GG-0001"),
                            {{QStringLiteral("expected_return"), QStringLiteral("10:00")}});
    ASSERT_TRUE(lent) << lent.error().message.en.toStdString();
    t.clock().advanceSeconds(3 * 3600);
    KeysPage& p = page(QStringLiteral("keeper"));
    EXPECT_EQ(p.lists()->tabText(gui::KeyLists::OverdueTab), QStringLiteral("逾期未还 (1)"));
    ASSERT_TRUE(p.openRecord(QStringLiteral("key_loan"), QString::number(loanOf(*lent))));
    EXPECT_EQ(p.lists()->currentIndex(), gui::KeyLists::OverdueTab);
    EXPECT_EQ(p.currentLoanId(), loanOf(*lent));
    EXPECT_EQ(p.currentKey().tag, QStringLiteral("GG-0001"));
    EXPECT_EQ(shownFor(gui::KeyLists::OverdueTab, QStringLiteral("GG-0001"),
                       QStringLiteral("overdue_hours")),
              QStringLiteral("2"));
    EXPECT_TRUE(p.findChild<QPushButton*>(QStringLiteral("returnButton"))->isEnabled());
}

TEST_F(KeysPageTest, CtrlFFocusesTheScanBoxAndCtrlNRegistersAKey) {
    KeysPage& p = page(QStringLiteral("keeper"));
    p.lists()->list(gui::KeyLists::RegisterTab)->table()->setFocus();
    ASSERT_TRUE(p.focusSearch());
    EXPECT_EQ(p.focusWidget(), p.scanBox());
    QString seen;
    fd::testing::onNextModal([&](QWidget* form) {
        seen = form->objectName();
        choose(form, QStringLiteral("category"), QStringLiteral("equipment"));
        // Equipment rooms are labelled by equipment, not by floor (R3-4.5.3).
        EXPECT_FALSE(form->findChild<QLineEdit*>(QStringLiteral("floor"))->isVisibleTo(form));
        type(form, QStringLiteral("equipment"), QStringLiteral("配电房"));
        type(form, QStringLiteral("hook"), QStringLiteral("A-11"));
        accept(form);
    });
    ASSERT_TRUE(p.startNew());
    EXPECT_EQ(seen, QStringLiteral("registerForm"));
    ASSERT_EQ(p.lists()->list(gui::KeyLists::RegisterTab)->model()->rowCount(), 1);
    EXPECT_EQ(p.currentKey().category, QStringLiteral("equipment"));
    EXPECT_EQ(p.currentKey().emergency, false);
    EXPECT_TRUE(p.currentKey().label.contains(QStringLiteral("配电房")));
}

TEST_F(KeysPageTest, ThePageIsShownOnlyToRolesThatMayUseKeys) {
    const gui::PageRegistry pages = gui::PageRegistry::withAllPages();
    const auto sees = [&](const QString& login) {
        gui::Session session(t.services(), t.actor(login));
        for (const gui::PageDef* def : pages.visibleTo(session))
            if (def->id == QStringLiteral("keys"))
                return true;
        return false;
    };
    for (const char* login : {"keeper", "sup", "clerk"})
        EXPECT_TRUE(sees(QString::fromLatin1(login))) << login;
    for (const char* login : {"hr1", "tech"})
        EXPECT_FALSE(sees(QString::fromLatin1(login))) << login;
    // The clerk lends, takes back and reports; the register and the countersignature are the
    // keeper's and the supervisor's.
    KeysPage& clerk = page(QStringLiteral("clerk"));
    for (const char* shown :
         {"lendButton", "returnButton", "takeBackButton", "emergencyButton", "lostButton"})
        EXPECT_TRUE(clerk.findChild<QPushButton*>(QString::fromLatin1(shown))->isVisibleTo(&clerk))
            << shown;
    for (const char* hidden : {"registerButton", "depositButton", "countersignButton"})
        EXPECT_FALSE(
            clerk.findChild<QPushButton*>(QString::fromLatin1(hidden))->isVisibleTo(&clerk))
            << hidden;
}
