#include "rules/rule_engine.h"

#include "rules/policy.h"
#include "util/log.h"

#include <set>

namespace fd {

Error Decision::toError() const {
    Error e = Error::refused(ruleId, clause, message);
    return e;
}

RuleEngine::RuleEngine(const Policy& policy, const CheckRegistry& checks)
    : policy_(policy), checks_(checks) {}

namespace {

Text withDetail(const Text& base, const QString& clause, const QString& detail) {
    Text t = base;
    if (!detail.isEmpty()) {
        t.en += QStringLiteral(" (%1)").arg(detail);
        t.zh += QStringLiteral("（%1）").arg(detail);
    }
    t.en += QStringLiteral(" [%1]").arg(clause);
    t.zh += QStringLiteral("【%1】").arg(clause);
    return t;
}

// Every requirement met by a distinct signer holding the required role?
QString unmetSignature(const std::vector<SignatureRequirement>& reqs,
                       const std::vector<VerifiedSignature>& given) {
    std::set<qint64> used;
    for (const SignatureRequirement& req : reqs) {
        bool met = false;
        for (const VerifiedSignature& s : given) {
            if (s.meaning != req.meaning || used.contains(s.signer.userId))
                continue;
            if (!req.role.isEmpty() && !s.signer.hasAnyRole(req.role))
                continue;
            used.insert(s.signer.userId);
            met = true;
            break;
        }
        if (!met)
            return req.meaning;
    }
    return {};
}

} // namespace

Result<Decision> RuleEngine::evaluate(const CheckContext& base) const {
    Decision decision;
    std::optional<Decision> refusal;
    std::optional<Decision> signaturesMissing;
    std::optional<Decision> approvalNeeded;
    for (const RuleDef* rule : policy_.rulesFor(base.action)) {
        decision.evaluated << rule->id;
        const CheckDef* check = checks_.find(rule->check);
        if (check == nullptr)
            return fail(Error::internal(
                QStringLiteral("rule %1 names unknown check %2").arg(rule->id, rule->check)));
        const CheckContext ctx{base.action,     base.params,   rule->params, base.actor,
                               base.signatures, base.approval, base.reason,  base.db,
                               base.clock,      base.policy};
        auto outcome = check->fn(ctx);
        if (!outcome) {
            // A later check may rely on what an earlier one refused (a record that is not
            // there): the refusal found so far is the answer.
            if (refusal)
                break;
            return fail(outcome.error());
        }
        const QString clause = rule->clauses.value(0);
        switch (outcome->kind) {
        case CheckOutcome::Kind::Pass:
            break;
        case CheckOutcome::Kind::Fail: {
            // Every blocking condition is said at once, each with its clause; the first
            // refusing rule names the decision.
            const Text message = withDetail(rule->message, rule->clauseText(), outcome->detail);
            log::get("fd.rules")->info("{} refused by {} ({})", base.action, rule->id, clause);
            if (!refusal) {
                Decision refused;
                refused.kind = Decision::Kind::Refuse;
                refused.ruleId = rule->id;
                refused.clause = clause;
                refused.message = message;
                refusal = refused;
            } else {
                refusal->message.en += QLatin1Char('\n') + message.en;
                refusal->message.zh += QLatin1Char('\n') + message.zh;
            }
            refusal->refusedBy << rule->id;
            break;
        }
        case CheckOutcome::Kind::NeedsSignatures: {
            const QString missing = unmetSignature(outcome->signatures, base.signatures);
            if (!missing.isEmpty() && !signaturesMissing) {
                Decision d;
                d.kind = Decision::Kind::NeedsSignatures;
                d.ruleId = rule->id;
                d.clause = clause;
                d.message = withDetail(rule->message, rule->clauseText(), missing);
                d.missingSignatures = outcome->signatures;
                signaturesMissing = d;
            }
            break;
        }
        case CheckOutcome::Kind::NeedsApproval: {
            const bool granted = base.approval && base.approval->role == outcome->approverRole;
            if (!granted && !approvalNeeded) {
                Decision d;
                d.kind = Decision::Kind::NeedsApproval;
                d.ruleId = rule->id;
                d.clause = clause;
                d.message = withDetail(rule->message, rule->clauseText(), outcome->detail);
                d.approverRole = outcome->approverRole;
                approvalNeeded = d;
            }
            break;
        }
        }
    }
    if (refusal) {
        refusal->evaluated = decision.evaluated;
        return *refusal;
    }
    if (signaturesMissing) {
        signaturesMissing->evaluated = decision.evaluated;
        return *signaturesMissing;
    }
    if (approvalNeeded) {
        approvalNeeded->evaluated = decision.evaluated;
        return *approvalNeeded;
    }
    return decision;
}

} // namespace fd
