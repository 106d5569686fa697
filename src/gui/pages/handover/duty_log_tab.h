#pragma once

#include "pages/handover/handover_tab.h"

class QPushButton;

namespace fd::gui {

// The duty log (R8): duty records with inspection rounds and lighting checks, incidents
// with their written reports, swaps, a supervisor's end without successor, and both
// printed to PDF.
class DutyLogTab final : public HandoverTab {
    Q_OBJECT
public:
    explicit DutyLogTab(Session& session, QWidget* parent = nullptr);

    void refresh() override;
    // Selects the record (duty_record, duty_incident) when it is listed.
    void select(const QString& entity, const QString& id);

    [[nodiscard]] QueryListView* dutyList() const { return dutyList_; }
    [[nodiscard]] QueryListView* incidentList() const { return incidentList_; }

    // The selected duty record / incident to PDF.
    bool printDutyToPdf(const QString& path);
    bool printIncidentToPdf(const QString& path);

private:
    // Opens the action's form for the selected duty record.
    void dutyForm(const QString& action, FormSpec spec,
                  const QString& idKey = QStringLiteral("id"));
    void inspect();
    void lightingCheck();
    void incidentReport();
    void recordSwap();
    void chooseDutyPdf(bool incident);

    QueryListView* dutyList_ = nullptr;
    QueryListView* incidentList_ = nullptr;
};

} // namespace fd::gui
