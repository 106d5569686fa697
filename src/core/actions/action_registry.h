#pragma once

#include "actions/action.h"

#include <QMap>

namespace fd {

class ActionRegistry final {
public:
    void add(ActionDef def);
    [[nodiscard]] const ActionDef* find(const QString& name) const;
    [[nodiscard]] bool hasPrefix(const QString& prefix) const;
    [[nodiscard]] QList<const ActionDef*> all() const;
    // A permission that is not an action's name (e.g. "resident.reveal_phone" for what a
    // query shows); an action's own `permission` is declared when it is added.
    void declarePermission(const QString& name);
    [[nodiscard]] bool knowsPermission(const QString& name) const;
    // The regulation area whose module registered an action: the services name the area
    // while its module registers. areaOf takes an action's name or its prefix ("duty.end"
    // or "duty" -> "handover"), so that a page follows every change of its area.
    void beginArea(const QString& area) { area_ = area; }
    [[nodiscard]] QString areaOf(const QString& actionOrPrefix) const;

private:
    QMap<QString, ActionDef> actions_;
    QStringList permissions_;
    QString area_;
    QMap<QString, QString> areaOfPrefix_;
};

} // namespace fd
