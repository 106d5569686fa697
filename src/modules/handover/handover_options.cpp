#include "handover/handover_options.h"

#include "handover_internal.h"
#include "rules/policy.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace fd::handover {
namespace {

// A policy list of codes, each a string or an object with a code and its en/zh names; a
// code without names reads as the area's lists read it, or as written.
QList<Option> optionsOf(const Policy& policy, const QString& parameter) {
    const QMap<QString, Text> labels = codeLabels(policy);
    QList<Option> out;
    for (const QJsonValue& v : policy.parameter(parameter).toArray()) {
        const QJsonObject o = v.toObject();
        const QString code =
            v.isObject() ? o.value(QStringLiteral("code")).toString() : v.toString();
        Text name = labels.value(code, {code, code});
        if (v.isObject() && o.contains(QStringLiteral("zh")))
            name = {o.value(QStringLiteral("en")).toString(code),
                    o.value(QStringLiteral("zh")).toString(code)};
        out.push_back({code, name});
    }
    return out;
}

} // namespace

QList<Option> inspectionAreas(const Policy& policy) {
    return optionsOf(policy, QStringLiteral("duty.inspection_areas"));
}

QList<Option> lightingCheckTimes(const Policy& policy) {
    return optionsOf(policy, QStringLiteral("duty.lighting_check_times"));
}

qint64 phoneQuotaFen(const Policy& policy) {
    return policy.intParameter(QStringLiteral("phone.monthly_quota_fen"), 20000);
}

bool offersOverride(const Policy& policy, const Actor& actor, const QString& action) {
    if (!policy.permits(actor.roles, action))
        return false;
    // The regulations allow no exception to the handover blockers unless the office's
    // policy does (R2-2.4).
    if (action == QStringLiteral("handover.override") &&
        !policy.parameter(QStringLiteral("handover.supervisor_exception")).toBool(false))
        return false;
    for (const RuleDef* rule : policy.rulesFor(action)) {
        if (rule->check != QStringLiteral("handover.actor_has_role"))
            continue;
        const QJsonArray roles = rule->params.value(QStringLiteral("roles")).toArray();
        if (std::none_of(roles.begin(), roles.end(),
                         [&](const QJsonValue& r) { return actor.hasRole(r.toString()); }))
            return false;
    }
    return true;
}

} // namespace fd::handover
