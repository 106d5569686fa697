// Lists of the archives area. Every read takes the actor: records that are confidential,
// secret or personal files are left out — rows and counts — for an actor without
// clearance (R1-1.3.7, R4-1.4, R4-1.5).
#include "archive_search.h"
#include "archives_internal.h"
#include "db/sql.h"
#include "rules/policy.h"

#include <QSqlQuery>

namespace fd::archives {
namespace {

// Chinese and English names of the codes the archive tables store.
const QMap<QString, Text>& codeLabels() {
    static const QMap<QString, Text> labels = {
        {QStringLiteral("volume"), {QStringLiteral("Volume"), QStringLiteral("案卷")}},
        {QStringLiteral("item"), {QStringLiteral("Item"), QStringLiteral("卷内文件")}},
        {QStringLiteral("document"), {QStringLiteral("Document"), QStringLiteral("文件")}},
        {QStringLiteral("active"), {QStringLiteral("Kept"), QStringLiteral("在库")}},
        {QStringLiteral("destroyed"), {QStringLiteral("Destroyed"), QStringLiteral("已销毁")}},
        {QStringLiteral("approved"), {QStringLiteral("Approved"), QStringLiteral("已批准")}},
        {QStringLiteral("out"), {QStringLiteral("Out"), QStringLiteral("借出中")}},
        {QStringLiteral("returned"), {QStringLiteral("Returned"), QStringLiteral("已归还")}},
        {QStringLiteral("open"), {QStringLiteral("Open"), QStringLiteral("未结")}},
        {QStringLiteral("reported"), {QStringLiteral("Reported"), QStringLiteral("已书面报告")}},
        {QStringLiteral("closed"), {QStringLiteral("Closed"), QStringLiteral("已结束")}},
        {QStringLiteral("lend"), {QStringLiteral("Lend"), QStringLiteral("外借")}},
        {QStringLiteral("on_site"), {QStringLiteral("Read on site"), QStringLiteral("现场查阅")}},
        {QStringLiteral("ordinary"), {QStringLiteral("Ordinary"), QStringLiteral("普通")}},
        {QStringLiteral("secret"), {QStringLiteral("Secret"), QStringLiteral("秘密")}},
        {QStringLiteral("confidential"), {QStringLiteral("Confidential"), QStringLiteral("机密")}},
        {QStringLiteral("incoming"), {QStringLiteral("Incoming"), QStringLiteral("收文")}},
        {QStringLiteral("outgoing"), {QStringLiteral("Outgoing"), QStringLiteral("发文")}},
        {QStringLiteral("internal"), {QStringLiteral("Internal"), QStringLiteral("内部行文")}},
        {QStringLiteral("registered"), {QStringLiteral("Registered"), QStringLiteral("已登记")}},
        {QStringLiteral("instructed"), {QStringLiteral("Instructed"), QStringLiteral("已批示")}},
        {QStringLiteral("circulated"), {QStringLiteral("Circulated"), QStringLiteral("已传阅")}},
        {QStringLiteral("assigned"), {QStringLiteral("Assigned"), QStringLiteral("已交办")}},
        {QStringLiteral("done"), {QStringLiteral("Handled"), QStringLiteral("已办结")}},
        {QStringLiteral("handled"), {QStringLiteral("Handled"), QStringLiteral("已办结")}},
        {QStringLiteral("filed"), {QStringLiteral("Filed"), QStringLiteral("已归档")}},
        {QStringLiteral("draft"), {QStringLiteral("Draft"), QStringLiteral("草稿")}},
        {QStringLiteral("issued"), {QStringLiteral("Issued"), QStringLiteral("已签发")}},
        {QStringLiteral("missing"), {QStringLiteral("Missing"), QStringLiteral("缺失")}},
        {QStringLiteral("damage"), {QStringLiteral("Damage"), QStringLiteral("损坏")}},
        {QStringLiteral("leak"), {QStringLiteral("Leak of secrets"), QStringLiteral("泄密")}},
        {QStringLiteral("monthly"), {QStringLiteral("Monthly count"), QStringLiteral("月度清点")}},
        {QStringLiteral("annual"),
         {QStringLiteral("Annual inventory"), QStringLiteral("年度清理")}},
        {QStringLiteral("inspection"), {QStringLiteral("Inspection"), QStringLiteral("检查")}},
        {QStringLiteral("pending"), {QStringLiteral("Not yet counted"), QStringLiteral("待清点")}},
        {QStringLiteral("requested"),
         {QStringLiteral("Waiting for approval"), QStringLiteral("待批准")}},
        {QStringLiteral("present"), {QStringLiteral("In place"), QStringLiteral("在位")}},
        {QStringLiteral("misplaced"), {QStringLiteral("Misplaced"), QStringLiteral("错位")}},
    };
    return labels;
}

const QStringList kCodedColumns = {QStringLiteral("kind"), QStringLiteral("status"),
                                   QStringLiteral("mode"), QStringLiteral("confidentiality"),
                                   QStringLiteral("state")};

// Yes/no flags stored as 1/0 (locked cabinet, damaged on inventory, confidential loan).
const QMap<QString, Text>& yesNo() {
    static const QMap<QString, Text> labels = {
        {QStringLiteral("1"), {QStringLiteral("Yes"), QStringLiteral("是")}},
        {QStringLiteral("0"), {QStringLiteral("No"), QStringLiteral("否")}}};
    return labels;
}

// How each stored flag reads: an item is the original or a copy (R1-1.1.2); a volume
// without a sealing time is not sealed yet.
QMap<QString, Text> flagLabels(const QString& key) {
    if (key == QStringLiteral("original"))
        return {{QStringLiteral("1"), {QStringLiteral("Original"), QStringLiteral("原件")}},
                {QStringLiteral("0"), {QStringLiteral("Copy"), QStringLiteral("复印件")}}};
    if (key == QStringLiteral("locked") || key == QStringLiteral("damaged") ||
        key == QStringLiteral("confidential") || key == QStringLiteral("sealed"))
        return yesNo();
    if (key == QStringLiteral("execution_status"))
        return {{QString(), {QStringLiteral("—"), QStringLiteral("—")}},
                {QStringLiteral("pending"),
                 {QStringLiteral("Not yet carried out"), QStringLiteral("待执行")}},
                {QStringLiteral("carried_out"),
                 {QStringLiteral("Carried out"), QStringLiteral("已执行")}}};
    if (key == QStringLiteral("sealed_at"))
        return {{QString(), {QStringLiteral("Not sealed"), QStringLiteral("未封存")}}};
    return {};
}

// Columns whose stored codes and flags read as the archives' labels.
QList<QueryColumn> coded(QList<QueryColumn> columns) {
    return kit::withLabels(std::move(columns), [](const QString& key) {
        return kCodedColumns.contains(key) ? codeLabels() : flagLabels(key);
    });
}

// The SQL condition hiding restricted volumes (alias v, categories c) from the actor.
QString volumeFilter(const QueryContext& ctx) {
    return hasClearance(ctx.services.policy(), ctx.actor)
               ? QString()
               : QStringLiteral(" AND v.confidentiality = 'ordinary' AND c.kind <> 'personnel'");
}

QString documentFilter(const QueryContext& ctx) {
    return hasClearance(ctx.services.policy(), ctx.actor)
               ? QString()
               : QStringLiteral(" AND d.confidentiality = 'ordinary'");
}

QString loanFilter(const QueryContext& ctx) {
    return hasClearance(ctx.services.policy(), ctx.actor)
               ? QString()
               : QStringLiteral(" AND o.confidential = 0");
}

QString today(const QueryContext& ctx) {
    return ctx.services.clock().officeToday().toString(Qt::ISODate);
}

const QList<QueryColumn> kVolumeColumns = {
    col("id", "Id", "序号"),
    col("number", "Volume number", "案卷号"),
    col("title", "Title", "案卷题名"),
    col("category", "Category", "类别"),
    col("owner", "Department / organisation", "部门/单位"),
    col("custodian", "Custodian", "保管人"),
    col("retention", "Retention (years, 0 = permanent)", "保管期限（年，0为永久）"),
    col("eligible_on", "Destroyable from", "可销毁日期"),
    col("confidentiality", "Confidentiality", "密级"),
    col("location", "Location", "存放位置"),
    col("date_from", "From", "起始日期"),
    col("date_to", "To", "截止日期"),
    col("items", "Items", "件数"),
    col("sealed_at", "Sealed", "封存时间"),
    col("status", "Status", "状态")};

QString volumeSelect() {
    return QStringLiteral(
        "SELECT v.id, v.number, v.title, c.name_zh, CASE WHEN v.organisation <> '' THEN "
        "v.organisation ELSE v.department END, "
        "v.custodian, v.retention_years, coalesce(v.eligible_on, ''), v.confidentiality, "
        "v.cabinet || CASE WHEN v.shelf <> '' THEN '-' || v.shelf ELSE '' END || CASE WHEN "
        "v.position <> '' THEN '-' || v.position ELSE '' END, "
        "v.date_from, v.date_to, (SELECT count(*) FROM archive_items i WHERE i.volume_id = v.id), "
        "coalesce(v.sealed_at, ''), "
        "v.status FROM archive_volumes v JOIN archive_categories c ON c.id = v.category_id WHERE "
        "1 = 1 ");
}

Result<QueryResult> volumes(const QueryContext& ctx, bool catalogue) {
    QString where = volumeFilter(ctx);
    QVariantList binds;
    if (!catalogue && !ctx.params.value(QStringLiteral("include_destroyed")).toBool())
        where += QStringLiteral(" AND v.status = 'active'");
    if (const qint64 cat = idParam(ctx.params, "category_id"); cat > 0) {
        where +=
            QStringLiteral(" AND v.category_id IN (WITH RECURSIVE t(id) AS (SELECT CAST(? AS "
                           "BIGINT) UNION ALL SELECT x.id FROM "
                           "archive_categories x JOIN t ON x.parent_id = t.id) SELECT id FROM t)");
        binds << cat;
    }
    if (const QString cab = ctx.params.value(QStringLiteral("cabinet")).toString();
        !cab.isEmpty()) {
        where += QStringLiteral(" AND v.cabinet = ?");
        binds << cab;
    }
    // Date order within each category (R1-1.4.3).
    return kit::rowsOf(ctx.db, coded(kVolumeColumns),
                       volumeSelect() + where +
                           QStringLiteral(" ORDER BY c.sort_order, v.date_from, v.number"),
                       binds);
}

Result<QueryResult> items(const QueryContext& ctx) {
    const QString ref = ctx.params.value(QStringLiteral("volume")).toString();
    auto v = loadVolumes(ctx.db, {ref}, QStringLiteral("volume"));
    if (!v)
        return fail(v.error());
    // A personal file's items are read only by the borrower of a loan the general manager
    // approved, while it is out (R4-1.5, R4-1.4).
    const bool personal = v->first().categoryKind == QStringLiteral("personnel");
    bool reader = false;
    if (personal) {
        auto may = mayReadPersonalFile(ctx.db, ctx.actor, v->first().id);
        if (!may)
            return fail(may.error());
        reader = *may;
    }
    // A restricted volume does not exist for an actor without clearance.
    const bool cleared = hasClearance(ctx.services.policy(), ctx.actor);
    if (v->first().restricted() && !cleared && !reader)
        return fail(missing(QStringLiteral("volume"), "archive volume", "案卷", ref));
    // The keeper sees that a personal file exists, never its items.
    if (personal && !reader)
        return fail(personalFileRefusal(ctx.services.policy(), v->first().number));
    return kit::rowsOf(
        ctx.db,
        coded({col("seq_no", "No.", "顺序号"), col("title", "Title", "文件题名"),
               col("item_date", "Date", "日期"), col("original", "Original", "原件"),
               col("copy_reason", "Copy reason", "复印原因"), col("pages", "Pages", "页数"),
               col("responsible", "Responsible", "责任者"), col("id", "Id", "序号")}),
        QStringLiteral("SELECT seq_no, title, item_date, original, copy_reason, pages, "
                       "responsible, id FROM archive_items "
                       "WHERE volume_id = ? ORDER BY item_date, seq_no"),
        {v->first().id});
}

Result<QueryResult> searchQuery(const QueryContext& ctx) {
    SearchQuery q;
    q.text = ctx.params.value(QStringLiteral("text")).toString();
    q.from = ctx.params.value(QStringLiteral("date_from")).toDate();
    q.to = ctx.params.value(QStringLiteral("date_to")).toDate();
    q.categoryId = idParam(ctx.params, "category_id");
    q.cabinet = ctx.params.value(QStringLiteral("cabinet")).toString();
    q.kinds = ctx.params.value(QStringLiteral("kinds")).toStringList();
    q.limit = ctx.params.value(QStringLiteral("limit"), 200).toInt();
    auto r = search(ctx.db, ctx.services.policy(), ctx.actor, q);
    if (!r)
        return fail(r.error());
    QueryResult out;
    out.columns = coded({col("kind", "Kind", "类型"), col("number", "Number", "编号"),
                         col("title", "Title", "题名"), col("date_from", "From", "起始日期"),
                         col("date_to", "To", "截止日期"), col("cabinet", "Cabinet", "档案柜"),
                         col("ref_id", "Id", "序号"), col("volume_id", "Volume", "案卷")});
    for (const SearchHit& h : r->hits)
        out.rows.push_back(
            {h.kind, h.number, h.title, h.dateFrom, h.dateTo, h.cabinet, h.refId, h.volumeId});
    return out;
}

const QList<QueryColumn> kLoanColumns = {col("id", "Loan", "借阅号"),
                                         col("borrower", "Borrower", "借阅人"),
                                         col("organisation", "Organisation", "单位"),
                                         col("volumes", "Volumes", "案卷"),
                                         col("purpose", "Purpose", "目的"),
                                         col("mode", "Mode", "方式"),
                                         col("due_date", "Due", "应还日期"),
                                         col("status", "Status", "状态"),
                                         col("approved_by", "Approved by", "批准人"),
                                         col("days_overdue", "Days overdue", "逾期天数"),
                                         col("borrower_staff_id", "Staff", "员工"),
                                         col("items", "Items", "件数"),
                                         col("request", "Request", "申请号")};

QString loanSelect() {
    return QStringLiteral(
        "SELECT o.id, o.borrower_name, o.organisation, (SELECT "
        "group_concat(v.number, ', ') FROM archive_loan_lines l "
        "JOIN archive_volumes v ON v.id = l.volume_id WHERE l.loan_id = o.id), "
        "o.purpose, o.mode, o.due_date, o.status, "
        "o.approved_by, CASE WHEN o.status = 'out' THEN max(0, CAST(julianday(?) - "
        "julianday(o.due_date) AS INTEGER)) ELSE 0 END, "
        "coalesce(o.borrower_staff_id, 0), "
        "(SELECT coalesce(sum(item_count), 0) FROM archive_loan_lines WHERE loan_id = o.id), "
        "(SELECT r.id FROM approvals r WHERE r.action = 'archive.request_loan' "
        "AND r.result_entity_id = CAST(o.id AS TEXT)) "
        "FROM archive_loans o WHERE 1 = 1 ");
}

Result<QueryResult> loans(const QueryContext& ctx) {
    QString where = loanFilter(ctx);
    QVariantList binds{today(ctx)};
    const QString st = ctx.params.value(QStringLiteral("status")).toString();
    if (!st.isEmpty()) {
        where += QStringLiteral(" AND o.status = ?");
        binds << st;
    }
    auto r =
        kit::rowsOf(ctx.db, coded(kLoanColumns),
                    loanSelect() + where + QStringLiteral(" ORDER BY o.id DESC LIMIT 1000"), binds);
    if (!r || (!st.isEmpty() && st != QStringLiteral("requested")))
        return r;
    // A request waiting for the approval it needs (the general manager's for personal files,
    // R1-1.2.1) stands first, as 待批准 under its request number. A request for a confidential
    // volume shows only to those with clearance, as its loan would.
    auto pending = pendingRequests(ctx.db, QStringLiteral("archive.request_loan"));
    if (!pending)
        return fail(pending.error());
    const bool cleared = hasClearance(ctx.services.policy(), ctx.actor);
    QList<QVariantList> waiting;
    for (const PendingRequest& p : *pending) {
        const QStringList volumes = p.params.value(QStringLiteral("volumes")).toStringList();
        if (!cleared) {
            // Hidden as its loan would be: a secret volume or a personal file (R1-1.4.5).
            bool restricted = false;
            for (const QString& number : volumes) {
                auto v = loadVolumeByNumber(ctx.db, number);
                restricted = restricted || (v && v->restricted());
            }
            if (restricted)
                continue;
        }
        const auto v = [&p](const char* key) {
            return p.params.value(QString::fromUtf8(key)).toString();
        };
        waiting.push_back({QVariant(), v("borrower_name"), v("organisation"),
                           volumes.join(QStringLiteral(", ")), v("purpose"), v("mode"),
                           v("due_date"), QStringLiteral("requested"), QString(), 0,
                           p.params.value(QStringLiteral("borrower_staff_id"), 0), 0, p.id});
    }
    r->rows = waiting + r->rows;
    return r;
}

Result<QueryResult> overdue(const QueryContext& ctx) {
    const QString t = today(ctx);
    // Walks the (status, due_date) index: only loans out and past due are read (R1-1.3.5).
    return kit::rowsOf(
        ctx.db, coded(kLoanColumns),
        loanSelect() + loanFilter(ctx) +
            QStringLiteral(" AND o.status = 'out' AND o.due_date < ? ORDER BY o.due_date, o.id"),
        {t, t});
}

Result<QueryResult> dueForSealing(const QueryContext& ctx) {
    const int days =
        ctx.services.policy().intParameter(QStringLiteral("archives.sealing_after_days"), 365);
    const QString cutoff = toStorage(ctx.services.clock().nowUtc().addDays(-days));
    return kit::rowsOf(ctx.db, coded(kVolumeColumns),
                       volumeSelect() + volumeFilter(ctx) +
                           QStringLiteral(" AND v.status = 'active' AND v.sealed_at IS NULL AND "
                                          "v.created_at <= ? ORDER BY v.created_at"),
                       {cutoff});
}

Result<QueryResult> eligibleForDestruction(const QueryContext& ctx) {
    return kit::rowsOf(
        ctx.db, coded(kVolumeColumns),
        volumeSelect() + volumeFilter(ctx) +
            QStringLiteral(
                " AND v.status = 'active' AND v.eligible_on IS NOT NULL AND v.eligible_on <= ? "
                "AND NOT EXISTS (SELECT 1 FROM archive_disposal_lines dl JOIN archive_disposals d "
                "ON d.id = dl.disposal_id "
                "WHERE dl.volume_id = v.id AND d.status = 'approved') ORDER BY v.eligible_on"),
        {today(ctx)});
}

Result<QueryResult> incidents(const QueryContext& ctx) {
    const QString st =
        ctx.params.value(QStringLiteral("status"), QStringLiteral("open")).toString();
    auto r = kit::rowsOf(
        ctx.db,
        coded({col("id", "Incident", "事故号"), col("loan_id", "Loan", "借阅号"),
               col("kind", "Kind", "类型"), col("description", "What happened", "情况"),
               col("opened_at", "Opened", "发生时间"), col("report", "Written report", "书面报告"),
               col("status", "Status", "状态")}),
        QStringLiteral("SELECT i.id, coalesce(i.loan_id, 0), i.kind, i.description, "
                       "i.opened_at, i.report, i.status "
                       "FROM archive_incidents i LEFT JOIN archive_loans o ON o.id = "
                       "i.loan_id WHERE i.status = ? ") +
            (hasClearance(ctx.services.policy(), ctx.actor)
                 ? QString()
                 : QStringLiteral(" AND coalesce(o.confidential, 0) = 0")) +
            QStringLiteral(" ORDER BY i.id"),
        {st});
    if (!r)
        return r;
    // When it happened, in the office's time (stored as UTC).
    for (QVariantList& row : r->rows)
        row[4] = fromStorage(row[4].toString())
                     .toTimeZone(Clock::officeZone())
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return r;
}

Result<QueryResult> inventoryReport(const QueryContext& ctx) {
    return kit::rowsOf(
        ctx.db,
        coded({col("number", "Volume number", "案卷号"), col("title", "Title", "题名"),
               col("expected_cabinet", "Expected in", "应在位置"),
               col("found_cabinet", "Found in", "实际位置"), col("state", "Finding", "结果"),
               col("damaged", "Damaged", "破损"), col("note", "Note", "备注")}),
        QStringLiteral(
            "SELECT v.number, v.title, l.expected_cabinet, l.found_cabinet, l.state, "
            "l.damaged, l.note "
            "FROM archive_inventory_lines l JOIN archive_volumes v ON v.id = l.volume_id "
            "JOIN archive_categories c ON c.id = v.category_id WHERE l.inventory_id = ? "
            "AND (l.state IN ('missing', 'misplaced', 'pending') OR l.damaged = 1) ") +
            volumeFilter(ctx) + QStringLiteral(" ORDER BY l.state, v.number"),
        {idParam(ctx.params, "inventory_id")});
}

Result<QueryResult> inventories(const QueryContext& ctx) {
    return kit::rowsOf(ctx.db,
                       coded({col("id", "Inventory", "盘点号"), col("kind", "Kind", "类型"),
                              col("period", "Period", "期间"), col("cabinet", "Cabinet", "档案柜"),
                              col("status", "Status", "状态"), col("started_at", "Started", "开始"),
                              col("closed_at", "Closed", "结束"),
                              col("seven_preventions", "Seven preventions", "七防")}),
                       QStringLiteral("SELECT id, kind, period, cabinet, status, started_at, "
                                      "coalesce(closed_at, ''), seven_preventions "
                                      "FROM archive_inventories ORDER BY id DESC"),
                       {});
}

const QList<QueryColumn> kDocumentColumns = {
    col("id", "Id", "序号"),
    col("kind", "Kind", "类别"),
    col("number", "Number", "文号"),
    col("title", "Title", "标题"),
    col("sender", "Sender", "来文单位"),
    col("doc_date", "Date", "日期"),
    col("status", "Status", "状态"),
    col("version", "Version", "版本"),
    col("assigned_department", "Handling department", "承办部门"),
    col("confidentiality", "Confidentiality", "密级"),
    col("execution_status", "Carried out", "执行情况"),
    col("since", "Handled or issued", "办结/发出时间")};

QString documentSelect() {
    return QStringLiteral(
        "SELECT d.id, d.kind, d.number, d.title, d.sender, d.doc_date, d.status, d.version, "
        "d.assigned_department, d.confidentiality, d.execution_status, "
        "coalesce(d.issued_at, d.handled_at, '') FROM documents d WHERE 1 = 1 ");
}

// The documents list; the time handled or issued reads in the office's time (stored UTC).
Result<QueryResult> documentRows(const QueryContext& ctx, const QString& statement,
                                 const QVariantList& binds) {
    auto r = kit::rowsOf(ctx.db, coded(kDocumentColumns), statement, binds);
    if (!r)
        return r;
    const qsizetype since = kDocumentColumns.size() - 1;
    for (QVariantList& row : r->rows)
        if (const QString stored = row[since].toString(); !stored.isEmpty())
            row[since] = fromStorage(stored)
                             .toTimeZone(Clock::officeZone())
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return r;
}

Result<QueryResult> documents(const QueryContext& ctx) {
    QString where = documentFilter(ctx);
    QVariantList binds;
    for (const char* f : {"kind", "status"})
        if (const QString v = ctx.params.value(QString::fromUtf8(f)).toString(); !v.isEmpty()) {
            where += QStringLiteral(" AND d.%1 = ?").arg(QString::fromUtf8(f));
            binds << v;
        }
    return documentRows(
        ctx, documentSelect() + where + QStringLiteral(" ORDER BY d.id DESC LIMIT 1000"), binds);
}

Result<QueryResult> documentsPending(const QueryContext& ctx) {
    // Incoming documents not yet handled (R4-1.11), oldest first.
    return documentRows(
        ctx,
        documentSelect() + documentFilter(ctx) +
            QStringLiteral(" AND d.kind = 'incoming' AND d.status IN ('registered', "
                           "'instructed', 'circulated', 'assigned') "
                           "ORDER BY d.created_at"),
        {});
}

// Handled (incoming) or issued (outgoing, internal) and still not filed after the policy's
// days (R1-1.1.2(2)⑦, R4-1.10), oldest first.
Result<QueryResult> documentsUnfiled(const QueryContext& ctx) {
    const int days =
        ctx.services.policy().intParameter(QStringLiteral("archives.document_filing_days"), 7);
    const QString cutoff = toStorage(ctx.services.clock().nowUtc().addDays(-days));
    return documentRows(
        ctx,
        documentSelect() + documentFilter(ctx) +
            QStringLiteral(" AND d.filed_item_id IS NULL AND ((d.status = 'handled' AND "
                           "d.handled_at <= ?) OR (d.status = 'issued' AND "
                           "d.issued_at <= ?)) ORDER BY coalesce(d.issued_at, "
                           "d.handled_at), d.id"),
        {cutoff, cutoff});
}

// Issued documents whose execution is not recorded yet (R4-1.8), oldest first.
Result<QueryResult> documentsNotCarriedOut(const QueryContext& ctx) {
    return documentRows(
        ctx,
        documentSelect() + documentFilter(ctx) +
            QStringLiteral(" AND d.execution_status = 'pending' ORDER BY d.issued_at, "
                           "d.id"),
        {});
}

Result<QueryResult> summary(const QueryContext& ctx) {
    const QString vf = volumeFilter(ctx);
    auto q = sql::exec(
        ctx.db,
        QStringLiteral(
            "SELECT (SELECT count(*) FROM archive_volumes v JOIN archive_categories c ON c.id = "
            "v.category_id "
            "WHERE v.status = 'active' %1), (SELECT count(*) FROM archive_items i JOIN "
            "archive_volumes v ON "
            "v.id = i.volume_id JOIN archive_categories c ON c.id = v.category_id WHERE 1 = 1 %1), "
            "(SELECT count(*) FROM archive_loans o WHERE o.status = 'out' %2), "
            "(SELECT count(*) FROM documents d WHERE 1 = 1 %3)")
            .arg(vf, loanFilter(ctx), documentFilter(ctx)),
        {});
    if (!q)
        return fail(q.error());
    q->next();
    QueryResult r;
    r.columns =
        coded({col("volumes", "Volumes", "案卷"), col("items", "Items", "文件"),
               col("loans_out", "On loan", "借出"), col("documents", "Documents", "文件登记")});
    r.rows.push_back({q->value(0), q->value(1), q->value(2), q->value(3)});
    return r;
}

Result<QList<AttentionItem>>
attentionFromQuery(const Services& s, const Actor& actor, const QString& query,
                   const QString& entity, const std::function<Text(const QVariantList&)>& text,
                   int idColumn, int sinceColumn) {
    auto r = s.query(query, {}, actor);
    if (!r)
        return fail(r.error());
    // The time a list shows: stored UTC, or the office's time as the incidents list shows it.
    // A plain date (a due date, a document's date) is that day's start in the office.
    auto since = [](const QString& shown) {
        const QDateTime local = QDateTime::fromString(shown, QStringLiteral("yyyy-MM-dd HH:mm"));
        if (local.isValid())
            return QDateTime(local.date(), local.time(), Clock::officeZone()).toUTC();
        const QDate day = QDate::fromString(shown, Qt::ISODate);
        if (day.isValid() && shown.size() == 10)
            return QDateTime(day, QTime(0, 0), Clock::officeZone()).toUTC();
        return fromStorage(shown);
    };
    QList<AttentionItem> items;
    for (const auto& row : r->rows)
        items.push_back({entity, row[idColumn].toString(), text(row),
                         sinceColumn >= 0 ? since(row[sinceColumn].toString()) : QDateTime()});
    return items;
}

// Monthly (R1-1.1.3), annual (R1-1.3.6) inventories and two inspections a year (R3-4.4.2).
Result<QList<AttentionItem>> inventoryDue(const Services& s, const Actor&) {
    const QDate today = s.clock().officeToday();
    const QSqlDatabase db = s.database().connection();
    QList<AttentionItem> items;
    auto done = [&](const QString& kind, const QString& period) -> Result<qint64> {
        auto v = sql::scalar(db,
                             QStringLiteral("SELECT count(*) FROM archive_inventories WHERE kind = "
                                            "? AND period = ? AND status = 'closed'"),
                             {kind, period});
        if (!v)
            return fail(v.error());
        return v->toLongLong();
    };
    const QDate lastMonth = today.addMonths(-1);
    auto prev = done(QStringLiteral("monthly"), lastMonth.toString(QStringLiteral("yyyy-MM")));
    if (!prev)
        return fail(prev.error());
    const int remindDay =
        s.policy().intParameter(QStringLiteral("archives.inventory_remind_day"), 25);
    auto cur = done(QStringLiteral("monthly"), today.toString(QStringLiteral("yyyy-MM")));
    if (!cur)
        return fail(cur.error());
    if (*cur == 0 && today.day() >= remindDay) {
        const QString m = today.toString(QStringLiteral("yyyy-MM"));
        items.push_back({QStringLiteral("archive_inventory"),
                         m,
                         {QStringLiteral("Monthly inventory for %1 not done [R1-1.1.3]").arg(m),
                          QStringLiteral("%1 月度库藏清理未完成【R1-1.1.3】").arg(m)},
                         {}});
    }
    if (*prev == 0) {
        const QString m = lastMonth.toString(QStringLiteral("yyyy-MM"));
        items.push_back({QStringLiteral("archive_inventory"),
                         m,
                         {QStringLiteral("Monthly inventory for %1 was not done [R1-1.1.3]").arg(m),
                          QStringLiteral("%1 月度库藏清理未做【R1-1.1.3】").arg(m)},
                         {}});
    }
    const QString year = QString::number(today.year());
    auto annual = done(QStringLiteral("annual"), year);
    if (!annual)
        return fail(annual.error());
    if (*annual == 0)
        items.push_back(
            {QStringLiteral("archive_inventory"),
             year,
             {QStringLiteral("Annual full inventory for %1 not done [R1-1.3.6]").arg(year),
              QStringLiteral("%1 年初全面清点未完成【R1-1.3.6】").arg(year)},
             {}});
    auto inspections = done(QStringLiteral("inspection"), year);
    if (!inspections)
        return fail(inspections.error());
    if (*inspections < 2 && today.month() >= 6)
        items.push_back(
            {QStringLiteral("archive_inventory"),
             year,
             {QStringLiteral("%1 of 2 archive inspections done this year [R3-4.4.2]")
                  .arg(*inspections),
              QStringLiteral("本年档案检查已做 %1 次，应至少 2 次【R3-4.4.2】").arg(*inspections)},
             {}});
    return items;
}

} // namespace

void registerArchiveQueries(Services& s) {
    auto& q = s.queryRegistry();
    const ParamSpec category = param("category_id", ParamType::Id, false, tx("Category", "类别"));
    const ParamSpec cabinet = param("cabinet", ParamType::Text, false, tx("Cabinet", "档案柜"));
    q.add({QStringLiteral("archive.categories"),
           tx("Archive categories", "档案类别"),
           {},
           [](const QueryContext& ctx) {
               return kit::rowsOf(
                   ctx.db,
                   coded({col("id", "Id", "序号"), col("code", "Code", "代码"),
                          col("name", "Name", "名称"), col("name_en", "Name (English)", "英文名称"),
                          col("kind", "Kind", "种类"), col("custodian", "Kept by", "保管"),
                          col("parent_id", "Parent", "上级")}),
                   QStringLiteral(
                       "SELECT id, code, name_zh, name_en, kind, custodian, coalesce(parent_id, 0) "
                       "FROM archive_categories ORDER BY sort_order"),
                   {});
           }});
    q.add({QStringLiteral("archive.cabinets"),
           tx("Archive cabinets", "档案柜"),
           {},
           [](const QueryContext& ctx) {
               return kit::rowsOf(
                   ctx.db,
                   coded({col("code", "Cabinet", "柜号"), col("name", "Name", "名称"),
                          col("locked", "Locked", "加锁")}),
                   QStringLiteral("SELECT code, name, locked FROM archive_cabinets ORDER BY code"),
                   {});
           }});
    q.add(
        {QStringLiteral("archive.volumes"),
         tx("Volume catalogue", "案卷目录"),
         {category, cabinet,
          param("include_destroyed", ParamType::Bool, false, tx("Include destroyed", "含已销毁"))},
         [](const QueryContext& ctx) { return volumes(ctx, false); }});
    q.add({QStringLiteral("archive.general_catalogue"),
           tx("General catalogue", "总目录"),
           {category},
           [](const QueryContext& ctx) { return volumes(ctx, true); }});
    q.add({QStringLiteral("archive.items"),
           tx("In-volume item list", "卷内目录"),
           {param("volume", ParamType::Text, true, tx("Volume", "案卷"))},
           items});
    q.add({QStringLiteral("archive.search"),
           tx("Archive search", "档案检索"),
           {param("text", ParamType::Text, false, tx("Number or words", "编号或题名")),
            param("date_from", ParamType::Date, false, tx("From", "起始日期")),
            param("date_to", ParamType::Date, false, tx("To", "截止日期")), category, cabinet,
            param("kinds", ParamType::TextList, false, tx("Kinds", "类型")), kit::limitParam(5000)},
           searchQuery});
    q.add({QStringLiteral("archive.loans"),
           tx("Borrowing register", "借阅登记"),
           {param("status", ParamType::Choice, false, tx("Status", "状态"),
                  {QStringLiteral("requested"), QStringLiteral("approved"), QStringLiteral("out"),
                   QStringLiteral("returned")})},
           loans,
           QStringLiteral("archive.lend")});
    q.add({QStringLiteral("archive.overdue"),
           tx("Overdue loans", "逾期未还"),
           {},
           overdue,
           QStringLiteral("archive.lend")});
    q.add({QStringLiteral("archive.due_for_sealing"),
           tx("Due for sealing", "待封存"),
           {},
           dueForSealing,
           QStringLiteral("archive.seal")});
    q.add({QStringLiteral("archive.eligible_for_destruction"),
           tx("Eligible for destruction", "可销毁"),
           {},
           eligibleForDestruction,
           QStringLiteral("archive.propose_destruction")});
    q.add({QStringLiteral("archive.incidents"),
           tx("Loan incidents", "借阅事故"),
           {param("status", ParamType::Choice, false, tx("Status", "状态"),
                  {QStringLiteral("open"), QStringLiteral("reported")})},
           incidents,
           QStringLiteral("archive.lend")});
    q.add({QStringLiteral("archive.inventories"),
           tx("Inventories", "库藏清理"),
           {},
           inventories,
           QStringLiteral("archive.inventory_start")});
    q.add({QStringLiteral("archive.inventory_report"),
           tx("Inventory report", "清理报告"),
           {param("inventory_id", ParamType::Id, true, tx("Inventory", "盘点"))},
           inventoryReport,
           QStringLiteral("archive.inventory_start")});
    q.add({QStringLiteral("archive.summary"), tx("Archive counts", "档案统计"), {}, summary});
    q.add({QStringLiteral("documents"),
           tx("Documents", "文件登记"),
           {param("kind", ParamType::Choice, false, tx("Kind", "类别"),
                  {QStringLiteral("incoming"), QStringLiteral("outgoing"),
                   QStringLiteral("internal")}),
            param("status", ParamType::Text, false, tx("Status", "状态"))},
           documents});
    q.add({QStringLiteral("documents.pending"),
           tx("Documents waiting for handling", "待办文件"),
           {},
           documentsPending});
    q.add({QStringLiteral("documents.unfiled"),
           tx("Documents not filed in time", "逾期未归档文件"),
           {},
           documentsUnfiled});
    q.add({QStringLiteral("documents.not_carried_out"),
           tx("Issued documents not yet carried out", "待执行的发文"),
           {},
           documentsNotCarriedOut});

    auto& a = s.attentionRegistry();
    const QStringList keepers{QStringLiteral("archivist"), QStringLiteral("secretary")};
    a.add({QStringLiteral("archive.overdue"), QStringLiteral("archives"),
           tx("Overdue archive loans", "逾期未还档案"),
           [](const Services& sv, const Actor& actor) {
               return attentionFromQuery(
                   sv, actor, QStringLiteral("archive.overdue"), QStringLiteral("archive_loan"),
                   [](const QVariantList& r) {
                       return Text{
                           QStringLiteral("Loan #%1 %2: %3, due %4 (%5 days overdue) [R1-1.3.5]")
                               .arg(r[0].toString(), r[1].toString(), r[3].toString(),
                                    r[6].toString(), r[9].toString()),
                           QStringLiteral("借阅 #%1 %2：%3，应还 %4（逾期 %5 天）【R1-1.3.5】")
                               .arg(r[0].toString(), r[1].toString(), r[3].toString(),
                                    r[6].toString(), r[9].toString())};
                   },
                   0, 6);
           },
           keepers});
    a.add({QStringLiteral("documents.pending"),
           QStringLiteral("archives"),
           tx("Documents waiting for handling results", "待办理文件"),
           [](const Services& sv, const Actor& actor) {
               return attentionFromQuery(
                   sv, actor, QStringLiteral("documents.pending"), QStringLiteral("document"),
                   [](const QVariantList& r) {
                       const Text status = codeLabels().value(
                           r[6].toString(), Text{r[6].toString(), r[6].toString()});
                       return Text{QStringLiteral("%1 %2 — %3 [R4-1.11]")
                                       .arg(r[2].toString(), r[3].toString(), status.en),
                                   QStringLiteral("%1 %2 —— %3【R4-1.11】")
                                       .arg(r[2].toString(), r[3].toString(), status.zh)};
                   },
                   0, 5);
           },
           {QStringLiteral("doc_clerk"), QStringLiteral("secretary"),
            QStringLiteral("general_manager"), QStringLiteral("office_manager"),
            QStringLiteral("cs_manager"), QStringLiteral("archivist")}});
    // The document clerk files what was handled or issued (R1-1.1.2(2)⑦, R4-1.10).
    a.add({QStringLiteral("documents.unfiled"),
           QStringLiteral("archives"),
           tx("Documents handled or issued but not filed", "已办结或已发出未归档的文件"),
           [](const Services& sv, const Actor& actor) {
               const int days =
                   sv.policy().intParameter(QStringLiteral("archives.document_filing_days"), 7);
               return attentionFromQuery(
                   sv, actor, QStringLiteral("documents.unfiled"), QStringLiteral("document"),
                   [days](const QVariantList& r) {
                       const Text status = codeLabels().value(
                           r[6].toString(), Text{r[6].toString(), r[6].toString()});
                       return Text{QStringLiteral("%1 %2 — %3, not filed after %4 days "
                                                  "[R1-1.1.2(2)⑦]")
                                       .arg(r[2].toString(), r[3].toString(), status.en)
                                       .arg(days),
                                   QStringLiteral("%1 %2 —— %3，%4 天仍未归档【R1-1.1.2(2)⑦】")
                                       .arg(r[2].toString(), r[3].toString(), status.zh)
                                       .arg(days)};
                   },
                   0, 11);
           },
           {QStringLiteral("doc_clerk"), QStringLiteral("secretary")}});
    // Issued documents are carried out (R4-1.8): a reminder until it is recorded.
    a.add({QStringLiteral("documents.not_carried_out"),
           QStringLiteral("archives"),
           tx("Issued documents not yet carried out", "待执行的发文"),
           [](const Services& sv, const Actor& actor) {
               return attentionFromQuery(
                   sv, actor, QStringLiteral("documents.not_carried_out"),
                   QStringLiteral("document"),
                   [](const QVariantList& r) {
                       return Text{QStringLiteral("%1 %2 — issued, execution not recorded "
                                                  "[R4-1.8]")
                                       .arg(r[2].toString(), r[3].toString()),
                                   QStringLiteral("%1 %2 —— 已发出，尚未登记执行情况【R4-1.8】")
                                       .arg(r[2].toString(), r[3].toString())};
                   },
                   0, 11);
           },
           {QStringLiteral("doc_clerk"), QStringLiteral("secretary"),
            QStringLiteral("general_manager"), QStringLiteral("office_manager"),
            QStringLiteral("cs_manager")}});
    a.add({QStringLiteral("archive.sealing"), QStringLiteral("archives"),
           tx("Volumes due for sealing", "待封存案卷"),
           [](const Services& sv, const Actor& actor) {
               return attentionFromQuery(
                   sv, actor, QStringLiteral("archive.due_for_sealing"),
                   QStringLiteral("archive_volume"),
                   [](const QVariantList& r) {
                       return Text{QStringLiteral("%1 %2 stored a year: seal it [R1-1.4.4]")
                                       .arg(r[1].toString(), r[2].toString()),
                                   QStringLiteral("%1 %2 已存放一年，应封存【R1-1.4.4】")
                                       .arg(r[1].toString(), r[2].toString())};
                   },
                   0, -1);
           },
           keepers});
    a.add({QStringLiteral("archive.incidents"), QStringLiteral("archives"),
           tx("Incidents waiting for a written report", "待书面报告的事故"),
           [](const Services& sv, const Actor& actor) {
               return attentionFromQuery(
                   sv, actor, QStringLiteral("archive.incidents"),
                   QStringLiteral("archive_incident"),
                   [](const QVariantList& r) {
                       const Text kind = codeLabels().value(r[2].toString(),
                                                            Text{r[2].toString(), r[2].toString()});
                       return Text{
                           QStringLiteral("Incident #%1 (%2) needs a written report [R1-1.2.6]")
                               .arg(r[0].toString(), kind.en),
                           QStringLiteral("事故 #%1（%2）须书面报告【R1-1.2.6】")
                               .arg(r[0].toString(), kind.zh)};
                   },
                   0, 4);
           },
           keepers});
    a.add({QStringLiteral("archive.inventory_due"), QStringLiteral("archives"),
           tx("Archive inventories due", "到期的库藏清理"), inventoryDue, keepers});

    // R1-1.2.7 / R5-d: open loans block a departing staff member.
    s.staffOpenItemRegistry().add(
        {QStringLiteral("archive.loans"), tx("Archive loan", "未还档案"),
         [](const QSqlDatabase& db, qint64 staffId) -> Result<QStringList> {
             auto out = kit::openItems(
                 db,
                 QStringLiteral("SELECT o.id, coalesce((SELECT group_concat(v.number, ', ') FROM "
                                "archive_loan_lines l JOIN archive_volumes v ON v.id = "
                                "l.volume_id WHERE l.loan_id = o.id), '') || ' (' || o.due_date "
                                "|| ')' FROM archive_loans o WHERE o.borrower_staff_id = ? AND "
                                "o.status <> 'returned' ORDER BY o.id"),
                 {staffId});
             if (!out)
                 return out;
             auto documents = kit::openItems(
                 db,
                 QStringLiteral("SELECT l.id, d.title FROM document_loans l JOIN documents d ON "
                                "d.id = l.document_id JOIN users u ON u.login = l.borrower OR "
                                "u.display_name = l.borrower WHERE u.staff_id = ? AND "
                                "l.returned_at IS NULL"),
                 {staffId});
             if (!documents)
                 return documents;
             for (const QString& loan : *documents)
                 *out << QStringLiteral("文件借阅 ") + loan;
             return out;
         }});
}

} // namespace fd::archives
