#pragma once

#include "pages/handover/handover_tab.h"

namespace fd::gui {

// The front desk (R6): mail received and delivered, custody and forwarding with release,
// the phone log and the monthly phone bill against the department's quota.
class FrontDeskTab final : public HandoverTab {
    Q_OBJECT
public:
    explicit FrontDeskTab(Session& session, QWidget* parent = nullptr);

    void refresh() override;
    // Selects the record (mail_item, custody_item) when it is listed.
    void select(const QString& entity, const QString& id);

    [[nodiscard]] QueryListView* mailList() const { return mailList_; }
    [[nodiscard]] QueryListView* custodyList() const { return custodyList_; }
    [[nodiscard]] QueryListView* callList() const { return callList_; }
    [[nodiscard]] QueryListView* billList() const { return billList_; }

private:
    [[nodiscard]] QList<QPair<QString, QString>> mailKinds() const;
    void deliverMail();
    void releaseCustody();
    void recordBill();

    QueryListView* mailList_ = nullptr;
    QueryListView* custodyList_ = nullptr;
    QueryListView* callList_ = nullptr;
    QueryListView* billList_ = nullptr;
};

} // namespace fd::gui
