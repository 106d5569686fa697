// Lists (frontdeskctl query, list views) and the dashboard's attention sources.
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "handover/handover_print.h"
#include "handover/handover_sheet.h"
#include "util/clock.h"
#include "util/privacy.h"

namespace fd::handover {
// How the area's stored codes read in lists, exports and prints: the posts, shifts and
// inspection areas the policy names, and the fixed states of the tables.
QMap<QString, Text> codeLabels(const Policy& policy) {
    QMap<QString, Text> l = kit::labels({{"open", "Open", "未处理"},
                                         {"handled", "Handled", "已处理"},
                                         {"completed", "Completed", "已完成"},
                                         {"normal", "Normal", "一般"},
                                         {"major", "Major", "重大"},
                                         {"emergency", "Emergency", "紧急"},
                                         {"unconfirmed", "Not checked", "未清点"},
                                         {"present", "Present", "齐全"},
                                         {"missing", "Missing", "缺失"},
                                         {"start", "Start", "启动"},
                                         {"stop", "Stop", "停止"},
                                         {"in_progress", "In progress", "进行中"},
                                         {"letter", "Letter", "信件"},
                                         {"newspaper", "Newspaper", "报纸"},
                                         {"periodical", "Periodical", "期刊"},
                                         {"parcel", "Parcel", "包裹"},
                                         {"waiting", "Waiting", "待派发"},
                                         {"delivered", "Delivered", "已派发"},
                                         {"signed", "Signed for", "本人签收"},
                                         {"handed", "Handed over", "当面交付"},
                                         {"mailbox", "Into the mailbox", "投入信箱"},
                                         {"custody", "Custody", "代存"},
                                         {"forwarding", "Forwarding", "转交"},
                                         {"held", "Held", "存放中"},
                                         {"pending", "Waiting for approval", "待批准"},
                                         {"released", "Released", "已领取"},
                                         {"on", "On duty", "值班中"},
                                         {"ended", "Ended", "已结束"},
                                         {"drinking", "Has been drinking", "饮酒"},
                                         {"not_lucid", "Not lucid", "神志不清"},
                                         // The inspection areas of R8-1.4 the default policy lists.
                                         {"managed_area", "Managed area", "管理区域"},
                                         {"public_areas", "Public areas", "公共区域"},
                                         {"sales_office", "Sales office", "售楼处"},
                                         {"bank", "Bank", "银行"},
                                         {"clubhouse", "Clubhouse", "会所"},
                                         {"greening", "Greening", "大厦绿化"}});
    for (const PostDef& p : posts(policy))
        l.insert(p.code, p.name);
    for (const PostDef& p : posts(policy))
        for (const ShiftDef& sh : shifts(policy, p.code))
            l.insert(sh.code, sh.name);
    return l;
}

namespace {

// The columns whose stored values are codes.
bool isCodeColumn(const QString& key) {
    static const QStringList keys = {
        QStringLiteral("post"),     QStringLiteral("shift"),     QStringLiteral("status"),
        QStringLiteral("severity"), QStringLiteral("state"),     QStringLiteral("kind"),
        QStringLiteral("method"),   QStringLiteral("operation"), QStringLiteral("area")};
    return keys.contains(key);
}

// The columns whose stored values are codes read as the area's labels.
QList<QueryColumn> coded(const QueryContext& ctx, QList<QueryColumn> columns) {
    const QMap<QString, Text> labels = codeLabels(ctx.services.policy());
    return kit::withLabels(std::move(columns), [&](const QString& key) {
        return isCodeColumn(key) ? labels : QMap<QString, Text>();
    });
}

const ParamSpec kSheetId =
    kit::param("sheet_id", ParamType::Id, true, tx("Handover sheet", "交接班记录"));
const ParamSpec kLimit = kit::limitParam(100000);

// A list of one sheet's records (its matters, instructions or checklist).
template <typename Records, typename RowOf>
Result<QueryResult> sheetTable(const QueryContext& ctx, QList<QueryColumn> columns,
                               Records HandoverSheet::*records, RowOf&& rowOf) {
    auto sheet = loadSheet(ctx.db, idParam(ctx.params, "sheet_id"));
    if (!sheet)
        return fail(sheet.error());
    return kit::tableOf(std::move(columns), (*sheet).*records, std::forward<RowOf>(rowOf));
}

} // namespace

void registerQueries(Services& s) {
    QueryRegistry& r = s.queryRegistry();
    r.add(
        {QStringLiteral("handover.sheets"),
         tx("Handover sheets", "交接班记录"),
         {kit::param("post", ParamType::Text, false, tx("Post", "岗位")),
          kit::statusParam({QStringLiteral("open"), QStringLiteral("completed")}), kLimit},
         [](const QueryContext& ctx) {
             return kit::registerRows(
                 ctx,
                 coded(ctx, {col("id", "No.", "编号"), col("post", "Post", "岗位"),
                             col("shift", "Shift", "班次"), col("shift_date", "Date", "日期"),
                             col("opened_at", "Opened", "开始时间"),
                             col("outgoing", "Outgoing", "交班人"),
                             col("incoming", "Incoming", "接班人"), col("status", "Status", "状态"),
                             col("completed_at", "Completed", "完成时间")}),
                 QStringLiteral(
                     "SELECT s.id, s.post, s.shift, s.shift_date, s.opened_at, o.display_name, "
                     "coalesce(i.display_name, ''), s.status, coalesce(s.completed_at, '') "
                     "FROM handover_sheets s JOIN users o ON o.id = s.outgoing_user_id "
                     "LEFT JOIN users i ON i.id = s.incoming_user_id "
                     "WHERE (? = '' OR s.post = ?) AND (? = '' OR s.status = ?) "
                     "ORDER BY s.id DESC LIMIT ?"),
                 {"post", "status"});
         }});
    r.add({QStringLiteral("handover.current"),
           tx("Current handover sheet", "当前交接班记录"),
           {kit::param("post", ParamType::Text, true, tx("Post", "岗位"))},
           [](const QueryContext& ctx) -> Result<QueryResult> {
               auto id = openSheetId(ctx.db, textParam(ctx.params, "post"));
               if (!id)
                   return fail(id.error());
               QueryResult out;
               out.columns = {col("id", "No.", "编号")};
               if (*id != 0)
                   out.rows.push_back({*id});
               return out;
           }});
    // The lists of one sheet: its matters, instructions and checklist as the sheet reads.
    r.add({QStringLiteral("handover.matters"),
           tx("Matters on a sheet", "交接事项"),
           {kSheetId},
           [](const QueryContext& ctx) {
               return sheetTable(
                   ctx,
                   {col("id", "No.", "编号"), col("carried", "Carried over", "上班遗留"),
                    col("cause", "Cause", "起因"), col("course", "Course", "经过"),
                    col("result", "Result", "结果"), col("severity", "Severity", "性质"),
                    col("status", "Status", "状态")},
                   &HandoverSheet::matters, [](const SheetMatter& m) -> QVariantList {
                       return {m.id, m.carried, m.cause, m.course, m.result, m.severity, m.status};
                   });
           }});
    r.add({QStringLiteral("handover.instructions"),
           tx("Instructions on a sheet", "上级指示"),
           {kSheetId},
           [](const QueryContext& ctx) {
               return sheetTable(
                   ctx,
                   {col("id", "No.", "编号"), col("carried", "Carried over", "上班遗留"),
                    col("issued_by", "Issued by", "指示人"), col("text", "Instruction", "指示内容"),
                    col("acknowledged_at", "Acknowledged", "确认时间")},
                   &HandoverSheet::instructions, [](const SheetInstruction& n) -> QVariantList {
                       return {n.id, n.carried, n.issuedBy, n.text, n.acknowledgedAt};
                   });
           }});
    r.add({QStringLiteral("handover.checklist"),
           tx("Handover item checklist", "交接物品清单"),
           {kSheetId},
           [](const QueryContext& ctx) {
               return sheetTable(ctx,
                                 {col("item", "Item", "物品"), col("title", "Name", "名称"),
                                  col("state", "State", "清点结果"), col("note", "Note", "备注"),
                                  col("confirmed_by", "Confirmed by", "清点人")},
                                 &HandoverSheet::checklist,
                                 [](const SheetChecklistItem& c) -> QVariantList {
                                     return {c.item, c.title.zh, c.state, c.note, c.confirmedBy};
                                 });
           }});
    r.add({QStringLiteral("mail.items"),
           tx("Mail register", "信报刊登记"),
           {kit::statusParam({QStringLiteral("waiting"), QStringLiteral("delivered")}), kLimit},
           [](const QueryContext& ctx) {
               return kit::registerRows(
                   ctx,
                   coded(ctx, {col("id", "No.", "编号"), col("kind", "Kind", "类别"),
                               col("addressee", "Addressee", "收件人"), col("unit", "Unit", "房号"),
                               col("sender", "Sender", "寄件人"),
                               col("received_at", "Received", "收到时间"),
                               col("status", "Status", "状态"),
                               col("delivered_to", "Received by", "签收人"),
                               col("method", "How", "派发方式"),
                               col("delivered_at", "Delivered", "派发时间")}),
                   QStringLiteral("SELECT id, kind, addressee, unit, sender, received_at, status, "
                                  "delivered_to, delivery_method, coalesce(delivered_at, '') "
                                  "FROM mail_items WHERE (? = '' OR status = ?) "
                                  "ORDER BY id DESC LIMIT ?"),
                   {"status"});
           }});
    r.add({QStringLiteral("custody.items"),
           tx("Custody register", "物品寄存登记"),
           {kit::statusParam(
                {QStringLiteral("pending"), QStringLiteral("held"), QStringLiteral("released")}),
            kLimit},
           [](const QueryContext& ctx) -> Result<QueryResult> {
               // An item is registered when its request is made: its time is the request's,
               // and its request number stands beside its own (R6-4).
               const QString status = kit::textParam(ctx.params, "status");
               auto r = kit::registerRows(
                   ctx,
                   coded(ctx,
                         {col("id", "No.", "编号"), col("request", "Request", "申请号"),
                          col("status", "Status", "状态"), col("kind", "Kind", "类别"),
                          col("item", "Item", "物品"), col("depositor", "Deposited by", "寄存人"),
                          col("recipient", "For", "领取人"), col("unit", "Unit", "房号"),
                          col("received_at", "Registered", "登记时间"),
                          col("approved_by", "Approved by", "批准人"),
                          col("released_to", "Released to", "实际领取人")}),
                   QStringLiteral(
                       "SELECT c.id, r.id, c.status, c.kind, c.item, c.depositor, c.recipient, "
                       "c.unit, coalesce(r.requested_at, c.received_at), "
                       "coalesce(a.display_name, ''), c.released_to "
                       "FROM custody_items c LEFT JOIN users a ON a.id = c.approved_by_user_id "
                       "LEFT JOIN approvals r ON r.action = 'custody.request' AND "
                       "r.result_entity_id = CAST(c.id AS TEXT) "
                       "WHERE (? = '' OR c.status = ?) ORDER BY c.id DESC LIMIT ?"),
                   {"status"});
               if (!r || (!status.isEmpty() && status != QStringLiteral("pending")))
                   return r;
               auto pending = pendingRequests(ctx.db, QStringLiteral("custody.request"));
               if (!pending)
                   return fail(pending.error());
               QList<QVariantList> waiting;
               for (const PendingRequest& p : *pending) {
                   const auto v = [&p](const char* key) {
                       return p.params.value(QString::fromUtf8(key)).toString();
                   };
                   waiting.push_back({QVariant(), p.id, QStringLiteral("pending"), v("kind"),
                                      v("item"), v("depositor"), v("recipient"), v("unit"),
                                      toStorage(p.requestedAt), QString(), QString()});
               }
               r->rows = waiting + r->rows;
               return r;
           }});
    r.add(
        {QStringLiteral("phone.calls"),
         tx("Phone log", "来电登记"),
         {kLimit},
         [](const QueryContext& ctx) {
             // Residents' numbers are shown masked (R6-3); reveal is the registry's audited
             // action.
             return kit::registerRows(
                 ctx,
                 coded(ctx,
                       {col("id", "No.", "编号"), col("taken_at", "Time", "时间"),
                        col("taken_by", "Taken by", "接听人"), col("caller", "Caller", "来电人"),
                        col("caller_phone", "Phone", "来电号码"), col("subject", "Subject", "事由"),
                        col("follow_up", "Follow-up", "跟进")}),
                 QStringLiteral("SELECT c.id, c.taken_at, u.display_name, c.caller, "
                                "c.caller_phone, c.subject, c.follow_up FROM phone_calls c "
                                "JOIN users u ON u.id = c.taken_by_user_id "
                                "ORDER BY c.id DESC LIMIT ?"),
                 {}, [](QVariantList& row) {
                     row[4] = maskPhone(row[4].toString());
                     row[6] = maskPhonesInText(row[6].toString());
                 });
         }});
    r.add({QStringLiteral("phone.bills"),
           tx("Front-desk phone bill", "前台电话费"),
           {},
           [](const QueryContext& ctx) {
               // Stored in fen, read in yuan as on the bill (R6-2): "236.00".
               return kit::rowsOf(
                   ctx.db,
                   coded(ctx, {col("month", "Month", "月份"),
                               col("amount", "Amount (yuan)", "金额（元）"),
                               col("quota", "Quota (yuan)", "定额（元）"),
                               col("excess", "Excess (yuan)", "超额（元）")}),
                   QStringLiteral(
                       "SELECT month, amount_fen, quota_fen, max(0, amount_fen - quota_fen) "
                       "FROM phone_bills ORDER BY month DESC"),
                   {}, [](QVariantList& row) {
                       for (int i = 1; i <= 3; ++i) {
                           const qint64 fen = row[i].toLongLong();
                           row[i] = QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10,
                                                                               QLatin1Char('0'));
                       }
                   });
           }});
    // The month's exceptions to the handover blockers (特批, R2-2.4), for the CS manager.
    s.actionRegistry().declarePermission(QStringLiteral("handover.exceptions"));
    r.add({QStringLiteral("handover.exceptions"),
           tx("Handover exceptions of a month", "交接班特批月报"),
           {kit::param("month", ParamType::Text, true, tx("Month (yyyy-MM)", "月份（yyyy-MM）"))},
           [](const QueryContext& ctx) -> Result<QueryResult> {
               auto doc = exceptionsReportDocument(ctx.services, textParam(ctx.params, "month"));
               if (!doc)
                   return fail(doc.error());
               QueryResult out;
               const PrintTable& table = doc->tables.first();
               static const char* keys[] = {"signed_at", "sheet_id", "post",   "shift",
                                            "signed_by", "reason",   "lifted", "sheet_status"};
               for (qsizetype i = 0; i < table.columns.size(); ++i)
                   out.columns.push_back({QLatin1String(keys[i]), table.columns[i]});
               for (const QStringList& row : table.rows) {
                   QVariantList values;
                   for (const QString& v : row)
                       values << v;
                   out.rows.push_back(values);
               }
               return out;
           },
           QStringLiteral("handover.exceptions")});
    r.add(
        {QStringLiteral("duty.records"),
         tx("Duty records", "值班记录"),
         {kit::statusParam({QStringLiteral("on"), QStringLiteral("ended")}), kLimit},
         [](const QueryContext& ctx) {
             return kit::registerRows(
                 ctx,
                 coded(ctx, {col("id", "No.", "编号"), col("duty_date", "Date", "日期"),
                             col("person", "On duty", "值班人"), col("started_at", "From", "开始"),
                             col("ended_at", "To", "结束"), col("status", "Status", "状态"),
                             col("happenings", "What happened", "值班情况"),
                             col("handling", "Handling", "处理情况"),
                             col("successor", "Successor", "接班人"),
                             col("override_reason", "Override", "特批原因")}),
                 QStringLiteral(
                     "SELECT d.id, d.duty_date, u.display_name, d.started_at, "
                     "coalesce(d.ended_at, ''), d.status, d.happenings, d.handling, "
                     "coalesce(n.display_name, ''), d.override_reason FROM duty_records d "
                     "JOIN users u ON u.id = d.user_id LEFT JOIN users n ON n.id = "
                     "d.successor_user_id "
                     "WHERE (? = '' OR d.status = ?) ORDER BY d.id DESC LIMIT ?"),
                 {"status"}, [](QVariantList& row) {
                     row[6] = maskPhonesInText(row[6].toString());
                     row[7] = maskPhonesInText(row[7].toString());
                 });
         }});
    r.add(
        {QStringLiteral("duty.incidents"),
         tx("Duty incidents", "值班突发事件"),
         {kLimit},
         [](const QueryContext& ctx) {
             return kit::registerRows(
                 ctx,
                 coded(ctx, {col("id", "No.", "编号"), col("duty_id", "Duty record", "值班记录"),
                             col("title", "Incident", "事件"), col("severity", "Severity", "性质"),
                             col("occurred_at", "Time", "时间"),
                             col("report_due_at", "Report due", "报告期限"),
                             col("reported_at", "Reported", "报告时间")}),
                 QStringLiteral("SELECT id, duty_id, title, severity, occurred_at, "
                                "coalesce(report_due_at, ''), coalesce(reported_at, '') "
                                "FROM duty_incidents ORDER BY id DESC LIMIT ?"),
                 {});
         }});
    r.add(
        {QStringLiteral("duty.inspections"),
         tx("Inspection rounds", "巡查记录"),
         {kit::param("duty_id", ParamType::Id, true, tx("Duty record", "值班记录"))},
         [](const QueryContext& ctx) {
             return kit::rowsOf(
                 ctx.db,
                 coded(ctx, {col("area", "Area", "区域"), col("condition", "Condition", "设施状况"),
                             col("hygiene", "Hygiene", "卫生"),
                             col("staff_quality", "Staff work", "员工工作质量"),
                             col("discipline", "Discipline", "劳动纪律"),
                             col("findings", "Findings", "发现问题"),
                             col("inspected_at", "Time", "时间")}),
                 QStringLiteral(
                     "SELECT area, condition, hygiene, staff_quality, discipline, findings, "
                     "inspected_at FROM duty_inspections WHERE duty_id = ? ORDER BY id"),
                 {ctx.params.value(QStringLiteral("duty_id"))});
         }});
}

namespace {

// The front desk's matters are for the people who work it, not for every office.
QStringList frontDeskRoles() {
    return {QStringLiteral("clerk"), QStringLiteral("supervisor"), QStringLiteral("cs_manager")};
}

} // namespace

void registerAttention(Services& s) {
    AttentionRegistry& r = s.attentionRegistry();
    r.add({QStringLiteral("handover.open_major_matters"), QStringLiteral("handover"),
           tx("Open major matters", "未解决的重大事项"),
           [](const Services& services, const Actor&) {
               return kit::attention(services, QStringLiteral("handover_matter"),
                                     QStringLiteral("SELECT id, created_at, id, cause FROM "
                                                    "handover_matters WHERE status = 'open' "
                                                    "AND severity <> 'normal' ORDER BY id"),
                                     {}, "Matter #%1: %2", "事项 #%1：%2");
           },
           frontDeskRoles()});
    r.add({QStringLiteral("handover.unacknowledged_instructions"), QStringLiteral("handover"),
           tx("Unacknowledged instructions", "未确认的上级指示"),
           [](const Services& services, const Actor&) {
               return kit::attention(services, QStringLiteral("handover_instruction"),
                                     QStringLiteral("SELECT id, recorded_at, issued_by, text FROM "
                                                    "handover_instructions WHERE "
                                                    "acknowledged_at IS NULL ORDER BY id"),
                                     {}, "%1: %2", "%1：%2");
           },
           frontDeskRoles()});
    r.add({QStringLiteral("mail.undelivered"), QStringLiteral("handover"),
           tx("Undelivered mail", "逾期未派发的信报刊"),
           [](const Services& services, const Actor&) {
               const int days =
                   services.policy().intParameter(QStringLiteral("mail.undelivered_days"), 3);
               return kit::attention(
                   services, QStringLiteral("mail_item"),
                   QStringLiteral("SELECT id, received_at, unit, addressee FROM mail_items WHERE "
                                  "status = 'waiting' AND received_at < ? ORDER BY received_at"),
                   {toStorage(services.clock().nowUtc().addDays(-days))}, "Mail for %1 %2",
                   "%1 %2 的邮件未派发");
           },
           frontDeskRoles()});
    // A sheet still open a while after its shift ended (R2-1.6, R6-5).
    r.add({QStringLiteral("handover.open_after_shift"),
           QStringLiteral("handover"),
           {QStringLiteral("Handover sheets still open after the shift"),
            QStringLiteral("下班后仍未完成的交接班")},
           [](const Services& services, const Actor&) -> Result<QList<AttentionItem>> {
               const int grace = services.policy().intParameter(
                   QStringLiteral("handover.open_after_shift_minutes"), 15);
               auto open = openSheetsPastShift(services.database().connection(), services.policy(),
                                               services.clock().nowUtc(), grace);
               if (!open)
                   return fail(open.error());
               QList<AttentionItem> out;
               for (const HandoverSheet& sheet : *open) {
                   const Text shift = shiftName(services.policy(), sheet.shift);
                   out.push_back(
                       {QStringLiteral("handover_sheet"),
                        QString::number(sheet.id),
                        {QStringLiteral(
                             "Sheet #%1 of %2 (%3 %4) is still open after the shift [R2-1.6]")
                             .arg(sheet.id)
                             .arg(sheet.outgoing, shift.en, sheet.shiftDate),
                         QStringLiteral("交接班记录 #%1（%2，%3 %4）下班后仍未完成交接【R2-1.6】")
                             .arg(sheet.id)
                             .arg(sheet.outgoing, sheet.shiftDate, shift.zh)},
                        shiftEnd(services.policy(), sheet)});
               }
               return out;
           },
           {QStringLiteral("supervisor"), QStringLiteral("cs_manager")}});
    // This month's exceptions reach the CS manager (the full list: handover.exceptions).
    r.add({QStringLiteral("handover.exceptions_this_month"),
           QStringLiteral("handover"),
           {QStringLiteral("Handover exceptions this month"), QStringLiteral("本月交接班特批")},
           [](const Services& services, const Actor&) -> Result<QList<AttentionItem>> {
               auto bounds =
                   officeMonth(services.clock().officeToday().toString(QStringLiteral("yyyy-MM")));
               if (!bounds)
                   return fail(bounds.error());
               return kit::attention(
                   services, QStringLiteral("handover_sheet"),
                   QStringLiteral("SELECT o.sheet_id, o.signed_at, o.sheet_id, u.display_name, "
                                  "o.reason FROM handover_overrides o JOIN users u ON u.id = "
                                  "o.approved_by_user_id WHERE o.signed_at >= ? AND "
                                  "o.signed_at < ? ORDER BY o.signed_at"),
                   {toStorage(bounds->first), toStorage(bounds->second)},
                   "Exception on sheet #%1 by %2: %3", "交接班记录 #%1 特批（%2）：%3");
           },
           {QStringLiteral("cs_manager")}});
    r.add({QStringLiteral("custody.pending_approvals"),
           QStringLiteral("handover"),
           tx("Custody requests waiting for approval", "待批准的寄存/转交申请"),
           [](const Services& services, const Actor&) -> Result<QList<AttentionItem>> {
               auto pending = pendingRequests(services.database().connection(),
                                              QStringLiteral("custody.request"));
               if (!pending)
                   return fail(pending.error());
               QList<AttentionItem> items;
               for (const PendingRequest& p : *pending) {
                   const QString item = p.params.value(QStringLiteral("item")).toString();
                   items.push_back({QStringLiteral("approval"),
                                    QString::number(p.id),
                                    {QStringLiteral("Request #%1: %2").arg(p.id).arg(item),
                                     QStringLiteral("申请 #%1：%2").arg(p.id).arg(item)},
                                    p.requestedAt});
               }
               return items;
           },
           {QStringLiteral("supervisor"), QStringLiteral("cs_manager"), QStringLiteral("clerk")}});
    r.add(
        {QStringLiteral("duty.missed_lighting_checks"),
         QStringLiteral("handover"),
         {QStringLiteral("Missed lighting checks"), QStringLiteral("漏做的灯光检查")},
         [](const Services& services, const Actor&) -> Result<QList<AttentionItem>> {
             const QStringList setTimes = kit::strings(
                 services.policy().parameter(QStringLiteral("duty.lighting_check_times")));
             const int grace =
                 services.policy().intParameter(QStringLiteral("duty.lighting_grace_minutes"), 30);
             const QDateTime now = services.clock().nowUtc();
             auto q = sql::exec(
                 services.database().connection(),
                 QStringLiteral(
                     "SELECT d.id, d.duty_date, d.started_at, u.display_name, "
                     "(SELECT group_concat(slot) FROM duty_lighting_checks c WHERE c.duty_id = "
                     "d.id) "
                     "FROM duty_records d JOIN users u ON u.id = d.user_id WHERE d.status = 'on'"));
             if (!q)
                 return fail(q.error());
             QList<AttentionItem> out;
             while (q->next()) {
                 const QDateTime started = fromStorage(q->value(2).toString());
                 const QStringList done =
                     q->value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
                 const QDate date = started.toTimeZone(Clock::officeZone()).date();
                 for (const QString& slot : setTimes) {
                     // A slot is due from the first occurrence after the duty started.
                     QDateTime at(date, QTime::fromString(slot, QStringLiteral("HH:mm")),
                                  Clock::officeZone());
                     if (at < started)
                         at = at.addDays(1);
                     if (done.contains(slot) || at.addSecs(grace * 60) > now)
                         continue;
                     out.push_back(
                         {QStringLiteral("duty_record"),
                          q->value(0).toString(),
                          {QStringLiteral("%1: lighting check at %2 not recorded [R8-1.5]")
                               .arg(q->value(3).toString(), slot),
                           QStringLiteral("%1：%2 的灯光检查未登记【R8-1.5】")
                               .arg(q->value(3).toString(), slot)},
                          at.toUTC()});
                 }
             }
             return out;
         },
         {QStringLiteral("cs_manager"), QStringLiteral("supervisor")}});
    r.add({QStringLiteral("duty.overdue_incident_reports"),
           QStringLiteral("handover"),
           tx("Overdue incident reports", "逾期未交的事件书面报告"),
           [](const Services& services, const Actor&) {
               return kit::attention(
                   services, QStringLiteral("duty_incident"),
                   QStringLiteral("SELECT id, report_due_at, title FROM duty_incidents WHERE "
                                  "severity = 'major' AND reported_at IS NULL AND "
                                  "report_due_at < ? ORDER BY report_due_at"),
                   {toStorage(services.clock().nowUtc())}, "Report on %1 was due [R8-1.6]",
                   "「%1」的书面报告已逾期【R8-1.6】");
           },
           {QStringLiteral("cs_manager"), QStringLiteral("supervisor")}});
    // A major incident reaches the CS manager at once (R8-1.6, R8-2.3).
    r.add({QStringLiteral("duty.major_incidents"),
           QStringLiteral("handover"),
           tx("Major incidents awaiting report", "待报告的重大事件"),
           [](const Services& services, const Actor&) {
               return kit::attention(services, QStringLiteral("duty_incident"),
                                     QStringLiteral("SELECT id, occurred_at, title FROM "
                                                    "duty_incidents WHERE severity = 'major' "
                                                    "AND reported_at IS NULL ORDER BY id"),
                                     {}, "Major incident: %1 [R8-1.6]", "重大事件：%1【R8-1.6】");
           },
           {QStringLiteral("cs_manager")}});
    r.add({QStringLiteral("duty.swaps"),
           QStringLiteral("handover"),
           tx("Duty swaps reported", "值班调班报告"),
           [](const Services& services, const Actor&) {
               return kit::attention(
                   services, QStringLiteral("duty_swap"),
                   QStringLiteral("SELECT w.id, w.recorded_at, w.duty_date, f.display_name, "
                                  "t.display_name FROM duty_swaps w JOIN users f ON f.id = "
                                  "w.from_user_id JOIN users t ON t.id = w.to_user_id "
                                  "WHERE w.duty_date >= ? ORDER BY w.duty_date"),
                   {services.clock().officeToday().toString(Qt::ISODate)}, "%1: %2 → %3",
                   "%1：%2 → %3");
           },
           {QStringLiteral("cs_manager")}});
}

} // namespace fd::handover
