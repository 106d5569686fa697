#pragma once

#include "actions/params.h"
#include "auth/identity.h"
#include "rules/checks.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

namespace fd {

class ActionBus;
class Clock;
class Database;
class Policy;
class Services;

// What a widget, dialog or CLI command asks for.
struct ActionRequest {
    QString action;
    QVariantMap params;
    Actor actor;
    std::vector<SignatureInput> signatures;
    QString reason;
};

// What a handler sees: the validated parameters and the open write transaction.
struct ActionContext {
    const Services& services;
    QSqlDatabase db;
    const Actor& actor;
    const QVariantMap& params;
    const std::vector<VerifiedSignature>& signatures;
    const QString& reason;
    const std::optional<ApprovalGrant>& approval;
    QDateTime now; // the clock's time for this action (R2-1.1)
};

// What a handler changed: the audit row's entity, old and new values, and the content
// that signatures given with the request sign.
struct ActionOutcome {
    QString entity;
    QString entityId;
    QJsonObject oldValues;
    QJsonObject newValues;
    QJsonObject result; // returned to the caller (ids, numbers)
};

using ActionHandler = std::function<Result<ActionOutcome>(ActionContext&)>;
// Slow work done before the write transaction (hashing a password, parsing a file): gets the
// validated parameters and returns values added to them (e.g. "password_hash"). The
// parameters the action declares secret are removed after it, so that neither an approval
// request nor the audit row can hold them; what it returns is what they are stored as.
using ActionPrepare =
    std::function<Result<QVariantMap>(const Services& services, const QVariantMap& params)>;

struct ActionDef {
    QString name;
    Text title;
    QList<ParamSpec> params;
    ActionHandler handler;
    QString permission; // empty: the action's name
    ActionPrepare prepare = nullptr;
    // A permission that depends on the request (exporting a list needs the list's own
    // permission): any of the returned ones permits; none returned: anyone signed in.
    // When set, `permission` is not asked.
    std::function<QStringList(const Services&, const QVariantMap& params)> permissionsFor = nullptr;
    [[nodiscard]] QString requiredPermission() const {
        return permission.isEmpty() ? name : permission;
    }
    [[nodiscard]] bool hasSecrets() const {
        return std::any_of(params.begin(), params.end(),
                           [](const ParamSpec& p) { return p.secret; });
    }
};

struct ActionResult {
    enum class Status { Done, PendingApproval };
    Status status = Status::Done;
    qint64 auditSeq = 0;
    QString entity;
    QString entityId;
    qint64 approvalId = 0;
    QString approverRole;
    Text message; // for PendingApproval: why it waits
    QJsonObject result;
    QStringList rulesEvaluated;
};

} // namespace fd
