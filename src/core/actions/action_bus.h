#pragma once

#include "actions/action.h"
#include "rules/rule_engine.h"

namespace fd {

// The one gate every change of business state passes: validate parameters, check the
// permission, verify signatures, evaluate the policy's rules, then in one write
// transaction run the handler and append the audit row. Nothing is written when
// validation or a rule fails.
class ActionBus final {
public:
    explicit ActionBus(const Services& services);
    Q_DISABLE_COPY_MOVE(ActionBus)

    Result<ActionResult> execute(const ActionRequest& request) const;

    // Runs an approved request inside the caller's transaction (used by approval.approve).
    Result<ActionResult> executeApproved(const ActionRequest& request, const ApprovalGrant& grant,
                                         const QSqlDatabase& db) const;

    // The policy refusal a request would meet, without writing (for forms that
    // want to show a blocker before the user presses the button).
    Result<Decision> preview(const ActionRequest& request) const;

private:
    Result<ActionResult> runInTransaction(const ActionDef& def, const ActionRequest& request,
                                          const QVariantMap& params,
                                          const std::vector<VerifiedSignature>& signatures,
                                          const std::optional<ApprovalGrant>& grant,
                                          const QSqlDatabase& db) const;
    Result<std::vector<VerifiedSignature>> verifySignatures(const ActionRequest& request) const;

    const Services& services_;
};

} // namespace fd
