#include "handover/handover_print.h"

#include "audit/audit_log.h"
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "handover/handover_sheet.h"
#include "rules/policy.h"
#include "services/services.h"
#include "util/clock.h"
#include "util/privacy.h"

namespace fd::handover {
namespace {

using kit::tx;

QString yesNo(bool v) {
    return v ? QStringLiteral("✓") : QString();
}

Result<QList<PrintSignature>> signaturesOf(const Services& s, const QSqlDatabase& db,
                                           const QString& entity, const QString& id) {
    auto sigs = s.signatures().forRecord(db, entity, id);
    if (!sigs)
        return fail(sigs.error());
    QList<PrintSignature> out;
    for (const StoredSignature& sig : *sigs) {
        Text meaning{sig.meaning, sig.meaning};
        if (sig.meaning == QStringLiteral("outgoing"))
            meaning = tx("Outgoing", "交班人");
        else if (sig.meaning == QStringLiteral("incoming"))
            meaning = tx("Incoming", "接班人");
        out.push_back({meaning, sig.signerName, officeTime(toStorage(sig.signedAt)), sig.valid});
    }
    return out;
}

// The document with the audit chain's head as it is now ("SEQ:HASH"), for verifying the
// chain from paper.
Result<PrintDocument> withAuditHead(const QSqlDatabase& db, PrintDocument doc) {
    auto head = AuditLog::head(db);
    if (!head)
        return fail(head.error());
    doc.auditHead = head->text();
    return doc;
}

Text postName(const Services& s, const QString& code) {
    for (const PostDef& p : posts(s.policy()))
        if (p.code == code)
            return p.name;
    return {code, code};
}

Text shiftName(const Services& s, const QString& code) {
    return handover::shiftName(s.policy(), code);
}

void appendSheetTables(const HandoverSheet& sheet, PrintDocument& doc) {
    PrintTable matters{
        tx("Matters handed over (cause, course, result)", "交接事项（起因、经过、结果）"),
        {tx("No.", "编号"), tx("Carried", "遗留"), tx("Cause", "起因"), tx("Course", "经过"),
         tx("Result", "结果"), tx("Severity", "性质"), tx("Status", "状态")},
        {}};
    for (const SheetMatter& m : sheet.matters)
        matters.rows.push_back({QString::number(m.id), yesNo(m.carried), maskPhonesInText(m.cause),
                                maskPhonesInText(m.course), maskPhonesInText(m.result), m.severity,
                                m.status});
    matters.codeColumns = {5, 6};
    PrintTable instructions{tx("Instructions from superiors", "上级指示"),
                            {tx("Issued by", "指示人"), tx("Instruction", "内容"),
                             tx("Recorded", "登记时间"), tx("Acknowledged", "确认")},
                            {}};
    for (const SheetInstruction& n : sheet.instructions)
        instructions.rows.push_back(
            {n.issuedBy, maskPhonesInText(n.text), officeTime(n.recordedAt),
             n.acknowledgedAt.isEmpty()
                 ? QString()
                 : n.acknowledgedBy + QLatin1Char(' ') + officeTime(n.acknowledgedAt)});
    PrintTable checklist{tx("Item checklist", "交接物品清点"),
                         {tx("Item", "物品"), tx("State", "清点结果"), tx("Note", "备注"),
                          tx("Checked by", "清点人")},
                         {}};
    for (const SheetChecklistItem& c : sheet.checklist)
        checklist.rows.push_back({c.title.zh, c.state, c.note, c.confirmedBy});
    checklist.codeColumns = {1};
    PrintTable equipment{tx("Major equipment start/stop", "重大设备启停"),
                         {tx("Equipment", "设备"), tx("Operation", "操作"), tx("State", "状态"),
                          tx("Started", "开始"), tx("Finished", "结束")},
                         {}};
    for (const SheetEquipmentOperation& e : sheet.equipment)
        equipment.rows.push_back(
            {e.equipment, e.operation, e.state, officeTime(e.startedAt), officeTime(e.finishedAt)});
    equipment.codeColumns = {1, 2};
    PrintTable mail{tx("Undelivered letters, newspapers and periodicals", "未派发的信、报、刊"),
                    {tx("No.", "编号"), tx("Kind", "类别"), tx("Addressee", "收件人"),
                     tx("Unit", "房号"), tx("Received", "收到时间")},
                    {}};
    for (const SheetMail& m : sheet.mail)
        mail.rows.push_back(
            {QString::number(m.id), m.kind, m.addressee, m.unit, officeTime(m.receivedAt)});
    mail.codeColumns = {1};
    doc.tables << matters << instructions << checklist << equipment;
    if (sheet.post == QStringLiteral("front_desk"))
        doc.tables << mail;
}

// 特批 on the paper: who signed it, when, why and what it lifted (R2-2.4).
void appendExceptionNotes(const Services& s, const HandoverSheet& sheet, PrintDocument& doc) {
    if (!sheet.overrideReason.isEmpty()) // recorded before exceptions named their items
        doc.notes.push_back(
            {QStringLiteral("Supervisor exception (特批) by %1 at %2, reason: %3")
                 .arg(sheet.overrideBy, officeTime(sheet.overrideAt), sheet.overrideReason),
             QStringLiteral("特批：%1，%2，原因：%3")
                 .arg(sheet.overrideBy, officeTime(sheet.overrideAt), sheet.overrideReason)});
    for (const SheetOverride& o : sheet.overrides) {
        const Text lifted = liftedText(s, o.lifted);
        doc.notes.push_back(
            {QStringLiteral("Supervisor exception (特批) by %1 at %2, reason: %3; lifted: %4")
                 .arg(o.approvedBy, officeTime(o.signedAt), o.reason, lifted.en),
             QStringLiteral("特批：%1，%2，原因：%3；解除：%4")
                 .arg(o.approvedBy, officeTime(o.signedAt), o.reason, lifted.zh)});
    }
}

} // namespace

Text liftedText(const Services& s, const QList<LiftedBlocker>& lifted) {
    QStringList rules;
    QMap<QString, QStringList> items;
    for (const LiftedBlocker& b : lifted) {
        if (!rules.contains(b.rule))
            rules << b.rule;
        items[b.rule] << b.label;
    }
    QStringList en;
    QStringList zh;
    for (const QString& id : rules) {
        const RuleDef* rule = s.policy().rule(id);
        const Text what = rule != nullptr ? rule->message : Text{id, id};
        en << QStringLiteral("%1 (%2)").arg(what.en, items[id].join(QStringLiteral(", ")));
        zh << QStringLiteral("%1（%2）").arg(what.zh, items[id].join(QStringLiteral("、")));
    }
    return {en.join(QStringLiteral("; ")), zh.join(QStringLiteral("；"))};
}

Result<std::pair<QDateTime, QDateTime>> officeMonth(const QString& month) {
    const QDate first = QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
    if (!first.isValid() || month.size() != 7)
        return fail(
            Error::badInput(QStringLiteral("month"),
                            {QStringLiteral("Month (month): write it as yyyy-MM, e.g. 2026-03."),
                             QStringLiteral("「月份」格式应为 yyyy-MM，例如 2026-03。")}));
    return std::pair{QDateTime(first, QTime(0, 0), Clock::officeZone()).toUTC(),
                     QDateTime(first.addMonths(1), QTime(0, 0), Clock::officeZone()).toUTC()};
}

Result<PrintDocument> exceptionsReportDocument(const Services& s, const QString& month) {
    auto bounds = officeMonth(month);
    if (!bounds)
        return fail(bounds.error());
    const QSqlDatabase db = s.database().connection();
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT o.sheet_id FROM handover_overrides o WHERE o.signed_at >= ? AND "
                       "o.signed_at < ? GROUP BY o.sheet_id ORDER BY min(o.signed_at)"),
        {toStorage(bounds->first), toStorage(bounds->second)});
    if (!q)
        return fail(q.error());
    QList<qint64> ids;
    while (q->next())
        ids << q->value(0).toLongLong();
    PrintDocument doc;
    doc.title = tx("Handover exceptions (特批) of the month", "交接班特批月报");
    doc.office = s.policy().officeName();
    PrintTable table{tx("Exceptions signed by supervisors", "主管特批记录"),
                     {tx("Signed", "特批时间"), tx("Sheet", "交接班记录"), tx("Post", "岗位"),
                      tx("Shift", "班次"), tx("Signed by", "特批人"), tx("Reason", "原因"),
                      tx("Lifted", "解除的交接障碍"), tx("Sheet status", "交接状态")},
                     {}};
    for (qint64 id : ids) {
        auto sheet = loadSheet(db, id);
        if (!sheet)
            return fail(sheet.error());
        for (const SheetOverride& o : sheet->overrides) {
            const QDateTime at = fromStorage(o.signedAt);
            if (at < bounds->first || at >= bounds->second)
                continue;
            table.rows.push_back(
                {officeTime(o.signedAt), QString::number(id), postName(s, sheet->post).zh,
                 shiftName(s, sheet->shift).zh + QLatin1Char(' ') + sheet->shiftDate, o.approvedBy,
                 o.reason, liftedText(s, o.lifted).zh,
                 sheet->completed() ? QStringLiteral("已完成") : QStringLiteral("未完成")});
        }
    }
    doc.fields = {{tx("Month", "月份"), month},
                  {tx("Exceptions", "特批次数"), QString::number(table.rows.size())}};
    doc.tables << table;
    return withAuditHead(db, std::move(doc));
}

QString officeTime(const QString& storedUtc) {
    if (storedUtc.isEmpty())
        return {};
    return fromStorage(storedUtc)
        .toTimeZone(Clock::officeZone())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

Result<PrintDocument> handoverSheetDocument(const Services& s, qint64 sheetId) {
    const QSqlDatabase db = s.database().connection();
    auto sheet = loadSheet(db, sheetId);
    if (!sheet)
        return fail(sheet.error());
    PrintDocument doc;
    doc.title = tx("Shift handover record", "交接班记录");
    doc.office = s.policy().officeName();
    doc.labels = codeLabels(s.policy());
    const Text post = postName(s, sheet->post);
    const Text shift = shiftName(s, sheet->shift);
    doc.fields = {{tx("No.", "编号"), QString::number(sheet->id)},
                  {tx("Post", "岗位"), post.zh},
                  {tx("Shift", "班次"), shift.zh},
                  {tx("Date", "日期"), sheet->shiftDate},
                  {tx("Opened", "开始时间"), officeTime(sheet->openedAt)},
                  {tx("Outgoing", "交班人"), sheet->outgoing},
                  {tx("Incoming", "接班人"), sheet->incoming},
                  {tx("Completed", "交接完成时间"), officeTime(sheet->completedAt)}};
    if (!sheet->unfit.isEmpty())
        doc.fields.push_back(
            {tx("Marked unfit to take over", "不宜接班人员"),
             sheet->unfit + QStringLiteral("（") + sheet->unfitCondition + QStringLiteral("）")});
    if (sheet->post == QStringLiteral("front_desk") && !sheet->mailConfirmedBy.isEmpty())
        doc.fields.push_back(
            {tx("Undelivered mail checked by the incoming person", "未发放信报刊接班人核对"),
             QStringLiteral("%1 %2（%3）")
                 .arg(sheet->mailConfirmedBy, officeTime(sheet->mailConfirmedAt))
                 .arg(sheet->mailConfirmedIds.size())});
    appendSheetTables(*sheet, doc);
    appendExceptionNotes(s, *sheet, doc);
    for (const SheetAddendum& a : sheet->addenda)
        doc.notes.push_back({QStringLiteral("Addendum by %1 at %2: %3")
                                 .arg(a.addedBy, officeTime(a.addedAt), a.text),
                             QStringLiteral("补充说明（%1，%2）：%3")
                                 .arg(a.addedBy, officeTime(a.addedAt), a.text)});
    auto sigs = signaturesOf(s, db, QStringLiteral("handover_sheet"), QString::number(sheetId));
    if (!sigs)
        return fail(sigs.error());
    doc.signatures = *sigs;
    if (doc.signatures.isEmpty()) // blank lines for the paper copy of an open sheet
        doc.signatures = {{tx("Outgoing", "交班人"), {}, {}, true},
                          {tx("Incoming", "接班人"), {}, {}, true}};
    return withAuditHead(db, std::move(doc));
}

Result<PrintDocument> frontDeskLogDocument(const Services& s, const QDate& day) {
    const QSqlDatabase db = s.database().connection();
    auto q =
        sql::exec(db,
                  QStringLiteral(
                      "SELECT id FROM handover_sheets WHERE post = 'front_desk' AND shift_date = ? "
                      "ORDER BY id"),
                  {day.toString(Qt::ISODate)});
    if (!q)
        return fail(q.error());
    QList<qint64> ids;
    while (q->next())
        ids << q->value(0).toLongLong();
    PrintDocument doc;
    doc.title = tx("Front Desk Handover Log", "前台交接日志");
    doc.office = s.policy().officeName();
    doc.labels = codeLabels(s.policy());
    doc.fields = {{tx("Date", "日期"), day.toString(Qt::ISODate)},
                  {tx("Sheets", "交接次数"), QString::number(ids.size())}};
    for (qint64 id : ids) {
        auto sheet = loadSheet(db, id);
        if (!sheet)
            return fail(sheet.error());
        PrintDocument part;
        appendSheetTables(*sheet, part);
        const Text shift = shiftName(s, sheet->shift);
        for (PrintTable& t : part.tables) {
            t.title = {QStringLiteral("%1 — %2").arg(shift.en, t.title.en),
                       QStringLiteral("%1 — %2").arg(shift.zh, t.title.zh)};
            doc.tables << t;
        }
        auto sigs = signaturesOf(s, db, QStringLiteral("handover_sheet"), QString::number(id));
        if (!sigs)
            return fail(sigs.error());
        doc.signatures << *sigs;
        PrintDocument notes;
        appendExceptionNotes(s, *sheet, notes);
        for (const Text& n : notes.notes)
            doc.notes.push_back({QStringLiteral("Sheet %1: %2").arg(id).arg(n.en),
                                 QStringLiteral("交接 %1：%2").arg(id).arg(n.zh)});
    }
    return withAuditHead(db, std::move(doc));
}

Result<PrintDocument> dutyRecordDocument(const Services& s, qint64 dutyId) {
    const QSqlDatabase db = s.database().connection();
    auto q = sql::one(
        db,
        QStringLiteral(
            "SELECT d.duty_date, u.display_name, d.started_at, coalesce(d.ended_at, ''), "
            "d.happenings, d.handling, coalesce(n.display_name, ''), d.override_reason, "
            "coalesce(o.display_name, '') FROM duty_records d JOIN users u ON u.id = d.user_id "
            "LEFT JOIN users n ON n.id = d.successor_user_id "
            "LEFT JOIN users o ON o.id = d.override_by_user_id WHERE d.id = ?"),
        {dutyId}, missing(QStringLiteral("id"), "duty record", "值班记录", dutyId));
    if (!q)
        return fail(q.error());
    PrintDocument doc;
    doc.title = tx("Duty record", "值班记录表");
    doc.labels = codeLabels(s.policy());
    doc.office = s.policy().officeName();
    doc.fields = {{tx("Date", "日期"), q->value(0).toString()},
                  {tx("On duty", "值班人"), q->value(1).toString()},
                  {tx("From", "开始时间"), officeTime(q->value(2).toString())},
                  {tx("To", "结束时间"), officeTime(q->value(3).toString())},
                  {tx("What happened", "值班情况"), maskPhonesInText(q->value(4).toString())},
                  {tx("How it was handled", "处理情况"), maskPhonesInText(q->value(5).toString())},
                  {tx("Successor", "接班人"), q->value(6).toString()}};
    if (!q->value(7).toString().isEmpty())
        doc.notes.push_back({QStringLiteral("Ended without successor, override by %1: %2")
                                 .arg(q->value(8).toString(), q->value(7).toString()),
                             QStringLiteral("无接班人结束值班，%1 特批：%2")
                                 .arg(q->value(8).toString(), q->value(7).toString())});
    doc.signatures = {{tx("On duty", "值班人"), q->value(1).toString(),
                       officeTime(q->value(3).toString()), true}};
    q->finish();
    auto table = [&](Text title, QList<Text> columns, const QString& statement,
                     QList<int> codeColumns = {}) -> Status {
        auto t = sql::exec(db, statement, {dutyId});
        if (!t)
            return fail(t.error());
        PrintTable out{std::move(title), std::move(columns), {}, std::move(codeColumns)};
        while (t->next()) {
            QStringList row;
            for (int i = 0; i < out.columns.size(); ++i) {
                const QString v = t->value(i).toString();
                row << (v.endsWith(QLatin1Char('Z')) && v.size() > 19 ? officeTime(v)
                                                                      : maskPhonesInText(v));
            }
            out.rows << row;
        }
        doc.tables << out;
        return {};
    };
    if (auto ok = table(tx("Inspection round", "巡查情况"),
                        {tx("Area", "区域"), tx("Condition", "设施"), tx("Hygiene", "卫生"),
                         tx("Staff work", "员工工作质量"), tx("Discipline", "劳动纪律"),
                         tx("Findings", "发现问题"), tx("Time", "时间")},
                        QStringLiteral("SELECT area, condition, hygiene, staff_quality, "
                                       "discipline, findings, inspected_at "
                                       "FROM duty_inspections WHERE duty_id = ? ORDER BY id"),
                        {0});
        !ok)
        return fail(ok.error());
    if (auto ok =
            table(tx("Lighting checks", "灯光检查"),
                  {tx("Set time", "规定时间"), tx("As required", "正常"), tx("Note", "备注"),
                   tx("Checked", "检查时间")},
                  QStringLiteral(
                      "SELECT slot, CASE lights_ok WHEN 1 THEN '✓' ELSE '✗' END, note, checked_at "
                      "FROM duty_lighting_checks WHERE duty_id = ? ORDER BY slot"));
        !ok)
        return fail(ok.error());
    if (auto ok = table(tx("Incidents", "突发事件"),
                        {tx("Incident", "事件"), tx("Severity", "性质"), tx("Handling", "处理"),
                         tx("Time", "时间")},
                        QStringLiteral("SELECT title, severity, handling, occurred_at FROM "
                                       "duty_incidents WHERE duty_id = ? ORDER BY id"),
                        {1});
        !ok)
        return fail(ok.error());
    return withAuditHead(db, std::move(doc));
}

Result<PrintDocument> incidentReportDocument(const Services& s, qint64 incidentId) {
    const QSqlDatabase db = s.database().connection();
    auto q = sql::one(
        db,
        QStringLiteral("SELECT i.title, i.description, i.handling, i.severity, i.occurred_at, "
                       "coalesce(i.report_due_at, ''), i.report, coalesce(i.reported_at, ''), "
                       "coalesce(r.display_name, ''), u.display_name FROM duty_incidents i "
                       "JOIN duty_records d ON d.id = i.duty_id JOIN users u ON u.id = d.user_id "
                       "LEFT JOIN users r ON r.id = i.reported_by_user_id WHERE i.id = ?"),
        {incidentId}, missing(QStringLiteral("id"), "incident", "事件", incidentId));
    if (!q)
        return fail(q.error());
    PrintDocument doc;
    doc.title = tx("Incident report", "突发事件报告");
    doc.office = s.policy().officeName();
    doc.labels = codeLabels(s.policy());
    doc.fields = {{tx("Incident", "事件"), q->value(0).toString()},
                  {tx("Severity", "性质"), q->value(3).toString(), true},
                  {tx("Time", "发生时间"), officeTime(q->value(4).toString())},
                  {tx("On duty", "值班人"), q->value(9).toString()},
                  {tx("What happened", "经过"), maskPhonesInText(q->value(1).toString())},
                  {tx("Handling", "处理"), maskPhonesInText(q->value(2).toString())},
                  {tx("Report due", "报告期限"), officeTime(q->value(5).toString())},
                  {tx("Written report", "书面报告"), maskPhonesInText(q->value(6).toString())}};
    doc.signatures = {{tx("Reported by", "报告人"), q->value(8).toString(),
                       officeTime(q->value(7).toString()), true}};
    q->finish();
    return withAuditHead(db, std::move(doc));
}

} // namespace fd::handover
