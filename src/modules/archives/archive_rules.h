#pragma once

// Archive rules the loan screen shows before anything is sent (R1-2.5.1).
#include "util/error.h"

#include <QJsonObject>

namespace fd {
class Policy;
}

namespace fd::archives {

// Whether a loan takes the archives out of the company: it follows from the borrower and the
// mode, as the rule archive-loan-stays-in-company lists the modes that leave for each kind
// of borrower (`leaves_company`: {"outside": ["lend"], ...}).
bool leavesCompany(const QJsonObject& ruleParams, const QString& borrowerKind, const QString& mode);
// The same, read from the policy's rule; false when the policy has no such rule.
bool loanLeavesCompany(const Policy& policy, const QString& borrowerKind, const QString& mode);
// The longest loan period of a mode in days (R1-1.1.5), as the rule archive-loan-due-within-max
// gives it (`max_days_lend`, `max_days_on_site`): the due date the loan screen proposes and
// allows, and what the rule checks.
int longestLoanDays(const QJsonObject& ruleParams, const QString& mode);
// The same, read from the policy's rule (14 days to lend, 1 on site when it has none).
int longestLoanDays(const Policy& policy, const QString& mode);
// The borrower kind and mode in words, both languages ("外单位 外借 / outside organisation, lend").
Text loanModeText(const QString& borrowerKind, const QString& mode);

} // namespace fd::archives
