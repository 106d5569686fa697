#include "pages/handover/sheet_tab.h"

#include "action_runner.h"
#include "handover/handover_options.h"
#include "handover/handover_print.h"
#include "message_line.h"
#include "pages/handover/handover_print_mapping.h"
#include "refusal.h"
#include "services/services.h"
#include "session.h"
#include "util/clock.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace fd::gui {
namespace {

QString when(const QString& stored) {
    return stored.isEmpty() ? QString() : handover::officeTime(stored);
}

} // namespace

SheetTab::SheetTab(Session& session, QWidget* parent) : HandoverTab(session, parent) {
    const Services& services = session_.services();
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Post:"), this));
    post_ = new QComboBox(this);
    post_->setObjectName(QStringLiteral("post"));
    for (const handover::PostDef& p : handover::posts(services.policy()))
        post_->addItem(display(p.name), p.code);
    bar->addWidget(post_);
    open_ = new QPushButton(tr("Open handover sheet"), this);
    open_->setProperty("newRecord", true); // Ctrl+N
    open_->setObjectName(QStringLiteral("openSheet"));
    bar->addWidget(open_);
    bar->addStretch();
    printSheet_ = new QPushButton(tr("Sheet to PDF…"), this);
    printSheet_->setObjectName(QStringLiteral("printSheet"));
    auto* printLog = new QPushButton(tr("Handover log to PDF…"), this);
    printLog->setObjectName(QStringLiteral("printLog"));
    bar->addWidget(printSheet_);
    bar->addWidget(printLog);
    // The month's exceptions to the blockers (特批) for the CS manager (R2-2.4).
    auto* printExceptions = new QPushButton(tr("Exceptions of the month to PDF…"), this);
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
        if (!path.isEmpty() && printExceptionsToPdf(month, path))
            announceSaved(this, path);
    });
    bar->addWidget(printExceptions);
    layout->addLayout(bar);

    header_ = new QLabel(this);
    header_->setObjectName(QStringLiteral("sheetHeader"));
    header_->setWordWrap(true);
    header_->setTextFormat(Qt::PlainText);
    layout->addWidget(header_);

    auto* split = new QSplitter(Qt::Vertical, this);
    auto section = [&](QSplitter* into, const QString& title, QTableWidget* table,
                       const QList<QPushButton*>& buttons) {
        QWidget* box = titledSection(into, title, table, buttons);
        into->addWidget(box);
        return box;
    };
    auto button = [&](const QString& text, const QString& name) {
        auto* b = new QPushButton(text);
        b->setObjectName(name);
        sheetActions_ << b;
        return b;
    };

    matters_ = makeTable(this, QStringLiteral("matters"),
                         {tr("No."), tr("Cause"), tr("Course"), tr("Result"), tr("Severity"),
                          tr("Status"), tr("From")});
    auto* addMatterB = button(tr("Add matter…"), QStringLiteral("addMatter"));
    auto* editMatterB = button(tr("Edit matter…"), QStringLiteral("editMatter"));
    section(split, tr("Matters (cause, course, result)"), matters_, {addMatterB, editMatterB});

    instructions_ = makeTable(
        this, QStringLiteral("instructions"),
        {tr("No."), tr("Issued by"), tr("Instruction"), tr("Recorded"), tr("Acknowledged")});
    auto* addInstrB = button(tr("Record instruction…"), QStringLiteral("addInstruction"));
    auto* ackB = button(tr("Acknowledge"), QStringLiteral("acknowledgeInstruction"));
    section(split, tr("Instructions from superiors"), instructions_, {addInstrB, ackB});

    checklist_ = makeTable(this, QStringLiteral("checklist"),
                           {tr("Item"), tr("Checked"), tr("Note"), tr("Checked by"), tr("At")});
    auto* presentB = button(tr("Present"), QStringLiteral("itemPresent"));
    auto* missingB = button(tr("Missing…"), QStringLiteral("itemMissing"));
    section(split, tr("Item checklist"), checklist_, {presentB, missingB});

    // The smaller lists share the last row of the sheet.
    lower_ = new QSplitter(Qt::Horizontal, split);
    split->addWidget(lower_);
    mail_ = makeTable(this, QStringLiteral("mail"),
                      {tr("No."), tr("Kind"), tr("Addressee"), tr("Unit"), tr("Received")});
    equipment_ = makeTable(
        this, QStringLiteral("equipment"),
        {tr("No."), tr("Equipment"), tr("Operation"), tr("State"), tr("Started"), tr("Finished")});
    auto* startEquipB = button(tr("Record start/stop…"), QStringLiteral("recordEquipment"));
    auto* finishEquipB = button(tr("Finished"), QStringLiteral("finishEquipment"));
    // A completed sheet is never changed; a correction is an addendum to it (R2-1.1).
    addenda_ = makeTable(this, QStringLiteral("addenda"), {tr("Added"), tr("By"), tr("Addendum")});
    addendum_ = new QPushButton(tr("Addendum…"));
    addendum_->setObjectName(QStringLiteral("addAddendum"));
    auto* mailChecked = button(tr("Incoming checks the mail…"), QStringLiteral("confirmMail"));
    connect(mailChecked, &QPushButton::clicked, this, [this] {
        run(QStringLiteral("handover.confirm_mail"), {{QStringLiteral("sheet_id"), sheet_.id}});
    });
    section(lower_, tr("Undelivered mail"), mail_, {mailChecked});
    section(lower_, tr("Major equipment start/stop"), equipment_, {startEquipB, finishEquipB});
    addendaBox_ = section(lower_, tr("Addenda"), addenda_, {addendum_});
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 3);
    split->setStretchFactor(3, 2);
    layout->addWidget(split, 1);

    auto* foot = new QHBoxLayout;
    auto* signInB = button(tr("Incoming person signs in…"), QStringLiteral("signInIncoming"));
    auto* unfitB = button(tr("Mark incoming unfit…"), QStringLiteral("markUnfit"));
    auto* overrideB = button(tr("Supervisor override…"), QStringLiteral("override"));
    auto* completeB = button(tr("Complete handover…"), QStringLiteral("complete"));
    completeB->setStyleSheet(QStringLiteral("font-weight: bold;"));
    // A person who left without handing over is signed out by a supervisor, with a reason
    // (R6-5).
    auto* signOutB = button(tr("Sign out a person who has left…"), QStringLiteral("signOutPerson"));
    auto offers = [&](const char* action) {
        return handover::offersOverride(services.policy(), session_.actor(),
                                        QString::fromLatin1(action));
    };
    signOutB->setVisible(offers("handover.sign_out_person"));
    overrideB->setVisible(offers("handover.override"));
    connect(signOutB, &QPushButton::clicked, this, [this] {
        FormSpec spec;
        spec.labels = {{QStringLiteral("login"), tr("Login of the person")}};
        spec.reasonLabel = tr("Why (recorded)");
        form(QStringLiteral("handover.sign_out_person"), spec);
    });
    for (QPushButton* b : {signInB, unfitB, overrideB, signOutB}) {
        b->setParent(this);
        foot->addWidget(b);
    }
    foot->addStretch();
    completeB->setParent(this);
    foot->addWidget(completeB);
    layout->addLayout(foot);

    connect(post_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(open_, &QPushButton::clicked, this, [this] { openSheet(); });
    connect(completeB, &QPushButton::clicked, this, [this] { completeHandover(); });
    connect(overrideB, &QPushButton::clicked, this, [this] { recordOverride(); });
    connect(printSheet_, &QPushButton::clicked, this, [this] { choosePdf(false); });
    connect(printLog, &QPushButton::clicked, this, [this] { choosePdf(true); });
    connect(addMatterB, &QPushButton::clicked, this, &SheetTab::addMatter);
    connect(editMatterB, &QPushButton::clicked, this, &SheetTab::editMatter);
    connect(matters_, &QTableWidget::cellDoubleClicked, this, &SheetTab::editMatter);
    connect(addInstrB, &QPushButton::clicked, this, [this] {
        FormSpec spec;
        spec.fixed = {{QStringLiteral("sheet_id"), sheet_.id}};
        form(QStringLiteral("handover.add_instruction"), spec);
    });
    connect(ackB, &QPushButton::clicked, this, &SheetTab::acknowledgeInstruction);
    connect(presentB, &QPushButton::clicked, this, [this] { confirmSelectedItem(true); });
    connect(missingB, &QPushButton::clicked, this, [this] { confirmSelectedItem(false); });
    connect(startEquipB, &QPushButton::clicked, this, [this] { recordEquipment(false); });
    connect(finishEquipB, &QPushButton::clicked, this, [this] { recordEquipment(true); });
    connect(signInB, &QPushButton::clicked, this, [this] {
        FormSpec spec;
        spec.fixed = {{QStringLiteral("sheet_id"), sheet_.id}};
        spec.labels = {{QStringLiteral("login"), tr("Login of the incoming person")}};
        form(QStringLiteral("handover.sign_in_incoming"), spec);
    });
    connect(unfitB, &QPushButton::clicked, this, [this] {
        FormSpec spec;
        spec.fixed = {{QStringLiteral("sheet_id"), sheet_.id}};
        spec.labels = {{QStringLiteral("login"), tr("Login of the incoming person")}};
        spec.choices = {{QStringLiteral("condition"),
                         {{QStringLiteral("drinking"), tr("drinking")},
                          {QStringLiteral("not_lucid"), tr("not lucid")}}}};
        form(QStringLiteral("handover.mark_unfit"), spec);
    });
    connect(addendum_, &QPushButton::clicked, this, &SheetTab::addAddendum);
}

QString SheetTab::currentPost() const {
    return post_->currentData().toString();
}

void SheetTab::refresh() {
    auto id = handover::openSheetId(session_.services().database().connection(), currentPost());
    if (!id) {
        emit status(errorText(id.error()));
        return;
    }
    // A completed sheet opened from the dashboard stays shown until another one is opened.
    if (*id == 0 && sheet_.id != 0 && sheet_.completed() && sheet_.post == currentPost())
        showSheet(sheet_.id);
    else
        showSheet(*id);
}

bool SheetTab::openSheetRecord(qint64 id) {
    auto sheet = handover::loadSheet(session_.services().database().connection(), id);
    if (!sheet)
        return false;
    {
        // Choosing the post shows its open sheet; the one asked for is shown after.
        const QSignalBlocker quiet(post_);
        post_->setCurrentIndex(std::max(0, post_->findData(sheet->post)));
    }
    showSheet(sheet->id);
    return true;
}

void SheetTab::showSheet(qint64 id) {
    sheet_ = {};
    if (id != 0) {
        auto sheet = handover::loadSheet(session_.services().database().connection(), id);
        if (!sheet)
            emit status(errorText(sheet.error()));
        else
            sheet_ = std::move(*sheet);
    }
    fillHeader();
    fillTables();
    updateButtons();
}

void SheetTab::fillHeader() {
    if (sheet_.id == 0) {
        header_->setText(tr("No handover sheet of this post is open. Open one to start the "
                            "handover; it is prefilled with what the last shift left open."));
        return;
    }
    const QString shift = display(handover::shiftName(session_.services().policy(), sheet_.shift));
    QStringList parts;
    parts
        << tr("Sheet %1").arg(sheet_.id) << QStringLiteral("%1 %2").arg(sheet_.shiftDate, shift)
        << tr("opened %1").arg(when(sheet_.openedAt)) << tr("outgoing: %1").arg(sheet_.outgoing)
        << tr("incoming: %1").arg(sheet_.incoming.isEmpty() ? tr("not signed in") : sheet_.incoming)
        << (sheet_.completed() ? tr("completed %1").arg(when(sheet_.completedAt)) : tr("open"));
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
        text +=
            QLatin1Char('\n') +
            tr("Supervisor override by %1 at %2: %3").arg(o.approvedBy, when(o.signedAt), o.reason);
    header_->setText(text);
}

QList<QPair<QString, QString>> SheetTab::severities() const {
    return {{QStringLiteral("normal"), tr("normal")},
            {QStringLiteral("major"), tr("major")},
            {QStringLiteral("emergency"), tr("emergency")}};
}

QList<QPair<QString, QString>> SheetTab::matterStates() const {
    return {{QStringLiteral("open"), tr("open")}, {QStringLiteral("handled"), tr("handled")}};
}

void SheetTab::fillTables() {
    auto named = [](const QList<QPair<QString, QString>>& names, const QString& code) {
        for (const auto& [c, text] : names)
            if (c == code)
                return text;
        return code;
    };
    matters_->setRowCount(static_cast<int>(sheet_.matters.size()));
    for (int r = 0; r < sheet_.matters.size(); ++r) {
        const handover::SheetMatter& m = sheet_.matters.at(r);
        setRow(matters_, r,
               {QString::number(m.id), m.cause, m.course, m.result, named(severities(), m.severity),
                named(matterStates(), m.status),
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

void SheetTab::updateButtons() {
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

int SheetTab::selectedRow(QTableWidget* table, qsizetype count, const QString& whenNone) {
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? table->currentRow() : rows.first().row();
    if (row < 0 || row >= count) {
        emit status(whenNone);
        return -1;
    }
    return row;
}

bool SheetTab::openSheet() {
    if (!run(QStringLiteral("handover.open"), {{QStringLiteral("post"), currentPost()}}))
        return false;
    refresh();
    emit status(tr("Sheet %1 opened: %n matter(s) carried over.", nullptr,
                   static_cast<int>(
                       std::count_if(sheet_.matters.cbegin(), sheet_.matters.cend(),
                                     [](const handover::SheetMatter& m) { return m.carried; })))
                    .arg(sheet_.id));
    return true;
}

void SheetTab::addMatter() {
    FormSpec spec;
    spec.title = tr("Add matter");
    spec.fixed = {{QStringLiteral("sheet_id"), sheet_.id}};
    spec.choices = {{QStringLiteral("severity"), severities()},
                    {QStringLiteral("status"), matterStates()}};
    form(QStringLiteral("handover.add_matter"), spec);
}

void SheetTab::editMatter() {
    const int row = selectedRow(matters_, sheet_.matters.size(), tr("Select a matter first."));
    if (row < 0)
        return;
    const handover::SheetMatter& m = sheet_.matters.at(row);
    // The stored values: what is changed is sent, an emptied course or result clears it.
    FormSpec spec;
    spec.title = tr("Edit matter %1").arg(m.id);
    spec.fixed = {{QStringLiteral("sheet_id"), sheet_.id}, {QStringLiteral("id"), m.id}};
    spec.edit = true;
    spec.initial = {{QStringLiteral("cause"), m.cause},
                    {QStringLiteral("course"), m.course},
                    {QStringLiteral("result"), m.result},
                    {QStringLiteral("severity"), m.severity},
                    {QStringLiteral("status"), m.status}};
    spec.choices = {{QStringLiteral("severity"), severities()},
                    {QStringLiteral("status"), matterStates()}};
    form(QStringLiteral("handover.update_matter"), spec);
}

void SheetTab::acknowledgeInstruction() {
    const int row =
        selectedRow(instructions_, sheet_.instructions.size(), tr("Select an instruction first."));
    if (row < 0)
        return;
    run(QStringLiteral("handover.acknowledge_instruction"),
        {{QStringLiteral("sheet_id"), sheet_.id},
         {QStringLiteral("id"), sheet_.instructions.at(row).id}});
}

bool SheetTab::confirmSelectedItem(bool present) {
    const int row = selectedRow(checklist_, sheet_.checklist.size(),
                                tr("Select an item of the checklist first."));
    if (row < 0)
        return false;
    const handover::SheetChecklistItem item = sheet_.checklist.at(row);
    QVariantMap fixed{
        {QStringLiteral("sheet_id"), sheet_.id},
        {QStringLiteral("item"), item.item},
        {QStringLiteral("state"), present ? QStringLiteral("present") : QStringLiteral("missing")}};
    bool ok = false;
    if (present) {
        ok = run(QStringLiteral("handover.confirm_item"), fixed, display(item.title));
    } else {
        FormSpec spec;
        spec.title = tr("Missing: %1").arg(display(item.title));
        spec.fixed = fixed;
        spec.labels = {{QStringLiteral("note"), tr("What is missing")}};
        ok = form(QStringLiteral("handover.confirm_item"), spec).has_value();
    }
    // Move on to the next item, as the incoming person goes down the list.
    if (ok && row + 1 < checklist_->rowCount())
        checklist_->selectRow(row + 1);
    return ok;
}

void SheetTab::recordEquipment(bool finishSelected) {
    if (finishSelected) {
        const int row = selectedRow(equipment_, sheet_.equipment.size(),
                                    tr("Select an equipment operation first."));
        if (row < 0)
            return;
        const handover::SheetEquipmentOperation& e = sheet_.equipment.at(row);
        run(QStringLiteral("handover.record_equipment_operation"),
            {{QStringLiteral("sheet_id"), sheet_.id},
             {QStringLiteral("equipment"), e.equipment},
             {QStringLiteral("operation"), e.operation},
             {QStringLiteral("state"), QStringLiteral("completed")}});
        return;
    }
    FormSpec spec;
    spec.fixed = {{QStringLiteral("sheet_id"), sheet_.id}};
    spec.choices = {
        {QStringLiteral("operation"),
         {{QStringLiteral("start"), tr("start")}, {QStringLiteral("stop"), tr("stop")}}},
        {QStringLiteral("state"),
         {{QStringLiteral("in_progress"), tr("in progress")},
          {QStringLiteral("completed"), tr("completed")}}}};
    form(QStringLiteral("handover.record_equipment_operation"), spec);
}

bool SheetTab::recordOverride() {
    if (sheet_.id == 0)
        return false;
    FormSpec spec;
    spec.fixed = {{QStringLiteral("sheet_id"), sheet_.id}};
    spec.reasonLabel = tr("Why the handover may proceed (printed on the sheet)");
    return form(QStringLiteral("handover.override"), spec).has_value();
}

bool SheetTab::completeHandover() {
    if (sheet_.id == 0 || sheet_.completed())
        return false;
    const qint64 id = sheet_.id;
    // The rules refuse on any R2-2.4 blocker before they ask for signatures, so nobody
    // types a password for a handover that cannot happen; the signers are those they name.
    ActionRunner runner(session_, this);
    runner.setSummary(tr("Handover sheet %1, %2: the outgoing and the incoming person sign.")
                          .arg(id)
                          .arg(sheet_.shiftDate));
    auto done = runner.run(QStringLiteral("handover.complete"), {{QStringLiteral("sheet_id"), id}});
    if (!done) {
        emit status(runner.message());
        return false;
    }
    showSheet(id);
    emit status(runner.asked().empty() ? tr("Handover completed.")
                                       : tr("Handover completed and signed by %1 and %2.")
                                             .arg(sheet_.outgoing, sheet_.incoming));
    return true;
}

bool SheetTab::printSheetToPdf(const QString& path) {
    if (sheet_.id == 0)
        return false;
    return printed(printHandoverSheetToPdf(session_, sheet_.id, path), path);
}

bool SheetTab::printLogToPdf(const QDate& day, const QString& path) {
    return printed(printFrontDeskLogToPdf(session_, day, path), path);
}

bool SheetTab::printExceptionsToPdf(const QString& month, const QString& path) {
    return printed(printExceptionsReportToPdf(session_, month, path), path);
}

void SheetTab::choosePdf(bool log) {
    const QDate day = sheet_.id != 0 ? QDate::fromString(sheet_.shiftDate, Qt::ISODate)
                                     : session_.services().clock().nowUtc().date();
    const QString suggested =
        log ? tr("front-desk-handover-log-%1.pdf").arg(day.toString(Qt::ISODate))
            : tr("handover-sheet-%1.pdf").arg(sheet_.id);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save as PDF"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (log ? printLogToPdf(day, path) : printSheetToPdf(path))
        announceSaved(this, path);
}

void SheetTab::addAddendum() {
    if (!sheet_.completed()) {
        emit status(tr("An addendum is added to a completed sheet; an open sheet is still "
                       "changed directly."));
        return;
    }
    const qint64 id = sheet_.id;
    FormSpec spec;
    spec.title = tr("Addendum to sheet %1").arg(id);
    spec.fixed = {{QStringLiteral("sheet_id"), id}};
    spec.labels = {
        {QStringLiteral("text"), tr("Correction or addition (the signed sheet stays as it is)")}};
    if (form(QStringLiteral("handover.add_addendum"), spec))
        showSheet(id);
}

} // namespace fd::gui
