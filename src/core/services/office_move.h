#pragma once

#include "audit/audit_log.h"
#include "util/error.h"

namespace fd {

class Services;

// Moving an office from its one-desk SQLite file to a PostgreSQL server (frontdeskctl
// migrate --to). Both are open with the same areas, so both schemas are current.
struct OfficeMove {
    AuditHead sourceHead; // the file's chain, verified before the copy
    AuditHead serverHead; // the server's chain, verified after the commit
    qint64 auditRows = 0;
    int tables = 0;
    qint64 rows = 0;
};

// Verifies the file's audit chain; refuses a server database that holds any user or audit
// row; copies every table's rows with their ids, parents before children, in one
// transaction on the server; rebuilds what areas derive from rows (search tokens); checks
// the copied chain ends at the file's head before committing; verifies the server's chain
// again after. Anything refused or failed leaves the server database as it was.
Result<OfficeMove> moveOffice(const Services& from, const Services& to);

} // namespace fd
