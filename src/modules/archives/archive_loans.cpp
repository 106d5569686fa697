// Loans (R1-1.2, R1-1.1.5, R1-2.5): request, checkout and return with two signatures,
// incidents with a written report.
#include "archives_internal.h"
#include "db/sql.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace fd::archives {
namespace {

struct LoanRow {
    qint64 id = 0;
    QString status;
    QString borrowerKind;
    QString borrowerName;
    qint64 expectedCount = 0;
    qint64 checkoutCount = 0;
};

Result<LoanRow> loadLoan(const QSqlDatabase& db, qint64 id) {
    auto q = sql::one(
        db,
        QStringLiteral(
            "SELECT o.status, o.borrower_name, coalesce(o.checkout_count, 0), "
            "(SELECT coalesce(sum(item_count), 0) FROM archive_loan_lines WHERE loan_id = o.id), "
            "o.borrower_kind FROM archive_loans o WHERE o.id = ?"),
        {id}, missing(QStringLiteral("loan_id"), "loan", "借阅记录", id));
    if (!q)
        return fail(q.error());
    return LoanRow{id,
                   q->value(0).toString(),
                   q->value(4).toString(),
                   q->value(1).toString(),
                   q->value(3).toLongLong(),
                   q->value(2).toLongLong()};
}

// A borrower without an account signs the printed slip on paper (R1-1.2.5): the form
// records who signed, by name and ID document. Staff sign with their own password.
struct PaperSigner {
    QString name;
    QString idDocument;
};

Result<PaperSigner> paperSigner(const ActionContext& ctx, const LoanRow& loan) {
    if (loan.borrowerKind == QStringLiteral("staff"))
        return PaperSigner{QStringLiteral(""), QStringLiteral("")};
    const QString name = ctx.params.value(QStringLiteral("signer_name")).toString().trimmed();
    const QString id = ctx.params.value(QStringLiteral("signer_id_document")).toString().trimmed();
    if (name.isEmpty())
        return fail(bad(QStringLiteral("signer_name"),
                        tx("A borrower from outside signs the printed slip: record the name of the "
                           "person signing (signer_name) [R1-1.2.5].",
                           "外来借阅人在打印的借阅单上签字，须登记签字人姓名（signer_name）"
                           "【R1-1.2.5】。")));
    if (id.isEmpty())
        return fail(bad(QStringLiteral("signer_id_document"),
                        tx("A borrower from outside signs the printed slip: record the ID document "
                           "of the person signing (signer_id_document) [R1-1.2.5].",
                           "外来借阅人在打印的借阅单上签字，须登记签字人身份证件"
                           "（signer_id_document）【R1-1.2.5】。")));
    return PaperSigner{name, id};
}

Result<ActionOutcome> requestLoan(ActionContext& ctx) {
    const auto& p = ctx.params;
    const QString kind = p.value(QStringLiteral("borrower_kind")).toString();
    const qint64 staffId = p.value(QStringLiteral("borrower_staff_id")).toLongLong();
    if (kind == QStringLiteral("staff") && staffId <= 0)
        return fail(bad(QStringLiteral("borrower_staff_id"),
                        tx("A staff borrower is named by their staff record (borrower_staff_id).",
                           "员工借阅须选择借阅员工。")));
    if (kind != QStringLiteral("staff") &&
        p.value(QStringLiteral("organisation")).toString().trimmed().isEmpty())
        return fail(bad(QStringLiteral("organisation"),
                        tx("The borrowing organisation is required.", "须填写借阅单位。")));
    auto vols = loadVolumes(ctx.db, p.value(QStringLiteral("volumes")).toStringList(),
                            QStringLiteral("volumes"));
    if (!vols)
        return fail(vols.error());
    bool restricted = false;
    for (const VolumeRow& v : *vols) {
        if (v.status != QStringLiteral("active"))
            return fail(bad(QStringLiteral("volumes"),
                            {QStringLiteral("Volume %1 was destroyed.").arg(v.number),
                             QStringLiteral("案卷 %1 已销毁。").arg(v.number)}));
        auto busy = sql::scalar(
            ctx.db,
            QStringLiteral(
                "SELECT o.id FROM archive_loan_lines l JOIN archive_loans o ON o.id = l.loan_id "
                "WHERE l.volume_id = ? AND o.status <> 'returned'"),
            {v.id});
        if (!busy)
            return fail(busy.error());
        if (busy->isValid())
            return fail(bad(
                QStringLiteral("volumes"),
                {QStringLiteral("Volume %1 is on loan %2.").arg(v.number).arg(busy->toLongLong()),
                 QStringLiteral("案卷 %1 已在借阅 %2 中。")
                     .arg(v.number)
                     .arg(busy->toLongLong())}));
        restricted = restricted || v.restricted();
    }
    const QString approvedBy =
        ctx.approval
            ? ctx.approval->approver.login
            : (kind == QStringLiteral("parent_company") ? QStringLiteral("registered") : QString());
    auto id = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO archive_loans(borrower_kind, borrower_staff_id, borrower_name, "
                       "organisation, "
                       "introduction_letter, id_document, purpose, mode, due_date, status, "
                       "requested_by, requested_at, "
                       "approved_by, confidential) VALUES (?,?,?,?,?,?,?,?,?,'approved',?,?,?,?)"),
        {kind, staffId > 0 ? QVariant(staffId) : QVariant(QMetaType(QMetaType::LongLong)),
         p.value(QStringLiteral("borrower_name")).toString(),
         p.value(QStringLiteral("organisation")).toString(),
         p.value(QStringLiteral("introduction_letter")).toString(),
         p.value(QStringLiteral("id_document")).toString(),
         p.value(QStringLiteral("purpose")).toString(), p.value(QStringLiteral("mode")).toString(),
         p.value(QStringLiteral("due_date")).toDate().toString(Qt::ISODate), ctx.actor.login,
         toStorage(ctx.now), approvedBy, restricted ? 1 : 0});
    if (!id)
        return fail(id.error());
    QJsonArray numbers;
    for (const VolumeRow& v : *vols) {
        if (auto ok = sql::run(
                ctx.db,
                QStringLiteral(
                    "INSERT INTO archive_loan_lines(loan_id, volume_id, item_count) "
                    "VALUES (?, ?, (SELECT count(*) FROM archive_items WHERE volume_id = ?))"),
                {*id, v.id, v.id});
            !ok)
            return fail(ok.error());
        numbers.append(v.number);
    }
    return ActionOutcome{
        QStringLiteral("archive_loan"),
        QString::number(*id),
        {},
        {{QStringLiteral("borrower"), p.value(QStringLiteral("borrower_name")).toString()},
         {QStringLiteral("borrower_kind"), kind},
         {QStringLiteral("volumes"), numbers},
         {QStringLiteral("mode"), p.value(QStringLiteral("mode")).toString()},
         {QStringLiteral("due_date"),
          p.value(QStringLiteral("due_date")).toDate().toString(Qt::ISODate)},
         {QStringLiteral("approved_by"), approvedBy}},
        {{QStringLiteral("loan_id"), *id}}};
}

Result<ActionOutcome> lend(ActionContext& ctx) {
    auto loan = loadLoan(ctx.db, idParam(ctx.params, "loan_id"));
    if (!loan)
        return fail(loan.error());
    if (loan->status != QStringLiteral("approved"))
        return fail(bad(
            QStringLiteral("loan_id"),
            {QStringLiteral("Loan %1 is %2, not waiting for checkout.")
                 .arg(loan->id)
                 .arg(loan->status),
             QStringLiteral("借阅 %1 当前状态为 %2，不能借出。").arg(loan->id).arg(loan->status)}));
    const qint64 count = idParam(ctx.params, "count");
    if (count != loan->expectedCount)
        return fail(
            bad(QStringLiteral("count"),
                {QStringLiteral("Counted %1 items but the catalogue lists %2; resolve the "
                                "difference before lending [R1-1.2.5].")
                     .arg(count)
                     .arg(loan->expectedCount),
                 QStringLiteral("清点 %1 件，目录为 %2 件；请先核对清楚再借出【R1-1.2.5】。")
                     .arg(count)
                     .arg(loan->expectedCount)}));
    auto paper = paperSigner(ctx, *loan);
    if (!paper)
        return fail(paper.error());
    const Actor* archivist = signer(ctx, QStringLiteral("archivist"));
    const QString by = archivist ? archivist->login : ctx.actor.login;
    if (auto ok = sql::run(
            ctx.db,
            QStringLiteral(
                "UPDATE archive_loans SET status = 'out', checked_out_at = ?, checkout_count = ?, "
                "checked_out_by = ?, checkout_signer_name = ?, checkout_signer_id_document = ? "
                "WHERE id = ?"),
            {toStorage(ctx.now), count, by, paper->name, paper->idDocument, loan->id});
        !ok)
        return fail(ok.error());
    QJsonObject after{{QStringLiteral("status"), QStringLiteral("out")},
                      {QStringLiteral("count"), count},
                      {QStringLiteral("borrower"), loan->borrowerName}};
    if (!paper->name.isEmpty()) {
        after.insert(QStringLiteral("signed_on_paper_by"), paper->name);
        after.insert(QStringLiteral("id_document"), paper->idDocument);
    }
    return ActionOutcome{QStringLiteral("archive_loan_checkout"),
                         QString::number(loan->id),
                         {{QStringLiteral("status"), QStringLiteral("approved")}},
                         after,
                         {{QStringLiteral("loan_id"), loan->id}}};
}

Result<ActionOutcome> giveBack(ActionContext& ctx) {
    auto loan = loadLoan(ctx.db, idParam(ctx.params, "loan_id"));
    if (!loan)
        return fail(loan.error());
    if (loan->status != QStringLiteral("out"))
        return fail(bad(QStringLiteral("loan_id"),
                        {QStringLiteral("Loan %1 is not out.").arg(loan->id),
                         QStringLiteral("借阅 %1 不在借出状态。").arg(loan->id)}));
    const qint64 count = idParam(ctx.params, "count");
    const QString condition = ctx.params.value(QStringLiteral("condition")).toString();
    auto paper = paperSigner(ctx, *loan);
    if (!paper)
        return fail(paper.error());
    const Actor* archivist = signer(ctx, QStringLiteral("archivist"));
    const QString to = archivist ? archivist->login : ctx.actor.login;
    if (auto ok = sql::run(
            ctx.db,
            QStringLiteral(
                "UPDATE archive_loans SET status = 'returned', returned_at = ?, return_count = ?, "
                "return_condition = ?, returned_to = ?, return_signer_name = ?, "
                "return_signer_id_document = ? WHERE id = ?"),
            {toStorage(ctx.now), count, condition, to, paper->name, paper->idDocument, loan->id});
        !ok)
        return fail(ok.error());
    QJsonObject result{{QStringLiteral("loan_id"), loan->id}};
    QJsonArray incidents;
    // A short count or damage opens an incident that needs a written report (R1-1.2.6).
    auto open = [&](const QString& kind, const QString& description) -> Status {
        auto id = insertId(ctx.db,
                           QStringLiteral("INSERT INTO archive_incidents(loan_id, kind, "
                                          "description, opened_at, opened_by, status) "
                                          "VALUES (?,?,?,?,?,'open')"),
                           {loan->id, kind, description, toStorage(ctx.now), ctx.actor.login});
        if (!id)
            return fail(id.error());
        incidents.append(*id);
        return {};
    };
    if (count != loan->checkoutCount)
        if (auto ok = open(QStringLiteral("missing"),
                           QStringLiteral("借出 %1 件，归还 %2 件 / lent %1, returned %2")
                               .arg(loan->checkoutCount)
                               .arg(count));
            !ok)
            return fail(ok.error());
    if (condition != QStringLiteral("good"))
        if (auto ok = open(QStringLiteral("damage"),
                           ctx.params.value(QStringLiteral("note")).toString().isEmpty()
                               ? QStringLiteral("归还时破损 / damaged on return")
                               : ctx.params.value(QStringLiteral("note")).toString());
            !ok)
            return fail(ok.error());
    result.insert(QStringLiteral("incidents"), incidents);
    return ActionOutcome{QStringLiteral("archive_loan_return"),
                         QString::number(loan->id),
                         {{QStringLiteral("status"), QStringLiteral("out")}},
                         {{QStringLiteral("status"), QStringLiteral("returned")},
                          {QStringLiteral("count"), count},
                          {QStringLiteral("condition"), condition},
                          {QStringLiteral("incidents"), incidents}},
                         result};
}

Result<ActionOutcome> reportIncident(ActionContext& ctx) {
    const auto& p = ctx.params;
    const QString report = p.value(QStringLiteral("report")).toString();
    qint64 id = p.value(QStringLiteral("incident_id")).toLongLong();
    if (id > 0) {
        auto st =
            sql::value(ctx.db, QStringLiteral("SELECT status FROM archive_incidents WHERE id = ?"),
                       {id}, missing(QStringLiteral("incident_id"), "incident", "事故记录", id));
        if (!st)
            return fail(st.error());
        if (st->toString() != QStringLiteral("open"))
            return fail(bad(QStringLiteral("incident_id"),
                            {QStringLiteral("Incident %1 has its report already.").arg(id),
                             QStringLiteral("事故 %1 已有书面报告。").arg(id)}));
    } else {
        const QString kind = p.value(QStringLiteral("kind")).toString();
        if (kind.isEmpty())
            return fail(bad(QStringLiteral("kind"),
                            tx("A new incident needs its kind (missing, damage, leak).",
                               "新的事故须选择类型（遗失、损坏、泄密）。")));
        const qint64 loanId = p.value(QStringLiteral("loan_id")).toLongLong();
        auto created = insertId(
            ctx.db,
            QStringLiteral("INSERT INTO archive_incidents(loan_id, kind, description, opened_at, "
                           "opened_by, status) "
                           "VALUES (?,?,?,?,?,'open')"),
            {loanId > 0 ? QVariant(loanId) : QVariant(QMetaType(QMetaType::LongLong)), kind,
             p.value(QStringLiteral("description"), report).toString(), toStorage(ctx.now),
             ctx.actor.login});
        if (!created)
            return fail(created.error());
        id = *created;
    }
    if (auto ok =
            sql::run(ctx.db,
                     QStringLiteral("UPDATE archive_incidents SET report = ?, reported_at = ?, "
                                    "reported_by = ?, status = 'reported' WHERE id = ?"),
                     {report, toStorage(ctx.now), ctx.actor.login, id});
        !ok)
        return fail(ok.error());
    return ActionOutcome{QStringLiteral("archive_incident"),
                         QString::number(id),
                         {{QStringLiteral("status"), QStringLiteral("open")}},
                         {{QStringLiteral("status"), QStringLiteral("reported")},
                          {QStringLiteral("report"), report}},
                         {{QStringLiteral("incident_id"), id}}};
}

Result<QByteArray> loanContent(const QSqlDatabase& db, const QString& id, bool checkout) {
    auto q = sql::exec(
        db,
        QStringLiteral(
            "SELECT o.id, o.borrower_kind, coalesce(o.borrower_staff_id, 0), o.borrower_name, "
            "o.organisation, o.purpose, o.mode, o.due_date, coalesce(o.checked_out_at, ''), "
            "coalesce(o.checkout_count, 0), coalesce(o.returned_at, ''), coalesce(o.return_count, "
            "0), "
            "coalesce(o.return_condition, ''), (SELECT group_concat(v.number, ',') FROM "
            "(SELECT v.number FROM archive_loan_lines l JOIN archive_volumes v ON v.id = "
            "l.volume_id "
            "WHERE l.loan_id = o.id ORDER BY v.number) v), o.checkout_signer_name, "
            "o.checkout_signer_id_document, o.return_signer_name, o.return_signer_id_document "
            "FROM archive_loans o WHERE o.id = ?"),
        {id.toLongLong()});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return QByteArray();
    QStringList fields;
    const QList<int> cols = checkout ? QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13}
                                     : QList<int>{0, 3, 9, 10, 11, 12, 13};
    for (int c : cols)
        fields << q->value(c).toString();
    // Who signed the slip on paper, for a borrower without an account (R1-1.2.5); staff
    // loans have none, and their signed content is as before.
    const int paper = checkout ? 14 : 16;
    if (!q->value(paper).toString().isEmpty())
        fields << q->value(paper).toString() << q->value(paper + 1).toString();
    return fields.join(QLatin1Char('\x1f')).toUtf8();
}

} // namespace

void registerLoanActions(Services& s) {
    auto& r = s.actionRegistry();
    // An approver reads the volumes and the borrower by name.
    s.valueNameRegistry().add(
        QStringLiteral("volumes"),
        kit::namedBy(QStringLiteral("SELECT number || ' ' || title "
                                    "FROM archive_volumes WHERE number = ?")));
    s.valueNameRegistry().add(QStringLiteral("borrower_staff_id"),
                              kit::namedBy(QStringLiteral("SELECT name FROM staff WHERE id = ?")));
    const ParamSpec loanId = param("loan_id", ParamType::Id, true, tx("Loan", "借阅记录"));
    ParamSpec count{QStringLiteral("count"), ParamType::Int, true, tx("Items counted", "清点件数")};
    // A borrower without an account signs the printed slip under their name and ID document.
    const ParamSpec signerName =
        param("signer_name", ParamType::Text, false, tx("Signed on paper by", "纸面签字人"));
    const ParamSpec signerId = param("signer_id_document", ParamType::Text, false,
                                     tx("Signer's ID document", "签字人身份证件"));
    addAction(r, {QStringLiteral("archive.request_loan"),
                  tx("Request archive loan", "借阅申请"),
                  {kit::choice("borrower_kind", true, tx("Borrower", "借阅人类别"),
                               {{"staff", "Staff member", "本公司员工"},
                                {"parent_company", "Parent company", "上级公司"},
                                {"outside", "Outside organisation", "外单位"}}),
                   param("borrower_staff_id", ParamType::Id, false, tx("Staff member", "借阅员工")),
                   param("borrower_name", ParamType::Text, true, tx("Borrower name", "借阅人")),
                   param("organisation", ParamType::Text, false, tx("Organisation", "单位")),
                   param("introduction_letter", ParamType::Text, false,
                         tx("Introduction letter", "介绍信")),
                   param("id_document", ParamType::Text, false, tx("ID document", "身份证件")),
                   param("purpose", ParamType::Text, true, tx("Purpose", "借阅目的")),
                   kit::choice("mode", true, tx("Read on site or lend", "查阅方式"),
                               {{"on_site", "Read on site", "现场查阅"}, {"lend", "Lend", "外借"}}),
                   param("due_date", ParamType::Date, true, tx("Due date", "归还日期")),
                   param("volumes", ParamType::TextList, true, tx("Volumes", "案卷"))},
                  requestLoan});
    addAction(r, {QStringLiteral("archive.lend"),
                  tx("Check out loan", "借出"),
                  {loanId, count, signerName, signerId},
                  lend});
    addAction(r, {QStringLiteral("archive.return"),
                  tx("Return loan", "归还"),
                  {loanId, count,
                   param("condition", ParamType::Choice, true, tx("Condition", "完好情况"),
                         {QStringLiteral("good"), QStringLiteral("damaged")}),
                   param("note", ParamType::Text, false, tx("Note", "备注")), signerName, signerId},
                  giveBack});
    addAction(
        r, {QStringLiteral("archive.report_incident"),
            tx("Incident report", "事故书面报告"),
            {param("incident_id", ParamType::Id, false, tx("Incident", "事故")),
             param("loan_id", ParamType::Id, false, tx("Loan", "借阅记录")),
             param("kind", ParamType::Choice, false, tx("Kind", "类型"),
                   {QStringLiteral("missing"), QStringLiteral("damage"), QStringLiteral("leak")}),
             param("description", ParamType::Text, false, tx("What happened", "情况")),
             param("report", ParamType::LongText, true, tx("Written report", "书面报告"))},
            reportIncident});
    s.signatureBook().registerContent(
        QStringLiteral("archive_loan_checkout"),
        [](const QSqlDatabase& db, const QString& id) { return loanContent(db, id, true); });
    s.signatureBook().registerContent(
        QStringLiteral("archive_loan_return"),
        [](const QSqlDatabase& db, const QString& id) { return loanContent(db, id, false); });
}

} // namespace fd::archives
