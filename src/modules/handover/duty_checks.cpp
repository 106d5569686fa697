// The checks the policy binds to duty actions (R2-2.1, R7-1.1.5, R8): the successor at
// the same post, swaps asked for in advance by the person who cannot serve, overdue
// written reports of major incidents, and severities that are never lowered silently.
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "util/clock.h"

namespace fd::handover {
namespace {

int severityRank(const QString& severity) {
    return severity == QStringLiteral("major") ? 1 : 0;
}

// The office day the request was made on: today, or the day an approved request was
// asked for (an approval re-runs the rules later).
Result<QDate> requestDay(const CheckContext& ctx) {
    if (!ctx.approval)
        return ctx.clock.officeToday();
    auto at = sql::scalar(ctx.db, QStringLiteral("SELECT requested_at FROM approvals WHERE id = ?"),
                          {ctx.approval->approvalId});
    if (!at)
        return fail(at.error());
    if (!at->isValid())
        return ctx.clock.officeToday();
    return fromStorage(at->toString()).toTimeZone(Clock::officeZone()).date();
}

} // namespace

void registerDutyChecks(Services& s) {
    CheckRegistry& r = s.checkRegistry();
    // R8-2.4: the successor is the person who starts the next duty at the same post.
    r.add({QStringLiteral("duty.successor_signed_in"),
           QStringLiteral("Another person has started the next duty at the same post"),
           {},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               const qint64 id = ctx.params.value(QStringLiteral("id")).toLongLong();
               auto next = sql::scalar(
                   ctx.db,
                   QStringLiteral("SELECT n.user_id <> d.user_id FROM duty_records d "
                                  "JOIN duty_records n ON n.post = d.post AND n.id > d.id "
                                  "WHERE d.id = ? ORDER BY n.id LIMIT 1"),
                   {id});
               if (!next)
                   return fail(next.error());
               return next->isValid() && next->toBool()
                          ? CheckOutcome::pass()
                          : CheckOutcome::failed(QStringLiteral("#%1").arg(id));
           }});
    // R2-2.1, R7-1.1.5, R8-1.8: arranged in advance, never for a day gone by. An approval
    // counts from the day it was asked for, and cannot come after the day itself.
    r.add({QStringLiteral("duty.date_ahead"),
           QStringLiteral("The duty date is at least min_days office days after the request, "
                          "and not past"),
           {{QStringLiteral("min_days"), RuleParamType::Int}},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               const QDate date = ctx.params.value(QStringLiteral("duty_date")).toDate();
               const int minDays = ctx.ruleParams.value(QStringLiteral("min_days")).toInt(0);
               auto asked = requestDay(ctx);
               if (!asked)
                   return fail(asked.error());
               const QDate today = ctx.clock.officeToday();
               if (date < asked->addDays(minDays) || date < today)
                   return CheckOutcome::failed(QStringLiteral("%1 / %2").arg(
                       date.toString(Qt::ISODate), today.toString(Qt::ISODate)));
               return CheckOutcome::pass();
           }});
    // R8-1.8: the person who cannot serve arranges the swap.
    r.add({QStringLiteral("duty.requested_by_absent_person"),
           QStringLiteral("The scheduled person (from_login) is the person asking"),
           {},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               const QString from = ctx.params.value(QStringLiteral("from_login")).toString();
               return from == ctx.actor.login ? CheckOutcome::pass() : CheckOutcome::failed(from);
           }});
    // R8-1.6: whoever owes an overdue written report writes it before the next duty.
    r.add(
        {QStringLiteral("duty.no_overdue_incident_report"),
         QStringLiteral("The person has no major incident whose written report is overdue"),
         {},
         [](const CheckContext& ctx) -> Result<CheckOutcome> {
             auto owed = kit::openItems(
                 ctx.db,
                 QStringLiteral("SELECT i.id, i.title FROM duty_incidents i JOIN duty_records d ON "
                                "d.id = i.duty_id WHERE d.user_id = ? AND i.severity = 'major' AND "
                                "i.reported_at IS NULL AND i.report_due_at < ? ORDER BY i.id"),
                 {ctx.actor.userId, toStorage(ctx.clock.nowUtc())});
             if (!owed)
                 return fail(owed.error());
             return owed->isEmpty() ? CheckOutcome::pass()
                                    : CheckOutcome::failed(owed->join(QStringLiteral(", ")));
         }});
    // R8-2.3: a severity may be raised; lowering it is never silent.
    r.add({QStringLiteral("duty.severity_lowered_with_reason"),
           QStringLiteral("A lower severity than recorded comes with a written reason of at "
                          "least min_length characters"),
           {{QStringLiteral("min_length"), RuleParamType::Int}},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               auto old = sql::scalar(
                   ctx.db, QStringLiteral("SELECT severity FROM duty_incidents WHERE id = ?"),
                   {ctx.params.value(QStringLiteral("id"))});
               if (!old)
                   return fail(old.error());
               if (!old->isValid())
                   return CheckOutcome::pass(); // the handler names the missing incident
               const QString wanted = ctx.params.value(QStringLiteral("severity")).toString();
               const int min = ctx.ruleParams.value(QStringLiteral("min_length")).toInt(4);
               if (severityRank(wanted) < severityRank(old->toString()) &&
                   ctx.reason.trimmed().size() < min)
                   return CheckOutcome::failed(
                       QStringLiteral("%1 → %2").arg(old->toString(), wanted));
               return CheckOutcome::pass();
           }});
}

} // namespace fd::handover
