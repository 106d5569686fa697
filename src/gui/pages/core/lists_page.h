#pragma once

#include "page_registry.h"

class QComboBox;

namespace fd::gui {

class QueryListView;

// Every registered list the user may read, before its module has a page of its own.
class ListsPage final : public Page {
    Q_OBJECT
public:
    ListsPage(Session& session, QWidget* parent = nullptr);
    void refresh() override;
    [[nodiscard]] QueryListView* list() const { return list_; }
    [[nodiscard]] QComboBox* chooser() const { return chooser_; }
    bool showQuery(const QString& name);

private:
    Session& session_;
    QComboBox* chooser_ = nullptr;
    QueryListView* list_ = nullptr;
};

} // namespace fd::gui
