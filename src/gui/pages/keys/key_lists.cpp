#include "pages/keys/key_lists.h"

#include "query_list_view.h"
#include "query_table_model.h"
#include "session.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace fd::gui {
namespace {

constexpr int kRegisterLimit = 5000;
constexpr int kLoansLimit = 500;

// The text a list shows in row `row`, column `key` (codes as words, office time).
QString shownAt(const QueryTableModel* model, int row, const QString& key) {
    const int column = model->columnOf(key);
    return column < 0 ? QString() : model->data(model->index(row, column)).toString();
}

// A free-text column takes the width left (fitColumns leaves codes and dates their own).
void stretch(QTableView* view, const QueryTableModel* model, const QString& key) {
    const int column = model->columnOf(key);
    if (column < 0)
        return;
    view->horizontalHeader()->setStretchLastSection(false);
    view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
}

// Selects the row of `view` whose `key` is `value`; false when no row shown has it.
bool selectWhere(QueryListView* view, const QString& key, const QString& value) {
    const QueryTableModel* model = view->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->value(r, key).toString() == value) {
            const QModelIndex index = view->proxy()->mapFromSource(model->index(r, 0));
            if (!index.isValid())
                return false;
            view->table()->setCurrentIndex(index);
            view->table()->scrollTo(index);
            return true;
        }
    return false;
}

} // namespace

KeyLists::KeyLists(Session& session, QWidget* parent) : QTabWidget(parent), session_(session) {
    setObjectName(QStringLiteral("tabs"));
    queries_.insert(addList(RegisterTab, tr("Key register")), QStringLiteral("key.items"));
    queries_.insert(addList(OutTab, tr("Out now")), QStringLiteral("key.out"));
    queries_.insert(addList(OverdueTab, tr("Overdue")), QStringLiteral("key.overdue"));
    // Owner-key slots by custody state (未托管, 业主托管, 开发商移交, 空置房).
    auto* slotsTab = new QWidget(this);
    auto* slotsLayout = new QVBoxLayout(slotsTab);
    auto* custodyBar = new QHBoxLayout;
    custody_ = new QComboBox(slotsTab);
    custody_->setObjectName(QStringLiteral("custody"));
    custody_->addItem(tr("All custody states"), QString());
    for (const auto& [code, words] :
         {std::pair{"owner_deposit", QT_TR_NOOP("Deposited by the owner")},
          std::pair{"developer_handover", QT_TR_NOOP("Handed over by the developer")},
          std::pair{"vacant", QT_TR_NOOP("Vacant unit")},
          std::pair{"not_held", QT_TR_NOOP("Not held")}})
        custody_->addItem(tr(words), QString::fromLatin1(code));
    custodyBar->addWidget(new QLabel(tr("Custody:"), slotsTab));
    custodyBar->addWidget(custody_);
    custodyBar->addStretch();
    slotsLayout->addLayout(custodyBar);
    auto* slotList = new QueryListView(session_, {}, {}, slotsTab);
    slotsLayout->addWidget(slotList, 1);
    lists_.insert(SlotsTab, slotList);
    queries_.insert(slotList, QStringLiteral("key.slots"));
    addTab(slotsTab, tr("Owner-key slots"));
    // The emergency sets and the emergency loans waiting for the supervisor's
    // countersignature (R3-4.5.5).
    auto* emergencyTab = new QSplitter(Qt::Vertical, this);
    auto* sets = new QueryListView(session_, {}, {}, emergencyTab);
    lists_.insert(EmergencyTab, sets);
    queries_.insert(sets, QStringLiteral("key.emergency_sets"));
    auto* unsignedBox =
        new QGroupBox(tr("Emergency loans waiting for the countersignature"), emergencyTab);
    auto* unsignedLayout = new QVBoxLayout(unsignedBox);
    unsigned_ = new QueryListView(session_, {}, {}, unsignedBox);
    queries_.insert(unsigned_, QStringLiteral("key.emergency_unsigned"));
    unsignedLayout->addWidget(unsigned_);
    emergencyTab->addWidget(sets);
    emergencyTab->addWidget(unsignedBox);
    addTab(emergencyTab, tr("Emergency sets"));
    queries_.insert(addList(LoansTab, tr("Loans")), QStringLiteral("key.loans"));

    for (auto it = queries_.cbegin(); it != queries_.cend(); ++it) {
        QueryListView* view = it.key();
        view->setObjectName(it.value());
        // The page's one box filters every list; the list's buttons keep their own width.
        view->filter()->hide();
        for (QPushButton* b : view->findChildren<QPushButton*>())
            b->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        stale_.insert(view, true);
        connect(view->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, view] { rowChanged(view); });
        connect(view->table(), &QTableView::doubleClicked, this, [this, view] {
            if (view == list(OutTab) || view == list(OverdueTab))
                emit returnAsked();
            else if (view == unsigned_)
                emit countersignAsked();
        });
    }
    connect(custody_, &QComboBox::currentIndexChanged, this, [this] { load(list(SlotsTab)); });
    connect(this, &QTabWidget::currentChanged, this, [this] {
        for (auto it = stale_.cbegin(); it != stale_.cend(); ++it)
            if (it.value() && currentWidget()->isAncestorOf(it.key()))
                load(it.key());
    });
}

QueryListView* KeyLists::addList(Tab tab, const QString& title) {
    auto* view = new QueryListView(session_, {}, {}, this);
    lists_.insert(tab, view);
    addTab(view, title);
    return view;
}

void KeyLists::load(QueryListView* view) {
    QVariantMap params;
    if (view == list(RegisterTab) || view == list(SlotsTab))
        params.insert(QStringLiteral("limit"), kRegisterLimit);
    if (view == list(SlotsTab))
        if (const QString custody = custody_->currentData().toString(); !custody.isEmpty())
            params.insert(QStringLiteral("custody"), custody);
    if (view == list(LoansTab))
        params.insert(QStringLiteral("limit"), kLoansLimit);
    loading_ = true;
    // The columns fit every row, not only those the filter leaves (a scan's one key).
    const QString filter = view->filter()->text();
    view->filter()->clear();
    view->setQuery(queries_.value(view), params);
    view->filter()->setText(filter);
    loading_ = false;
    stale_.insert(view, false);
    const QueryTableModel* model = view->model();
    stretch(view->table(), model, QStringLiteral("label"));
    stretch(view->table(), model, QStringLiteral("borrower"));
    if (view == list(RegisterTab)) {
        registerRows_.clear();
        for (int r = 0; r < model->rowCount(); ++r)
            registerRows_.insert(model->value(r, QStringLiteral("tag")).toString().toUpper(), r);
    }
}

void KeyLists::reload() {
    for (auto it = stale_.begin(); it != stale_.end(); ++it)
        if (it.key() != list(SlotsTab) || currentIndex() == SlotsTab)
            load(it.key());
        else
            it.value() = true;
    const int out = list(OutTab)->model()->rowCount();
    const int overdue = list(OverdueTab)->model()->rowCount();
    int incomplete = 0;
    const QueryTableModel* sets = list(EmergencyTab)->model();
    for (int r = 0; r < sets->rowCount(); ++r)
        if (sets->value(r, QStringLiteral("complete")).toInt() == 0)
            ++incomplete;
    setTabText(OutTab, out > 0 ? tr("Out now (%1)").arg(out) : tr("Out now"));
    setTabText(OverdueTab, overdue > 0 ? tr("Overdue (%1)").arg(overdue) : tr("Overdue"));
    setTabText(EmergencyTab, incomplete > 0
                                 ? tr("Emergency sets (%n incomplete)", nullptr, incomplete)
                                 : tr("Emergency sets"));
}

void KeyLists::setFilter(const QString& text) {
    for (auto it = queries_.cbegin(); it != queries_.cend(); ++it)
        if (it.key()->filter()->text() != text)
            it.key()->filter()->setText(text);
}

KeyInfo KeyLists::key(const QString& tag) const {
    const int row = registerRows_.value(tag.trimmed().toUpper(), -1);
    if (row < 0)
        return {};
    const QueryTableModel* m = list(RegisterTab)->model();
    const auto v = [&](const char* key) { return m->value(row, QString::fromLatin1(key)); };
    return KeyInfo{v("tag").toString(),        v("category").toString(), v("label").toString(),
                   v("room").toString(),       v("status").toString(),   v("copies").toInt(),
                   v("emergency").toInt() == 1};
}

QString KeyLists::shown(const QString& tag, const QString& column) const {
    const int row = registerRows_.value(tag.trimmed().toUpper(), -1);
    return row < 0 ? QString() : shownAt(list(RegisterTab)->model(), row, column);
}

int KeyLists::keysShown() const {
    return list(RegisterTab)->proxy()->rowCount();
}

QString KeyLists::firstKeyShown() const {
    const QueryListView* reg = list(RegisterTab);
    if (reg->proxy()->rowCount() == 0)
        return {};
    return reg->model()
        ->value(reg->proxy()->mapToSource(reg->proxy()->index(0, 0)).row(), QStringLiteral("tag"))
        .toString();
}

OpenLoan KeyLists::loanAt(const QueryListView* view, int row) const {
    const QueryTableModel* m = view->model();
    OpenLoan loan;
    loan.id = m->value(row, QStringLiteral("id")).toLongLong();
    loan.keys = m->value(row, QStringLiteral("keys")).toString();
    loan.borrower = m->value(row, QStringLiteral("borrower")).toString();
    loan.emergency = view == unsigned_ ||
                     m->value(row, QStringLiteral("kind")).toString() == QLatin1String("emergency");
    loan.out = m->value(row, QStringLiteral("status")).toString() == QLatin1String("out");
    loan.copiesOut = 0;
    for (const QString& t : tagsOf(loan.keys))
        if (const KeyInfo k = key(t); k.status == QLatin1String("out"))
            loan.copiesOut += k.copies;
    const QueryTableModel* waiting = unsigned_->model();
    for (int r = 0; r < waiting->rowCount() && loan.id > 0; ++r)
        if (waiting->value(r, QStringLiteral("id")).toLongLong() == loan.id)
            loan.countersignDue = true;
    return loan;
}

OpenLoan KeyLists::openLoanOf(const QString& tag) const {
    const QueryListView* out = list(OutTab);
    for (int r = 0; r < out->model()->rowCount(); ++r)
        if (tagsOf(out->model()->value(r, QStringLiteral("keys")).toString()).contains(tag))
            return loanAt(out, r);
    return {};
}

QString KeyLists::outLine(const QString& tag) const {
    const QueryTableModel* out = list(OutTab)->model();
    for (int r = 0; r < out->rowCount(); ++r)
        if (tagsOf(out->value(r, QStringLiteral("keys")).toString()).contains(tag))
            return tr("Lent to %1 (loan %2), expected back %3")
                .arg(shownAt(out, r, QStringLiteral("borrower")),
                     shownAt(out, r, QStringLiteral("id")),
                     shownAt(out, r, QStringLiteral("expected_return")));
    return {};
}

qint64 KeyLists::waitingRequestOf(const QString& tag) const {
    const QueryTableModel* loans = list(LoansTab)->model();
    for (int r = 0; r < loans->rowCount(); ++r)
        if (loans->value(r, QStringLiteral("status")).toString() == QLatin1String("requested") &&
            tagsOf(loans->value(r, QStringLiteral("keys")).toString()).contains(tag))
            return loans->value(r, QStringLiteral("request")).toLongLong();
    return 0;
}

bool KeyLists::selectKey(const QString& tag) {
    setCurrentIndex(RegisterTab);
    return selectWhere(list(RegisterTab), QStringLiteral("tag"), key(tag).tag);
}

bool KeyLists::selectLoan(qint64 loanId, Tab tab) {
    QueryListView* view = tab == EmergencyTab ? unsigned_ : list(tab);
    if (view == nullptr || loanId <= 0)
        return false;
    setCurrentIndex(tab);
    if (stale_.value(view))
        load(view);
    if (!selectWhere(view, QStringLiteral("id"), QString::number(loanId)))
        return false;
    rowChanged(view);
    return true;
}

bool KeyLists::selectSet(const QString& category) {
    setCurrentIndex(EmergencyTab);
    if (!selectWhere(list(EmergencyTab), QStringLiteral("category"), category))
        return false;
    rowChanged(list(EmergencyTab));
    return true;
}

void KeyLists::rowChanged(QueryListView* view) {
    if (loading_)
        return;
    const int row = view->currentRow();
    if (row < 0)
        return;
    const QueryTableModel* m = view->model();
    if (view == list(RegisterTab) || view == list(SlotsTab))
        emit keySelected(m->value(row, QStringLiteral("tag")).toString());
    else if (view == list(EmergencyTab))
        emit setSelected(m->value(row, QStringLiteral("category")).toString());
    else
        emit loanSelected(loanAt(view, row));
}

} // namespace fd::gui
