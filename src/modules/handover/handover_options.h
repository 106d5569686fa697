#pragma once

// What the area's forms offer, read from the policy here so that no page parses it: the
// choices of the duty log's forms, the phone quota, and who is offered a supervisor's
// override.
#include "auth/identity.h"
#include "util/error.h"

#include <QList>
#include <QString>

namespace fd {
class Policy;
}

namespace fd::handover {

// A code a form offers and how it reads.
struct Option {
    QString code;
    Text name;
};

// The inspection areas of R8-1.4 (duty.inspection_areas), named as the lists name them.
QList<Option> inspectionAreas(const Policy& policy);
// The set times of the lighting check (duty.lighting_check_times), "HH:mm" (R8-1.5).
QList<Option> lightingCheckTimes(const Policy& policy);
// The department's monthly phone quota in fen (phone.monthly_quota_fen, R6).
qint64 phoneQuotaFen(const Policy& policy);
// Whether `actor` is offered the supervisor's override `action` (handover.override,
// handover.sign_out_person, duty.override_end): the permission, the roles the policy's
// rule names, and for handover.override the office allowing exceptions at all (R2-2.4).
bool offersOverride(const Policy& policy, const Actor& actor, const QString& action);

} // namespace fd::handover
