#pragma once

#include "page_registry.h"

class QComboBox;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace fd::gui {

class QueryListView;

// Requests waiting for the signed-in person's decision, each read as the form it approves
// (its fields in words, who asked and when, why it needs approval), and the person's own
// requests with their decisions. Approving or rejecting is signed by the approver (rule
// approval-decision-signed), who signs the same text the page shows.
class ApprovalsPage final : public Page {
    Q_OBJECT
public:
    ApprovalsPage(Session& session, QWidget* parent = nullptr);
    bool openRecord(const QString& entity, const QString& entityId) override;
    void refresh() override;
    [[nodiscard]] QueryListView* list() const { return list_; }
    // The selected request as the page shows it (what the approver signs).
    [[nodiscard]] QString formText() const;
    [[nodiscard]] QTextBrowser* form() const { return form_; }
    // Shows the requests waiting for me (true) or the ones I made (false).
    void showWaitingForMe(bool waiting);
    // Decides the selected request (opens the sign dialog).
    void decide(bool approve);

private:
    void showSelected();

    Session& session_;
    QComboBox* view_ = nullptr;
    QueryListView* list_ = nullptr;
    QTextBrowser* form_ = nullptr;
    QLineEdit* note_ = nullptr;
    QPushButton* approve_ = nullptr;
    QPushButton* reject_ = nullptr;
    QString shownId_;
};

} // namespace fd::gui
