#pragma once

#include "util/error.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>
#include <vector>

namespace fd {

class ActionRegistry;
class CheckRegistry;

struct RuleDef {
    QString id;
    QStringList clauses; // IDs from the clause catalogue, e.g. R1-1.2.2
    QStringList actions; // action names or prefixes ending in ".*"
    QString check;       // a check registered by a module
    QJsonObject params;
    Text message;
    [[nodiscard]] bool appliesTo(const QString& action) const;
    [[nodiscard]] QString clauseText() const { return clauses.join(QStringLiteral(", ")); }
};

struct RoleDef {
    QString code;
    Text name;
    QStringList permissions; // action names, "area.*" or "*"
    // The clause that gives this role a duty, by permission pattern ("archive.*" ->
    // R1-1.3.1): what a refusal cites when it names the role that may act.
    QMap<QString, QString> duties;
    [[nodiscard]] QString dutyClause(const QString& permission) const;
};

// One regulation area's part of the policy (resources/policy/<area>.json): the
// permissions and duties it adds to the roles, its rules and its parameters.
struct PolicyFragment {
    QString area;
    QByteArray json;
    QString origin; // the file or resource it came from, for messages
    static Result<PolicyFragment> load(const QString& path);
};

struct LintError {
    QString path; // JSON path, e.g. $.rules[3].check
    QString message;
};

// The regulations as data: rules binding named checks to actions, roles and parameters.
class Policy final {
public:
    static Result<Policy> loadFile(const QString& path);
    static Result<Policy> fromJson(const QByteArray& json, const QString& origin);
    // The policy shipped with the program: resources/policy/core.json composed with the
    // fragment of every area linked into it (resources/policy/<area>.json).
    static Result<Policy> builtIn();
    // The same, with the fragments given (an area's Module names its own).
    static Result<Policy> builtIn(const QStringList& fragmentPaths);
    // The fragments of every area linked into this program, by area name.
    static QStringList linkedFragmentPaths();

    // Composes a whole policy document from a base and the areas' fragments. A fragment adds
    // permissions and duties to the roles the base defines (or defines a new role with its
    // names), appends its rules and adds its parameters; the result lists the areas it
    // covers in "areas". Strict (the shipped policy): a rule id or parameter given twice is
    // an error naming the fragment. Supplement (an office's stored policy meeting an area it
    // does not cover yet): what the office's policy already has is kept as it is.
    enum class ComposeMode { Strict, Supplement };
    static Result<QByteArray> compose(const QByteArray& base,
                                      const QList<PolicyFragment>& fragments, ComposeMode mode);
    // The core policy composed strictly with `fragments` (in the order of their areas).
    static Result<QByteArray> composeWithCore(QList<PolicyFragment> fragments);
    // The areas a policy document covers ("areas"; a document from before the areas carried
    // their fragments covers an area when it holds any of the area's rules).
    static bool covers(const QByteArray& json, const PolicyFragment& fragment);

    [[nodiscard]] const QString& version() const { return version_; }
    [[nodiscard]] const QString& origin() const { return origin_; }
    [[nodiscard]] const QByteArray& source() const { return source_; }
    [[nodiscard]] const std::vector<RuleDef>& rules() const { return rules_; }
    [[nodiscard]] std::vector<const RuleDef*> rulesFor(const QString& action) const;
    [[nodiscard]] const RuleDef* rule(const QString& id) const;
    [[nodiscard]] const QMap<QString, RoleDef>& roles() const { return roles_; }
    [[nodiscard]] bool permits(const QStringList& roles, const QString& permission) const;
    // The roles whose permissions grant `permission`, the administrator's "*" last.
    [[nodiscard]] QList<const RoleDef*> rolesGranting(const QString& permission) const;
    // SHA-256 of the source, hex.
    [[nodiscard]] QString sha256() const;
    [[nodiscard]] QJsonValue parameter(const QString& name) const;
    [[nodiscard]] int intParameter(const QString& name, int fallback) const;
    [[nodiscard]] Text officeName() const { return officeName_; }

    // Lints a policy document against the registered actions and checks. Opening the
    // services is lenient about rules and permissions of areas this build does not
    // contain (no action of that area is registered); `policy check` is strict.
    enum class LintMode { Strict, SkipAbsentAreas };
    static QList<LintError> lint(const QByteArray& json, const ActionRegistry& actions,
                                 const CheckRegistry& checks, LintMode mode = LintMode::Strict);
    // The action areas the regulations describe, built or still to come: a role may hold
    // "key.*" before the keys area exists.
    static const QStringList& regulationAreas();
    // Clause IDs of the regulations' clause catalogue, shipped as a resource. A policy may
    // add its own in "house_clauses" (ID → {zh, en}); the lint accepts those for its rules.
    static const QStringList& knownClauses();
    // The catalogue's tags of a clause: rule, record, remind, report, print, guide.
    static QStringList clauseTags(const QString& clause);

private:
    QString version_;
    QString origin_;
    QByteArray source_;
    QJsonObject parameters_;
    QMap<QString, RoleDef> roles_;
    std::vector<RuleDef> rules_;
    Text officeName_;
};

} // namespace fd
