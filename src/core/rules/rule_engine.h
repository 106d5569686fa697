#pragma once

#include "rules/checks.h"

namespace fd {

struct Decision {
    enum class Kind { Allow, Refuse, NeedsApproval, NeedsSignatures };
    Kind kind = Kind::Allow;
    QString ruleId;
    QString clause;
    Text message;
    QString approverRole;
    std::vector<SignatureRequirement> missingSignatures;
    QStringList evaluated; // every rule id that applied
    QStringList refusedBy; // every rule that refused, the first first

    [[nodiscard]] Error toError() const;
};

class RuleEngine final {
public:
    RuleEngine(const Policy& policy, const CheckRegistry& checks);
    // Evaluates every rule bound to the action, in policy order. Any refusal wins (named by
    // the first refusing rule, its message listing every refusal), then missing signatures,
    // then a needed approval.
    Result<Decision> evaluate(const CheckContext& base) const;

private:
    const Policy& policy_;
    const CheckRegistry& checks_;
};

} // namespace fd
