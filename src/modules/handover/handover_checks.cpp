// The checks the policy binds to handover and duty actions. Each R2-2.4 blocker is its
// own check so the policy can cite, word and switch it separately.
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "handover/handover_sheet.h"
#include "util/clock.h"

#include <QJsonArray>

namespace fd::handover {
namespace {

qint64 sheetIdOf(const CheckContext& ctx) {
    return ctx.params.value(QStringLiteral("sheet_id")).toLongLong();
}

// One thing on the sheet that blocks the handover: a stable key (a matter's id, an item's
// code) and how it reads in a refusal.
struct Blocked {
    QString key;
    QString label;
};
using BlockedFn = std::function<QList<Blocked>(const HandoverSheet&, const CheckContext&)>;

struct BlockerDef {
    QString name;
    QString description;
    BlockedFn blocked;
};

// The records for which `blocks` holds, each as `name` gives it.
template <typename Records, typename Blocks, typename Name>
QList<Blocked> blockedWhere(const Records& records, Blocks&& blocks, Name&& name) {
    QList<Blocked> out;
    for (const auto& record : records)
        if (blocks(record))
            out.push_back(name(record));
    return out;
}

QString joined(const QList<Blocked>& items) {
    QStringList labels;
    for (const Blocked& b : items)
        labels << b.label;
    return labels.join(QStringLiteral(", "));
}

// The incoming person: who signs as incoming with this request, else who signed in. The
// outgoing person signing as incoming is left to the signature rule (R2-2.3).
qint64 incomingOf(const HandoverSheet& sheet, const CheckContext& ctx) {
    for (const VerifiedSignature& sig : ctx.signatures)
        if (sig.meaning == QStringLiteral("incoming") && sig.signer.userId != sheet.outgoingUserId)
            return sig.signer.userId;
    return sheet.incomingUserId;
}

// The blockers of R2-2.4 and the face-to-face confirmations of R6-6 and R6-7.
const QList<BlockerDef>& blockerDefs() {
    static const QList<BlockerDef> all = {
        {QStringLiteral("handover.no_unresolved_major_event"),
         QStringLiteral("No major or emergency matter on the sheet is still open"),
         [](const HandoverSheet& sheet, const CheckContext&) {
             return blockedWhere(
                 sheet.matters,
                 [](const SheetMatter& m) {
                     return m.severity != QStringLiteral("normal") &&
                            m.status == QStringLiteral("open");
                 },
                 [](const SheetMatter& m) -> Blocked {
                     return {QString::number(m.id),
                             QStringLiteral("#%1 %2").arg(m.id).arg(m.cause)};
                 });
         }},
        {QStringLiteral("handover.no_equipment_operation_in_progress"),
         QStringLiteral("No major-equipment start or stop recorded on the sheet is in progress"),
         [](const HandoverSheet& sheet, const CheckContext&) {
             return blockedWhere(
                 sheet.equipment,
                 [](const SheetEquipmentOperation& e) {
                     return e.state == QStringLiteral("in_progress");
                 },
                 [](const SheetEquipmentOperation& e) -> Blocked {
                     return {QString::number(e.id),
                             QStringLiteral("%1 %2").arg(e.equipment, e.operation)};
                 });
         }},
        {QStringLiteral("handover.checklist_confirmed"),
         QStringLiteral("Every item of the checklist (but those in \"except\", which have rules "
                        "of their own) is confirmed present or noted missing"),
         [](const HandoverSheet& sheet, const CheckContext& ctx) {
             const QStringList except =
                 kit::strings(ctx.ruleParams.value(QStringLiteral("except")));
             return blockedWhere(
                 sheet.checklist,
                 [&](const SheetChecklistItem& c) {
                     return c.state == QStringLiteral("unconfirmed") && !except.contains(c.item);
                 },
                 [](const SheetChecklistItem& c) -> Blocked {
                     return {c.item, c.title.zh};
                 });
         }},
        {QStringLiteral("handover.matters_complete"),
         QStringLiteral("Every matter on the sheet states its cause, course and result"),
         [](const HandoverSheet& sheet, const CheckContext&) {
             return blockedWhere(
                 sheet.matters, [](const SheetMatter& m) { return !m.complete(); },
                 [](const SheetMatter& m) -> Blocked {
                     return {QString::number(m.id), QStringLiteral("#%1").arg(m.id)};
                 });
         }},
        {QStringLiteral("handover.incoming_fit"),
         QStringLiteral("The incoming person is not marked unfit, or a substitute signed in"),
         [](const HandoverSheet& sheet, const CheckContext& ctx) -> QList<Blocked> {
             if (sheet.unfitUserId == 0)
                 return {};
             const Blocked unfit{QString::number(sheet.unfitUserId), sheet.unfit};
             for (const VerifiedSignature& sig : ctx.signatures)
                 if (sig.meaning == QStringLiteral("incoming") &&
                     sig.signer.userId == sheet.unfitUserId)
                     return {unfit};
             const bool substitute =
                 sheet.incomingUserId != 0 && sheet.incomingUserId != sheet.unfitUserId;
             return substitute ? QList<Blocked>{} : QList<Blocked>{unfit};
         }},
        {QStringLiteral("handover.mail_confirmed"),
         QStringLiteral("The incoming person confirmed every waiting letter, newspaper and "
                        "periodical face to face"),
         [](const HandoverSheet& sheet, const CheckContext& ctx) {
             const qint64 incoming = incomingOf(sheet, ctx);
             const bool byIncoming =
                 sheet.mailConfirmedByUserId != 0 && sheet.mailConfirmedByUserId == incoming;
             return blockedWhere(
                 sheet.mail,
                 [&](const SheetMail& m) {
                     return !byIncoming || !sheet.mailConfirmedIds.contains(m.id);
                 },
                 [](const SheetMail& m) -> Blocked {
                     return {
                         QString::number(m.id),
                         QStringLiteral("#%1 %2 %3").arg(m.id).arg(m.unit, m.addressee).trimmed()};
                 });
         }},
        {QStringLiteral("handover.item_confirmed_by_incoming"),
         QStringLiteral("The checklist item named \"item\" was checked by the incoming person, "
                        "face to face"),
         [](const HandoverSheet& sheet, const CheckContext& ctx) -> QList<Blocked> {
             const QString item = ctx.ruleParams.value(QStringLiteral("item")).toString();
             const qint64 incoming = incomingOf(sheet, ctx);
             for (const SheetChecklistItem& c : sheet.checklist) {
                 if (c.item != item)
                     continue;
                 if (c.state == QStringLiteral("unconfirmed"))
                     return {{c.item, c.title.zh}};
                 const bool byIncoming = incoming != 0
                                             ? c.confirmedByUserId == incoming
                                             : c.confirmedByUserId != sheet.outgoingUserId;
                 if (!byIncoming)
                     return {{c.item, QStringLiteral("%1: %2").arg(c.title.zh, c.confirmedBy)}};
             }
             return {};
         }},
    };
    return all;
}

bool exceptionsAllowed(const Policy& policy) {
    return policy.parameter(QStringLiteral("handover.supervisor_exception")).toBool(false);
}

// A blocker check. A supervisor's signed exception lifts the items it listed, and only
// where the policy allows exceptions and the rule marks its blocker "overridable".
CheckDef blockerCheck(const BlockerDef& def) {
    return CheckDef{
        def.name,
        def.description,
        {{QStringLiteral("overridable"), RuleParamType::Bool},
         {QStringLiteral("except"), RuleParamType::StringList},
         {QStringLiteral("item"), RuleParamType::String}},
        [def](const CheckContext& ctx) -> Result<CheckOutcome> {
            auto sheet = loadLiveSheet(ctx.db, sheetIdOf(ctx));
            if (!sheet)
                return CheckOutcome::pass(); // the handler names the missing sheet
            const bool liftable = exceptionsAllowed(ctx.policy) &&
                                  ctx.ruleParams.value(QStringLiteral("overridable")).toBool(false);
            QList<Blocked> still;
            for (const Blocked& b : def.blocked(*sheet, ctx))
                if (!liftable || !sheet->lifted(def.name, b.key))
                    still.push_back(b);
            return still.isEmpty() ? CheckOutcome::pass() : CheckOutcome::failed(joined(still));
        }};
}

QList<LiftedBlocker> liftableNow(const HandoverSheet& sheet, const CheckContext& base) {
    QList<LiftedBlocker> out;
    if (!exceptionsAllowed(base.policy))
        return out;
    for (const RuleDef* rule : base.policy.rulesFor(QStringLiteral("handover.complete"))) {
        if (!rule->params.value(QStringLiteral("overridable")).toBool(false))
            continue;
        for (const BlockerDef& def : blockerDefs()) {
            if (def.name != rule->check)
                continue;
            const CheckContext ctx{base.action,     base.params,   rule->params, base.actor,
                                   base.signatures, base.approval, base.reason,  base.db,
                                   base.clock,      base.policy};
            for (const Blocked& b : def.blocked(sheet, ctx))
                if (!sheet.lifted(def.name, b.key))
                    out.push_back({rule->id, def.name, b.key, b.label});
        }
    }
    return out;
}

int severityRank(const QString& severity) {
    return severity == QStringLiteral("emergency") ? 2
           : severity == QStringLiteral("major")   ? 1
                                                   : 0;
}

// What a change of a matter does to a major matter: lowered, closed, or nothing.
Result<QString> majorMatterChange(const CheckContext& ctx) {
    const QString status = ctx.params.value(QStringLiteral("status")).toString();
    const QString severity = ctx.params.value(QStringLiteral("severity")).toString();
    if (ctx.action == QStringLiteral("handover.add_matter"))
        return severityRank(severity) > 0 && status == QStringLiteral("handled")
                   ? QStringLiteral("closed")
                   : QString();
    auto q = sql::exec(ctx.db,
                       QStringLiteral("SELECT severity, status FROM handover_matters WHERE id = ?"),
                       {ctx.params.value(QStringLiteral("id")).toLongLong()});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return QString(); // the handler names the missing matter
    const QString oldSeverity = q->value(0).toString();
    const QString oldStatus = q->value(1).toString();
    const QString newSeverity = severity.isEmpty() ? oldSeverity : severity;
    const QString newStatus = status.isEmpty() ? oldStatus : status;
    if (severityRank(newSeverity) < severityRank(oldSeverity))
        return QStringLiteral("lowered");
    if (oldStatus == QStringLiteral("open") && newStatus == QStringLiteral("handled") &&
        (severityRank(oldSeverity) > 0 || severityRank(newSeverity) > 0))
        return QStringLiteral("closed");
    return QString();
}

} // namespace

Result<QList<LiftedBlocker>> liftableBlockersNow(const ActionContext& ctx,
                                                 const HandoverSheet& sheet) {
    const QJsonObject noParams;
    return liftableNow(sheet,
                       CheckContext{QStringLiteral("handover.complete"), ctx.params, noParams,
                                    ctx.actor, ctx.signatures, ctx.approval, ctx.reason, ctx.db,
                                    ctx.services.clock(), ctx.services.policy()});
}

void registerChecks(Services& s) {
    CheckRegistry& r = s.checkRegistry();
    r.add({QStringLiteral("handover.sheet_open"),
           QStringLiteral("The handover sheet is still open (a completed sheet is immutable)"),
           {},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               auto v = sql::scalar(
                   ctx.db, QStringLiteral("SELECT status FROM handover_sheets WHERE id = ?"),
                   {sheetIdOf(ctx)});
               if (!v)
                   return fail(v.error());
               if (v->toString() == QStringLiteral("completed"))
                   return CheckOutcome::failed(QStringLiteral("#%1").arg(sheetIdOf(ctx)));
               return CheckOutcome::pass();
           }});
    for (const BlockerDef& def : blockerDefs())
        r.add(blockerCheck(def));
    r.add({QStringLiteral("handover.exception_allowed"),
           QStringLiteral("The policy parameter handover.supervisor_exception is true"),
           {},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               return exceptionsAllowed(ctx.policy) ? CheckOutcome::pass() : CheckOutcome::failed();
           }});
    r.add({QStringLiteral("handover.exception_has_blocker"),
           QStringLiteral("A blocker the policy lets a supervisor lift is present on the sheet"),
           {},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               auto sheet = loadLiveSheet(ctx.db, sheetIdOf(ctx));
               if (!sheet)
                   return CheckOutcome::pass();
               return liftableNow(*sheet, ctx).isEmpty() ? CheckOutcome::failed()
                                                         : CheckOutcome::pass();
           }});
    r.add({QStringLiteral("handover.incoming_signs_face_to_face"),
           QStringLiteral("The incoming person signs what is handed over, at the desk of the "
                          "person recording it (for the checklist: the items listed)"),
           {{QStringLiteral("items"), RuleParamType::StringList}},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               if (ctx.action == QStringLiteral("handover.confirm_item") &&
                   !kit::strings(ctx.ruleParams.value(QStringLiteral("items")))
                        .contains(ctx.params.value(QStringLiteral("item")).toString()))
                   return CheckOutcome::pass();
               auto outgoing = sql::scalar(
                   ctx.db,
                   QStringLiteral("SELECT outgoing_user_id FROM handover_sheets WHERE id = ?"),
                   {sheetIdOf(ctx)});
               if (!outgoing)
                   return fail(outgoing.error());
               for (const VerifiedSignature& sig : ctx.signatures)
                   if (sig.meaning == QStringLiteral("incoming") &&
                       (sig.signer.userId == ctx.actor.userId ||
                        sig.signer.userId == outgoing->toLongLong()))
                       return CheckOutcome::failed(sig.signer.displayName);
               return CheckOutcome::needsSignatures({{QStringLiteral("incoming"), QString()}});
           }});
    r.add({QStringLiteral("handover.major_matter_change_signed"),
           QStringLiteral("Lowering a matter's severity, or closing a major or emergency "
                          "matter, carries the signature of a person holding one of the roles"),
           {{QStringLiteral("roles"), RuleParamType::StringList}},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               auto change = majorMatterChange(ctx);
               if (!change)
                   return fail(change.error());
               if (change->isEmpty())
                   return CheckOutcome::pass();
               return CheckOutcome::needsSignatures(
                   {{QStringLiteral("supervisor"),
                     kit::strings(ctx.ruleParams.value(QStringLiteral("roles")))
                         .join(QLatin1Char(','))}});
           }});
    r.add({QStringLiteral("handover.own_sheet_closed"),
           QStringLiteral("The person going off shift (the actor, or with \"person\": \"duty\" "
                          "the duty's person) has no open handover sheet whose shift has ended"),
           {{QStringLiteral("person"), RuleParamType::String}},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               qint64 user = ctx.actor.userId;
               if (ctx.ruleParams.value(QStringLiteral("person")).toString() ==
                   QStringLiteral("duty")) {
                   auto v = sql::scalar(
                       ctx.db, QStringLiteral("SELECT user_id FROM duty_records WHERE id = ?"),
                       {ctx.params.value(QStringLiteral("id")).toLongLong()});
                   if (!v)
                       return fail(v.error());
                   if (!v->isValid())
                       return CheckOutcome::pass(); // the handler names the missing record
                   user = v->toLongLong();
               }
               auto open = openSheetsPastShift(ctx.db, ctx.policy, ctx.clock.nowUtc(), 0, user);
               if (!open)
                   return fail(open.error());
               QStringList sheets;
               for (const HandoverSheet& sheet : *open)
                   sheets << QStringLiteral("#%1").arg(sheet.id);
               return sheets.isEmpty() ? CheckOutcome::pass()
                                       : CheckOutcome::failed(sheets.join(QStringLiteral(", ")));
           }});
    r.add({QStringLiteral("handover.actor_has_role"),
           QStringLiteral("The person acting holds one of the listed roles"),
           {{QStringLiteral("roles"), RuleParamType::StringList}},
           [](const CheckContext& ctx) -> Result<CheckOutcome> {
               QStringList roles;
               for (const auto& v : ctx.ruleParams.value(QStringLiteral("roles")).toArray()) {
                   roles << v.toString();
                   if (ctx.actor.hasRole(v.toString()))
                       return CheckOutcome::pass();
               }
               return CheckOutcome::failed(roles.join(QStringLiteral(", ")));
           }});
}

} // namespace fd::handover
