#pragma once

#include "auth/identity.h"
#include "rules/policy.h"

namespace fd {

// The refusal of an action or list the person's roles do not permit. It names the roles the
// policy grants the permission to and cites the clause that gives the first of them the duty
// (R1-1.3.1 for the archivist, R3-4.5.1 for the key keeper); it cites no clause when the
// granting role has none. Rule id: "permission".
Error permissionRefusal(const Policy& policy, const Actor& actor, const QString& permission,
                        const Text& what);

} // namespace fd
