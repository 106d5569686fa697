#pragma once

namespace fd {

class Services;

// The dashboard's warning for the administrator and the customer-service manager: the last
// verified backup is older than the policy's backup.max_age_hours (default 26), or there is
// none at all.
void registerBackupAttention(Services& services);

} // namespace fd
