#include "pages/core/approvals_page.h"

#include "query_list_view.h"
#include "query_table_model.h"
#include "refusal.h"
#include "services/services.h"
#include "session.h"
#include "sign_dialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace fd::gui {

ApprovalsPage::ApprovalsPage(Session& session, QWidget* parent) : Page(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Requests waiting for my approval"), this);
    title->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: bold;"));
    layout->addWidget(title);
    list_ = new QueryListView(session, QStringLiteral("approvals"),
                              {{QStringLiteral("mine"), true}}, this);
    layout->addWidget(list_, 1);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Note"), this));
    note_ = new QLineEdit(this);
    note_->setObjectName(QStringLiteral("note"));
    bar->addWidget(note_, 1);
    auto* approve = new QPushButton(tr("Approve…"), this);
    approve->setObjectName(QStringLiteral("approveButton"));
    auto* reject = new QPushButton(tr("Reject…"), this);
    reject->setObjectName(QStringLiteral("rejectButton"));
    bar->addWidget(approve);
    bar->addWidget(reject);
    layout->addLayout(bar);
    connect(approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(reject, &QPushButton::clicked, this, [this] { decide(false); });
    connect(&session_, &Session::dataChanged, this, &ApprovalsPage::refresh);
}

bool ApprovalsPage::openRecord(const QString& entity, const QString& entityId) {
    if (entity != QStringLiteral("approval"))
        return false;
    (void)list_->reload();
    return list_->selectWhere(QStringLiteral("id"), entityId);
}

void ApprovalsPage::refresh() {
    (void)list_->reload();
}

void ApprovalsPage::decide(bool approve) {
    const int row = list_->currentRow();
    if (row < 0) {
        QMessageBox::information(this, tr("Approval"), tr("Select a request first."));
        return;
    }
    const QueryTableModel* m = list_->model();
    const QString id = m->value(row, QStringLiteral("id")).toString();
    const QString summary = tr("%1 request #%2: %3\nRequested by %4 at %5\nReason: %6\nDetails: %7")
                                .arg(approve ? tr("Approve") : tr("Reject"), id,
                                     m->value(row, QStringLiteral("action")).toString(),
                                     m->value(row, QStringLiteral("requester")).toString(),
                                     m->value(row, QStringLiteral("requested_at")).toString(),
                                     m->value(row, QStringLiteral("reason")).toString(),
                                     m->value(row, QStringLiteral("params")).toString());
    const QString role = m->value(row, QStringLiteral("approver_role")).toString();
    const QString requested = m->value(row, QStringLiteral("action")).toString();
    SignDialog dialog(session_.services(), {{QStringLiteral("approver"), role}}, summary, this);
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
