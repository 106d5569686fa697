#include "pages/handover/front_desk_tab.h"

#include "handover/handover_options.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "services/services.h"
#include "session.h"
#include "util/clock.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace fd::gui {

FrontDeskTab::FrontDeskTab(Session& session, QWidget* parent) : HandoverTab(session, parent) {
    auto* layout = new QVBoxLayout(this);
    auto* receive = button(this, tr("Receive mail…"), QStringLiteral("receiveMail"));
    auto* deliver = button(this, tr("Deliver selected mail…"), QStringLiteral("deliverMail"));
    auto* call = button(this, tr("Log a call…"), QStringLiteral("logCall"));
    call->setProperty("newRecord", true); // Ctrl+N: a resident on the phone
    auto* custody = button(this, tr("Custody or forwarding…"), QStringLiteral("custodyRequest"));
    auto* release = button(this, tr("Release selected…"), QStringLiteral("releaseCustody"));
    auto* bill = button(this, tr("Record monthly bill…"), QStringLiteral("recordBill"));

    auto list = [this](const QString& query, const QString& name) {
        auto* l = new QueryListView(session_, query, {}, this);
        l->setObjectName(name);
        return l;
    };
    mailList_ = list(QStringLiteral("mail.items"), QStringLiteral("mailList"));
    custodyList_ = list(QStringLiteral("custody.items"), QStringLiteral("custodyList"));
    callList_ = list(QStringLiteral("phone.calls"), QStringLiteral("callList"));
    billList_ = list(QStringLiteral("phone.bills"), QStringLiteral("billList"));
    auto* rows = new QSplitter(Qt::Vertical, this);
    auto* upper = new QSplitter(Qt::Horizontal, rows);
    auto* lower = new QSplitter(Qt::Horizontal, rows);
    upper->addWidget(titledSection(upper, tr("Mail register"), mailList_, {receive, deliver}));
    upper->addWidget(
        titledSection(upper, tr("Custody and forwarding"), custodyList_, {custody, release}));
    lower->addWidget(titledSection(lower, tr("Phone log"), callList_, {call}));
    lower->addWidget(titledSection(lower, tr("Phone bill and quota"), billList_, {bill}));
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    rows->addWidget(upper);
    rows->addWidget(lower);
    layout->addWidget(rows, 1);

    connect(receive, &QPushButton::clicked, this, [this] {
        FormSpec spec;
        spec.choices = {{QStringLiteral("kind"), mailKinds()}};
        form(QStringLiteral("mail.receive"), spec);
    });
    connect(deliver, &QPushButton::clicked, this, &FrontDeskTab::deliverMail);
    connect(call, &QPushButton::clicked, this,
            [this] { form(QStringLiteral("phone.log_call"), {}); });
    connect(custody, &QPushButton::clicked, this,
            [this] { form(QStringLiteral("custody.request"), {}); });
    connect(release, &QPushButton::clicked, this, &FrontDeskTab::releaseCustody);
    connect(bill, &QPushButton::clicked, this, &FrontDeskTab::recordBill);
}

void FrontDeskTab::refresh() {
    for (QueryListView* list : {mailList_, custodyList_, callList_, billList_})
        list->reload();
}

void FrontDeskTab::select(const QString& entity, const QString& id) {
    if (entity == QStringLiteral("mail_item"))
        mailList_->selectWhere(QStringLiteral("id"), id);
    else if (entity == QStringLiteral("custody_item"))
        custodyList_->selectWhere(QStringLiteral("id"), id);
}

QList<QPair<QString, QString>> FrontDeskTab::mailKinds() const {
    return {{QStringLiteral("letter"), tr("Letter")},
            {QStringLiteral("newspaper"), tr("Newspaper")},
            {QStringLiteral("periodical"), tr("Periodical")},
            {QStringLiteral("parcel"), tr("Parcel")}};
}

void FrontDeskTab::deliverMail() {
    const QVariant id = selectedId(mailList_, tr("a mail item"));
    if (!id.isValid())
        return;
    FormSpec spec;
    spec.fixed = {{QStringLiteral("id"), id}};
    spec.choices = {{QStringLiteral("method"),
                     {{QStringLiteral("signed"), tr("Signed for")},
                      {QStringLiteral("handed"), tr("Handed over (recorded by the clerk)")},
                      {QStringLiteral("mailbox"), tr("Put in the mailbox")}}}};
    form(QStringLiteral("mail.deliver"), spec);
}

void FrontDeskTab::releaseCustody() {
    const int row = custodyList_->currentRow();
    if (row >= 0 && custodyList_->model()->value(row, QStringLiteral("status")).toString() ==
                        QStringLiteral("pending")) {
        // A request still waiting is not an item held yet (R6-4).
        QMessageBox::information(
            this, tr("Custody and forwarding"),
            tr("Request #%1 is waiting for approval; the item can be released once it is "
               "approved.")
                .arg(custodyList_->model()->value(row, QStringLiteral("request")).toString()));
        return;
    }
    const QVariant id = selectedId(custodyList_, tr("a custody or forwarding item"));
    if (!id.isValid())
        return;
    const QString item = custodyList_->model()->value(row, QStringLiteral("item")).toString();
    const QString recipient =
        custodyList_->model()->value(row, QStringLiteral("recipient")).toString();
    FormSpec spec;
    spec.title = tr("Release: %1").arg(item);
    spec.fixed = {{QStringLiteral("id"), id}};
    spec.labels = {{QStringLiteral("released_to"), tr("Released to (left for %1)").arg(recipient)}};
    form(QStringLiteral("custody.release"), spec);
}

void FrontDeskTab::recordBill() {
    const Services& services = session_.services();
    // The bill arrives for the month just past.
    FormSpec spec;
    spec.initial = {{QStringLiteral("month"), services.clock().officeToday().addMonths(-1).toString(
                                                  QStringLiteral("yyyy-MM"))}};
    spec.labels = {
        {QStringLiteral("amount"), tr("Amount (yuan; the department's quota is %1)")
                                       .arg(yuan(handover::phoneQuotaFen(services.policy())))}};
    auto outcome = form(QStringLiteral("phone.record_bill"), spec);
    if (!outcome)
        return;
    const qint64 excess = outcome->result.value(QStringLiteral("excess_fen")).toInteger();
    if (excess > 0)
        emit status(tr("Phone bill of %1 recorded: %2 yuan over the quota, paid by the "
                       "receptionist.")
                        .arg(outcome->entityId, yuan(excess)));
    else
        emit status(tr("Phone bill of %1 recorded: within the quota.").arg(outcome->entityId));
}

} // namespace fd::gui
