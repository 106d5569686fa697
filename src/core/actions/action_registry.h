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

private:
    QMap<QString, ActionDef> actions_;
    QStringList permissions_;
};

} // namespace fd
