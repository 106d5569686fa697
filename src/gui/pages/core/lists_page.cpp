#include "pages/core/lists_page.h"

#include "query_list_view.h"
#include "services/services.h"
#include "session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace fd::gui {

ListsPage::ListsPage(Session& session, QWidget* parent) : Page(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("List"), this));
    chooser_ = new QComboBox(this);
    chooser_->setObjectName(QStringLiteral("queryChooser"));
    for (const QueryDef* def : session.services().queries().all())
        if (session.permits(def->permission))
            chooser_->addItem(display(def->title), def->name);
    bar->addWidget(chooser_, 1);
    layout->addLayout(bar);
    list_ = new QueryListView(session, {}, {}, this);
    layout->addWidget(list_, 1);
    connect(chooser_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            list_->setQuery(chooser_->itemData(index).toString());
    });
    if (chooser_->count() > 0)
        list_->setQuery(chooser_->itemData(0).toString());
}

void ListsPage::refresh() {
    if (!list_->query().isEmpty())
        (void)list_->reload();
}

bool ListsPage::showQuery(const QString& name) {
    const int index = chooser_->findData(name);
    if (index < 0)
        return false;
    chooser_->setCurrentIndex(index);
    list_->setQuery(name);
    return true;
}

} // namespace fd::gui
