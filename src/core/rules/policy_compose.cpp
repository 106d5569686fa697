// The shipped policy is composed at start from the core policy and each area's fragment.
#include "rules/policy.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace fd {
namespace {

const QString kCorePolicy = QStringLiteral(":/policy/core.json");
const QString kPolicyDirectory = QStringLiteral(":/policy");

Error badFragment(const QString& origin, const QString& why) {
    return Error::badInput(
        QStringLiteral("policy"),
        {QStringLiteral("The policy fragment %1 cannot be used: %2").arg(origin, why),
         QStringLiteral("规则片段 %1 无法使用：%2").arg(origin, why)});
}

QJsonArray appendNew(QJsonArray list, const QJsonArray& more) {
    for (const QJsonValue& v : more)
        if (!list.contains(v))
            list.append(v);
    return list;
}

QStringList ruleIds(const QJsonArray& rules) {
    QStringList ids;
    for (const QJsonValue& r : rules)
        ids << r.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

// Adds one fragment to the document `root`.
Status addFragment(QJsonObject& root, const PolicyFragment& fragment, const QJsonObject& part,
                   Policy::ComposeMode mode) {
    const bool strict = mode == Policy::ComposeMode::Strict;
    QJsonObject parameters = root.value(QStringLiteral("parameters")).toObject();
    const QJsonObject more = part.value(QStringLiteral("parameters")).toObject();
    for (auto it = more.begin(); it != more.end(); ++it) {
        if (parameters.contains(it.key())) {
            if (strict)
                return fail(
                    badFragment(fragment.origin,
                                QStringLiteral("the parameter %1 is given twice").arg(it.key())));
            continue;
        }
        parameters.insert(it.key(), it.value());
    }
    root.insert(QStringLiteral("parameters"), parameters);

    QJsonObject roles = root.value(QStringLiteral("roles")).toObject();
    const QJsonObject roleParts = part.value(QStringLiteral("roles")).toObject();
    for (auto it = roleParts.begin(); it != roleParts.end(); ++it) {
        const QJsonObject add = it.value().toObject();
        QJsonObject role = roles.value(it.key()).toObject();
        if (!roles.contains(it.key())) {
            if (add.value(QStringLiteral("zh")).toString().isEmpty() ||
                add.value(QStringLiteral("en")).toString().isEmpty())
                return fail(badFragment(
                    fragment.origin,
                    QStringLiteral("the role %1 is new and needs its names in zh and en")
                        .arg(it.key())));
            role.insert(QStringLiteral("zh"), add.value(QStringLiteral("zh")));
            role.insert(QStringLiteral("en"), add.value(QStringLiteral("en")));
        }
        role.insert(QStringLiteral("permissions"),
                    appendNew(role.value(QStringLiteral("permissions")).toArray(),
                              add.value(QStringLiteral("permissions")).toArray()));
        QJsonObject duties = role.value(QStringLiteral("duties")).toObject();
        const QJsonObject addDuties = add.value(QStringLiteral("duties")).toObject();
        for (auto d = addDuties.begin(); d != addDuties.end(); ++d)
            if (!duties.contains(d.key()))
                duties.insert(d.key(), d.value());
        if (!duties.isEmpty())
            role.insert(QStringLiteral("duties"), duties);
        roles.insert(it.key(), role);
    }
    root.insert(QStringLiteral("roles"), roles);

    QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
    const QStringList present = ruleIds(rules);
    for (const QJsonValue& r : part.value(QStringLiteral("rules")).toArray()) {
        const QString id = r.toObject().value(QStringLiteral("id")).toString();
        if (present.contains(id)) {
            if (strict)
                return fail(badFragment(fragment.origin,
                                        QStringLiteral("the rule %1 is given twice").arg(id)));
            continue;
        }
        rules.append(r);
    }
    root.insert(QStringLiteral("rules"), rules);

    QJsonArray areas = root.value(QStringLiteral("areas")).toArray();
    if (!areas.contains(fragment.area))
        areas.append(fragment.area);
    root.insert(QStringLiteral("areas"), areas);
    return {};
}

} // namespace

Result<PolicyFragment> PolicyFragment::load(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(badFragment(path, QStringLiteral("cannot read the file")));
    PolicyFragment fragment;
    fragment.json = f.readAll();
    fragment.origin = path;
    const QJsonObject o = QJsonDocument::fromJson(fragment.json).object();
    fragment.area = o.value(QStringLiteral("area")).toString();
    if (fragment.area.isEmpty())
        return fail(badFragment(path, QStringLiteral("$.area names no area")));
    return fragment;
}

Result<QByteArray> Policy::compose(const QByteArray& base, const QList<PolicyFragment>& fragments,
                                   ComposeMode mode) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(base, &err);
    if (!doc.isObject())
        return fail(badFragment(QStringLiteral("core"), err.errorString()));
    QJsonObject root = doc.object();
    for (const PolicyFragment& fragment : fragments) {
        const QJsonDocument part = QJsonDocument::fromJson(fragment.json, &err);
        if (!part.isObject())
            return fail(badFragment(fragment.origin, err.errorString()));
        if (auto ok = addFragment(root, fragment, part.object(), mode); !ok)
            return fail(ok.error());
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool Policy::covers(const QByteArray& json, const PolicyFragment& fragment) {
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.contains(QStringLiteral("areas")))
        return root.value(QStringLiteral("areas")).toArray().contains(fragment.area);
    const QStringList present = ruleIds(root.value(QStringLiteral("rules")).toArray());
    const QStringList own = ruleIds(
        QJsonDocument::fromJson(fragment.json).object().value(QStringLiteral("rules")).toArray());
    return std::any_of(own.begin(), own.end(),
                       [&](const QString& id) { return present.contains(id); });
}

QStringList Policy::linkedFragmentPaths() {
    QStringList paths;
    // Each area's library carries its fragment as the resource :/policy/<area>.json.
    const QDir dir(kPolicyDirectory);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        if (dir.filePath(name) != kCorePolicy)
            paths << dir.filePath(name);
    return paths;
}

Result<Policy> Policy::builtIn() {
    return builtIn(linkedFragmentPaths());
}

Result<Policy> Policy::builtIn(const QStringList& fragmentPaths) {
    QList<PolicyFragment> fragments;
    for (const QString& path : fragmentPaths) {
        auto fragment = PolicyFragment::load(path);
        if (!fragment)
            return fail(fragment.error());
        fragments << *fragment;
    }
    auto json = composeWithCore(std::move(fragments));
    if (!json)
        return fail(json.error());
    return fromJson(*json, QStringLiteral("built-in"));
}

Result<QByteArray> Policy::composeWithCore(QList<PolicyFragment> fragments) {
    QFile core(kCorePolicy);
    if (!core.open(QIODevice::ReadOnly))
        return fail(badFragment(kCorePolicy, QStringLiteral("cannot read the file")));
    // One order whatever the order given, so that every process composes the same bytes.
    std::sort(fragments.begin(), fragments.end(),
              [](const PolicyFragment& a, const PolicyFragment& b) { return a.area < b.area; });
    return compose(core.readAll(), fragments, ComposeMode::Strict);
}

} // namespace fd
