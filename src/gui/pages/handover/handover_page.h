#pragma once

#include "page_registry.h"

class QLabel;
class QTabWidget;

namespace fd::gui {

class DutyLogTab;
class FrontDeskTab;
class Session;
class SheetTab;

// The handover page: a thin shell with a tab per regulation area - the shift handover
// (R2, SheetTab), the front desk (R6, FrontDeskTab) and the duty log (R8, DutyLogTab) -
// and one status line under them, saying what the last action did or why it was refused.
class HandoverPage final : public Page {
    Q_OBJECT
public:
    HandoverPage(Session& session, QWidget* parent = nullptr);

    bool openRecord(const QString& entity, const QString& entityId) override;
    void refresh() override;

    [[nodiscard]] SheetTab* sheetTab() const { return sheet_; }
    [[nodiscard]] FrontDeskTab* frontDeskTab() const { return frontDesk_; }
    [[nodiscard]] DutyLogTab* dutyLogTab() const { return duty_; }
    [[nodiscard]] QLabel* statusLabel() const { return status_; }

private:
    Session& session_;
    QLabel* status_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    SheetTab* sheet_ = nullptr;
    FrontDeskTab* frontDesk_ = nullptr;
    DutyLogTab* duty_ = nullptr;
};

} // namespace fd::gui
