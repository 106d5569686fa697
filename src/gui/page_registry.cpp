#include "page_registry.h"

#include "session.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QLineEdit>
#include <algorithm>

namespace fd::gui {

bool Page::openRecord(const QString&, const QString&) {
    return false;
}

void Page::refresh() {}

bool Page::focusSearch() {
    QLineEdit* best = nullptr;
    for (QLineEdit* e : findChildren<QLineEdit*>()) {
        if (!e->isVisibleTo(this) || !e->isEnabled() ||
            (e->objectName() != QStringLiteral("search") &&
             e->objectName() != QStringLiteral("filter")))
            continue;
        if (best == nullptr || e->mapTo(this, QPoint()).y() < best->mapTo(this, QPoint()).y())
            best = e;
    }
    if (best == nullptr)
        return false;
    best->setFocus(Qt::ShortcutFocusReason);
    best->selectAll();
    return true;
}

bool Page::startNew() {
    for (QAbstractButton* b : findChildren<QAbstractButton*>())
        if (b->property("newRecord").toBool() && b->isVisibleTo(this) && b->isEnabled()) {
            b->click();
            return true;
        }
    return false;
}

QString PageDef::displayTitle() const {
    return title == nullptr ? id : QCoreApplication::translate("fd::gui::Pages", title);
}

void PageRegistry::add(PageDef def) {
    pages_.push_back(std::move(def));
    std::stable_sort(pages_.begin(), pages_.end(),
                     [](const PageDef& a, const PageDef& b) { return a.order < b.order; });
}

const PageDef* PageRegistry::find(const QString& id) const {
    for (const PageDef& p : pages_)
        if (p.id == id)
            return &p;
    return nullptr;
}

const PageDef* PageRegistry::forArea(const QString& area) const {
    for (const PageDef& p : pages_)
        if (p.area == area)
            return &p;
    return nullptr;
}

QList<const PageDef*> PageRegistry::visibleTo(const Session& session) const {
    QList<const PageDef*> out;
    for (const PageDef& p : pages_) {
        const bool allowed =
            p.permissions.isEmpty() ||
            std::any_of(p.permissions.cbegin(), p.permissions.cend(),
                        [&](const QString& perm) { return session.permits(perm); });
        if (allowed)
            out.push_back(&p);
    }
    return out;
}

PageRegistry PageRegistry::withAllPages() {
    PageRegistry r;
    registerAllPages(r);
    return r;
}

} // namespace fd::gui
