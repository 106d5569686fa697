#include "pages/core/approvals_page.h"

#include "output/table_text.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "refusal.h"
#include "services/services.h"
#include "session.h"
#include "sign_dialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace fd::gui {

namespace {

const QString kWaiting = QStringLiteral("mine");
const QString kMine = QStringLiteral("requested_by_me");

} // namespace

ApprovalsPage::ApprovalsPage(Session& session, QWidget* parent) : Page(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* title = new QLabel(tr("Approvals"), this);
    title->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: bold;"));
    top->addWidget(title);
    top->addStretch(1);
    view_ = new QComboBox(this);
    view_->setObjectName(QStringLiteral("view"));
    view_->addItem(tr("Waiting for my approval"), kWaiting);
    view_->addItem(tr("My requests"), kMine);
    top->addWidget(view_);
    layout->addLayout(top);

    auto* split = new QSplitter(Qt::Vertical, this);
    list_ = new QueryListView(session, QStringLiteral("approvals"), {{kWaiting, true}}, split);
    form_ = new QTextBrowser(split);
    form_->setObjectName(QStringLiteral("approvalForm"));
    form_->setPlaceholderText(tr("Select a request to read it."));
    split->addWidget(list_);
    split->addWidget(form_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto* bar = new QHBoxLayout;
    auto* noteLabel = new QLabel(tr("Decision note"), this);
    bar->addWidget(noteLabel);
    note_ = new QLineEdit(this);
    note_->setObjectName(QStringLiteral("note"));
    noteLabel->setBuddy(note_);
    bar->addWidget(note_, 1);
    approve_ = new QPushButton(tr("&Approve…"), this);
    approve_->setObjectName(QStringLiteral("approveButton"));
    reject_ = new QPushButton(tr("&Reject…"), this);
    reject_->setObjectName(QStringLiteral("rejectButton"));
    bar->addWidget(approve_);
    bar->addWidget(reject_);
    layout->addLayout(bar);
    setTabOrder(list_->table(), note_);
    setTabOrder(note_, approve_);
    setTabOrder(approve_, reject_);

    connect(approve_, &QPushButton::clicked, this, [this] { decide(true); });
    connect(reject_, &QPushButton::clicked, this, [this] { decide(false); });
    connect(view_, &QComboBox::currentIndexChanged, this,
            [this] { showWaitingForMe(view_->currentData().toString() == kWaiting); });
    connect(list_->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ApprovalsPage::showSelected);
    connect(list_->model(), &QAbstractItemModel::modelReset, this, &ApprovalsPage::showSelected);
    connect(&session_, &Session::dataChanged, this, &ApprovalsPage::refresh);
    // Who may not decide requests follows their own.
    if (!session_.permits(QStringLiteral("approval.decide"))) {
        view_->removeItem(view_->findData(kWaiting));
        showWaitingForMe(false);
    }
    refresh();
}

void ApprovalsPage::showWaitingForMe(bool waiting) {
    waiting = waiting && view_->findData(kWaiting) >= 0;
    const QString key = waiting ? kWaiting : kMine;
    if (view_->currentData().toString() != key)
        view_->setCurrentIndex(view_->findData(key));
    // My own requests in every state, the newest first; those waiting for me only pending.
    list_->setQuery(
        QStringLiteral("approvals"),
        waiting ? QVariantMap{{kWaiting, true}}
                : QVariantMap{{kMine, true}, {QStringLiteral("status"), QStringLiteral("all")}});
    approve_->setVisible(waiting);
    reject_->setVisible(waiting);
    note_->setEnabled(waiting);
    refresh();
}

bool ApprovalsPage::openRecord(const QString& entity, const QString& entityId) {
    if (entity != QStringLiteral("approval"))
        return false;
    // Waiting for me, or one of mine (a decision reaching its requester).
    for (const bool waiting : {true, false}) {
        if (waiting && view_->findData(kWaiting) < 0)
            continue;
        showWaitingForMe(waiting);
        if (list_->selectWhere(QStringLiteral("id"), entityId))
            return true;
    }
    return false;
}

void ApprovalsPage::refresh() {
    (void)list_->reload();
    const bool waiting = view_->currentData().toString() == kWaiting;
    // A request waiting has no decision note yet: its column gives its width to the details.
    if (const int note = list_->model()->columnOf(QStringLiteral("note")); note >= 0)
        list_->table()->setColumnHidden(note, waiting);
    // The next request is ready to read: the first one, when none is selected.
    if (list_->currentRow() < 0 && list_->model()->rowCount() > 0)
        list_->table()->selectRow(0);
    showSelected();
}

QString ApprovalsPage::formText() const {
    return form_->toPlainText();
}

void ApprovalsPage::showSelected() {
    const int row = list_->currentRow();
    const bool any = row >= 0;
    approve_->setEnabled(any);
    reject_->setEnabled(any);
    if (!any) {
        shownId_.clear();
        form_->clear();
        return;
    }
    shownId_ = list_->model()->value(row, QStringLiteral("id")).toString();
    auto r = session_.services().query(QStringLiteral("approval"),
                                       {{QStringLiteral("id"), shownId_}}, session_.actor());
    if (!r) {
        form_->setPlainText(errorText(r.error()));
        return;
    }
    const TableSnapshot shown = TableSnapshot::of(*r, chinese());
    QStringList lines;
    for (const QStringList& line : shown.rows)
        lines << (chinese() ? QStringLiteral("%1：%2") : QStringLiteral("%1: %2"))
                     .arg(line.value(0), line.value(1));
    form_->setPlainText(lines.join(QLatin1Char('\n')));
}

void ApprovalsPage::decide(bool approve) {
    if (list_->currentRow() < 0 || shownId_.isEmpty()) {
        QMessageBox::information(this, tr("Approval"), tr("Select a request first."));
        return;
    }
    const QString id = shownId_;
    const int row = list_->currentRow();
    const QString requested = list_->model()->value(row, QStringLiteral("action")).toString();
    const QString approverRoles =
        list_->model()->value(row, QStringLiteral("approvers")).toString();
    // The approver signs what the page shows, with the decision and the note.
    QString summary = formText();
    summary += QLatin1Char('\n') + (approve ? tr("Decision: approve") : tr("Decision: reject"));
    if (!note_->text().trimmed().isEmpty())
        summary += QLatin1Char('\n') + tr("Note: %1").arg(note_->text().trimmed());
    SignDialog dialog(session_.services(), {{QStringLiteral("approver"), approverRoles}}, summary,
                      this);
    dialog.fillLogin(QStringLiteral("approver"), session_.actor().login);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ActionRequest request{approve ? QStringLiteral("approval.approve")
                                  : QStringLiteral("approval.reject"),
                          {{QStringLiteral("id"), id}, {QStringLiteral("note"), note_->text()}},
                          session_.actor(),
                          dialog.signatures(),
                          {}};
    auto done = session_.services().bus().execute(request);
    if (!done) {
        showError(this, done.error(), {{QStringLiteral("note"), note_}});
        return;
    }
    note_->clear();
    session_.notifyChanged(QStringLiteral("approval"));
    // An approved request has now run: its area's pages follow.
    session_.notifyChanged(requested);
}

} // namespace fd::gui
