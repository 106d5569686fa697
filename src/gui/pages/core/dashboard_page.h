#pragma once

#include "page_registry.h"

class QTreeWidget;
class QLabel;

namespace fd::gui {

// "Needs attention": every dashboard source the user may see, with its items; opening an
// item shows the record on its area's page.
class DashboardPage final : public Page {
    Q_OBJECT
public:
    DashboardPage(Session& session, QWidget* parent = nullptr);
    void refresh() override;
    [[nodiscard]] QTreeWidget* tree() const { return tree_; }
    [[nodiscard]] int itemCount() const { return items_; }

private:
    Session& session_;
    QTreeWidget* tree_ = nullptr;
    QLabel* summary_ = nullptr;
    int items_ = 0;
};

} // namespace fd::gui
