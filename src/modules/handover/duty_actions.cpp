// Duty log (R8): duty records, inspection rounds, lighting checks, incidents, swaps.
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "util/clock.h"

#include <QJsonArray>

namespace fd::handover {
namespace {

using P = ParamSpec;

struct DutyRow {
    qint64 id = 0;
    qint64 userId = 0;
    QString status;
    QString dutyDate;
};

Result<DutyRow> duty(const QSqlDatabase& db, qint64 id, const QString& field) {
    auto q = sql::one(
        db, QStringLiteral("SELECT id, user_id, status, duty_date FROM duty_records WHERE id = ?"),
        {id}, missing(field, "duty record", "值班记录", id));
    if (!q)
        return fail(q.error());
    const sql::Row row(*q);
    return DutyRow{row.id("id"), row.id("user_id"), row.text("status"), row.text("duty_date")};
}

Result<DutyRow> onDuty(const ActionContext& ctx, const char* field) {
    auto d =
        duty(ctx.db, ctx.params.value(QLatin1String(field)).toLongLong(), QLatin1String(field));
    if (!d)
        return fail(d.error());
    if (d->status != QStringLiteral("on"))
        return fail(Error::badInput(QLatin1String(field),
                                    {QStringLiteral("Duty record %1 is closed already.").arg(d->id),
                                     QStringLiteral("值班记录 %1 已结束。").arg(d->id)}));
    return d;
}

QStringList stringList(const QJsonValue& v) {
    QStringList out;
    for (const auto& x : v.toArray())
        out << (x.isObject() ? x.toObject().value(QStringLiteral("code")).toString()
                             : x.toString());
    return out;
}

// The post a duty is kept at: one of the policy's posts, the department office when not
// named (R8-1.2).
Result<QString> dutyPost(const ActionContext& ctx) {
    QString post = textParam(ctx.params, "post").trimmed();
    if (post.isEmpty())
        post = ctx.services.policy().parameter(QStringLiteral("duty.default_post")).toString();
    QStringList posts;
    for (const auto& v :
         ctx.services.policy().parameter(QStringLiteral("handover.posts")).toArray())
        posts << v.toObject().value(QStringLiteral("code")).toString();
    if (!posts.contains(post))
        return fail(Error::badInput(QStringLiteral("post"),
                                    {QStringLiteral("Post (post): %1 is not a post (%2).")
                                         .arg(post, posts.join(QStringLiteral(", "))),
                                     QStringLiteral("「岗位」%1 不是规定的岗位（%2）。")
                                         .arg(post, posts.join(QStringLiteral("、")))}));
    return post;
}

Result<ActionOutcome> startDuty(ActionContext& ctx) {
    auto post = dutyPost(ctx);
    if (!post)
        return fail(post.error());
    auto open = sql::scalar(
        ctx.db, QStringLiteral("SELECT id FROM duty_records WHERE user_id = ? AND status = 'on'"),
        {ctx.actor.userId});
    if (!open)
        return fail(open.error());
    if (open->isValid())
        return fail(Error::badInput(
            QStringLiteral("duty"),
            {QStringLiteral("You are on duty already (record %1).").arg(open->toLongLong()),
             QStringLiteral("您已在值班中（值班记录 %1）。").arg(open->toLongLong())}));
    const QString date = ctx.services.clock().officeToday().toString(Qt::ISODate);
    auto id = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO duty_records(duty_date, user_id, staff_id, started_at, post) "
                       "VALUES (?,?,?,?,?)"),
        {date, ctx.actor.userId, ctx.actor.staffId, toStorage(ctx.now), *post});
    if (!id)
        return fail(id.error());
    return ActionOutcome{.entity = QStringLiteral("duty_record"),
                         .entityId = QString::number(*id),
                         .oldValues = {},
                         .newValues = {{QStringLiteral("duty_date"), date},
                                       {QStringLiteral("post"), *post},
                                       {QStringLiteral("status"), QStringLiteral("on")}},
                         .result = {{QStringLiteral("duty_id"), *id}}};
}

Result<ActionOutcome> endDuty(ActionContext& ctx, bool overridden) {
    auto d = onDuty(ctx, "id");
    if (!d)
        return fail(d.error());
    // The successor: whoever started the next duty at the same post (R8-2.4).
    auto successor = sql::scalar(
        ctx.db,
        QStringLiteral("SELECT n.user_id FROM duty_records d JOIN duty_records n ON n.post = "
                       "d.post AND n.id > d.id AND n.user_id <> d.user_id WHERE d.id = ? "
                       "ORDER BY n.id LIMIT 1"),
        {d->id});
    if (!successor)
        return fail(successor.error());
    auto q = sql::exec(
        ctx.db,
        QStringLiteral("UPDATE duty_records SET status = 'ended', ended_at = ?, happenings = ?, "
                       "handling = ?, successor_user_id = ?, override_by_user_id = ?, "
                       "override_reason = ? WHERE id = ?"),
        {toStorage(ctx.now), textParam(ctx.params, "happenings"), textParam(ctx.params, "handling"),
         successor->isValid() ? *successor : QVariant(),
         overridden ? QVariant(ctx.actor.userId) : QVariant(),
         overridden ? ctx.reason.trimmed() : QString(QLatin1String("")), d->id});
    if (!q)
        return fail(q.error());
    QJsonObject now{{QStringLiteral("status"), QStringLiteral("ended")},
                    {QStringLiteral("happenings"), textParam(ctx.params, "happenings")},
                    {QStringLiteral("handling"), textParam(ctx.params, "handling")}};
    if (overridden)
        now.insert(QStringLiteral("override_by"), ctx.actor.login);
    return ActionOutcome{QStringLiteral("duty_record"),
                         QString::number(d->id),
                         {{QStringLiteral("status"), QStringLiteral("on")}},
                         now,
                         {}};
}

Result<ActionOutcome> inspect(ActionContext& ctx) {
    auto d = onDuty(ctx, "duty_id");
    if (!d)
        return fail(d.error());
    const QString area = textParam(ctx.params, "area");
    const QStringList areas =
        stringList(ctx.services.policy().parameter(QStringLiteral("duty.inspection_areas")));
    if (!areas.isEmpty() && !areas.contains(area))
        return fail(
            Error::badInput(QStringLiteral("area"),
                            {QStringLiteral("Area (area): %1 is not an inspection area (%2).")
                                 .arg(area, areas.join(QStringLiteral(", "))),
                             QStringLiteral("「巡查区域」%1 不在巡查清单中（%2）。")
                                 .arg(area, areas.join(QStringLiteral("、")))}));
    auto id = insertId(
        ctx.db,
        QStringLiteral(
            "INSERT INTO duty_inspections(duty_id, area, condition, hygiene, staff_quality, "
            "discipline, findings, inspected_at) VALUES (?,?,?,?,?,?,?,?)"),
        {d->id, area, textParam(ctx.params, "condition"), textParam(ctx.params, "hygiene"),
         textParam(ctx.params, "staff_quality"), textParam(ctx.params, "discipline"),
         textParam(ctx.params, "findings"), toStorage(ctx.now)});
    if (!id)
        return fail(id.error());
    return ActionOutcome{QStringLiteral("duty_inspection"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("duty_id"), d->id},
                          {QStringLiteral("area"), area},
                          {QStringLiteral("findings"), textParam(ctx.params, "findings")}},
                         {{QStringLiteral("inspection_id"), *id}}};
}

Result<ActionOutcome> lightingCheck(ActionContext& ctx) {
    auto d = onDuty(ctx, "duty_id");
    if (!d)
        return fail(d.error());
    const QString slot = textParam(ctx.params, "slot");
    const QStringList setTimes =
        stringList(ctx.services.policy().parameter(QStringLiteral("duty.lighting_check_times")));
    if (!setTimes.contains(slot))
        return fail(Error::badInput(
            QStringLiteral("slot"),
            {QStringLiteral("Time (slot): %1 is not a set lighting-check time (%2).")
                 .arg(slot, setTimes.join(QStringLiteral(", "))),
             QStringLiteral("「检查时间」%1 不是规定的灯光检查时间（%2）。")
                 .arg(slot, setTimes.join(QStringLiteral("、")))}));
    auto done = sql::scalar(
        ctx.db,
        QStringLiteral("SELECT id FROM duty_lighting_checks WHERE duty_id = ? AND slot = ?"),
        {d->id, slot});
    if (!done)
        return fail(done.error());
    if (done->isValid())
        return fail(
            Error::badInput(QStringLiteral("slot"),
                            {QStringLiteral("The %1 lighting check is recorded already.").arg(slot),
                             QStringLiteral("%1 的灯光检查已登记。").arg(slot)}));
    auto id =
        insertId(ctx.db,
                 QStringLiteral(
                     "INSERT INTO duty_lighting_checks(duty_id, slot, lights_ok, note, checked_at) "
                     "VALUES (?,?,?,?,?)"),
                 {d->id, slot, ctx.params.value(QStringLiteral("lights_ok")).toBool(),
                  textParam(ctx.params, "note"), toStorage(ctx.now)});
    if (!id)
        return fail(id.error());
    return ActionOutcome{
        QStringLiteral("duty_lighting_check"),
        QString::number(*id),
        {},
        {{QStringLiteral("duty_id"), d->id},
         {QStringLiteral("slot"), slot},
         {QStringLiteral("lights_ok"), ctx.params.value(QStringLiteral("lights_ok")).toBool()}},
        {{QStringLiteral("check_id"), *id}}};
}

// A major incident's written report is due by the end of the next office day (R8-1.6).
QString reportDueAt(const QDateTime& now) {
    const QDate today = now.toTimeZone(Clock::officeZone()).date();
    return toStorage(QDateTime(today.addDays(2), QTime(0, 0), Clock::officeZone()).toUTC());
}

// A major incident reaches the CS manager at once (R8-1.6, R8-2.3): the audit row of the
// action that made it major says so, and the manager's dashboard lists it until reported.
void escalate(QJsonObject& values) {
    values.insert(QStringLiteral("escalated_to"), QStringLiteral("cs_manager"));
}

Result<ActionOutcome> incident(ActionContext& ctx) {
    auto d = onDuty(ctx, "duty_id");
    if (!d)
        return fail(d.error());
    const QString severity = textParam(ctx.params, "severity");
    const bool major = severity == QStringLiteral("major");
    const QString due = major ? reportDueAt(ctx.now) : QString();
    auto id =
        insertId(ctx.db,
                 QStringLiteral(
                     "INSERT INTO duty_incidents(duty_id, title, description, handling, severity, "
                     "occurred_at, report_due_at) VALUES (?,?,?,?,?,?,?)"),
                 {d->id, textParam(ctx.params, "title"), textParam(ctx.params, "description"),
                  textParam(ctx.params, "handling"), severity, toStorage(ctx.now),
                  major ? QVariant(due) : QVariant()});
    if (!id)
        return fail(id.error());
    QJsonObject values{{QStringLiteral("duty_id"), d->id},
                       {QStringLiteral("title"), textParam(ctx.params, "title")},
                       {QStringLiteral("severity"), severity},
                       {QStringLiteral("report_due_at"), due}};
    if (major)
        escalate(values);
    return ActionOutcome{
        .entity = QStringLiteral("duty_incident"),
        .entityId = QString::number(*id),
        .oldValues = {},
        .newValues = values,
        .result = {{QStringLiteral("incident_id"), *id}, {QStringLiteral("report_due_at"), due}}};
}

// The CS manager raises (or, with a reason, lowers) the severity the duty person chose
// (R8-2.3). Raised to major, the written report is due by the end of the next day.
Result<ActionOutcome> incidentSeverity(ActionContext& ctx) {
    const qint64 id = idParam(ctx.params, "id");
    auto q = sql::one(
        ctx.db,
        QStringLiteral("SELECT severity, reported_at IS NULL FROM duty_incidents WHERE id = ?"),
        {id}, missing(QStringLiteral("id"), "incident", "事件", id));
    if (!q)
        return fail(q.error());
    const QString old = q->value(0).toString();
    const bool unreported = q->value(1).toBool();
    q->finish();
    const QString severity = textParam(ctx.params, "severity");
    if (severity == old)
        return fail(Error::badInput(
            QStringLiteral("severity"),
            {QStringLiteral("Severity (severity): incident %1 is %2 already.").arg(id).arg(old),
             QStringLiteral("「性质」事件 %1 已是该性质（%2）。").arg(id).arg(old)}));
    const bool major = severity == QStringLiteral("major");
    // A report still owed is due from now; a lowered incident owes none.
    const QVariant due = major && unreported ? QVariant(reportDueAt(ctx.now)) : QVariant();
    auto upd =
        unreported
            ? sql::exec(ctx.db,
                        QStringLiteral("UPDATE duty_incidents SET severity = ?, report_due_at = ? "
                                       "WHERE id = ?"),
                        {severity, due, id})
            : sql::exec(ctx.db,
                        QStringLiteral("UPDATE duty_incidents SET severity = ? WHERE id = ?"),
                        {severity, id});
    if (!upd)
        return fail(upd.error());
    QJsonObject values{{QStringLiteral("severity"), severity},
                       {QStringLiteral("report_due_at"), due.toString()}};
    if (major && unreported)
        escalate(values);
    return ActionOutcome{.entity = QStringLiteral("duty_incident"),
                         .entityId = QString::number(id),
                         .oldValues = {{QStringLiteral("severity"), old}},
                         .newValues = values,
                         .result = {{QStringLiteral("incident_id"), id},
                                    {QStringLiteral("report_due_at"), due.toString()}}};
}

Result<ActionOutcome> incidentReport(ActionContext& ctx) {
    const qint64 id = idParam(ctx.params, "id");
    auto q = sql::one(ctx.db, QStringLiteral("SELECT reported_at FROM duty_incidents WHERE id = ?"),
                      {id}, missing(QStringLiteral("id"), "incident", "事件", id));
    if (!q)
        return fail(q.error());
    if (!q->value(0).isNull())
        return fail(Error::badInput(
            QStringLiteral("id"),
            {QStringLiteral(
                 "Incident %1 has its written report already; add to it by a new incident note.")
                 .arg(id),
             QStringLiteral("事件 %1 已提交书面报告。").arg(id)}));
    q->finish();
    auto upd = sql::exec(
        ctx.db,
        QStringLiteral(
            "UPDATE duty_incidents SET report = ?, reported_at = ?, reported_by_user_id = ? "
            "WHERE id = ?"),
        {textParam(ctx.params, "report"), toStorage(ctx.now), ctx.actor.userId, id});
    if (!upd)
        return fail(upd.error());
    return ActionOutcome{QStringLiteral("duty_incident"),
                         QString::number(id),
                         {},
                         {{QStringLiteral("report"), textParam(ctx.params, "report")}},
                         {}};
}

// A login the request names, found; `fallback` when the field is empty.
Result<UserRecord> person(const Services& services, const QVariantMap& params, const char* field,
                          const QString& fallback) {
    const QString login = params.value(QLatin1String(field)).toString().trimmed();
    auto user = services.users().find(login.isEmpty() ? fallback : login);
    if (!user)
        return fail(Error::badInput(
            QLatin1String(field),
            {QStringLiteral("%1: no user with the login %2.").arg(QLatin1String(field), login),
             QStringLiteral("%1：没有登录名为 %2 的用户。").arg(QLatin1String(field), login)}));
    return user;
}

// The people a swap names are checked when it is asked for, before it waits for approval.
Result<QVariantMap> checkSwapPeople(const Services& services, const QVariantMap& params) {
    auto from = person(services, params, "from_login", {});
    if (!from)
        return fail(from.error());
    auto to = person(services, params, "to_login", {});
    if (!to)
        return fail(to.error());
    if (from->id == to->id)
        return fail(Error::badInput(QStringLiteral("to_login"),
                                    {QStringLiteral("A swap needs two different people."),
                                     QStringLiteral("调班须为两名不同人员。")}));
    return QVariantMap{};
}

// A swap asked for by the person who cannot serve, in advance; it runs once a supervisor
// or the CS manager approves it (R2-2.1, R7-1.1.5, R8-1.8).
Result<ActionOutcome> recordSwap(ActionContext& ctx) {
    auto from = person(ctx.services, ctx.params, "from_login", {});
    if (!from)
        return fail(from.error());
    auto to = person(ctx.services, ctx.params, "to_login", {});
    if (!to)
        return fail(to.error());
    const QString date =
        ctx.params.value(QStringLiteral("duty_date")).toDate().toString(Qt::ISODate);
    auto id = insertId(
        ctx.db,
        QStringLiteral(
            "INSERT INTO duty_swaps(duty_date, from_user_id, to_user_id, reason, recorded_at, "
            "recorded_by_user_id, approval_id, approved_by_user_id) VALUES (?,?,?,?,?,?,?,?)"),
        {date, from->id, to->id, ctx.reason.trimmed(), toStorage(ctx.now), ctx.actor.userId,
         ctx.approval ? QVariant(ctx.approval->approvalId) : QVariant(),
         ctx.approval ? QVariant(ctx.approval->approver.userId) : QVariant()});
    if (!id)
        return fail(id.error());
    return ActionOutcome{.entity = QStringLiteral("duty_swap"),
                         .entityId = QString::number(*id),
                         .oldValues = {},
                         .newValues = {{QStringLiteral("duty_date"), date},
                                       {QStringLiteral("from"), from->login},
                                       {QStringLiteral("to"), to->login}},
                         .result = {{QStringLiteral("swap_id"), *id}}};
}

// An unforeseen absence, reported with its reason as early as it is known; the
// supervisor's dashboard shows it at once so the work can be rearranged (R7-1.1.5).
Result<ActionOutcome> reportAbsence(ActionContext& ctx) {
    auto who = person(ctx.services, ctx.params, "login", ctx.actor.login);
    if (!who)
        return fail(who.error());
    const QString date =
        ctx.params.value(QStringLiteral("duty_date")).toDate().toString(Qt::ISODate);
    auto id = insertId(ctx.db,
                       QStringLiteral("INSERT INTO duty_absences(duty_date, user_id, reason, "
                                      "reported_at, reported_by_user_id) VALUES (?,?,?,?,?)"),
                       {date, who->id, ctx.reason.trimmed(), toStorage(ctx.now), ctx.actor.userId});
    if (!id)
        return fail(id.error());
    return ActionOutcome{
        .entity = QStringLiteral("duty_absence"),
        .entityId = QString::number(*id),
        .oldValues = {},
        .newValues = {{QStringLiteral("duty_date"), date}, {QStringLiteral("login"), who->login}},
        .result = {{QStringLiteral("absence_id"), *id}}};
}

} // namespace

void registerDutyActions(Services& s) {
    ActionRegistry& r = s.actionRegistry();
    // A swap's people by name (an approver reads 王芳（wangfang）, not a login).
    for (const char* login : {"from_login", "to_login"})
        s.valueNameRegistry().add(
            QString::fromUtf8(login),
            kit::namedBy(QStringLiteral(
                "SELECT display_name || ' (' || login || ')' FROM users WHERE login = ?")));
    const P id = param("id", ParamType::Id, true, tx("Duty record", "值班记录"));
    const P dutyId = param("duty_id", ParamType::Id, true, tx("Duty record", "值班记录"));
    const QList<P> endParams = {
        id, param("happenings", ParamType::LongText, true, tx("What happened", "值班情况")),
        param("handling", ParamType::LongText, true, tx("How it was handled", "处理情况"))};
    auto finding = [](const char* name, const char* en, const char* zh) {
        return param(name, ParamType::Text, false, tx(en, zh));
    };
    r.add({QStringLiteral("duty.start"),
           tx("Start duty", "开始值班"),
           {param("post", ParamType::Text, false, tx("Post", "岗位"))},
           startDuty});
    r.add({QStringLiteral("duty.end"), tx("End duty", "结束值班"), endParams,
           [](ActionContext& ctx) { return endDuty(ctx, false); }});
    r.add(
        {QStringLiteral("duty.override_end"),
         {QStringLiteral("End duty without successor (override)"), QStringLiteral("特批结束值班")},
         endParams,
         [](ActionContext& ctx) { return endDuty(ctx, true); }});
    r.add(
        {QStringLiteral("duty.inspect"),
         tx("Record inspection", "登记巡查"),
         {dutyId, param("area", ParamType::Text, true, tx("Area", "巡查区域")),
          finding("condition", "Condition", "设施状况"), finding("hygiene", "Hygiene", "卫生状况"),
          finding("staff_quality", "Staff work quality", "员工工作质量"),
          finding("discipline", "Discipline", "劳动纪律"),
          param("findings", ParamType::LongText, false, tx("Findings", "发现问题"))},
         inspect});
    r.add({QStringLiteral("duty.lighting_check"),
           tx("Lighting check", "灯光检查"),
           {dutyId, param("slot", ParamType::Text, true, tx("Set time", "检查时间")),
            param("lights_ok", ParamType::Bool, true, tx("Lights as required", "开关正常")),
            param("note", ParamType::Text, false, tx("Note", "备注"))},
           lightingCheck});
    r.add({QStringLiteral("duty.incident"),
           tx("Record incident", "登记突发事件"),
           {dutyId, param("title", ParamType::Text, true, tx("Title", "事件")),
            param("description", ParamType::LongText, true, tx("What happened", "经过")),
            param("handling", ParamType::LongText, false, tx("Handling", "处理")),
            param("severity", ParamType::Choice, true, tx("Severity", "性质"),
                  {QStringLiteral("normal"), QStringLiteral("major")})},
           incident});
    r.add({QStringLiteral("duty.incident_report"),
           tx("Written incident report", "提交事件书面报告"),
           {param("id", ParamType::Id, true, tx("Incident", "事件")),
            param("report", ParamType::LongText, true, tx("Report", "书面报告"))},
           incidentReport});
    const P dutyDate = param("duty_date", ParamType::Date, true, tx("Duty date", "值班日期"));
    r.add({QStringLiteral("duty.incident_severity"),
           tx("Change incident severity", "调整事件性质"),
           {param("id", ParamType::Id, true, tx("Incident", "事件")),
            param("severity", ParamType::Choice, true, tx("Severity", "性质"),
                  {QStringLiteral("normal"), QStringLiteral("major")})},
           incidentSeverity});
    r.add(
        {.name = QStringLiteral("duty.record_swap"),
         .title = tx("Ask for a duty swap", "申请调班"),
         .params = {dutyDate,
                    param("from_login", ParamType::Text, true, tx("Scheduled person", "原值班人")),
                    param("to_login", ParamType::Text, true, tx("Replacement", "替班人"))},
         .handler = recordSwap,
         .permission = {},
         .prepare = checkSwapPeople});
    r.add({QStringLiteral("duty.report_absence"),
           tx("Report an absence", "报告缺勤"),
           {dutyDate, param("login", ParamType::Text, false, tx("Absent person", "缺勤人"))},
           reportAbsence});

    s.staffOpenItemRegistry().add(
        kit::staffOpenItems(QStringLiteral("handover.duty"), tx("Duty not ended", "未结束的值班"),
                            QStringLiteral("SELECT id, duty_date FROM duty_records WHERE "
                                           "status = 'on' AND staff_id = ? ORDER BY id")));
}

} // namespace fd::handover
