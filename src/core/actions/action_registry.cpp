#include "actions/action_registry.h"

namespace fd {

void ActionRegistry::add(ActionDef def) { actions_.insert(def.name, std::move(def)); }

const ActionDef* ActionRegistry::find(const QString& name) const {
    const auto it = actions_.find(name);
    return it == actions_.end() ? nullptr : &it.value();
}

bool ActionRegistry::hasPrefix(const QString& prefix) const {
    return std::any_of(actions_.keyBegin(), actions_.keyEnd(),
                       [&](const QString& k) { return k.startsWith(prefix); });
}

QList<const ActionDef*> ActionRegistry::all() const {
    QList<const ActionDef*> out;
    for (const auto& def : actions_)
        out.push_back(&def);
    return out;
}

} // namespace fd
