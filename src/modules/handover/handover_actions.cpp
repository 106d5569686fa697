// Shift handover actions (R2, R6-5..R6-8): every change goes through the bus.
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "handover/handover_sheet.h"
#include "module/record_handler.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fd::handover {
namespace {

using P = ParamSpec;

P sheetParam() {
    return param("sheet_id", ParamType::Id, true, tx("Handover sheet", "交接班记录"));
}

Result<HandoverSheet> openSheet(const ActionContext& ctx) {
    auto sheet = loadLiveSheet(ctx.db, idParam(ctx.params, "sheet_id"));
    if (!sheet)
        return fail(sheet.error());
    if (sheet->completed()) // the policy refuses first; this guards a policy without the rule
        return fail(Error::refused(
            QStringLiteral("handover-sheet-immutable"), QStringLiteral("R2-2.3"),
            {QStringLiteral("Handover sheet %1 is completed; add an addendum instead.")
                 .arg(sheet->id),
             QStringLiteral("交接班记录 %1 已完成，只能添加补充说明。").arg(sheet->id)}));
    return sheet;
}

// A handler for a sheet that is still open (the "sheet_id" parameter), given the sheet.
ActionHandler onOpenSheet(Result<ActionOutcome> (*handler)(ActionContext&, const HandoverSheet&)) {
    return kit::onRecord(openSheet, handler);
}

Result<ActionOutcome> openHandover(ActionContext& ctx) {
    const QString post = textParam(ctx.params, "post");
    auto existing = openSheetId(ctx.db, post);
    if (!existing)
        return fail(existing.error());
    if (*existing != 0)
        return fail(Error::badInput(
            QStringLiteral("post"),
            {QStringLiteral("Handover sheet %1 of this post is still open; complete it first.")
                 .arg(*existing),
             QStringLiteral("本岗位的交接班记录 %1 尚未完成，请先完成交接。").arg(*existing)}));
    const ShiftSlot slot = shiftAt(ctx.services.policy(), ctx.now, post);
    auto id =
        insertId(ctx.db,
                 QStringLiteral("INSERT INTO handover_sheets(post, shift, shift_date, opened_at, "
                                "outgoing_user_id) VALUES (?,?,?,?,?)"),
                 {post, slot.shift.code, slot.date.toString(Qt::ISODate), toStorage(ctx.now),
                  ctx.actor.userId});
    if (!id)
        return fail(id.error());
    // The item checklist (R2-1.5, R6-7) is copied from the policy, so a later change of the
    // list does not alter old sheets.
    int position = 0;
    for (const ChecklistItemDef& item : checklistItems(ctx.services.policy())) {
        auto ins =
            sql::exec(ctx.db,
                      QStringLiteral("INSERT INTO handover_checklist(sheet_id, item, title_en, "
                                     "title_zh, position) VALUES (?,?,?,?,?)"),
                      {*id, item.code, item.title.en, item.title.zh, ++position});
        if (!ins)
            return fail(ins.error());
    }
    auto sheet = loadLiveSheet(ctx.db, *id);
    if (!sheet)
        return fail(sheet.error());
    int carried = 0;
    for (const SheetMatter& m : sheet->matters)
        carried += m.carried ? 1 : 0;
    int instructions = 0;
    for (const SheetInstruction& n : sheet->instructions)
        instructions += n.carried ? 1 : 0;
    return ActionOutcome{
        QStringLiteral("handover_sheet"),
        QString::number(*id),
        {},
        {{QStringLiteral("post"), post},
         {QStringLiteral("shift"), slot.shift.code},
         {QStringLiteral("shift_date"), slot.date.toString(Qt::ISODate)},
         {QStringLiteral("carried_matters"), carried},
         {QStringLiteral("carried_instructions"), instructions}},
        {{QStringLiteral("sheet_id"), *id},
         {QStringLiteral("carried_matters"), carried},
         {QStringLiteral("carried_instructions"), instructions},
         {QStringLiteral("undelivered_mail"), static_cast<int>(sheet->mail.size())}}};
}

// Who signed as supervisor to agree to lowering or closing a major matter (R2-2.4 (1)).
QString supervisorSigner(const ActionContext& ctx) {
    const Actor* supervisor = kit::signer(ctx, QStringLiteral("supervisor"));
    return supervisor != nullptr ? supervisor->login : QString();
}

Result<ActionOutcome> addMatter(ActionContext& ctx, const HandoverSheet& sheet) {
    const QString status =
        ctx.params.value(QStringLiteral("status"), QStringLiteral("open")).toString();
    const QString severity =
        ctx.params.value(QStringLiteral("severity"), QStringLiteral("normal")).toString();
    auto id = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO handover_matters(sheet_id, post, cause, course, result, "
                       "severity, status, created_at, created_by_user_id, handled_at, "
                       "handled_sheet_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
        {sheet.id, sheet.post, textParam(ctx.params, "cause"), textParam(ctx.params, "course"),
         textParam(ctx.params, "result"), severity, status, toStorage(ctx.now), ctx.actor.userId,
         status == QStringLiteral("handled") ? QVariant(toStorage(ctx.now)) : QVariant(),
         status == QStringLiteral("handled") ? QVariant(sheet.id) : QVariant()});
    if (!id)
        return fail(id.error());
    return ActionOutcome{QStringLiteral("handover_matter"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("sheet_id"), sheet.id},
                          {QStringLiteral("cause"), textParam(ctx.params, "cause")},
                          {QStringLiteral("course"), textParam(ctx.params, "course")},
                          {QStringLiteral("result"), textParam(ctx.params, "result")},
                          {QStringLiteral("severity"), severity},
                          {QStringLiteral("status"), status},
                          {QStringLiteral("agreed_by"), supervisorSigner(ctx)}},
                         {{QStringLiteral("matter_id"), *id}}};
}

Result<ActionOutcome> updateMatter(ActionContext& ctx, const HandoverSheet& sheet) {
    const qint64 id = idParam(ctx.params, "id");
    const SheetMatter* matter = nullptr;
    for (const SheetMatter& m : sheet.matters)
        if (m.id == id)
            matter = &m;
    if (matter == nullptr)
        return fail(Error::badInput(
            QStringLiteral("id"),
            {QStringLiteral("Matter %1 is not on handover sheet %2.").arg(id).arg(sheet.id),
             QStringLiteral("交接事项 %1 不在交接班记录 %2 上。").arg(id).arg(sheet.id)}));
    QJsonObject oldValues;
    QJsonObject newValues;
    SheetMatter updated = *matter;
    for (const char* field : {"cause", "course", "result", "severity", "status"}) {
        const QString key = QLatin1String(field);
        if (!ctx.params.contains(key))
            continue;
        const QString value = ctx.params.value(key).toString();
        QString* target = key == QStringLiteral("cause")      ? &updated.cause
                          : key == QStringLiteral("course")   ? &updated.course
                          : key == QStringLiteral("result")   ? &updated.result
                          : key == QStringLiteral("severity") ? &updated.severity
                                                              : &updated.status;
        if (*target == value)
            continue;
        oldValues.insert(key, *target);
        newValues.insert(key, value);
        *target = value;
    }
    if (updated.cause.trimmed().isEmpty())
        return fail(
            Error::badInput(QStringLiteral("cause"),
                            {QStringLiteral("The cause of a matter cannot be emptied [R2-1.2]."),
                             QStringLiteral("交接事项的起因不能为空【R2-1.2】。")}));
    const bool handledNow =
        matter->status != QStringLiteral("handled") && updated.status == QStringLiteral("handled");
    const bool reopened =
        matter->status == QStringLiteral("handled") && updated.status == QStringLiteral("open");
    auto q = sql::exec(
        ctx.db,
        QStringLiteral("UPDATE handover_matters SET cause = ?, course = ?, result = ?, "
                       "severity = ?, status = ?, handled_at = CASE WHEN ? = 1 THEN ? WHEN ? = 1 "
                       "THEN NULL ELSE handled_at END, handled_sheet_id = CASE WHEN ? = 1 "
                       "THEN ? WHEN ? = 1 THEN NULL ELSE handled_sheet_id END WHERE id = ?"),
        {updated.cause, updated.course, updated.result, updated.severity, updated.status,
         handledNow, toStorage(ctx.now), reopened, handledNow, sheet.id, reopened, id});
    if (!q)
        return fail(q.error());
    newValues.insert(QStringLiteral("sheet_id"), sheet.id);
    if (const QString by = supervisorSigner(ctx); !by.isEmpty())
        newValues.insert(QStringLiteral("agreed_by"), by);
    return ActionOutcome{
        QStringLiteral("handover_matter"), QString::number(id), oldValues, newValues, {}};
}

Result<ActionOutcome> addInstruction(ActionContext& ctx, const HandoverSheet& sheet) {
    auto id = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO handover_instructions(sheet_id, post, issued_by, text, "
                       "recorded_at) VALUES (?,?,?,?,?)"),
        {sheet.id, sheet.post, textParam(ctx.params, "issued_by"), textParam(ctx.params, "text"),
         toStorage(ctx.now)});
    if (!id)
        return fail(id.error());
    return ActionOutcome{QStringLiteral("handover_instruction"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("sheet_id"), sheet.id},
                          {QStringLiteral("issued_by"), textParam(ctx.params, "issued_by")},
                          {QStringLiteral("text"), textParam(ctx.params, "text")}},
                         {{QStringLiteral("instruction_id"), *id}}};
}

Result<ActionOutcome> acknowledgeInstruction(ActionContext& ctx, const HandoverSheet& sheet) {
    const qint64 id = idParam(ctx.params, "id");
    bool onSheet = false;
    for (const SheetInstruction& n : sheet.instructions)
        onSheet = onSheet || (n.id == id && n.acknowledgedAt.isEmpty());
    if (!onSheet)
        return fail(Error::badInput(
            QStringLiteral("id"),
            {QStringLiteral("Instruction %1 is not waiting on sheet %2.").arg(id).arg(sheet.id),
             QStringLiteral("指示 %1 不在交接班记录 %2 的待确认列表中。").arg(id).arg(sheet.id)}));
    auto q = sql::exec(
        ctx.db,
        QStringLiteral("UPDATE handover_instructions SET acknowledged_at = ?, "
                       "acknowledged_by_user_id = ?, acknowledged_sheet_id = ? WHERE id = ?"),
        {toStorage(ctx.now), ctx.actor.userId, sheet.id, id});
    if (!q)
        return fail(q.error());
    return ActionOutcome{QStringLiteral("handover_instruction"),
                         QString::number(id),
                         {{QStringLiteral("acknowledged_at"), QString()}},
                         {{QStringLiteral("acknowledged_at"), toStorage(ctx.now)},
                          {QStringLiteral("sheet_id"), sheet.id}},
                         {}};
}

// The incoming person confirms the waiting mail face to face (R6-6): what they confirmed
// is recorded by item, so mail received later waits for its own confirmation.
Result<ActionOutcome> confirmMail(ActionContext& ctx, const HandoverSheet& sheet) {
    const Actor* incoming = kit::signer(ctx, QStringLiteral("incoming"));
    if (incoming == nullptr) // the policy asks for the signature first
        return fail(
            Error::badInput(QStringLiteral("sign:incoming"),
                            {QStringLiteral("The incoming person signs for the mail [R6-6]."),
                             QStringLiteral("待派发信报刊须由接班人当面签收确认【R6-6】。")}));
    QJsonArray ids;
    for (const SheetMail& m : sheet.mail)
        ids.append(m.id);
    auto id = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO handover_mail_confirmations(sheet_id, mail_ids, "
                       "confirmed_by_user_id, handed_by_user_id, confirmed_at) VALUES (?,?,?,?,?)"),
        {sheet.id, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)),
         incoming->userId, ctx.actor.userId, toStorage(ctx.now)});
    if (!id)
        return fail(id.error());
    return ActionOutcome{QStringLiteral("handover_mail_confirmation"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("sheet_id"), sheet.id},
                          {QStringLiteral("mail_confirmed"), ids},
                          {QStringLiteral("confirmed_by"), incoming->login},
                          {QStringLiteral("handed_by"), ctx.actor.login}},
                         {{QStringLiteral("confirmed_mail"), static_cast<int>(ids.size())}}};
}

Result<ActionOutcome> confirmItem(ActionContext& ctx, const HandoverSheet& sheet) {
    const QString item = textParam(ctx.params, "item");
    const QString state = textParam(ctx.params, "state");
    const QString note = textParam(ctx.params, "note");
    const SheetChecklistItem* found = nullptr;
    for (const SheetChecklistItem& c : sheet.checklist)
        if (c.item == item)
            found = &c;
    if (found == nullptr) {
        QStringList known;
        for (const SheetChecklistItem& c : sheet.checklist)
            known << c.item;
        return fail(Error::badInput(QStringLiteral("item"),
                                    {QStringLiteral("%1 is not on the checklist (%2).")
                                         .arg(item, known.join(QStringLiteral(", "))),
                                     QStringLiteral("「%1」不在交接物品清单中（%2）。")
                                         .arg(item, known.join(QStringLiteral("、")))}));
    }
    if (state == QStringLiteral("missing") && note.trimmed().isEmpty())
        return fail(
            Error::badInput(QStringLiteral("note"),
                            {QStringLiteral("Note (note): say what is missing [R2-1.5]."),
                             QStringLiteral("「备注」物品缺失时必须注明情况【R2-1.5】。")}));
    // Checked face to face: the incoming person's signature names who checked (R6-7).
    const Actor* incoming = kit::signer(ctx, QStringLiteral("incoming"));
    const qint64 checkedBy = incoming != nullptr ? incoming->userId : ctx.actor.userId;
    auto q =
        sql::exec(ctx.db,
                  QStringLiteral(
                      "UPDATE handover_checklist SET state = ?, note = ?, "
                      "confirmed_by_user_id = ?, confirmed_at = ? WHERE sheet_id = ? AND item = ?"),
                  {state, note, checkedBy, toStorage(ctx.now), sheet.id, item});
    if (!q)
        return fail(q.error());
    QJsonObject now{{QStringLiteral("item"), item},
                    {QStringLiteral("state"), state},
                    {QStringLiteral("note"), note}};
    if (incoming != nullptr)
        now.insert(QStringLiteral("checked_by"), incoming->login);
    now.insert(QStringLiteral("sheet_id"), sheet.id);
    // Its own record, so the incoming person's signature stays off the sheet's two.
    return ActionOutcome{QStringLiteral("handover_checklist_item"),
                         QStringLiteral("%1/%2").arg(sheet.id).arg(item),
                         {{QStringLiteral("item"), item}, {QStringLiteral("state"), found->state}},
                         now,
                         {}};
}

Result<ActionOutcome> recordEquipment(ActionContext& ctx, const HandoverSheet& sheet) {
    const QString equipment = textParam(ctx.params, "equipment");
    const QString operation = textParam(ctx.params, "operation");
    const QString state = textParam(ctx.params, "state");
    qint64 running = 0;
    for (const SheetEquipmentOperation& e : sheet.equipment)
        if (e.equipment == equipment && e.operation == operation &&
            e.state == QStringLiteral("in_progress"))
            running = e.id;
    qint64 id = running;
    if (state == QStringLiteral("completed") && running != 0) {
        auto q = sql::exec(ctx.db,
                           QStringLiteral("UPDATE handover_equipment_ops SET state = 'completed', "
                                          "finished_at = ? WHERE id = ?"),
                           {toStorage(ctx.now), running});
        if (!q)
            return fail(q.error());
    } else {
        if (state == QStringLiteral("in_progress") && running != 0)
            return fail(Error::badInput(
                QStringLiteral("equipment"),
                {QStringLiteral("The %1 of %2 is recorded as in progress already.")
                     .arg(operation, equipment),
                 QStringLiteral("%1 的%2操作已登记为进行中。").arg(equipment, operation)}));
        auto ins = insertId(
            ctx.db,
            QStringLiteral(
                "INSERT INTO handover_equipment_ops(sheet_id, equipment, operation, "
                "state, started_at, finished_at, recorded_by_user_id) VALUES (?,?,?,?,?,?,?)"),
            {sheet.id, equipment, operation, state, toStorage(ctx.now),
             state == QStringLiteral("completed") ? QVariant(toStorage(ctx.now)) : QVariant(),
             ctx.actor.userId});
        if (!ins)
            return fail(ins.error());
        id = *ins;
    }
    return ActionOutcome{QStringLiteral("handover_equipment_op"),
                         QString::number(id),
                         {},
                         {{QStringLiteral("sheet_id"), sheet.id},
                          {QStringLiteral("equipment"), equipment},
                          {QStringLiteral("operation"), operation},
                          {QStringLiteral("state"), state}},
                         {{QStringLiteral("operation_id"), id}}};
}

Result<UserRecord> userParam(const ActionContext& ctx, const char* field) {
    const QString login = textParam(ctx.params, field);
    auto u = ctx.services.users().find(login);
    if (!u)
        return fail(kit::bad(QLatin1String(field),
                             QStringLiteral("No user with the login %1.").arg(login),
                             QStringLiteral("没有登录名为 %1 的用户。").arg(login)));
    return u;
}

Result<ActionOutcome> markUnfit(ActionContext& ctx, const HandoverSheet& sheet) {
    auto u = userParam(ctx, "login");
    if (!u)
        return fail(u.error());
    const QString condition = textParam(ctx.params, "condition");
    // The unfit person cannot stay the signed-in incoming person.
    auto q = sql::exec(
        ctx.db,
        QStringLiteral("UPDATE handover_sheets SET unfit_user_id = ?, unfit_condition = ?, "
                       "incoming_user_id = CASE WHEN incoming_user_id = ? THEN NULL "
                       "ELSE incoming_user_id END WHERE id = ?"),
        {u->id, condition, u->id, sheet.id});
    if (!q)
        return fail(q.error());
    return ActionOutcome{
        QStringLiteral("handover_sheet"),
        QString::number(sheet.id),
        {{QStringLiteral("unfit"), sheet.unfit}},
        {{QStringLiteral("unfit"), u->login}, {QStringLiteral("condition"), condition}},
        {}};
}

Result<ActionOutcome> signInIncoming(ActionContext& ctx, const HandoverSheet& sheet) {
    auto u = userParam(ctx, "login");
    if (!u)
        return fail(u.error());
    if (u->id == sheet.unfitUserId)
        return fail(Error::refused(
            QStringLiteral("handover-blocked-incoming-unfit"), QStringLiteral("R2-2.4"),
            {QStringLiteral("%1 is marked unfit to take over; a substitute must sign in [R2-2.4].")
                 .arg(u->displayName),
             QStringLiteral("%1 已被登记为不宜接班，须由替班人员签到【R2-2.4】。")
                 .arg(u->displayName)}));
    if (u->id == sheet.outgoingUserId)
        return fail(Error::badInput(
            QStringLiteral("login"),
            {QStringLiteral("The outgoing person cannot take over their own shift [R2-2.3]."),
             QStringLiteral("交班人不能作为接班人【R2-2.3】。")}));
    auto q = sql::exec(
        ctx.db, QStringLiteral("UPDATE handover_sheets SET incoming_user_id = ? WHERE id = ?"),
        {u->id, sheet.id});
    if (!q)
        return fail(q.error());
    return ActionOutcome{QStringLiteral("handover_sheet"),
                         QString::number(sheet.id),
                         {{QStringLiteral("incoming"), sheet.incoming}},
                         {{QStringLiteral("incoming"), u->login}},
                         {}};
}

Result<ActionOutcome> completeHandover(ActionContext& ctx, const HandoverSheet& sheet) {
    qint64 outgoing = sheet.outgoingUserId;
    qint64 incoming = sheet.incomingUserId;
    for (const VerifiedSignature& sig : ctx.signatures) {
        if (sig.meaning == QStringLiteral("outgoing"))
            outgoing = sig.signer.userId;
        else if (sig.meaning == QStringLiteral("incoming"))
            incoming = sig.signer.userId;
    }
    if (incoming == 0 || incoming == outgoing)
        return fail(Error::badInput(
            QStringLiteral("sign:incoming"),
            {QStringLiteral(
                 "The incoming person must sign, and differ from the outgoing person [R2-2.3]."),
             QStringLiteral("接班人必须签名，且不能与交班人为同一人【R2-2.3】。")}));
    // Freeze the content first, then mark the sheet completed: the trigger refuses any
    // later change of the row.
    auto live = loadLiveSheet(ctx.db, sheet.id);
    if (!live)
        return fail(live.error());
    live->status = QStringLiteral("completed");
    live->completedAt = toStorage(ctx.now);
    live->outgoingUserId = outgoing;
    live->outgoing = userName(ctx.db, outgoing);
    live->incomingUserId = incoming;
    live->incoming = userName(ctx.db, incoming);
    const QByteArray content = canonicalContent(*live);
    auto q = sql::exec(
        ctx.db,
        QStringLiteral("UPDATE handover_sheets SET status = 'completed', completed_at = ?, "
                       "outgoing_user_id = ?, incoming_user_id = ?, content = ? WHERE id = ?"),
        {toStorage(ctx.now), outgoing, incoming, QString::fromUtf8(content), sheet.id});
    if (!q)
        return fail(q.error());
    int open = 0;
    for (const SheetMatter& m : live->matters)
        open += m.status == QStringLiteral("open") ? 1 : 0;
    return ActionOutcome{QStringLiteral("handover_sheet"),
                         QString::number(sheet.id),
                         {{QStringLiteral("status"), QStringLiteral("open")}},
                         {{QStringLiteral("status"), QStringLiteral("completed")},
                          {QStringLiteral("outgoing"), live->outgoing},
                          {QStringLiteral("incoming"), live->incoming},
                          {QStringLiteral("open_matters_carried"), open},
                          {QStringLiteral("exceptions"), static_cast<int>(live->overrides.size())}},
                         {{QStringLiteral("sheet_id"), sheet.id}}};
}

// A supervisor's signed exception (特批), where the policy allows one (R2-2.4): it records
// the blockers present now, by item, and lifts only those.
Result<ActionOutcome> overrideHandover(ActionContext& ctx, const HandoverSheet& sheet) {
    auto lifted = liftableBlockersNow(ctx, sheet);
    if (!lifted)
        return fail(lifted.error());
    QJsonArray items;
    for (const LiftedBlocker& b : *lifted)
        items.append(QJsonObject{{QStringLiteral("rule"), b.rule},
                                 {QStringLiteral("check"), b.check},
                                 {QStringLiteral("key"), b.key},
                                 {QStringLiteral("label"), b.label}});
    const QString reason = ctx.reason.trimmed();
    auto id = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO handover_overrides(sheet_id, approved_by_user_id, reason, "
                       "signed_at, lifted) VALUES (?,?,?,?,?)"),
        {sheet.id, ctx.actor.userId, reason, toStorage(ctx.now),
         QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact))});
    if (!id)
        return fail(id.error());
    return ActionOutcome{QStringLiteral("handover_override"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("sheet_id"), sheet.id},
                          {QStringLiteral("reason"), reason},
                          {QStringLiteral("approved_by"), ctx.actor.login},
                          {QStringLiteral("lifted"), items}},
                         {{QStringLiteral("override_id"), *id},
                          {QStringLiteral("lifted"), static_cast<int>(items.size())}}};
}

// Going off shift (R6-5): the policy refuses it while the person's own sheet is open after
// its shift ended. The record is the audit row.
Result<ActionOutcome> signOut(ActionContext& ctx) {
    return ActionOutcome{QStringLiteral("user"),
                         QString::number(ctx.actor.userId),
                         {},
                         {{QStringLiteral("signed_out_at"), toStorage(ctx.now)}},
                         {}};
}

// A supervisor signs out a person who has left without handing over, with a reason.
Result<ActionOutcome> signOutPerson(ActionContext& ctx) {
    auto u = userParam(ctx, "login");
    if (!u)
        return fail(u.error());
    auto open = openSheetsPastShift(ctx.db, ctx.services.policy(), ctx.now, 0, u->id);
    if (!open)
        return fail(open.error());
    QJsonArray sheets;
    for (const HandoverSheet& s : *open)
        sheets.append(s.id);
    return ActionOutcome{QStringLiteral("user"),
                         QString::number(u->id),
                         {},
                         {{QStringLiteral("signed_out"), u->login},
                          {QStringLiteral("signed_out_at"), toStorage(ctx.now)},
                          {QStringLiteral("open_sheets"), sheets}},
                         {{QStringLiteral("open_sheets"), sheets}}};
}

Result<ActionOutcome> addAddendum(ActionContext& ctx) {
    const qint64 sheetId = idParam(ctx.params, "sheet_id");
    auto sheet = loadSheet(ctx.db, sheetId);
    if (!sheet)
        return fail(sheet.error());
    auto id = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO handover_addenda(sheet_id, text, added_at, added_by_user_id) "
                       "VALUES (?,?,?,?)"),
        {sheetId, textParam(ctx.params, "text"), toStorage(ctx.now), ctx.actor.userId});
    if (!id)
        return fail(id.error());
    return ActionOutcome{QStringLiteral("handover_addendum"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("sheet_id"), sheetId},
                          {QStringLiteral("text"), textParam(ctx.params, "text")}},
                         {{QStringLiteral("addendum_id"), *id}}};
}

} // namespace

void registerHandoverActions(Services& s) {
    ActionRegistry& r = s.actionRegistry();
    QStringList postCodes;
    for (const PostDef& p : posts(s.policy()))
        postCodes << p.code;
    const P severity =
        param("severity", ParamType::Choice, false, tx("Severity", "性质"),
              {QStringLiteral("normal"), QStringLiteral("major"), QStringLiteral("emergency")});
    const P status = param("status", ParamType::Choice, false, tx("Status", "状态"),
                           {QStringLiteral("open"), QStringLiteral("handled")});
    P cause = param("cause", ParamType::LongText, true, tx("Cause", "起因"));
    P course = param("course", ParamType::LongText, false, tx("Course", "经过"));
    P result = param("result", ParamType::LongText, false, tx("Result", "结果"));
    const P login = param("login", ParamType::Text, true, tx("Person (login)", "人员（登录名）"));

    r.add({QStringLiteral("handover.open"),
           tx("Open handover sheet", "开始交接班"),
           {param("post", ParamType::Choice, true, tx("Post", "岗位"), postCodes)},
           openHandover});
    r.add({QStringLiteral("handover.add_matter"),
           tx("Add handover matter", "登记交接事项"),
           {sheetParam(), cause, course, result, severity, status},
           onOpenSheet(addMatter)});
    P causeOpt = cause;
    causeOpt.required = false;
    // An emptied course or result clears it; the cause cannot be emptied (R2-1.2).
    r.add({QStringLiteral("handover.update_matter"),
           tx("Update handover matter", "更新交接事项"),
           {sheetParam(), param("id", ParamType::Id, true, tx("Matter", "交接事项")),
            whenEmpty(causeOpt, WhenEmpty::Refuse), whenEmpty(course, WhenEmpty::Clear),
            whenEmpty(result, WhenEmpty::Clear), severity, status},
           onOpenSheet(updateMatter)});
    r.add({QStringLiteral("handover.add_instruction"),
           tx("Record instruction", "登记上级指示"),
           {sheetParam(), param("issued_by", ParamType::Text, true, tx("Issued by", "指示人")),
            param("text", ParamType::LongText, true, tx("Instruction", "指示内容"))},
           onOpenSheet(addInstruction)});
    r.add({QStringLiteral("handover.acknowledge_instruction"),
           tx("Acknowledge instruction", "确认上级指示"),
           {sheetParam(), param("id", ParamType::Id, true, tx("Instruction", "指示"))},
           onOpenSheet(acknowledgeInstruction)});
    r.add({QStringLiteral("handover.confirm_item"),
           tx("Confirm handover item", "清点交接物品"),
           {sheetParam(), param("item", ParamType::Text, true, tx("Item", "物品")),
            param("state", ParamType::Choice, true, tx("State", "清点结果"),
                  {QStringLiteral("present"), QStringLiteral("missing")}),
            param("note", ParamType::Text, false, tx("Note", "备注"))},
           onOpenSheet(confirmItem)});
    r.add({QStringLiteral("handover.record_equipment_operation"),
           tx("Record equipment start/stop", "登记设备启停"),
           {sheetParam(), param("equipment", ParamType::Text, true, tx("Equipment", "设备")),
            param("operation", ParamType::Choice, true, tx("Operation", "操作"),
                  {QStringLiteral("start"), QStringLiteral("stop")}),
            param("state", ParamType::Choice, true, tx("State", "状态"),
                  {QStringLiteral("in_progress"), QStringLiteral("completed")})},
           onOpenSheet(recordEquipment)});
    r.add({QStringLiteral("handover.mark_unfit"),
           tx("Mark incoming person unfit", "登记接班人不宜接班"),
           {sheetParam(), login,
            param("condition", ParamType::Choice, true, tx("Condition", "情形"),
                  {QStringLiteral("drinking"), QStringLiteral("not_lucid")})},
           onOpenSheet(markUnfit)});
    r.add({QStringLiteral("handover.sign_in_incoming"),
           tx("Incoming person signs in", "接班人签到"),
           {sheetParam(), login},
           onOpenSheet(signInIncoming)});
    r.add({QStringLiteral("handover.complete"),
           tx("Complete handover", "完成交接班"),
           {sheetParam()},
           onOpenSheet(completeHandover)});
    r.add({QStringLiteral("handover.override"),
           tx("Supervisor exception (特批)", "主管特批交接"),
           {sheetParam()},
           onOpenSheet(overrideHandover)});
    r.add({QStringLiteral("handover.confirm_mail"),
           tx("Incoming person confirms the waiting mail", "接班人确认待派发信报刊"),
           {sheetParam()},
           onOpenSheet(confirmMail)});
    r.add({QStringLiteral("handover.sign_out"),
           tx("Sign out at the end of the shift", "下班签退"),
           {},
           signOut});
    r.add({QStringLiteral("handover.sign_out_person"),
           tx("Sign out a person who has left", "代为签退已离岗人员"),
           {login},
           signOutPerson});
    r.add({QStringLiteral("handover.add_addendum"),
           tx("Add addendum", "添加补充说明"),
           {sheetParam(), param("text", ParamType::LongText, true, tx("Addendum", "补充说明"))},
           addAddendum});

    s.signatureBook().registerContent(
        QStringLiteral("handover_sheet"),
        [](const QSqlDatabase& db, const QString& id) -> Result<QByteArray> {
            // A completed sheet's signed content is the text frozen at completion, as
            // stored: sheets frozen by an earlier version keep their signatures valid.
            auto frozen = sql::scalar(db,
                                      QStringLiteral("SELECT content FROM handover_sheets WHERE "
                                                     "id = ? AND status = 'completed'"),
                                      {id.toLongLong()});
            if (!frozen)
                return fail(frozen.error());
            if (frozen->isValid() && !frozen->toString().isEmpty())
                return frozen->toString().toUtf8();
            auto sheet = loadSheet(db, id.toLongLong());
            if (!sheet)
                return fail(sheet.error());
            return canonicalContent(*sheet);
        });
}

} // namespace fd::handover
