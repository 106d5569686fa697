#include "handover/handover_sheet.h"

#include "db/sql.h"
#include "module/toolkit.h"
#include "rules/policy.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fd::handover {
namespace {

Text textOf(const QJsonObject& o, const QString& fallback) {
    return {o.value(QStringLiteral("en")).toString(fallback),
            o.value(QStringLiteral("zh")).toString(fallback)};
}

QString str(const QSqlQuery& q, int i) {
    return q.value(i).toString();
}

// Open sheets read the tables; a completed sheet's signed content lives in `content`.
Result<HandoverSheet> readHeader(const QSqlDatabase& db, qint64 id) {
    auto q = sql::one(
        db,
        QStringLiteral(
            "SELECT s.id, s.post, s.shift, s.shift_date, s.opened_at, s.status, "
            "s.outgoing_user_id, coalesce(o.display_name, ''), coalesce(s.incoming_user_id, 0), "
            "coalesce(i.display_name, ''), coalesce(s.unfit_user_id, 0), "
            "coalesce(u.display_name, ''), s.unfit_condition, coalesce(v.display_name, ''), "
            "s.override_reason, coalesce(s.override_at, ''), coalesce(s.completed_at, '') "
            "FROM handover_sheets s JOIN users o ON o.id = s.outgoing_user_id "
            "LEFT JOIN users i ON i.id = s.incoming_user_id "
            "LEFT JOIN users u ON u.id = s.unfit_user_id "
            "LEFT JOIN users v ON v.id = s.override_by_user_id WHERE s.id = ?"),
        {id}, kit::missing(QStringLiteral("sheet_id"), "handover sheet", "交接班记录", id));
    if (!q)
        return fail(q.error());
    HandoverSheet s;
    s.id = q->value(0).toLongLong();
    s.post = str(*q, 1);
    s.shift = str(*q, 2);
    s.shiftDate = str(*q, 3);
    s.openedAt = str(*q, 4);
    s.status = str(*q, 5);
    s.outgoingUserId = q->value(6).toLongLong();
    s.outgoing = str(*q, 7);
    s.incomingUserId = q->value(8).toLongLong();
    s.incoming = str(*q, 9);
    s.unfitUserId = q->value(10).toLongLong();
    s.unfit = str(*q, 11);
    s.unfitCondition = str(*q, 12);
    s.overrideBy = str(*q, 13);
    s.overrideReason = str(*q, 14);
    s.overrideAt = str(*q, 15);
    s.completedAt = str(*q, 16);
    return s;
}

Status readMatters(const QSqlDatabase& db, HandoverSheet& s) {
    // Three index-driven parts: raised here, open from earlier sheets of the post
    // (R2-1.3), handled here.
    auto q = sql::exec(
        db,
        QStringLiteral(
            "SELECT id, sheet_id, cause, course, result, severity, status, created_at "
            "FROM handover_matters WHERE sheet_id = ? "
            "UNION SELECT id, sheet_id, cause, course, result, severity, status, created_at "
            "FROM handover_matters WHERE post = ? AND status = 'open' AND sheet_id < ? "
            "UNION SELECT id, sheet_id, cause, course, result, severity, status, created_at "
            "FROM handover_matters WHERE handled_sheet_id = ? ORDER BY 1"),
        {s.id, s.post, s.id, s.id});
    if (!q)
        return fail(q.error());
    while (q->next()) {
        SheetMatter m;
        m.id = q->value(0).toLongLong();
        m.sheetId = q->value(1).toLongLong();
        m.carried = m.sheetId != s.id;
        m.cause = str(*q, 2);
        m.course = str(*q, 3);
        m.result = str(*q, 4);
        m.severity = str(*q, 5);
        m.status = str(*q, 6);
        m.createdAt = str(*q, 7);
        s.matters.push_back(m);
    }
    return {};
}

Status readInstructions(const QSqlDatabase& db, HandoverSheet& s) {
    auto q = sql::exec(
        db,
        QStringLiteral(
            "SELECT n.id, n.sheet_id, n.issued_by, n.text, n.recorded_at, "
            "coalesce(n.acknowledged_at, ''), coalesce(u.display_name, '') "
            "FROM handover_instructions n LEFT JOIN users u ON u.id = n.acknowledged_by_user_id "
            "WHERE n.id IN (SELECT id FROM handover_instructions WHERE sheet_id = ? "
            "UNION SELECT id FROM handover_instructions WHERE post = ? AND acknowledged_at IS NULL "
            "AND sheet_id < ? "
            "UNION SELECT id FROM handover_instructions WHERE acknowledged_sheet_id = ?) "
            "ORDER BY n.id"),
        {s.id, s.post, s.id, s.id});
    if (!q)
        return fail(q.error());
    while (q->next()) {
        SheetInstruction n;
        n.id = q->value(0).toLongLong();
        n.carried = q->value(1).toLongLong() != s.id;
        n.issuedBy = str(*q, 2);
        n.text = str(*q, 3);
        n.recordedAt = str(*q, 4);
        n.acknowledgedAt = str(*q, 5);
        n.acknowledgedBy = str(*q, 6);
        s.instructions.push_back(n);
    }
    return {};
}

Status readChecklist(const QSqlDatabase& db, HandoverSheet& s) {
    auto q = sql::exec(db,
                       QStringLiteral("SELECT c.item, c.title_en, c.title_zh, c.state, c.note, "
                                      "coalesce(u.display_name, ''), coalesce(c.confirmed_at, ''), "
                                      "coalesce(c.confirmed_by_user_id, 0) "
                                      "FROM handover_checklist c LEFT JOIN users u "
                                      "ON u.id = c.confirmed_by_user_id WHERE c.sheet_id = ? "
                                      "ORDER BY c.position"),
                       {s.id});
    if (!q)
        return fail(q.error());
    while (q->next())
        s.checklist.push_back({str(*q, 0),
                               {str(*q, 1), str(*q, 2)},
                               str(*q, 3),
                               str(*q, 4),
                               str(*q, 5),
                               str(*q, 6),
                               q->value(7).toLongLong()});
    return {};
}

QJsonArray liftedJson(const QList<LiftedBlocker>& lifted) {
    QJsonArray out;
    for (const LiftedBlocker& b : lifted)
        out.append(QJsonObject{{QStringLiteral("rule"), b.rule},
                               {QStringLiteral("check"), b.check},
                               {QStringLiteral("key"), b.key},
                               {QStringLiteral("label"), b.label}});
    return out;
}

QList<LiftedBlocker> liftedFromJson(const QJsonArray& list) {
    QList<LiftedBlocker> out;
    for (const auto& v : list) {
        const QJsonObject o = v.toObject();
        out.push_back({o.value(QStringLiteral("rule")).toString(),
                       o.value(QStringLiteral("check")).toString(),
                       o.value(QStringLiteral("key")).toString(),
                       o.value(QStringLiteral("label")).toString()});
    }
    return out;
}

Status readOverrides(const QSqlDatabase& db, HandoverSheet& s) {
    auto q =
        sql::exec(db,
                  QStringLiteral("SELECT o.id, u.display_name, o.reason, o.signed_at, o.lifted "
                                 "FROM handover_overrides o JOIN users u "
                                 "ON u.id = o.approved_by_user_id WHERE o.sheet_id = ? "
                                 "ORDER BY o.id"),
                  {s.id});
    if (!q)
        return fail(q.error());
    while (q->next())
        s.overrides.push_back(
            {q->value(0).toLongLong(), str(*q, 1), str(*q, 2), str(*q, 3),
             liftedFromJson(QJsonDocument::fromJson(q->value(4).toByteArray()).array())});
    return {};
}

Status readMailConfirmation(const QSqlDatabase& db, HandoverSheet& s) {
    auto q = sql::exec(db,
                       QStringLiteral("SELECT c.mail_ids, c.confirmed_by_user_id, u.display_name, "
                                      "c.confirmed_at FROM handover_mail_confirmations c "
                                      "JOIN users u ON u.id = c.confirmed_by_user_id "
                                      "WHERE c.sheet_id = ? ORDER BY c.id DESC LIMIT 1"),
                       {s.id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return {};
    for (const auto& v : QJsonDocument::fromJson(q->value(0).toByteArray()).array())
        s.mailConfirmedIds << v.toInteger();
    s.mailConfirmedByUserId = q->value(1).toLongLong();
    s.mailConfirmedBy = str(*q, 2);
    s.mailConfirmedAt = str(*q, 3);
    return {};
}

Status readEquipment(const QSqlDatabase& db, HandoverSheet& s) {
    auto q = sql::exec(db,
                       QStringLiteral("SELECT id, equipment, operation, state, started_at, "
                                      "coalesce(finished_at, '') FROM handover_equipment_ops "
                                      "WHERE sheet_id = ? ORDER BY id"),
                       {s.id});
    if (!q)
        return fail(q.error());
    while (q->next())
        s.equipment.push_back(
            {q->value(0).toLongLong(), str(*q, 1), str(*q, 2), str(*q, 3), str(*q, 4), str(*q, 5)});
    return {};
}

Status readMail(const QSqlDatabase& db, HandoverSheet& s) {
    if (s.post != QStringLiteral("front_desk"))
        return {};
    auto q = sql::exec(
        db, QStringLiteral("SELECT id, kind, addressee, unit, received_at FROM mail_items "
                           "WHERE status = 'waiting' ORDER BY received_at, id"));
    if (!q)
        return fail(q.error());
    while (q->next())
        s.mail.push_back(
            {q->value(0).toLongLong(), str(*q, 1), str(*q, 2), str(*q, 3), str(*q, 4)});
    return {};
}

Status readAddenda(const QSqlDatabase& db, HandoverSheet& s) {
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT a.id, a.text, a.added_at, u.display_name "
                       "FROM handover_addenda a JOIN users u ON u.id = a.added_by_user_id "
                       "WHERE a.sheet_id = ? ORDER BY a.id"),
        {s.id});
    if (!q)
        return fail(q.error());
    while (q->next())
        s.addenda.push_back({q->value(0).toLongLong(), str(*q, 1), str(*q, 2), str(*q, 3)});
    return {};
}

QJsonObject toJson(const HandoverSheet& s) {
    QJsonArray matters;
    for (const SheetMatter& m : s.matters)
        matters.append(QJsonObject{{QStringLiteral("id"), m.id},
                                   {QStringLiteral("sheet_id"), m.sheetId},
                                   {QStringLiteral("carried"), m.carried},
                                   {QStringLiteral("cause"), m.cause},
                                   {QStringLiteral("course"), m.course},
                                   {QStringLiteral("result"), m.result},
                                   {QStringLiteral("severity"), m.severity},
                                   {QStringLiteral("status"), m.status},
                                   {QStringLiteral("created_at"), m.createdAt}});
    QJsonArray instructions;
    for (const SheetInstruction& n : s.instructions)
        instructions.append(QJsonObject{{QStringLiteral("id"), n.id},
                                        {QStringLiteral("carried"), n.carried},
                                        {QStringLiteral("issued_by"), n.issuedBy},
                                        {QStringLiteral("text"), n.text},
                                        {QStringLiteral("recorded_at"), n.recordedAt},
                                        {QStringLiteral("acknowledged_at"), n.acknowledgedAt},
                                        {QStringLiteral("acknowledged_by"), n.acknowledgedBy}});
    QJsonArray checklist;
    for (const SheetChecklistItem& c : s.checklist)
        checklist.append(
            QJsonObject{{QStringLiteral("item"), c.item},
                        {QStringLiteral("title_en"), c.title.en},
                        {QStringLiteral("title_zh"), c.title.zh},
                        {QStringLiteral("state"), c.state},
                        {QStringLiteral("note"), c.note},
                        {QStringLiteral("confirmed_by"), c.confirmedBy},
                        {QStringLiteral("confirmed_at"), c.confirmedAt},
                        {QStringLiteral("confirmed_by_user_id"), c.confirmedByUserId}});
    QJsonArray equipment;
    for (const SheetEquipmentOperation& e : s.equipment)
        equipment.append(QJsonObject{{QStringLiteral("id"), e.id},
                                     {QStringLiteral("equipment"), e.equipment},
                                     {QStringLiteral("operation"), e.operation},
                                     {QStringLiteral("state"), e.state},
                                     {QStringLiteral("started_at"), e.startedAt},
                                     {QStringLiteral("finished_at"), e.finishedAt}});
    QJsonArray mail;
    for (const SheetMail& m : s.mail)
        mail.append(QJsonObject{{QStringLiteral("id"), m.id},
                                {QStringLiteral("kind"), m.kind},
                                {QStringLiteral("addressee"), m.addressee},
                                {QStringLiteral("unit"), m.unit},
                                {QStringLiteral("received_at"), m.receivedAt}});
    QJsonArray overrides;
    for (const SheetOverride& o : s.overrides)
        overrides.append(QJsonObject{{QStringLiteral("id"), o.id},
                                     {QStringLiteral("approved_by"), o.approvedBy},
                                     {QStringLiteral("reason"), o.reason},
                                     {QStringLiteral("signed_at"), o.signedAt},
                                     {QStringLiteral("lifted"), liftedJson(o.lifted)}});
    QJsonArray confirmedMail;
    for (qint64 id : s.mailConfirmedIds)
        confirmedMail.append(id);
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("post"), s.post},
        {QStringLiteral("shift"), s.shift},
        {QStringLiteral("shift_date"), s.shiftDate},
        {QStringLiteral("opened_at"), s.openedAt},
        {QStringLiteral("status"), s.status},
        {QStringLiteral("outgoing_user_id"), s.outgoingUserId},
        {QStringLiteral("outgoing"), s.outgoing},
        {QStringLiteral("incoming_user_id"), s.incomingUserId},
        {QStringLiteral("incoming"), s.incoming},
        {QStringLiteral("unfit_user_id"), s.unfitUserId},
        {QStringLiteral("unfit"), s.unfit},
        {QStringLiteral("unfit_condition"), s.unfitCondition},
        {QStringLiteral("override_by"), s.overrideBy},
        {QStringLiteral("override_reason"), s.overrideReason},
        {QStringLiteral("override_at"), s.overrideAt},
        {QStringLiteral("completed_at"), s.completedAt},
        {QStringLiteral("matters"), matters},
        {QStringLiteral("instructions"), instructions},
        {QStringLiteral("checklist"), checklist},
        {QStringLiteral("equipment"), equipment},
        {QStringLiteral("mail"), mail},
        {QStringLiteral("overrides"), overrides},
        {QStringLiteral("mail_confirmed_ids"), confirmedMail},
        {QStringLiteral("mail_confirmed_by_user_id"), s.mailConfirmedByUserId},
        {QStringLiteral("mail_confirmed_by"), s.mailConfirmedBy},
        {QStringLiteral("mail_confirmed_at"), s.mailConfirmedAt},
        {QStringLiteral("public_repairs"), QJsonArray::fromStringList(s.publicRepairs)}};
}

HandoverSheet fromJson(const QJsonObject& o) {
    auto s_ = [&o](const char* k) { return o.value(QLatin1String(k)).toString(); };
    auto i_ = [&o](const char* k) { return o.value(QLatin1String(k)).toInteger(); };
    HandoverSheet s;
    s.id = i_("id");
    s.post = s_("post");
    s.shift = s_("shift");
    s.shiftDate = s_("shift_date");
    s.openedAt = s_("opened_at");
    s.status = s_("status");
    s.outgoingUserId = i_("outgoing_user_id");
    s.outgoing = s_("outgoing");
    s.incomingUserId = i_("incoming_user_id");
    s.incoming = s_("incoming");
    s.unfitUserId = i_("unfit_user_id");
    s.unfit = s_("unfit");
    s.unfitCondition = s_("unfit_condition");
    s.overrideBy = s_("override_by");
    s.overrideReason = s_("override_reason");
    s.overrideAt = s_("override_at");
    s.completedAt = s_("completed_at");
    for (const auto& v : o.value(QStringLiteral("matters")).toArray()) {
        const QJsonObject m = v.toObject();
        s.matters.push_back({m.value(QStringLiteral("id")).toInteger(),
                             m.value(QStringLiteral("sheet_id")).toInteger(),
                             m.value(QStringLiteral("carried")).toBool(),
                             m.value(QStringLiteral("cause")).toString(),
                             m.value(QStringLiteral("course")).toString(),
                             m.value(QStringLiteral("result")).toString(),
                             m.value(QStringLiteral("severity")).toString(),
                             m.value(QStringLiteral("status")).toString(),
                             m.value(QStringLiteral("created_at")).toString()});
    }
    for (const auto& v : o.value(QStringLiteral("instructions")).toArray()) {
        const QJsonObject n = v.toObject();
        s.instructions.push_back({n.value(QStringLiteral("id")).toInteger(),
                                  n.value(QStringLiteral("carried")).toBool(),
                                  n.value(QStringLiteral("issued_by")).toString(),
                                  n.value(QStringLiteral("text")).toString(),
                                  n.value(QStringLiteral("recorded_at")).toString(),
                                  n.value(QStringLiteral("acknowledged_at")).toString(),
                                  n.value(QStringLiteral("acknowledged_by")).toString()});
    }
    for (const auto& v : o.value(QStringLiteral("checklist")).toArray()) {
        const QJsonObject c = v.toObject();
        s.checklist.push_back({c.value(QStringLiteral("item")).toString(),
                               {c.value(QStringLiteral("title_en")).toString(),
                                c.value(QStringLiteral("title_zh")).toString()},
                               c.value(QStringLiteral("state")).toString(),
                               c.value(QStringLiteral("note")).toString(),
                               c.value(QStringLiteral("confirmed_by")).toString(),
                               c.value(QStringLiteral("confirmed_at")).toString(),
                               c.value(QStringLiteral("confirmed_by_user_id")).toInteger()});
    }
    for (const auto& v : o.value(QStringLiteral("equipment")).toArray()) {
        const QJsonObject e = v.toObject();
        s.equipment.push_back({e.value(QStringLiteral("id")).toInteger(),
                               e.value(QStringLiteral("equipment")).toString(),
                               e.value(QStringLiteral("operation")).toString(),
                               e.value(QStringLiteral("state")).toString(),
                               e.value(QStringLiteral("started_at")).toString(),
                               e.value(QStringLiteral("finished_at")).toString()});
    }
    for (const auto& v : o.value(QStringLiteral("mail")).toArray()) {
        const QJsonObject m = v.toObject();
        s.mail.push_back({m.value(QStringLiteral("id")).toInteger(),
                          m.value(QStringLiteral("kind")).toString(),
                          m.value(QStringLiteral("addressee")).toString(),
                          m.value(QStringLiteral("unit")).toString(),
                          m.value(QStringLiteral("received_at")).toString()});
    }
    for (const auto& v : o.value(QStringLiteral("overrides")).toArray()) {
        const QJsonObject x = v.toObject();
        s.overrides.push_back({x.value(QStringLiteral("id")).toInteger(),
                               x.value(QStringLiteral("approved_by")).toString(),
                               x.value(QStringLiteral("reason")).toString(),
                               x.value(QStringLiteral("signed_at")).toString(),
                               liftedFromJson(x.value(QStringLiteral("lifted")).toArray())});
    }
    for (const auto& v : o.value(QStringLiteral("mail_confirmed_ids")).toArray())
        s.mailConfirmedIds << v.toInteger();
    s.mailConfirmedByUserId = i_("mail_confirmed_by_user_id");
    s.mailConfirmedBy = s_("mail_confirmed_by");
    s.mailConfirmedAt = s_("mail_confirmed_at");
    for (const auto& v : o.value(QStringLiteral("public_repairs")).toArray())
        s.publicRepairs << v.toString();
    return s;
}

} // namespace

bool HandoverSheet::lifted(const QString& check, const QString& key) const {
    for (const SheetOverride& o : overrides)
        for (const LiftedBlocker& b : o.lifted)
            if (b.check == check && b.key == key)
                return true;
    return false;
}

bool SheetMatter::complete() const {
    return !cause.trimmed().isEmpty() && !course.trimmed().isEmpty() && !result.trimmed().isEmpty();
}

namespace {

QList<ShiftDef> parseShifts(const QJsonArray& list) {
    QList<ShiftDef> out;
    for (const auto& v : list) {
        const QJsonObject o = v.toObject();
        const QString code = o.value(QStringLiteral("code")).toString();
        out.push_back({code, textOf(o, code),
                       QTime::fromString(o.value(QStringLiteral("start")).toString(),
                                         QStringLiteral("HH:mm")),
                       QTime::fromString(o.value(QStringLiteral("end")).toString(),
                                         QStringLiteral("HH:mm"))});
    }
    return out;
}

} // namespace

QList<ShiftDef> shifts(const Policy& policy, const QString& post) {
    if (!post.isEmpty())
        for (const auto& v : policy.parameter(QStringLiteral("handover.posts")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("code")).toString() != post)
                continue;
            QList<ShiftDef> own = parseShifts(o.value(QStringLiteral("shifts")).toArray());
            if (!own.isEmpty())
                return own;
        }
    QList<ShiftDef> out =
        parseShifts(policy.parameter(QStringLiteral("handover.shifts")).toArray());
    if (out.isEmpty()) // the three-shift system when the policy names none
        out = {{QStringLiteral("day"),
                {QStringLiteral("Day shift"), QStringLiteral("早班")},
                QTime(8, 0),
                QTime(16, 0)},
               {QStringLiteral("evening"),
                {QStringLiteral("Evening shift"), QStringLiteral("中班")},
                QTime(16, 0),
                QTime(0, 0)},
               {QStringLiteral("night"),
                {QStringLiteral("Night shift"), QStringLiteral("夜班")},
                QTime(0, 0),
                QTime(8, 0)}};
    return out;
}

Text shiftName(const Policy& policy, const QString& code) {
    QList<ShiftDef> all = shifts(policy);
    for (const PostDef& p : posts(policy))
        all += shifts(policy, p.code);
    for (const ShiftDef& d : all)
        if (d.code == code)
            return d.name;
    return {code, code};
}

QList<PostDef> posts(const Policy& policy) {
    QList<PostDef> out;
    for (const auto& v : policy.parameter(QStringLiteral("handover.posts")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString code = o.value(QStringLiteral("code")).toString();
        out.push_back({code, textOf(o, code)});
    }
    if (out.isEmpty())
        out = {
            {QStringLiteral("front_desk"), {QStringLiteral("Front desk"), QStringLiteral("前台")}},
            {QStringLiteral("cs_office"),
             {QStringLiteral("CS office"), QStringLiteral("客服部办公室")}}};
    return out;
}

QList<ChecklistItemDef> checklistItems(const Policy& policy) {
    QList<ChecklistItemDef> out;
    for (const auto& v : policy.parameter(QStringLiteral("handover.checklist")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString code = o.value(QStringLiteral("code")).toString();
        out.push_back({code, textOf(o, code)});
    }
    return out;
}

ShiftSlot shiftAt(const Policy& policy, const QDateTime& utc, const QString& post) {
    const QDateTime local = utc.toTimeZone(Clock::officeZone());
    const QTime t = local.time();
    const QList<ShiftDef> all = shifts(policy, post);
    for (const ShiftDef& s : all) {
        const bool overMidnight = s.end <= s.start;
        const bool inside =
            overMidnight ? (t >= s.start || t < s.end) : (t >= s.start && t < s.end);
        if (!inside)
            continue;
        // A shift over midnight belongs to the date it started on.
        const QDate date = overMidnight && t < s.end ? local.date().addDays(-1) : local.date();
        return {s, date};
    }
    // Outside every shift: the one that began last (today, or yesterday before the first).
    const ShiftDef* last = nullptr;
    for (const ShiftDef& s : all)
        if (s.start <= t && (last == nullptr || s.start > last->start))
            last = &s;
    if (last != nullptr)
        return {*last, local.date()};
    for (const ShiftDef& s : all)
        if (last == nullptr || s.start > last->start)
            last = &s;
    return {last != nullptr ? *last : ShiftDef{}, local.date().addDays(-1)};
}

QDateTime shiftEnd(const Policy& policy, const HandoverSheet& sheet) {
    const QDate date = QDate::fromString(sheet.shiftDate, Qt::ISODate);
    for (const ShiftDef& d : shifts(policy, sheet.post)) {
        if (d.code != sheet.shift)
            continue;
        // A shift over midnight ends on the next day.
        const QDate endDate = d.end <= d.start ? date.addDays(1) : date;
        return QDateTime(endDate, d.end, Clock::officeZone()).toUTC();
    }
    return {};
}

Result<QList<HandoverSheet>> openSheetsPastShift(const QSqlDatabase& db, const Policy& policy,
                                                 const QDateTime& now, int graceMinutes,
                                                 qint64 userId) {
    auto ids = sql::ids(db,
                        QStringLiteral("SELECT id FROM handover_sheets WHERE status = 'open' AND "
                                       "(? = 0 OR outgoing_user_id = ?) ORDER BY id"),
                        {userId, userId});
    if (!ids)
        return fail(ids.error());
    QList<HandoverSheet> out;
    for (qint64 id : *ids) {
        auto sheet = readHeader(db, id);
        if (!sheet)
            return fail(sheet.error());
        const QDateTime end = shiftEnd(policy, *sheet);
        if (end.isValid() && now >= end.addSecs(qint64{graceMinutes} * 60))
            out.push_back(*sheet);
    }
    return out;
}

Result<HandoverSheet> loadLiveSheet(const QSqlDatabase& db, qint64 id) {
    auto s = readHeader(db, id);
    if (!s)
        return fail(s.error());
    for (auto* read : {&readMatters, &readInstructions, &readChecklist, &readEquipment, &readMail,
                       &readOverrides, &readMailConfirmation})
        if (auto ok = read(db, *s); !ok)
            return fail(ok.error());
    return s;
}

Result<HandoverSheet> loadSheet(const QSqlDatabase& db, qint64 id) {
    auto frozen = sql::scalar(db,
                              QStringLiteral("SELECT content FROM handover_sheets WHERE id = ? "
                                             "AND status = 'completed'"),
                              {id});
    if (!frozen)
        return fail(frozen.error());
    Result<HandoverSheet> s =
        frozen->isValid() && !frozen->toString().isEmpty()
            ? Result<HandoverSheet>(
                  fromJson(QJsonDocument::fromJson(frozen->toString().toUtf8()).object()))
            : loadLiveSheet(db, id);
    if (!s)
        return fail(s.error());
    if (auto ok = readAddenda(db, *s); !ok)
        return fail(ok.error());
    return s;
}

QByteArray canonicalContent(const HandoverSheet& sheet) {
    return QJsonDocument(toJson(sheet)).toJson(QJsonDocument::Compact);
}

Result<qint64> openSheetId(const QSqlDatabase& db, const QString& post) {
    auto v = sql::scalar(db,
                         QStringLiteral("SELECT id FROM handover_sheets WHERE post = ? AND "
                                        "status = 'open' ORDER BY id DESC LIMIT 1"),
                         {post});
    if (!v)
        return fail(v.error());
    return v->isValid() ? v->toLongLong() : 0;
}

} // namespace fd::handover
