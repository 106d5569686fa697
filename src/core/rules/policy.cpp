#include "rules/policy.h"

#include "actions/action_registry.h"
#include "module/toolkit.h"
#include "rules/checks.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace fd {
namespace {

Text readText(const QJsonObject& o) {
    return Text{o.value(QStringLiteral("en")).toString(), o.value(QStringLiteral("zh")).toString()};
}

bool matches(const QString& pattern, const QString& action) {
    if (pattern == QStringLiteral("*"))
        return true;
    if (pattern.endsWith(QStringLiteral(".*")))
        return action.startsWith(pattern.left(pattern.size() - 1));
    return pattern == action;
}

QMap<QString, QString> readDuties(const QJsonObject& o) {
    QMap<QString, QString> out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

Error badPolicy(const QString& origin, const QString& why) {
    return Error::badInput(QStringLiteral("policy"),
                           {QStringLiteral("The policy %1 cannot be used: %2").arg(origin, why),
                            QStringLiteral("规则文件 %1 无法使用：%2").arg(origin, why)});
}

QString typeName(RuleParamType t) {
    switch (t) {
    case RuleParamType::Int:
        return QStringLiteral("integer");
    case RuleParamType::String:
        return QStringLiteral("string");
    case RuleParamType::Bool:
        return QStringLiteral("boolean");
    case RuleParamType::StringList:
        return QStringLiteral("list of strings");
    case RuleParamType::ObjectList:
        return QStringLiteral("list of objects");
    case RuleParamType::Object:
        return QStringLiteral("object");
    }
    return {};
}

bool hasType(const QJsonValue& v, RuleParamType t) {
    switch (t) {
    case RuleParamType::Int:
        return v.isDouble() && v.toDouble() == static_cast<double>(v.toInteger());
    case RuleParamType::String:
        return v.isString();
    case RuleParamType::Bool:
        return v.isBool();
    case RuleParamType::StringList: {
        if (!v.isArray())
            return false;
        const auto arr = v.toArray();
        return std::all_of(arr.begin(), arr.end(),
                           [](const QJsonValue& x) { return x.isString(); });
    }
    case RuleParamType::ObjectList: {
        if (!v.isArray())
            return false;
        const auto arr = v.toArray();
        return std::all_of(arr.begin(), arr.end(),
                           [](const QJsonValue& x) { return x.isObject(); });
    }
    case RuleParamType::Object:
        return v.isObject();
    }
    return false;
}

} // namespace

bool RuleDef::appliesTo(const QString& action) const {
    return std::any_of(actions.begin(), actions.end(),
                       [&](const QString& p) { return matches(p, action); });
}

Result<Policy> Policy::loadFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(badPolicy(path, QStringLiteral("cannot read the file")));
    return fromJson(f.readAll(), path);
}

Result<Policy> Policy::fromJson(const QByteArray& json, const QString& origin) {
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (doc.isNull() || !doc.isObject())
        return fail(badPolicy(origin, err.errorString()));
    const QJsonObject root = doc.object();
    Policy p;
    p.origin_ = origin;
    p.source_ = json;
    const QString declared = root.value(QStringLiteral("version")).toString();
    if (declared.isEmpty())
        return fail(badPolicy(origin, QStringLiteral("$.version is missing")));
    // The version recorded in audit rows names the file's content, not only its label.
    p.version_ = declared + QLatin1Char('+') +
                 QString::fromLatin1(
                     QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex().left(8));
    p.parameters_ = root.value(QStringLiteral("parameters")).toObject();
    p.officeName_ = readText(root.value(QStringLiteral("office")).toObject());
    const QJsonObject roles = root.value(QStringLiteral("roles")).toObject();
    for (auto it = roles.begin(); it != roles.end(); ++it) {
        const QJsonObject r = it.value().toObject();
        p.roles_.insert(it.key(),
                        RoleDef{it.key(), readText(r),
                                kit::strings(r.value(QStringLiteral("permissions"))),
                                readDuties(r.value(QStringLiteral("duties")).toObject())});
    }
    for (const auto& v : root.value(QStringLiteral("rules")).toArray()) {
        const QJsonObject r = v.toObject();
        RuleDef rule;
        rule.id = r.value(QStringLiteral("id")).toString();
        rule.clauses = kit::strings(r.value(QStringLiteral("clauses")));
        rule.actions = kit::strings(r.value(QStringLiteral("actions")));
        rule.check = r.value(QStringLiteral("check")).toString();
        rule.params = r.value(QStringLiteral("params")).toObject();
        rule.message = readText(r.value(QStringLiteral("message")).toObject());
        if (rule.id.isEmpty() || rule.check.isEmpty())
            return fail(badPolicy(origin, QStringLiteral("a rule lacks its id or check")));
        p.rules_.push_back(std::move(rule));
    }
    return p;
}

std::vector<const RuleDef*> Policy::rulesFor(const QString& action) const {
    std::vector<const RuleDef*> out;
    for (const RuleDef& r : rules_)
        if (r.appliesTo(action))
            out.push_back(&r);
    return out;
}

const RuleDef* Policy::rule(const QString& id) const {
    for (const RuleDef& r : rules_)
        if (r.id == id)
            return &r;
    return nullptr;
}

QString RoleDef::dutyClause(const QString& permission) const {
    for (auto it = duties.cbegin(); it != duties.cend(); ++it)
        if (matches(it.key(), permission))
            return it.value();
    return {};
}

QList<const RoleDef*> Policy::rolesGranting(const QString& permission) const {
    QList<const RoleDef*> named;
    QList<const RoleDef*> everything;
    for (const RoleDef& role : roles_) {
        for (const QString& p : role.permissions) {
            if (!matches(p, permission))
                continue;
            (p == QStringLiteral("*") ? everything : named).push_back(&role);
            break;
        }
    }
    return named + everything;
}

QString Policy::sha256() const {
    return QString::fromLatin1(
        QCryptographicHash::hash(source_, QCryptographicHash::Sha256).toHex());
}

bool Policy::permits(const QStringList& roles, const QString& permission) const {
    for (const QString& role : roles) {
        const auto it = roles_.find(role);
        if (it == roles_.end())
            continue;
        for (const QString& p : it->permissions)
            if (matches(p, permission))
                return true;
    }
    return false;
}

QJsonValue Policy::parameter(const QString& name) const {
    return parameters_.value(name);
}

int Policy::intParameter(const QString& name, int fallback) const {
    const QJsonValue v = parameters_.value(name);
    return v.isDouble() ? v.toInt() : fallback;
}

namespace {
// clauses.txt: one clause a line, "ID<TAB>tag,tag".
const QMap<QString, QStringList>& clauseCatalogue() {
    static const QMap<QString, QStringList> catalogue = [] {
        QFile f(QStringLiteral(":/policy/clauses.txt"));
        QMap<QString, QStringList> out;
        if (f.open(QIODevice::ReadOnly))
            for (const QByteArray& line : f.readAll().split('\n')) {
                const QList<QByteArray> cols = line.trimmed().split('\t');
                if (!cols.first().isEmpty())
                    out.insert(QString::fromUtf8(cols.first()),
                               QString::fromUtf8(cols.value(1))
                                   .split(QLatin1Char(','), Qt::SkipEmptyParts));
            }
        return out;
    }();
    return catalogue;
}
} // namespace

const QStringList& Policy::regulationAreas() {
    // The action areas of the eight regulations' work: archives and documents (R1, R4, R5),
    // handover, front desk and duty (R2, R6, R8), the management office's services (R3) and
    // attendance (R7), with the registry and the program's own administration.
    static const QStringList areas{
        QStringLiteral("archive"),  QStringLiteral("document"),  QStringLiteral("handover"),
        QStringLiteral("mail"),     QStringLiteral("custody"),   QStringLiteral("phone"),
        QStringLiteral("duty"),     QStringLiteral("key"),       QStringLiteral("repair"),
        QStringLiteral("visit"),    QStringLiteral("complaint"), QStringLiteral("renovation"),
        QStringLiteral("fee"),      QStringLiteral("roster"),    QStringLiteral("attendance"),
        QStringLiteral("resident"), QStringLiteral("staff"),     QStringLiteral("org"),
        QStringLiteral("approval"), QStringLiteral("user"),      QStringLiteral("policy"),
        QStringLiteral("database"), QStringLiteral("audit")};
    return areas;
}

const QStringList& Policy::knownClauses() {
    static const QStringList clauses = clauseCatalogue().keys();
    return clauses;
}

QStringList Policy::clauseTags(const QString& clause) {
    return clauseCatalogue().value(clause);
}

QList<LintError> Policy::lint(const QByteArray& json, const ActionRegistry& actions,
                              const CheckRegistry& checks, LintMode mode) {
    // An action name's area is what precedes the first dot ("archive.lend" -> "archive").
    auto areaAbsent = [&](const QString& action) {
        return mode == LintMode::SkipAbsentAreas &&
               !actions.hasPrefix(action.section(QLatin1Char('.'), 0, 0) + QLatin1Char('.'));
    };
    QList<LintError> errors;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (doc.isNull() || !doc.isObject()) {
        errors.push_back({QStringLiteral("$"), QStringLiteral("not a JSON object: %1 at offset %2")
                                                   .arg(err.errorString())
                                                   .arg(err.offset)});
        return errors;
    }
    const QJsonObject root = doc.object();
    if (!root.value(QStringLiteral("version")).isString())
        errors.push_back({QStringLiteral("$.version"), QStringLiteral("missing version string")});
    // A company's own house clauses (and a test policy's TEST-… clauses) are declared in the
    // policy beside the regulations' catalogue; they never reuse a regulation's ID.
    QStringList houseClauses;
    const QJsonObject house = root.value(QStringLiteral("house_clauses")).toObject();
    static const QRegularExpression houseId(QStringLiteral("^[A-Z]+-[A-Za-z0-9.-]+$"));
    static const QRegularExpression regulationId(QStringLiteral("^R[0-9]"));
    for (auto it = house.begin(); it != house.end(); ++it) {
        const QString path = QStringLiteral("$.house_clauses.%1").arg(it.key());
        const QJsonObject text = it.value().toObject();
        if (!houseId.match(it.key()).hasMatch() || regulationId.match(it.key()).hasMatch() ||
            knownClauses().contains(it.key()))
            errors.push_back({path, QStringLiteral("a house clause ID is letters, a dash and a "
                                                   "number, and is not a regulation's ID")});
        else if (text.value(QStringLiteral("zh")).toString().isEmpty() ||
                 text.value(QStringLiteral("en")).toString().isEmpty())
            errors.push_back({path, QStringLiteral("a house clause states its text in zh and en")});
        else
            houseClauses << it.key();
    }
    auto knownClause = [&](const QString& id) {
        return knownClauses().isEmpty() || knownClauses().contains(id) || houseClauses.contains(id);
    };
    const QJsonObject roles = root.value(QStringLiteral("roles")).toObject();
    for (auto it = roles.begin(); it != roles.end(); ++it) {
        const QJsonObject duties = it.value().toObject().value(QStringLiteral("duties")).toObject();
        for (auto d = duties.begin(); d != duties.end(); ++d)
            if (!knownClause(d.value().toString()))
                errors.push_back(
                    {QStringLiteral("$.roles.%1.duties.%2").arg(it.key(), d.key()),
                     QStringLiteral("unknown clause \"%1\"").arg(d.value().toString())});
        const QJsonArray perms =
            it.value().toObject().value(QStringLiteral("permissions")).toArray();
        for (int i = 0; i < perms.size(); ++i) {
            const QString perm = perms.at(i).toString();
            const QString path = QStringLiteral("$.roles.%1.permissions[%2]").arg(it.key()).arg(i);
            if (!perms.at(i).isString())
                errors.push_back({path, QStringLiteral("must be a string")});
            else if (perm.endsWith(QStringLiteral(".*"))) {
                // A wildcard names an area: one of this build, or one the regulations
                // describe that is still to come (it grants nothing until it exists).
                const QString area = perm.left(perm.size() - 2);
                if (!actions.hasPrefix(area + QLatin1Char('.')) &&
                    !regulationAreas().contains(area))
                    errors.push_back({path, QStringLiteral("unknown area \"%1\"").arg(area)});
            } else if (perm != QStringLiteral("*") && !actions.knowsPermission(perm) &&
                       !areaAbsent(perm))
                errors.push_back(
                    {path, QStringLiteral("unknown action or permission \"%1\"").arg(perm)});
        }
    }
    const QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
    QStringList seen;
    for (int i = 0; i < rules.size(); ++i) {
        const QString base = QStringLiteral("$.rules[%1]").arg(i);
        const QJsonObject r = rules.at(i).toObject();
        const QString id = r.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            errors.push_back({base + QStringLiteral(".id"), QStringLiteral("missing rule id")});
        else if (seen.contains(id))
            errors.push_back(
                {base + QStringLiteral(".id"), QStringLiteral("duplicate rule id \"%1\"").arg(id)});
        seen << id;
        const QJsonArray cl = r.value(QStringLiteral("clauses")).toArray();
        if (cl.isEmpty())
            errors.push_back({base + QStringLiteral(".clauses"),
                              QStringLiteral("missing clause: every rule cites the regulation")});
        for (int c = 0; c < cl.size(); ++c)
            if (!knownClause(cl.at(c).toString()))
                errors.push_back(
                    {base + QStringLiteral(".clauses[%1]").arg(c),
                     QStringLiteral("unknown clause \"%1\"").arg(cl.at(c).toString())});
        const QJsonArray acts = r.value(QStringLiteral("actions")).toArray();
        const bool absent =
            !acts.isEmpty() && std::all_of(acts.begin(), acts.end(), [&](const QJsonValue& a) {
                return areaAbsent(a.toString());
            });
        if (absent)
            continue; // a rule of an area this build does not contain
        if (acts.isEmpty())
            errors.push_back({base + QStringLiteral(".actions"), QStringLiteral("no actions")});
        for (int a = 0; a < acts.size(); ++a) {
            const QString name = acts.at(a).toString();
            if (name.endsWith(QStringLiteral(".*")) ? !actions.hasPrefix(name.left(name.size() - 1))
                                                    : actions.find(name) == nullptr)
                errors.push_back({base + QStringLiteral(".actions[%1]").arg(a),
                                  QStringLiteral("unknown action \"%1\"").arg(name)});
        }
        const QString checkName = r.value(QStringLiteral("check")).toString();
        const CheckDef* check = checks.find(checkName);
        if (check == nullptr) {
            errors.push_back({base + QStringLiteral(".check"),
                              QStringLiteral("unknown check \"%1\"").arg(checkName)});
        } else {
            const QJsonObject params = r.value(QStringLiteral("params")).toObject();
            for (auto it = params.begin(); it != params.end(); ++it) {
                const QString path = base + QStringLiteral(".params.") + it.key();
                if (!check->params.contains(it.key()))
                    errors.push_back({path, QStringLiteral("check \"%1\" has no parameter \"%2\"")
                                                .arg(checkName, it.key())});
                else if (!hasType(it.value(), check->params.value(it.key())))
                    errors.push_back({path, QStringLiteral("bad parameter type: expected %1")
                                                .arg(typeName(check->params.value(it.key())))});
            }
        }
        const QJsonObject msg = r.value(QStringLiteral("message")).toObject();
        if (msg.value(QStringLiteral("zh")).toString().isEmpty())
            errors.push_back(
                {base + QStringLiteral(".message.zh"), QStringLiteral("missing Chinese message")});
        if (msg.value(QStringLiteral("en")).toString().isEmpty())
            errors.push_back(
                {base + QStringLiteral(".message.en"), QStringLiteral("missing English message")});
    }
    return errors;
}

} // namespace fd
