#pragma once

#include "auth/identity.h"
#include "util/error.h"

#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QVariantMap>
#include <functional>
#include <optional>
#include <vector>

namespace fd {

class Clock;
class Policy;

struct SignatureRequirement {
    QString meaning;
    QString role; // empty: anyone
};

struct ApprovalGrant {
    qint64 approvalId = 0;
    QString role;
    Actor approver;
};

// What a check sees: the request, the current database state (inside the write
// transaction, so it cannot change under the check) and the rule's parameters.
struct CheckContext {
    QString action;
    const QVariantMap& params;
    const QJsonObject& ruleParams;
    const Actor& actor;
    const std::vector<VerifiedSignature>& signatures;
    const std::optional<ApprovalGrant>& approval;
    const QString& reason;
    QSqlDatabase db;
    const Clock& clock;
    const Policy& policy;
};

struct CheckOutcome {
    enum class Kind { Pass, Fail, NeedsApproval, NeedsSignatures };
    Kind kind = Kind::Pass;
    QString detail; // appended to the rule's message (e.g. which volume)
    QString approverRole;
    std::vector<SignatureRequirement> signatures;

    static CheckOutcome pass() { return {}; }
    static CheckOutcome failed(QString detail = {});
    static CheckOutcome needsApproval(QString role, QString detail = {});
    static CheckOutcome needsSignatures(std::vector<SignatureRequirement> reqs);
};

using CheckFn = std::function<Result<CheckOutcome>(const CheckContext&)>;

enum class RuleParamType { Int, String, Bool, StringList, ObjectList, Object };

struct CheckDef {
    QString name;
    QString description;
    QMap<QString, RuleParamType> params; // for the policy linter
    CheckFn fn;
};

// Checks are C++ functions registered by name; the policy binds them to actions.
class CheckRegistry final {
public:
    void add(CheckDef def);
    [[nodiscard]] const CheckDef* find(const QString& name) const;
    [[nodiscard]] QStringList names() const;

private:
    QMap<QString, CheckDef> checks_;
};

// The checks every deployment has: signatures, approvals, a required reason.
void registerCoreChecks(CheckRegistry& registry);

} // namespace fd
