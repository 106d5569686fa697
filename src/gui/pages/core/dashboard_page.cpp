#include "pages/core/dashboard_page.h"

#include "refusal.h"
#include "services/services.h"
#include "session.h"
#include "util/clock.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fd::gui {
namespace {
constexpr int kAreaRole = Qt::UserRole;
constexpr int kEntityRole = Qt::UserRole + 1;
constexpr int kIdRole = Qt::UserRole + 2;
} // namespace

DashboardPage::DashboardPage(Session& session, QWidget* parent) : Page(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Needs attention"), this);
    title->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: bold;"));
    layout->addWidget(title);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("summary"));
    layout->addWidget(summary_);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("attention"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Item"), tr("Since")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(tree_, 1);
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    layout->addWidget(refreshButton, 0, Qt::AlignRight);
    connect(refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item, int) {
        const QString entity = item->data(0, kEntityRole).toString();
        if (!entity.isEmpty())
            emit openRequested(item->data(0, kAreaRole).toString(), entity,
                               item->data(0, kIdRole).toString());
    });
    connect(&session_, &Session::dataChanged, this, &DashboardPage::refresh);
    refresh();
}

void DashboardPage::refresh() {
    tree_->clear();
    items_ = 0;
    const Services& s = session_.services();
    const Actor& actor = session_.actor();
    // A record two sources list (a request in the inbox and in its area's list) is shown and
    // counted once, under the first; a source with nothing for the person is left out.
    QSet<QString> shown;
    for (const AttentionSource& source : s.attention().all()) {
        const bool mine = source.roles.isEmpty() ||
                          std::any_of(source.roles.cbegin(), source.roles.cend(),
                                      [&](const QString& r) { return actor.hasRole(r); });
        if (!mine)
            continue;
        auto items = source.items(s, actor);
        if (!items) {
            auto* failed = new QTreeWidgetItem(tree_);
            failed->setText(0, display(source.title) + QStringLiteral(" — ") +
                                   errorText(items.error()));
            continue;
        }
        QList<AttentionItem> fresh;
        for (const AttentionItem& item : *items) {
            const QString key = item.entity + QLatin1Char('/') + item.entityId;
            if (!item.entity.isEmpty() && shown.contains(key))
                continue;
            if (!item.entity.isEmpty())
                shown.insert(key);
            fresh << item;
        }
        if (fresh.isEmpty())
            continue;
        auto* group = new QTreeWidgetItem(tree_);
        group->setText(0, QStringLiteral("%1 (%2)").arg(display(source.title)).arg(fresh.size()));
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const AttentionItem& item : fresh) {
            auto* row = new QTreeWidgetItem(group);
            row->setText(0, display(item.text));
            if (item.since.isValid())
                row->setText(1, item.since.toTimeZone(Clock::officeZone())
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
            row->setData(0, kAreaRole, source.area);
            row->setData(0, kEntityRole, item.entity);
            row->setData(0, kIdRole, item.entityId);
            ++items_;
        }
        group->setExpanded(true);
    }
    summary_->setText(items_ == 0 ? tr("Nothing waits for you.")
                                  : tr("%n item(s) wait for you.", nullptr, items_));
}

} // namespace fd::gui
