// Front desk (R6): mail register, item custody with approval, phone log and phone bill.
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "util/clock.h"
#include "util/privacy.h"

#include <QRegularExpression>

namespace fd::handover {
namespace {

using P = ParamSpec;

Result<ActionOutcome> receiveMail(ActionContext& ctx) {
    auto id = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO mail_items(kind, addressee, unit, resident_id, sender, "
                       "received_at, received_by_user_id) VALUES (?,?,?,?,?,?,?)"),
        {textParam(ctx.params, "kind"), textParam(ctx.params, "addressee"),
         textParam(ctx.params, "unit"), optionalIdParam(ctx.params, "resident_id"),
         textParam(ctx.params, "sender"), toStorage(ctx.now), ctx.actor.userId});
    if (!id)
        return fail(id.error());
    return ActionOutcome{QStringLiteral("mail_item"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("kind"), textParam(ctx.params, "kind")},
                          {QStringLiteral("addressee"), textParam(ctx.params, "addressee")},
                          {QStringLiteral("unit"), textParam(ctx.params, "unit")}},
                         {{QStringLiteral("mail_id"), *id}}};
}

Result<ActionOutcome> deliverMail(ActionContext& ctx) {
    const qint64 id = idParam(ctx.params, "id");
    auto status = sql::value(ctx.db, QStringLiteral("SELECT status FROM mail_items WHERE id = ?"),
                             {id}, missing(QStringLiteral("id"), "mail item", "邮件", id));
    if (!status)
        return fail(status.error());
    if (status->toString() != QStringLiteral("waiting"))
        return fail(Error::badInput(QStringLiteral("id"),
                                    {QStringLiteral("Mail item %1 was delivered already.").arg(id),
                                     QStringLiteral("邮件 %1 已经派发。").arg(id)}));
    auto q = sql::exec(
        ctx.db,
        QStringLiteral(
            "UPDATE mail_items SET status = 'delivered', delivered_at = ?, "
            "delivered_by_user_id = ?, delivered_to = ?, delivery_method = ? WHERE id = ?"),
        {toStorage(ctx.now), ctx.actor.userId, textParam(ctx.params, "delivered_to"),
         textParam(ctx.params, "method"), id});
    if (!q)
        return fail(q.error());
    return ActionOutcome{QStringLiteral("mail_item"),
                         QString::number(id),
                         {{QStringLiteral("status"), QStringLiteral("waiting")}},
                         {{QStringLiteral("status"), QStringLiteral("delivered")},
                          {QStringLiteral("delivered_to"), textParam(ctx.params, "delivered_to")},
                          {QStringLiteral("method"), textParam(ctx.params, "method")}},
                         {}};
}

// Runs only once approved (the policy's custody rule asks for a supervisor, R6-4).
Result<ActionOutcome> requestCustody(ActionContext& ctx) {
    const QVariant approver = ctx.approval ? QVariant(ctx.approval->approver.userId) : QVariant();
    auto id = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO custody_items(kind, item, depositor, recipient, unit, "
                       "resident_id, requested_by_user_id, keeper_staff_id, approved_by_user_id, "
                       "received_at) VALUES (?,?,?,?,?,?,?,?,?,?)"),
        {textParam(ctx.params, "kind"), textParam(ctx.params, "item"),
         textParam(ctx.params, "depositor"), textParam(ctx.params, "recipient"),
         textParam(ctx.params, "unit"), optionalIdParam(ctx.params, "resident_id"),
         ctx.actor.userId, ctx.actor.staffId, approver, toStorage(ctx.now)});
    if (!id)
        return fail(id.error());
    return ActionOutcome{QStringLiteral("custody_item"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("kind"), textParam(ctx.params, "kind")},
                          {QStringLiteral("item"), textParam(ctx.params, "item")},
                          {QStringLiteral("depositor"), textParam(ctx.params, "depositor")},
                          {QStringLiteral("recipient"), textParam(ctx.params, "recipient")}},
                         {{QStringLiteral("custody_id"), *id}}};
}

Result<ActionOutcome> releaseCustody(ActionContext& ctx) {
    const qint64 id = idParam(ctx.params, "id");
    auto status =
        sql::value(ctx.db, QStringLiteral("SELECT status FROM custody_items WHERE id = ?"), {id},
                   missing(QStringLiteral("id"), "custody item", "寄存物品", id));
    if (!status)
        return fail(status.error());
    if (status->toString() != QStringLiteral("held"))
        return fail(Error::badInput(
            QStringLiteral("id"), {QStringLiteral("Custody item %1 was released already.").arg(id),
                                   QStringLiteral("寄存物品 %1 已经领取。").arg(id)}));
    auto q =
        sql::exec(ctx.db,
                  QStringLiteral("UPDATE custody_items SET status = 'released', released_at = ?, "
                                 "released_to = ?, released_by_user_id = ? WHERE id = ?"),
                  {toStorage(ctx.now), textParam(ctx.params, "released_to"), ctx.actor.userId, id});
    if (!q)
        return fail(q.error());
    return ActionOutcome{QStringLiteral("custody_item"),
                         QString::number(id),
                         {{QStringLiteral("status"), QStringLiteral("held")}},
                         {{QStringLiteral("status"), QStringLiteral("released")},
                          {QStringLiteral("released_to"), textParam(ctx.params, "released_to")}},
                         {}};
}

Result<ActionOutcome> logCall(ActionContext& ctx) {
    const QString phone = textParam(ctx.params, "caller_phone");
    static const QRegularExpression phoneShape(QStringLiteral("^[0-9+\\- ]{3,20}$"));
    if (!phone.isEmpty() && !phoneShape.match(phone).hasMatch())
        return fail(Error::badInput(QStringLiteral("caller_phone"),
                                    {QStringLiteral("Caller's phone (caller_phone): digits only."),
                                     QStringLiteral("「来电号码」只能包含数字。")}));
    auto id = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO phone_calls(taken_at, taken_by_user_id, caller, caller_phone, "
                       "resident_id, subject, follow_up) VALUES (?,?,?,?,?,?,?)"),
        {toStorage(ctx.now), ctx.actor.userId, textParam(ctx.params, "caller"), phone,
         optionalIdParam(ctx.params, "resident_id"), textParam(ctx.params, "subject"),
         textParam(ctx.params, "follow_up")});
    if (!id)
        return fail(id.error());
    // The audit row keeps the number masked (R6-3); the table holds it whole.
    return ActionOutcome{QStringLiteral("phone_call"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("caller"), textParam(ctx.params, "caller")},
                          {QStringLiteral("caller_phone"), maskPhone(phone)},
                          {QStringLiteral("subject"), textParam(ctx.params, "subject")}},
                         {{QStringLiteral("call_id"), *id}}};
}

Result<ActionOutcome> recordBill(ActionContext& ctx) {
    const QString month = textParam(ctx.params, "month");
    static const QRegularExpression monthShape(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])$"));
    if (!monthShape.match(month).hasMatch())
        return fail(
            Error::badInput(QStringLiteral("month"),
                            {QStringLiteral("Month (month): write it as yyyy-MM, e.g. 2026-03."),
                             QStringLiteral("「月份」格式应为 yyyy-MM，例如 2026-03。")}));
    const qint64 amount = idParam(ctx.params, "amount");
    // The quota is the department's, a policy parameter (R6-2): never typed on the bill by
    // the clerk who pays any excess.
    const qint64 quota =
        ctx.services.policy().intParameter(QStringLiteral("phone.monthly_quota_fen"), 20000);
    auto old = sql::exec(
        ctx.db, QStringLiteral("SELECT amount_fen, quota_fen FROM phone_bills WHERE month = ?"),
        {month});
    if (!old)
        return fail(old.error());
    QJsonObject oldValues;
    if (old->next())
        oldValues = {{QStringLiteral("amount_fen"), old->value(0).toLongLong()},
                     {QStringLiteral("quota_fen"), old->value(1).toLongLong()}};
    old->finish();
    auto q = sql::exec(
        ctx.db,
        QStringLiteral("INSERT INTO phone_bills(month, amount_fen, quota_fen, recorded_at, "
                       "recorded_by_user_id) VALUES (?,?,?,?,?) ON CONFLICT(month) DO UPDATE SET "
                       "amount_fen = excluded.amount_fen, quota_fen = excluded.quota_fen, "
                       "recorded_at = excluded.recorded_at, recorded_by_user_id = "
                       "excluded.recorded_by_user_id"),
        {month, amount, quota, toStorage(ctx.now), ctx.actor.userId});
    if (!q)
        return fail(q.error());
    const qint64 excess = std::max<qint64>(0, amount - quota);
    return ActionOutcome{QStringLiteral("phone_bill"),
                         month,
                         oldValues,
                         {{QStringLiteral("amount_fen"), amount},
                          {QStringLiteral("quota_fen"), quota},
                          {QStringLiteral("excess_fen"), excess}},
                         {{QStringLiteral("excess_fen"), excess}}};
}

} // namespace

void registerFrontDeskActions(Services& s) {
    ActionRegistry& r = s.actionRegistry();
    const P resident = param("resident_id", ParamType::Id, false, tx("Resident", "住户"));
    const P unit = param("unit", ParamType::Text, false, tx("Unit", "房号"));
    const P id = param("id", ParamType::Id, true, tx("Record", "记录"));
    r.add({QStringLiteral("mail.receive"),
           tx("Receive mail", "登记信报刊"),
           {param("kind", ParamType::Choice, true, tx("Kind", "类别"),
                  {QStringLiteral("letter"), QStringLiteral("newspaper"),
                   QStringLiteral("periodical"), QStringLiteral("parcel")}),
            param("addressee", ParamType::Text, true, tx("Addressee", "收件人")), unit, resident,
            param("sender", ParamType::Text, false, tx("Sender", "寄件人"))},
           receiveMail});
    r.add({QStringLiteral("mail.deliver"),
           tx("Deliver mail", "派发信报刊"),
           {id, param("delivered_to", ParamType::Text, true, tx("Received by", "签收人")),
            param("method", ParamType::Choice, true, tx("How", "派发方式"),
                  {QStringLiteral("signed"), QStringLiteral("handed"), QStringLiteral("mailbox")})},
           deliverMail});
    r.add({QStringLiteral("custody.request"),
           tx("Take item into custody", "物品寄存/转交"),
           {kit::choice("kind", true, tx("Kind", "类别"),
                        {{"custody", "Custody", "代存"}, {"forwarding", "Forwarding", "转交"}}),
            param("item", ParamType::Text, true, tx("Item", "物品")),
            param("depositor", ParamType::Text, true, tx("Deposited by", "寄存人")),
            param("recipient", ParamType::Text, true, tx("For", "领取人")), unit, resident},
           requestCustody});
    r.add({QStringLiteral("custody.release"),
           tx("Release custody item", "寄存物品领取"),
           {id, param("released_to", ParamType::Text, true, tx("Released to", "领取人"))},
           releaseCustody});
    r.add({QStringLiteral("phone.log_call"),
           tx("Log call", "登记来电"),
           {param("caller", ParamType::Text, true, tx("Caller", "来电人")),
            param("caller_phone", ParamType::Text, false, tx("Caller's phone", "来电号码")),
            resident, param("subject", ParamType::Text, true, tx("Subject", "事由")),
            param("follow_up", ParamType::LongText, false, tx("Follow-up", "跟进"))},
           logCall});
    r.add({QStringLiteral("phone.record_bill"),
           tx("Record phone bill", "登记电话费"),
           {param("month", ParamType::Text, true, tx("Month", "月份")),
            param("amount", ParamType::Money, true, tx("Amount", "金额"))},
           recordBill});

    // Custody items held by a staff member block their leaving (R6-5).
    s.staffOpenItemRegistry().add(kit::staffOpenItems(
        QStringLiteral("handover.custody"), tx("Custody items held", "保管中的寄存物品"),
        QStringLiteral("SELECT id, item FROM custody_items WHERE "
                       "status = 'held' AND keeper_staff_id = ? "
                       "ORDER BY id")));
}

} // namespace fd::handover
