#include "pages/archives/archives_page.h"

#include "action_runner.h"

#include "archives/archive_prints.h"
#include "message_line.h"
#include "pages/archives/loan_dialogs.h"
#include "print/form_printer.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "refusal.h"
#include "services/services.h"
#include "session.h"
#include "task_runner.h"

#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <memory>

namespace fd::gui {
namespace {

constexpr int kSearchDelayMs = 200; // typing pauses shorter than this do not search
constexpr int kSearchLimit = 200;

QTableView* listView(QAbstractItemModel* model, QWidget* parent, const QString& name) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    setUpRowTable(view);
    return view;
}

void hideColumns(QTableView* view, const QueryTableModel* model, const QStringList& keys) {
    for (const QString& key : keys)
        if (const int c = model->columnOf(key); c >= 0)
            view->setColumnHidden(c, true);
    fitColumns(view, *model);
}

// Selects the row of `view` whose "id" is `id`.
void selectById(QTableView* view, const QueryTableModel* model, qint64 id) {
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->value(r, QStringLiteral("id")).toLongLong() == id) {
            view->selectRow(r);
            return;
        }
}

// The "id" of the current row of `view`; 0 when there is none.
qint64 currentId(const QTableView* view, const QueryTableModel* model) {
    if (view == nullptr || !view->currentIndex().isValid())
        return 0;
    return model->value(view->currentIndex().row(), QStringLiteral("id")).toLongLong();
}

// Shows the list `query` in `model` (empty when it cannot be read), `hidden` columns hidden.
void showList(const Session& session, const QString& query, QueryTableModel* model,
              QTableView* view, const QStringList& hidden) {
    if (auto list = session.services().query(query, {}, session.actor()))
        model->setResult(std::move(*list));
    else
        model->setResult({});
    hideColumns(view, model, hidden);
}

} // namespace

ArchivesPage::ArchivesPage(Session& session, QWidget* parent) : Page(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("search"));
    search_->setPlaceholderText(
        tr("Search volumes, items and documents: number or any words of the title…"));
    search_->setClearButtonEnabled(true);
    bar->addWidget(search_, 1);
    auto* request = new QPushButton(tr("Request loan…"), this);
    request->setObjectName(QStringLiteral("requestLoanButton"));
    request->setProperty("newRecord", true); // Ctrl+N
    auto* catalogue = new QPushButton(tr("Print general catalogue…"), this);
    catalogue->setObjectName(QStringLiteral("catalogueButton"));
    bar->addWidget(request);
    bar->addWidget(catalogue);
    layout->addLayout(bar);
    // What the last request, loan or print did, on its own line under the search.
    status_ = new MessageLine(QStringLiteral("status"), this);
    layout->addWidget(status_);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("tabs"));

    // Search: hits on the left, the selected volume and its in-volume list on the right.
    auto* split = new QSplitter(tabs_);
    results_ = new QueryTableModel(this);
    resultsView_ = listView(results_, split, QStringLiteral("results"));
    split->addWidget(resultsView_);
    auto* volumeBox = new QGroupBox(tr("Volume"), split);
    auto* volumeLayout = new QVBoxLayout(volumeBox);
    volumeTitle_ = new QLabel(tr("Select a volume to see its items."), volumeBox);
    volumeTitle_->setObjectName(QStringLiteral("volumeTitle"));
    volumeTitle_->setWordWrap(true);
    volumeLayout->addWidget(volumeTitle_);
    items_ = new QueryTableModel(this);
    itemsView_ = listView(items_, volumeBox, QStringLiteral("items"));
    volumeLayout->addWidget(itemsView_, 1);
    split->addWidget(volumeBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    tabs_->addTab(split, tr("Search"));

    // Loans: waiting for approval, then the register with checkout and return.
    auto* loansTab = new QWidget(tabs_);
    auto* loansLayout = new QVBoxLayout(loansTab);
    auto* pendingLabel = new QLabel(tr("Requests waiting for approval"), loansTab);
    pendingLabel->setStyleSheet(QStringLiteral("color: #8a4b00; font-weight: bold;"));
    loansLayout->addWidget(pendingLabel);
    pending_ = new QueryTableModel(this);
    auto* pendingView = listView(pending_, loansTab, QStringLiteral("pending"));
    pendingView->setMaximumHeight(120);
    loansLayout->addWidget(pendingView);
    loansLayout->addWidget(new QLabel(tr("Borrowing register"), loansTab));
    loans_ = new QueryTableModel(this);
    loansView_ = listView(loans_, loansTab, QStringLiteral("loans"));
    loansLayout->addWidget(loansView_, 1);
    auto* loanButtons = new QHBoxLayout;
    checkOut_ = new QPushButton(tr("Check out…"), loansTab);
    checkOut_->setObjectName(QStringLiteral("checkOutButton"));
    giveBack_ = new QPushButton(tr("Return…"), loansTab);
    giveBack_->setObjectName(QStringLiteral("returnButton"));
    loanButtons->addWidget(checkOut_);
    loanButtons->addWidget(giveBack_);
    loanButtons->addStretch();
    loansLayout->addLayout(loanButtons);
    tabs_->addTab(loansTab, tr("Loans"));

    // Overdue: reminder slips (R1-1.3.5).
    auto* overdueTab = new QWidget(tabs_);
    auto* overdueLayout = new QVBoxLayout(overdueTab);
    overdue_ = new QueryTableModel(this);
    overdueView_ = listView(overdue_, overdueTab, QStringLiteral("overdue"));
    overdueLayout->addWidget(overdueView_, 1);
    auto* reminder = new QPushButton(tr("Print reminder slip…"), overdueTab);
    reminder->setObjectName(QStringLiteral("reminderButton"));
    auto* overdueButtons = new QHBoxLayout;
    overdueButtons->addWidget(reminder);
    overdueButtons->addStretch();
    overdueLayout->addLayout(overdueButtons);
    tabs_->addTab(overdueTab, tr("Overdue"));

    // Incidents: a short count or damage on return waits for its written report (R1-1.2.6).
    incidentsTab_ = new QWidget(tabs_);
    auto* incidentsLayout = new QVBoxLayout(incidentsTab_);
    auto* incidentsLabel =
        new QLabel(tr("Incidents waiting for a written report (R1-1.2.6)"), incidentsTab_);
    incidentsLabel->setStyleSheet(QStringLiteral("color: #8a4b00; font-weight: bold;"));
    incidentsLayout->addWidget(incidentsLabel);
    incidents_ = new QueryTableModel(this);
    incidentsView_ = listView(incidents_, incidentsTab_, QStringLiteral("incidents"));
    incidentsLayout->addWidget(incidentsView_, 1);
    auto* report = new QPushButton(tr("Write report…"), incidentsTab_);
    report->setObjectName(QStringLiteral("writeReportButton"));
    auto* incidentButtons = new QHBoxLayout;
    incidentButtons->addWidget(report);
    incidentButtons->addStretch();
    incidentsLayout->addLayout(incidentButtons);
    tabs_->addTab(incidentsTab_, tr("Incidents"));
    layout->addWidget(tabs_, 1);

    const bool keeper = session.permits(QStringLiteral("archive.lend"));
    checkOut_->setVisible(keeper);
    giveBack_->setVisible(keeper);
    request->setVisible(session.permits(QStringLiteral("archive.request_loan")));
    tabs_->setTabVisible(tabs_->indexOf(incidentsTab_), keeper);
    report->setEnabled(session.permits(QStringLiteral("archive.report_incident")));

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(kSearchDelayMs);
    connect(search_, &QLineEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
    connect(debounce_, &QTimer::timeout, this, &ArchivesPage::searchNow);
    connect(resultsView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { selectResult(current.row()); });
    connect(request, &QPushButton::clicked, this, [this] { requestLoan(); });
    connect(catalogue, &QPushButton::clicked, this, &ArchivesPage::chooseCataloguePdf);
    connect(checkOut_, &QPushButton::clicked, this, [this] { checkOut(); });
    connect(giveBack_, &QPushButton::clicked, this, [this] { giveBack(); });
    connect(reminder, &QPushButton::clicked, this, &ArchivesPage::chooseReminderPdf);
    connect(report, &QPushButton::clicked, this, [this] { writeIncidentReport(); });
    connect(incidentsView_, &QTableView::doubleClicked, this, [this] { writeIncidentReport(); });
    // Loans, documents and incidents are the archives area's actions; a decided approval
    // may be one of its loan requests.
    connect(&session_, &Session::areaChanged, this, [this](const QString& area) {
        if (area == QLatin1String("archives"))
            refresh();
    });
    connect(&session_, &Session::dataChanged, this, [this](const QString& what) {
        if (what.startsWith(QLatin1String("approval")))
            refresh();
    });
    refresh();
}

QString ArchivesPage::status() const {
    return status_->text();
}

void ArchivesPage::refresh() {
    searchNow();
    reloadLoans();
}

bool ArchivesPage::openRecord(const QString& entity, const QString& entityId) {
    if (entity == QStringLiteral("archive_loan")) {
        tabs_->setCurrentIndex(1);
        selectLoan(entityId.toLongLong());
        return true;
    }
    if (entity == QStringLiteral("archive_incident")) {
        tabs_->setCurrentWidget(incidentsTab_);
        selectIncident(entityId.toLongLong());
        return true;
    }
    if (entity == QStringLiteral("archive_volume")) {
        tabs_->setCurrentIndex(0);
        search_->setText(entityId);
        searchNow();
        return true;
    }
    return false;
}

void ArchivesPage::searchNow() {
    debounce_->stop();
    auto result = session_.services().query(QStringLiteral("archive.search"),
                                            {{QStringLiteral("text"), search_->text().trimmed()},
                                             {QStringLiteral("limit"), kSearchLimit}},
                                            session_.actor());
    if (!result) {
        results_->setResult({});
        status_->setText(errorText(result.error()));
        return;
    }
    const bool more = result->rows.size() >= kSearchLimit;
    results_->setResult(std::move(*result));
    hideColumns(resultsView_, results_, {QStringLiteral("ref_id"), QStringLiteral("volume_id")});
    status_->setText(more ? tr("First %1 matches").arg(kSearchLimit)
                          : tr("%n match(es)", nullptr, results_->rowCount()));
    // A scanned label (the exact number) selects its volume at once.
    for (int r = 0; r < results_->rowCount(); ++r)
        if (results_->value(r, QStringLiteral("kind")).toString() == QStringLiteral("volume") &&
            results_->value(r, QStringLiteral("number")).toString() == search_->text().trimmed()) {
            selectResult(r);
            return;
        }
}

void ArchivesPage::selectResult(int row) {
    if (row < 0 || row >= results_->rowCount())
        return;
    if (resultsView_->currentIndex().row() != row)
        resultsView_->selectRow(row);
    const QString kind = results_->value(row, QStringLiteral("kind")).toString();
    QString number = results_->value(row, QStringLiteral("number")).toString();
    if (kind == QStringLiteral("item")) {
        // An item's number is "<volume>-<seq>"; the volume is found by its id.
        auto volumes =
            session_.services().query(QStringLiteral("archive.volumes"), {}, session_.actor());
        const qint64 vid = results_->value(row, QStringLiteral("volume_id")).toLongLong();
        number.clear();
        if (volumes)
            for (const QVariantList& r : volumes->rows)
                if (r.value(0).toLongLong() == vid)
                    number = r.value(1).toString();
    } else if (kind != QStringLiteral("volume")) {
        items_->setResult({});
        volume_.clear();
        volumeTitle_->setText(
            tr("Document %1: %2")
                .arg(number, results_->value(row, QStringLiteral("title")).toString()));
        return;
    }
    loadVolume(number);
}

void ArchivesPage::loadVolume(const QString& number) {
    volume_ = number;
    if (number.isEmpty()) {
        items_->setResult({});
        return;
    }
    auto list = session_.services().query(QStringLiteral("archive.items"),
                                          {{QStringLiteral("volume"), number}}, session_.actor());
    if (!list) {
        items_->setResult({});
        volumeTitle_->setText(errorText(list.error()));
        return;
    }
    items_->setResult(std::move(*list));
    hideColumns(itemsView_, items_, {QStringLiteral("id")});
    QString title;
    for (int r = 0; r < results_->rowCount(); ++r)
        if (results_->value(r, QStringLiteral("number")).toString() == number)
            title = results_->value(r, QStringLiteral("title")).toString();
    volumeTitle_->setText(tr("%1 %2 — %n item(s)", nullptr, items_->rowCount()).arg(number, title));
}

void ArchivesPage::reloadLoans() {
    const qint64 keep = currentLoanId();
    showList(session_, QStringLiteral("archive.loans"), loans_, loansView_,
             {QStringLiteral("borrower_staff_id")});
    showList(session_, QStringLiteral("archive.overdue"), overdue_, overdueView_,
             {QStringLiteral("borrower_staff_id")});
    tabs_->setTabText(2, overdue_->rowCount() > 0 ? tr("Overdue (%1)").arg(overdue_->rowCount())
                                                  : tr("Overdue"));
    // Open incidents (the query is the keeper's: for others the tab stays hidden and empty).
    const qint64 keepIncident = currentIncidentId();
    showList(session_, QStringLiteral("archive.incidents"), incidents_, incidentsView_,
             {QStringLiteral("report")});
    const int incidentsTab = tabs_->indexOf(incidentsTab_);
    tabs_->setTabText(incidentsTab, incidents_->rowCount() > 0
                                        ? tr("Incidents (%1)").arg(incidents_->rowCount())
                                        : tr("Incidents"));
    if (keepIncident > 0)
        selectIncident(keepIncident);
    // Loan requests still waiting for their approver.
    QueryResult waiting;
    if (auto all = session_.services().query(QStringLiteral("approvals"), {}, session_.actor())) {
        waiting.columns = all->columns;
        int action = -1;
        for (int c = 0; c < all->columns.size(); ++c)
            if (all->columns[c].key == QStringLiteral("action"))
                action = c;
        for (const QVariantList& row : all->rows)
            if (action >= 0 &&
                row.value(action).toString() == QStringLiteral("archive.request_loan"))
                waiting.rows.push_back(row);
    }
    pending_->setResult(std::move(waiting));
    if (keep > 0)
        selectLoan(keep);
}

void ArchivesPage::selectLoan(qint64 loanId) {
    selectById(loansView_, loans_, loanId);
}

qint64 ArchivesPage::currentLoanId() const {
    return currentId(loansView_, loans_);
}

void ArchivesPage::selectIncident(qint64 incidentId) {
    selectById(incidentsView_, incidents_, incidentId);
}

qint64 ArchivesPage::currentIncidentId() const {
    return currentId(incidentsView_, incidents_);
}

bool ArchivesPage::writeIncidentReport() {
    const qint64 incident = currentIncidentId();
    if (incident == 0) {
        status_->setText(tr("Select an incident first."));
        return false;
    }
    const int row = incidentsView_->currentIndex().row();
    auto cell = [&](const QString& key) {
        return incidents_->data(incidents_->index(row, incidents_->columnOf(key))).toString();
    };
    const QString id = QString::number(incident);
    const QString kind = cell(QStringLiteral("kind"));
    const QString opened = cell(QStringLiteral("opened_at"));
    const QString what = cell(QStringLiteral("description"));
    const qint64 loan = incidents_->value(row, QStringLiteral("loan_id")).toLongLong();
    const QString summary = loan > 0 ? tr("Incident %1 (%2) on loan %3, %4: %5")
                                           .arg(id, kind, QString::number(loan), opened, what)
                                     : tr("Incident %1 (%2), %3: %4").arg(id, kind, opened, what);
    IncidentReportDialog dialog(session_, incident, summary, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    session_.notifyChanged(QStringLiteral("archive.report_incident"));
    status_->setText(tr("Written report of incident %1 recorded.").arg(incident));
    return true;
}

bool ArchivesPage::requestLoan() {
    LoanRequestDialog dialog(session_, volume_.isEmpty() ? QStringList{} : QStringList{volume_},
                             this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const ActionResult& done = dialog.result();
    // The lists reload first, so the message below stays in the status line.
    session_.notifyChanged(QStringLiteral("archive.request_loan"));
    if (done.status == ActionResult::Status::PendingApproval)
        status_->setText(tr("Loan request #%1 is waiting for approval (%2): %3")
                             .arg(done.approvalId)
                             .arg(done.approverRole, display(done.message)));
    else
        status_->setText(tr("Loan %1 registered.").arg(done.entityId));
    tabs_->setCurrentIndex(1);
    return true;
}

bool ArchivesPage::checkOut() {
    return handOver(false);
}

bool ArchivesPage::giveBack() {
    return handOver(true);
}

bool ArchivesPage::handOver(bool returning) {
    const qint64 loan = currentLoanId();
    if (loan == 0 && loansView_->currentIndex().isValid()) {
        // A request still waiting for its approval has no loan to check out yet.
        status_->setText(
            tr("Request #%1 is waiting for approval; it can be checked out once it "
               "is approved.")
                .arg(loans_->value(loansView_->currentIndex().row(), QStringLiteral("request"))
                         .toString()));
        return false;
    }
    if (loan == 0) {
        status_->setText(tr("Select a loan in the register first."));
        return false;
    }
    const int row = loansView_->currentIndex().row();
    const QString volumes = loans_->value(row, QStringLiteral("volumes")).toString();
    const QString borrower = loans_->value(row, QStringLiteral("borrower")).toString();
    const bool staff = loans_->value(row, QStringLiteral("borrower_staff_id")).toLongLong() > 0;
    // The catalogue's count of the loan's items, for the face-to-face count; a count only, so
    // a personal file's items stay unread (R4-1.5).
    const int expected = loans_->value(row, QStringLiteral("items")).toInt();
    const QString summary = (returning ? tr("Return of loan %1: %2, borrowed by %3")
                                       : tr("Checkout of loan %1: %2, to %3"))
                                .arg(loan)
                                .arg(volumes, borrower);
    LoanCountDialog counted(summary, expected, returning, !staff, this);
    if (counted.exec() != QDialog::Accepted)
        return false;
    const QString action =
        returning ? QStringLiteral("archive.return") : QStringLiteral("archive.lend");
    QVariantMap p{{QStringLiteral("loan_id"), loan}, {QStringLiteral("count"), counted.count()}};
    if (returning) {
        p.insert(QStringLiteral("condition"), counted.condition());
        if (!counted.note().isEmpty())
            p.insert(QStringLiteral("note"), counted.note());
    }
    if (!staff) {
        p.insert(QStringLiteral("signer_name"), counted.signerName());
        p.insert(QStringLiteral("signer_id_document"), counted.signerIdDocument());
    }
    // The signers are those the rules name for this loan (R1-1.2.5): a borrower from
    // outside signs the printed slip, not in the dialog.
    ActionRunner runner(session_, this);
    runner.setSummary(summary);
    auto done = runner.run(action, p);
    if (!done) {
        status_->setText(runner.message());
        return false;
    }
    const QJsonArray incidents = done->result.value(QStringLiteral("incidents")).toArray();
    status_->setText(
        returning
            ? (incidents.isEmpty()
                   ? tr("Loan %1 returned: %2 item(s) counted.").arg(loan).arg(counted.count())
                   : tr("Loan %1 returned with a difference: an incident waits for "
                        "its written report (R1-1.2.6).")
                         .arg(loan))
            : tr("Loan %1 checked out: %2 item(s) counted.").arg(loan).arg(counted.count()));
    selectLoan(loan);
    return true;
}

PrintDocument ArchivesPage::toPrint(const archives::PrintDocument& form) {
    return archives::paperForm(form, chinese());
}

Result<PrintDocument> ArchivesPage::generalCatalogue() const {
    auto form = archives::generalCatalogue(session_.services(), session_.actor());
    if (!form)
        return fail(form.error());
    PrintDocument doc = toPrint(*form);
    FormPrinter::stamp(doc, session_);
    return doc;
}

Status ArchivesPage::printCatalogueToPdf(const QString& path) {
    const Session& session = session_;
    auto pages = std::make_shared<int>(0);
    // Thousands of volumes: read and laid out on a worker with progress and Cancel.
    auto ok = TaskRunner::run(
        this, tr("Printing the general catalogue…"),
        [&session, path, pages](TaskControl& control) -> Status {
            auto form = archives::generalCatalogue(session.services(), session.actor());
            if (!form)
                return fail(form.error());
            control.setProgress(0.3);
            if (control.cancelled())
                return fail(cancelledError());
            PrintDocument doc = toPrint(*form);
            FormPrinter::stamp(doc, session);
            auto n = FormPrinter::toPdf(doc, path);
            if (!n)
                return fail(n.error());
            *pages = *n;
            control.setProgress(1.0);
            return {};
        },
        &session_.services().database());
    if (ok)
        status_->setText(tr("General catalogue printed: %n page(s).", nullptr, *pages));
    return ok;
}

Status ArchivesPage::printReminderToPdf(qint64 loanId, const QString& path) {
    auto form = archives::reminderSlip(session_.services(), session_.actor(), loanId);
    if (!form)
        return fail(form.error());
    PrintDocument doc = toPrint(*form);
    FormPrinter::stamp(doc, session_);
    auto n = FormPrinter::toPdf(doc, path);
    if (!n)
        return fail(n.error());
    status_->setText(tr("Reminder slip for loan %1 printed.").arg(loanId));
    return {};
}

void ArchivesPage::chooseCataloguePdf() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Print the general catalogue"), tr("general-catalogue.pdf"), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto ok = printCatalogueToPdf(path); !ok && !TaskRunner::lastCancelled())
        showError(this, ok.error());
    else if (ok)
        announceSaved(this, path);
}

void ArchivesPage::chooseReminderPdf() {
    if (!overdueView_->currentIndex().isValid()) {
        status_->setText(tr("Select an overdue loan first."));
        return;
    }
    const qint64 loan =
        overdue_->value(overdueView_->currentIndex().row(), QStringLiteral("id")).toLongLong();
    auto form = archives::reminderSlip(session_.services(), session_.actor(), loan);
    if (!form) {
        showError(this, form.error());
        return;
    }
    PrintDocument doc = toPrint(*form);
    if (auto ok = FormPrinter::printWithDialog(doc, session_, this); !ok)
        showError(this, ok.error());
}

} // namespace fd::gui
