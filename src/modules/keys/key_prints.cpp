// The keys area's paper forms (the desktop program's PDF buttons and `frontdeskctl print`):
// the key register (钥匙登记表), the owner's deposit form, the loan slip with its signature
// lines, a key's history, and tags (R3-4.5.4) with the QR code of the tag number for the
// page to draw.
#include "key_prints.h"

#include "audit/audit_log.h"
#include "keys_internal.h"
#include "output/table_text.h"
#include "util/clock.h"

#include <QSqlQuery>
#include <qrencode.h>

namespace fd::keys {
namespace {

QString anchor(const Services& s) {
    auto head = AuditLog::head(s.database().connection());
    return head ? head->text() : QString();
}

// A list as a printed table: codes and times as the list shows them.
Result<PrintTable> tableOf(const Services& s, const Actor& actor, const QString& query,
                           const QVariantMap& params, bool chinese,
                           const QList<int>& columns = {}) {
    auto r = s.query(query, params, actor);
    if (!r)
        return fail(r.error());
    QList<int> shown = columns;
    if (shown.isEmpty())
        for (int c = 0; c < r->columns.size(); ++c)
            shown << c;
    PrintTable t;
    for (int c : shown)
        t.headers << r->columns[c].title.in(chinese);
    for (const QVariantList& row : r->rows) {
        QStringList cells;
        for (int c : shown)
            cells << cellText(r->columns[c], row.value(c), chinese);
        t.rows << cells;
    }
    return t;
}

QString in(bool chinese, const Text& t) {
    return t.in(chinese);
}

QString userName(const QSqlDatabase& db, const QString& login) {
    auto n =
        sql::scalar(db, QStringLiteral("SELECT display_name FROM users WHERE login = ?"), {login});
    return n && n->isValid() ? n->toString() : login;
}

QString officeTime(const QString& stored) {
    return stored.isEmpty() ? QString() : storedTimeAsOfficeText(stored);
}

Result<PrintDocument> keyRegister(const Services& s, const Actor& actor, const QString& record,
                                  bool chinese) {
    const QString category =
        record.trimmed() == QStringLiteral("all") ? QString() : record.trimmed();
    if (!category.isEmpty() && !categoryLabels().contains(category))
        return fail(bad(QStringLiteral("id"),
                        tx("Name a category (owner, public, equipment, water_meter) or all.",
                           "请填写钥匙类别（owner、public、equipment、water_meter）或 all。")));
    QVariantMap params{{QStringLiteral("limit"), 5000}};
    if (!category.isEmpty())
        params.insert(QStringLiteral("category"), category);
    auto table = tableOf(s, actor, QStringLiteral("key.items"), params, chinese);
    if (!table)
        return fail(table.error());
    PrintDocument doc;
    doc.chinese = chinese;
    doc.title = in(chinese, tx("Key register", "钥匙登记表"));
    doc.fields << PrintField{in(chinese, tx("Category", "类别")),
                             category.isEmpty() ? in(chinese, tx("All categories", "全部类别"))
                                                : categoryLabels().value(category).in(chinese)}
               << PrintField{in(chinese, tx("Keys", "钥匙数")),
                             QString::number(table->rows.size())};
    doc.tables << *table;
    doc.signatures << PrintSignature{in(chinese, tx("Key keeper", "钥匙管理员")), {}, {}}
                   << PrintSignature{in(chinese, tx("CS supervisor", "客服主管")), {}, {}};
    doc.auditHead = anchor(s);
    return doc;
}

Result<PrintDocument> depositForm(const Services& s, const Actor&, const QString& record,
                                  bool chinese) {
    auto id = formRecordNumber(record, tx("deposit number", "托管编号"));
    if (!id)
        return fail(id.error());
    const QSqlDatabase db = s.database().connection();
    auto q =
        sql::one(db,
                 QStringLiteral("SELECT r.code, d.custody, d.depositor_name, d.depositor_id_tail, "
                                "d.depositor_phone, d.authorised_name, d.authorised_id_tail, "
                                "d.note, d.deposited_at, d.received_by, coalesce(k.tag, ''), "
                                "coalesce(k.hook, ''), coalesce(k.copies, 0), coalesce(k.id, 0) "
                                "FROM key_deposits d JOIN rooms r ON r.id = d.room_id LEFT JOIN "
                                "key_items k ON k.deposit_id = d.id WHERE d.id = ?"),
                 {*id}, missing(QStringLiteral("id"), "key deposit", "钥匙托管", *id));
    if (!q)
        return fail(q.error());
    PrintDocument doc;
    doc.chinese = chinese;
    doc.title = in(chinese, tx("Owner key deposit form", "业主钥匙托管单"));
    const QString custody = q->value(1).toString();
    const qint64 keyId = q->value(13).toLongLong();
    const QString mask = QStringLiteral("****");
    doc.fields
        << PrintField{in(chinese, tx("Deposit number", "托管编号")), QString::number(*id)}
        << PrintField{in(chinese, tx("Room", "房号")), q->value(0).toString()}
        << PrintField{in(chinese, tx("Custody", "托管方式")),
                      custodyLabels().value(custody).in(chinese)}
        << PrintField{in(chinese, tx("Deposited by", "移交人")), q->value(2).toString()}
        << PrintField{in(chinese, tx("ID document (last 4)", "证件末4位")),
                      q->value(3).toString().isEmpty() ? QString() : mask + q->value(3).toString()}
        << PrintField{in(chinese, tx("Authorised to take them back", "领回授权人")),
                      q->value(5).toString().isEmpty()
                          ? in(chinese, tx("None", "无"))
                          : QStringLiteral("%1（%2%3）")
                                .arg(q->value(5).toString(), mask, q->value(6).toString())}
        << PrintField{in(chinese, tx("Tag number", "挂牌号")), q->value(10).toString()}
        << PrintField{in(chinese, tx("Cabinet and hook", "挂放位置")), q->value(11).toString()}
        << PrintField{in(chinese, tx("Keys on the ring", "钥匙数量")), q->value(12).toString()}
        << PrintField{in(chinese, tx("Deposited at", "托管时间")),
                      officeTime(q->value(8).toString())}
        << PrintField{in(chinese, tx("Received by", "接收人")),
                      userName(db, q->value(9).toString())}
        << PrintField{in(chinese, tx("Copies", "联次")),
                      in(chinese, tx("Two copies: one for the owner, one for the office",
                                     "一式两联：业主、管理处各执一联"))};
    if (!q->value(7).toString().isEmpty())
        doc.fields << PrintField{in(chinese, tx("Note", "备注")), q->value(7).toString()};
    // The slots the ring holds (R3-4.5.3).
    auto kinds = sql::list<QStringList>(
        db, QStringLiteral("SELECT kind, custody FROM key_slots WHERE key_id = ? ORDER BY id"),
        {keyId}, [&](const QSqlQuery& r) {
            return QStringList{slotKindLabels().value(r.value(0).toString()).in(chinese),
                               custodyLabels().value(r.value(1).toString()).in(chinese)};
        });
    if (!kinds)
        return fail(kinds.error());
    doc.tables << PrintTable{
        in(chinese, tx("Keys deposited", "托管钥匙")),
        {in(chinese, tx("Key", "钥匙种类")), in(chinese, tx("Custody", "托管状态"))},
        *kinds};
    const QJsonObject disclaimer =
        s.policy().parameter(QStringLiteral("keys.deposit_disclaimer")).toObject();
    const Text words{disclaimer.value(QStringLiteral("en")).toString(),
                     disclaimer.value(QStringLiteral("zh")).toString()};
    doc.tables << PrintTable{in(chinese, tx("Disclaimer", "免责声明")),
                             {in(chinese, tx("The office's terms", "管理处声明"))},
                             {{words.in(chinese)}}};
    doc.signatures
        << PrintSignature{in(chinese, tx("Owner (depositor)", "业主（移交人）签字")), {}, {}}
        << PrintSignature{
               in(chinese, tx("Key keeper (received)", "钥匙管理员（接收人）签字")), {}, {}};
    doc.auditHead = anchor(s);
    return doc;
}

Result<PrintDocument> loanSlip(const Services& s, const Actor&, const QString& record,
                               bool chinese) {
    auto id = formRecordNumber(record, tx("loan number", "借用编号"));
    if (!id)
        return fail(id.error());
    const QSqlDatabase db = s.database().connection();
    auto q = sql::one(
        db,
        QStringLiteral("SELECT l.kind, l.borrower_kind, l.borrower_name, l.organisation, "
                       "l.id_document, l.purpose, l.purpose_note, l.emergency_reason, "
                       "l.owner_authorisation, l.owner_contacted_at, l.owner_contacted_by, "
                       "coalesce((SELECT name FROM staff WHERE id = l.escort_staff_id), ''), "
                       "l.out_at, l.expected_return, l.lent_by, l.approved_by, l.status, "
                       "l.returned_at, l.returned_to, l.return_count, l.return_condition, "
                       "l.countersigned_by, l.countersigned_at FROM key_loans l WHERE l.id = ?"),
        {*id}, missing(QStringLiteral("id"), "key loan", "钥匙借用记录", *id));
    if (!q)
        return fail(q.error());
    const sql::Row row(*q);
    Q_UNUSED(row);
    const bool emergency = q->value(0).toString() == QStringLiteral("emergency");
    PrintDocument doc;
    doc.chinese = chinese;
    doc.title = in(chinese, emergency ? tx("Emergency key loan slip", "紧急备用钥匙借用单")
                                      : tx("Key loan slip", "钥匙借用单"));
    auto purposeWords = purposes(s.policy());
    purposeWords.insert(QStringLiteral("emergency"), tx("Emergency", "突发事件"));
    const QString purpose = q->value(5).toString();
    doc.fields << PrintField{in(chinese, tx("Loan number", "借用编号")), QString::number(*id)}
               << PrintField{in(chinese, tx("Kind", "类别")),
                             loanLabels().value(q->value(0).toString()).in(chinese)}
               << PrintField{in(chinese, tx("Borrower", "借用人")), q->value(2).toString()}
               << PrintField{in(chinese, tx("Borrower is", "借用人类别")),
                             borrowerLabels().value(q->value(1).toString()).in(chinese)};
    auto add = [&](const Text& label, const QString& value) {
        if (!value.isEmpty())
            doc.fields << PrintField{label.in(chinese), value};
    };
    add(tx("Organisation", "单位"), q->value(3).toString());
    add(tx("ID document", "身份证件"), q->value(4).toString());
    add(tx("Purpose", "借用事由"), purposeWords.value(purpose, Text{purpose, purpose}).in(chinese));
    add(tx("Details", "事由说明"), q->value(6).toString());
    add(tx("Emergency", "突发事件"), q->value(7).toString());
    add(tx("Owner's authorisation", "业主授权"), q->value(8).toString());
    add(tx("Owner contacted at", "联系业主时间"), q->value(9).toString());
    add(tx("Owner contacted by", "联系业主人"), q->value(10).toString());
    add(tx("Accompanied by", "陪同员工"), q->value(11).toString());
    add(tx("Out at", "借出时间"), officeTime(q->value(12).toString()));
    add(tx("Expected back", "预计归还"), officeTime(q->value(13).toString()));
    add(tx("Lent by", "经办人"), userName(db, q->value(14).toString()));
    if (!q->value(15).toString().isEmpty())
        add(tx("Approved by", "批准人"), userName(db, q->value(15).toString()));
    if (q->value(16).toString() == QStringLiteral("returned")) {
        add(tx("Returned at", "归还时间"), officeTime(q->value(17).toString()));
        add(tx("Checked by", "验收人"), userName(db, q->value(18).toString()));
        add(tx("Keys counted", "清点数量"), q->value(19).toString());
        add(tx("Condition", "完好情况"),
            loanLabels().value(q->value(20).toString(), Text{}).in(chinese));
    }
    if (!q->value(21).toString().isEmpty())
        add(tx("Countersigned by", "补签人"),
            QStringLiteral("%1 %2").arg(userName(db, q->value(21).toString()),
                                        officeTime(q->value(22).toString())));
    auto lines = sql::list<QStringList>(
        db,
        QStringLiteral("SELECT k.tag, k.category, k.label, x.copies FROM key_loan_lines x JOIN "
                       "key_items k ON k.id = x.key_id WHERE x.loan_id = ? ORDER BY k.tag"),
        {*id}, [&](const QSqlQuery& r) {
            return QStringList{r.value(0).toString(),
                               categoryLabels().value(r.value(1).toString()).in(chinese),
                               r.value(2).toString(), r.value(3).toString()};
        });
    if (!lines)
        return fail(lines.error());
    doc.tables << PrintTable{in(chinese, tx("Keys", "钥匙")),
                             {in(chinese, tx("Tag", "挂牌号")), in(chinese, tx("Category", "类别")),
                              in(chinese, tx("Label", "标识")), in(chinese, tx("Keys", "数量"))},
                             *lines};
    doc.signatures
        << PrintSignature{in(chinese, tx("Borrower", "借用人签字")), {}, {}}
        << PrintSignature{in(chinese,
                             tx("Lent by (keeper or clerk)", "经办人（钥匙管理员/前台）签字")),
                          {},
                          {}}
        << PrintSignature{in(chinese,
                             emergency ? tx("Supervisor (countersigned)", "客服主管补签")
                                       : tx("Approved by (supervisor)", "批准人（客服主管）签字")),
                          {},
                          {}}
        << PrintSignature{in(chinese, tx("Return checked by", "归还验收人签字")), {}, {}};
    doc.auditHead = anchor(s);
    return doc;
}

Result<PrintDocument> historyForm(const Services& s, const Actor& actor, const QString& record,
                                  bool chinese) {
    auto key = loadKey(s.database().connection(), record, QStringLiteral("id"));
    if (!key)
        return fail(key.error());
    auto table = tableOf(s, actor, QStringLiteral("key.history"),
                         {{QStringLiteral("tag"), key->tag}}, chinese);
    if (!table)
        return fail(table.error());
    PrintDocument doc;
    doc.chinese = chinese;
    doc.title = in(chinese, tx("Key history", "钥匙履历"));
    doc.fields << PrintField{in(chinese, tx("Tag number", "挂牌号")), key->tag}
               << PrintField{in(chinese, tx("Category", "类别")),
                             categoryLabels().value(key->category).in(chinese)}
               << PrintField{in(chinese, tx("Label", "标识")), key->label}
               << PrintField{in(chinese, tx("Cabinet and hook", "挂放位置")), key->hook}
               << PrintField{in(chinese, tx("Status", "状态")),
                             statusLabels().value(key->status).in(chinese)};
    doc.tables << *table;
    doc.auditHead = anchor(s);
    return doc;
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

Result<QList<KeyTag>> keyTags(const Services& s, const QStringList& tags) {
    auto keys = loadKeys(s.database().connection(), tags, QStringLiteral("tags"));
    if (!keys)
        return fail(keys.error());
    // An office that does not want room numbers on keys prints coded tags (number only).
    const bool coded = s.policy().parameter(QStringLiteral("keys.coded_tags")).toBool();
    QList<KeyTag> out;
    for (const KeyItem& k : *keys) {
        auto qr = qrCode(k.tag);
        if (!qr)
            return fail(qr.error());
        out << KeyTag{k.tag, coded ? Text{} : categoryLabels().value(k.category),
                      coded ? QString() : (k.roomCode.isEmpty() ? k.label : k.roomCode), *qr};
    }
    return out;
}

void registerKeyForms(Services& s) {
    const QStringList page{QStringLiteral("key.lend"), QStringLiteral("key.register")};
    FormRegistry& r = s.formRegistry();
    r.add({QStringLiteral("key-register"), tx("Key register", "钥匙登记表"),
           tx("category (owner, public, equipment, water_meter) or all",
              "类别（owner、public、equipment、water_meter）或 all"),
           page, keyRegister});
    r.add({QStringLiteral("key-deposit"), tx("Owner key deposit form", "业主钥匙托管单"),
           tx("deposit number", "托管编号"), page, depositForm});
    r.add({QStringLiteral("key-loan-slip"), tx("Key loan slip", "钥匙借用单"),
           tx("loan number", "借用编号"), page, loanSlip});
    r.add({QStringLiteral("key-history"), tx("Key history", "钥匙履历"), tx("tag number", "挂牌号"),
           page, historyForm});
}

} // namespace fd::keys
