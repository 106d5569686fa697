#include "archive_prints.h"

#include "archives_internal.h"
#include "audit/audit_log.h"
#include "db/sql.h"

#include <QSqlQuery>
#include <qrencode.h>

namespace fd::archives {
namespace {

QString anchor(const Services& s) {
    auto head = AuditLog::head(s.database().connection());
    return head ? head->text() : QString();
}

Result<PrintDocument> fromQuery(const Services& s, const Actor& actor, const QString& query,
                                const QVariantMap& params, Text title) {
    auto r = s.query(query, params, actor);
    if (!r)
        return fail(r.error());
    PrintDocument doc;
    doc.title = std::move(title);
    doc.columns = r->columns;
    for (const auto& row : r->rows) {
        QStringList cells;
        for (const QVariant& v : row)
            cells << v.toString();
        doc.rows << cells;
    }
    doc.footer = anchor(s);
    return doc;
}

struct LoanHead {
    QString borrower, organisation, purpose, mode, due, status, approvedBy, volumes, checkedOut;
    qint64 count = 0;
    QString kind, idDocument, introductionLetter, signerName, signerIdDocument;
};

Result<LoanHead> loanHead(const Services& s, const Actor& actor, qint64 id) {
    auto q = sql::exec(
        s.database().connection(),
        QStringLiteral(
            "SELECT o.borrower_name, o.organisation, o.purpose, o.mode, o.due_date, o.status, "
            // The approver by name, as on paper; the login when no account has it.
            "coalesce((SELECT u.display_name FROM users u WHERE u.login = o.approved_by), "
            "o.approved_by), "
            "(SELECT group_concat(v.number || ' ' || v.title, '; ') FROM archive_loan_lines l JOIN "
            "archive_volumes v "
            "ON v.id = l.volume_id WHERE l.loan_id = o.id), coalesce(o.checked_out_at, ''), "
            "coalesce(o.checkout_count, 0), o.confidential, o.borrower_kind, o.id_document, "
            "o.introduction_letter, o.checkout_signer_name, o.checkout_signer_id_document "
            "FROM archive_loans o WHERE o.id = ?"),
        {id});
    if (!q)
        return fail(q.error());
    if (!q->next() || (q->value(10).toInt() == 1 && !hasClearance(s.policy(), actor)))
        return fail(missing(QStringLiteral("loan_id"), "loan", "借阅记录", id));
    return LoanHead{q->value(0).toString(),   q->value(1).toString(),  q->value(2).toString(),
                    q->value(3).toString(),   q->value(4).toString(),  q->value(5).toString(),
                    q->value(6).toString(),   q->value(7).toString(),  q->value(8).toString(),
                    q->value(9).toLongLong(), q->value(11).toString(), q->value(12).toString(),
                    q->value(13).toString(),  q->value(14).toString(), q->value(15).toString()};
}

} // namespace

Result<QrMatrix> qrCode(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    QRcode* code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (code == nullptr)
        return fail(Error::internal(QStringLiteral("QR encoding failed for %1").arg(text)));
    QrMatrix m;
    m.size = code->width;
    m.modules.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
    for (size_t i = 0; i < m.modules.size(); ++i)
        m.modules[i] = (code->data[i] & 1) != 0; // bit 0: dark module
    QRcode_free(code);
    return m;
}

Result<SpineLabel> spineLabel(const Services& s, const Actor& actor, const QString& volume) {
    auto v = loadVolumes(s.database().connection(), {volume}, QStringLiteral("volume"));
    if (!v)
        return fail(v.error());
    const VolumeRow& vol = v->first();
    if (vol.restricted() && !hasClearance(s.policy(), actor))
        return fail(missing(QStringLiteral("volume"), "archive volume", "案卷", volume));
    auto qr = qrCode(vol.number);
    if (!qr)
        return fail(qr.error());
    return SpineLabel{vol.number,
                      vol.title,
                      vol.categoryName,
                      vol.retentionYears == 0 ? QStringLiteral("永久")
                                              : QStringLiteral("%1年").arg(vol.retentionYears),
                      vol.location(),
                      *qr};
}

Result<PrintDocument> generalCatalogue(const Services& s, const Actor& actor) {
    return fromQuery(s, actor, QStringLiteral("archive.general_catalogue"), {},
                     tx("General catalogue", "档案总目录"));
}

Result<PrintDocument> volumeCatalogue(const Services& s, const Actor& actor, qint64 categoryId) {
    QVariantMap p;
    if (categoryId > 0)
        p.insert(QStringLiteral("category_id"), categoryId);
    return fromQuery(s, actor, QStringLiteral("archive.volumes"), p,
                     tx("Volume catalogue", "案卷目录"));
}

Result<PrintDocument> inVolumeList(const Services& s, const Actor& actor, const QString& volume) {
    auto doc =
        fromQuery(s, actor, QStringLiteral("archive.items"), {{QStringLiteral("volume"), volume}},
                  tx("In-volume item list", "卷内目录"));
    if (!doc)
        return doc;
    auto v = loadVolumes(s.database().connection(), {volume}, QStringLiteral("volume"));
    if (v) {
        doc->fields << qMakePair(tx("Volume number", "案卷号"), v->first().number)
                    << qMakePair(tx("Title", "案卷题名"), v->first().title)
                    << qMakePair(tx("Retention", "保管期限"),
                                 v->first().retentionYears == 0
                                     ? QStringLiteral("永久")
                                     : QString::number(v->first().retentionYears));
    }
    return doc;
}

Result<PrintDocument> loanSlip(const Services& s, const Actor& actor, qint64 loanId) {
    auto h = loanHead(s, actor, loanId);
    if (!h)
        return fail(h.error());
    static const QMap<QString, Text> kinds = {
        {QStringLiteral("staff"), tx("Staff member", "本公司员工")},
        {QStringLiteral("parent_company"), tx("Parent company", "上级公司")},
        {QStringLiteral("outside"), tx("Outside organisation", "外单位")}};
    PrintDocument doc;
    doc.title = tx("Archive loan slip", "档案借阅单");
    doc.fields = {{tx("Loan", "借阅号"), QString::number(loanId)},
                  {tx("Borrower", "借阅人"), h->borrower},
                  {tx("Borrower is", "借阅人类别"), kinds.value(h->kind).zh},
                  {tx("Organisation", "单位"), h->organisation},
                  {tx("Purpose", "借阅目的"), h->purpose},
                  {tx("Mode", "方式"), h->mode == QStringLiteral("lend")
                                           ? QStringLiteral("借出")
                                           : QStringLiteral("现场查阅")},
                  {tx("Due", "应还日期"), h->due},
                  {tx("Approved by", "批准人"), h->approvedBy},
                  {tx("Items counted", "清点件数"), QString::number(h->count)}};
    doc.columns = {{QStringLiteral("volume"), tx("Volumes", "案卷")}};
    for (const QString& v : h->volumes.split(QStringLiteral("; ")))
        doc.rows << QStringList{v};
    if (h->kind == QStringLiteral("staff")) {
        doc.signatureLines = {tx("Archivist", "档案管理员"), tx("Borrower", "借阅人")};
    } else {
        // A borrower without an account signs here, on paper (R1-1.2.5), under the name and
        // ID document recorded for the loan and on the checkout form.
        const QString signer = h->signerName.isEmpty() ? h->borrower : h->signerName;
        const QString id = h->signerIdDocument.isEmpty() ? h->idDocument : h->signerIdDocument;
        doc.fields << qMakePair(tx("ID document", "身份证件"), id);
        if (!h->introductionLetter.isEmpty())
            doc.fields << qMakePair(tx("Introduction letter", "介绍信"), h->introductionLetter);
        doc.signatureLines = {
            tx("Archivist", "档案管理员"),
            {QStringLiteral("Borrower's own signature on paper: %1, ID document %2")
                 .arg(signer, id),
             QStringLiteral("借阅人本人签字：%1（身份证件 %2）").arg(signer, id)}};
    }
    doc.footer = anchor(s);
    return doc;
}

Result<PrintDocument> reminderSlip(const Services& s, const Actor& actor, qint64 loanId) {
    auto h = loanHead(s, actor, loanId);
    if (!h)
        return fail(h.error());
    const QDate due = QDate::fromString(h->due, Qt::ISODate);
    const qint64 days = std::max<qint64>(0, due.daysTo(s.clock().officeToday()));
    PrintDocument doc;
    doc.title = tx("Overdue archive reminder", "档案催还单");
    doc.fields = {{tx("Borrower", "借阅人"), h->borrower},
                  {tx("Due", "应还日期"), h->due},
                  {tx("Days overdue", "逾期天数"), QString::number(days)},
                  {tx("Regulation", "依据"), QStringLiteral("R1-1.1.5, R1-1.3.5")}};
    doc.columns = {{QStringLiteral("volume"), tx("Volumes", "案卷")}};
    for (const QString& v : h->volumes.split(QStringLiteral("; ")))
        doc.rows << QStringList{v};
    doc.signatureLines = {tx("Archivist", "档案管理员")};
    doc.footer = anchor(s);
    return doc;
}

Result<PrintDocument> disposalCertificate(const Services& s, const Actor& actor,
                                          qint64 disposalId) {
    const QSqlDatabase db = s.database().connection();
    auto q = sql::one(
        db,
        // People by name, as on paper (the login when no account has it).
        QStringLiteral(
            "SELECT d.method, d.proposed_by, "
            "coalesce((SELECT display_name FROM users WHERE login = d.approved_by), "
            "d.approved_by), "
            "coalesce((SELECT display_name FROM users WHERE login = d.second_approver), "
            "d.second_approver), "
            "coalesce((SELECT display_name FROM users WHERE login = d.destroyed_by), "
            "d.destroyed_by), "
            "coalesce(d.destroyed_at, ''), d.status FROM archive_disposals d WHERE d.id = ?"),
        {disposalId},
        missing(QStringLiteral("disposal_id"), "disposal list", "销毁清单", disposalId));
    if (!q)
        return fail(q.error());
    PrintDocument doc;
    doc.title = tx("Archive disposal certificate", "档案销毁证明");
    doc.fields = {{tx("Disposal list", "销毁清单"), QString::number(disposalId)},
                  {tx("Method", "销毁方式"), q->value(0).toString() == QStringLiteral("shred")
                                                 ? QStringLiteral("碎纸机粉碎")
                                                 : QStringLiteral("撕毁")},
                  {tx("Approved by (GM)", "总经理批准"), q->value(2).toString()},
                  {tx("Second approver", "第二审批人"), q->value(3).toString()},
                  {tx("Destroyed by", "执行人"), q->value(4).toString()},
                  {tx("Destroyed at", "销毁时间"), q->value(5).toString()},
                  {tx("Status", "状态"), q->value(6).toString() == QStringLiteral("destroyed")
                                             ? QStringLiteral("已销毁")
                                             : QStringLiteral("已批准，待销毁")}};
    q->finish();
    const bool cleared = hasClearance(s.policy(), actor);
    auto lines = sql::exec(
        db,
        QStringLiteral("SELECT v.number, v.title, v.date_from, v.date_to, v.retention_years, "
                       "v.confidentiality, c.kind "
                       "FROM archive_disposal_lines l JOIN archive_volumes v ON v.id = l.volume_id "
                       "JOIN archive_categories c ON c.id = v.category_id WHERE l.disposal_id = ? "
                       "ORDER BY v.number"),
        {disposalId});
    if (!lines)
        return fail(lines.error());
    doc.columns = {{QStringLiteral("number"), tx("Volume number", "案卷号")},
                   {QStringLiteral("title"), tx("Title", "题名")},
                   {QStringLiteral("dates"), tx("Dates", "起止日期")},
                   {QStringLiteral("retention"), tx("Retention (years)", "保管期限")}};
    while (lines->next()) {
        if (!cleared && (lines->value(5).toString() != QStringLiteral("ordinary") ||
                         lines->value(6).toString() == QStringLiteral("personnel")))
            continue;
        doc.rows << QStringList{lines->value(0).toString(), lines->value(1).toString(),
                                lines->value(2).toString() + QStringLiteral(" ~ ") +
                                    lines->value(3).toString(),
                                lines->value(4).toString()};
    }
    doc.signatureLines = {tx("General manager", "总经理"), tx("Second approver", "第二审批人"),
                          tx("Destroyed by", "执行人")};
    doc.footer = anchor(s);
    return doc;
}

} // namespace fd::archives
