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

    // Called when a person's account is found disabled or gone while they act (an open
    // window locks itself). The handler gets the actor as they signed in.
    void setAccessRevokedHandler(std::function<void(const Actor&)> handler) const {
        revoked_ = std::move(handler);
    }
    void reportAccessRevoked(const Actor& actor) const {
        if (revoked_)
            revoked_(actor);
    }

private:
    Result<ActionResult> runInTransaction(const ActionDef& def, const ActionRequest& request,
                                          const QVariantMap& params,
                                          const std::vector<VerifiedSignature>& signatures,
                                          const std::optional<ApprovalGrant>& grant,
                                          const QSqlDatabase& db) const;
    Result<std::vector<VerifiedSignature>> verifySignatures(const ActionRequest& request) const;
    // The actor with their current roles, permitted to run `def` (refusal otherwise).
    Result<Actor> permittedActor(const ActionDef& def, const Actor& actor,
                                 const QVariantMap& params) const;

    const Services& services_;
    mutable std::function<void(const Actor&)> revoked_;
};

} // namespace fd
