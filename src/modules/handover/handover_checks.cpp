// The checks the policy binds to handover and duty actions. Each R2-2.4 blocker is its
// own check so the policy can cite, word and switch it separately.
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "handover/handover_sheet.h"

#include <QJsonArray>

namespace fd::handover {
namespace {

qint64 sheetIdOf(const CheckContext& ctx) {
    return ctx.params.value(QStringLiteral("sheet_id")).toLongLong();
}

// Runs `blocked` on the live sheet; a recorded supervisor override lifts the blocker
// when the rule says it may ("overridable", default true).
CheckDef blocker(const QString& name, const QString& description,
                 std::function<QString(const HandoverSheet&, const CheckContext&)> blocked) {
    return CheckDef{name,
                    description,
                    {{QStringLiteral("overridable"), RuleParamType::Bool}},
                    [blocked](const CheckContext& ctx) -> Result<CheckOutcome> {
                        auto sheet = loadLiveSheet(ctx.db, sheetIdOf(ctx));
                        if (!sheet)
                            return CheckOutcome::pass(); // the handler names the missing sheet
                        const bool overridable =
                            ctx.ruleParams.value(QStringLiteral("overridable")).toBool(true);
                        if (overridable && sheet->overridden())
                            return CheckOutcome::pass();
                        const QString detail = blocked(*sheet, ctx);
                        return detail.isEmpty() ? CheckOutcome::pass()
                                                : CheckOutcome::failed(detail);
                    }};
}

QString ids(const QStringList& items) {
    return items.join(QStringLiteral(", "));
}

} // namespace

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
    r.add(blocker(QStringLiteral("handover.no_unresolved_major_event"),
                  QStringLiteral("No major or emergency matter on the sheet is still open"),
                  [](const HandoverSheet& sheet, const CheckContext&) {
                      QStringList open;
                      for (const SheetMatter& m : sheet.matters)
                          if (m.severity != QStringLiteral("normal") &&
                              m.status == QStringLiteral("open"))
                              open << QStringLiteral("#%1 %2").arg(m.id).arg(m.cause);
                      return ids(open);
                  }));
    r.add(blocker(
        QStringLiteral("handover.no_equipment_operation_in_progress"),
        QStringLiteral("No major-equipment start or stop recorded on the sheet is in progress"),
        [](const HandoverSheet& sheet, const CheckContext&) {
            QStringList running;
            for (const SheetEquipmentOperation& e : sheet.equipment)
                if (e.state == QStringLiteral("in_progress"))
                    running << QStringLiteral("%1 %2").arg(e.equipment, e.operation);
            return ids(running);
        }));
    r.add(
        blocker(QStringLiteral("handover.checklist_confirmed"),
                QStringLiteral("Every item of the checklist is confirmed present or noted missing"),
                [](const HandoverSheet& sheet, const CheckContext&) {
                    QStringList open;
                    for (const SheetChecklistItem& c : sheet.checklist)
                        if (c.state == QStringLiteral("unconfirmed"))
                            open << c.title.zh;
                    return ids(open);
                }));
    r.add(blocker(QStringLiteral("handover.matters_complete"),
                  QStringLiteral("Every matter on the sheet states its cause, course and result"),
                  [](const HandoverSheet& sheet, const CheckContext&) {
                      QStringList incomplete;
                      for (const SheetMatter& m : sheet.matters)
                          if (!m.complete())
                              incomplete << QStringLiteral("#%1").arg(m.id);
                      return ids(incomplete);
                  }));
    r.add(blocker(
        QStringLiteral("handover.incoming_fit"),
        QStringLiteral("The incoming person is not marked unfit, or a substitute signed in"),
        [](const HandoverSheet& sheet, const CheckContext& ctx) -> QString {
            if (sheet.unfitUserId == 0)
                return {};
            for (const VerifiedSignature& sig : ctx.signatures)
                if (sig.meaning == QStringLiteral("incoming") &&
                    sig.signer.userId == sheet.unfitUserId)
                    return sheet.unfit;
            const bool substitute =
                sheet.incomingUserId != 0 && sheet.incomingUserId != sheet.unfitUserId;
            return substitute ? QString() : sheet.unfit;
        }));
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
