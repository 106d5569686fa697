// Loans (R3-4.5.5): registered loans with a purpose and the approvals the policy asks for,
// returns checked by the keeper or clerk, emergency loans of the emergency set with the
// supervisor's countersignature, lost keys as incidents.
#include "keys_internal.h"
#include "util/clock.h"

#include <QJsonArray>

namespace fd::keys {
namespace {

struct Borrower {
    QString kind;
    QVariant staffId;
    QVariant residentId;
    QString name;
    QString organisation;
    QString idDocument;
};

const QVariant kNoId = QVariant(QMetaType(QMetaType::LongLong));

// An active staff member's name; bad input naming `field` otherwise.
Result<QString> activeStaff(const QSqlDatabase& db, qint64 id, const QString& field) {
    auto q = sql::one(db, QStringLiteral("SELECT name, status FROM staff WHERE id = ?"), {id},
                      missing(field, "staff member", "员工", id));
    if (!q)
        return fail(q.error());
    if (q->value(1).toString() != QStringLiteral("active"))
        return fail(
            bad(field, {QStringLiteral("%1 has left the office.").arg(q->value(0).toString()),
                        QStringLiteral("%1 已离职。").arg(q->value(0).toString())}));
    return q->value(0).toString();
}

Result<Borrower> borrowerOf(const ActionContext& ctx, const QList<KeyItem>& keys) {
    Borrower b;
    b.kind = textParam(ctx.params, "borrower_kind");
    b.staffId = kNoId;
    b.residentId = kNoId;
    b.name = textParam(ctx.params, "borrower_name").trimmed();
    b.organisation = textParam(ctx.params, "organisation").trimmed();
    b.idDocument = textParam(ctx.params, "id_document").trimmed();
    if (b.kind == QStringLiteral("staff")) {
        const qint64 id = idParam(ctx.params, "borrower_staff_id");
        if (id <= 0)
            return fail(bad(QStringLiteral("borrower_staff_id"),
                            tx("A staff borrower is named by their staff record "
                               "(borrower_staff_id).",
                               "员工借用须选择借用员工（borrower_staff_id）。")));
        auto name = activeStaff(ctx.db, id, QStringLiteral("borrower_staff_id"));
        if (!name)
            return fail(name.error());
        b.staffId = id;
        b.name = *name;
    } else if (b.kind == QStringLiteral("owner")) {
        const qint64 id = idParam(ctx.params, "borrower_resident_id");
        if (id <= 0)
            return fail(bad(QStringLiteral("borrower_resident_id"),
                            tx("The owner is named from the residents registry "
                               "(borrower_resident_id).",
                               "业主借用须从住户登记中选择业主（borrower_resident_id）。")));
        for (const KeyItem& k : keys) {
            auto owner = sql::scalar(ctx.db,
                                     QStringLiteral("SELECT name FROM residents WHERE id = ? AND "
                                                    "room_id = ? AND kind = 'owner' AND "
                                                    "move_out = ''"),
                                     {id, k.roomId});
            if (!owner)
                return fail(owner.error());
            if (!owner->isValid())
                return fail(bad(
                    QStringLiteral("borrower_resident_id"),
                    {QStringLiteral("Resident %1 is not a current owner of the room of "
                                    "key %2.")
                         .arg(id)
                         .arg(k.tag),
                     QStringLiteral("住户 %1 不是钥匙 %2 所属房间的现业主。").arg(id).arg(k.tag)}));
            b.name = owner->toString();
        }
        b.residentId = id;
    } else {
        if (b.name.isEmpty())
            return fail(bad(QStringLiteral("borrower_name"),
                            tx("Name the person borrowing the key.", "须填写借用人姓名。")));
        if (b.organisation.isEmpty())
            return fail(bad(QStringLiteral("organisation"),
                            tx("An outside borrower's organisation is recorded [R3-4.5.5].",
                               "外来人员借用须登记所在单位【R3-4.5.5】。")));
        if (b.idDocument.isEmpty())
            return fail(bad(QStringLiteral("id_document"),
                            tx("An outside borrower's ID document is recorded [R3-4.5.5].",
                               "外来人员借用须登记身份证件【R3-4.5.5】。")));
    }
    return b;
}

// The expected return: as typed (office time), or the policy's default hours from now;
// after now and within the longest loan.
Result<QDateTime> expectedReturn(const ActionContext& ctx) {
    const Policy& policy = ctx.services.policy();
    const QString typed = textParam(ctx.params, "expected_return").trimmed();
    if (typed.isEmpty())
        return ctx.now.addSecs(3600LL *
                               policy.intParameter(QStringLiteral("keys.default_loan_hours"), 4));
    const QDateTime at = parseOfficeTime(typed, ctx.now.toTimeZone(Clock::officeZone()).date());
    if (!at.isValid())
        return fail(bad(QStringLiteral("expected_return"),
                        tx("The expected return reads as yyyy-MM-dd HH:mm or HH:mm (today).",
                           "预计归还时间格式为 yyyy-MM-dd HH:mm，或当天的 HH:mm。")));
    const int days = policy.intParameter(QStringLiteral("keys.longest_loan_days"), 7);
    if (at <= ctx.now || at > ctx.now.addDays(days))
        return fail(
            bad(QStringLiteral("expected_return"),
                {QStringLiteral("The expected return is after now and within %1 days.").arg(days),
                 QStringLiteral("预计归还时间须在当前时间之后，且不超过 %1 天。").arg(days)}));
    return at;
}

// Every key is in the cabinet.
Status allIn(const QList<KeyItem>& keys, const QString& field) {
    for (const KeyItem& k : keys)
        if (k.status != QStringLiteral("in"))
            return fail(bad(field, {QStringLiteral("Key %1 is %2, not in the cabinet.")
                                        .arg(k.tag, statusLabels().value(k.status).en),
                                    QStringLiteral("钥匙 %1 当前状态为%2，不在柜内。")
                                        .arg(k.tag, statusLabels().value(k.status).zh)}));
    return {};
}

struct NewLoan {
    QString kind;
    Borrower borrower;
    QString purpose;
    QDateTime expected;
    QString countersignDue;
};

Result<qint64> writeLoan(const ActionContext& ctx, const NewLoan& l, const QList<KeyItem>& keys) {
    const bool emergency = l.kind == QStringLiteral("emergency");
    auto id = insertId(
        ctx.db,
        QStringLiteral(
            "INSERT INTO key_loans(kind, borrower_kind, borrower_staff_id, borrower_resident_id, "
            "borrower_name, organisation, id_document, purpose, purpose_note, emergency_reason, "
            "owner_authorisation, owner_contacted_at, owner_contacted_by, escort_staff_id, out_at, "
            "expected_return, lent_by, approval_id, approved_by, status, countersign_due) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'out',?)"),
        {l.kind,
         l.borrower.kind,
         l.borrower.staffId,
         l.borrower.residentId,
         l.borrower.name,
         l.borrower.organisation,
         l.borrower.idDocument,
         l.purpose,
         textParam(ctx.params, "purpose_note"),
         sql::text(emergency ? ctx.reason.trimmed() : QString()),
         textParam(ctx.params, "owner_authorisation"),
         textParam(ctx.params, "owner_contacted_at"),
         textParam(ctx.params, "owner_contacted_by"),
         optionalIdParam(ctx.params, "escort_staff_id"),
         toStorage(ctx.now),
         toStorage(l.expected),
         ctx.actor.login,
         ctx.approval ? QVariant(ctx.approval->approvalId) : kNoId,
         sql::text(ctx.approval ? ctx.approval->approver.login : QString()),
         sql::text(l.countersignDue)});
    if (!id)
        return fail(id.error());
    for (const KeyItem& k : keys) {
        if (auto ok = sql::run(ctx.db,
                               QStringLiteral("INSERT INTO key_loan_lines(loan_id, key_id, copies) "
                                              "VALUES (?,?,?)"),
                               {*id, k.id, k.copies});
            !ok)
            return fail(ok.error());
        if (auto ok = sql::run(
                ctx.db, QStringLiteral("UPDATE key_items SET status = 'out' WHERE id = ?"), {k.id});
            !ok)
            return fail(ok.error());
        if (auto ok =
                addHistory(ctx.db, k.id, ctx.now,
                           emergency ? QStringLiteral("lent_emergency") : QStringLiteral("lent"),
                           QStringLiteral("#%1 %2").arg(*id).arg(l.borrower.name), ctx.actor.login);
            !ok)
            return fail(ok.error());
    }
    return *id;
}

QJsonArray tagArray(const QList<KeyItem>& keys) {
    QJsonArray out;
    for (const KeyItem& k : keys)
        out.append(k.tag);
    return out;
}

// The purpose's code in the policy's list (as typed: code or words).
QString purposeCode(const Policy& policy, const QString& typed) {
    const auto list = purposes(policy);
    for (auto it = list.cbegin(); it != list.cend(); ++it)
        if (it.key() == typed || it->zh == typed || it->en.compare(typed, Qt::CaseInsensitive) == 0)
            return it.key();
    return typed;
}

Result<ActionOutcome> lend(ActionContext& ctx) {
    auto keys = loadKeys(ctx.db, ctx.params.value(QStringLiteral("keys")).toStringList(),
                         QStringLiteral("keys"));
    if (!keys)
        return fail(keys.error());
    if (auto ok = allIn(*keys, QStringLiteral("keys")); !ok)
        return fail(ok.error());
    auto borrower = borrowerOf(ctx, *keys);
    if (!borrower)
        return fail(borrower.error());
    if (borrower->kind == QStringLiteral("owner"))
        for (const KeyItem& k : *keys)
            if (k.category != QStringLiteral("owner") || k.roomId == 0)
                return fail(bad(QStringLiteral("keys"),
                                {QStringLiteral("Key %1 is not the owner's own key.").arg(k.tag),
                                 QStringLiteral("钥匙 %1 不是该业主的房屋钥匙。").arg(k.tag)}));
    if (const qint64 escort = idParam(ctx.params, "escort_staff_id"); escort > 0)
        if (auto ok = activeStaff(ctx.db, escort, QStringLiteral("escort_staff_id")); !ok)
            return fail(ok.error());
    auto expected = expectedReturn(ctx);
    if (!expected)
        return fail(expected.error());
    const QString purpose =
        purposeCode(ctx.services.policy(), textParam(ctx.params, "purpose").trimmed());
    auto id = writeLoan(ctx, {QStringLiteral("regular"), *borrower, purpose, *expected, {}}, *keys);
    if (!id)
        return fail(id.error());
    return ActionOutcome{
        QStringLiteral("key_loan"),
        QString::number(*id),
        {},
        {{QStringLiteral("keys"), tagArray(*keys)},
         {QStringLiteral("borrower_kind"), borrower->kind},
         {QStringLiteral("borrower"), borrower->name},
         {QStringLiteral("organisation"), borrower->organisation},
         {QStringLiteral("purpose"), purpose},
         {QStringLiteral("expected_return"), toStorage(*expected)},
         {QStringLiteral("owner_contacted_at"), textParam(ctx.params, "owner_contacted_at")},
         {QStringLiteral("owner_contacted_by"), textParam(ctx.params, "owner_contacted_by")},
         {QStringLiteral("approved_by"), ctx.approval ? ctx.approval->approver.login : QString()}},
        {{QStringLiteral("loan_id"), *id}}};
}

Result<ActionOutcome> lendEmergency(ActionContext& ctx) {
    const QString category = textParam(ctx.params, "category");
    auto set = sql::list<QString>(
        ctx.db,
        QStringLiteral("SELECT tag FROM key_items WHERE category = ? AND emergency = 1 AND "
                       "status = 'in' ORDER BY tag"),
        {category}, [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!set)
        return fail(set.error());
    QStringList tags = ctx.params.value(QStringLiteral("keys")).toStringList();
    tags.removeAll(QString());
    if (tags.isEmpty())
        tags = *set;
    for (const QString& t : tags)
        if (!set->contains(t.trimmed()))
            return fail(bad(QStringLiteral("keys"),
                            {QStringLiteral("Key %1 is not in the cabinet in the %2 emergency set.")
                                 .arg(t, categoryLabels().value(category).en),
                             QStringLiteral("钥匙 %1 不是在柜的%2紧急备用钥匙。")
                                 .arg(t, categoryLabels().value(category).zh)}));
    if (tags.isEmpty())
        return fail(bad(QStringLiteral("category"),
                        {QStringLiteral("The %1 emergency set has no key in the cabinet.")
                             .arg(categoryLabels().value(category).en),
                         QStringLiteral("%1的紧急备用钥匙没有在柜的。")
                             .arg(categoryLabels().value(category).zh)}));
    auto keys = loadKeys(ctx.db, tags, QStringLiteral("keys"));
    if (!keys)
        return fail(keys.error());
    auto borrower = borrowerOf(ctx, *keys);
    if (!borrower)
        return fail(borrower.error());
    auto expected = expectedReturn(ctx);
    if (!expected)
        return fail(expected.error());
    // The loan goes out at once; the supervisor countersigns within the policy's hours.
    const int hours =
        ctx.services.policy().intParameter(QStringLiteral("keys.emergency_countersign_hours"), 12);
    const QString due = toStorage(ctx.now.addSecs(3600LL * hours));
    auto id = writeLoan(
        ctx, {QStringLiteral("emergency"), *borrower, QStringLiteral("emergency"), *expected, due},
        *keys);
    if (!id)
        return fail(id.error());
    return ActionOutcome{
        QStringLiteral("key_loan"),
        QString::number(*id),
        {},
        {{QStringLiteral("kind"), QStringLiteral("emergency")},
         {QStringLiteral("category"), category},
         {QStringLiteral("keys"), tagArray(*keys)},
         {QStringLiteral("borrower"), borrower->name},
         {QStringLiteral("emergency"), ctx.reason.trimmed()},
         {QStringLiteral("countersign_due"), due}},
        {{QStringLiteral("loan_id"), *id}, {QStringLiteral("countersign_due"), due}}};
}

struct OpenLoan {
    qint64 id = 0;
    QString kind;
    QString status;
    QString borrower;
    qint64 copiesOut = 0;
    QString countersignedBy;
    QString countersignDue;
};

Result<OpenLoan> loadLoan(const QSqlDatabase& db, qint64 id) {
    auto q =
        sql::one(db,
                 QStringLiteral(
                     "SELECT l.id, l.kind, l.status, l.borrower_name, l.countersigned_by, "
                     "l.countersign_due, (SELECT coalesce(sum(x.copies), 0) FROM key_loan_lines x "
                     "JOIN key_items k ON k.id = x.key_id WHERE x.loan_id = l.id AND k.status = "
                     "'out') AS copies_out FROM key_loans l WHERE l.id = ?"),
                 {id}, missing(QStringLiteral("loan_id"), "key loan", "钥匙借用记录", id));
    if (!q)
        return fail(q.error());
    const sql::Row row(*q);
    return OpenLoan{row.id("id"),
                    row.text("kind"),
                    row.text("status"),
                    row.text("borrower_name"),
                    row.id("copies_out"),
                    row.text("countersigned_by"),
                    row.text("countersign_due")};
}

// Return, checked by the keeper or clerk: the keys on the ring counted, the condition.
Result<ActionOutcome> giveBack(ActionContext& ctx) {
    auto loan = loadLoan(ctx.db, idParam(ctx.params, "loan_id"));
    if (!loan)
        return fail(loan.error());
    if (loan->status != QStringLiteral("out"))
        return fail(bad(QStringLiteral("loan_id"),
                        {QStringLiteral("Key loan %1 was returned already.").arg(loan->id),
                         QStringLiteral("钥匙借用 %1 已归还。").arg(loan->id)}));
    const qint64 count = kit::intParam(ctx.params, "count");
    if (count != loan->copiesOut)
        return fail(bad(QStringLiteral("count"),
                        {QStringLiteral("Counted %1 keys but %2 were lent: find the missing key, "
                                        "or report it lost (key.report_lost) first.")
                             .arg(count)
                             .arg(loan->copiesOut),
                         QStringLiteral("清点 %1 把，借出 %2 把：请找回缺少的钥匙，或先按遗失上报"
                                        "（key.report_lost）。")
                             .arg(count)
                             .arg(loan->copiesOut)}));
    const QString condition = textParam(ctx.params, "condition");
    const QString note = textParam(ctx.params, "note").trimmed();
    if (condition == QStringLiteral("damaged") && note.isEmpty())
        return fail(bad(QStringLiteral("note"), tx("Say what is damaged.", "请注明损坏情况。")));
    auto keys = sql::ids(ctx.db,
                         QStringLiteral("SELECT x.key_id FROM key_loan_lines x JOIN key_items k ON "
                                        "k.id = x.key_id WHERE x.loan_id = ? AND k.status = 'out'"),
                         {loan->id});
    if (!keys)
        return fail(keys.error());
    for (const qint64 key : *keys) {
        if (auto ok = sql::run(
                ctx.db, QStringLiteral("UPDATE key_items SET status = 'in' WHERE id = ?"), {key});
            !ok)
            return fail(ok.error());
        if (auto ok = addHistory(ctx.db, key, ctx.now, QStringLiteral("returned"),
                                 QStringLiteral("#%1 %2 %3")
                                     .arg(loan->id)
                                     .arg(loanLabels().value(condition).zh, note)
                                     .trimmed(),
                                 ctx.actor.login);
            !ok)
            return fail(ok.error());
    }
    if (auto ok = sql::run(ctx.db,
                           QStringLiteral("UPDATE key_loans SET status = 'returned', returned_at = "
                                          "?, returned_to = ?, return_count = ?, return_condition "
                                          "= ?, return_note = ? WHERE id = ?"),
                           {toStorage(ctx.now), ctx.actor.login, count, condition, note, loan->id});
        !ok)
        return fail(ok.error());
    return ActionOutcome{QStringLiteral("key_loan"),
                         QString::number(loan->id),
                         {{QStringLiteral("status"), QStringLiteral("out")}},
                         {{QStringLiteral("status"), QStringLiteral("returned")},
                          {QStringLiteral("count"), count},
                          {QStringLiteral("condition"), condition},
                          {QStringLiteral("note"), note}},
                         {{QStringLiteral("loan_id"), loan->id}}};
}

// The supervisor's countersignature of an emergency loan (rule key-emergency-countersigned).
Result<ActionOutcome> countersign(ActionContext& ctx) {
    auto loan = loadLoan(ctx.db, idParam(ctx.params, "loan_id"));
    if (!loan)
        return fail(loan.error());
    if (loan->kind != QStringLiteral("emergency"))
        return fail(bad(QStringLiteral("loan_id"),
                        {QStringLiteral("Key loan %1 is not an emergency loan.").arg(loan->id),
                         QStringLiteral("钥匙借用 %1 不是紧急借用。").arg(loan->id)}));
    if (!loan->countersignedBy.isEmpty())
        return fail(
            bad(QStringLiteral("loan_id"),
                {QStringLiteral("Emergency loan %1 is countersigned already.").arg(loan->id),
                 QStringLiteral("紧急借用 %1 已补签。").arg(loan->id)}));
    const Actor* supervisor = kit::signer(ctx, QStringLiteral("countersigned"));
    const QString by = supervisor != nullptr ? supervisor->login : ctx.actor.login;
    const bool late = ctx.now > fromStorage(loan->countersignDue);
    if (auto ok = sql::run(ctx.db,
                           QStringLiteral("UPDATE key_loans SET countersigned_by = ?, "
                                          "countersigned_at = ? WHERE id = ?"),
                           {by, toStorage(ctx.now), loan->id});
        !ok)
        return fail(ok.error());
    auto keys = sql::ids(
        ctx.db, QStringLiteral("SELECT key_id FROM key_loan_lines WHERE loan_id = ?"), {loan->id});
    if (!keys)
        return fail(keys.error());
    for (const qint64 key : *keys)
        if (auto ok = addHistory(ctx.db, key, ctx.now, QStringLiteral("countersigned"),
                                 QStringLiteral("#%1").arg(loan->id), by);
            !ok)
            return fail(ok.error());
    return ActionOutcome{QStringLiteral("key_loan_countersign"),
                         QString::number(loan->id),
                         {{QStringLiteral("countersigned_by"), QString()}},
                         {{QStringLiteral("countersigned_by"), by},
                          {QStringLiteral("countersign_due"), loan->countersignDue},
                          {QStringLiteral("late"), late}},
                         {{QStringLiteral("loan_id"), loan->id}, {QStringLiteral("late"), late}}};
}

// A lost key, once the supervisor approved the incident: recorded, the key retired as lost,
// its history kept.
Result<ActionOutcome> reportLost(ActionContext& ctx) {
    auto key = loadKey(ctx.db, textParam(ctx.params, "tag"), QStringLiteral("tag"));
    if (!key)
        return fail(key.error());
    if (key->status != QStringLiteral("in") && key->status != QStringLiteral("out"))
        return fail(
            bad(QStringLiteral("tag"), {QStringLiteral("Key %1 is %2 already.")
                                            .arg(key->tag, statusLabels().value(key->status).en),
                                        QStringLiteral("钥匙 %1 已是%2状态。")
                                            .arg(key->tag, statusLabels().value(key->status).zh)}));
    auto loan =
        sql::scalar(ctx.db,
                    QStringLiteral("SELECT l.id FROM key_loan_lines x JOIN key_loans l ON "
                                   "l.id = x.loan_id WHERE x.key_id = ? AND l.status = 'out'"),
                    {key->id});
    if (!loan)
        return fail(loan.error());
    const QVariant loanId = loan->isValid() ? QVariant(loan->toLongLong()) : kNoId;
    auto id = insertId(ctx.db,
                       QStringLiteral("INSERT INTO key_incidents(key_id, loan_id, circumstances, "
                                      "lock_replacement, owner_consent, reported_by, approved_by, "
                                      "recorded_at) VALUES (?,?,?,?,?,?,?,?)"),
                       {key->id, loanId, textParam(ctx.params, "circumstances"),
                        textParam(ctx.params, "lock_replacement"),
                        textParam(ctx.params, "owner_consent"), ctx.actor.login,
                        sql::text(ctx.approval ? ctx.approval->approver.login : QString()),
                        toStorage(ctx.now)});
    if (!id)
        return fail(id.error());
    if (auto ok = sql::run(ctx.db,
                           QStringLiteral("UPDATE key_items SET status = 'lost', retired_at = ? "
                                          "WHERE id = ?"),
                           {toStorage(ctx.now), key->id});
        !ok)
        return fail(ok.error());
    if (auto ok =
            sql::run(ctx.db,
                     QStringLiteral("UPDATE key_slots SET custody = 'not_held', key_id = NULL, "
                                    "changed_at = ? WHERE key_id = ?"),
                     {toStorage(ctx.now), key->id});
        !ok)
        return fail(ok.error());
    if (auto ok = addHistory(ctx.db, key->id, ctx.now, QStringLiteral("lost"),
                             textParam(ctx.params, "circumstances"), ctx.actor.login);
        !ok)
        return fail(ok.error());
    // A loan whose every key is back or lost is closed.
    if (loan->isValid()) {
        auto rest = loadLoan(ctx.db, loan->toLongLong());
        if (!rest)
            return fail(rest.error());
        if (rest->copiesOut == 0)
            if (auto ok = sql::run(ctx.db,
                                   QStringLiteral("UPDATE key_loans SET status = 'returned', "
                                                  "returned_at = ?, returned_to = ?, return_note = "
                                                  "? WHERE id = ?"),
                                   {toStorage(ctx.now), ctx.actor.login,
                                    QStringLiteral("钥匙遗失 / key lost"), rest->id});
                !ok)
                return fail(ok.error());
    }
    return ActionOutcome{
        QStringLiteral("key_incident"),
        QString::number(*id),
        {{QStringLiteral("status"), key->status}},
        {{QStringLiteral("tag"), key->tag},
         {QStringLiteral("status"), QStringLiteral("lost")},
         {QStringLiteral("lock_replacement"), textParam(ctx.params, "lock_replacement")},
         {QStringLiteral("owner_consent"), textParam(ctx.params, "owner_consent")},
         {QStringLiteral("approved_by"), ctx.approval ? ctx.approval->approver.login : QString()}},
        {{QStringLiteral("incident_id"), *id}}};
}

Result<QByteArray> countersignContent(const QSqlDatabase& db, const QString& id) {
    auto q = sql::exec(db,
                       QStringLiteral("SELECT l.id, l.borrower_name, l.emergency_reason, l.out_at, "
                                      "l.countersign_due, (SELECT group_concat(k.tag, ',') FROM "
                                      "key_loan_lines x JOIN key_items k ON k.id = x.key_id WHERE "
                                      "x.loan_id = l.id) FROM key_loans l WHERE l.id = ?"),
                       {id.toLongLong()});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return QByteArray();
    QStringList fields;
    for (int c = 0; c < 6; ++c)
        fields << q->value(c).toString();
    return fields.join(QLatin1Char('\x1f')).toUtf8();
}

} // namespace

void registerLoanActions(Services& s) {
    auto& r = s.actionRegistry();
    s.valueNameRegistry().add(
        QStringLiteral("keys"),
        kit::namedBy(QStringLiteral("SELECT tag || ' ' || label FROM key_items WHERE tag = ?")));
    s.valueNameRegistry().add(QStringLiteral("escort_staff_id"),
                              kit::namedBy(QStringLiteral("SELECT name FROM staff WHERE id = ?")));
    s.valueNameRegistry().add(QStringLiteral("borrower_resident_id"),
                              kit::namedBy(QStringLiteral("SELECT room_code || ' ' || name FROM "
                                                          "residents WHERE id = ?")));
    const ParamSpec keysParam =
        param("keys", ParamType::TextList, true, tx("Keys (tag numbers)", "钥匙（挂牌号）"));
    const ParamSpec staffId =
        param("borrower_staff_id", ParamType::Id, false, tx("Staff member", "借用员工"));
    const ParamSpec name = param("borrower_name", ParamType::Text, false, tx("Borrower", "借用人"));
    const ParamSpec org = param("organisation", ParamType::Text, false, tx("Organisation", "单位"));
    const ParamSpec idDoc =
        param("id_document", ParamType::Text, false, tx("ID document", "身份证件"));
    const ParamSpec expected = param("expected_return", ParamType::Text, false,
                                     tx("Expected return (yyyy-MM-dd HH:mm)", "预计归还时间"));
    const ParamSpec loanId = param("loan_id", ParamType::Id, true, tx("Key loan", "钥匙借用记录"));
    addAction(r,
              {QStringLiteral("key.lend"),
               tx("Lend keys", "钥匙借用登记"),
               {keysParam,
                kit::choice("borrower_kind", true, tx("Borrower", "借用人类别"),
                            {{"staff", "Staff member", "本公司员工"},
                             {"owner", "The owner", "业主本人"},
                             {"outside", "Outside person", "外来人员"}}),
                staffId, param("borrower_resident_id", ParamType::Id, false, tx("Owner", "业主")),
                name, org, idDoc,
                // Required by the rule key-loan-purpose, which names the clause.
                param("purpose", ParamType::Text, false, tx("Purpose", "借用事由")),
                param("purpose_note", ParamType::Text, false, tx("Details", "事由说明")), expected,
                param("owner_authorisation", ParamType::Text, false,
                      tx("Owner's authorisation", "业主授权")),
                param("owner_contacted_at", ParamType::Text, false,
                      tx("Owner contacted at", "联系业主时间")),
                param("owner_contacted_by", ParamType::Text, false,
                      tx("Owner contacted by", "联系业主人")),
                param("escort_staff_id", ParamType::Id, false,
                      tx("Accompanying staff member", "陪同员工"))},
               lend});
    addAction(r, {QStringLiteral("key.lend_emergency"),
                  tx("Lend the emergency set", "紧急备用钥匙借用"),
                  {kit::choice("category", true, tx("Category", "钥匙类别"),
                               {{"owner", "Owner (resident) key", "业主（住户）钥匙"},
                                {"public", "Public door and window key", "公共门窗钥匙"},
                                {"equipment", "Equipment room key", "设备房钥匙"},
                                {"water_meter", "Water-meter box key", "水表箱钥匙"}}),
                   param("keys", ParamType::TextList, false,
                         tx("Keys (default: the whole set)", "钥匙（默认整套）")),
                   kit::choice("borrower_kind", true, tx("Borrower", "借用人类别"),
                               {{"staff", "Staff member", "本公司员工"},
                                {"outside", "Outside person", "外来人员"}}),
                   staffId, name, org, idDoc, expected},
                  lendEmergency});
    addAction(r, {QStringLiteral("key.return"),
                  tx("Return keys", "钥匙归还"),
                  {loanId, kit::wholeNumber("count", true, tx("Keys counted", "清点数量"), 0, 500),
                   kit::choice("condition", true, tx("Condition", "完好情况"),
                               {{"good", "Good", "完好"}, {"damaged", "Damaged", "损坏"}}),
                   param("note", ParamType::Text, false, tx("Note", "备注"))},
                  giveBack});
    addAction(r, {QStringLiteral("key.countersign"),
                  tx("Countersign an emergency loan", "紧急借用补签"),
                  {loanId},
                  countersign});
    addAction(
        r, {QStringLiteral("key.report_lost"),
            tx("Report a lost key", "钥匙遗失上报"),
            {kit::boundedText("tag", tx("Tag number", "挂牌号"), true, 30),
             param("circumstances", ParamType::LongText, true, tx("What happened", "遗失经过")),
             param("lock_replacement", ParamType::Text, true, tx("Lock replacement", "换锁处理")),
             param("owner_consent", ParamType::Text, false,
                   tx("Owner's consent (owner keys)", "业主意见（业主钥匙）"))},
            reportLost});
    s.signatureBook().registerContent(QStringLiteral("key_loan_countersign"), countersignContent);
}

} // namespace fd::keys
