// Documents (R4): incoming routing, outgoing and internal drafting, review, issue with a
// number, immutability and versions, filing, and document loans.
#include "archive_search.h"
#include "archives_internal.h"
#include "db/sql.h"
#include "module/record_handler.h"

#include <QSqlQuery>

namespace fd::archives {
namespace {

const Text kDocument = tx("Document", "文件");

Status reindex(const QSqlDatabase& db, qint64 id) {
    auto q = sql::exec(
        db,
        QStringLiteral(
            "SELECT number, title, doc_date, confidentiality FROM documents WHERE id = ?"),
        {id});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return {};
    const sql::Row row(*q);
    const QString date = row.text("doc_date");
    return indexRecord(db, {QStringLiteral("document"), id, 0, row.text("number"),
                            row.text("title"), date, date, 0, QStringLiteral(""),
                            row.text("confidentiality") != QStringLiteral("ordinary")});
}

// The next number of a sequence: 收〔2026〕001号 / 发〔2026〕001号 / 内〔2026〕001号 (R4-2.2(3)).
Result<QString> nextNumber(const QSqlDatabase& db, const QString& kind, const QDateTime& now) {
    const int year = now.toTimeZone(Clock::officeZone()).date().year();
    auto q = sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO document_sequences(kind, year, last_no) VALUES (?, ?, 1) "
            "ON CONFLICT(kind, year) DO UPDATE SET last_no = document_sequences.last_no + 1 "
            "RETURNING last_no"),
        {kind, year});
    if (!q)
        return fail(q.error());
    q->next();
    const qint64 n = q->value(0).toLongLong();
    q->finish();
    const QString prefix = kind == QStringLiteral("incoming")   ? QStringLiteral("收")
                           : kind == QStringLiteral("outgoing") ? QStringLiteral("发")
                                                                : QStringLiteral("内");
    return QStringLiteral("%1〔%2〕%3号").arg(prefix).arg(year).arg(n, 3, 10, QLatin1Char('0'));
}

Result<DocumentRow> docFrom(const ActionContext& ctx) {
    return loadDocument(ctx.db, idParam(ctx.params, "id"));
}

// The audit row of a change to document `id`; the result names the document ("document_id")
// besides what `result` holds.
ActionOutcome documentChange(qint64 id, QJsonObject oldValues, QJsonObject newValues,
                             QJsonObject result = {}) {
    result.insert(QStringLiteral("document_id"), id);
    return ActionOutcome{QStringLiteral("document"), QString::number(id), std::move(oldValues),
                         std::move(newValues), std::move(result)};
}

// Inserts a document and adds it to the search index; gives its id.
Result<qint64> insertDocument(const QSqlDatabase& db, const QString& statement,
                              const QVariantList& bindings) {
    auto id = insertId(db, statement, bindings);
    if (!id)
        return fail(id.error());
    if (auto ok = reindex(db, *id); !ok)
        return fail(ok.error());
    return id;
}

// Runs a change to document `id` and brings its search index up to date.
Status changeDocument(const QSqlDatabase& db, qint64 id, const QString& statement,
                      const QVariantList& bindings) {
    if (auto ok = sql::run(db, statement, bindings); !ok)
        return fail(ok.error());
    return reindex(db, id);
}

// A handler for the document the "id" parameter names, given the document.
ActionHandler onDocument(Result<ActionOutcome> (*handler)(ActionContext&, const DocumentRow&)) {
    return kit::onRecord(docFrom, handler);
}

Result<ActionOutcome> registerIncoming(ActionContext& ctx) {
    const auto& p = ctx.params;
    auto number = nextNumber(ctx.db, QStringLiteral("incoming"), ctx.now);
    if (!number)
        return fail(number.error());
    auto id = insertDocument(
        ctx.db,
        QStringLiteral("INSERT INTO documents(kind, number, title, body, doc_type, sender, "
                       "doc_date, confidentiality, status, "
                       "created_at, created_by, updated_at) VALUES "
                       "('incoming',?,?,?,?,?,?,?,'registered',?,?,?)"),
        {*number, p.value(QStringLiteral("title")).toString(),
         p.value(QStringLiteral("body")).toString(), p.value(QStringLiteral("doc_type")).toString(),
         p.value(QStringLiteral("sender")).toString(),
         p.value(QStringLiteral("doc_date")).toDate().toString(Qt::ISODate),
         p.value(QStringLiteral("confidentiality"), QStringLiteral("ordinary")).toString(),
         toStorage(ctx.now), ctx.actor.login, toStorage(ctx.now)});
    if (!id)
        return fail(id.error());
    return documentChange(*id, {},
                          {{QStringLiteral("number"), *number},
                           {QStringLiteral("title"), p.value(QStringLiteral("title")).toString()},
                           {QStringLiteral("sender"), p.value(QStringLiteral("sender")).toString()},
                           {QStringLiteral("status"), QStringLiteral("registered")}},
                          {{QStringLiteral("number"), *number}});
}

// A routing step: sets one field and the new status (R4-2.1).
ActionHandler routingStep(QString field, QString param, QString status) {
    return [field, param, status](ActionContext& ctx) -> Result<ActionOutcome> {
        auto d = docFrom(ctx);
        if (!d)
            return fail(d.error());
        QVariant value = ctx.params.value(param);
        if (value.typeId() == QMetaType::QStringList)
            value = value.toStringList().join(QLatin1Char(','));
        // The time it was handled starts the filing reminder (R1-1.1.2(2)⑦).
        if (auto ok = sql::run(
                ctx.db,
                QStringLiteral("UPDATE documents SET %1 = ?, status = ?, updated_at = ?, "
                               "handled_at = CASE WHEN ? = 'handled' THEN ? ELSE "
                               "handled_at END WHERE id = ?")
                    .arg(field),
                {value.toString(), status, toStorage(ctx.now), status, toStorage(ctx.now), d->id});
            !ok)
            return fail(ok.error());
        return documentChange(d->id, {{QStringLiteral("status"), d->status}},
                              {{QStringLiteral("status"), status}, {field, value.toString()}});
    };
}

Result<ActionOutcome> draft(ActionContext& ctx) {
    const auto& p = ctx.params;
    const QDate today = ctx.now.toTimeZone(Clock::officeZone()).date();
    auto id = insertDocument(
        ctx.db,
        QStringLiteral("INSERT INTO documents(kind, title, body, doc_type, recipient, department, "
                       "doc_date, confidentiality, "
                       "status, created_at, created_by, updated_at) VALUES "
                       "(?,?,?,?,?,?,?,?,'draft',?,?,?)"),
        {p.value(QStringLiteral("kind")).toString(), p.value(QStringLiteral("title")).toString(),
         p.value(QStringLiteral("body")).toString(), p.value(QStringLiteral("doc_type")).toString(),
         p.value(QStringLiteral("recipient")).toString(),
         p.value(QStringLiteral("department")).toString(), today.toString(Qt::ISODate),
         p.value(QStringLiteral("confidentiality"), QStringLiteral("ordinary")).toString(),
         toStorage(ctx.now), ctx.actor.login, toStorage(ctx.now)});
    if (!id)
        return fail(id.error());
    return documentChange(*id, {},
                          {{QStringLiteral("kind"), p.value(QStringLiteral("kind")).toString()},
                           {QStringLiteral("title"), p.value(QStringLiteral("title")).toString()},
                           {QStringLiteral("status"), QStringLiteral("draft")}});
}

Result<ActionOutcome> edit(ActionContext& ctx, const DocumentRow& d) {
    const QString title = ctx.params.value(QStringLiteral("title"), d.title).toString();
    // An approved draft that changes goes back for review.
    const QString status =
        d.status == QStringLiteral("approved") ? QStringLiteral("draft") : d.status;
    // A body given empty clears the text; a body not given stays.
    const bool newBody = ctx.params.contains(QStringLiteral("body"));
    const QString body = kit::textParam(ctx.params, "body");
    if (auto ok = changeDocument(
            ctx.db, d.id,
            QStringLiteral(
                "UPDATE documents SET title = ?, body = CASE WHEN ? = 1 THEN ? ELSE body END, "
                "status = ?, approved_by = CASE WHEN ? = 'draft' THEN '' ELSE approved_by END, "
                "updated_at = ? WHERE id = ?"),
            {title, newBody, body, status, status, toStorage(ctx.now), d.id});
        !ok)
        return fail(ok.error());
    return documentChange(
        d.id, {{QStringLiteral("title"), d.title}, {QStringLiteral("status"), d.status}},
        {{QStringLiteral("title"), title}, {QStringLiteral("status"), status}});
}

Result<ActionOutcome> approve(ActionContext& ctx, const DocumentRow& d) {
    QString by = ctx.actor.login;
    for (const auto& s : ctx.signatures)
        if (s.meaning == QStringLiteral("approver"))
            by = s.signer.login;
    if (auto ok =
            sql::run(ctx.db,
                     QStringLiteral("UPDATE documents SET status = 'approved', approved_by = ?, "
                                    "updated_at = ? WHERE id = ?"),
                     {by, toStorage(ctx.now), d.id});
        !ok)
        return fail(ok.error());
    return documentChange(d.id, {{QStringLiteral("status"), d.status}},
                          {{QStringLiteral("status"), QStringLiteral("approved")},
                           {QStringLiteral("approved_by"), by}});
}

Result<ActionOutcome> issue(ActionContext& ctx, const DocumentRow& d) {
    auto number = nextNumber(ctx.db, d.kind, ctx.now);
    if (!number)
        return fail(number.error());
    if (auto ok = changeDocument(ctx.db, d.id,
                                 QStringLiteral("UPDATE documents SET number = ?, status = "
                                                "'issued', issued_at = ?, updated_at = ?, "
                                                "execution_status = 'pending' WHERE id = ?"),
                                 {*number, toStorage(ctx.now), toStorage(ctx.now), d.id});
        !ok)
        return fail(ok.error());
    return documentChange(d.id, {{QStringLiteral("status"), d.status}},
                          {{QStringLiteral("status"), QStringLiteral("issued")},
                           {QStringLiteral("number"), *number},
                           {QStringLiteral("execution_status"), QStringLiteral("pending")}},
                          {{QStringLiteral("number"), *number}});
}

// R4-1.8: an issued document is carried out; the record ends its reminder.
Result<ActionOutcome> recordExecution(ActionContext& ctx, const DocumentRow& d) {
    auto st = sql::scalar(
        ctx.db, QStringLiteral("SELECT execution_status FROM documents WHERE id = ?"), {d.id});
    if (!st)
        return fail(st.error());
    if (st->toString() == QStringLiteral("carried_out"))
        return fail(
            bad(QStringLiteral("id"),
                {QStringLiteral("Document %1 is recorded as carried out already.").arg(d.number),
                 QStringLiteral("文件 %1 已登记为执行完毕。").arg(d.number)}));
    const QString note = ctx.params.value(QStringLiteral("note")).toString();
    if (note.trimmed().isEmpty())
        return fail(bad(QStringLiteral("note"), tx("Say how the document was carried out (note).",
                                                   "须填写执行情况（note）。")));
    if (auto ok = sql::run(ctx.db,
                           QStringLiteral("UPDATE documents SET execution_status = 'carried_out', "
                                          "execution_note = ?, executed_at = ?, executed_by = ?, "
                                          "updated_at = ? WHERE id = ?"),
                           {note, toStorage(ctx.now), ctx.actor.login, toStorage(ctx.now), d.id});
        !ok)
        return fail(ok.error());
    return documentChange(d.id, {{QStringLiteral("execution_status"), st->toString()}},
                          {{QStringLiteral("execution_status"), QStringLiteral("carried_out")},
                           {QStringLiteral("execution_note"), note}});
}

Result<ActionOutcome> revise(ActionContext& ctx, const DocumentRow& d) {
    // A change to an issued document is a new version linked to the old (R4-1.9).
    auto id = insertDocument(
        ctx.db,
        QStringLiteral("INSERT INTO documents(kind, title, body, doc_type, sender, recipient, "
                       "department, doc_date, confidentiality, "
                       "status, version, previous_id, created_at, created_by, updated_at) "
                       "SELECT kind, coalesce(nullif(?, ''), title), coalesce(nullif(?, ''), "
                       "body), doc_type, sender, recipient, "
                       "department, ?, confidentiality, 'draft', version + 1, id, ?, ?, ? FROM "
                       "documents WHERE id = ?"),
        {ctx.params.value(QStringLiteral("title")).toString(),
         ctx.params.value(QStringLiteral("body")).toString(),
         ctx.now.toTimeZone(Clock::officeZone()).date().toString(Qt::ISODate), toStorage(ctx.now),
         ctx.actor.login, toStorage(ctx.now), d.id});
    if (!id)
        return fail(id.error());
    return documentChange(*id, {},
                          {{QStringLiteral("previous_id"), d.id},
                           {QStringLiteral("status"), QStringLiteral("draft")}},
                          {{QStringLiteral("previous_id"), d.id}});
}

Result<ActionOutcome> fileDocument(ActionContext& ctx, const DocumentRow& d) {
    auto date =
        sql::scalar(ctx.db, QStringLiteral("SELECT doc_date FROM documents WHERE id = ?"), {d.id});
    if (!date)
        return fail(date.error());
    const QString title = d.number.isEmpty() ? d.title : d.number + QLatin1Char(' ') + d.title;
    QVariantMap p{{QStringLiteral("volume"), ctx.params.value(QStringLiteral("volume"))},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("item_date"), QDate::fromString(date->toString(), Qt::ISODate)},
                  {QStringLiteral("original"), true},
                  {QStringLiteral("copy_reason"), QStringLiteral("")},
                  {QStringLiteral("pages"), ctx.params.value(QStringLiteral("pages"))},
                  {QStringLiteral("responsible"), ctx.params.value(QStringLiteral("responsible"))},
                  {QStringLiteral("document_id"), d.id}};
    ActionContext inner{ctx.services,   ctx.db,     ctx.actor,    p,
                        ctx.signatures, ctx.reason, ctx.approval, ctx.now};
    return fileItemHandler(inner);
}

Result<ActionOutcome> lendDocument(ActionContext& ctx, const DocumentRow& d) {
    auto open = sql::scalar(
        ctx.db,
        QStringLiteral(
            "SELECT id FROM document_loans WHERE document_id = ? AND returned_at IS NULL"),
        {d.id});
    if (!open)
        return fail(open.error());
    if (open->isValid())
        return fail(bad(
            QStringLiteral("id"),
            {QStringLiteral("Document %1 is lent out (loan %2).").arg(d.id).arg(open->toLongLong()),
             QStringLiteral("文件 %1 已借出（借阅 %2）。").arg(d.id).arg(open->toLongLong())}));
    const auto& p = ctx.params;
    auto id = insertId(ctx.db,
                       QStringLiteral("INSERT INTO document_loans(document_id, borrower, "
                                      "purpose, handler, lent_at, due_date) "
                                      "VALUES (?,?,?,?,?,?)"),
                       {d.id, p.value(QStringLiteral("borrower")).toString(),
                        p.value(QStringLiteral("purpose")).toString(),
                        p.value(QStringLiteral("handler")).toString(), toStorage(ctx.now),
                        p.value(QStringLiteral("due_date")).toDate().toString(Qt::ISODate)});
    if (!id)
        return fail(id.error());
    return ActionOutcome{
        QStringLiteral("document_loan"),
        QString::number(*id),
        {},
        {{QStringLiteral("document_id"), d.id},
         {QStringLiteral("borrower"), p.value(QStringLiteral("borrower")).toString()},
         {QStringLiteral("purpose"), p.value(QStringLiteral("purpose")).toString()},
         {QStringLiteral("handler"), p.value(QStringLiteral("handler")).toString()},
         {QStringLiteral("due_date"),
          p.value(QStringLiteral("due_date")).toDate().toString(Qt::ISODate)}},
        {{QStringLiteral("loan_id"), *id}}};
}

Result<ActionOutcome> returnDocument(ActionContext& ctx) {
    const qint64 id = idParam(ctx.params, "loan_id");
    auto q = sql::exec(
        ctx.db,
        QStringLiteral(
            "UPDATE document_loans SET returned_at = ? WHERE id = ? AND returned_at IS NULL"),
        {toStorage(ctx.now), id});
    if (!q)
        return fail(q.error());
    if (q->numRowsAffected() != 1)
        return fail(
            bad(QStringLiteral("loan_id"), {QStringLiteral("Document loan %1 is not open.").arg(id),
                                            QStringLiteral("文件借阅 %1 不在借出状态。").arg(id)}));
    return ActionOutcome{QStringLiteral("document_loan"),
                         QString::number(id),
                         {},
                         {{QStringLiteral("returned_at"), toStorage(ctx.now)}},
                         {{QStringLiteral("loan_id"), id}}};
}

} // namespace

Result<DocumentRow> loadDocument(const QSqlDatabase& db, qint64 id) {
    auto q = sql::one(
        db,
        QStringLiteral(
            "SELECT kind, status, confidentiality, number, title FROM documents WHERE id = ?"),
        {id}, missing(QStringLiteral("id"), "document", "文件", id));
    if (!q)
        return fail(q.error());
    const sql::Row row(*q);
    return DocumentRow{id,
                       row.text("kind"),
                       row.text("status"),
                       row.text("confidentiality"),
                       row.text("number"),
                       row.text("title")};
}

void registerDocumentActions(Services& s) {
    auto& r = s.actionRegistry();
    const ParamSpec id = param("id", ParamType::Id, true, kDocument);
    const ParamSpec confidentiality = param(
        "confidentiality", ParamType::Choice, false, tx("Confidentiality", "密级"),
        {QStringLiteral("ordinary"), QStringLiteral("secret"), QStringLiteral("confidential")});
    addAction(r,
              {QStringLiteral("document.register_incoming"),
               tx("Register incoming document", "收文登记"),
               {param("title", ParamType::Text, true, tx("Title", "标题")),
                param("sender", ParamType::Text, true, tx("Sender", "来文单位")),
                param("doc_date", ParamType::Date, true, tx("Document date", "来文日期")),
                param("doc_type", ParamType::Text, true, tx("Type", "文种")),
                param("body", ParamType::LongText, false, tx("Summary", "摘要")), confidentiality},
               registerIncoming});
    // A routing step records one field and moves the document on to a status (R4-2.1).
    auto routing = [&](const char* name, const Text& title, const ParamSpec& input,
                       const char* field, const char* status) {
        addAction(
            r, {QString::fromLatin1(name),
                title,
                {id, input},
                routingStep(QString::fromLatin1(field), input.name, QString::fromLatin1(status))});
    };
    routing("document.instruct", tx("GM's instructions", "总经理批示"),
            param("instructions", ParamType::LongText, true, tx("Instructions", "批示")),
            "instructions", "instructed");
    routing("document.circulate", tx("Circulate to managers", "传阅"),
            param("managers", ParamType::TextList, true, tx("Managers", "传阅人")), "circulated_to",
            "circulated");
    routing("document.assign", tx("Assign to department", "交办"),
            param("department", ParamType::Text, true, tx("Handling department", "承办部门")),
            "assigned_department", "assigned");
    routing("document.record_result", tx("Record handling result", "办理结果"),
            param("result", ParamType::LongText, true, tx("Result", "办理结果")), "result",
            "handled");
    addAction(r,
              {QStringLiteral("document.draft"),
               tx("Draft document", "拟稿"),
               {param("kind", ParamType::Choice, true, tx("Kind", "类别"),
                      {QStringLiteral("outgoing"), QStringLiteral("internal")}),
                param("title", ParamType::Text, true, tx("Title", "标题")),
                param("body", ParamType::LongText, true, tx("Text", "正文")),
                param("doc_type", ParamType::Text, false, tx("Type", "文种")),
                param("recipient", ParamType::Text, false, tx("Recipient", "主送")),
                param("department", ParamType::Text, true, tx("Drafting department", "拟稿部门")),
                confidentiality},
               draft});
    addAction(r, {QStringLiteral("document.edit"),
                  tx("Edit draft", "修改草稿"),
                  // An emptied text clears it; the title cannot be emptied.
                  {id,
                   whenEmpty(param("title", ParamType::Text, false, tx("Title", "标题")),
                             WhenEmpty::Refuse),
                   whenEmpty(param("body", ParamType::LongText, false, tx("Text", "正文")),
                             WhenEmpty::Clear)},
                  onDocument(edit)});
    addAction(r, {QStringLiteral("document.approve"),
                  tx("Review and sign", "审核签发"),
                  {id},
                  onDocument(approve)});
    addAction(
        r,
        {QStringLiteral("document.issue"), tx("Issue document", "发文"), {id}, onDocument(issue)});
    addAction(r, {QStringLiteral("document.record_execution"),
                  tx("Record execution", "登记执行情况"),
                  {id, param("note", ParamType::LongText, true,
                             tx("How it was carried out", "执行情况"))},
                  onDocument(recordExecution)});
    addAction(r, {QStringLiteral("document.revise"),
                  tx("New version", "修订（新版本）"),
                  {id, param("title", ParamType::Text, false, tx("Title", "标题")),
                   param("body", ParamType::LongText, false, tx("Text", "正文"))},
                  onDocument(revise)});
    addAction(r, {QStringLiteral("document.file"),
                  tx("File document", "文件归档"),
                  {id, param("volume", ParamType::Text, true, tx("Volume", "案卷")),
                   kit::wholeNumber("pages", true, tx("Pages", "页数"), 1),
                   param("responsible", ParamType::Text, true, tx("Responsible person", "责任者"))},
                  onDocument(fileDocument)});
    addAction(r, {QStringLiteral("document.lend"),
                  tx("Lend document", "文件借阅"),
                  {id, param("borrower", ParamType::Text, true, tx("Borrower", "借阅人")),
                   param("purpose", ParamType::Text, true, tx("Purpose", "借阅目的")),
                   param("handler", ParamType::Text, true, tx("Handler", "经手人")),
                   param("due_date", ParamType::Date, true, tx("Return date", "归还日期"))},
                  onDocument(lendDocument)});
    addAction(r, {QStringLiteral("document.return"),
                  tx("Return document", "文件归还"),
                  {param("loan_id", ParamType::Id, true, tx("Document loan", "文件借阅"))},
                  returnDocument});
}

} // namespace fd::archives
