#pragma once

// Registration pieces of the handover module, shared between its source files.
#include "handover/handover_sheet.h"
#include "module/toolkit.h"
#include "services/services.h"

namespace fd::handover {

using kit::col;
using kit::idParam;
using kit::missing;
using kit::optionalIdParam;
using kit::param;
using kit::textParam;
using kit::tx;
using sql::insertId;

void registerChecks(Services& services);
void registerDutyChecks(Services& services);
void registerHandoverActions(Services& services);
void registerFrontDeskActions(Services& services);
void registerDutyActions(Services& services);
void registerQueries(Services& services);
// handover.import_history: earlier registers in batches (handover_import.cpp).
void registerImportActions(Services& services);
void registerAttention(Services& services);
void registerDutyAttention(Services& services);
Status seed(const Services& services, const Actor& admin, const SeedOptions& options);
// Ten years of front-desk history (the large profile), a month per handover.import_history.
Status seedLargeHistory(const Services& services, const Actor& admin, const SeedOptions& options);

// The display name of a user id ("" when unknown).
QString userName(const QSqlDatabase& db, qint64 userId);
// The items of the blockers the policy lets a supervisor lift (R2-2.4) that are on the
// sheet now and not lifted yet: what an exception signed now lifts. Empty when the policy
// allows no exception.
Result<QList<LiftedBlocker>> liftableBlockersNow(const ActionContext& ctx,
                                                 const HandoverSheet& sheet);

// How the area's stored codes (states, severities, mail kinds, the policy's posts, shifts
// and inspection areas) read in lists, exports and prints.
QMap<QString, Text> codeLabels(const Policy& policy);

} // namespace fd::handover
