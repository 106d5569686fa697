#include "pages/handover/handover_page.h"

#include "actions/action_bus.h"
#include "handover/handover_print.h"
#include "pages/handover/handover_print_mapping.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "refusal.h"
#include "rules/policy.h"
#include "services/services.h"
#include "session.h"
#include "sign_dialog.h"
#include "util/clock.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cstdlib>

namespace fd::gui {
namespace {

const QString kComplete = QStringLiteral("handover.complete");

QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers) {
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setAlternatingRowColors(true);
    t->setWordWrap(true);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setRow(QTableWidget* t, int row, const QStringList& cells, const QVariant& id = {}) {
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells.at(c));
        if (c == 0)
            item->setData(Qt::UserRole, id);
        t->setItem(row, c, item);
    }
}

QString when(const QString& stored) {
    return stored.isEmpty() ? QString() : handover::officeTime(stored);
}

// A list or table under a bold title, with the buttons that act on it beside the title.
QWidget* titledSection(QWidget* parent, const QString& title, QWidget* content,
                       const QList<QPushButton*>& buttons) {
    auto* box = new QWidget(parent);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    auto* h = new QHBoxLayout;
    auto* label = new QLabel(title, box);
    label->setStyleSheet(QStringLiteral("font-weight: bold;"));
    h->addWidget(label);
    h->addStretch();
    for (QPushButton* b : buttons) {
        b->setParent(box);
        h->addWidget(b);
    }
    v->addLayout(h);
    content->setParent(box);
    v->addWidget(content, 1);
    return box;
}

// Yuan as written on a bill: 20000 fen → "200.00".
QString yuan(qint64 fen) {
    return QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0'));
}

// A policy list of codes, each a string or an object with a code (and its en/zh names).
QList<QPair<QString, Text>> policyCodes(const Policy& policy, const QString& parameter) {
    QList<QPair<QString, Text>> out;
    for (const QJsonValue& v : policy.parameter(parameter).toArray()) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            const QString code = o.value(QStringLiteral("code")).toString();
            out.push_back({code,
                           {o.value(QStringLiteral("en")).toString(),
                            o.value(QStringLiteral("zh")).toString()}});
        } else {
            out.push_back({v.toString(), {}});
        }
    }
    return out;
}

} // namespace

HandoverPage::HandoverPage(Session& session, QWidget* parent) : Page(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    // One status line under the tabs: what the last action did, or why it was refused.
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::PlainText);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("tabs"));
    tabs_->addTab(buildSheetTab(), tr("Shift handover"));
    tabs_->addTab(buildFrontDeskTab(), tr("Front desk"));
    tabs_->addTab(buildDutyTab(), tr("Duty log"));
    layout->addWidget(tabs_, 1);
    layout->addWidget(status_);
    connect(&session_, &Session::dataChanged, this, [this](const QString& entity) {
        for (const char* prefix : {"handover", "mail", "custody", "phone", "duty"})
            if (entity.startsWith(QLatin1String(prefix))) {
                refresh();
                return;
            }
    });
    refresh();
}

QWidget* HandoverPage::buildSheetTab() {
    auto* tab = new QWidget(this);
    auto* layout = new QVBoxLayout(tab);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Post:"), tab));
    post_ = new QComboBox(tab);
    post_->setObjectName(QStringLiteral("post"));
    for (const handover::PostDef& p : handover::posts(session_.services().policy()))
        post_->addItem(display(p.name), p.code);
    bar->addWidget(post_);
    open_ = new QPushButton(tr("Open handover sheet"), tab);
    open_->setObjectName(QStringLiteral("openSheet"));
    bar->addWidget(open_);
    bar->addStretch();
    printSheet_ = new QPushButton(tr("Sheet to PDF…"), tab);
    printSheet_->setObjectName(QStringLiteral("printSheet"));
    auto* printLog = new QPushButton(tr("Handover log to PDF…"), tab);
    printLog->setObjectName(QStringLiteral("printLog"));
    bar->addWidget(printSheet_);
    bar->addWidget(printLog);
    // The month's exceptions to the blockers (特批) for the CS manager (R2-2.4).
    auto* printExceptions = new QPushButton(tr("Exceptions of the month to PDF…"), tab);
    printExceptions->setObjectName(QStringLiteral("printExceptions"));
    printExceptions->setVisible(session_.permits(QStringLiteral("handover.exceptions")) &&
                                (session_.actor().hasRole(QStringLiteral("cs_manager")) ||
                                 session_.actor().hasRole(QStringLiteral("supervisor"))));
    connect(printExceptions, &QPushButton::clicked, this, [this] {
        const QString month =
            session_.services().clock().officeToday().toString(QStringLiteral("yyyy-MM"));
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save as PDF"), tr("handover-exceptions-%1.pdf").arg(month),
            tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            printExceptionsToPdf(month, path);
    });
    bar->addWidget(printExceptions);
    layout->addLayout(bar);

    header_ = new QLabel(tab);
    header_->setObjectName(QStringLiteral("sheetHeader"));
    header_->setWordWrap(true);
    header_->setTextFormat(Qt::PlainText);
    layout->addWidget(header_);

    auto* split = new QSplitter(Qt::Vertical, tab);
    auto section = [&](const QString& title, QTableWidget* table,
                       const QList<QPushButton*>& buttons) {
        QWidget* box = titledSection(split, title, table, buttons);
        split->addWidget(box);
        return box;
    };
    auto button = [&](const QString& text, const QString& name) {
        auto* b = new QPushButton(text);
        b->setObjectName(name);
        sheetActions_ << b;
        return b;
    };

    matters_ = makeTable(tab, QStringLiteral("matters"),
                         {tr("No."), tr("Cause"), tr("Course"), tr("Result"), tr("Severity"),
                          tr("Status"), tr("From")});
    auto* addMatterB = button(tr("Add matter…"), QStringLiteral("addMatter"));
    auto* editMatterB = button(tr("Edit matter…"), QStringLiteral("editMatter"));
    section(tr("Matters (cause, course, result)"), matters_, {addMatterB, editMatterB});

    instructions_ = makeTable(
        tab, QStringLiteral("instructions"),
        {tr("No."), tr("Issued by"), tr("Instruction"), tr("Recorded"), tr("Acknowledged")});
    auto* addInstrB = button(tr("Record instruction…"), QStringLiteral("addInstruction"));
    auto* ackB = button(tr("Acknowledge"), QStringLiteral("acknowledgeInstruction"));
    section(tr("Instructions from superiors"), instructions_, {addInstrB, ackB});

    checklist_ = makeTable(tab, QStringLiteral("checklist"),
                           {tr("Item"), tr("Checked"), tr("Note"), tr("Checked by"), tr("At")});
    auto* presentB = button(tr("Present"), QStringLiteral("itemPresent"));
    auto* missingB = button(tr("Missing…"), QStringLiteral("itemMissing"));
    section(tr("Item checklist"), checklist_, {presentB, missingB});

    auto* lower = new QSplitter(Qt::Horizontal, split);
    lower_ = lower;
    split->addWidget(lower);
    mail_ = makeTable(tab, QStringLiteral("mail"),
                      {tr("No."), tr("Kind"), tr("Addressee"), tr("Unit"), tr("Received")});
    equipment_ = makeTable(
        tab, QStringLiteral("equipment"),
        {tr("No."), tr("Equipment"), tr("Operation"), tr("State"), tr("Started"), tr("Finished")});
    auto* startEquipB = button(tr("Record start/stop…"), QStringLiteral("recordEquipment"));
    auto* finishEquipB = button(tr("Finished"), QStringLiteral("finishEquipment"));
    // A completed sheet is never changed; a correction is an addendum to it (R2-1.1).
    addenda_ = makeTable(tab, QStringLiteral("addenda"), {tr("Added"), tr("By"), tr("Addendum")});
    addendum_ = new QPushButton(tr("Addendum…"));
    addendum_->setObjectName(QStringLiteral("addAddendum"));
    {
        // The smaller lists share the last row of the sheet.
        auto* holder = split;
        split = lower;
        auto* mailChecked = button(tr("Incoming checks the mail…"), QStringLiteral("confirmMail"));
        connect(mailChecked, &QPushButton::clicked, this, [this] {
            run(QStringLiteral("handover.confirm_mail"), {{QStringLiteral("sheet_id"), sheet_.id}});
        });
        section(tr("Undelivered mail"), mail_, {mailChecked});
        section(tr("Major equipment start/stop"), equipment_, {startEquipB, finishEquipB});
        addendaBox_ = section(tr("Addenda"), addenda_, {addendum_});
        split = holder;
    }
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 3);
    split->setStretchFactor(3, 2);
    layout->addWidget(split, 1);

    auto* foot = new QHBoxLayout;
    auto* signInB = button(tr("Incoming person signs in…"), QStringLiteral("signInIncoming"));
    auto* unfitB = button(tr("Mark incoming unfit…"), QStringLiteral("markUnfit"));
    override_ = button(tr("Supervisor override…"), QStringLiteral("override"));
    complete_ = button(tr("Complete handover…"), QStringLiteral("complete"));
    complete_->setStyleSheet(QStringLiteral("font-weight: bold;"));
    // A person who left without handing over is signed out by a supervisor, with a reason
    // (R6-5).
    auto* signOutB = button(tr("Sign out a person who has left…"), QStringLiteral("signOutPerson"));
    signOutB->setVisible(offersOverride(QStringLiteral("handover.sign_out_person")));
    connect(signOutB, &QPushButton::clicked, this, [this] {
        runForm(
            QStringLiteral("handover.sign_out_person"), tr("Sign out a person who has left"),
            {{QStringLiteral("login"), tr("Login of the person"), FormField::Kind::Line, {}, {}},
             {QStringLiteral("reason"), tr("Why (recorded)"), FormField::Kind::Long, {}, {}}},
            {}, false, QStringLiteral("reason"));
    });
    for (QPushButton* b : {signInB, unfitB, override_, signOutB}) {
        b->setParent(tab);
        foot->addWidget(b);
    }
    foot->addStretch();
    complete_->setParent(tab);
    foot->addWidget(complete_);
    layout->addLayout(foot);
    override_->setVisible(offersOverride(QStringLiteral("handover.override")));

    connect(post_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(open_, &QPushButton::clicked, this, [this] { openSheet(); });
    connect(complete_, &QPushButton::clicked, this, [this] { completeHandover(); });
    connect(override_, &QPushButton::clicked, this, [this] { recordOverride(); });
    connect(printSheet_, &QPushButton::clicked, this, [this] { choosePdf(false); });
    connect(printLog, &QPushButton::clicked, this, [this] { choosePdf(true); });
    connect(addMatterB, &QPushButton::clicked, this, &HandoverPage::addMatter);
    connect(editMatterB, &QPushButton::clicked, this, &HandoverPage::editMatter);
    connect(matters_, &QTableWidget::cellDoubleClicked, this, &HandoverPage::editMatter);
    connect(addInstrB, &QPushButton::clicked, this, &HandoverPage::addInstruction);
    connect(ackB, &QPushButton::clicked, this, &HandoverPage::acknowledgeInstruction);
    connect(presentB, &QPushButton::clicked, this, [this] { confirmSelectedItem(true); });
    connect(missingB, &QPushButton::clicked, this, [this] { confirmSelectedItem(false); });
    connect(startEquipB, &QPushButton::clicked, this, [this] { recordEquipment(false); });
    connect(finishEquipB, &QPushButton::clicked, this, [this] { recordEquipment(true); });
    connect(signInB, &QPushButton::clicked, this, &HandoverPage::signInIncoming);
    connect(unfitB, &QPushButton::clicked, this, &HandoverPage::markUnfit);
    connect(addendum_, &QPushButton::clicked, this, &HandoverPage::addAddendum);
    return tab;
}

QWidget* HandoverPage::buildFrontDeskTab() {
    auto* tab = new QWidget(this);
    auto* layout = new QVBoxLayout(tab);
    auto* receive = new QPushButton(tr("Receive mail…"), tab);
    receive->setObjectName(QStringLiteral("receiveMail"));
    auto* deliver = new QPushButton(tr("Deliver selected mail…"), tab);
    deliver->setObjectName(QStringLiteral("deliverMail"));
    auto* call = new QPushButton(tr("Log a call…"), tab);
    call->setObjectName(QStringLiteral("logCall"));
    auto* custody = new QPushButton(tr("Custody or forwarding…"), tab);
    custody->setObjectName(QStringLiteral("custodyRequest"));
    auto* release = new QPushButton(tr("Release selected…"), tab);
    release->setObjectName(QStringLiteral("releaseCustody"));
    auto* bill = new QPushButton(tr("Record monthly bill…"), tab);
    bill->setObjectName(QStringLiteral("recordBill"));

    auto* rows = new QSplitter(Qt::Vertical, tab);
    auto* upper = new QSplitter(Qt::Horizontal, rows);
    auto* lower = new QSplitter(Qt::Horizontal, rows);
    mailList_ = new QueryListView(session_, QStringLiteral("mail.items"), {}, tab);
    mailList_->setObjectName(QStringLiteral("mailList"));
    custodyList_ = new QueryListView(session_, QStringLiteral("custody.items"), {}, tab);
    custodyList_->setObjectName(QStringLiteral("custodyList"));
    callList_ = new QueryListView(session_, QStringLiteral("phone.calls"), {}, tab);
    callList_->setObjectName(QStringLiteral("callList"));
    billList_ = new QueryListView(session_, QStringLiteral("phone.bills"), {}, tab);
    billList_->setObjectName(QStringLiteral("billList"));
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

    const QList<QPair<QString, QString>> kinds = {{QStringLiteral("letter"), tr("Letter")},
                                                  {QStringLiteral("newspaper"), tr("Newspaper")},
                                                  {QStringLiteral("periodical"), tr("Periodical")},
                                                  {QStringLiteral("parcel"), tr("Parcel")}};
    connect(receive, &QPushButton::clicked, this, [this, kinds] {
        runForm(QStringLiteral("mail.receive"), tr("Receive mail"),
                {{QStringLiteral("kind"), tr("Kind"), FormField::Kind::Choice, kinds, {}},
                 {QStringLiteral("addressee"), tr("Addressee"), FormField::Kind::Line, {}, {}},
                 {QStringLiteral("unit"), tr("Unit"), FormField::Kind::Line, {}, {}},
                 {QStringLiteral("sender"), tr("Sender"), FormField::Kind::Line, {}, {}}},
                {});
    });
    connect(deliver, &QPushButton::clicked, this, [this] {
        const int row = mailList_->currentRow();
        if (row < 0) {
            status_->setText(tr("Select a mail item first."));
            return;
        }
        runForm(QStringLiteral("mail.deliver"), tr("Deliver mail"),
                {{QStringLiteral("delivered_to"), tr("Received by"), FormField::Kind::Line, {}, {}},
                 {QStringLiteral("method"),
                  tr("How"),
                  FormField::Kind::Choice,
                  {{QStringLiteral("signed"), tr("Signed for")},
                   {QStringLiteral("handed"), tr("Handed over (recorded by the clerk)")},
                   {QStringLiteral("mailbox"), tr("Put in the mailbox")}},
                  {}}},
                {{QStringLiteral("id"), mailList_->model()->value(row, QStringLiteral("id"))}});
    });
    connect(call, &QPushButton::clicked, this, [this] {
        runForm(
            QStringLiteral("phone.log_call"), tr("Log a call"),
            {{QStringLiteral("caller"), tr("Caller"), FormField::Kind::Line, {}, {}},
             {QStringLiteral("caller_phone"), tr("Caller's phone"), FormField::Kind::Line, {}, {}},
             {QStringLiteral("subject"), tr("Subject"), FormField::Kind::Line, {}, {}},
             {QStringLiteral("follow_up"), tr("Follow-up"), FormField::Kind::Long, {}, {}}},
            {});
    });
    connect(custody, &QPushButton::clicked, this, [this] {
        runForm(QStringLiteral("custody.request"), tr("Custody or forwarding"),
                {{QStringLiteral("kind"),
                  tr("Kind"),
                  FormField::Kind::Choice,
                  {{QStringLiteral("custody"), tr("Custody")},
                   {QStringLiteral("forwarding"), tr("Forwarding")}},
                  {}},
                 {QStringLiteral("item"), tr("Item"), FormField::Kind::Line, {}, {}},
                 {QStringLiteral("depositor"), tr("Deposited by"), FormField::Kind::Line, {}, {}},
                 {QStringLiteral("recipient"), tr("For"), FormField::Kind::Line, {}, {}},
                 {QStringLiteral("unit"), tr("Unit"), FormField::Kind::Line, {}, {}}},
                {});
    });
    connect(release, &QPushButton::clicked, this, &HandoverPage::releaseCustody);
    connect(bill, &QPushButton::clicked, this, &HandoverPage::recordBill);
    return tab;
}

QWidget* HandoverPage::buildDutyTab() {
    auto* tab = new QWidget(this);
    auto* layout = new QVBoxLayout(tab);
    auto* bar = new QHBoxLayout;
    auto* start = new QPushButton(tr("Start duty"), tab);
    start->setObjectName(QStringLiteral("startDuty"));
    auto* swap = new QPushButton(tr("Record duty swap…"), tab);
    swap->setObjectName(QStringLiteral("recordSwap"));
    auto* printDuty = new QPushButton(tr("Duty record to PDF…"), tab);
    printDuty->setObjectName(QStringLiteral("printDuty"));
    bar->addWidget(start);
    bar->addWidget(swap);
    bar->addStretch();
    bar->addWidget(printDuty);
    layout->addLayout(bar);

    auto* inspection = new QPushButton(tr("Inspection round…"), tab);
    inspection->setObjectName(QStringLiteral("inspect"));
    auto* lighting = new QPushButton(tr("Lighting check…"), tab);
    lighting->setObjectName(QStringLiteral("lightingCheck"));
    auto* incident = new QPushButton(tr("Record incident…"), tab);
    incident->setObjectName(QStringLiteral("dutyIncident"));
    auto* end = new QPushButton(tr("End selected duty…"), tab);
    end->setObjectName(QStringLiteral("endDuty"));
    overrideEnd_ = new QPushButton(tr("Supervisor: end without successor…"), tab);
    overrideEnd_->setObjectName(QStringLiteral("overrideEndDuty"));
    auto* report = new QPushButton(tr("Written report…"), tab);
    report->setObjectName(QStringLiteral("incidentReport"));
    auto* printIncident = new QPushButton(tr("Incident report to PDF…"), tab);
    printIncident->setObjectName(QStringLiteral("printIncident"));

    auto* split = new QSplitter(Qt::Vertical, tab);
    dutyList_ = new QueryListView(session_, QStringLiteral("duty.records"), {}, tab);
    dutyList_->setObjectName(QStringLiteral("dutyList"));
    incidentList_ = new QueryListView(session_, QStringLiteral("duty.incidents"), {}, tab);
    incidentList_->setObjectName(QStringLiteral("incidentList"));
    split->addWidget(titledSection(split, tr("Duty records"), dutyList_,
                                   {inspection, lighting, incident, end, overrideEnd_}));
    split->addWidget(titledSection(split, tr("Incidents (a major one is reported in writing)"),
                                   incidentList_, {report, printIncident}));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    overrideEnd_->setVisible(offersOverride(QStringLiteral("duty.override_end")));

    connect(start, &QPushButton::clicked, this, [this] { run(QStringLiteral("duty.start"), {}); });
    connect(incident, &QPushButton::clicked, this, [this] {
        const QVariant id = selectedId(dutyList_, tr("a duty record"));
        if (!id.isValid())
            return;
        runForm(
            QStringLiteral("duty.incident"), tr("Record incident"),
            {{QStringLiteral("title"), tr("Incident"), FormField::Kind::Line, {}, {}},
             {QStringLiteral("description"), tr("What happened"), FormField::Kind::Long, {}, {}},
             {QStringLiteral("handling"), tr("Handling"), FormField::Kind::Long, {}, {}},
             {QStringLiteral("severity"),
              tr("Severity"),
              FormField::Kind::Choice,
              {{QStringLiteral("normal"), tr("Normal")},
               {QStringLiteral("major"), tr("Major (reported to the CS manager at once)")}},
              {}}},
            {{QStringLiteral("duty_id"), id}});
    });
    connect(end, &QPushButton::clicked, this, [this] {
        const QVariant id = selectedId(dutyList_, tr("a duty record"));
        if (!id.isValid())
            return;
        runForm(
            QStringLiteral("duty.end"), tr("End duty"),
            {{QStringLiteral("happenings"), tr("What happened"), FormField::Kind::Long, {}, {}},
             {QStringLiteral("handling"), tr("How it was handled"), FormField::Kind::Long, {}, {}}},
            {{QStringLiteral("id"), id}});
    });
    connect(inspection, &QPushButton::clicked, this, &HandoverPage::inspect);
    connect(lighting, &QPushButton::clicked, this, &HandoverPage::lightingCheck);
    connect(overrideEnd_, &QPushButton::clicked, this, &HandoverPage::overrideEndDuty);
    connect(swap, &QPushButton::clicked, this, &HandoverPage::recordSwap);
    connect(report, &QPushButton::clicked, this, &HandoverPage::incidentReport);
    connect(printDuty, &QPushButton::clicked, this, [this] { chooseDutyPdf(false); });
    connect(printIncident, &QPushButton::clicked, this, [this] { chooseDutyPdf(true); });
    return tab;
}

QString HandoverPage::currentPost() const {
    return post_->currentData().toString();
}

void HandoverPage::refresh() {
    auto id = handover::openSheetId(session_.services().database().connection(), currentPost());
    if (!id) {
        status_->setText(errorText(id.error()));
        return;
    }
    // A completed sheet opened from the dashboard stays shown until another one is opened.
    if (*id == 0 && sheet_.id != 0 && sheet_.completed() && sheet_.post == currentPost())
        showSheet(sheet_.id);
    else
        showSheet(*id);
    for (QueryListView* list :
         {mailList_, custodyList_, callList_, billList_, dutyList_, incidentList_})
        if (list != nullptr)
            list->reload();
}

void HandoverPage::showSheet(qint64 id) {
    sheet_ = {};
    if (id != 0) {
        auto sheet = handover::loadSheet(session_.services().database().connection(), id);
        if (!sheet) {
            status_->setText(errorText(sheet.error()));
        } else {
            sheet_ = std::move(*sheet);
        }
    }
    fillTables();
    updateButtons();
}

void HandoverPage::fillTables() {
    const Policy& policy = session_.services().policy();
    if (sheet_.id == 0) {
        header_->setText(tr("No handover sheet of this post is open. Open one to start the "
                            "handover; it is prefilled with what the last shift left open."));
    } else {
        const QString shift = display(handover::shiftName(policy, sheet_.shift));
        QStringList parts;
        parts << tr("Sheet %1").arg(sheet_.id)
              << QStringLiteral("%1 %2").arg(sheet_.shiftDate, shift)
              << tr("opened %1").arg(when(sheet_.openedAt))
              << tr("outgoing: %1").arg(sheet_.outgoing)
              << tr("incoming: %1")
                     .arg(sheet_.incoming.isEmpty() ? tr("not signed in") : sheet_.incoming)
              << (sheet_.completed() ? tr("completed %1").arg(when(sheet_.completedAt))
                                     : tr("open"));
        QString text = parts.join(QStringLiteral(" · "));
        if (!sheet_.unfit.isEmpty())
            text += QLatin1Char('\n') +
                    tr("Marked unfit to take over: %1 (%2)")
                        .arg(sheet_.unfit, sheet_.unfitCondition == QStringLiteral("drinking")
                                               ? tr("drinking")
                                               : tr("not lucid"));
        if (!sheet_.overrideReason.isEmpty())
            text += QLatin1Char('\n') +
                    tr("Supervisor override by %1 at %2: %3")
                        .arg(sheet_.overrideBy, when(sheet_.overrideAt), sheet_.overrideReason);
        for (const handover::SheetOverride& o : sheet_.overrides)
            text += QLatin1Char('\n') + tr("Supervisor override by %1 at %2: %3")
                                            .arg(o.approvedBy, when(o.signedAt), o.reason);
        header_->setText(text);
    }

    auto severityText = [this](const QString& s) {
        return s == QStringLiteral("major")       ? tr("major")
               : s == QStringLiteral("emergency") ? tr("emergency")
                                                  : tr("normal");
    };
    matters_->setRowCount(static_cast<int>(sheet_.matters.size()));
    for (int r = 0; r < sheet_.matters.size(); ++r) {
        const handover::SheetMatter& m = sheet_.matters.at(r);
        setRow(matters_, r,
               {QString::number(m.id), m.cause, m.course, m.result, severityText(m.severity),
                m.status == QStringLiteral("handled") ? tr("handled") : tr("open"),
                m.carried ? tr("earlier shift") : tr("this shift")},
               m.id);
        if (m.severity != QStringLiteral("normal") && m.status == QStringLiteral("open"))
            for (int c = 0; c < matters_->columnCount(); ++c)
                matters_->item(r, c)->setForeground(QColor(0xb0, 0x20, 0x20));
    }
    instructions_->setRowCount(static_cast<int>(sheet_.instructions.size()));
    for (int r = 0; r < sheet_.instructions.size(); ++r) {
        const handover::SheetInstruction& n = sheet_.instructions.at(r);
        setRow(instructions_, r,
               {QString::number(n.id), n.issuedBy, n.text, when(n.recordedAt),
                n.acknowledgedAt.isEmpty()
                    ? tr("waiting")
                    : QStringLiteral("%1 %2").arg(n.acknowledgedBy, when(n.acknowledgedAt))},
               n.id);
    }
    checklist_->setRowCount(static_cast<int>(sheet_.checklist.size()));
    for (int r = 0; r < sheet_.checklist.size(); ++r) {
        const handover::SheetChecklistItem& c = sheet_.checklist.at(r);
        const QString state = c.state == QStringLiteral("present")   ? tr("present")
                              : c.state == QStringLiteral("missing") ? tr("missing")
                                                                     : tr("not checked");
        setRow(checklist_, r, {display(c.title), state, c.note, c.confirmedBy, when(c.confirmedAt)},
               c.item);
    }
    mail_->setRowCount(static_cast<int>(sheet_.mail.size()));
    for (int r = 0; r < sheet_.mail.size(); ++r) {
        const handover::SheetMail& m = sheet_.mail.at(r);
        const QString kind = m.kind == QStringLiteral("letter")       ? tr("Letter")
                             : m.kind == QStringLiteral("newspaper")  ? tr("Newspaper")
                             : m.kind == QStringLiteral("periodical") ? tr("Periodical")
                             : m.kind == QStringLiteral("parcel")     ? tr("Parcel")
                                                                      : m.kind;
        setRow(mail_, r, {QString::number(m.id), kind, m.addressee, m.unit, when(m.receivedAt)},
               m.id);
    }
    equipment_->setRowCount(static_cast<int>(sheet_.equipment.size()));
    for (int r = 0; r < sheet_.equipment.size(); ++r) {
        const handover::SheetEquipmentOperation& e = sheet_.equipment.at(r);
        setRow(equipment_, r,
               {QString::number(e.id), e.equipment,
                e.operation == QStringLiteral("start") ? tr("start") : tr("stop"),
                e.state == QStringLiteral("in_progress") ? tr("in progress") : tr("completed"),
                when(e.startedAt), when(e.finishedAt)},
               e.id);
    }
    addenda_->setRowCount(static_cast<int>(sheet_.addenda.size()));
    for (int r = 0; r < sheet_.addenda.size(); ++r) {
        const handover::SheetAddendum& a = sheet_.addenda.at(r);
        setRow(addenda_, r, {when(a.addedAt), a.addedBy, a.text}, a.id);
    }
    for (QTableWidget* t : {matters_, instructions_, checklist_, mail_, equipment_, addenda_}) {
        t->resizeColumnsToContents();
        for (int c = 0; c < t->columnCount(); ++c)
            t->setColumnWidth(c, std::min(t->columnWidth(c), 320));
    }
}

void HandoverPage::updateButtons() {
    const bool open = sheet_.id != 0 && !sheet_.completed();
    for (QPushButton* b : sheetActions_)
        b->setEnabled(open);
    open_->setEnabled(sheet_.id == 0 || sheet_.completed());
    printSheet_->setEnabled(sheet_.id != 0);
    addendum_->setEnabled(sheet_.completed());
    // The addenda share the last row only when there are or can be any; shown again, the
    // section gets its share of the row back.
    const bool addenda = sheet_.completed() || !sheet_.addenda.isEmpty();
    if (addenda && addendaBox_->isHidden()) {
        addendaBox_->show();
        const int width = std::max(lower_->width(), 900);
        lower_->setSizes({width * 3 / 10, width * 4 / 10, width * 3 / 10});
    } else if (!addenda) {
        addendaBox_->hide();
    }
}

int HandoverPage::selectedRow(QTableWidget* table) const {
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    return rows.isEmpty() ? table->currentRow() : rows.first().row();
}

bool HandoverPage::run(const QString& action, const QVariantMap& params, const QString& reason) {
    const ActionDef* def = session_.services().actions().find(action);
    auto done = executeAskingSignatures(session_, {action, params, session_.actor(), {}, reason},
                                        def != nullptr ? display(def->title) : action, this);
    if (!done) {
        status_->setText(errorText(done.error()));
        showError(this, done.error());
        return false;
    }
    session_.notifyChanged(action.section(QLatin1Char('.'), 0, 0));
    return true;
}

bool HandoverPage::runForm(const QString& action, const QString& title,
                           const QList<FormField>& fields, const QVariantMap& fixed, bool sendEmpty,
                           const QString& reasonKey, ActionResult* outcome) {
    ActionFormDialog dialog(session_, action, title, fields, fixed, this);
    dialog.setSendEmpty(sendEmpty);
    dialog.setReasonField(reasonKey);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (outcome != nullptr)
        *outcome = dialog.result();
    if (dialog.result().status == ActionResult::Status::PendingApproval)
        status_->setText(tr("Sent for approval: %1").arg(display(dialog.result().message)));
    else
        status_->setText(tr("Done: %1").arg(title));
    session_.notifyChanged(action.section(QLatin1Char('.'), 0, 0));
    return true;
}

bool HandoverPage::openSheet() {
    if (!run(QStringLiteral("handover.open"), {{QStringLiteral("post"), currentPost()}}))
        return false;
    refresh();
    status_->setText(tr("Sheet %1 opened: %n matter(s) carried over.", nullptr,
                        static_cast<int>(std::count_if(
                            sheet_.matters.cbegin(), sheet_.matters.cend(),
                            [](const handover::SheetMatter& m) { return m.carried; })))
                         .arg(sheet_.id));
    return true;
}

void HandoverPage::addMatter() {
    runForm(QStringLiteral("handover.add_matter"), tr("Add matter"),
            {{QStringLiteral("cause"), tr("Cause"), FormField::Kind::Long, {}, {}},
             {QStringLiteral("course"), tr("Course"), FormField::Kind::Long, {}, {}},
             {QStringLiteral("result"), tr("Result"), FormField::Kind::Long, {}, {}},
             {QStringLiteral("severity"),
              tr("Severity"),
              FormField::Kind::Choice,
              {{QStringLiteral("normal"), tr("normal")},
               {QStringLiteral("major"), tr("major")},
               {QStringLiteral("emergency"), tr("emergency")}},
              {}},
             {QStringLiteral("status"),
              tr("Status"),
              FormField::Kind::Choice,
              {{QStringLiteral("open"), tr("open")}, {QStringLiteral("handled"), tr("handled")}},
              {}}},
            {{QStringLiteral("sheet_id"), sheet_.id}});
}

void HandoverPage::editMatter() {
    const int row = selectedRow(matters_);
    if (row < 0 || row >= sheet_.matters.size()) {
        status_->setText(tr("Select a matter first."));
        return;
    }
    const handover::SheetMatter& m = sheet_.matters.at(row);
    runForm(QStringLiteral("handover.update_matter"), tr("Edit matter %1").arg(m.id),
            {{QStringLiteral("cause"), tr("Cause"), FormField::Kind::Long, {}, m.cause},
             {QStringLiteral("course"), tr("Course"), FormField::Kind::Long, {}, m.course},
             {QStringLiteral("result"), tr("Result"), FormField::Kind::Long, {}, m.result},
             {QStringLiteral("severity"),
              tr("Severity"),
              FormField::Kind::Choice,
              {{QStringLiteral("normal"), tr("normal")},
               {QStringLiteral("major"), tr("major")},
               {QStringLiteral("emergency"), tr("emergency")}},
              m.severity},
             {QStringLiteral("status"),
              tr("Status"),
              FormField::Kind::Choice,
              {{QStringLiteral("open"), tr("open")}, {QStringLiteral("handled"), tr("handled")}},
              m.status}},
            {{QStringLiteral("sheet_id"), sheet_.id}, {QStringLiteral("id"), m.id}}, true);
}

void HandoverPage::addInstruction() {
    runForm(QStringLiteral("handover.add_instruction"), tr("Record instruction"),
            {{QStringLiteral("issued_by"), tr("Issued by"), FormField::Kind::Line, {}, {}},
             {QStringLiteral("text"), tr("Instruction"), FormField::Kind::Long, {}, {}}},
            {{QStringLiteral("sheet_id"), sheet_.id}});
}

void HandoverPage::acknowledgeInstruction() {
    const int row = selectedRow(instructions_);
    if (row < 0 || row >= sheet_.instructions.size()) {
        status_->setText(tr("Select an instruction first."));
        return;
    }
    run(QStringLiteral("handover.acknowledge_instruction"),
        {{QStringLiteral("sheet_id"), sheet_.id},
         {QStringLiteral("id"), sheet_.instructions.at(row).id}});
}

bool HandoverPage::confirmSelectedItem(bool present) {
    const int row = selectedRow(checklist_);
    if (row < 0 || row >= sheet_.checklist.size()) {
        status_->setText(tr("Select an item of the checklist first."));
        return false;
    }
    const QString item = sheet_.checklist.at(row).item;
    const QVariantMap fixed{{QStringLiteral("sheet_id"), sheet_.id},
                            {QStringLiteral("item"), item}};
    bool ok = false;
    if (present) {
        QVariantMap p = fixed;
        p.insert(QStringLiteral("state"), QStringLiteral("present"));
        ok = run(QStringLiteral("handover.confirm_item"), p);
    } else {
        ok = runForm(
            QStringLiteral("handover.confirm_item"),
            tr("Missing: %1").arg(display(sheet_.checklist.at(row).title)),
            {{QStringLiteral("note"), tr("What is missing"), FormField::Kind::Line, {}, {}}}, [&] {
                QVariantMap p = fixed;
                p.insert(QStringLiteral("state"), QStringLiteral("missing"));
                return p;
            }());
    }
    // Move on to the next item, as the incoming person goes down the list.
    if (ok && row + 1 < checklist_->rowCount())
        checklist_->selectRow(row + 1);
    return ok;
}

void HandoverPage::recordEquipment(bool finishSelected) {
    if (finishSelected) {
        const int row = selectedRow(equipment_);
        if (row < 0 || row >= sheet_.equipment.size()) {
            status_->setText(tr("Select an equipment operation first."));
            return;
        }
        const handover::SheetEquipmentOperation& e = sheet_.equipment.at(row);
        run(QStringLiteral("handover.record_equipment_operation"),
            {{QStringLiteral("sheet_id"), sheet_.id},
             {QStringLiteral("equipment"), e.equipment},
             {QStringLiteral("operation"), e.operation},
             {QStringLiteral("state"), QStringLiteral("completed")}});
        return;
    }
    runForm(QStringLiteral("handover.record_equipment_operation"), tr("Major equipment start/stop"),
            {{QStringLiteral("equipment"), tr("Equipment"), FormField::Kind::Line, {}, {}},
             {QStringLiteral("operation"),
              tr("Operation"),
              FormField::Kind::Choice,
              {{QStringLiteral("start"), tr("start")}, {QStringLiteral("stop"), tr("stop")}},
              {}},
             {QStringLiteral("state"),
              tr("State"),
              FormField::Kind::Choice,
              {{QStringLiteral("in_progress"), tr("in progress")},
               {QStringLiteral("completed"), tr("completed")}},
              {}}},
            {{QStringLiteral("sheet_id"), sheet_.id}});
}

void HandoverPage::signInIncoming() {
    runForm(QStringLiteral("handover.sign_in_incoming"), tr("Incoming person signs in"),
            {{QStringLiteral("login"),
              tr("Login of the incoming person"),
              FormField::Kind::Line,
              {},
              {}}},
            {{QStringLiteral("sheet_id"), sheet_.id}});
}

void HandoverPage::markUnfit() {
    runForm(QStringLiteral("handover.mark_unfit"), tr("Mark incoming person unfit"),
            {{QStringLiteral("login"),
              tr("Login of the incoming person"),
              FormField::Kind::Line,
              {},
              {}},
             {QStringLiteral("condition"),
              tr("Condition"),
              FormField::Kind::Choice,
              {{QStringLiteral("drinking"), tr("drinking")},
               {QStringLiteral("not_lucid"), tr("not lucid")}},
              {}}},
            {{QStringLiteral("sheet_id"), sheet_.id}});
}

bool HandoverPage::recordOverride() {
    if (sheet_.id == 0)
        return false;
    return runForm(QStringLiteral("handover.override"), tr("Supervisor override"),
                   {{QStringLiteral("reason"),
                     tr("Why the handover may proceed (printed on the sheet)"),
                     FormField::Kind::Long,
                     {},
                     {}}},
                   {{QStringLiteral("sheet_id"), sheet_.id}}, false, QStringLiteral("reason"));
}

std::vector<SignatureRequirement> HandoverPage::completionSignatures() const {
    std::vector<SignatureRequirement> out;
    for (const RuleDef* rule : session_.services().policy().rulesFor(kComplete)) {
        if (rule->check != QStringLiteral("core.require_signatures"))
            continue;
        for (const QJsonValue& v : rule->params.value(QStringLiteral("signers")).toArray()) {
            const QJsonObject o = v.toObject();
            out.push_back({o.value(QStringLiteral("meaning")).toString(),
                           o.value(QStringLiteral("role")).toString()});
        }
    }
    if (out.empty()) // R2-2.3 asks for both, whatever the policy file says
        out = {{QStringLiteral("outgoing"), {}}, {QStringLiteral("incoming"), {}}};
    return out;
}

bool HandoverPage::offersOverride(const QString& action) const {
    if (!session_.permits(action))
        return false;
    // The regulations allow no exception to the handover blockers unless the office's
    // policy does (R2-2.4).
    if (action == QStringLiteral("handover.override") &&
        !session_.services()
             .policy()
             .parameter(QStringLiteral("handover.supervisor_exception"))
             .toBool(false))
        return false;
    // A supervisor's override is offered to the roles the policy lets override it.
    for (const RuleDef* rule : session_.services().policy().rulesFor(action)) {
        if (rule->check != QStringLiteral("handover.actor_has_role"))
            continue;
        const QJsonArray roles = rule->params.value(QStringLiteral("roles")).toArray();
        if (std::none_of(roles.begin(), roles.end(), [this](const QJsonValue& r) {
                return session_.actor().hasRole(r.toString());
            }))
            return false;
    }
    return true;
}

bool HandoverPage::isSignatureRule(const QString& ruleId) const {
    const RuleDef* rule = session_.services().policy().rule(ruleId);
    return rule != nullptr && rule->check == QStringLiteral("core.require_signatures");
}

bool HandoverPage::completeHandover() {
    if (sheet_.id == 0 || sheet_.completed())
        return false;
    const QVariantMap params{{QStringLiteral("sheet_id"), sheet_.id}};
    // A first run without signatures: the rules refuse on any R2-2.4 blocker before they
    // ask for signatures, so nobody types a password for a handover that cannot happen.
    auto probe = session_.services().bus().execute({kComplete, params, session_.actor(), {}, {}});
    if (probe) {
        session_.notifyChanged(QStringLiteral("handover"));
        status_->setText(tr("Handover completed."));
        return true;
    }
    if (probe.error().kind != Error::Kind::Refused || !isSignatureRule(probe.error().ruleId)) {
        status_->setText(errorText(probe.error()));
        showError(this, probe.error());
        return false;
    }
    SignDialog dialog(session_.services(), completionSignatures(),
                      tr("Handover sheet %1, %2: the outgoing and the incoming person sign.")
                          .arg(sheet_.id)
                          .arg(sheet_.shiftDate),
                      this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    auto done = session_.services().bus().execute(
        {kComplete, params, session_.actor(), dialog.signatures(), {}});
    if (!done) {
        status_->setText(errorText(done.error()));
        showError(this, done.error());
        return false;
    }
    const qint64 id = sheet_.id;
    session_.notifyChanged(QStringLiteral("handover"));
    showSheet(id);
    status_->setText(
        tr("Handover completed and signed by %1 and %2.").arg(sheet_.outgoing, sheet_.incoming));
    return true;
}

bool HandoverPage::printSheetToPdf(const QString& path) {
    if (sheet_.id == 0)
        return false;
    auto pages = printHandoverSheetToPdf(session_, sheet_.id, path);
    if (!pages) {
        showError(this, pages.error());
        return false;
    }
    status_->setText(tr("Printed %n page(s) to %1.", nullptr, *pages).arg(path));
    return true;
}

bool HandoverPage::printLogToPdf(const QDate& day, const QString& path) {
    auto pages = printFrontDeskLogToPdf(session_, day, path);
    if (!pages) {
        showError(this, pages.error());
        return false;
    }
    status_->setText(tr("Printed %n page(s) to %1.", nullptr, *pages).arg(path));
    return true;
}

bool HandoverPage::printExceptionsToPdf(const QString& month, const QString& path) {
    auto pages = printExceptionsReportToPdf(session_, month, path);
    if (!pages) {
        showError(this, pages.error());
        return false;
    }
    status_->setText(tr("Printed %n page(s) to %1.", nullptr, *pages).arg(path));
    return true;
}

void HandoverPage::choosePdf(bool log) {
    const QDate day = sheet_.id != 0 ? QDate::fromString(sheet_.shiftDate, Qt::ISODate)
                                     : session_.services().clock().nowUtc().date();
    const QString suggested =
        log ? tr("front-desk-handover-log-%1.pdf").arg(day.toString(Qt::ISODate))
            : tr("handover-sheet-%1.pdf").arg(sheet_.id);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save as PDF"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (log)
        printLogToPdf(day, path);
    else
        printSheetToPdf(path);
}

void HandoverPage::addAddendum() {
    if (!sheet_.completed()) {
        status_->setText(tr("An addendum is added to a completed sheet; an open sheet is still "
                            "changed directly."));
        return;
    }
    const qint64 id = sheet_.id;
    if (runForm(QStringLiteral("handover.add_addendum"), tr("Addendum to sheet %1").arg(id),
                {{QStringLiteral("text"),
                  tr("Correction or addition (the signed sheet stays as it is)"),
                  FormField::Kind::Long,
                  {},
                  {}}},
                {{QStringLiteral("sheet_id"), id}}))
        showSheet(id);
}

QVariant HandoverPage::selectedId(QueryListView* list, const QString& what) {
    const int row = list->currentRow();
    if (row < 0) {
        QMessageBox::information(this, tr("Select a row"),
                                 tr("Select %1 in the list first.").arg(what));
        return {};
    }
    return list->model()->value(row, QStringLiteral("id"));
}

void HandoverPage::releaseCustody() {
    const QVariant id = selectedId(custodyList_, tr("a custody or forwarding item"));
    if (!id.isValid())
        return;
    const int row = custodyList_->currentRow();
    const QString item = custodyList_->model()->value(row, QStringLiteral("item")).toString();
    const QString recipient =
        custodyList_->model()->value(row, QStringLiteral("recipient")).toString();
    runForm(QStringLiteral("custody.release"), tr("Release: %1").arg(item),
            {{QStringLiteral("released_to"),
              tr("Released to (left for %1)").arg(recipient),
              FormField::Kind::Line,
              {},
              {}}},
            {{QStringLiteral("id"), id}});
}

void HandoverPage::recordBill() {
    const qint64 quota =
        session_.services().policy().intParameter(QStringLiteral("phone.monthly_quota_fen"), 20000);
    // The bill arrives for the month just past.
    const QString month =
        session_.services().clock().officeToday().addMonths(-1).toString(QStringLiteral("yyyy-MM"));
    ActionResult outcome;
    if (!runForm(
            QStringLiteral("phone.record_bill"), tr("Record monthly phone bill"),
            {{QStringLiteral("month"), tr("Month (yyyy-MM)"), FormField::Kind::Line, {}, month},
             {QStringLiteral("amount"),
              tr("Amount (yuan; the department's quota is %1)").arg(yuan(quota)),
              FormField::Kind::Line,
              {},
              {}}},
            {}, false, {}, &outcome))
        return;
    const qint64 excess = outcome.result.value(QStringLiteral("excess_fen")).toInteger();
    if (excess > 0)
        status_->setText(tr("Phone bill of %1 recorded: %2 yuan over the quota, paid by the "
                            "receptionist.")
                             .arg(outcome.entityId, yuan(excess)));
    else
        status_->setText(tr("Phone bill of %1 recorded: within the quota.").arg(outcome.entityId));
}

QList<QPair<QString, QString>> HandoverPage::inspectionAreas() const {
    // The areas of R8-1.4 by their codes in the policy; a code the page does not know is
    // shown as the policy names it, or as written.
    const QHash<QString, QString> known = {
        {QStringLiteral("managed_area"), tr("Managed area")},
        {QStringLiteral("public_areas"), tr("Public areas")},
        {QStringLiteral("sales_office"), tr("Sales office")},
        {QStringLiteral("bank"), tr("Bank")},
        {QStringLiteral("clubhouse"), tr("Clubhouse")},
        {QStringLiteral("greening"), tr("Greening of the building")}};
    QList<QPair<QString, QString>> out;
    for (const auto& [code, name] :
         policyCodes(session_.services().policy(), QStringLiteral("duty.inspection_areas"))) {
        const QString shown = !display(name).isEmpty() ? display(name) : known.value(code, code);
        out.push_back({code, shown});
    }
    return out;
}

QList<QPair<QString, QString>> HandoverPage::lightingTimes() const {
    QList<QPair<QString, QString>> out;
    for (const auto& [slot, name] :
         policyCodes(session_.services().policy(), QStringLiteral("duty.lighting_check_times")))
        out.push_back({slot, display(name).isEmpty() ? slot : display(name)});
    return out;
}

void HandoverPage::inspect() {
    const QVariant id = selectedId(dutyList_, tr("a duty record"));
    if (!id.isValid())
        return;
    runForm(
        QStringLiteral("duty.inspect"), tr("Inspection round"),
        {{QStringLiteral("area"), tr("Area"), FormField::Kind::Choice, inspectionAreas(), {}},
         {QStringLiteral("condition"),
          tr("Condition of the property"),
          FormField::Kind::Line,
          {},
          {}},
         {QStringLiteral("hygiene"), tr("Hygiene"), FormField::Kind::Line, {}, {}},
         {QStringLiteral("staff_quality"), tr("Staff work quality"), FormField::Kind::Line, {}, {}},
         {QStringLiteral("discipline"), tr("Discipline"), FormField::Kind::Line, {}, {}},
         {QStringLiteral("findings"), tr("Findings"), FormField::Kind::Long, {}, {}}},
        {{QStringLiteral("duty_id"), id}});
}

void HandoverPage::lightingCheck() {
    const QVariant id = selectedId(dutyList_, tr("a duty record"));
    if (!id.isValid())
        return;
    // The set time nearest to now is the one being checked.
    const QList<QPair<QString, QString>> times = lightingTimes();
    const QTime now = session_.services().clock().nowUtc().toTimeZone(Clock::officeZone()).time();
    QString nearest;
    int best = 24 * 60;
    for (const auto& [slot, name] : times) {
        const QTime t = QTime::fromString(slot, QStringLiteral("HH:mm"));
        if (!t.isValid())
            continue;
        const int diff = std::abs(t.secsTo(now)) / 60;
        const int around = std::min(diff, 24 * 60 - diff);
        if (around < best) {
            best = around;
            nearest = slot;
        }
    }
    runForm(QStringLiteral("duty.lighting_check"), tr("Lighting check"),
            {{QStringLiteral("slot"), tr("Set time"), FormField::Kind::Choice, times, nearest},
             {QStringLiteral("lights_ok"),
              tr("Switches"),
              FormField::Kind::Choice,
              {{QStringLiteral("true"), tr("On and off as required")},
               {QStringLiteral("false"), tr("Not as required (see the note)")}},
              QStringLiteral("true")},
             {QStringLiteral("note"), tr("Note"), FormField::Kind::Line, {}, {}}},
            {{QStringLiteral("duty_id"), id}});
}

void HandoverPage::incidentReport() {
    const QVariant id = selectedId(incidentList_, tr("an incident"));
    if (!id.isValid())
        return;
    const QString title = incidentList_->model()
                              ->value(incidentList_->currentRow(), QStringLiteral("title"))
                              .toString();
    runForm(
        QStringLiteral("duty.incident_report"), tr("Written report: %1").arg(title),
        {{QStringLiteral("report"), tr("Report to the CS manager"), FormField::Kind::Long, {}, {}}},
        {{QStringLiteral("id"), id}});
}

void HandoverPage::recordSwap() {
    const QString tomorrow =
        session_.services().clock().officeToday().addDays(1).toString(Qt::ISODate);
    runForm(QStringLiteral("duty.record_swap"), tr("Record duty swap"),
            {{QStringLiteral("duty_date"),
              tr("Duty date (yyyy-MM-dd)"),
              FormField::Kind::Line,
              {},
              tomorrow},
             {QStringLiteral("from_login"),
              tr("Scheduled person (login)"),
              FormField::Kind::Line,
              {},
              {}},
             {QStringLiteral("to_login"), tr("Replacement (login)"), FormField::Kind::Line, {}, {}},
             {QStringLiteral("reason"),
              tr("Reason (reported to the CS manager)"),
              FormField::Kind::Long,
              {},
              {}}},
            {}, false, QStringLiteral("reason"));
}

void HandoverPage::overrideEndDuty() {
    const QVariant id = selectedId(dutyList_, tr("a duty record"));
    if (!id.isValid())
        return;
    runForm(QStringLiteral("duty.override_end"), tr("End duty without successor"),
            {{QStringLiteral("happenings"), tr("What happened"), FormField::Kind::Long, {}, {}},
             {QStringLiteral("handling"), tr("How it was handled"), FormField::Kind::Long, {}, {}},
             {QStringLiteral("reason"),
              tr("Why the duty may end before the successor arrives"),
              FormField::Kind::Long,
              {},
              {}}},
            {{QStringLiteral("id"), id}}, false, QStringLiteral("reason"));
}

bool HandoverPage::printDutyToPdf(const QString& path) {
    const QVariant id = selectedId(dutyList_, tr("a duty record"));
    if (!id.isValid())
        return false;
    auto pages = printDutyRecordToPdf(session_, id.toLongLong(), path);
    if (!pages) {
        showError(this, pages.error());
        return false;
    }
    status_->setText(tr("Printed %n page(s) to %1.", nullptr, *pages).arg(path));
    return true;
}

bool HandoverPage::printIncidentToPdf(const QString& path) {
    const QVariant id = selectedId(incidentList_, tr("an incident"));
    if (!id.isValid())
        return false;
    auto pages = printIncidentReportToPdf(session_, id.toLongLong(), path);
    if (!pages) {
        showError(this, pages.error());
        return false;
    }
    status_->setText(tr("Printed %n page(s) to %1.", nullptr, *pages).arg(path));
    return true;
}

void HandoverPage::chooseDutyPdf(bool incident) {
    QueryListView* list = incident ? incidentList_ : dutyList_;
    const QVariant id = selectedId(list, incident ? tr("an incident") : tr("a duty record"));
    if (!id.isValid())
        return;
    const QString suggested = incident ? tr("incident-report-%1.pdf").arg(id.toLongLong())
                                       : tr("duty-record-%1.pdf").arg(id.toLongLong());
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save as PDF"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (incident)
        printIncidentToPdf(path);
    else
        printDutyToPdf(path);
}

bool HandoverPage::openRecord(const QString& entity, const QString& entityId) {
    if (entity == QStringLiteral("handover_sheet")) {
        auto sheet =
            handover::loadSheet(session_.services().database().connection(), entityId.toLongLong());
        if (!sheet)
            return false;
        post_->setCurrentIndex(std::max(0, post_->findData(sheet->post)));
        tabs_->setCurrentIndex(0);
        showSheet(sheet->id);
        return true;
    }
    if (entity.startsWith(QLatin1String("handover"))) {
        tabs_->setCurrentIndex(0);
        return true;
    }
    if (entity.startsWith(QLatin1String("mail")) || entity.startsWith(QLatin1String("custody")) ||
        entity.startsWith(QLatin1String("phone"))) {
        tabs_->setCurrentIndex(1);
        if (entity == QStringLiteral("mail_item"))
            mailList_->selectWhere(QStringLiteral("id"), entityId);
        else if (entity == QStringLiteral("custody_item"))
            custodyList_->selectWhere(QStringLiteral("id"), entityId);
        return true;
    }
    if (entity.startsWith(QLatin1String("duty"))) {
        tabs_->setCurrentIndex(2);
        if (entity == QStringLiteral("duty_record"))
            dutyList_->selectWhere(QStringLiteral("id"), entityId);
        else if (entity == QStringLiteral("duty_incident"))
            incidentList_->selectWhere(QStringLiteral("id"), entityId);
        return true;
    }
    return false;
}

} // namespace fd::gui
