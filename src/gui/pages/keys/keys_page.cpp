#include "pages/keys/keys_page.h"

#include "message_line.h"
#include "pages/keys/scan_catcher.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "rules/policy.h"
#include "services/services.h"
#include "session.h"
#include "util/clock.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace fd::gui {
namespace {

constexpr int kSearchDelayMs = 150; // typing pauses shorter than this do not filter

const QString kLend = QStringLiteral("key.lend");
const QString kReturn = QStringLiteral("key.return");
const QString kTakeBack = QStringLiteral("key.take_back");
const QString kDeposit = QStringLiteral("key.deposit");
const QString kEmergency = QStringLiteral("key.lend_emergency");
const QString kCountersign = QStringLiteral("key.countersign");
const QString kLost = QStringLiteral("key.report_lost");
const QString kRegister = QStringLiteral("key.register");

} // namespace

KeysPage::KeysPage(Session& session, QWidget* parent)
    : Page(parent), session_(session), forms_(session, this) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    scan_ = new QLineEdit(this);
    scan_->setObjectName(QStringLiteral("search"));
    scan_->setPlaceholderText(tr("Scan a key tag, or type a tag number, room or equipment…"));
    scan_->setClearButtonEnabled(true);
    bar->addWidget(scan_, 1);
    auto button = [this](const QString& action, const QString& name, const QString& text) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setVisible(session_.permits(action));
        buttons_.insert(action, b);
        return b;
    };
    QPushButton* add = button(kRegister, QStringLiteral("registerButton"), tr("Register key…"));
    add->setProperty("newRecord", true); // Ctrl+N
    bar->addWidget(add);
    bar->addWidget(button(kDeposit, QStringLiteral("depositButton"), tr("Deposit owner keys…")));
    layout->addLayout(bar);
    auto* actions = new QHBoxLayout;
    actions->addWidget(button(kLend, QStringLiteral("lendButton"), tr("Lend…")));
    actions->addWidget(button(kReturn, QStringLiteral("returnButton"), tr("Return…")));
    actions->addWidget(
        button(kTakeBack, QStringLiteral("takeBackButton"), tr("Take back (领回)…")));
    actions->addWidget(
        button(kEmergency, QStringLiteral("emergencyButton"), tr("Lend emergency set…")));
    actions->addWidget(
        button(kCountersign, QStringLiteral("countersignButton"), tr("Countersign…")));
    actions->addWidget(button(kLost, QStringLiteral("lostButton"), tr("Report lost…")));
    actions->addStretch();
    layout->addLayout(actions);
    // What the last scan or form did, on its own line.
    status_ = new MessageLine(QStringLiteral("status"), this);
    layout->addWidget(status_);

    auto* split = new QSplitter(Qt::Vertical, this);
    lists_ = new KeyLists(session_, split);
    // The selected key: what it is, where it hangs, who has it, and its history.
    auto* keyBox = new QGroupBox(tr("Selected key"), split);
    auto* keyLayout = new QVBoxLayout(keyBox);
    details_ = new QLabel(tr("Scan a key or select one in a list."), keyBox);
    details_->setObjectName(QStringLiteral("keyDetails"));
    details_->setWordWrap(true);
    details_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    keyLayout->addWidget(details_);
    history_ = new QueryTableModel(this);
    historyView_ = new QTableView(keyBox);
    historyView_->setObjectName(QStringLiteral("history"));
    historyView_->setModel(history_);
    setUpRowTable(historyView_);
    keyLayout->addWidget(historyView_, 1);
    split->addWidget(lists_);
    split->addWidget(keyBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({450, 250});
    layout->addWidget(split, 1);

    connect(lists_, &KeyLists::keySelected, this, [this](const QString& tag) {
        loan_ = lists_->openLoanOf(tag);
        showKey(tag);
    });
    connect(lists_, &KeyLists::loanSelected, this, [this](const OpenLoan& loan) {
        loan_ = loan;
        const QStringList tags = tagsOf(loan.keys);
        showKey(tags.isEmpty() ? QString() : tags.first());
    });
    connect(lists_, &KeyLists::setSelected, this, [this](const QString& category) {
        category_ = category;
        updateButtons();
    });
    connect(lists_, &KeyLists::returnAsked, this, [this] { giveBack(); });
    connect(lists_, &KeyLists::countersignAsked, this, [this] { countersign(); });
    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(kSearchDelayMs);
    connect(scan_, &QLineEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
    connect(debounce_, &QTimer::timeout, this, &KeysPage::applySearch);
    connect(scan_, &QLineEdit::returnPressed, this, [this] { scan(scan_->text()); });
    connect(buttons_.value(kRegister), &QPushButton::clicked, this, [this] { registerKey(); });
    connect(buttons_.value(kDeposit), &QPushButton::clicked, this, [this] { deposit(); });
    connect(buttons_.value(kLend), &QPushButton::clicked, this, [this] { lend(); });
    connect(buttons_.value(kReturn), &QPushButton::clicked, this, [this] { giveBack(); });
    connect(buttons_.value(kTakeBack), &QPushButton::clicked, this, [this] { takeBack(); });
    connect(buttons_.value(kEmergency), &QPushButton::clicked, this, [this] { lendEmergency(); });
    connect(buttons_.value(kCountersign), &QPushButton::clicked, this, [this] { countersign(); });
    connect(buttons_.value(kLost), &QPushButton::clicked, this, [this] { reportLost(); });
    // Loans, returns and deposits are the keys area's actions; a decided approval may be one
    // of its loan requests.
    connect(&session_, &Session::areaChanged, this, [this](const QString& area) {
        if (area == QLatin1String("keys"))
            refresh();
    });
    connect(&session_, &Session::dataChanged, this, [this](const QString& what) {
        if (what.startsWith(QLatin1String("approval")))
            refresh();
    });
    // A scan is caught wherever the focus is on the page.
    new ScanCatcher(this, scan_);
    setFocusProxy(scan_);
    refresh();
}

void KeysPage::showEvent(QShowEvent* event) {
    Page::showEvent(event);
    scan_->setFocus(Qt::OtherFocusReason);
}

QString KeysPage::status() const {
    return status_->text();
}

QString KeysPage::details() const {
    return details_->text();
}

void KeysPage::say(const QString& text) {
    status_->setText(text);
}

void KeysPage::refresh() {
    const QString tag = key_.tag;
    const qint64 loan = loan_.id;
    lists_->reload();
    // The selection stays on the loan or the key it was on.
    const int tab = lists_->currentIndex();
    if (loan > 0 && tab != KeyLists::RegisterTab && tab != KeyLists::SlotsTab &&
        lists_->selectLoan(loan, static_cast<KeyLists::Tab>(tab)))
        return;
    if (tab == KeyLists::RegisterTab)
        lists_->selectKey(tag);
    loan_ = lists_->openLoanOf(tag);
    showKey(tag);
}

void KeysPage::applySearch() {
    debounce_->stop();
    lists_->setFilter(scan_->text().trimmed());
}

bool KeysPage::selectKey(const QString& tag) {
    const KeyInfo key = lists_->key(tag);
    if (!key.valid())
        return false;
    if (!lists_->selectKey(key.tag)) {
        // Hidden by the search: the search becomes the tag.
        scan_->setText(key.tag);
        applySearch();
        lists_->selectKey(key.tag);
    }
    loan_ = lists_->openLoanOf(key.tag);
    showKey(key.tag);
    return true;
}

void KeysPage::showKey(const QString& tag) {
    key_ = lists_->key(tag);
    if (!key_.valid()) {
        details_->setText(tr("Scan a key or select one in a list."));
        history_->setResult({});
        updateButtons();
        return;
    }
    QStringList parts{key_.tag, lists_->shown(key_.tag, QStringLiteral("category")), key_.label};
    if (!key_.room.isEmpty() && !key_.label.contains(key_.room))
        parts << tr("room %1").arg(key_.room);
    parts << tr("hook %1").arg(lists_->shown(key_.tag, QStringLiteral("hook")))
          << tr("%n key(s)", nullptr, key_.copies)
          << lists_->shown(key_.tag, QStringLiteral("status"));
    if (key_.emergency)
        parts << tr("emergency set");
    QStringList lines{parts.join(QStringLiteral(" · "))};
    if (const QString out = lists_->outLine(key_.tag); !out.isEmpty())
        lines << out;
    if (const qint64 request = lists_->waitingRequestOf(key_.tag); request > 0)
        lines << tr("Loan request #%1 is waiting for approval.").arg(request);
    details_->setText(lines.join(QLatin1Char('\n')));
    if (auto h = session_.services().query(QStringLiteral("key.history"),
                                           {{QStringLiteral("tag"), key_.tag}}, session_.actor()))
        history_->setResult(std::move(*h));
    else
        history_->setResult({});
    fitColumns(historyView_, *history_);
    if (const int detail = history_->columnOf(QStringLiteral("detail")); detail >= 0) {
        historyView_->horizontalHeader()->setStretchLastSection(false);
        historyView_->horizontalHeader()->setSectionResizeMode(detail, QHeaderView::Stretch);
    }
    updateButtons();
}

void KeysPage::updateButtons() {
    const bool in = key_.status == QLatin1String("in");
    const bool waiting = key_.valid() && lists_->waitingRequestOf(key_.tag) > 0;
    buttons_.value(kLend)->setEnabled(in && !key_.emergency && !waiting);
    buttons_.value(kReturn)->setEnabled(loan_.out || key_.status == QLatin1String("out"));
    buttons_.value(kTakeBack)->setEnabled(in && key_.deposited() && !waiting);
    buttons_.value(kCountersign)->setEnabled(loan_.countersignDue);
    buttons_.value(kLost)->setEnabled(in || key_.status == QLatin1String("out"));
}

bool KeysPage::done(const std::optional<ActionResult>& result, const QString& doneText) {
    if (!result) {
        // Cancelled, or refused with the form still open: the last refusal, if any.
        if (!forms_.message().isEmpty())
            say(forms_.message());
        return false;
    }
    if (result->status == ActionResult::Status::PendingApproval) {
        const RoleDef role = session_.services().policy().roles().value(result->approverRole);
        say(tr("Request #%1 is waiting for approval (%2): %3")
                .arg(QString::number(result->approvalId),
                     role.code.isEmpty() ? result->approverRole : display(role.name),
                     display(result->message)));
    } else {
        say(doneText);
    }
    return true;
}

bool KeysPage::scan(const QString& text) {
    const QString typed = text.trimmed();
    applySearch(); // the lists show what was typed
    const bool ran = !typed.isEmpty() && actOnScan(typed);
    // The next scan replaces what this one typed.
    scan_->setFocus(Qt::OtherFocusReason);
    scan_->selectAll();
    return ran;
}

bool KeysPage::actOnScan(const QString& typed) {
    QString tag = typed;
    if (!lists_->key(typed).valid()) {
        // Not a tag number: a search that finds one key acts on it.
        lists_->setCurrentIndex(KeyLists::RegisterTab);
        const int found = lists_->keysShown();
        if (found == 0) {
            say(tr("No key has the tag number %1. Check the tag, or register the key first.")
                    .arg(typed));
            showKey({});
            return false;
        }
        if (found > 1) {
            say(tr("%n key(s) match %1: select one in the register.", nullptr, found).arg(typed));
            return false;
        }
        tag = lists_->firstKeyShown();
    }
    selectKey(tag);
    const KeyInfo key = key_;
    if (const qint64 request = lists_->waitingRequestOf(key.tag); request > 0) {
        say(tr("Key %1: loan request #%2 is waiting for approval; it leaves once approved.")
                .arg(key.tag)
                .arg(request));
        return false;
    }
    if (key.status == QLatin1String("out"))
        return giveBack();
    if (key.status != QLatin1String("in")) {
        say(tr("Key %1 is %2: it cannot be lent.")
                .arg(key.tag, lists_->shown(key.tag, QStringLiteral("status"))));
        return false;
    }
    if (key.emergency)
        return lendEmergency();
    // An owner's ring in the cabinet: the owner takes it back (领回), or it is lent.
    if (key.deposited() && session_.permits(kTakeBack)) {
        QMessageBox box(QMessageBox::Question, tr("Key %1").arg(key.tag),
                        tr("%1 is an owner's deposited key. Is the owner taking it back (领回), "
                           "or is it lent?")
                            .arg(key.label),
                        QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("scanChoice"));
        QPushButton* back = box.addButton(tr("Take back (领回)…"), QMessageBox::AcceptRole);
        back->setObjectName(QStringLiteral("takeBackChoice"));
        QPushButton* lent = box.addButton(tr("Lend…"), QMessageBox::AcceptRole);
        lent->setObjectName(QStringLiteral("lendChoice"));
        box.setDefaultButton(back);
        box.exec();
        if (box.clickedButton() == back)
            return takeBack();
        if (box.clickedButton() == lent)
            return lend();
        return false;
    }
    return lend();
}

bool KeysPage::lend() {
    if (!key_.valid() || key_.status != QLatin1String("in")) {
        say(tr("Select a key in the cabinet first."));
        return false;
    }
    const KeyInfo key = key_;
    auto result = forms_.lend(key);
    return done(
        result,
        tr("Key %1 lent: loan %2.")
            .arg(key.tag, result ? QString::number(
                                       result->result.value(QStringLiteral("loan_id")).toInteger())
                                 : QString()));
}

bool KeysPage::giveBack() {
    const OpenLoan loan = loan_.out ? loan_ : lists_->openLoanOf(key_.tag);
    if (!loan.out) {
        say(tr("Select a key that is out, or a loan in the keys-out list, first."));
        return false;
    }
    if (!done(forms_.giveBack(loan), tr("Loan %1 returned: %2 back in the cabinet.")
                                         .arg(QString::number(loan.id), loan.keys)))
        return false;
    loan_ = {};
    return true;
}

bool KeysPage::takeBack() {
    if (!key_.deposited() || key_.status != QLatin1String("in")) {
        say(tr("Select an owner's deposited key in the cabinet first."));
        return false;
    }
    const KeyInfo key = key_;
    return done(forms_.takeBack(key),
                tr("Key %1 taken back (领回): %2 is no longer held.").arg(key.tag, key.label));
}

bool KeysPage::deposit() {
    QString room = key_.room;
    if (lists_->currentIndex() == KeyLists::SlotsTab) {
        const QueryListView* slotList = lists_->list(KeyLists::SlotsTab);
        if (const int row = slotList->currentRow(); row >= 0)
            room = slotList->model()->value(row, QStringLiteral("room")).toString();
    }
    auto result = forms_.deposit(room);
    const QString tag = result ? result->result.value(QStringLiteral("tag")).toString() : QString();
    if (!done(result,
              tr("Keys deposited: tag %1, deposit %2. The deposit form (key-deposit) is signed "
                 "by the owner in two copies.")
                  .arg(tag,
                       result ? QString::number(
                                    result->result.value(QStringLiteral("deposit_id")).toInteger())
                              : QString())))
        return false;
    selectKey(tag);
    return true;
}

bool KeysPage::lendEmergency() {
    QString category = key_.valid() ? key_.category : category_;
    const QString tag = key_.emergency && key_.status == QLatin1String("in") ? key_.tag : QString();
    if (lists_->currentIndex() == KeyLists::EmergencyTab && !category_.isEmpty())
        category = category_;
    auto result = forms_.lendEmergency(category, tag);
    return done(
        result,
        tr("Emergency loan %1 out; the supervisor countersigns by %2.")
            .arg(result
                     ? QString::number(result->result.value(QStringLiteral("loan_id")).toInteger())
                     : QString(),
                 result ? storedTimeAsOfficeText(
                              result->result.value(QStringLiteral("countersign_due")).toString())
                        : QString()));
}

bool KeysPage::countersign() {
    if (!loan_.countersignDue) {
        say(tr("Select an emergency loan waiting for its countersignature first."));
        return false;
    }
    const OpenLoan loan = loan_;
    return done(forms_.countersign(loan),
                tr("Emergency loan %1 countersigned.").arg(QString::number(loan.id)));
}

bool KeysPage::reportLost() {
    if (key_.status != QLatin1String("in") && key_.status != QLatin1String("out")) {
        say(tr("Select a key that is in the cabinet or out first."));
        return false;
    }
    const KeyInfo key = key_;
    return done(forms_.reportLost(key), tr("Key %1 reported lost.").arg(key.tag));
}

bool KeysPage::registerKey() {
    auto result = forms_.registerKey();
    const QString tag = result ? result->result.value(QStringLiteral("tag")).toString() : QString();
    if (!done(result, tr("Key %1 registered.").arg(tag)))
        return false;
    selectKey(tag);
    return true;
}

bool KeysPage::openRecord(const QString& entity, const QString& entityId) {
    scan_->clear();
    applySearch();
    if (entity == QLatin1String("key_loan")) {
        // An overdue loan, an emergency loan waiting for its countersignature, or any loan.
        for (const KeyLists::Tab tab :
             {KeyLists::OverdueTab, KeyLists::EmergencyTab, KeyLists::OutTab, KeyLists::LoansTab})
            if (lists_->selectLoan(entityId.toLongLong(), tab))
                return true;
        return false;
    }
    if (entity == QLatin1String("key_emergency_set"))
        return lists_->selectSet(entityId);
    if (entity == QLatin1String("key"))
        return selectKey(entityId);
    return false;
}

} // namespace fd::gui
