#include "pages/handover/duty_log_tab.h"

#include "handover/handover_options.h"
#include "message_line.h"
#include "pages/handover/handover_print_mapping.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "services/services.h"
#include "session.h"
#include "util/clock.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <cstdlib>

namespace fd::gui {

DutyLogTab::DutyLogTab(Session& session, QWidget* parent) : HandoverTab(session, parent) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    auto* start = button(this, tr("Start duty"), QStringLiteral("startDuty"));
    auto* swap = button(this, tr("Record duty swap…"), QStringLiteral("recordSwap"));
    auto* printDuty = button(this, tr("Duty record to PDF…"), QStringLiteral("printDuty"));
    bar->addWidget(start);
    bar->addWidget(swap);
    bar->addStretch();
    bar->addWidget(printDuty);
    layout->addLayout(bar);

    auto* inspection = button(this, tr("Inspection round…"), QStringLiteral("inspect"));
    auto* lighting = button(this, tr("Lighting check…"), QStringLiteral("lightingCheck"));
    auto* incident = button(this, tr("Record incident…"), QStringLiteral("dutyIncident"));
    auto* end = button(this, tr("End selected duty…"), QStringLiteral("endDuty"));
    auto* overrideEnd =
        button(this, tr("Supervisor: end without successor…"), QStringLiteral("overrideEndDuty"));
    auto* report = button(this, tr("Written report…"), QStringLiteral("incidentReport"));
    auto* printIncident =
        button(this, tr("Incident report to PDF…"), QStringLiteral("printIncident"));

    auto* split = new QSplitter(Qt::Vertical, this);
    dutyList_ = new QueryListView(session_, QStringLiteral("duty.records"), {}, this);
    dutyList_->setObjectName(QStringLiteral("dutyList"));
    incidentList_ = new QueryListView(session_, QStringLiteral("duty.incidents"), {}, this);
    incidentList_->setObjectName(QStringLiteral("incidentList"));
    split->addWidget(titledSection(split, tr("Duty records"), dutyList_,
                                   {inspection, lighting, incident, end, overrideEnd}));
    split->addWidget(titledSection(split, tr("Incidents (a major one is reported in writing)"),
                                   incidentList_, {report, printIncident}));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    overrideEnd->setVisible(handover::offersOverride(session_.services().policy(), session_.actor(),
                                                     QStringLiteral("duty.override_end")));

    connect(start, &QPushButton::clicked, this, [this] { run(QStringLiteral("duty.start"), {}); });
    connect(incident, &QPushButton::clicked, this, [this] {
        FormSpec spec;
        spec.choices = {
            {QStringLiteral("severity"),
             {{QStringLiteral("normal"), tr("Normal")},
              {QStringLiteral("major"), tr("Major (reported to the CS manager at once)")}}}};
        dutyForm(QStringLiteral("duty.incident"), spec, QStringLiteral("duty_id"));
    });
    connect(end, &QPushButton::clicked, this, [this] { dutyForm(QStringLiteral("duty.end"), {}); });
    connect(overrideEnd, &QPushButton::clicked, this, [this] {
        FormSpec spec;
        spec.reasonLabel = tr("Why the duty may end before the successor arrives");
        dutyForm(QStringLiteral("duty.override_end"), spec);
    });
    connect(inspection, &QPushButton::clicked, this, &DutyLogTab::inspect);
    connect(lighting, &QPushButton::clicked, this, &DutyLogTab::lightingCheck);
    connect(swap, &QPushButton::clicked, this, &DutyLogTab::recordSwap);
    connect(report, &QPushButton::clicked, this, &DutyLogTab::incidentReport);
    connect(printDuty, &QPushButton::clicked, this, [this] { chooseDutyPdf(false); });
    connect(printIncident, &QPushButton::clicked, this, [this] { chooseDutyPdf(true); });
}

void DutyLogTab::refresh() {
    dutyList_->reload();
    incidentList_->reload();
}

void DutyLogTab::select(const QString& entity, const QString& id) {
    if (entity == QStringLiteral("duty_record"))
        dutyList_->selectWhere(QStringLiteral("id"), id);
    else if (entity == QStringLiteral("duty_incident"))
        incidentList_->selectWhere(QStringLiteral("id"), id);
}

void DutyLogTab::dutyForm(const QString& action, FormSpec spec, const QString& idKey) {
    const QVariant id = selectedId(dutyList_, tr("a duty record"));
    if (!id.isValid())
        return;
    spec.fixed.insert(idKey, id);
    form(action, std::move(spec));
}

void DutyLogTab::inspect() {
    QList<QPair<QString, QString>> areas;
    for (const handover::Option& o : handover::inspectionAreas(session_.services().policy()))
        areas.push_back({o.code, display(o.name)});
    FormSpec spec;
    spec.choices = {{QStringLiteral("area"), areas}};
    dutyForm(QStringLiteral("duty.inspect"), spec, QStringLiteral("duty_id"));
}

void DutyLogTab::lightingCheck() {
    // The set time nearest to now is the one being checked.
    const Services& services = session_.services();
    const QTime now = services.clock().nowUtc().toTimeZone(Clock::officeZone()).time();
    QList<QPair<QString, QString>> times;
    QString nearest;
    int best = 24 * 60;
    for (const handover::Option& o : handover::lightingCheckTimes(services.policy())) {
        times.push_back({o.code, display(o.name)});
        const QTime t = QTime::fromString(o.code, QStringLiteral("HH:mm"));
        if (!t.isValid())
            continue;
        const int diff = std::abs(t.secsTo(now)) / 60;
        const int around = std::min(diff, 24 * 60 - diff);
        if (around < best) {
            best = around;
            nearest = o.code;
        }
    }
    FormSpec spec;
    spec.initial = {{QStringLiteral("slot"), nearest}, {QStringLiteral("lights_ok"), true}};
    spec.choices = {{QStringLiteral("slot"), times},
                    {QStringLiteral("lights_ok"),
                     {{QStringLiteral("true"), tr("On and off as required")},
                      {QStringLiteral("false"), tr("Not as required (see the note)")}}}};
    dutyForm(QStringLiteral("duty.lighting_check"), spec, QStringLiteral("duty_id"));
}

void DutyLogTab::incidentReport() {
    const QVariant id = selectedId(incidentList_, tr("an incident"));
    if (!id.isValid())
        return;
    const QString title = incidentList_->model()
                              ->value(incidentList_->currentRow(), QStringLiteral("title"))
                              .toString();
    FormSpec spec;
    spec.title = tr("Written report: %1").arg(title);
    spec.fixed = {{QStringLiteral("id"), id}};
    form(QStringLiteral("duty.incident_report"), spec);
}

void DutyLogTab::recordSwap() {
    FormSpec spec;
    spec.initial = {{QStringLiteral("duty_date"),
                     session_.services().clock().officeToday().addDays(1).toString(Qt::ISODate)}};
    spec.reasonLabel = tr("Reason (reported to the CS manager)");
    form(QStringLiteral("duty.record_swap"), spec);
}

bool DutyLogTab::printDutyToPdf(const QString& path) {
    const QVariant id = selectedId(dutyList_, tr("a duty record"));
    if (!id.isValid())
        return false;
    return printed(printDutyRecordToPdf(session_, id.toLongLong(), path), path);
}

bool DutyLogTab::printIncidentToPdf(const QString& path) {
    const QVariant id = selectedId(incidentList_, tr("an incident"));
    if (!id.isValid())
        return false;
    return printed(printIncidentReportToPdf(session_, id.toLongLong(), path), path);
}

void DutyLogTab::chooseDutyPdf(bool incident) {
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
    if (incident ? printIncidentToPdf(path) : printDutyToPdf(path))
        announceSaved(this, path);
}

} // namespace fd::gui
