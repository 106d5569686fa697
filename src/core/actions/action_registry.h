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

private:
    QMap<QString, ActionDef> actions_;
};

} // namespace fd
