#pragma once

#include "page_registry.h"

class QLineEdit;

namespace fd::gui {

class QueryListView;

// Requests waiting for the signed-in person's decision; approving or rejecting is signed
// by the approver (rule approval-decision-signed).
class ApprovalsPage final : public Page {
    Q_OBJECT
public:
    ApprovalsPage(Session& session, QWidget* parent = nullptr);
    bool openRecord(const QString& entity, const QString& entityId) override;
    void refresh() override;
    [[nodiscard]] QueryListView* list() const { return list_; }
    // Decides the selected request (opens the sign dialog).
    void decide(bool approve);

private:
    Session& session_;
    QueryListView* list_ = nullptr;
    QLineEdit* note_ = nullptr;
};

} // namespace fd::gui
