// The keys area's lists (the register, keys out now, overdue, slots by custody, loans by
// borrower, a key's history, the emergency sets), its dashboard sources and the open
// items that keep a staff member from leaving (R1-1.2.7, R5-d).
#include "keys_internal.h"
#include "services/approval_form.h"
#include "util/clock.h"

namespace fd::keys {
namespace {

const QString kTagsOfLoan =
    QStringLiteral("coalesce((SELECT group_concat(k.tag, ', ') FROM key_loan_lines x JOIN "
                   "key_items k ON k.id = x.key_id WHERE x.loan_id = l.id), '')");

const QMap<QString, Text>& flagLabels() {
    static const QMap<QString, Text> l = kit::labels({{"1", "Yes", "是"}, {"0", "No", "否"}});
    return l;
}

QString now(const QueryContext& ctx) {
    return toStorage(ctx.services.clock().nowUtc());
}

// Whole hours from a stored time to `until` (0 when not past).
qint64 hoursPast(const QString& stored, const QDateTime& until) {
    const qint64 s = fromStorage(stored).secsTo(until);
    return s > 0 ? s / 3600 : 0;
}

QList<QueryColumn> loanColumns() {
    return {col("id", "Loan", "借用编号"),
            col("kind", "Kind", "类别", loanLabels()),
            col("keys", "Keys", "钥匙"),
            col("borrower", "Borrower", "借用人"),
            col("borrower_kind", "Borrower is", "借用人类别", borrowerLabels()),
            col("organisation", "Organisation", "单位"),
            col("purpose", "Purpose", "事由"),
            col("out_at", "Out at", "借出时间"),
            col("expected_return", "Expected back", "预计归还"),
            col("status", "Status", "状态", loanLabels()),
            col("returned_at", "Returned at", "归还时间"),
            col("approved_by", "Approved by", "批准人")};
}

// The loan columns' SELECT; `extra` adds columns after them.
QString loanSelect(const QString& extra = {}) {
    return QStringLiteral("SELECT l.id, l.kind, ") + kTagsOfLoan +
           QStringLiteral(
               ", l.borrower_name, l.borrower_kind, l.organisation, l.purpose, l.out_at, "
               "l.expected_return, l.status, l.returned_at, coalesce((SELECT u.display_name FROM "
               "users u WHERE u.login = l.approved_by), l.approved_by)") +
           extra + QStringLiteral(" FROM key_loans l ");
}

// The purpose as the policy's words.
kit::RowShape purposeWords(const QueryContext& ctx, int column) {
    QMap<QString, Text> words = purposes(ctx.services.policy());
    words.insert(QStringLiteral("emergency"), tx("Emergency", "突发事件"));
    return [words, column](QVariantList& row) {
        const QString code = row[column].toString();
        if (words.contains(code))
            row[column] = words.value(code).zh;
    };
}

Result<QueryResult> items(const QueryContext& ctx) {
    return kit::registerRows(
        ctx,
        {col("tag", "Tag", "挂牌号"), col("category", "Category", "类别", categoryLabels()),
         col("label", "Label", "标识"), col("room", "Room", "房号"),
         col("hook", "Hook", "挂放位置"), col("copies", "Keys", "数量"),
         col("emergency", "Emergency set", "紧急备用", flagLabels()),
         col("status", "Status", "状态", statusLabels())},
        QStringLiteral("SELECT k.tag, k.category, k.label, coalesce(r.code, ''), k.hook, k.copies, "
                       "k.emergency, k.status FROM key_items k LEFT JOIN rooms r ON r.id = "
                       "k.room_id WHERE (? = '' OR k.category = ?) AND (? = '' OR k.status = ?) "
                       "ORDER BY k.tag LIMIT ?"),
        {"category", "status"});
}

Result<QueryResult> keysOut(const QueryContext& ctx, bool overdueOnly) {
    QList<QueryColumn> columns = loanColumns();
    columns << col("overdue_hours", "Hours overdue", "逾期小时");
    const QDateTime at = ctx.services.clock().nowUtc();
    auto shape = purposeWords(ctx, 6);
    return kit::rowsOf(
        ctx.db, columns,
        loanSelect() + QStringLiteral("WHERE l.status = 'out' AND (? = 0 OR l.expected_return "
                                      "< ?) ORDER BY l.expected_return, l.id"),
        {overdueOnly ? 1 : 0, now(ctx)}, [shape, at](QVariantList& row) {
            shape(row);
            row[12] = hoursPast(row[8].toString(), at); // the column the SELECT lacks
        });
}

Result<QueryResult> slotList(const QueryContext& ctx) {
    return kit::registerRows(
        ctx,
        {col("room", "Room", "房号"), col("kind", "Key", "钥匙种类", slotKindLabels()),
         col("custody", "Custody", "托管状态", custodyLabels()), col("tag", "Tag", "挂牌号"),
         col("hook", "Hook", "挂放位置"), col("changed_at", "Since", "变更时间")},
        QStringLiteral(
            "SELECT r.code, s.kind, s.custody, coalesce(k.tag, ''), coalesce(k.hook, ''), "
            "s.changed_at FROM key_slots s JOIN rooms r ON r.id = s.room_id JOIN units u ON u.id = "
            "r.unit_id JOIN buildings b ON b.id = u.building_id LEFT JOIN key_items k ON k.id = "
            "s.key_id WHERE (? = '' OR s.custody = ?) AND (? = '' OR b.code = ?) ORDER BY r.code, "
            "s.id LIMIT ?"),
        {"custody", "building"});
}

// The borrower a waiting loan request names: the staff member's or owner's name from their
// record, or the outside person's name as typed.
Result<QString> requestedBorrower(const QSqlDatabase& db, const QVariantMap& params) {
    const QString kind = params.value(QStringLiteral("borrower_kind")).toString();
    const QString statement = kind == QStringLiteral("staff")
                                  ? QStringLiteral("SELECT name FROM staff WHERE id = ?")
                              : kind == QStringLiteral("owner")
                                  ? QStringLiteral("SELECT name FROM residents WHERE id = ?")
                                  : QString();
    if (statement.isEmpty())
        return params.value(QStringLiteral("borrower_name")).toString();
    auto name = sql::scalar(
        db, statement,
        {params
             .value(kind == QStringLiteral("staff") ? QStringLiteral("borrower_staff_id")
                                                    : QStringLiteral("borrower_resident_id"))
             .toLongLong()});
    if (!name)
        return fail(name.error());
    return name->toString();
}

Result<QueryResult> loans(const QueryContext& ctx) {
    const QString borrower = textParam(ctx.params, "borrower").trimmed();
    const qint64 staff = idParam(ctx.params, "borrower_staff_id");
    const QString status = textParam(ctx.params, "status");
    QList<QueryColumn> columns = loanColumns();
    columns << col("request", "Request", "申请号");
    const kit::RowShape shape = purposeWords(ctx, 6);
    auto r =
        kit::rowsOf(ctx.db, columns,
                    loanSelect(QStringLiteral(", l.approval_id")) +
                        QStringLiteral("WHERE (? = '' OR l.borrower_name LIKE ?) AND (? = 0 OR "
                                       "l.borrower_staff_id = ?) AND (? = '' OR l.status = ?) "
                                       "ORDER BY l.id DESC LIMIT ?"),
                    {borrower, QString(QStringLiteral("%") + borrower + QStringLiteral("%")), staff,
                     staff, status, status, kit::intParam(ctx.params, "limit", 200)},
                    shape);
    if (!r || (!status.isEmpty() && status != QStringLiteral("requested")))
        return r;
    // A loan waiting for the supervisor's approval stands first, as 待批准 under its request
    // number; the loan made on approval keeps that number beside its own.
    auto pending = pendingRequests(ctx.db, QStringLiteral("key.lend"));
    if (!pending)
        return fail(pending.error());
    QList<QVariantList> waiting;
    for (const PendingRequest& p : *pending) {
        const auto v = [&p](const char* key) {
            return p.params.value(QString::fromUtf8(key)).toString();
        };
        auto name = requestedBorrower(ctx.db, p.params);
        if (!name)
            return fail(name.error());
        if ((!borrower.isEmpty() && !name->contains(borrower)) ||
            (staff > 0 &&
             p.params.value(QStringLiteral("borrower_staff_id")).toLongLong() != staff))
            continue;
        QVariantList row{
            QVariant(),
            QStringLiteral("regular"),
            p.params.value(QStringLiteral("keys")).toStringList().join(QStringLiteral(", ")),
            *name,
            v("borrower_kind"),
            v("organisation"),
            v("purpose"),
            QString(),
            v("expected_return"),
            QStringLiteral("requested"),
            QString(),
            QString(),
            p.id};
        shape(row);
        waiting.push_back(row);
    }
    r->rows = waiting + r->rows;
    return r;
}

Result<QueryResult> history(const QueryContext& ctx) {
    const QString tag = textParam(ctx.params, "tag").trimmed();
    if (auto key = loadKey(ctx.db, tag, QStringLiteral("tag")); !key)
        return fail(key.error());
    return kit::rowsOf(ctx.db,
                       {col("at", "When", "时间"), col("event", "What", "事项", eventLabels()),
                        col("detail", "Details", "详情"), col("by", "By", "经办人")},
                       QStringLiteral("SELECT h.at, h.event, h.detail, coalesce(u.display_name, "
                                      "h.by_login) FROM key_history h JOIN key_items k ON k.id = "
                                      "h.key_id LEFT JOIN users u ON u.login = h.by_login WHERE "
                                      "k.tag = ? ORDER BY h.id"),
                       {tag});
}

struct SetState {
    QString category;
    qint64 keys = 0;
    qint64 in = 0;
    qint64 out = 0;
    qint64 lost = 0;
    [[nodiscard]] bool complete() const { return keys > 0 && in == keys; }
};

// Each category's emergency set (R3-4.5.5): its keys (not retired), how many are in, out
// and lost.
Result<QList<SetState>> emergencySets(const QSqlDatabase& db) {
    QList<SetState> out;
    for (const char* category : {"owner", "public", "equipment", "water_meter"}) {
        auto q =
            sql::exec(db,
                      QStringLiteral(
                          "SELECT count(*), coalesce(sum(CASE WHEN status = 'in' THEN 1 ELSE 0 "
                          "END), 0), coalesce(sum(CASE WHEN status = 'out' THEN 1 ELSE 0 END), 0), "
                          "coalesce(sum(CASE WHEN status = 'lost' THEN 1 ELSE 0 END), 0) FROM "
                          "key_items WHERE category = ? AND emergency = 1 AND status <> 'retired'"),
                      {QString::fromLatin1(category)});
        if (!q)
            return fail(q.error());
        q->next();
        out << SetState{QString::fromLatin1(category), q->value(0).toLongLong(),
                        q->value(1).toLongLong(), q->value(2).toLongLong(),
                        q->value(3).toLongLong()};
    }
    return out;
}

Result<QueryResult> emergencySetList(const QueryContext& ctx) {
    return kit::tableOf({col("category", "Category", "类别", categoryLabels()),
                         col("keys", "Keys in the set", "整套数量"), col("in", "In", "在柜"),
                         col("out", "Lent", "借出"), col("lost", "Lost", "遗失"),
                         col("complete", "Complete", "齐全", flagLabels())},
                        emergencySets(ctx.db), [](const SetState& s) {
                            return QVariantList{s.category, s.keys, s.in,
                                                s.out,      s.lost, s.complete() ? 1 : 0};
                        });
}

Result<QueryResult> emergencyUnsigned(const QueryContext& ctx) {
    return kit::rowsOf(
        ctx.db,
        {col("id", "Loan", "借用编号"), col("keys", "Keys", "钥匙"),
         col("borrower", "Borrower", "借用人"), col("reason", "Emergency", "突发事件"),
         col("out_at", "Out at", "借出时间"), col("countersign_due", "Countersign by", "补签期限"),
         col("status", "Status", "状态", loanLabels())},
        QStringLiteral("SELECT l.id, ") + kTagsOfLoan +
            QStringLiteral(", l.borrower_name, l.emergency_reason, l.out_at, l.countersign_due, "
                           "l.status FROM key_loans l WHERE l.kind = 'emergency' AND "
                           "l.countersigned_by = '' ORDER BY l.countersign_due"),
        {});
}

Result<QueryResult> deposits(const QueryContext& ctx) {
    return kit::registerRows(
        ctx,
        {col("id", "Deposit", "托管编号"), col("room", "Room", "房号"),
         col("custody", "Custody", "托管方式", custodyLabels()),
         col("depositor", "Deposited by", "移交人"), col("authorised", "Authorised", "领回授权人"),
         col("deposited_at", "Deposited at", "托管时间"), col("tag", "Tag", "挂牌号"),
         col("status", "Key status", "钥匙状态", statusLabels())},
        QStringLiteral(
            "SELECT d.id, r.code, d.custody, d.depositor_name, d.authorised_name, "
            "d.deposited_at, coalesce(k.tag, ''), coalesce(k.status, '') FROM "
            "key_deposits d JOIN rooms r ON r.id = d.room_id LEFT JOIN key_items k ON "
            "k.deposit_id = d.id WHERE (? = '' OR r.code = ?) ORDER BY d.id DESC LIMIT ?"),
        {"room_code"});
}

QStringList keyRoles() {
    return {QStringLiteral("key_keeper"), QStringLiteral("supervisor"),
            QStringLiteral("cs_manager")};
}

} // namespace

void registerKeyQueries(Services& s) {
    auto& q = s.queryRegistry();
    const QString view = QStringLiteral("key.lend");
    const ParamSpec limit = kit::limitParam(5000);
    q.add({QStringLiteral("key.items"),
           tx("Key register", "钥匙登记表"),
           {kit::choice("category", false, tx("Category", "类别"),
                        {{"owner", "Owner (resident) key", "业主（住户）钥匙"},
                         {"public", "Public door and window key", "公共门窗钥匙"},
                         {"equipment", "Equipment room key", "设备房钥匙"},
                         {"water_meter", "Water-meter box key", "水表箱钥匙"}}),
            kit::statusParam({QStringLiteral("in"), QStringLiteral("out"), QStringLiteral("lost"),
                              QStringLiteral("retired")}),
            limit},
           items,
           view});
    q.add({QStringLiteral("key.out"),
           tx("Keys out now", "借出未还的钥匙"),
           {},
           [](const QueryContext& ctx) { return keysOut(ctx, false); },
           view});
    q.add({QStringLiteral("key.overdue"),
           tx("Overdue key loans", "逾期未还的钥匙"),
           {},
           [](const QueryContext& ctx) { return keysOut(ctx, true); },
           view});
    q.add({QStringLiteral("key.slots"),
           tx("Owner-key slots by custody", "业主钥匙托管情况"),
           {kit::choice("custody", false, tx("Custody", "托管状态"),
                        {{"not_held", "Not held", "未托管"},
                         {"owner_deposit", "Deposited by the owner", "业主托管"},
                         {"developer_handover", "Handed over by the developer", "开发商移交"},
                         {"vacant", "Vacant unit", "空置房"}}),
            param("building", ParamType::Text, false, tx("Building", "楼栋")), limit},
           slotList,
           view});
    q.add({QStringLiteral("key.loans"),
           tx("Key loans by borrower", "钥匙借用记录"),
           {param("borrower", ParamType::Text, false, tx("Borrower", "借用人")),
            param("borrower_staff_id", ParamType::Id, false, tx("Staff member", "借用员工")),
            kit::statusParam(
                {QStringLiteral("requested"), QStringLiteral("out"), QStringLiteral("returned")}),
            limit},
           loans,
           view});
    q.add({QStringLiteral("key.history"),
           tx("A key's history", "钥匙履历"),
           {kit::boundedText("tag", tx("Tag number", "挂牌号"), true, 30)},
           history,
           view});
    q.add({QStringLiteral("key.emergency_sets"),
           tx("Emergency sets", "紧急备用钥匙"),
           {},
           emergencySetList,
           view});
    q.add({QStringLiteral("key.emergency_unsigned"),
           tx("Emergency loans not countersigned", "未补签的紧急借用"),
           {},
           emergencyUnsigned,
           view});
    q.add({QStringLiteral("key.deposits"),
           tx("Key deposits", "钥匙托管登记"),
           {param("room_code", ParamType::Text, false, tx("Room", "房号")), limit},
           deposits,
           view});

    auto& a = s.attentionRegistry();
    a.add(
        {QStringLiteral("key.overdue"), QStringLiteral("keys"),
         tx("Overdue key loans", "逾期未还的钥匙"),
         [](const Services& sv, const Actor&) -> Result<QList<AttentionItem>> {
             const QDateTime at = sv.clock().nowUtc();
             return sql::list<AttentionItem>(
                 sv.database().connection(),
                 QStringLiteral("SELECT l.id, ") + kTagsOfLoan +
                     QStringLiteral(", l.borrower_name, l.expected_return FROM key_loans l "
                                    "WHERE l.status = 'out' AND l.expected_return < ? ORDER BY "
                                    "l.expected_return"),
                 {toStorage(at)}, [&](const QSqlQuery& r) {
                     const QString due = storedTimeAsOfficeText(r.value(3).toString());
                     const qint64 hours = hoursPast(r.value(3).toString(), at);
                     return AttentionItem{
                         QStringLiteral("key_loan"), r.value(0).toString(),
                         Text{QStringLiteral("Key loan #%1 %2: %3, due %4, %5 h overdue [R3-4.5.5]")
                                  .arg(r.value(0).toString(), r.value(1).toString(),
                                       r.value(2).toString(), due)
                                  .arg(hours),
                              QStringLiteral("钥匙借用 #%1 %2：%3，应于 %4 归还，已逾期 %5 小时"
                                             "【R3-4.5.5】")
                                  .arg(r.value(0).toString(), r.value(1).toString(),
                                       r.value(2).toString(), due)
                                  .arg(hours)},
                         fromStorage(r.value(3).toString())};
                 });
         },
         keyRoles() << QStringLiteral("clerk")});
    a.add({QStringLiteral("key.emergency_unsigned"), QStringLiteral("keys"),
           tx("Emergency key loans waiting for the countersignature", "待补签的紧急借用"),
           [](const Services& sv, const Actor&) -> Result<QList<AttentionItem>> {
               const QDateTime at = sv.clock().nowUtc();
               return sql::list<AttentionItem>(
                   sv.database().connection(),
                   QStringLiteral("SELECT l.id, ") + kTagsOfLoan +
                       QStringLiteral(", l.borrower_name, l.countersign_due, l.out_at FROM "
                                      "key_loans l WHERE l.kind = 'emergency' AND "
                                      "l.countersigned_by = '' ORDER BY l.countersign_due"),
                   {}, [&](const QSqlQuery& r) {
                       const QString due = storedTimeAsOfficeText(r.value(3).toString());
                       const bool late = fromStorage(r.value(3).toString()) < at;
                       return AttentionItem{
                           QStringLiteral("key_loan"), r.value(0).toString(),
                           Text{QStringLiteral("Emergency loan #%1 %2 (%3): %4 %5 [R3-4.5.5]")
                                    .arg(r.value(0).toString(), r.value(1).toString(),
                                         r.value(2).toString(),
                                         late ? QStringLiteral("countersignature overdue since")
                                              : QStringLiteral("supervisor countersigns by"),
                                         due),
                                QStringLiteral("紧急借用 #%1 %2（%3）：%4 %5【R3-4.5.5】")
                                    .arg(r.value(0).toString(), r.value(1).toString(),
                                         r.value(2).toString(),
                                         late ? QStringLiteral("补签已超时，期限")
                                              : QStringLiteral("客服主管须补签，期限"),
                                         due)},
                           fromStorage(r.value(4).toString())};
                   });
           },
           keyRoles()});
    a.add(
        {QStringLiteral("key.emergency_incomplete"),
         QStringLiteral("keys"),
         tx("Incomplete emergency key sets", "紧急备用钥匙不齐全"),
         [](const Services& sv, const Actor&) -> Result<QList<AttentionItem>> {
             auto sets = emergencySets(sv.database().connection());
             if (!sets)
                 return fail(sets.error());
             QList<AttentionItem> out;
             for (const SetState& set : *sets) {
                 if (set.complete())
                     continue;
                 const Text name = categoryLabels().value(set.category);
                 out << AttentionItem{
                     QStringLiteral("key_emergency_set"), set.category,
                     set.keys == 0
                         ? Text{QStringLiteral("%1: no emergency backup set [R3-4.5.5]")
                                    .arg(name.en),
                                QStringLiteral("%1：没有紧急备用钥匙【R3-4.5.5】").arg(name.zh)}
                         : Text{QStringLiteral("%1 emergency set incomplete: %2 of %3 in, %4 lent, "
                                               "%5 lost [R3-4.5.5]")
                                    .arg(name.en)
                                    .arg(set.in)
                                    .arg(set.keys)
                                    .arg(set.out)
                                    .arg(set.lost),
                                QStringLiteral(
                                    "%1紧急备用钥匙不齐全：共 %3 把，在柜 %2 把，借出 %4 "
                                    "把，遗失 %5 把【R3-4.5.5】")
                                    .arg(name.zh)
                                    .arg(set.in)
                                    .arg(set.keys)
                                    .arg(set.out)
                                    .arg(set.lost)},
                     sv.clock().nowUtc()};
             }
             return out;
         },
         {QStringLiteral("key_keeper"), QStringLiteral("supervisor")}});

    // R1-1.2.7 / R5-d: a staff member with a key out cannot be marked as left.
    s.staffOpenItemRegistry().add(kit::staffOpenItems(
        QStringLiteral("keys.loans"), tx("Key loan", "未还钥匙"),
        QStringLiteral("SELECT l.id, ") + kTagsOfLoan +
            QStringLiteral(" FROM key_loans l WHERE l.borrower_staff_id = ? AND l.status = 'out' "
                           "ORDER BY l.id")));
}

} // namespace fd::keys
