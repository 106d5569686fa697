#include "actions/action_bus.h"

#include "audit/audit_log.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "services/permission.h"
#include "services/services.h"
#include "util/clock.h"
#include "util/log.h"

#include <QJsonDocument>
#include <set>

namespace fd {
namespace {

Error unknownAction(const QString& name) {
    return Error::badInput(QStringLiteral("action"),
                           {QStringLiteral("Unknown action %1.").arg(name),
                            QStringLiteral("未知操作「%1」。").arg(name)});
}

// What an approval request and its audit row store: never a secret parameter.
QJsonObject paramsJson(const ActionDef& def, const QVariantMap& params) {
    QJsonObject o;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        const auto spec = std::find_if(def.params.begin(), def.params.end(),
                                       [&](const ParamSpec& p) { return p.name == it.key(); });
        if (spec != def.params.end() && spec->secret)
            continue;
        const QVariant& v = it.value();
        if (v.typeId() == QMetaType::QDate)
            o.insert(it.key(), v.toDate().toString(Qt::ISODate));
        else
            o.insert(it.key(), QJsonValue::fromVariant(v));
    }
    return o;
}

} // namespace

ActionBus::ActionBus(const Services& services) : services_(services) {}

Result<std::vector<VerifiedSignature>>
ActionBus::verifySignatures(const ActionRequest& request) const {
    std::vector<VerifiedSignature> out;
    std::set<std::pair<QString, QString>> seen;
    for (const SignatureInput& in : request.signatures) {
        if (in.meaning.trimmed().isEmpty())
            return fail(Error::badInput(QStringLiteral("sign"),
                                        {QStringLiteral("A signature needs its meaning."),
                                         QStringLiteral("签名必须注明签字含义。")}));
        auto signer = services_.users().authenticate(in.login, in.password);
        if (!signer) {
            Error e = signer.error();
            e.field = QStringLiteral("sign:") + in.meaning;
            return fail(e);
        }
        out.push_back({in.meaning, *signer});
    }
    return out;
}

Result<Decision> ActionBus::preview(const ActionRequest& request) const {
    const ActionDef* def = services_.actions().find(request.action);
    if (def == nullptr)
        return fail(unknownAction(request.action));
    auto params = validateParams(def->params, request.params, services_.clock().officeToday());
    if (!params)
        return fail(params.error());
    const QSqlDatabase db = services_.database().connection();
    if (auto ok = services_.refreshPolicy(db); !ok)
        return fail(ok.error());
    auto actor = permittedActor(*def, request.actor, request.params);
    if (!actor)
        return fail(actor.error());
    const std::vector<VerifiedSignature> none;
    const std::optional<ApprovalGrant> noGrant;
    const QJsonObject noParams;
    RuleEngine engine(services_.policy(), services_.checks());
    return engine.evaluate(CheckContext{request.action, *params, noParams, *actor, none, noGrant,
                                        request.reason, db, services_.clock(), services_.policy()});
}

Result<Actor> ActionBus::permittedActor(const ActionDef& def, const Actor& actor,
                                        const QVariantMap& params) const {
    auto current = services_.currentActor(actor);
    if (!current) {
        reportAccessRevoked(actor);
        return fail(current.error());
    }
    if (def.permissionsFor) {
        const QStringList any = def.permissionsFor(services_, params);
        if (any.isEmpty() || std::any_of(any.begin(), any.end(), [&](const QString& p) {
                return services_.policy().permits(current->roles, p);
            }))
            return current;
        return fail(permissionRefusal(services_.policy(), *current, any.first(), def.title));
    }
    if (!services_.policy().permits(current->roles, def.requiredPermission()))
        return fail(
            permissionRefusal(services_.policy(), *current, def.requiredPermission(), def.title));
    return current;
}

Result<ActionResult> ActionBus::execute(const ActionRequest& request) const {
    const ActionDef* def = services_.actions().find(request.action);
    if (def == nullptr)
        return fail(unknownAction(request.action));
    const Database& database = services_.database();
    const QSqlDatabase db = database.connection();
    // A first look, before any slow work: the person's roles as they are now (the policy is
    // brought up to date inside the transaction, where it counts).
    if (auto who = permittedActor(*def, request.actor, request.params); !who)
        return fail(who.error());
    auto params = validateParams(def->params, request.params, services_.clock().officeToday());
    if (!params)
        return fail(params.error());
    if (request.reason.size() > 2000)
        return fail(
            Error::badInput(QStringLiteral("reason"),
                            {QStringLiteral("The reason is too long (at most 2000 characters)."),
                             QStringLiteral("原因过长（最多 2000 个字符）。")}));
    // Slow work stays outside the write transaction: the action's own preparation
    // (password hashing), then the signers' passwords.
    if (def->prepare) {
        auto derived = def->prepare(services_, *params);
        if (!derived)
            return fail(derived.error());
        for (const ParamSpec& spec : def->params)
            if (spec.secret)
                params->remove(spec.name);
        params->insert(*derived);
    }
    auto signatures = verifySignatures(request);
    if (!signatures)
        return fail(signatures.error());

    auto tx = WriteTransaction::begin(db, database.dialect());
    if (!tx)
        return fail(tx.error());
    // The policy and the person's roles as they are inside this transaction: what the
    // rules decide on cannot be changed by another desk before the handler writes.
    if (auto ok = services_.refreshPolicy(db); !ok)
        return fail(ok.error());
    auto actor = permittedActor(*def, request.actor, request.params);
    if (!actor)
        return fail(actor.error());
    ActionRequest current = request;
    current.actor = *actor;
    auto result = runInTransaction(*def, current, *params, *signatures, std::nullopt, db);
    if (!result)
        return fail(result.error()); // the guard rolls back
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    log::get("fd.actions")
        ->info("{} by {} -> {} {} (audit {})", request.action, request.actor.login, result->entity,
               result->entityId, result->auditSeq);
    return result;
}

Result<ActionResult> ActionBus::executeApproved(const ActionRequest& request,
                                                const ApprovalGrant& grant,
                                                const QSqlDatabase& db) const {
    const ActionDef* def = services_.actions().find(request.action);
    if (def == nullptr)
        return fail(unknownAction(request.action));
    // The stored request holds what `prepare` made of it, never its secrets: validate the
    // declared parameters without the secrets and keep the prepared values as stored.
    QList<ParamSpec> specs;
    for (const ParamSpec& spec : def->params)
        if (!spec.secret)
            specs << spec;
    QVariantMap declared;
    QVariantMap prepared;
    for (auto it = request.params.cbegin(); it != request.params.cend(); ++it) {
        const bool known = std::any_of(def->params.begin(), def->params.end(),
                                       [&](const ParamSpec& p) { return p.name == it.key(); });
        (known || !def->prepare ? declared : prepared).insert(it.key(), it.value());
    }
    auto params = validateParams(specs, declared, services_.clock().officeToday());
    if (!params)
        return fail(params.error());
    params->insert(prepared);
    return runInTransaction(*def, request, *params, {}, grant, db);
}

Result<ActionResult> ActionBus::runInTransaction(const ActionDef& def, const ActionRequest& request,
                                                 const QVariantMap& params,
                                                 const std::vector<VerifiedSignature>& signatures,
                                                 const std::optional<ApprovalGrant>& grant,
                                                 const QSqlDatabase& db) const {
    const QDateTime now = services_.clock().nowUtc();
    const QJsonObject noParams;
    RuleEngine engine(services_.policy(), services_.checks());
    auto decision = engine.evaluate(CheckContext{request.action, params, noParams, request.actor,
                                                 signatures, grant, request.reason, db,
                                                 services_.clock(), services_.policy()});
    if (!decision)
        return fail(decision.error());

    ActionResult result;
    result.rulesEvaluated = decision->evaluated;
    switch (decision->kind) {
    case Decision::Kind::Refuse:
    case Decision::Kind::NeedsSignatures:
        return fail(decision->toError());
    case Decision::Kind::NeedsApproval: {
        const QJsonObject p = paramsJson(def, params);
        // The form as the approver will read and sign it, named as the records read now.
        auto form = describeParams(services_, db, def, params);
        if (!form)
            return fail(form.error());
        auto ins = sql::exec(
            db,
            QStringLiteral("INSERT INTO approvals(action, params, reason, requester_user_id, "
                           "approver_role, rule_id, clause, status, requested_at, form) "
                           "VALUES (?,?,?,?,?,?,?,'pending',?,?) RETURNING id"),
            {request.action, QString::fromUtf8(QJsonDocument(p).toJson(QJsonDocument::Compact)),
             sql::text(request.reason), request.actor.userId, decision->approverRole,
             decision->ruleId, sql::text(decision->clause), toStorage(now),
             QString::fromUtf8(fieldsJson(*form))});
        if (!ins)
            return fail(ins.error());
        ins->next();
        const qint64 approvalId = ins->value(0).toLongLong();
        ins->finish();
        AuditEntry e{request.actor.login,
                     QStringLiteral("approval.request"),
                     QStringLiteral("approval"),
                     QString::number(approvalId),
                     {},
                     {{QStringLiteral("action"), request.action},
                      {QStringLiteral("params"), p},
                      {QStringLiteral("approver_role"), decision->approverRole},
                      {QStringLiteral("rule"), decision->ruleId}},
                     request.reason,
                     services_.policy().version(),
                     decision->evaluated};
        auto seq = AuditLog::append(db, now, e);
        if (!seq)
            return fail(seq.error());
        result.status = ActionResult::Status::PendingApproval;
        result.auditSeq = *seq;
        result.entity = QStringLiteral("approval");
        result.entityId = QString::number(approvalId);
        result.approvalId = approvalId;
        result.approverRole = decision->approverRole;
        result.message = decision->message;
        result.result = {{QStringLiteral("approval_id"), approvalId},
                         {QStringLiteral("approver_role"), decision->approverRole},
                         {QStringLiteral("rule"), decision->ruleId},
                         {QStringLiteral("clause"), decision->clause}};
        return result;
    }
    case Decision::Kind::Allow:
        break;
    }

    ActionContext ctx{services_, db, request.actor, params, signatures, request.reason, grant, now};
    auto outcome = def.handler(ctx);
    if (!outcome)
        return fail(outcome.error());
    AuditEntry e{
        request.actor.login, request.action,     outcome->entity, outcome->entityId,
        outcome->oldValues,  outcome->newValues, request.reason,  services_.policy().version(),
        decision->evaluated};
    if (grant)
        e.newValues.insert(QStringLiteral("approved_by"), grant->approver.login);
    auto seq = AuditLog::append(db, now, e);
    if (!seq)
        return fail(seq.error());
    if (!signatures.empty()) {
        auto content = services_.signatures().content(db, outcome->entity, outcome->entityId);
        if (!content)
            return fail(content.error());
        const QByteArray signedBytes =
            content->isEmpty() ? QJsonDocument(outcome->newValues).toJson(QJsonDocument::Compact)
                               : *content;
        const QString hash = SignatureBook::hashContent(signedBytes);
        for (const VerifiedSignature& s : signatures)
            if (auto ok = services_.signatures().record(db, *seq, outcome->entity,
                                                        outcome->entityId, s, now, hash);
                !ok)
                return fail(ok.error());
    }
    result.auditSeq = *seq;
    result.entity = outcome->entity;
    result.entityId = outcome->entityId;
    result.result = outcome->result;
    return result;
}

} // namespace fd
