#include "actions/action_registry.h"

namespace fd {

void ActionRegistry::add(ActionDef def) {
    if (!def.permission.isEmpty())
        declarePermission(def.permission);
    if (!area_.isEmpty())
        areaOfPrefix_.insert(def.name.section(QLatin1Char('.'), 0, 0), area_);
    actions_.insert(def.name, std::move(def));
}

void ActionRegistry::declarePermission(const QString& name) {
    if (!permissions_.contains(name))
        permissions_ << name;
}

QString ActionRegistry::areaOf(const QString& actionOrPrefix) const {
    return areaOfPrefix_.value(actionOrPrefix.section(QLatin1Char('.'), 0, 0));
}

bool ActionRegistry::knowsPermission(const QString& name) const {
    return actions_.contains(name) || permissions_.contains(name);
}

const ActionDef* ActionRegistry::find(const QString& name) const {
    const auto it = actions_.find(name);
    return it == actions_.end() ? nullptr : &it.value();
}

bool ActionRegistry::hasPrefix(const QString& prefix) const {
    return std::any_of(actions_.keyBegin(), actions_.keyEnd(),
                       [&](const QString& k) { return k.startsWith(prefix); }) ||
           std::any_of(permissions_.begin(), permissions_.end(),
                       [&](const QString& k) { return k.startsWith(prefix); });
}

QList<const ActionDef*> ActionRegistry::all() const {
    QList<const ActionDef*> out;
    for (const auto& def : actions_)
        out.push_back(&def);
    return out;
}

} // namespace fd
