// The duty log's dashboard entries that go beyond the handover area's own lists.
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "util/clock.h"

namespace fd::handover {

void registerDutyAttention(Services& s) {
    // An unforeseen absence reaches the supervisor at once, so the work can be rearranged
    // (R7-1.1.5); it stays listed until its day has passed.
    s.attentionRegistry().add(
        {QStringLiteral("duty.absences"),
         QStringLiteral("handover"),
         {QStringLiteral("Absences reported"), QStringLiteral("缺勤报告")},
         [](const Services& services, const Actor&) {
             return kit::attention(
                 services, QStringLiteral("duty_absence"),
                 QStringLiteral("SELECT a.id, a.reported_at, a.duty_date, u.display_name, "
                                "a.reason FROM duty_absences a JOIN users u ON u.id = a.user_id "
                                "WHERE a.duty_date >= ? ORDER BY a.duty_date, a.id"),
                 {services.clock().officeToday().toString(Qt::ISODate)},
                 "%1: %2 absent (%3) [R7-1.1.5]", "%1：%2 缺勤（%3）【R7-1.1.5】");
         },
         {QStringLiteral("supervisor"), QStringLiteral("cs_manager")}});
}

} // namespace fd::handover
